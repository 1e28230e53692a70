"""Property tests: generated documents give back their hidden metadata and an untouched body."""

from __future__ import annotations

from datetime import date

from hypothesis import given

from copydesk import clean_article

from ..strategies_meta import (
    MONTHS,
    Doc,
    body,
    byline_doc,
    days,
    header_doc,
    stamp_doc,
    wire_doc,
)


def _check(doc: Doc) -> None:
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert article.title == doc.title
    assert article.authors == doc.authors
    assert article.published == doc.published
    assert article.source == doc.source
    assert article.categories == doc.categories
    assert article.captions == doc.captions
    assert dict(article.metadata) == dict(doc.metadata)  # placeholders never land in metadata


@given(header_doc())
def test_header_blocks_are_recovered(doc: Doc) -> None:
    """A header block's title, authors, date and categories come back exactly."""
    _check(doc)


@given(byline_doc())
def test_bylines_datelines_captions_credits_are_recovered(doc: Doc) -> None:
    """Datelines, bylines, captions, agency credits and category footers come back exactly."""
    _check(doc)


@given(wire_doc())
def test_wire_datelines_are_recovered(doc: Doc) -> None:
    """A wire dateline's agency and place come back; the paragraph it opened stays whole."""
    _check(doc)


@given(stamp_doc())
def test_glued_stamps_clock_lines_and_signatures_are_recovered(doc: Doc) -> None:
    """Glued stamps, clock lines and glued signatures give their values; the text stays."""
    _check(doc)


@given(body(), days())
def test_plain_prose_is_untouched(paras: tuple[str, ...], day: date) -> None:
    """Prose, even prose naming a date, loses nothing to the extract steps."""
    dated = f"On {day.day} {MONTHS[day.month - 1]} {day.year} the council met in the city hall."
    paras = (*paras[:1], dated, *paras[1:])
    article = clean_article("\n\n".join(paras))
    assert not [e for e in article.edits if e.rule.startswith("extract.")]
    assert article.paragraphs == paras

"""The cleaner recovers the hidden truth of realistic generated scraped documents."""

from __future__ import annotations

from hypothesis import given

from copydesk import clean_article

from .strategies_meta import Doc
from .strategies_scraped import scraped_documents


def recovered(doc: Doc) -> dict[str, bool]:
    """Which parts of a generated document's truth the cleaner got back exactly."""
    a = clean_article(doc.text)
    return {
        "body": a.paragraphs == doc.body,
        "title": a.title == doc.title,
        "authors": a.authors == doc.authors,
        "published": a.published == doc.published,
        "source": a.source == doc.source,
        "categories": a.categories == doc.categories,
        "captions": a.captions == doc.captions,
    }


@given(scraped_documents())
def test_truth_is_recovered_through_residue_and_invisible_damage(doc: Doc) -> None:
    """Metadata, residue lines (under the footer too), NBSP, zero-width marks and CRLF cost nothing."""
    got = recovered(doc)
    assert all(got.values()), got

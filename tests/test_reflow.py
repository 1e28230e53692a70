"""repair.hard_wraps: wrapped paragraphs are joined, line-per-paragraph text is left alone,
and the words never change."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import Draft, clean_article
from copydesk.ledger import replay_repairs
from copydesk.reflow import hard_wraps, words_kept

from .strategies import WORDS, any_text, paragraphs

# Languages written with spaces between words, one per script the house generators know.
SPACED = ("en", "pt", "ru", "ar")


@st.composite
def wrapped(draw: st.DrawFn) -> tuple[list[str], str]:
    """Paragraphs of one language, each broken into lines of at most 60-80 characters, with
    or without a blank line (or an indent) between paragraphs."""
    lang = draw(st.sampled_from(SPACED))
    sentence = st.lists(st.sampled_from(WORDS[lang]), min_size=10, max_size=16).map(
        lambda ws: " ".join(ws).capitalize() + "."
    )
    para = st.lists(sentence, min_size=3, max_size=5).map(" ".join)
    paras = draw(st.lists(para, min_size=3, max_size=6))
    width = draw(st.integers(60, 80))
    sep = draw(st.sampled_from(["blank", "indent"]))
    lines: list[str] = []
    for para in paras:
        indent = "    " if sep == "indent" else ""
        wrapped_lines = textwrap.wrap(para, width, initial_indent=indent, break_long_words=False)
        if sep == "blank" and lines:
            lines.append("")
        lines.extend(wrapped_lines)
    return paras, "\n".join(lines)


@given(wrapped())
def test_wrapped_paragraphs_are_joined(case: tuple[list[str], str]) -> None:
    """A document wrapped at 60-80 characters comes back one paragraph a line."""
    paras, text = case
    draft = hard_wraps(Draft.from_text(text))
    assert [p.strip() for p in draft.text.split("\n") if p.strip()] == paras
    assert replay_repairs(text, draft.edits) == draft.text
    assert {e.rule for e in draft.edits} == {"repair.hard_wraps"}


@given(st.lists(paragraphs(), min_size=1, max_size=10))
def test_line_per_paragraph_documents_are_kept(paras: list[str]) -> None:
    """Paragraphs already one a line (short or long, any language) are never joined."""
    text = "\n".join(paras)
    assert hard_wraps(Draft.from_text(text)).edits == ()


@given(st.one_of(any_text(), wrapped().map(lambda case: case[1])))
@example("a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h\n" * 8)
def test_reflow_never_changes_the_words(text: str) -> None:
    """The law: reflowing changes white space only, never the sequence of words."""
    draft = hard_wraps(Draft.from_text(text))
    assert words_kept(text, draft.text)


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # a Reuters-style wire story: indented paragraph starts
        (
            "The harbour board said on Monday it would close the old port for\n"
            "repairs after the storm, and that ships would dock further south\n"
            "until the end of the month.\n"
            "    Officials said the cost of the work had not been settled and\n"
            "that talks with the city council would resume later this week.\n"
            "    The board expects the port to reopen in the spring, when the\n"
            "new quay walls and the cranes are in place, a spokesman said.\n",
            True,
        ),
        # a poem or a list of short lines: no line fills the width
        ("Roses are red\nViolets are blue\nSugar is sweet\nAnd so are you\n" * 2, False),
        # one paragraph a line, each ending a sentence
        ("The port closed.\nThe council met on Tuesday.\nPrices rose.\n" * 3, False),
    ],
)
def test_examples(text: str, joined: bool) -> None:
    """Wrapped wire copy is joined; short lines and sentence-per-line text are not."""
    assert bool(hard_wraps(Draft.from_text(text)).edits) == joined


def test_wrapped_story_cleans_to_paragraphs() -> None:
    """End to end, a wrapped story comes out as whole paragraphs, edits in the ledger."""
    text = (
        "The harbour board said on Monday it would close the old port for\n"
        "repairs after the storm, and that ships would dock further south\n"
        "until the end of the month.\n\n"
        "Officials said the cost of the work had not been settled and\n"
        "that talks with the city council would resume later this week.\n\n"
        "The board expects the port to reopen in the spring, when the\n"
        "new quay walls and the cranes are in place, a spokesman said.\n"
    )
    article = clean_article(text)
    assert article.paragraphs[0].endswith("further south until the end of the month.")
    assert any(e.rule == "repair.hard_wraps" for e in article.edits)


def test_full_lines_that_end_sentences_are_not_wrapped_whatever_short_lines_say() -> None:
    """Lines of one sentence each stay apart, even with short unpunctuated lines among them.

    Found by hypothesis: two "Advertisement" lines counted as lines stopping mid-sentence.
    """
    line = "البند " + " ".join(["المدينة"] * 10) + "."
    doc = "Advertisement\nAdvertisement\n" + "\n".join([line] * 4)
    assert hard_wraps(Draft.from_text(doc)).edits == ()


def test_metadata_lines_above_two_paragraphs_do_not_make_a_document_wrapped() -> None:
    """A byline and a caption stop without a full stop, but before a capital: they are not
    sentences running on, so two paragraphs of equal length below them stay two.

    Found by hypothesis (tests/extract/test_properties.py): the two paragraphs were joined.
    """
    doc = "\n".join(
        [
            "2000-01-01",
            "Port Port Port",
            "By Jane Roe and Jane van Roe, Senior Reporter",
            "Port Port Port | Jane van Roe/Getty Images",
            "The port port port port port port port port port port.",
            "The port port port port port port port port port storm.",
            "  • Anadolu Agency",
            "Posted in: DIPLOMACY",
        ]
    )
    assert hard_wraps(Draft.from_text(doc)).edits == ()

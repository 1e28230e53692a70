"""Tests of copydesk._explain: the page that explains one document, in document order."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import DEFAULT, clean_article
from copydesk._explain import explain, render_page, visible
from copydesk.clean import start
from copydesk.draft import Draft
from copydesk.pipeline import Pipeline, step

from .strategies_scraped import scraped_documents

# An ANSI colour code, as the page writes them ("\x1b[31m", "\x1b[0m").
ANSI_RE = re.compile(r"\x1b\[[0-9;]{0,8}m")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\u200bb", "a\\u200bb"),
        ("line\r", "line\\r"),
        ("\x07", "\\x07"),
        ("Ça va – très bien", "Ça va – très bien"),  # negative row: printable text is kept
        ("a b", "a b"),  # negative row: a plain space is kept
    ],
)
def test_visible(text: str, shown: str) -> None:
    """Invisible characters are escaped, printable ones are left alone."""
    assert visible(text) == shown


RAW = (
    "Port reopens\n\nShips returned on Monday, officials said.Crews cheered.\n\n"
    "Share this article\n\nMore ships are expected later this week.\u200b"
)


def test_explain_names_each_rule_and_shows_context() -> None:
    """Every ledger entry appears with its rule; in-line changes show their context."""
    out = explain(RAW, pipeline=DEFAULT)
    article = clean_article(RAW)
    for edit in article.edits:
        assert f"[{edit.rule}" in out
    assert "said.{+ +}Crews" in out
    assert "[-\\u200b-]" in out


def test_the_page_follows_the_document_order_with_removed_lines_in_place() -> None:
    """Fields first, then the lines in the order of the input: the title line before the body,
    the removed share line between the paragraphs it sat between, the body shown."""
    lines = explain(RAW, pipeline=DEFAULT).splitlines()
    assert lines[0] == "title:      Port reopens"
    order = [
        next(i for i, line in enumerate(lines) if line.startswith(prefix))
        for prefix in ("> Port reopens", "  Ships returned", "- Share this article", "  More ships")
    ]
    assert order == sorted(order)
    assert lines[order[2]].endswith("[strip.share_prompt]")


@pytest.mark.parametrize(("color", "has_escape"), [(True, True), (False, False)])
def test_colour_only_when_asked(color: bool, has_escape: bool) -> None:
    """ANSI colour codes appear only with color=True."""
    out = explain(RAW, pipeline=DEFAULT, color=color)
    assert ("\x1b[" in out) == has_escape
    assert ("said.\x1b[32m{+ +}\x1b[0mCrews" in out) == color  # an in-line mark, coloured


def test_skipped_step_leaves_no_trace() -> None:
    """With a step skipped, explain shows none of its edits."""
    out = explain(RAW, pipeline=DEFAULT.without("tidy.glued_sentences"))
    assert "tidy.glued_sentences" not in out
    assert "said.Crews" in out


@step("test.model_residue")
def _model_residue(draft: Draft) -> Draft:
    """Remove the lines saying "Zq model line", as a line model would, with its probability."""
    hits = [i for i, line in draft.body() if line.text == "Zq model line"]
    return draft.take(
        hits, rule="test.model_residue", kind="removed", scores={i: 0.875 for i in hits}
    )


def test_a_model_probability_is_shown_beside_its_rule() -> None:
    """A removal that carries the model's probability shows it; a rule's removal shows none."""
    raw = "Port reopens\n\nShips returned on Monday.\n\nZq model line\n\nShare this article"
    # the shipped model is left out: whether it takes the made-up line is not the point here
    pipeline = Pipeline((*DEFAULT.without("classify.lines").steps, _model_residue))
    lines = explain(raw, pipeline=pipeline).splitlines()
    assert "- Zq model line  [test.model_residue p=0.88]" in lines
    assert "- Share this article  [strip.share_prompt]" in lines


def test_a_giant_line_is_wrapped_and_a_removed_one_is_cut_short() -> None:
    """A 6,655-character body line is wrapped whole; a long removed line shows a few wrapped
    lines and counts the rest; nothing is wider than the page."""
    words = ("harbour " * 832).strip()
    raw = f"Port reopens\n\n{words}\n\nShare this article {words}"
    pipeline = DEFAULT.without("strip.share_prompt")
    draft = pipeline.apply(start(raw))
    body = render_page(draft, width=60)
    assert max(map(len, body.splitlines())) <= 60
    assert body.count("harbour") >= 832
    bar = _remove_long(draft)
    page = render_page(bar, width=60)
    assert max(map(len, page.splitlines())) <= 60
    assert "more characters)" in page
    painted = render_page(bar, width=60, color=True)
    assert "\x1b[" in painted
    assert max(len(ANSI_RE.sub("", line)) for line in painted.splitlines()) <= 60


def _remove_long(draft: Draft) -> Draft:
    long = [i for i, line in draft.body() if line.text.startswith("Share")]
    return draft.take(long, rule="test.long", kind="removed")


@given(doc=scraped_documents(mojibake=True), width=st.integers(40, 130))
@example(doc=None, width=40)
def test_every_page_line_fits_and_every_input_line_is_on_the_page(doc: object, width: int) -> None:
    """Whatever the document, no line of the page is wider than the page, and every line of
    the repaired text that left the body appears on it, with its rule."""
    raw = "Title\n\n" + "x" * 6655 if doc is None else doc.text  # type: ignore[attr-defined]
    draft = DEFAULT.apply(start(raw))
    page = render_page(draft, width=width)
    assert max(len(line) for line in page.splitlines()) <= width
    for line in draft.lines:
        if line.state in ("removed", "extracted"):
            assert f"[{line.rule}" in page

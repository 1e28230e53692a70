"""Tests of copydesk._explain: the ledger rendered like a diff."""

from __future__ import annotations

import pytest

from copydesk import DEFAULT, clean_article
from copydesk._explain import explain, render_explain, visible


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


RAW = "Port reopens\n\nShips returned on Monday.Crews cheered.\n\nMore later.\u200b"


def test_explain_names_each_rule_and_shows_context() -> None:
    """Every ledger entry appears with its rule; in-line changes show their context."""
    out = explain(RAW, pipeline=DEFAULT)
    article = clean_article(RAW)
    for edit in article.edits:
        assert f"[{edit.rule}]" in out
    assert "Monday.{+ +}Crews" in out
    assert "[-\\u200b-]" in out


@pytest.mark.parametrize(("color", "has_escape"), [(True, True), (False, False)])
def test_colour_only_when_asked(color: bool, has_escape: bool) -> None:
    """ANSI colour codes appear only with color=True."""
    out = render_explain(clean_article(RAW), color=color)
    assert ("\x1b[" in out) == has_escape


def test_skipped_step_leaves_no_trace() -> None:
    """With a step skipped, explain shows none of its edits."""
    out = explain(RAW, pipeline=DEFAULT.without("tidy.glued_sentences"))
    assert "tidy.glued_sentences" not in out

"""Tests of copydesk._progress: the progress bar and the end-of-run summary."""

from __future__ import annotations

import io

import pytest

from copydesk._progress import RATE_MIN_SECONDS, ProgressBar, Stats
from copydesk.batch import Record, Result


def _stats() -> Stats:
    stats = Stats()
    edits = [{"rule": "strip.share", "kind": "removed"}, {"rule": "tidy.x", "kind": "replaced"}]
    stats.add(Result(Record("a", nbytes=100), {"edits": edits}))
    stats.add(Result(Record("b", nbytes=50), error=("InputTooLarge", "m")))
    return stats


def test_summary_counts_documents_errors_and_removals() -> None:
    """The summary has documents, errors by type, and removals per rule (not replacements)."""
    text = _stats().summary()
    assert "2 documents, 1 cleaned, 1 error in" in text
    assert "InputTooLarge 1" in text
    assert "strip.share" in text
    assert "tidy.x" not in text


def test_summary_shows_rates_only_for_a_run_of_a_second_or_more() -> None:
    """docs/s and MB/s appear once the run has lasted RATE_MIN_SECONDS, not before; MB/s
    only when bytes were counted."""
    stats = _stats()
    assert "/s" not in stats.summary()
    stats.started -= RATE_MIN_SECONDS
    assert "docs/s, " in stats.summary()
    assert "MB/s" in stats.summary()
    stats.nbytes = 0
    assert "docs/s)" in stats.summary()
    assert "MB/s" not in stats.summary()


@pytest.mark.parametrize(
    ("docs", "errors", "expected"),
    [(1, 1, "1 document, 0 cleaned, 1 error in"), (2, 0, "2 documents, 2 cleaned, 0 errors in")],
)
def test_summary_counts_agree_in_number(docs: int, errors: int, expected: str) -> None:
    """One is singular, every other count plural."""
    stats = Stats()
    stats.docs = docs
    if errors:
        stats.errors["E"] = errors
    assert expected in stats.summary()


def test_summary_counts_truncated_documents() -> None:
    """Articles cut to max_chars are counted, and named as such; none, no mention."""
    stats = _stats()
    assert "truncated" not in stats.summary()
    stats.add(Result(Record("c"), {"edits": [], "truncated": True}))
    assert "3 documents, 2 cleaned, 1 error, 1 truncated in" in stats.summary()


def test_progress_bar_shows_rate_and_eta_and_clears() -> None:
    """The bar shows docs/s, and an ETA when the total size is known; close clears it."""
    stream = io.StringIO()
    bar = ProgressBar(stream, total_bytes=300, interval=0)
    stats = _stats()
    assert "ETA" in bar.line(stats)
    assert "50%" in bar.line(stats)
    assert "ETA" not in ProgressBar(stream).line(stats)
    bar.update(stats)
    bar.close()
    assert stream.getvalue().startswith("\r\x1b[K")
    assert "docs/s" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_progress_bar_is_throttled() -> None:
    """Redraws happen at most once per interval."""
    stream = io.StringIO()
    bar = ProgressBar(stream, interval=3600)
    bar.update(_stats())
    bar.update(_stats())
    assert stream.getvalue().count("\r") == 1

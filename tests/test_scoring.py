"""How ``benchmarks/quality.py`` tells whether a labelled line is in a cleaned body, so that
content_recall, residue_removed and meta_removed measure the cleaner and not the matching."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from .modules import load_file

ROOT = Path(__file__).resolve().parents[1]


quality = load_file(ROOT / "benchmarks" / "quality.py", "bench_quality")

# A word opens with "x" and ends in "q", letters found nowhere else in a word: words glued
# together (the scoring's keys drop spaces) read back one way, and no word is the end or the
# start of another, so a test's words stand only where the test puts them.
_WORD = st.text(alphabet="abcdefghijklmnoprstuvwyzäßçéлджк", max_size=8).map(lambda w: f"x{w}q")


@st.composite
def wrapped(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A paragraph and the lines a hard wrap cut it into (at word boundaries)."""
    words = draw(st.lists(_WORD, min_size=2, max_size=40, unique=True))
    cuts = sorted(draw(st.sets(st.integers(1, len(words) - 1), max_size=len(words) - 1)))
    bounds = [0, *cuts, len(words)]
    lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
    return " ".join(words), lines


def _has(body: object, lines: list[str], n: int) -> bool:
    return bool(body.has(lines[n], **quality.around([{"text": t} for t in lines], n)))  # type: ignore[attr-defined]


@given(wrapped())
def test_a_reflowed_paragraph_keeps_every_line_it_joined(case: tuple[str, list[str]]) -> None:
    """The law behind reflowing (``repair.hard_wraps``): the lines of a paragraph joined
    back together are all in the body, however short each is."""
    paragraph, lines = case
    body = quality.Body(["An unrelated opening paragraph.", paragraph])
    assert all(_has(body, lines, n) for n in range(len(lines)))


@given(wrapped(), st.integers(0, 39))
def test_a_removed_line_is_not_found_beside_its_neighbours(
    case: tuple[str, list[str]], pick: int
) -> None:
    """A short line cut out of the paragraph is not in the body, though its words stand in
    another paragraph and its neighbours still stand where it stood."""
    _, lines = case
    assume(len(lines) > 1)
    gone = pick % len(lines)
    k = quality.key(lines[gone])
    assume(len(k) < 40)
    rest = " ".join(lines[:gone] + lines[gone + 1 :])
    body = quality.Body([rest, f"Elsewhere: {lines[gone]} and so on."])
    assert not _has(body, lines, gone)


def test_a_short_line_alone_is_not_found_inside_a_paragraph() -> None:
    """Without its neighbours beside it, a short line ("Share") is not taken as kept because
    a paragraph happens to contain its words."""
    body = quality.Body(["Share prices fell on Monday, the exchange said."])
    assert not body.has("Share")
    assert not body.has("Share", before="Follow us", after="Comments")
    assert body.has("Share prices fell on Monday, the exchange said.")

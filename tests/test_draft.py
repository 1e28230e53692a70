"""Tests of the Draft methods that change lines (copydesk.draft)."""

from __future__ import annotations

import itertools

from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.draft import Draft, _SourceMap

Changes = list[tuple[int, list[tuple[int, int, str]]]]

_REPL = st.tuples(st.integers(0, 12), st.integers(0, 4), st.sampled_from(["", " ", "X", "yz"]))


@st.composite
def changes(draw: st.DrawFn) -> tuple[str, Changes]:
    """A small text and a list of (line index, replacements) on it, indices may repeat."""
    lines = draw(st.lists(st.text(alphabet="ab .\u00e9", max_size=12), min_size=1, max_size=5))
    out: Changes = []
    for _ in range(draw(st.integers(0, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        repl = sorted((s, s + n, new) for s, n, new in draw(st.lists(_REPL, max_size=3)))
        out.append((index, repl))
    return "\n".join(lines), out


@given(changes())
@example(("a  b\nc", [(0, [(1, 3, " ")]), (0, [(0, 1, "")])]))
def test_rewrite_lines_is_rewrite_in_a_loop(case: tuple[str, Changes]) -> None:
    """rewrite_lines gives the same draft as calling rewrite once per change, in order."""
    text, todo = case
    one_by_one = Draft.from_text(text)
    for index, repl in todo:
        one_by_one = one_by_one.rewrite(index, repl, rule="tidy.test")
    batched = Draft.from_text(text).rewrite_lines(todo, rule="tidy.test")
    assert batched == one_by_one


def test_rewrite_lines_without_a_change_returns_the_same_draft() -> None:
    """No change (or only no-op replacements) gives back the very same draft."""
    draft = Draft.from_text("a b\nc")
    assert draft.rewrite_lines([], rule="tidy.test") is draft
    assert draft.rewrite_lines([(0, [(0, 1, "a")])], rule="tidy.test") is draft


@given(changes(), st.lists(st.integers(0, 16), max_size=8), st.booleans())
@example(("a   b", [(0, [(1, 4, " ")])]), [0, 1, 2, 3, 3, 1], False)
def test_source_map_answers_as_the_line_does(
    case: tuple[str, Changes], positions: list[int], in_order: bool
) -> None:
    """The walking offset map of a rewrite gives Line.source_offset's and Draft._touches's
    answers, for positions in increasing order (its fast path) and in any order."""
    text, todo = case
    draft = Draft.from_text(text).rewrite_lines(todo, rule="tidy.test")
    for line in draft.lines:
        asked = sorted(positions) if in_order else positions
        asked = [p for p in asked if p <= len(line.text)]
        walk = _SourceMap(line)
        for pos in asked:
            assert walk.source_offset(pos) == line.source_offset(pos)
        walk = _SourceMap(line)
        for a, b in itertools.pairwise(asked):
            start, end = line.source_offset(min(a, b)), line.source_offset(max(a, b))
            assert walk.touches(start, end) == Draft._touches(line, start, end)

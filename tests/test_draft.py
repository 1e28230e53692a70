"""Tests of the Draft methods that change lines (copydesk.draft)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.draft import Draft

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

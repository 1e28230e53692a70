"""Script counts: the fast path (ASCII letters counted on bytes) against one translate."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.scripts import (
    NON_ASCII_RE,
    _counts_in_order,
    _non_ascii,
    dominant_of,
    dominant_script,
    script_counts,
)

# Letters of several scripts, ASCII and not, marks, digits and punctuation: ties between
# scripts are frequent in short texts.
MIXED = st.text(alphabet="ab Zé1.,“”Жжαβ中日カなا한\u0301ªº\u00a0", max_size=24)


@given(MIXED | st.text(max_size=24))
@example("ab Жж")  # a tie between Latin and Cyrillic, Latin first
@example("Жж ab")  # the same tie, Cyrillic first
@example("ab中カ")  # Latin against Japanese (Han and kana together)
def test_script_counts_match_one_translate(text: str) -> None:
    """Same counts, same most common script (ties included), same dominant script."""
    fast, plain = script_counts(text), _counts_in_order(text)
    assert fast == plain
    assert fast.most_common(1) == plain.most_common(1)
    assert dominant_of(fast) == dominant_of(plain)


@given(MIXED | st.text(max_size=24) | st.text(alphabet="ab Zé’—…«»1\u00a0\u0301"))
@example("“Quoted” — text")  # beyond ASCII, no script's letter: the ASCII letters decide
@example("café é")  # accented Latin only
@example("—…")  # no letter at all
@example("ab Жж")  # a tie: the counts decide, in order
def test_dominant_script_is_that_of_the_counts(text: str) -> None:
    """The shortcuts of dominant_script (ASCII, no script's letter beyond ASCII, Latin
    only) name the script the full counts name."""
    assert dominant_script(text) == dominant_of(_counts_in_order(text))


@given(MIXED | st.text(max_size=24) | st.text(st.characters(categories=["Cs", "Ll", "Po"])))
@example("ab\ud800c")  # a lone surrogate, which strict UTF-8 refuses
def test_non_ascii_keeps_every_character_beyond_ascii_in_order(text: str) -> None:
    """The bytes route gives the characters beyond ASCII that a regex finds, in order."""
    assert _non_ascii(text) == "".join(NON_ASCII_RE.findall(text))

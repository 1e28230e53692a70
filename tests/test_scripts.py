"""Script counts: the fast path (ASCII letters counted on bytes) against one translate."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.scripts import _counts_in_order, dominant_of, script_counts

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

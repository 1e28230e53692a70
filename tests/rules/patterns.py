"""A small grammar of the regular expressions rules are written in, for property tests.

Patterns hold literal runs, classes, escapes, groups, alternation, lookarounds and every kind
of quantifier; lines are drawn from a small alphabet (:data:`ALPHABET`), so that matches are
frequent, with upper case, the Turkish i, ß and a letter with no upper case (ĸ) mixed in.
"""

from __future__ import annotations

import regex
from hypothesis import strategies as st

ALPHABET = "abcİıI -.:ĸßẞ"
LETTERS = st.sampled_from("abcI ")
QUANTIFIERS = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,3}", "+?", "??"])


def _atoms(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    literal_run = st.text(LETTERS, min_size=1, max_size=4).map(regex.escape)
    simple = st.one_of(
        literal_run,
        st.sampled_from([r"\s", r"\d", r"\w", ".", "[ab]", "[^a]", r"\b", "^", "$", r"\.", r"\-"]),
        st.sampled_from([r"\p{L}", r"\p{Lu}", r"\p{Ll}", r"\P{Ll}", "[[:upper:]]", "(*PRUNE)"]),
    )
    group = st.builds(
        lambda head, alts: f"({head}{'|'.join(alts)})",
        st.sampled_from(["?:", "", "?P<g>", "?=", "?!", "?<=", "?<!"]),
        st.lists(inner, min_size=1, max_size=3),
    )
    return st.one_of(simple, group)


PATTERNS = st.recursive(
    st.text(LETTERS, min_size=1, max_size=4).map(regex.escape),
    lambda inner: st.lists(
        st.tuples(_atoms(inner), QUANTIFIERS).map("".join), min_size=1, max_size=4
    ).map("".join),
    max_leaves=8,
)

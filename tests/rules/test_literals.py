"""The literals a pattern cannot match without (copydesk.rules.literals).

The law: whenever a pattern finds a match in a line, the line holds one of the pattern's
required literals (compared casefolded when the pattern ignores case). Patterns are generated
from a small grammar of the constructs rules use (literal runs, classes, escapes, groups,
alternation, lookarounds, every kind of quantifier), lines from the same small alphabet so that
matches are frequent, with upper case and the Turkish i mixed in.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import assume, example, given
from hypothesis import strategies as st

from copydesk.rules import builtin_rules
from copydesk.rules.literals import any_of, fold, openings, required

from .patterns import ALPHABET, PATTERNS


def _compiled(source: str, ignore_case: bool) -> regex.Pattern[str]:
    """``source`` compiled as rules compile it; a generated pattern that does not compile is
    not an example."""
    try:
        return regex.compile(source, regex.V0 | (regex.IGNORECASE if ignore_case else 0))
    except regex.error:
        assume(False)
        raise


def holds_a_literal(pattern: regex.Pattern[str], line: str) -> bool:
    literals = required(pattern.pattern)
    if literals is None:
        return True
    if pattern.flags & regex.IGNORECASE:
        hay = fold(line)
        return hay is None or any(lit.casefold() in hay for lit in literals)
    return any(lit in line for lit in literals)


@given(PATTERNS, st.text(ALPHABET, max_size=30), st.booleans())
@example("I", "\u0131", True)
@example("i", "\u0130", True)
@example(r"a(?=bc)", "abc", False)
@example(r"ab+c", "abbbc", False)
def test_a_match_holds_a_required_literal(source: str, line: str, ignore_case: bool) -> None:
    """If the pattern finds a match in the line, the line holds one of its literals."""
    pattern = _compiled(source, ignore_case)
    if pattern.search(line) is not None:
        assert holds_a_literal(pattern, line)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("all rights reserved", ("all rights reserved",)),
        (r"(?:we|this (?:site|website)) uses? cookies", (" cookies",)),
        (r"(?:^|\s)\d[\d.,]{0,8}\s?[km]?\s?shares?\b", ("share",)),
        (r"ab+c", ("ab",)),
        (r"#{3}", ("#",)),
        (r"(?:a|b)c?", ("a", "b")),
        (r"x(?=long literal)", ("x",)),
        # nothing any match must hold, or a construct the reader gives up on
        (r"(?:a|\d)b?", None),
        (r"(?i:scoped)", None),
        (r"(?>atomic)", None),
        (r"\x41bc", None),
        (r"a{,2}", None),
        (r"[[:alpha:]]", None),
        (r"(unclosed", None),
    ],
)
def test_required_table(source: str, expected: tuple[str, ...] | None) -> None:
    assert required(source) == expected


@pytest.mark.parametrize(
    "pattern", [p for r in builtin_rules() if r.match == "search" for p in r.patterns]
)
def test_every_builtin_search_pattern_is_screened(pattern: regex.Pattern[str]) -> None:
    """Every built-in search pattern names literals of two characters or more (two Chinese
    characters are a word): none is left to be searched on every line."""
    literals = required(pattern.pattern)
    assert literals is not None
    assert min(map(len, literals)) >= 2


def test_casefold_agrees_with_the_regex_engine_on_cased_letters() -> None:
    """Where the regex module matches a cased letter to another ignoring case, casefolding
    folds both alike -- except the Turkish i, which :func:`fold` turns away."""
    for code in range(0x110000):
        c = chr(code)
        if 0xD800 <= code < 0xE000 or c.lower() == c == c.upper():
            continue
        for other in {c.lower(), c.upper(), c.title(), c.casefold()}:
            if len(other) != 1 or other == c:
                continue
            if regex.fullmatch(regex.escape(other), c, regex.V0 | regex.IGNORECASE):
                assert fold(c) is None or fold(c) == fold(other), (hex(code), other)


_PIECES = st.text(alphabet="ab .*(|\\é", max_size=4)


@given(st.lists(_PIECES, max_size=8), st.text(alphabet="ab .*(|\\éc", max_size=30))
@example(["cookie ", "cookies"], "No cookies here")
@example(["a comment", "comment"], "comments")
@example([""], "")
@example([], "anything")
def test_any_of_finds_exactly_the_lines_holding_a_literal(literals: list[str], line: str) -> None:
    """One search of the tree pattern says what testing each literal with ``in`` says."""
    assert (any_of(literals).search(line) is not None) == any(x in line for x in literals)


@given(st.integers(min_value=60, max_value=900), st.text(alphabet="ab ", max_size=5))
@example(900, "")
def test_any_of_takes_long_literals(size: int, around: str) -> None:
    """A literal of any length is looked for (by its beginning past ANY_OF_DEPTH), and every
    line that holds it is found."""
    literal = ("lorem ipsum " * 80)[:size]
    pattern = any_of([literal, "ab"])
    assert pattern.search(around + literal + around) is not None
    assert pattern.search("lorem") is None or "ab" in "lorem"


def test_any_of_takes_a_literal_of_any_length() -> None:
    """A user's literal may be thousands of characters long: building the pattern does not
    recurse once per character."""
    literal = "lorem ipsum " * 2000
    assert any_of([literal]).search(f"x {literal} y") is not None


@given(PATTERNS, st.text(ALPHABET, max_size=12), st.booleans())
@example("(?:ab|c)?d", "d", False)
@example("I", "\u0131", True)
@example("a*", "b", False)
@example(r"\s?x", " x", False)
def test_a_match_opens_with_one_of_the_openings(source: str, line: str, ignore_case: bool) -> None:
    """Wherever the pattern matches, the match is not empty and its first character matches
    one of the pattern's openings, tried alone with the pattern's flags."""
    pattern = _compiled(source, ignore_case)
    atoms = openings(source)
    if atoms is None:
        return
    # one by one, as the prefilter tries them (an alternation may match otherwise)
    opening = [regex.compile(atom, pattern.flags) for atom in atoms]
    for pos in range(len(line) + 1):
        m = pattern.match(line, pos)
        if m is not None:
            assert m.end() > pos
            assert any(atom.fullmatch(line[pos]) is not None for atom in opening)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("all rights reserved", ("a",)),
        (r"(?:share|tweet)(?: this)?", ("s", "t")),
        (r"\d{0,6}\s?comments?", (r"\d", r"\s", "c")),
        (r"[\p{P}\p{S}\s]{1,12}", (r"[\p{P}\p{S}\s]",)),
        (r"\p{Lu}\p{Ll}", (r"\p{Lu}",)),
        (r"(?P<x>a|b)c", ("a", "b")),
        (r"\.\.\.", (r"\.",)),
        (r"(?:a|)b", ("a", "b")),
        (r"^x", None),
        (r".x", None),
        (r"\bx", None),
        (r"(?<=a)x", None),
        (r"(?i:x)", None),
        (r"x*", None),
        (r"(?:a|b?)", None),
        (r"\x41", None),
    ],
)
def test_openings_table(source: str, expected: tuple[str, ...] | None) -> None:
    """Literals, classes and one-character escapes open a match; anchors, dots, lookarounds,
    scoped flags, unknown escapes and patterns that may match nothing give no openings."""
    assert openings(source) == expected


def test_every_builtin_line_and_start_pattern_is_read() -> None:
    """Every built-in pattern tried at the start of a line has openings: the prefilter then
    tries each only on lines that begin as it may."""
    tried = [p.pattern for r in builtin_rules() if r.match != "search" for p in r.patterns]
    assert [s for s in tried if openings(s) is None] == []

"""Tests of the pre-check that decides where ftfy may act (copydesk._mojibake)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk._mojibake import MOJIBAKE_PAIR_RE, PAIRS, SINGLES, members
from copydesk.decode import decode_bytes
from copydesk.repair import FTFY_CONFIG

from .strategies import mojibake, sentences

_ALL_CLASSES = re.compile("[" + "".join(MOJIBAKE_CATEGORIES.values()) + "]")


def _alphabet() -> str:
    """Every character ftfy's badness pattern names, and a few ASCII ones around them."""
    named = {c for c in BADNESS_RE.pattern if not c.isascii()}
    named |= {chr(i) for i in range(0x80, 0x3000) if _ALL_CLASSES.match(chr(i))}
    named |= {"\uf8ff", "\ufffd"}
    return "aZ .!1" + "".join(sorted(named))


ALPHABET = _alphabet()


def test_alphabet_is_large_enough_to_mean_something() -> None:
    """The alphabet really holds ftfy's hundreds of mojibake characters."""
    assert len(ALPHABET) > 400


def test_every_bad_pair_of_characters_is_found() -> None:
    """Exhaustively: any two characters ftfy calls mojibake are found by the pre-check."""
    missed = [
        a + b
        for a in ALPHABET
        for b in ALPHABET
        if is_bad(a + b) and MOJIBAKE_PAIR_RE.search(a + b) is None
    ]
    assert missed == []


@given(st.text(alphabet=ALPHABET, max_size=12))
@example("xГўВЂВ.a")
@example("a Ã ")
@example("ВЂ")
@example("Р«Р")
def test_text_the_precheck_passes_over_is_left_alone_by_ftfy(text: str) -> None:
    """Where the pre-check finds nothing, ftfy (our config) returns the text unchanged."""
    if MOJIBAKE_PAIR_RE.search(text) is None:
        assert ftfy.fix_text(text, FTFY_CONFIG) == text


@given(st.data())
def test_mojibake_strategy_is_found(data: st.DataObject) -> None:
    """The shared mojibake generator's output is flagged wherever ftfy changes it."""
    text = data.draw(mojibake(data.draw(sentences())))
    if ftfy.fix_text(text, FTFY_CONFIG) != text:
        assert MOJIBAKE_PAIR_RE.search(text) is not None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("CafÃ© au lait", True),
        ("â€œquotedâ€", True),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", True),
        ("control \x85 here", True),
        ("Ação, não é? Informação.", False),
        ("“Curly” quotes — and dashes…", False),
        ("Привет, «мир» — сказал он", False),
        ("Thành phố đã có", False),
        ("plain ascii", False),
    ],
)
def test_examples(text: str, found: bool) -> None:
    """Mojibake is flagged; clean accented, Cyrillic and Vietnamese text is not."""
    assert (MOJIBAKE_PAIR_RE.search(text) is not None) is found


@pytest.mark.corpus
def test_every_corpus_line_ftfy_changes_is_found(shared: Path) -> None:
    """On every line of the shared corpus, the lines ftfy changes are flagged."""
    missed = []
    for path in sorted((shared / "corpus" / "docs").glob("*.txt")):
        text, _ = decode_bytes(path.read_bytes())
        for line in text.split("\n"):
            if line.isascii() or MOJIBAKE_PAIR_RE.search(line) is not None:
                continue
            if ftfy.fix_text(line, FTFY_CONFIG) != line:
                missed.append((path.name, line[:60]))
    assert missed == []


_SINGLE_SET = members(SINGLES)
_PAIR_SETS = [(members(first), members(second)) for first, second in PAIRS]


def _has_single_or_pair(text: str) -> bool:
    """The pre-check's definition, spelled out character by character."""
    if any(c in _SINGLE_SET for c in text):
        return True
    return any(
        a in firsts and b in seconds
        for a, b in itertools.pairwise(text)
        for firsts, seconds in _PAIR_SETS
    )


@given(st.text(alphabet=ALPHABET, max_size=12))
@example("Привет, «мир» — сказал он")
@example("aГ€")
@example("à²")
def test_pattern_is_its_definition(text: str) -> None:
    """The pattern, which scans for the rarer side of each pair, finds exactly the texts that
    hold one of SINGLES or one of PAIRS side by side."""
    assert (MOJIBAKE_PAIR_RE.search(text) is not None) is _has_single_or_pair(text)

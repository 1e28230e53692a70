"""Tests of the pre-check that decides where ftfy may act (copydesk._mojibake)."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import _mojibake
from copydesk._mojibake import MOJIBAKE_PAIR_RE, PAIRS, SINGLES, TRIPLES, fix_line, members
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
_TRIPLE_SETS = [
    (members(first), members(middle), re.compile(last if last[0] == "\\" else f"[{last}]"))
    for first, middle, last in TRIPLES
]


def _has_single_or_pair(text: str) -> bool:
    """The pre-check's definition, spelled out character by character."""
    if any(c in _SINGLE_SET for c in text):
        return True
    if any(
        a in firsts and b in seconds
        for a, b in itertools.pairwise(text)
        for firsts, seconds in _PAIR_SETS
    ):
        return True
    return any(
        a in firsts and b in middles and last.fullmatch(c) is not None
        for a, b, c in zip(text, text[1:], text[2:], strict=False)
        for firsts, middles, last in _TRIPLE_SETS
    )


@given(st.text(alphabet=ALPHABET, max_size=12))
@example("Привет, «мир» — сказал он")
@example("aГ€")
@example("à²")
@example("no pé”. Tem")
@example("é“x")
def test_pattern_is_its_definition(text: str) -> None:
    """The pattern, which scans for the rarer side of each pair and the middle of each
    triple, finds exactly the texts that hold one of SINGLES, one of PAIRS side by side or
    one of TRIPLES in a row."""
    assert (MOJIBAKE_PAIR_RE.search(text) is not None) is _has_single_or_pair(text)


# fix_line: ftfy.fix_text on one line, replayed with the pre-check ending its loops.

_SURROGATES = "\ud83d\ude00\udca9\udfff"


@st.composite
def _layered_mojibake(draw: st.DrawFn) -> str:
    """One line of mojibake, mis-decoded up to three times, with clean text on either side:
    ftfy then needs several rounds, or its repair of inconsistent UTF-8."""
    text = draw(sentences())
    for _ in range(draw(st.integers(1, 3))):
        text = draw(mojibake(text))
    left = draw(st.sampled_from(["", "Ação, não é? ", "“Curly” — ", "ESTADÃO ", "Привет "]))
    right = draw(st.sampled_from(["", " CafÃ ", " Ã¡", " \x93q\x94", " \ud83d\ude00", " ÇÃO"]))
    return (left + text + right).replace("\n", " ")


@given(st.text(alphabet=ALPHABET + _SURROGATES, max_size=16))
@example("a Ã ")
@example("\ud83d\ude00 CafÃ©")
@example("xГўВЂВ.a")
def test_fix_line_is_ftfy_on_text_of_its_characters(text: str) -> None:
    """On any text of ftfy's mojibake characters, fix_line answers what ftfy.fix_text does."""
    text = text.replace("\n", " ")
    assert fix_line(text) == ftfy.fix_text(text, FTFY_CONFIG)


@given(_layered_mojibake())
@example("CafÃƒÂ© au lait")
@example("The â€œquotedâ€\x9d word and Ã¡gua")
def test_fix_line_is_ftfy_on_layered_mojibake(text: str) -> None:
    """On mojibake of mojibake, beside clean accented text, the answers are the same."""
    assert fix_line(text) == ftfy.fix_text(text, FTFY_CONFIG)


def test_fix_line_replays_the_installed_ftfy() -> None:
    """The ftfy this project is tested with is one fix_line replays: the tests above then
    exercise the replay, not the fallback."""
    assert _mojibake._ENCODING_STEP is not None, (
        f"ftfy {ftfy.__version__} is not in REPLAYED_FTFY: compare its fix_and_explain loop "
        "with fix_line's and add the release"
    )


def test_fix_line_falls_back_to_ftfy_for_another_release(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under an ftfy release it was not written against, fix_line calls ftfy.fix_text."""
    monkeypatch.setattr(ftfy, "__version__", "7.0.0")
    assert _mojibake._encoding_step() is None
    monkeypatch.setattr(_mojibake, "_ENCODING_STEP", None)
    calls: list[str] = []
    real = ftfy.fix_text
    monkeypatch.setattr(ftfy, "fix_text", lambda t, c: calls.append(t) or real(t, c))
    assert fix_line("CafÃ©") == "Café"
    assert calls == ["CafÃ©"]


def test_fix_line_cuts_a_long_line_where_ftfy_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """ftfy fixes a line longer than ``max_decode_length`` in pieces; so does fix_line."""
    short = FTFY_CONFIG._replace(max_decode_length=4)
    monkeypatch.setattr(_mojibake, "FTFY_CONFIG", short)
    assert ftfy.fix_text("CafÃ©", short) == "CafÃ©"  # "CafÃ" and "©" apart are clean
    assert fix_line("CafÃ©") == "CafÃ©"


def test_fix_line_replays_every_fix_the_config_switches_on() -> None:
    """fix_line replays the encoding rounds, C1 controls and surrogates: the fixes
    FTFY_CONFIG switches on. Switching on another needs fix_line to change."""
    on = {name for name, value in FTFY_CONFIG._asdict().items() if value is True}
    assert on == {
        "fix_encoding",
        "restore_byte_a0",
        "replace_lossy_sequences",
        "decode_inconsistent_utf8",
        "fix_c1_controls",
        "fix_surrogates",
    }
    assert FTFY_CONFIG.normalization is None
    assert FTFY_CONFIG.unescape_html is False


@pytest.mark.corpus
def test_fix_line_is_ftfy_on_every_corpus_line_it_may_change(shared: Path) -> None:
    """On every corpus line the pre-check flags, fix_line and ftfy.fix_text agree."""
    differ = []
    for path in sorted((shared / "corpus" / "docs").glob("*.txt")):
        text, _ = decode_bytes(path.read_bytes())
        for line in text.split("\n"):
            if MOJIBAKE_PAIR_RE.search(line) is None:
                continue
            if fix_line(line) != ftfy.fix_text(line, FTFY_CONFIG):
                differ.append((path.name, line[:60]))
    assert differ == []


#: The characters of ftfy's three-character alternatives, and a few that may follow them.
_TRIPLE_ALPHABET = "".join(
    sorted(
        {c for first, middle, _ in TRIPLES for c in members(first) | members(middle)}
        | set(members(MOJIBAKE_CATEGORIES["numeric"]))
        | set("a1 .,_")
    )
)


@given(st.text(alphabet=_TRIPLE_ALPHABET, min_size=3, max_size=6))
@example("é“1")
@example("ã”“")
@example("é”a")
@example("é”_")
def test_three_characters_ftfy_calls_bad_are_found(text: str) -> None:
    """Texts made of the characters of the three-character alternatives: wherever ftfy's
    badness pattern matches, the pre-check finds something."""
    if is_bad(text):
        assert MOJIBAKE_PAIR_RE.search(text) is not None


# -- ftfy imported only when a line needs it ------------------------------------------------


def test_the_copy_of_ftfys_classes_is_the_installed_ftfys(tmp_path: Path) -> None:
    """ftfy_classes.json holds the installed ftfy's classes and the checksum of its
    badness.py (``python -m copydesk._mojibake`` writes it again), and the pre-check is
    built from the same classes as ftfy's."""
    written = _mojibake.write_classes(tmp_path / "classes.json")
    assert (tmp_path / "classes.json").read_bytes() == _mojibake.CLASSES_PATH.read_bytes()
    assert written["categories"] == dict(MOJIBAKE_CATEGORIES)
    assert _mojibake._categories() == dict(MOJIBAKE_CATEGORIES)


def test_another_ftfy_release_is_asked_for_its_own_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the installed badness.py is not the one copied (its checksum differs), or cannot
    be found, the classes come from ftfy itself, not from the copy."""
    copy = json.loads(_mojibake.CLASSES_PATH.read_text("utf-8"))
    changed = {**copy, "categories": {**copy["categories"], "bad": "x"}}
    fake = _mojibake.CLASSES_PATH.parent / "never-written.json"
    monkeypatch.setattr(_mojibake, "CLASSES_PATH", fake)
    assert _mojibake._categories() == dict(MOJIBAKE_CATEGORIES)  # no copy at all
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: json.dumps(changed))
    assert _mojibake._categories()["bad"] == "x"  # the copy, since the checksum matches
    monkeypatch.setattr(_mojibake, "_badness_source", lambda: b"# another release")
    assert _mojibake._categories() == dict(MOJIBAKE_CATEGORIES)
    monkeypatch.setattr(_mojibake, "_badness_source", lambda: None)
    assert _mojibake._categories() == dict(MOJIBAKE_CATEGORIES)


def test_cleaning_text_without_mojibake_never_imports_ftfy() -> None:
    """A new process cleans a clean document without importing ftfy; the first line that
    may be mojibake imports it, and is repaired."""
    code = (
        "import sys, copydesk\n"
        "a = copydesk.clean_article('Port reopens\\n\\nShips sailed on Monday, and “all” cheered.')\n"
        "print('ftfy' in sys.modules)\n"
        "b = copydesk.clean_article('Port reopens\\n\\nThe CafÃ© opened on Monday.')\n"
        "print('ftfy' in sys.modules, b.paragraphs[-1])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(_mojibake.__file__).resolve().parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.splitlines()
    assert out == ["False", "True The Café opened on Monday."]

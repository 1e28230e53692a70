"""ftfy, called only where it can act: a cheap, sound pre-check and a line fixer built on it.

With :data:`FTFY_CONFIG`, ``ftfy.fix_text`` changes a line only when its
badness pattern (``ftfy.badness.BADNESS_RE``) matches, or when the line holds a C1 control
or a surrogate. That pattern is a long alternation which Python's ``re`` tries at every
position (about 0.15 µs a character). Every one of its alternatives needs, somewhere in its
match, either one character that never occurs in clean text (a C1 control, ``Œ``, ``œ``,
``Ђ``, ``ў``) or two particular *adjacent* characters (a lower-case accented letter before a
currency sign, ``Ã`` before a space or ``©``, a Cyrillic ``Р`` before a curly quote...).
The pairs are listed below from ftfy's own character classes, so a line without any of them
cannot be changed by ftfy, and ftfy is not called on it.

``tests/test_mojibake_hint.py`` checks the claim exhaustively on every pair of characters
ftfy's classes name, by property on longer strings, and on every line of the shared corpus.

The same claim speeds up the lines ftfy does change (:func:`fix_line`): ftfy repeats its
fixes until nothing changes, so after every fix it scans the whole line once more with the
badness pattern, to find nothing. That confirming scan is most of its cost on a line of real
mojibake; :func:`fix_line` asks the pre-check instead.

ftfy itself is imported only when a line needs it (one document in three hundred of the
corpus): the pre-check is built from a copy of ftfy's classes (``ftfy_classes.json``), used
when the installed ftfy's ``badness.py`` is the file they were copied from (a checksum says)
and read from ftfy otherwise. ``python -m copydesk._mojibake`` writes the copy again.
"""

from __future__ import annotations

import importlib.util
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from copydesk._lazy import lazy_re

__all__ = [
    "FTFY_CONFIG",  # noqa: F822 - made on first use, by the module's __getattr__
    "LETTERS",
    "MOJIBAKE_PAIR_RE",
    "PAIRS",
    "SINGLES",
    "TRIPLES",
    "fix_line",
    "members",
]

#: ftfy's classes copied beside this module, with the checksum of the file they came from.
CLASSES_PATH = Path(__file__).with_name("ftfy_classes.json")


def _badness_source() -> bytes | None:
    """The installed ftfy's ``badness.py``, read without importing ftfy (None if not found)."""
    spec = importlib.util.find_spec("ftfy")
    if spec is None or spec.origin is None:
        return None
    try:
        return Path(spec.origin).with_name("badness.py").read_bytes()
    except OSError:
        return None


def _categories() -> dict[str, str]:
    """ftfy's ``MOJIBAKE_CATEGORIES``: the copy when it was made from the installed ftfy's
    ``badness.py``, else (another ftfy release) ftfy's own."""
    source = _badness_source()
    try:
        copy = json.loads(CLASSES_PATH.read_text("utf-8"))
    except (OSError, ValueError):  # no copy (it is being written): ask ftfy
        copy = {}
    if source is not None and zlib.crc32(source) == copy.get("badness_crc32"):
        return dict(copy["categories"])
    from ftfy.badness import MOJIBAKE_CATEGORIES

    return dict(MOJIBAKE_CATEGORIES)


def write_classes(path: Path = CLASSES_PATH) -> dict[str, Any]:
    """Copy the installed ftfy's classes to ``path``; return what was written."""
    import ftfy
    from ftfy.badness import MOJIBAKE_CATEGORIES

    source = _badness_source()
    if source is None:
        raise RuntimeError("ftfy's badness.py was not found")
    data = {
        "ftfy": ftfy.__version__,
        "badness_crc32": zlib.crc32(source),
        "categories": dict(MOJIBAKE_CATEGORIES),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=True) + "\n", "utf-8")
    return data


_C = _categories()

_BAD = _C["bad"]
_LOWER = _C["lower_accented"]
_UPPER = _C["upper_accented"]
_BOX = _C["box"]
_START = _C["start_punctuation"]
_END = _C["end_punctuation"]
_CUR = _C["currency"]
_NUM = _C["numeric"]
_LAW = _C["law"]
_GREEK_CYRILLIC = _C["lower_common"] + _C["upper_common"]

#: Characters that alone may make ftfy act (a character-class body, ranges allowed).
SINGLES = "\x80-\x9f\ud800-\udfffŒœЂў"

#: ``(first, second)`` character-class bodies: ftfy may act on a line only when it holds one
#: of these pairs side by side (or one of ``SINGLES``). One row per alternative of ftfy's
#: badness pattern, in its order; rows whose every match holds a character of ``SINGLES``
#: are left out.
PAIRS: tuple[tuple[str, str], ...] = (
    (_BAD + _LOWER + _UPPER + _BOX + _START + _END + _CUR + _NUM + _LAW, _BAD),
    (_GREEK_CYRILLIC, _BAD),  # [a-zA-Z] [common letters] [bad]
    (_BAD, _LOWER + _UPPER + _BOX + _START + _END + _CUR + _NUM + _LAW),
    (_LOWER + _C["lower_common"] + _BOX + _END + _CUR + _NUM, _UPPER),
    (_BOX + _END + _CUR + _NUM, _LOWER),
    (_LOWER + _BOX + _END, _CUR),
    (_UPPER, _CUR + _START),  # \s [upper] [currency]; [a-z] [upper] [start, currency]
    (_UPPER + _BOX, _NUM + _LAW),
    (_CUR + _NUM + _BOX, _START),
    (_BOX, _C["kaomoji"] + _END),
    (_LOWER + _UPPER + _CUR + _NUM + _START + _END + _LAW, _BOX),
    (_UPPER, "°"),
    ("ÂÃÎÐ", "€œŠš¢£Ÿž\xa0\xad®©°·»–—´" + _START + _END),
    ("Ã", "\xa0¡"),
    ("ÂÃ", " "),  # [a-z] \s? [ÃÂ] space; ^[ÃÂ] space; [a-z.,?!] Â [space, start, end]
    ("×", "²³"),
    ("ØÙ", _C["common"] + _CUR + _BAD + _NUM + _START + "ŸŠ®°µ»"),
    ("à", "²µ¹¼½¾"),
    ("√", "±∂†≠®™´≤≥¥µø"),
    ("≈", "°¢"),
    ("‚", "Äâó"),
    ("ВГРСΒΓΞΟ", _BAD + _START + _END + _CUR + "°µ"),  # Cyrillic and Greek cp1251/1253 mojibake
    ("βā", "€"),
)


#: ``(first, middle, last)``: alternatives of ftfy's pattern that need three characters in a
#: row, where the first two alone are common in clean text (``ã”`` in Portuguese, ``é“``).
#: ``last`` is a class body, or a class escape (``\\w``).
TRIPLES: tuple[tuple[str, str, str], ...] = (
    (_LOWER + _UPPER + _BOX + _CUR + _END, _START, _NUM),
    (_LOWER + _UPPER + _CUR + _NUM + _BOX + _LAW, _END, _START),
    (_LOWER + _UPPER, _START + _END, "\\w"),
)


def _class(body: str) -> str:
    # Escape what is special inside a class but keep ftfy's "a-b" ranges working.
    return "[" + body.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]") + "]"


def members(body: str) -> frozenset[str]:
    """The characters a class body names, its ``a-b`` ranges expanded.

    >>> sorted(members("a-cx"))
    ['a', 'b', 'c', 'x']
    """
    out: set[str] = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.update(chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            out.add(body[i])
            i += 1
    return frozenset(out)


#: The letters of real text, as ftfy's own classes name them: accented Latin, Greek and
#: Cyrillic. A scan that stops at each of them stops at almost every character of a Russian
#: or Portuguese text.
LETTERS = members(_C["lower_accented"] + _C["upper_accented"] + _GREEK_CYRILLIC)


def _commonness(side: str) -> tuple[bool, int]:
    # ASCII is in every text, so a side with any of it is the commoner whatever its size.
    chars = members(side)
    return (not all(c > "\x7f" for c in chars), len(chars & LETTERS))


def _scan_second(first: str, second: str) -> bool:
    """Whether a pair is best found by its second character: the rarer side in text is the
    one without ASCII, then the one with fewer of the common :data:`LETTERS` (the first side
    on a tie)."""
    return _commonness(second) < _commonness(first)


def _alternative(first: str, second: str) -> str:
    # The scan stops on one character; the alternative checks the pair around it.
    if _scan_second(first, second):
        return f"(?<={_class(first)}{_class(second)})"
    return f"(?<={_class(first)})(?={_class(second)})"


def _last(body: str) -> str:
    return body if body.startswith("\\") else _class(body)


# One of SINGLES, one of the PAIRS side by side, or one of the TRIPLES in a row (found by
# its middle character). The pattern starts with one character
# class, so the stdlib ``re`` engine scans for it in a tight C loop and tries the alternatives
# only where that character occurs. The class holds SINGLES and, of each pair, the side with
# fewer common letters: the pair's other character is then checked by a lookbehind or a
# lookahead. Scanning for letters would stop at nearly every character of Cyrillic text
# (about 25x slower there). Stdlib ``re`` on purpose: no \p{..} is needed, and ``regex``
# does not do that prefix scan here (about 20x slower). No repeats at all: linear.
# Example: "CafÃ©" (© after Ã), "â€œ" (€ after â).
MOJIBAKE_PAIR_RE = lazy_re(
    _class(
        SINGLES
        + "".join(second if _scan_second(first, second) else first for first, second in PAIRS)
        + "".join(middle for _, middle, _ in TRIPLES)
    )
    + "(?:(?<="
    + _class(SINGLES)
    + ")|"
    + "|".join(_alternative(first, second) for first, second in PAIRS)
    + "".join(f"|(?<={_class(a)}{_class(b)})(?={_last(c)})" for a, b, c in TRIPLES)
    + ")"
)


#: The ftfy releases whose ``fix_text`` :func:`fix_line` replays (their fixing loop is the
#: same); under any other, :func:`fix_line` calls ``ftfy.fix_text`` itself.
REPLAYED_FTFY = ("6.2", "6.3")


def _encoding_step() -> Callable[[str, Any], Any] | None:
    """ftfy's one round of encoding repair, where this ftfy is one :func:`fix_line` replays."""
    import ftfy

    version = ".".join(ftfy.__version__.split(".")[:2])
    if version not in REPLAYED_FTFY:
        return None
    return getattr(ftfy, "_fix_encoding_one_step_and_explain", None)


def _ftfy_names() -> dict[str, Any]:
    """Import ftfy (once, on the first line that needs it) and set the names that use it:
    ``FTFY_CONFIG``, ``_ENCODING_STEP`` and ``_ENCODING_CONFIG``."""
    names = globals()
    if not names.keys() >= _LAZY:
        import ftfy

        # ftfy restricted to encoding repairs: mojibake, C1 controls, surrogate pairs, lossy
        # sequences. Quotes, widths, ligatures, HTML entities and normalisation are left alone.
        config = ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=True,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=True,
            remove_control_chars=False,
            normalization=None,
            explain=False,
        )
        names.setdefault("FTFY_CONFIG", config)
        names.setdefault("_ENCODING_STEP", _encoding_step())
        # The configuration ftfy itself hands its encoding rounds inside ``fix_text``.
        names.setdefault("_ENCODING_CONFIG", ftfy.TextFixerConfig(explain=False))
    return names


#: Names made on first use, by :func:`_ftfy_names` (``FTFY_CONFIG``: ftfy's configuration
#: restricted to encoding repairs, a ``ftfy.TextFixerConfig``).
_LAZY = frozenset(("FTFY_CONFIG", "_ENCODING_STEP", "_ENCODING_CONFIG"))


def __getattr__(name: str) -> Any:
    """``FTFY_CONFIG`` and the replay's pieces of ftfy, made when first asked for."""
    if name in _LAZY:
        return _ftfy_names()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _fix_encoding(text: str) -> str:
    """``ftfy.fix_encoding(text)``: encoding rounds until one changes nothing. A round
    changes nothing when ftfy's badness pattern finds nothing, which it cannot where the
    pre-check finds nothing, so the pre-check ends the loop instead of a whole-line scan."""
    names = _ftfy_names()
    step, config = names["_ENCODING_STEP"], names["_ENCODING_CONFIG"]
    assert step is not None
    while MOJIBAKE_PAIR_RE.search(text) is not None:
        fixed = step(text, config).text
        if fixed == text:
            break
        text = fixed
    return text


def fix_line(line: str) -> str:
    """``ftfy.fix_text(line, FTFY_CONFIG)`` for one line (no ``"\\n"``), the same answer in
    less time.

    ``fix_text`` with this configuration repeats three fixes until the line stops changing:
    the encoding rounds, C1 controls read as cp1252, and surrogates joined. None of them can
    change a line the pre-check finds nothing in (C1 controls and surrogates are among
    :data:`SINGLES`), so the loop runs only while the pre-check finds something.
    ``tests/test_mojibake_hint.py`` compares the two on generated mojibake and on every
    corpus line.

    >>> fix_line("CafÃ© â€œnoirâ€\\x9d")
    'Café “noir”'
    """
    import ftfy
    from ftfy import fixes

    names = _ftfy_names()
    config = names["FTFY_CONFIG"]
    if names["_ENCODING_STEP"] is None or len(line) > config.max_decode_length:
        return str(ftfy.fix_text(line, config))
    text = line
    while MOJIBAKE_PAIR_RE.search(text) is not None:
        fixed = fixes.fix_surrogates(fixes.fix_c1_controls(_fix_encoding(text)))
        if fixed == text:
            break
        text = fixed
    return text


if __name__ == "__main__":
    written = write_classes()
    print(f"wrote {CLASSES_PATH.name} from ftfy {written['ftfy']}")

"""A cheap, sound pre-check for ftfy: text it finds nothing in is text ftfy leaves alone.

With :data:`copydesk.repair.FTFY_CONFIG`, ``ftfy.fix_text`` changes a line only when its
badness pattern (``ftfy.badness.BADNESS_RE``) matches, or when the line holds a C1 control
or a surrogate. That pattern is a long alternation which Python's ``re`` tries at every
position (about 0.15 µs a character). Every one of its alternatives needs, somewhere in its
match, either one character that never occurs in clean text (a C1 control, ``Ã``, ``Â``,
``Œ``, ``œ``, ``Ђ``, ``ў``) or two particular *adjacent* characters (a lower-case accented
letter before a currency sign, a Cyrillic ``Р`` before a curly quote...). The pairs are
listed below from ftfy's own character classes, so a line without any of them cannot be
changed by ftfy, and ftfy is not called on it.

``tests/test_mojibake_hint.py`` checks the claim exhaustively on every pair of characters
ftfy's classes name, by property on longer strings, and on every line of the shared corpus.
"""

from __future__ import annotations

import re

from ftfy.badness import MOJIBAKE_CATEGORIES as _C

__all__ = ["LETTERS", "MOJIBAKE_PAIR_RE", "PAIRS", "SINGLES", "members"]

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
SINGLES = "\x80-\x9f\ud800-\udfffŒœÃÂЂў"

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
    (_LOWER + _UPPER + _BOX + _CUR + _END, _START),
    (_LOWER + _UPPER + _CUR + _NUM + _BOX + _LAW, _END),
    (_CUR + _NUM + _BOX, _START),
    (_BOX, _C["kaomoji"] + _END),
    (_LOWER + _UPPER + _CUR + _NUM + _START + _END + _LAW, _BOX),
    (_LOWER + _UPPER, _START + _END),  # then \w
    (_UPPER, "°"),
    ("ÎÐ", "€œŠš¢£Ÿž\xa0\xad®©°·»–—´" + _START + _END),  # Â and Ã are in SINGLES
    ("×", "²³"),
    ("ØÙ", _C["common"] + _CUR + _BAD + _NUM + _START + "ŸŠ®°µ»"),
    ("à", "²µ¹¼½¾"),
    ("√", "±∂†≠®™´≤≥¥µø"),
    ("≈", "°¢"),
    ("‚", "Äâó"),
    ("ВГРСΒΓΞΟ", _BAD + _START + _END + _CUR + "°µ"),  # Cyrillic and Greek cp1251/1253 mojibake
    ("βā", "€"),
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


def _scan_second(first: str, second: str) -> bool:
    """Whether a pair is best found by its second character: the side with fewer of the
    common :data:`LETTERS` is the rarer one in text (the first side on a tie)."""
    return len(members(second) & LETTERS) < len(members(first) & LETTERS)


def _alternative(first: str, second: str) -> str:
    # The scan stops on one character; the alternative checks the pair around it.
    if _scan_second(first, second):
        return f"(?<={_class(first)}{_class(second)})"
    return f"(?<={_class(first)})(?={_class(second)})"


# One of SINGLES, or one of the PAIRS side by side. The pattern starts with one character
# class, so the stdlib ``re`` engine scans for it in a tight C loop and tries the alternatives
# only where that character occurs. The class holds SINGLES and, of each pair, the side with
# fewer common letters: the pair's other character is then checked by a lookbehind or a
# lookahead. Scanning for letters would stop at nearly every character of Cyrillic text
# (about 25x slower there). Stdlib ``re`` on purpose: no \p{..} is needed, and ``regex``
# does not do that prefix scan here (about 20x slower). No repeats at all: linear.
# Example: "CafÃ©" (Ã), "â€œ" (€ after â).
MOJIBAKE_PAIR_RE = re.compile(
    _class(
        SINGLES
        + "".join(second if _scan_second(first, second) else first for first, second in PAIRS)
    )
    + "(?:(?<="
    + _class(SINGLES)
    + ")|"
    + "|".join(_alternative(first, second) for first, second in PAIRS)
    + ")"
)

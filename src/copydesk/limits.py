"""Size limits: how much of a hostile or runaway input copydesk reads at all.

A scraped "article" of a gigabyte is a bug upstream, not an article. ``clean_article`` keeps
the first ``max_chars`` characters (5,000,000 by default, about a thousand times a long news
story) and records the cut in the ledger as its first edit, so that nothing is lost silently:

* bytes are capped *before* decoding (:func:`cap_bytes`), so a 1 GB input is never decoded
  whole; the cap leaves room for more than ``max_chars`` characters in any encoding, so the
  text cut below always happens (and is recorded) when the byte cap did;
* the decoded text is cut at the last line break in the final 10 % before the limit, or at
  the limit itself when there is none (:func:`cut_point`), never between a letter and its
  combining marks.
"""

from __future__ import annotations

import unicodedata

from copydesk.article import Edit

__all__ = ["DEFAULT_MAX_CHARS", "LIMIT_RULE", "cap_bytes", "cut_point", "truncation"]

#: Default ``max_chars`` of :func:`copydesk.clean_article`.
DEFAULT_MAX_CHARS = 5_000_000

#: Rule name of the ledger edit that records a truncation.
LIMIT_RULE = "limit.max_chars"

# The widest encodings copydesk decodes (UTF-8 at worst, UTF-32, GB18030) take 4 bytes a
# character. The slack covers a BOM, a partial character and the search for a safe cut.
_BYTES_PER_CHAR = 4
_SAFE_CUT_WINDOW = 4096
_BYTE_SLACK = _SAFE_CUT_WINDOW + 16

# How far back from the limit a line break may be and still be preferred to a hard cut.
_LINE_BREAK_WINDOW = 0.10
# How many combining marks a hard cut backs over at most (a run longer than this is junk).
_MAX_MARKS = 32


def cap_bytes(data: bytes, max_chars: int | None) -> bytes:
    """Return the prefix of ``data`` worth decoding for ``max_chars`` characters.

    The cut falls on a character boundary: for UTF-16/32 (by BOM) on a whole code unit and
    not inside a surrogate pair; otherwise just after a byte below ``0x30`` (controls, space,
    punctuation), which is never inside a character of UTF-8, GB18030, Big5, Shift-JIS or
    EUC-KR, and failing that before any partial UTF-8 sequence.

    >>> cap_bytes(b"abc", None), cap_bytes(b"abc", 10)
    (b'abc', b'abc')
    >>> len(cap_bytes("é".encode() * 5000, 100)) % 2
    0
    """
    if max_chars is None:
        return data
    limit = _BYTES_PER_CHAR * max_chars + _BYTE_SLACK
    if len(data) <= limit:
        return data
    head = data[:limit]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return head[: len(head) // 4 * 4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[: len(head) // 2 * 2]
        last = head[-2:] if head.startswith(b"\xff\xfe") else head[-2:][::-1]
        return head[:-2] if 0xD8 <= last[1] <= 0xDB else head  # a lone high surrogate
    window = head[-_SAFE_CUT_WINDOW:]
    for i in range(len(window) - 1, -1, -1):
        if window[i] < 0x30:
            return head[: len(head) - len(window) + i + 1]
    # No safe byte nearby: step back over UTF-8 continuation bytes and their lead byte.
    end = len(head)
    for back in range(1, 4):
        byte = head[end - back]
        if byte >= 0xC0:  # a lead byte: keep it only when its whole sequence is here
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return head if back >= need else head[: end - back]
        if byte < 0x80:
            break
    return head


def cut_point(text: str, max_chars: int) -> int:
    """Return where to cut ``text`` so that at most ``max_chars`` characters stay.

    Prefers the last line break in the final 10 % before the limit (the break itself, and a
    ``\\r`` before it, go with the cut text); otherwise cuts at the limit, backing over
    combining marks so that no letter loses its accent.

    >>> cut_point("Line one.\\nLine two.", 10), cut_point("Line one.\\r\\nLine two.", 10)
    (9, 9)
    >>> cut_point("One.\\nLine two is long.", 10), cut_point("Line one.\\rLine two.", 10)
    (10, 9)
    >>> cut_point("abcdefghij", 4)
    4
    >>> cut_point("cafe\\u0301s", 4)
    3
    >>> cut_point("short", 10)
    5
    """
    if len(text) <= max_chars:
        return len(text)
    floor = max_chars - max(1, int(max_chars * _LINE_BREAK_WINDOW))
    lo, hi = max(floor, 0), max_chars + 1  # a break right at the limit goes with the cut
    brk = max(text.rfind("\n", lo, hi), text.rfind("\r", lo, hi))
    if brk >= 0:
        return brk - 1 if brk > 0 and text[brk - 1 : brk + 1] == "\r\n" else brk
    pos = max_chars
    for _ in range(_MAX_MARKS):
        if pos == 0 or not unicodedata.combining(text[pos]):
            break
        pos -= 1
    return pos


def truncation(text: str, max_chars: int | None) -> Edit | None:
    """Return the ledger edit that cuts ``text`` down to ``max_chars``, or None when it fits.

    >>> edit = truncation("Line one.\\nLine two.", 10)
    >>> edit.rule, edit.kind, edit.start, edit.end, edit.old
    ('limit.max_chars', 'removed', 9, 19, '\\nLine two.')
    >>> truncation("fits", 10) is None, truncation("fits", None) is None
    (True, True)
    """
    if max_chars is None or len(text) <= max_chars:
        return None
    cut = cut_point(text, max_chars)
    return Edit(LIMIT_RULE, "removed", cut, len(text), text[cut:])

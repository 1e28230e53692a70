"""Bytes to text: BOM-aware, UTF-8 first, then a legacy code page chosen by what it yields.

Decoding never raises: the last resort is Latin-1, which maps every byte.
"""

from __future__ import annotations

import codecs
import unicodedata

from copydesk._lazy import lazy_re
from copydesk.scripts import NON_ASCII_RE

__all__ = ["decode_bytes"]

# Longest BOM first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy code pages tried when UTF-8 fails, in order of preference on a tie. Multi-byte CJK
# codecs rarely decode Western or Cyrillic bytes strictly (a lone high byte before ASCII is
# invalid for them), so strict success is itself evidence.
_LEGACY: tuple[str, ...] = ("cp1252", "cp1251", "gb18030", "big5")


# A Greek or Cyrillic letter with no letter of its script on either side ("Ј15.8m", "Ѓber"),
# or a CJK, kana, Hangul or half/full-width character alone among non-CJK text ("｣15.8m"):
# what one stray legacy byte becomes under the wrong code page. Real text in those scripts
# comes in runs. The character comes first and the two-character lookbehind then says the one
# before it is not of its kind, so that the stdlib engine scans for the class in a tight loop
# (a leading lookbehind made ``regex`` try every position: 1 ms per document). Fixed-width
# lookarounds around one character: linear.
_GREEK_CYRILLIC = "[\u0370-\u052f]"
_CJK = "[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]"
LONE_FOREIGN_RE = lazy_re(
    f"{_GREEK_CYRILLIC}(?<!{_GREEK_CYRILLIC}{{2}})(?!{_GREEK_CYRILLIC})"
    f"|{_CJK}(?<!{_CJK}{{2}})(?!{_CJK})"
)


def _implausibility(text: str) -> float:
    """Score how unlike real text the non-ASCII part of ``text`` is (lower is better).

    Symbols, controls and unassigned characters count against a decoding, and so do runs of
    three or more accented Latin letters, which real Western text almost never has but
    Cyrillic or CJK bytes read as cp1252 always do ("Ïðèâåò"), and lone Greek or Cyrillic
    letters, which is what a stray cp1252 "£" or "é" becomes when read as cp1251 ("Ј15.8m").
    Currency signs are normal in news and cost little.
    """
    bad = 0.0
    non_ascii = 0
    # Only non-ASCII characters score, and an ASCII one ends a run of accented letters: so
    # each stretch of non-ASCII characters is scored on its own, with a run count from zero.
    for stretch in NON_ASCII_RE.findall(text):
        non_ascii += len(stretch)
        run = 0
        for ch in stretch:
            cat = unicodedata.category(ch)
            if cat[0] == "L":
                if "\u0370" <= ch <= "\u052f":
                    run = 0
                    continue
                if "\u00c0" <= ch <= "\u024f":
                    run += 1
                    if run >= 3:
                        bad += 1
                else:
                    run = 0
                continue
            run = 0
            if cat in ("Cc", "Co", "Cn", "Cs"):
                bad += 3
            elif cat in ("So", "Sk", "Sm", "No"):
                bad += 1
            elif cat == "Sc":
                bad += 0.25
    bad += len(LONE_FOREIGN_RE.findall(text))
    return bad / max(non_ascii, 1)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    best: tuple[float, int, str, str] | None = None
    for rank, name in enumerate(_LEGACY):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        key = (_implausibility(text), rank, name, text)
        if best is None or key[:2] < best[:2]:
            best = key
        if best[0] == 0:
            break  # nothing scores below zero, and a later code page loses a tie
    if best is None:
        return data.decode("latin-1"), "latin-1"
    return best[3], best[2]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding_name)``. Never raises.

    >>> decode_bytes("Café".encode("utf-8"))
    ('Café', 'utf-8')
    >>> decode_bytes("Café au lait, s’il vous plaît".encode("cp1252"))[1]
    'cp1252'
    >>> decode_bytes("Привет, как дела у всех?".encode("cp1251"))
    ('Привет, как дела у всех?', 'cp1251')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                break
            return text.lstrip("\ufeff"), name.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few legacy lines (files concatenated from two sources): decode
    # line by line, keeping UTF-8 wherever it is valid.
    lines = data.split(b"\n")
    utf8_lines = 0
    for line in lines:
        if not line.isascii():
            try:
                line.decode("utf-8")
                utf8_lines += 1
            except UnicodeDecodeError:
                pass
    if utf8_lines:
        legacy = _decode_legacy(b"\n".join(x for x in lines if not _is_utf8(x)))[1]
        out = [x.decode("utf-8") if _is_utf8(x) else x.decode(legacy, "replace") for x in lines]
        return "\n".join(out), f"utf-8+{legacy}"
    return _decode_legacy(data)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True

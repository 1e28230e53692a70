"""Which writing system a piece of text is in, counted in one pass over the text.

Used by language detection (to sample only lines in the body's own script, and to decide
from the script alone where it is unambiguous) and by the stray-script residue rule.
"""

from __future__ import annotations

from collections import Counter

from copydesk._lazy import lazy_re, lazy_regex

__all__ = ["SCRIPTS", "ascii_letters", "dominant_of", "dominant_script", "script_counts"]

#: Scripts told apart, in the order of the groups of ``SCRIPT_RUN_RE``.
SCRIPTS: tuple[str, ...] = (
    "Latin", "Cyrillic", "Arabic", "Han", "Hiragana", "Katakana", "Hangul", "Greek",
    "Hebrew", "Thai", "Devanagari", "Armenian", "Georgian", "Bengali", "Tamil",
)  # fmt: skip

# Runs of letters of one script; each alternative is one property class repeated, so the
# match is linear. Example: "Привет world" -> a Cyrillic run of 6, a Latin run of 5.
SCRIPT_RUN_RE = lazy_regex("|".join(rf"(\p{{{s}}}+)" for s in SCRIPTS))

#: One tag character per script (``"A"`` for the first of ``SCRIPTS``...), for ``_TAGS``.
_TAG = {s: chr(0x41 + i) for i, s in enumerate(SCRIPTS)}
_LATIN_TAG = _TAG["Latin"]
#: At most this many code points keep their tag in ``_TAGS`` (the rest are looked up anew).
_TAGS_MAX = 1 << 17


class _Tags(dict[int, "str | None"]):
    """A ``str.translate`` table: a letter of a known script -> its tag, anything else -> gone.

    Filled on first sight of each code point, from ``SCRIPT_RUN_RE`` so that both agree.
    """

    def __missing__(self, code: int) -> str | None:
        m = SCRIPT_RUN_RE.match(chr(code))
        tag = None if m is None or m.lastindex is None else chr(0x40 + m.lastindex)
        if len(self) < _TAGS_MAX:
            self[code] = tag
        return tag


_TAGS = _Tags()
#: The ASCII bytes that are not letters, deleted to count ASCII letters.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
#: Every ASCII byte, deleted from UTF-8 to keep the other characters (see _non_ascii).
_ASCII_BYTES = bytes(range(128))
# Stretches of non-ASCII characters; stdlib ``re`` scans a plain class fast.
NON_ASCII_RE = lazy_re(r"[^\x00-\x7f]+")


def ascii_letters(text: str) -> int:
    """How many ASCII letters ``text`` holds (all of them Latin), counted on bytes in C.

    >>> ascii_letters("Привет, world!")
    5
    """
    return len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))


def _non_ascii(text: str) -> str:
    """The characters of ``text`` beyond ASCII, in order.

    Every byte of a character's UTF-8 form beyond ASCII is 0x80 or more, so deleting the
    ASCII bytes leaves exactly the others' UTF-8: three C loops over bytes, about twice as
    fast as a regex deleting the ASCII stretches (curly quotes put most lines of Latin text
    on this path). ``surrogatepass`` carries a lone surrogate through as it is.

    >>> _non_ascii("“Ça va”, dit-il\\ud800")
    '“Ç”\\ud800'
    """
    data = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return data.decode("utf-8", "surrogatepass")


def script_counts(text: str) -> Counter[str]:
    """Count the letters of each script in ``text``.

    ASCII letters (all Latin) are counted on bytes, in C; one ``str.translate`` turns the
    other characters into a string of script tags (a C loop, about four times faster than
    iterating over the regex matches), and each tag is counted.

    >>> sorted(script_counts("Привет, world!").items())
    [('Cyrillic', 6), ('Latin', 5)]
    >>> script_counts("1234 !!")
    Counter()
    """
    latin_ascii = ascii_letters(text)
    if text.isascii():
        return Counter({"Latin": latin_ascii}) if latin_ascii else Counter()
    # the non-ASCII characters in order, then their tags
    tags = _non_ascii(text).translate(_TAGS)
    if not tags:  # no script's letter beyond ASCII (curly quotes, dashes): as ASCII text
        return Counter({"Latin": latin_ascii}) if latin_ascii else Counter()
    return _counts_of_tags(text, tags, latin_ascii)


def _counts_of_tags(text: str, tags: str, latin_ascii: int) -> Counter[str]:
    """:func:`script_counts` of a text beyond ASCII from the tags of its characters beyond
    ASCII and its count of ASCII letters."""
    counts = {script: tags.count(tag) for script, tag in _TAG.items() if tag in tags}
    if not latin_ascii:  # the tags keep the order of the text
        return Counter(dict(sorted(counts.items(), key=lambda c: tags.find(_TAG[c[0]]))))
    latin = counts.pop("Latin", 0) + latin_ascii
    if latin in counts.values():
        return _counts_in_order(text)  # a tie with Latin: order by first appearance, exactly
    # Latin first: its place only matters to ``most_common`` on a tie, and there is none.
    others = sorted(counts.items(), key=lambda c: tags.find(_TAG[c[0]]))
    return Counter({"Latin": latin, **dict(others)})


def _counts_in_order(text: str) -> Counter[str]:
    """:func:`script_counts` by one translate of the whole text, scripts in order of first
    appearance."""
    tags = text.translate(_TAGS)
    found = [
        (tags.find(tag), script, tags.count(tag)) for script, tag in _TAG.items() if tag in tags
    ]
    return Counter({script: n for _, script, n in sorted(found)})


def dominant_script(text: str) -> str | None:
    """The script with the most letters in ``text``; ``None`` when it has no letters.

    Kana and Han count together as Japanese when any kana is present.

    >>> [dominant_script(t) for t in ("Le président a parlé", "1234 !!", "東京タワーへ行く")]
    ['Latin', None, 'Japanese']
    """
    if text.isascii():
        return "Latin" if ascii_letters(text) else None
    tags = _non_ascii(text).translate(_TAGS)
    if not tags:
        # Beyond ASCII only characters of no script counted (curly quotes, dashes: most
        # lines of news in a Latin script): the ASCII letters are all there is, and no counts
        # need ordering or ranking.
        return "Latin" if ascii_letters(text) else None
    if not tags.strip(_LATIN_TAG):
        return "Latin"  # accented Latin letters beyond ASCII, and no other script
    return dominant_of(_counts_of_tags(text, tags, ascii_letters(text)))


def dominant_of(counts: Counter[str]) -> str | None:
    """:func:`dominant_script` from counts already made by :func:`script_counts` (consumed).

    >>> dominant_of(script_counts("Привет, world!"))
    'Cyrillic'
    """
    if not counts:
        return None
    kana = counts.pop("Hiragana", 0) + counts.pop("Katakana", 0)
    if kana:
        counts["Japanese"] = kana + counts.pop("Han", 0)
    # the first of the largest, as ``most_common(1)`` picks it, without its sorting machinery
    return max(counts, key=counts.__getitem__)

"""The "About X" block at the foot of a press release: a heading naming the organisation
("About Harbour Energy", "Über das Hafenamt", "关于港口集团") over a paragraph that opens with
the same name ("Harbour Energy is a…"). The organisation issued the release: it is the
story's source. Used by ``extract.outlet_lines``."""

from __future__ import annotations

from copydesk.extract._bios import read_bio
from copydesk.extract._lexicon import lexicon

__all__ = ["about_source", "read_about"]

#: The longest "About X" heading.
MAX_HEADING_CHARS = 70
#: The most words the organisation's name has.
MAX_NAME_WORDS = 6
#: Articles that may open the name in the heading or the paragraph ("Das Hafenamt ist…").
ARTICLES = ("the ", "das ", "der ", "die ", "le ", "la ", "les ", "l'", "l’", "el ", "los ",
            "las ", "o ", "a ", "os ", "as ", "il ", "lo ", "de ", "het ")  # fmt: skip
QUOTES = "\"'“”‘’«»„「」『』"


def _strip(text: str) -> str:
    """``text`` without quotes around it and without an article opening it."""
    text = text.strip().strip(QUOTES).strip()
    folded = text.casefold()
    for article in ARTICLES:
        if folded.startswith(article) and len(text) > len(article):
            return text[len(article) :].strip().strip(QUOTES).strip()
    return text


def _caseless(char: str) -> bool:
    return char.isalpha() and not (char.isupper() or char.islower())


def read_about(heading: str, below: str) -> str | None:
    """The organisation an "About X" heading names, when the paragraph under it opens with
    the same name and is no person's bio; ``None`` otherwise.

    >>> read_about("About Harbour Energy", "Harbour Energy is a maker of tidal turbines for ports.")
    'Harbour Energy'
    >>> read_about("Über das Hafenamt:", "Das Hafenamt ist die Behörde der Hafenstadt am Meer.")
    'Hafenamt'
    >>> read_about("关于港口集团", "港口集团是一家总部位于上海的港口运营企业，业务覆盖全国。")
    '港口集团'
    >>> read_about("About the author", "Jane Roe is a columnist with The Harbour Times.")
    >>> read_about("About Jane Roe", "Jane Roe is a columnist with The Harbour Times.")
    >>> read_about("About Portville", "Ships leave Portville every hour for the islands and back.")
    """
    from copydesk.extract.title import reads_as_prose

    text = heading.strip().rstrip(":：").strip()
    if not 3 <= len(text) <= MAX_HEADING_CHARS:
        return None
    folded = text.casefold()
    opener = next((o for o in lexicon().about_openers if folded.startswith(o)), None)
    if opener is None:
        return None
    rest = text[len(opener) :]
    if not (_caseless(opener[-1]) and _caseless(rest[:1])) and rest[:1] not in " \t":
        return None  # a word that only starts like an opener ("Overall", "Sobretudo")
    name = _strip(rest)
    if not name or len(name.split()) > MAX_NAME_WORDS:
        return None
    if not (name[0].isupper() or name[0].isdigit() or _caseless(name[0])):
        return None  # "About the author", "About us": no name
    para = _strip(below)
    if not para.casefold().startswith(name.casefold()) or not reads_as_prose(below):
        return None
    after = para[len(name) : len(name) + 1]
    if after.isalnum() and not _caseless(name[-1]):
        return None  # the name runs on into a longer word
    if read_bio(below) is not None:
        return None  # "About Jane Roe": a person's bio, the author's
    return name


def about_source(blocks: list[str]) -> str | None:
    """The one organisation the "About" blocks name: the longest name when every other is
    part of it ("Bloomberg", "Bloomberg Harbour Data"), else ``None`` (partners, no issuer).

    >>> about_source(["Harbour", "Harbour Energy"]), about_source(["Harbour", "Coast Ltd"])
    ('Harbour Energy', None)
    """
    if not blocks:
        return None
    longest = max(blocks, key=len)
    if all(name.casefold() in longest.casefold() for name in blocks):
        return longest
    return None

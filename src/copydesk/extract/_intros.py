"""Lines that introduce a reposted story and name where it is from: "According to Harbour
Times:", "As written by Jane Roe:", "from RT". Used by ``extract.attribution``."""

from __future__ import annotations

import functools

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_organisation, split_names

__all__ = ["read_intro", "read_intro_credit"]

# An intro line: an opener of the lexicon, the name, and a colon or an ellipsis closing the
# line ("According to Harbour Times:"); built at first use. Bounded name ({2,60}).
INTRO_PATTERN = (
    r"(?P<opener>{openers})[ \t]{{1,2}}(?P<name>[^\n:：…]{{2,60}}?)[ \t]{{0,2}}"
    r"(?P<end>[:：]|…|\.{{3}})?"
)
# An outlet written as an acronym or a web domain ("RT", "harbourtimes.example"). Bounded.
SHORT_OUTLET_RE = lazy_regex(r"\p{Lu}{2,5}|(?:[\w\-]{1,40}\.){1,3}\p{Ll}{2,10}")
# Small words a capitalised name may hold ("Voice of the Harbour", "Diário do Porto").
CONNECTORS = frozenset({"of", "the", "de", "da", "do", "del", "la", "le", "and", "y", "e", "for"})
# A Chinese intro line: "according to" (据, 根据), the name, and what it reported or
# counted ("据港口日报报道：", "根据港湾研究院统计数据——"). Bounded name.
CJK_INTRO_RE = lazy_regex(
    r"(?:根[据據]|[据據])(?P<name>[^\s，,。：:、]{2,24}?)的?"
    r"(?:[报報][道導]|消息|[统統][计計][数數][据據]|[数數][据據]|[统統][计計])"
    r"[ \t]{0,2}[：:，,—\-…]{0,4}"
)
#: Openers that are ordinary words too ("From Washington:", "From The Archives:", "Segundo
#: Tempo:", the second half): they name only a known outlet or an organisation's name, an
#: acronym or a domain, with a colon or without.
WEAK_OPENERS = frozenset({"from", "segundo"})
#: Openers that name the story's writer ("As written by Jane Roe:"): a person named there is
#: an author, never the source.
WRITER_OPENERS = frozenset({"as written by"})
#: An intro line is at most this long; its name at most this many words.
MAX_INTRO_CHARS = 80
MAX_NAME_WORDS = 6


@functools.lru_cache(maxsize=1)
def _intro_re() -> regex.Pattern[str]:
    openers = sorted(lexicon().intro_openers, key=len, reverse=True)
    alternation = "|".join(regex.escape(o).replace("\\ ", "[ \\t]") for o in openers)
    return regex.compile(INTRO_PATTERN.format(openers=alternation or "(?!)"), regex.I)


def _capitalised(name: str) -> bool:
    """A name of capitalised words, small connectors allowed inside ("Voice of the Port")."""
    words = name.split()
    return (
        1 <= len(words) <= MAX_NAME_WORDS
        and (words[0][:1].isupper() or words[0][:1].isdigit())
        and all(w[:1].isupper() or w[:1].isdigit() or w in CONNECTORS for w in words[1:])
        and not any(w.endswith((".", ",", ";")) for w in words[:-1])
    )


def read_intro(text: str) -> str | None:
    """The outlet or writer an intro line names, or ``None``.

    With a colon or an ellipsis closing it, any capitalised name; without one, only an
    outlet's name, acronym or domain ("from RT"), so that "From the archives" and "From
    Monday on, …" say nothing. "From" and "Segundo", ordinary words too, name only an
    outlet even with a colon ("From Washington:" says nothing).

    >>> read_intro("According to Harbour Times:"), read_intro("As Written By Senator Jo Lee:")
    ('Harbour Times', 'Senator Jo Lee')
    >>> read_intro("from RT"), read_intro("Según El Diario del Puerto:")
    ('RT', 'El Diario del Puerto')
    >>> read_intro("According to the board:"), read_intro("From Monday on the port is shut")
    (None, None)
    >>> read_intro("From Washington:"), read_intro("Segundo Tempo:")
    (None, None)
    >>> read_intro("据港口日报报道："), read_intro("根据港湾研究院统计数据——")
    ('港口日报', '港湾研究院')
    >>> read_intro("据了解，港口将于周一关闭。") is None
    True
    """
    found = _read(text)
    return found[0] if found is not None else None


def read_intro_credit(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """The authors and the source an intro line gives, or ``None``: a person a writer's
    opener names is an author ("As written by Jane Roe:"), never the source.

    >>> read_intro_credit("As written by Jane Roe:"), read_intro_credit("from RT")
    ((('Jane Roe',), None), ((), 'RT'))
    """
    found = _read(text)
    if found is None:
        return None
    name, opener = found
    if opener in WRITER_OPENERS and not _outlet(name):
        names = split_names(name)
        if names is not None:
            return names, None
    return (), name


def _outlet(name: str) -> bool:
    """A known agency, an organisation's name, an acronym or a web domain."""
    known = name.casefold() in lexicon().agencies
    return known or is_organisation(name) or SHORT_OUTLET_RE.fullmatch(name) is not None


def _read(text: str) -> tuple[str, str] | None:
    """The name an intro line gives and its opener (folded, spaces single), or ``None``."""
    line = text.strip()
    if not line.isascii() and (cjk := CJK_INTRO_RE.fullmatch(line)) is not None:
        return cjk["name"], ""  # "据港口日报报道：", "根据港湾研究院统计数据——"
    if not 6 <= len(line) <= MAX_INTRO_CHARS:
        return None
    m = _intro_re().fullmatch(line)
    if m is None:
        return None
    name = m["name"].strip()
    opener = " ".join(m["opener"].casefold().split())
    if opener in WEAK_OPENERS:
        return (name, opener) if _outlet(name) else None
    if m["end"]:
        return (name, opener) if _capitalised(name) else None
    return None  # "According to Harbour Times" without a colon may open a sentence

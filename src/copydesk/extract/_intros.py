"""Lines that introduce a reposted story and name where it is from: "According to Harbour
Times:", "As written by Jane Roe:", "from RT". Used by ``extract.attribution``."""

from __future__ import annotations

import functools

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_organisation

__all__ = ["read_intro"]

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
    Monday on, …" say nothing.

    >>> read_intro("According to Harbour Times:"), read_intro("As Written By Senator Jo Lee:")
    ('Harbour Times', 'Senator Jo Lee')
    >>> read_intro("from RT"), read_intro("Según El Diario del Puerto:")
    ('RT', 'El Diario del Puerto')
    >>> read_intro("According to the board:"), read_intro("From Monday on the port is shut")
    (None, None)
    """
    line = text.strip()
    if not 6 <= len(line) <= MAX_INTRO_CHARS:
        return None
    m = _intro_re().fullmatch(line)
    if m is None:
        return None
    name = m["name"].strip()
    if m["end"]:
        return name if _capitalised(name) else None
    if m["opener"].casefold() != "from":
        return None  # "According to Harbour Times" without a colon may open a sentence
    known = name.casefold() in lexicon().agencies
    return name if known or is_organisation(name) or SHORT_OUTLET_RE.fullmatch(name) else None

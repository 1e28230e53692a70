"""Bylines written as parts between bullets or bars: "By Jane Roe | Harbour Times | March 3,
2023", "Story by Jane Roe • Photos by Jo Lee", "Jane Roe · 3 min read", "Jane Roe | Reporter".
Used by :func:`copydesk.extract.bylines.read_byline` when the line as a whole is no byline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import split_names
from copydesk.extract.datelines import read_stamp

__all__ = ["read_byline_parts"]

# A bar or a bullet between the parts, with spaces around it. Bounded.
PART_SEP_RE = lazy_regex(r"[ \t]{1,3}[|•·][ \t]{1,3}")
# A reading time: "3 min read", "5 minutes", "Lesezeit: 4 Min.", "2 dk okuma". Bounded.
READING_TIME_RE = lazy_regex(
    r"\d{1,3}[ \t]?(?:min|mins|minute|minutes|minuten|dk|dakika)\.?"
    r"(?:[ \t](?:read|lesen|lesezeit|okuma|okuma[ \t]süresi))?"
    r"|(?:lesezeit|reading[ \t]time|okuma[ \t]süresi)[ \t]?:?[ \t]?\d{1,3}[ \t]?"
    r"(?:min\.?|minuten|minutes|dk|dakika)",
    regex.I,
)
# A photo or video credit among the parts: "Photos by Jo Lee", "Foto: X". Bounded.
PHOTO_PART_RE = lazy_regex(
    r"(?:photos?|fotos?|images?|video|bilder?)[ \t]{0,2}(?:by|von|:)", regex.I
)
# An outlet's name: a web domain or capitalised words. Bounded.
OUTLET_PART_RE = lazy_regex(
    r"(?:[\w\-]{1,40}\.){1,3}\p{L}{2,10}"
    r"|\p{Lu}[\p{L}&'’.\-]{0,30}(?:[ \t]\p{Lu}[\p{L}&'’.\-]{0,30}){0,4}"
)
#: A byline has at most this many parts.
MAX_PARTS = 5


class _Byline(Protocol):
    """What a byline reader returns (:class:`copydesk.extract.bylines.Byline`)."""

    @property
    def authors(self) -> tuple[str, ...]: ...
    @property
    def source(self) -> str | None: ...
    @property
    def published(self) -> dt.date | None: ...


def _is_role(text: str) -> bool:
    """A job title ("Senior Reporter", "Korrespondentin")."""
    words = {w.strip(".,").casefold() for w in text.split()}
    return bool(words & lexicon().bio_roles)


def _no_person(name: str) -> bool:
    """A name without an opener that no person bears: one word in a cased script
    ("Politics"; a Chinese name is written without spaces), or words of an outlet's or a
    section's name ("World News")."""
    words = [w.strip(".,").casefold() for w in name.split()]
    if len(words) < 2 and any(c.isupper() for c in name):
        return True
    return any(w in lexicon().outlet_name_words for w in words)


def read_byline_parts(
    text: str, read: Callable[[str], _Byline | None]
) -> tuple[tuple[str, ...], str | None, dt.date | None] | None:
    """``(authors, source, published)`` of a byline in parts, or ``None``.

    The first part is a byline (``read``) or names alone; every other part is a date, an
    outlet, a job, a reading time or a photo credit, or the line is none. Names without an
    opener need a job or a reading time beside them: a bar between two capitalised phrases
    is a menu or a headline and its date as often.

    >>> from copydesk.extract.bylines import read_byline
    >>> read_byline_parts("By Jane Roe | Harbour Times | March 3, 2023", read_byline)
    (('Jane Roe',), 'Harbour Times', datetime.date(2023, 3, 3))
    >>> read_byline_parts("Jane Roe · 3 min read", read_byline)
    (('Jane Roe',), None, None)
    >>> read_byline_parts("06.05.2024, 14:30 Uhr | Von Anna Schmidt", read_byline)
    (('Anna Schmidt',), None, datetime.datetime(2024, 5, 6, 14, 30))
    >>> read_byline_parts("Story by Jane Roe • Photos by Jo Lee", read_byline)
    (('Jane Roe',), None, None)
    >>> read_byline_parts("Home | World | Harbour", read_byline) is None
    True
    >>> read_byline_parts("Jane Roe | Harbour Times", read_byline) is None
    True
    >>> read_byline_parts("Storm Closes Port | March 3, 2023", read_byline) is None
    True
    >>> read_byline_parts("Politics · 3 min read", read_byline) is None
    True
    >>> read_byline_parts("World News · 3 min read", read_byline) is None
    True
    """
    parts = [p.strip() for p in PART_SEP_RE.split(text.strip())]
    if not 2 <= len(parts) <= MAX_PARTS or not all(parts):
        return None
    if read(parts[0]) is None and read_stamp(parts[0]) is not None:
        # the stamp first, the byline with its opener after it ("06.05.2024, 14:30 Uhr | Von
        # Anna Schmidt"): read as if the byline came first
        signed_at = next((k for k in range(1, len(parts)) if read(parts[k]) is not None), None)
        if signed_at is not None:
            parts.insert(0, parts.pop(signed_at))
    head = read(parts[0])
    authors = head.authors if head is not None else split_names(parts[0])
    if not authors:
        return None
    if head is None and any(_no_person(a) for a in authors):
        return None  # "Politics · 3 min read", "World News · 3 min read": a section's
    source = head.source if head is not None else None
    published = head.published if head is not None else None
    signed = head is not None
    lex = lexicon()
    for part in parts[1:]:
        stamp = read_stamp(part)
        if stamp is not None and not stamp[2]:
            # a date signs names only after an opener: "Storm Closes Port | March 3, 2023"
            # is a headline's (extract.attribution weighs a name beside a stamp)
            published, signed = published or stamp[0], signed or head is not None
        elif READING_TIME_RE.fullmatch(part) or _is_role(part):
            signed = True
        elif PHOTO_PART_RE.match(part):
            continue
        elif (
            source is None
            and split_names(part) is None
            and (part.casefold() in lex.agencies or OUTLET_PART_RE.fullmatch(part))
        ):
            source = lex.canonical.get(part.casefold(), part)
        else:
            return None
    return (tuple(authors), source, published) if signed else None

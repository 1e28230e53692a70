"""The stamp and byline right under a headline found deep in a page (below navigation and
lists of other stories, where the header readers, which look at the first lines, do not
reach): "Storm closes port" / "Jul 2, 2026, 6:12 PM" / "Jane Roe". Used by
``extract.title``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from copydesk.draft import Line
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import split_names
from copydesk.extract.datelines import read_stamp

__all__ = ["UNDER_LINES", "Header", "read_header_under"]

#: How many lines right under the headline may hold its stamp and byline.
UNDER_LINES = 2
DATE_RULE = "extract.datelines"
#: A byline name under the headline is at most this long.
NAME_CHARS = 60


@attrs.frozen
class Header:
    """The lines under a headline read as its stamp and byline."""

    indices: tuple[int, ...] = ()
    published: dt.date | None = None
    authors: tuple[str, ...] = ()


def _name(text: str) -> tuple[str, ...] | None:
    """One person's name alone, in a script with capitals, in the shapes a subheading
    rarely has ("Jane Roe", "Jane P. Roe")."""
    text = text.strip()
    if not 4 <= len(text) <= NAME_CHARS or text.isupper() or not any(c.isupper() for c in text):
        return None
    names = split_names(text)
    if names is None or len(names) != 1:
        return None
    words = names[0].split()
    # two words, or three with an initial or a particle inside ("Jane P. Roe", "Ana de Lima")
    plain = len(words) == 2 or (
        len(words) == 3 and (words[1].endswith(".") or words[1].casefold() in lexicon().particles)
    )
    return names if plain else None


def read_header_under(lines: Sequence[tuple[int, Line]]) -> Header:
    """Read the stamp, and the byline next to it, from the lines right under a headline
    (blank lines left out). A stamp the dateline step already took counts as the stamp.

    A name counts only beside a stamp: a two-word line alone under a headline may be a
    subheading.

    >>> from copydesk.draft import Draft
    >>> d = Draft.from_text("Jul 2, 2026, 6:12 PM\\nJane Roe\\nOnshore Wind")
    >>> read_header_under(list(d.body()))
    Header(indices=(0, 1), published=datetime.datetime(2026, 7, 2, 18, 12), authors=('Jane Roe',))
    >>> read_header_under(list(Draft.from_text("Jane Roe\\nThe port closed.").body()))
    Header(indices=(), published=None, authors=())
    """
    under = list(lines[:UNDER_LINES])
    stamps = [_stamp(line) for _, line in under]
    found: list[int] = []
    published: dt.date | None = None
    authors: tuple[str, ...] = ()
    for n, (i, line) in enumerate(under):
        if line.state != "body":
            if stamps[n] is None:
                break
            continue  # a stamp the dateline step took
        stamp = stamps[n]
        if stamp is not None and published is None:
            found.append(i)
            published = stamp[0] if isinstance(stamp, tuple) else None
            continue
        names = _name(line.text) if not authors else None
        if names is not None and any(s is not None for s in stamps):
            found.append(i)
            authors = names
            continue
        break
    if published is None and not authors:
        return Header()
    return Header(tuple(found), published, authors)


def _stamp(line: Line) -> tuple[dt.date, str | None, tuple[str, ...]] | bool | None:
    """The stamp a line states, ``True`` for one the dateline step already took, else
    ``None``."""
    if line.state == "extracted" and line.rule == DATE_RULE:
        return True
    return read_stamp(line.text) if line.state == "body" else None

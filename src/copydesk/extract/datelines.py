"""Stand-alone date lines and time stamps near the top or bottom of a text."""

from __future__ import annotations

import datetime as dt

import regex

from copydesk.dates import parse_date
from copydesk.draft import Draft
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import split_names
from copydesk.extract._window import edges
from copydesk.pipeline import step

__all__ = ["dateline", "read_stamp"]

# Decoration around a page dateline: pipes, bullets, brackets ("| 8 December 2022, Thursday |").
DECOR = " \t|•·*[]()-–—"
# A label glued to its stamp ("Updated Nov 2, 2022", "Published on: ..."), matched against the
# lexicon's labels, longest first. Bounded: labels are at most 4 words of 30 letters.
LABEL_RE = regex.compile(r"(?P<label>\p{L}{1,30}(?:[ \t]\p{L}{1,30}){0,3})[ \t]{0,2}:?[ \t]{0,2}")
HEAD_LINES = 8
TAIL_LINES = 4
MAX_LINE_CHARS = 120
RULE = "extract.datelines"


def read_stamp(text: str) -> tuple[dt.date, str | None, tuple[str, ...]] | None:
    """Read a stand-alone stamp: ``(date, label, authors)``, or ``None`` when the line is more.

    The label is the folded lexicon label ("updated"); authors are a name written before it
    ("Nakshab Khan Updated Nov 2, 2022 | 01:36 PM IST").

    >>> stamp = read_stamp("Published on: Wednesday, November 02, 2022, 02:19 PM IST")
    >>> stamp[0].isoformat(), stamp[1]
    ('2022-11-02T14:19:00+05:30', 'published on')
    >>> read_stamp("| 8 December 2022, Thursday |")
    (datetime.date(2022, 12, 8), None, ())
    >>> read_stamp("Markets closed on 8 December 2022 after the vote.") is None
    True
    """
    text = text.strip(DECOR)
    if not text or len(text) > MAX_LINE_CHARS:
        return None
    date = parse_date(text)
    if date is not None:
        return date, None, ()
    lex = lexicon()
    words = text.split()
    # Try each place a label may start (0 = no author before it), longest label first.
    for start in range(min(len(words), 5)):
        for width in (4, 3, 2, 1):
            label = " ".join(words[start : start + width]).rstrip(":").casefold()
            if label not in lex.date_labels:
                continue
            rest = " ".join(words[start + width :]).lstrip(":").strip(DECOR)
            date = parse_date(rest)
            if date is None:
                continue
            if start == 0:
                return date, label, ()
            names = split_names(" ".join(words[:start]))
            if names is not None:
                return date, label, names
    return None


@step("extract.datelines")
def dateline(draft: Draft) -> Draft:
    """Take stand-alone date and time-stamp lines near the top or bottom into ``published``.

    The first stamp found sets ``published``; an "Updated" stamp sets it only when no other
    date is known. Lines that mention a date inside a sentence stay in the body.
    """
    taken: list[int] = []
    published = draft.fields.published
    authors = draft.fields.authors
    for i, line in edges(draft, HEAD_LINES, TAIL_LINES):
        found = read_stamp(line.text)
        if found is None:
            continue
        date, _label, names = found
        taken.append(i)
        if published is None:
            published = date
        if names and not authors:
            authors = names
    if not taken:
        return draft
    return draft.take(taken, rule=RULE, kind="extracted", published=published, authors=authors)

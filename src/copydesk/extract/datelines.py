"""Stand-alone date lines and time stamps near the top or bottom of a text, and wire
datelines that open the first paragraph (``WASHINGTON (Reuters) - …``, ``МОСКВА, 9 августа.
/ТАСС/. …``): their place and agency are metadata, the rest of the paragraph is body."""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from copydesk.dates import parse_date
from copydesk.draft import Draft
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_organisation, split_names
from copydesk.extract._window import edges
from copydesk.pipeline import step

__all__ = ["Wire", "dateline", "read_stamp", "read_wire"]

# Decoration around a page dateline: pipes, bullets, brackets ("| 8 December 2022, Thursday |").
DECOR = " \t|•·*[]()-–—"
# A label glued to its stamp ("Updated Nov 2, 2022", "Published on: ..."), matched against the
# lexicon's labels, longest first. Bounded: labels are at most 4 words of 30 letters.
LABEL_RE = regex.compile(r"(?P<label>\p{L}{1,30}(?:[ \t]\p{L}{1,30}){0,3})[ \t]{0,2}:?[ \t]{0,2}")
# A wire dateline at the start of a paragraph: a place (and a day) before the agency, which is
# in brackets ("(Reuters)"), between slashes ("/ТАСС/."), after a dash and closed by a stop
# ("- РИА Новости."), or before a dash ("INTERFAX.RU -"); one pattern per form, tried in
# turn. Example: "NEW YORK (AP) — The". False positives ("The Associated Press (AP) reported")
# are refused by read_wire: the agency must be known and what follows must start a sentence.
# Every repeat is bounded.
WIRE_HEAD = r"(?P<head>[^()/\n]{0,60}?)[ \t]{0,2}"
WIRE_TAIL = r"[ \t]{0,3}(?:[-–—:][ \t]{0,3})?"
WIRE_RES = (
    regex.compile(WIRE_HEAD + r"\((?P<agency>[^()\n]{2,40})\)" + WIRE_TAIL),
    regex.compile(WIRE_HEAD + r"/(?P<agency>[^/\n]{2,40})/\.?" + WIRE_TAIL),
    regex.compile(
        WIRE_HEAD + r"(?<=[ \t])[-–—][ \t]{1,3}(?P<agency>[^.\n]{2,40}?)(?:\.|$)" + WIRE_TAIL
    ),
    regex.compile(WIRE_HEAD + r"(?P<agency>[^ \t\n]{2,30})[ \t]{1,3}[-–—](?=[ \t]|$)" + WIRE_TAIL),
)
# One word of a dateline's place: capitalised ("NEW", "Heights", "D.C.", "São", "МОСКВА").
PLACE_WORD_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}.'’\-]{0,30}")
# A day and a month in a dateline, the year left out ("10 авг", "9 августа", "Nov. 2").
DAY_MONTH_RE = regex.compile(r"\d{1,2}[ \t]\p{L}{3,12}\.?|\p{L}{3,12}\.?[ \t]\d{1,2}")
# A brand written as one word with inner capitals ("NaturalNews", "TheBlaze").
CAMEL_RE = regex.compile(r"\p{Lu}\p{Ll}{1,20}(?:\p{Lu}\p{Ll}{1,20}){1,3}")
# What may follow a wire dateline: the start of a sentence.
SENTENCE_START_RE = regex.compile(r"[\p{Lu}\p{Lo}\p{N}\"'“‘«„]")
#: How many of the first body lines may open with a wire dateline.
WIRE_LINES = 4
#: Place words in a dateline ("Cleveland Heights, Ohio" has three).
MAX_PLACE_WORDS = 5
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


@attrs.frozen
class Wire:
    """A wire dateline: where it ends in the line, the agency, and the place when stated."""

    end: int
    source: str
    place: str | None = None


def _agency(name: str, *, loose: bool) -> str | None:
    """The agency's canonical name, or ``None``. ``loose`` also accepts any organisation
    ("CNN") and a one-word brand ("NaturalNews"), as the bracketed form allows."""
    lex = lexicon()
    name = name.strip(" \t.")
    folded = name.casefold()
    if folded in lex.agencies:
        return lex.canonical.get(folded, name)
    if loose and (is_organisation(name) or CAMEL_RE.fullmatch(name)):
        return name
    return None


def _place(head: str) -> str | None:
    """The place of a dateline head ("Cleveland Heights, Ohio", "МОСКВА, 9 августа."), ``""``
    when there is none, or ``None`` when the head is not a place and a day."""
    lex = lexicon()
    parts = [p.strip() for p in regex.split(r"[,.][ \t]", head.strip(" \t,"))]
    places: list[str] = []
    for part in filter(None, parts):
        day = DAY_MONTH_RE.fullmatch(part.rstrip("."))
        if day is not None and any(w.rstrip(".").casefold() in lex.months for w in part.split()):
            continue
        words = part.split()
        if not 1 <= len(words) <= MAX_PLACE_WORDS or not all(
            PLACE_WORD_RE.fullmatch(w) or (n and w.casefold() in lex.particles)
            for n, w in enumerate(words)
        ):
            return None
        # a stop closes the place ("Москва. 14 мая.") unless it ends an abbreviation ("D.C.")
        places.append(part if "." in part[:-1] else part.rstrip("."))
    return ", ".join(places)


def read_wire(text: str) -> Wire | None:
    """Read the wire dateline that opens a paragraph, or ``None``.

    >>> read_wire("NEW YORK (AP) — The port closed on Monday.")
    Wire(end=16, source='AP', place='NEW YORK')
    >>> read_wire("МОСКВА, 9 августа. /ТАСС/. Учёные изучили молекулы.").source
    'ТАСС'
    >>> read_wire("The Associated Press (AP) reported the closure.") is None
    True
    """
    for form, pattern in enumerate(WIRE_RES):
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end() :]
        if rest and SENTENCE_START_RE.match(rest) is None:
            continue
        source = _agency(m["agency"], loose=form == 0)
        place = _place(m["head"])
        if source is None or place is None or (form == 2 and not place):
            continue
        return Wire(m.end(), source, place or None)
    return None


def _wire(draft: Draft) -> Draft:
    """Cut a wire dateline from the start of one of the first body lines."""
    for i, line in list(draft.body())[:WIRE_LINES]:
        lead = len(line.text) - len(line.text.lstrip())
        wire = read_wire(line.text[lead:])
        if wire is None:
            continue
        if not line.text[lead + wire.end :].strip():
            draft = draft.take([i], rule=RULE, kind="extracted")
        else:
            draft = draft.rewrite(i, [(0, lead + wire.end, "")], rule=RULE, kind="extracted")
        draft = draft.set_fields(source=draft.fields.source or wire.source)
        return draft.add_metadata({"dateline": wire.place}) if wire.place else draft
    return draft


@step("extract.datelines")
def dateline(draft: Draft) -> Draft:
    """Take stand-alone date and time-stamp lines near the top or bottom into ``published``.

    The first stamp found sets ``published``; an "Updated" stamp sets it only when no other
    date is known. Lines that mention a date inside a sentence stay in the body.

    A wire dateline opening one of the first paragraphs (``NEW YORK (AP) — …``) is cut out:
    the agency goes to ``source``, the place to ``metadata["dateline"]``.
    """
    draft = _wire(draft)
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

"""Stand-alone date lines and time stamps near the top or bottom of a text (also a clock time
alone, ``20:37 ت م``, and a date in two calendars, ``أبها 25 شوال 1436 هـ الموافق 10 أغسطس
2015 م واس``); a stamp glued after the first paragraph's last sentence (``… Jo Lee Updated Nov
2, 2022 | 01:36 PM IST``); and wire datelines that open the first paragraph (``WASHINGTON
(Reuters) - …``, ``МОСКВА, 9 августа. /ТАСС/. …``): their place and agency are metadata, the
rest of the paragraph is body."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterator

import attrs
import regex

from copydesk.dates import ZONES, parse_date
from copydesk.draft import Draft
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_organisation, is_person, split_names
from copydesk.extract._window import edges
from copydesk.pipeline import step

__all__ = [
    "Wire",
    "dateline",
    "read_clock",
    "read_dual_stamp",
    "read_glued_stamp",
    "read_stamp",
    "read_wire",
]

# Decoration around a page dateline: pipes, bullets, brackets ("| 8 December 2022, Thursday |").
DECOR = " \t|•·*[]()-–—"
# A label glued to its stamp ("Updated Nov 2, 2022", "Published on: ..."), matched against the
# lexicon's labels, longest first. Bounded: labels are at most 4 words of 30 letters.
LABEL_RE = regex.compile(r"(?P<label>\p{L}{1,30}(?:[ \t]\p{L}{1,30}){0,3})[ \t]{0,2}:?[ \t]{0,2}")
# A wire dateline at the start of a paragraph: a place (and a day) before the agency, which is
# in brackets ("(Reuters)"), between slashes ("/ТАСС/."), after a dash and closed by a stop
# ("- РИА Новости."), or before a dash ("INTERFAX.RU -"). Example: "NEW YORK (AP) — The".
# read_wire finds where the agency's mark is with string methods and matches one of these
# there (a pattern that searched for the mark itself cost ten times more); false positives
# ("The Associated Press (AP) reported") are refused there too: the agency must be known and
# what follows must start a sentence. Every repeat is bounded.
WIRE_TAIL = r"[ \t]{0,3}(?:[-–—:][ \t]{0,3})?"
WIRE_BRACKET_RE = regex.compile(r"\((?P<agency>[^()\n]{2,40})\)" + WIRE_TAIL)
WIRE_SLASH_RE = regex.compile(r"/(?P<agency>[^/\n]{2,40})/\.?" + WIRE_TAIL)
WIRE_DASH_RE = regex.compile(r"[-–—][ \t]{1,3}(?P<agency>[^.\n]{2,40}?)(?:\.|$)" + WIRE_TAIL)
WIRE_BEFORE_DASH_RE = regex.compile(r"[-–—](?=[ \t]|$)" + WIRE_TAIL)
#: The place and day before a wire agency take at most this many characters.
WIRE_HEAD_MAX = 62
#: The mark of a wire agency ("(", "/", " -") comes within this many characters.
WIRE_SCAN_CHARS = WIRE_HEAD_MAX + 41
# Commas and stops between the parts of a dateline's head ("WASHINGTON, D.C.", "Москва. 14").
PLACE_SEP_RE = regex.compile(r"[,.][ \t]")
# One word of a dateline's place: capitalised ("NEW", "Heights", "D.C.", "São", "МОСКВА").
PLACE_WORD_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}.'’\-]{0,30}")
# A day and a month in a dateline, the year left out ("10 авг", "9 августа", "Nov. 2").
DAY_MONTH_RE = regex.compile(r"\d{1,2}[ \t]\p{L}{3,12}\.?|\p{L}{3,12}\.?[ \t]\d{1,2}")
# A brand written as one word with inner capitals ("NaturalNews", "TheBlaze").
CAMEL_RE = regex.compile(r"\p{Lu}\p{Ll}{1,20}(?:\p{Lu}\p{Ll}{1,20}){1,3}")
# What may follow a wire dateline: the start of a sentence.
SENTENCE_START_RE = regex.compile(r"[\p{Lu}\p{Lo}\p{N}\"'“‘«„]")
# A clock time alone on a line ("20:37 ت م", "02:55 PM IST", "16.54"), with an optional
# meridiem and zone; the zone is checked against the known ones. Bounded.
CLOCK_RE = regex.compile(
    r"(?P<hh>\d{1,2})[:.h](?P<mm>\d{2})(?:[ \t]{0,2}(?P<mer>[AaPp]\.?[Mm]\.?))?"
    r"(?:[ \t]{1,2}(?P<zone>[^\d\n]{1,16}))?"
)
# A stamp glued after a paragraph's last sentence, with the byline or desk before its label:
# "… still absconding. Jo Lee Updated Nov 2, 2022 | 01:36 PM IST". The label list comes from
# the lexicon (built at first use); the label must be capitalised. Bounded repeats.
GLUED_STAMP_PATTERN = (
    r"(?<=[.!?…\"”’»])(?P<gap>[ \t]{{1,3}})(?P<who>\p{{Lu}}[^\n.!?|]{{0,60}}?[ \t]{{1,2}})??"
    r"(?P<label>{labels})[ \t]{{0,2}}:?[ \t]{{0,2}}(?P<stamp>[^\n]{{6,70}})$"
)
#: A clock line is at most this long ("| 10:45 p.m. بتوقيت مكة |" and some spaces).
MAX_CLOCK_CHARS = 40
#: A glued stamp with its byline fits in this many characters at the end of its line: gap
#: 3, byline 63, label 30, separators 5, stamp 70.
GLUED_STAMP_CHARS = 171
#: How many of the first body lines may end with a glued stamp.
GLUED_STAMP_LINES = 3
#: How many of the first body lines may open with a wire dateline.
WIRE_LINES = 6
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


def read_clock(text: str) -> tuple[int, int, dt.tzinfo | None] | None:
    """Read a clock time alone on a line: ``(hour, minute, zone)``, or ``None``.

    >>> read_clock("20:37 ت م")
    (20, 37, datetime.timezone(datetime.timedelta(seconds=10800)))
    >>> read_clock("02:55 PM"), read_clock("at 20:37 we left") is None
    ((14, 55, None), True)
    """
    if len(text) > MAX_CLOCK_CHARS:
        return None
    m = CLOCK_RE.fullmatch(text.strip(DECOR))
    if m is None:
        return None
    hour, minute = int(m["hh"]), int(m["mm"])
    if m["mer"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["mer"][0] in "Pp" else 0)
    if hour > 23 or minute > 59:
        return None
    zone: dt.tzinfo | None = None
    if m["zone"]:
        name = " ".join(m["zone"].split())
        offset = ZONES.get(name) if name.isupper() else lexicon().local_zones.get(name.casefold())
        if offset is None:
            return None
        zone = dt.timezone(dt.timedelta(minutes=offset))
    return hour, minute, zone


def read_dual_stamp(text: str) -> tuple[dt.date, str | None, str | None] | None:
    """Read a date written in two calendars: ``(date, source, place)``, or ``None``.

    The date after the linking word is read; a place may open the line and an agency close
    it. Example: "أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس" (Abha, 25 Shawwal 1436 AH,
    that is 10 August 2015, SPA).

    >>> read_dual_stamp("أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس")
    (datetime.date(2015, 8, 10), 'واس', 'أبها')
    """
    if len(text) > MAX_LINE_CHARS + len(DECOR) or text.isascii():
        return None  # the linking words are not ASCII: a cheap test for most lines
    lex = lexicon()
    for link in lex.calendar_links:
        if link not in text:
            continue
        text = text.strip(DECOR)
        pos = text.find(link)
        if pos <= 0:
            continue
        head, words = text[:pos].split(), text[pos + len(link) :].split()
        source = None
        if words and words[-1].casefold() in lex.agencies:
            source = lex.canonical.get(words[-1].casefold(), words[-1])
            words = words[:-1]
        date = parse_date(" ".join(words))
        first_number = next((n for n, w in enumerate(head) if any(c.isdigit() for c in w)), None)
        if date is None or first_number is None or first_number > 3 or len(head) > 8:
            return None
        return date, source, " ".join(head[:first_number]) or None
    return None


@functools.lru_cache(maxsize=1)
def _glued_stamp_re() -> regex.Pattern[str]:
    labels = sorted(lexicon().date_labels, key=len, reverse=True)
    # "Updated" but not "updated": the first letter in capitals, the rest in any case
    alts = "|".join(
        regex.escape(w[0].upper()) + "(?i:" + regex.escape(w[1:]).replace("\\ ", "[ \t]") + ")"
        for w in labels
    )
    return regex.compile(GLUED_STAMP_PATTERN.format(labels=alts))


def read_glued_stamp(text: str) -> tuple[int, dt.date, str | None] | None:
    """A stamp glued after a paragraph's last sentence: ``(cut, date, who)``, or ``None``.

    ``cut`` is where the stamp (and the byline or desk before it) starts; ``who`` is that
    byline or desk, when there is one.

    >>> read_glued_stamp("The port closed. Jo Lee Updated Nov 2, 2022 | 01:36 PM IST")[::2]
    (16, 'Jo Lee')
    >>> read_glued_stamp("The port closed. The council updated 2 May 2020") is None
    True
    """
    tail = text[-12:]
    if not any(d in tail for d in "0123456789"):
        return None
    # the stamp, its label and the byline before it fit in the last GLUED_STAMP_CHARS
    m = _glued_stamp_re().search(text, max(len(text) - GLUED_STAMP_CHARS, 0))
    if m is None:
        return None
    date = parse_date(m["stamp"].strip(DECOR))
    who = (m["who"] or "").strip() or None
    if date is None or (who is not None and not (is_person(who) or is_organisation(who))):
        return None
    return m.start("gap"), date, who


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
    parts = [p.strip() for p in PLACE_SEP_RE.split(head.strip(" \t,"))]
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
    head = text[:WIRE_SCAN_CHARS]
    if not ("(" in head or "/" in head or " -" in head or " –" in head or " —" in head):
        return None  # most lines: no mark of an agency early on
    for form, head, agency, end in _wire_marks(text):
        if "(" in head or ")" in head or "/" in head or len(head) > WIRE_HEAD_MAX:
            continue
        rest = text[end:]
        if rest and SENTENCE_START_RE.match(rest) is None:
            continue
        # Any organisation only in brackets, and before a sentence unless it is one word
        # ("Washington (CNN)" alone); never a credit with a slash ("(Jo Lee/Harbour Post)"
        # closes a caption).
        if "/" in agency:
            continue
        loose = form == "bracket" and (bool(rest) or len(agency.split()) == 1)
        source = _agency(agency, loose=loose)
        place = _place(head)
        if source is None or place is None or (form == "dash" and not place):
            continue
        return Wire(end, source, place or None)
    return None


def _wire_marks(text: str) -> Iterator[tuple[str, str, str, int]]:
    """Each way the line may hold a wire agency: ``(form, head, agency, end)``."""
    limit = WIRE_HEAD_MAX + 1
    # (the dash after an agency such as "INTERFAX.RU" may come up to 40 characters later)
    bracket = text.find("(", 0, limit)
    if bracket >= 0 and (m := WIRE_BRACKET_RE.match(text, bracket)) is not None:
        yield "bracket", text[:bracket], m["agency"], m.end()
    slash = text.find("/", 0, limit)
    if slash >= 0 and (m := WIRE_SLASH_RE.match(text, slash)) is not None:
        yield "slash", text[:slash], m["agency"], m.end()
    dashes = [i for i in (text.find(d, 0, WIRE_SCAN_CHARS) for d in (" -", " –", " —")) if i >= 0]
    if not dashes:
        return
    # The dash forms take known agencies only: look the name up before matching.
    agencies = lexicon().agencies
    dash = min(dashes) + 1
    stop = text.find(".", dash, dash + 45)
    named = text[dash + 1 : stop if stop >= 0 else dash + 45].strip(" \t")
    if named.casefold() in agencies and (m := WIRE_DASH_RE.match(text, dash)) is not None:
        yield "dash", text[:dash], m["agency"], m.end()
    before = text[:dash].rstrip()
    token = before.rsplit(None, 1)[-1] if before else ""
    if token.strip(" .").casefold() in agencies:
        m = WIRE_BEFORE_DASH_RE.match(text, dash)
        if m is not None:
            yield "before", before[: len(before) - len(token)], token, m.end()


def _wire(draft: Draft) -> Draft:
    """Cut a wire dateline from the start of one of the first body lines."""
    for i, line in list(itertools.islice(draft.body(), WIRE_LINES)):
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

    A clock time alone (``20:37 ت م``) gives the time of a date-only stamp, or goes to
    ``metadata["time"]``. A date in two calendars sets ``published`` from the one after the
    linking word (``الموافق``), and its agency ``source``.

    A wire dateline opening one of the first paragraphs (``NEW YORK (AP) — …``) is cut out:
    the agency goes to ``source``, the place to ``metadata["dateline"]``. A stamp glued after
    the last sentence of one of the first lines is cut out too, with the byline before it
    (a person goes to ``authors``, a desk to ``metadata["byline"]``).
    """
    draft = _glued(_wire(draft))
    taken: list[int] = []
    published, source = draft.fields.published, draft.fields.source
    authors = draft.fields.authors
    clock: tuple[int, int, dt.tzinfo | None] | None = None
    extra: dict[str, str] = {}
    for i, line in edges(draft, HEAD_LINES, TAIL_LINES):
        found = read_stamp(line.text)
        if found is not None:
            date, _label, names = found
            taken.append(i)
            published = published or date
            authors = authors or names
            continue
        # (each reader below refuses most lines at once; the guards save the calls)
        dual = None if line.text.isascii() else read_dual_stamp(line.text)
        if dual is not None:
            taken.append(i)
            published, source = published or dual[0], source or dual[1]
            if dual[2]:
                extra.setdefault("dateline", dual[2])
            continue
        time = read_clock(line.text) if len(line.text) <= MAX_CLOCK_CHARS else None
        if time is not None and clock is None:
            taken.append(i)
            clock = time
            extra["time"] = line.text.strip()
    if not taken:
        return draft
    if clock is not None and published is not None and not isinstance(published, dt.datetime):
        # "20:37 ت م" under a dated dateline: the time of that day
        published = dt.datetime.combine(published, dt.time(clock[0], clock[1], tzinfo=clock[2]))
        del extra["time"]
    draft = draft.take(
        taken, rule=RULE, kind="extracted", published=published, authors=authors, source=source
    )
    return draft.add_metadata(extra) if extra else draft


def _glued(draft: Draft) -> Draft:
    """Cut a stamp glued after the last sentence of one of the first body lines."""
    for i, line in list(itertools.islice(draft.body(), GLUED_STAMP_LINES)):
        found = read_glued_stamp(line.text)
        if found is None:
            continue
        cut, date, who = found
        draft = draft.rewrite(i, [(cut, len(line.text), "")], rule=RULE, kind="extracted")
        names = split_names(who) if who else None
        fields: dict[str, object] = {"published": draft.fields.published or date}
        if names and not draft.fields.authors:
            fields["authors"] = names
        draft = draft.set_fields(**fields)
        return draft.add_metadata({"byline": who}) if who and not names else draft
    return draft

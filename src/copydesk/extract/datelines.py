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

import regex

from copydesk._lazy import lazy_regex
from copydesk.dates import ZONES, parse_date
from copydesk.draft import Draft, Line
from copydesk.extract._jp_stamps import is_outlet_name, read_yearless_stamp, resolve_year
from copydesk.extract._lexicon import first_words, lexicon
from copydesk.extract._names import is_organisation, is_person, outlet_by_name, split_names
from copydesk.extract._window import edges, header_count
from copydesk.extract._wire import Wire, read_wire
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
LABEL_RE = lazy_regex(r"(?P<label>\p{L}{1,30}(?:[ \t]\p{L}{1,30}){0,3})[ \t]{0,2}:?[ \t]{0,2}")
# A date label in a script without spaces, glued to its stamp by a colon ("日期：2026-08-04",
# "公開日：2023年8月22日"). Bounded.
CJK_LABEL_RE = lazy_regex(
    r"(?P<label>[\p{Han}\p{Hiragana}\p{Katakana}]{2,6})[ \t]{0,2}[：:][ \t]{0,2}"
)
# A clock time alone on a line ("20:37 ت م", "02:55 PM IST", "16.54"), with an optional
# meridiem and zone; the zone is checked against the known ones. Bounded.
CLOCK_RE = lazy_regex(
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
# Between the parts of a stamp line: the date, the clock, notes ("March 21, 2023 / 3:41 PM /
# Updated 2 hours ago", "21 March 2023 • 3 min read"). Spaces required around the mark.
STAMP_PART_SEP_RE = lazy_regex(r"[ \t]{1,3}[/|•·][ \t]{1,3}")
# A stamp with its update in brackets after it: "2024年5月6日 14時30分（2024年5月6日 15時10分
# 更新）", "May 6, 2024 (Updated May 7, 2024)". Bounded; no bracket inside either part; the
# head opens with a visible character (it reads stripped lines), so that each start in a long
# run of spaces fails at once rather than after 80 tries.
BRACKETED_NOTE_RE = lazy_regex(
    r"(?P<head>[^()（）\s][^()（）\n]{3,79}?)[ \t]{0,2}[(（](?P<note>[^()（）\n]{2,80})[)）]"
)
# A date and its clock joined by a dash ("2024/05/06-14:30", a Japanese wire's closing
# stamp): the dash is a space. Bounded.
DATE_DASH_CLOCK_RE = lazy_regex(
    r"(?P<date>\d{4}/\d{1,2}/\d{1,2})-(?P<clock>\d{1,2}:\d{2})(?=$|[ \t])"
)
#: A note after a stamp ("Updated 2 hours ago") is short and holds a number.
STAMP_NOTE_CHARS = 30
STAMP_NOTE_WORDS = 5
# A reading time after a stamp: a label and the minutes ("Lesedauer: 3 Min.", "Lesezeit 3
# Minuten", "阅读时间：3分钟") or the minutes and a reading word ("3 min read", "5 minute read",
# "3 min de lectura", "3分钟阅读"). Only these and an update note ("Updated 2 hours ago") are
# notes, so that a short headline after the date ("5 killed in port blast") is none. Bounded.
READING_NOTE_RE = lazy_regex(
    r"(?:reading[ \t]time|read[ \t]time|lesedauer|lesezeit|tiempo[ \t]de[ \t]lectura"
    r"|temps[ \t]de[ \t]lecture|tempo[ \t]de[ \t]leitura|время[ \t]чтения|okuma[ \t]süresi"
    r"|[阅閱][读讀](?:时间|時間)?|読了時間)[ \t]{0,2}[:：]?[ \t]{0,2}(?:ca\.[ \t]{0,2})?"
    r"\d{1,3}[ \t]{0,2}[\p{L}.]{0,10}"
    r"|\d{1,3}[ \t]{0,2}(?:min(?:ute)?s?|minuten|minutos|minutes|мин(?:ут[аы]?)?|dk|dakika"
    r"|分[钟鐘]?)\.?[ \t]{0,2}(?:read|reading|lesen|lesezeit|lesedauer|de[ \t]lectura"
    r"|de[ \t]lecture|de[ \t]leitura|чтения|okuma|[阅閱][读讀]|で読めます)",
    regex.I,
)
# The place before a stamp on its line, as a page's dateline writes it ("Berlin, 14.07.2026",
# "İstanbul - 14 Temmuz 2026, 10:20", "NEW YORK, July 14, 2026", "Москва, 14 июля 2026"):
# one capitalised word, up to three words in capitals, or one Arabic word ("الرياض، 14 يوليو
# 2026"), then a comma or a spaced dash or bar. False positives: a one-word name ("Roe, July
# 14"); agencies, months, weekdays and organisations are refused after the match. Bounded by
# the word counts and lengths.
PLACED_STAMP_RE = lazy_regex(
    r"(?P<place>\p{Lu}[\p{L}\p{M}'’.\-]{1,30}|\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}"
    r"(?:[ \t]\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}){1,2}|\p{Arabic}[\p{Arabic}\p{M}]{1,20})"
    r"[ \t]{0,2}(?:[,،]|[ \t][-–—|])[ \t]{1,3}(?P<stamp>[^\n]{6,80})"
)
#: A clock line is at most this long ("| 10:45 p.m. بتوقيت مكة |" and some spaces).
MAX_CLOCK_CHARS = 40
#: A glued stamp with its byline fits in this many characters at the end of its line: gap
#: 3, byline 63, label 30, separators 5, stamp 70.
GLUED_STAMP_CHARS = 171
#: How many of the first body lines may end with a glued stamp.
GLUED_STAMP_LINES = 3
#: How many of the first body lines may open with a wire dateline (and the lede, under a
#: site's header: :func:`_wire_lines`).
WIRE_LINES = 6
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
    >>> read_stamp("By Jane Roe Published July 14, 2022")[2]
    ('Jane Roe',)
    >>> read_stamp("發布時間：2023/08/22 18:58")[:2]
    (datetime.datetime(2023, 8, 22, 18, 58), '發布時間')
    >>> read_stamp("2024年5月6日 14時30分（2024年5月6日 15時10分 更新）")[0]
    datetime.datetime(2024, 5, 6, 14, 30)
    >>> read_stamp("（2024/05/06-14:30）")[0], read_stamp("May 6, 2024 (Updated May 7)")[0]
    (datetime.datetime(2024, 5, 6, 14, 30), datetime.date(2024, 5, 6))
    >>> read_stamp("May 6, 2024 (the day the port closed)") is None
    True
    """
    bracketed = BRACKETED_NOTE_RE.fullmatch(text.strip()) if text.rstrip()[-1:] in ")）" else None
    if bracketed is not None and _bracket_note(bracketed["note"]):
        text = bracketed["head"]  # "May 6, 2024 (updated May 7)": the first date is read
    text = text.strip(DECOR + "（）")
    # the dash becomes a space, which keeps the length: a longer line is refused unread, and
    # a line without "/" holds no such date
    if not text or len(text) > MAX_LINE_CHARS:
        return None
    if "/" in text:
        text = DATE_DASH_CLOCK_RE.sub(r"\g<date> \g<clock>", text)
    date = parse_date(text)
    if date is not None:
        return date, None, ()
    parted = _stamp_with_notes(text) if STAMP_PART_SEP_RE.search(text) else None
    if parted is not None:
        return parted, None, ()
    lex = lexicon()
    glued = CJK_LABEL_RE.match(text)
    if glued is not None and glued["label"] in lex.date_labels:
        # "日期：2026-08-04", "發布時間：2023/08/22 18:58": a label written without a space
        date = parse_date(text[glued.end() :].strip(DECOR))
        return None if date is None else (date, glued["label"], ())
    firsts = first_words(lex.date_labels)
    words = text.split()
    # Try each place a label may start (0 = no author before it), longest label first.
    for start in range(min(len(words), 5)):
        word = words[start]
        # every label tried below opens with this word (colons cut off when it is alone)
        if word.casefold() not in firsts and word.rstrip(":").casefold() not in firsts:
            continue
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
            names = split_names(" ".join(words[_opened(words, start) : start]))
            if names is not None:
                return date, label, names
    return None


def read_placed_stamp(text: str) -> tuple[dt.date, str] | None:
    """A page's dateline: a place and the stamp after it, ``(date, place)``, or ``None``.
    The place is a place's shape only: an agency ("Reuters, July 14, 2026"), an outlet
    ("Hafenzeitung | 14.07.2026") or a month or weekday ("Monday, July 14") is none.

    >>> read_placed_stamp("İstanbul - 14 Temmuz 2026, 10:20")
    (datetime.datetime(2026, 7, 14, 10, 20), 'İstanbul')
    >>> read_placed_stamp("NEW YORK, July 14, 2026")
    (datetime.date(2026, 7, 14), 'NEW YORK')
    >>> read_placed_stamp("Reuters, July 14, 2026"), read_placed_stamp("Berlin, the capital")
    (None, None)
    """
    m = PLACED_STAMP_RE.fullmatch(text.strip())
    if m is None:
        return None
    place = m["place"]
    lex = lexicon()
    folded = place.casefold().strip(".")
    if (
        folded in lex.agencies
        or folded in lex.months
        or folded in lex.weekdays
        or folded in lex.date_labels
        or is_organisation(place)
        or outlet_by_name(place)
    ):
        return None
    date = parse_date(m["stamp"].strip(DECOR))
    return None if date is None else (date, place)


def _opened(words: list[str], end: int) -> int:
    """How many of the words before a stamp's label open a byline ("By Jane Roe Published
    <date>", "Von Anna Roe Veröffentlicht am <date>"): the names start after them.

    >>> _opened(["By", "Jane", "Roe", "Published"], 3), _opened(["Jane", "Roe", "Published"], 2)
    (1, 0)
    """
    prefixes = lexicon().byline_prefixes
    for width in (2, 1):
        if width < end and " ".join(words[:width]).rstrip(":").casefold() in prefixes:
            return width
    return 0


def _stamp_with_notes(text: str) -> dt.date | None:
    """A date followed by parts a page adds to its stamp: the clock, and short notes with a
    number ("Updated 2 hours ago", "3 min read", "Lesedauer: 3 Min.").

    >>> _stamp_with_notes("March 21, 2023 / 3:41 PM / Updated 2 hours ago")
    datetime.datetime(2023, 3, 21, 15, 41)
    >>> _stamp_with_notes("21 March 2023 • 3 min read")
    datetime.date(2023, 3, 21)
    >>> _stamp_with_notes("Stand: 05.12.2026 | Lesedauer: 3 Minuten")
    datetime.date(2026, 12, 5)
    >>> _stamp_with_notes("28.11.2026 14:05 | Son Güncelleme: 28.11.2026 15:10")
    datetime.datetime(2026, 11, 28, 14, 5)
    >>> _stamp_with_notes("March 21, 2023 / The port closed after the storm hit") is None
    True
    >>> _stamp_with_notes("March 21, 2023 | 5 killed in port blast") is None
    True
    """
    first, *rest = STAMP_PART_SEP_RE.split(text)
    if not rest:
        return None
    # the date may carry its label ("Stand: 05.12.2026 | Lesedauer: 3 Minuten")
    labelled = read_stamp(first)
    date = parse_date(first.strip(DECOR)) if labelled is None else labelled[0]
    if date is None:
        return None
    clock = None
    for part in rest:
        part = part.strip(DECOR)
        time = read_clock(part)
        if time is not None and clock is None:
            clock = time
        elif not (
            len(part) <= STAMP_NOTE_CHARS
            and len(part.split()) <= STAMP_NOTE_WORDS
            and any(c.isdigit() for c in part)
            and (READING_NOTE_RE.fullmatch(part) is not None or _update_note(part))
        ) and not (_update_note(part) and read_stamp(part) is not None):
            # words that are no note (a headline, a sentence), nor a second stamp of the
            # update, labelled ("Son Güncelleme: 28.11.2026 15:10")
            return None
    if clock is not None and not isinstance(date, dt.datetime):
        return dt.datetime.combine(date, dt.time(clock[0], clock[1], tzinfo=clock[2]))
    return date


def _bracket_note(note: str) -> bool:
    """A bracket after a stamp holds the update: a second stamp ("2024年5月6日 15時10分 更新",
    "Updated May 7, 2024"), an update label with a clock ("updated 15:10"), or a clock and a
    day without the year before a CJK update label ("12/5 19:30 更新").

    >>> _bracket_note("12/5 19:30 更新"), _bracket_note("the day the port closed")
    (True, False)
    """
    note = note.strip()
    return len(note) <= MAX_LINE_CHARS and (
        _update_note(note)
        or read_stamp(note) is not None
        or (CJK_UPDATE_NOTE_RE.fullmatch(note) is not None and _update_label(note))
    )


def _update_label(note: str) -> bool:
    """Whether a note ends with an update label of the lexicon ("… 更新", "… 更新済み")."""
    words = note.split()
    return bool(words) and words[-1].casefold() in lexicon().update_labels


def _update_note(part: str) -> bool:
    """Whether a stamp's note opens with an update label ("Updated 2 hours ago", "Stand:
    14:05 Uhr")."""
    folded = part.casefold()
    for label in lexicon().update_labels:
        if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalpha():
            return True
    return False


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


# A day and a clock without the year before a label, in a bracket after a CJK stamp:
# "12/5 19:30 更新", "12月5日 19:30 更新". Bounded.
CJK_UPDATE_NOTE_RE = lazy_regex(
    r"\d{1,2}[/月.-]\d{1,2}日?[ \t]{0,2}\d{1,2}[:：時时]\d{2}分?[ \t]{0,2}\S{1,6}"
)
#: The dash of a dateline alone on its line, the place and outlet on the lines above it.
DASH_LINES = frozenset({"—", "–", "-"})


def _wire_lines(draft: Draft) -> list[tuple[int, Line]]:
    """The first body lines that may open with a wire dateline: ``WIRE_LINES``, or under a
    site's header every line above the lede and the lede
    (:func:`~copydesk.extract.title.header_lines`)."""
    body = list(draft.body())
    return body[: max(WIRE_LINES, header_count(draft, 0) + 1)]


def _split_wire(draft: Draft) -> Draft | None:
    """A dateline a page wrote on lines of its own ("Washington", "CNN", "—", then the lede):
    the lines before the lone dash read as a dateline with the lede after them. The lede
    stays in the body; ``None`` when there is no such dateline."""
    head = _wire_lines(draft)
    for n, (j, line) in enumerate(head):
        if line.text.strip() not in DASH_LINES or n == 0 or n + 1 >= len(head):
            continue
        lede = head[n + 1][1].text.strip()
        for k in (2, 1):
            if n - k < 0:
                continue
            parts = [head[m][1].text.strip() for m in range(n - k, n)]
            prefix = " ".join(parts) + f" {line.text.strip()} "
            wire = read_wire(prefix + lede)
            if wire is None or wire.end != len(prefix):
                continue
            taken = [head[m][0] for m in range(n - k, n)] + [j]
            draft = draft.take(taken, rule=RULE, kind="extracted")
            draft = draft.set_fields(source=draft.fields.source or wire.source)
            return draft.add_metadata({"dateline": wire.place}) if wire.place else draft
    return None


def _wire(draft: Draft) -> Draft:
    """Cut a wire dateline from the start of one of the first body lines."""
    split = _split_wire(draft)
    if split is not None:
        return split
    for i, line in _wire_lines(draft):
        lead = len(line.text) - len(line.text.lstrip())
        wire = read_wire(line.text[lead:])
        if wire is None:
            continue
        if not line.text[lead + wire.end :].strip():
            draft = draft.take([i], rule=RULE, kind="extracted")
        else:
            draft = draft.rewrite(i, [(0, lead + wire.end, "")], rule=RULE, kind="extracted")
        draft = draft.set_fields(
            source=draft.fields.source or wire.source, authors=draft.fields.authors or wire.authors
        )
        return draft.add_metadata({"dateline": wire.place}) if wire.place else draft
    return draft


@step("extract.datelines")
def dateline(draft: Draft) -> Draft:
    """Take stand-alone date and time-stamp lines near the top or bottom into ``published``.

    The first stamp found sets ``published``; an "Updated" stamp sets it only when no other
    date is known. Lines that mention a date inside a sentence stay in the body.

    A Japanese stamp without a year among the first lines (``12/3(火) 18:05配信``) is dated
    when exactly one year the text names has that weekday on that day, else kept verbatim in
    ``metadata["stamp"]``; the outlet after "配信" (on its line or the next) is the source.

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
    head = {i for i, _ in itertools.islice(draft.body(), HEAD_LINES)}
    seen_yearless = False
    for i, line in edges(draft, HEAD_LINES, TAIL_LINES):
        found = read_stamp(line.text)
        if found is not None:
            date, _label, names = found
            taken.append(i)
            published = published or date
            authors = authors or names
            continue
        placed = read_placed_stamp(line.text) if i in head else None
        if placed is not None:
            # "Berlin, 14.07.2026", "İstanbul - 14 Temmuz 2026": the page's dateline
            taken.append(i)
            published = published or placed[0]
            extra.setdefault("dateline", placed[1])
            continue
        # (each reader below refuses most lines at once; the guards save the calls)
        dual = None if line.text.isascii() else read_dual_stamp(line.text)
        if dual is not None:
            taken.append(i)
            published, source = published or dual[0], source or dual[1]
            if dual[2]:
                extra.setdefault("dateline", dual[2])
            continue
        yearless = (
            read_yearless_stamp(line.text)
            if line.text[:1].isdigit() and i in head and not seen_yearless
            else None
        )
        if yearless is not None:
            seen_yearless = True  # the first only: a list of related stories repeats the form
            # "12/3(火) 18:05配信": dated by the one year the text names that fits the
            # weekday; the outlet after "配信", or on the next line, supplied the story
            taken.append(i)
            texts = (other.text for other in draft.lines if other.state != "blank")
            dated = resolve_year(yearless, texts)
            published = published or dated
            if dated is None:
                extra.setdefault("stamp", line.text.strip())
            outlet = yearless.outlet
            after = _next_body(draft, i) if yearless.distributed and not outlet else None
            if after is not None and is_outlet_name(draft.lines[after].text):
                taken.append(after)
                outlet = draft.lines[after].text.strip()
            source = source or outlet
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


def _next_body(draft: Draft, index: int) -> int | None:
    """The index of the next non-blank line after ``index`` when it is still body."""
    for j in range(index + 1, len(draft.lines)):
        if draft.lines[j].state != "blank":
            return j if draft.lines[j].state == "body" else None
    return None


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

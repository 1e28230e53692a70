"""Free-text dates and time stamps to :class:`datetime.date` / :class:`datetime.datetime`.

Only a string that is a date *as a whole* parses: numbers, month names (en, pt, es, fr, de,
ru, it, ar), weekday names, a time, a zone, and a few filler words ("de", "of", "г."). A sentence
that merely mentions a date does not, which is what lets the extract steps take stand-alone
date lines and leave the body alone. The month and weekday lists live in
``rules/metadata.toml``.

A date-only stamp stays a ``date``; a stated time gives a ``datetime``, aware only when a zone
is stated (an offset, ``Z``, ``GMT``/``UTC``, or one of :data:`ZONES`). Dates before 1990 or
in the future are refused as implausible for a news page.

dateparser would do more, but it is heavy to import, slow per call, and ships megabytes of
language data; news stamps come in a handful of shapes, handled here in one small tokenizer.
"""

from __future__ import annotations

import datetime as dt

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon

__all__ = ["EARLIEST_YEAR", "ZONES", "parse_date"]

#: Stamps before this year are not taken as a publication date.
EARLIEST_YEAR = 1990

#: Common zone abbreviations in news stamps -> offset in minutes, with the German (MEZ, MESZ)
#: and Turkish (TSİ) ones. Ambiguous ones (CST: China or US Central; BST: British Summer or
#: Bangladesh; AST) give no offset: they are fillers of the lexicon, the time kept naive.
ZONES: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "IST": 330, "PKT": 300, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480,
    "PHT": 480, "AWST": 480, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720,
    "NZDT": 780, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "BRT": -180, "ART": -180, "MEZ": 60, "MESZ": 120, "TSİ": 180,
    "TSI": 180,
}  # fmt: skip

# One token of a date stamp; the whole stamp must be covered by these (see _tokens).
#   cjk   2023年8月22日          ymd  2022-06-07 / 2020/4/17 (optional ISO "T" after it)
#   dmy   28.09.2016 / 17/4/2020  time 02:55, 2:12:29, 09:43:58.123Z, 14h30, 18時50分
#   zone  +05:30, -0400           num  8, 2nd, 2022, 5.
#   word  December, segunda-feira, p.m.   sep  spaces and , | / - – — · • ( ) [ ] : ; . （ ）
# Every repeat is bounded by the digit counts or by the line (word/sep runs are possessive
# single classes, linear).
TOKEN_RE = lazy_regex(
    r"""
    (?P<cjk>(?P<cy>\d{4})\s?年\s?(?P<cm>\d{1,2})\s?月\s?(?P<cd>\d{1,2})\s?[日号])
  | (?P<ymd>(?P<yy>\d{4})(?P<s1>[-/.])(?P<ym>\d{1,2})(?P=s1)(?P<yd>\d{1,2})T?)
  | (?P<dmy>(?P<da>\d{1,2})(?P<s2>[-/.])(?P<db>\d{1,2})(?P=s2)(?P<dy>\d{4}))
  | (?P<time>(?P<hh>\d{1,2})(?::|h|\s?[時时点]\s?)(?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:[.,]\d{1,6})?
        分?(?P<z>Z)?)
  | (?P<zone>(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})(?!\d))
  | (?P<num>\d{1,4})(?:st|nd|rd|th|º|°|er|\.)?
  | (?P<word>\p{L}[\p{L}\p{M}]*+(?:[-.]\p{L}[\p{L}\p{M}]*+)*+\.?)
  | (?P<sep>[\s,|/\-–—·•()\[\]:;.（）]++)
    """,
    regex.VERBOSE,
)
MERIDIEM = {"am": 0, "a.m": 0, "a.m.": 0, "pm": 12, "p.m": 12, "p.m.": 12}
#: Chinese and Japanese words for the half of the day, written before the time ("下午6:58").
CJK_MERIDIEM = {"上午": 0, "下午": 12, "午前": 0, "午後": 12, "早上": 0, "晚上": 12, "凌晨": 0}
MAX_STAMP_CHARS = 80


def parse_date(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """Parse ``text`` when it is, as a whole, one date or date-time stamp; else ``None``.

    >>> parse_date("| 8 December 2022, Thursday |")
    datetime.date(2022, 12, 8)
    >>> parse_date("2020/4/17 2:12:29")
    datetime.datetime(2020, 4, 17, 2, 12, 29)
    >>> parse_date("Tue, 14 Oct 2025 09:43:58 GMT", today=dt.date(2026, 1, 1)).tzinfo
    datetime.timezone.utc
    >>> parse_date("Nov 2, 2022 | 02:55 PM IST").isoformat()
    '2022-11-02T14:55:00+05:30'
    >>> parse_date("Tuesday 14 July 2026 09:30 BST", today=dt.date(2027, 1, 1))  # ambiguous zone
    datetime.datetime(2026, 7, 14, 9, 30)
    >>> parse_date("14.07.2026, 09:30 MESZ", today=dt.date(2027, 1, 1)).isoformat()
    '2026-07-14T09:30:00+02:00'
    >>> parse_date("10 de agosto de 2015"), parse_date("2023年8月22日")
    (datetime.date(2015, 8, 10), datetime.date(2023, 8, 22))
    >>> parse_date("2023年8月22日 下午6:58"), parse_date("2023年8月22日（火）18時58分")
    (datetime.datetime(2023, 8, 22, 18, 58), datetime.datetime(2023, 8, 22, 18, 58))
    >>> parse_date("The vote on 8 December 2022 was close") is None
    True
    """
    if not text or len(text) > MAX_STAMP_CHARS:
        return None
    try:
        return _parse(text, today or dt.date.today())
    except (ValueError, OverflowError):
        return None


def _parse(text: str, today: dt.date) -> dt.date | None:
    lex = lexicon()
    year = month = day = None
    clock: tuple[int, int, int] | None = None
    meridiem: int | None = None
    zone: dt.timezone | None = None
    small: list[int] = []
    pos = 0
    for m in TOKEN_RE.finditer(text):
        if m.start() != pos:
            return None
        pos = m.end()
        kind = m.lastgroup if m.lastgroup in ("sep", "word", "num") else _kind(m)
        if kind == "sep":
            continue
        if kind in ("cjk", "ymd", "dmy"):
            if year is not None:
                return None
            year, month, day = _numeric_date(m)
            if year is None:
                return None
        elif kind == "time":
            if clock is not None:
                return None
            clock = (int(m["hh"]), int(m["mm"]), int(m["ss"] or 0))
            if m["z"]:
                zone = dt.timezone.utc
        elif kind == "zone":
            if clock is None or zone is not None:
                return None
            minutes = int(m["oh"]) * 60 + int(m["om"])
            zone = dt.timezone(dt.timedelta(minutes=-minutes if m["sign"] == "-" else minutes))
        elif kind == "num":
            value = int(m["num"])
            if len(m["num"]) == 4:
                if year is not None:
                    return None
                year = value
            else:
                small.append(value)
        else:  # a word
            word = m["word"]
            folded = word.casefold().rstrip(".")
            is_meridiem = folded in MERIDIEM or word.casefold() in MERIDIEM
            if is_meridiem and clock is not None and meridiem is None:
                meridiem = MERIDIEM.get(folded, MERIDIEM.get(word.casefold(), 0))
                continue
            if folded in CJK_MERIDIEM and clock is None and meridiem is None:
                meridiem = CJK_MERIDIEM[folded]
                continue
            if folded in lex.months and month is None:
                month = lex.months[folded]
            elif word.upper() in ZONES and word.isupper() and clock is not None and zone is None:
                offset = ZONES[word.upper()]
                zone = dt.timezone.utc if offset == 0 else dt.timezone(dt.timedelta(minutes=offset))
            elif folded in lex.weekdays or folded in lex.fillers:
                continue
            else:
                return None
    if pos != len(text) or year is None or month is None:
        return None
    if day is None:
        if len(small) != 1:
            return None
        day = small[0]
    elif small:
        return None
    date = dt.date(year, month, day)
    if not year >= EARLIEST_YEAR or date > today + dt.timedelta(days=1):
        return None
    if clock is None:
        return None if zone is not None else date
    hour, minute, second = clock
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + meridiem
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=zone)


def _kind(m: regex.Match[str]) -> str:
    for name in ("cjk", "ymd", "dmy", "time", "zone"):
        if m[name] is not None:
            return name
    return "sep"  # pragma: no cover - every alternative is named


def _numeric_date(m: regex.Match[str]) -> tuple[int | None, int | None, int | None]:
    """Year, month, day of an all-digit date; ``None``s when day and month are ambiguous."""
    if m["cjk"]:
        return int(m["cy"]), int(m["cm"]), int(m["cd"])
    if m["ymd"]:
        return int(m["yy"]), int(m["ym"]), int(m["yd"])
    a, b, year = int(m["da"]), int(m["db"]), int(m["dy"])
    if m["s2"] != "/":  # 28.09.2016, 28-09-2016: day first everywhere these are written
        return year, b, a
    if a > 12 >= b:
        return year, b, a
    if b > 12 >= a:  # 4/17/2020: US order
        return year, a, b
    return None, None, None  # 05/06/2020: day and month cannot be told apart

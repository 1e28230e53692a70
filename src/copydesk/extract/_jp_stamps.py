"""Japanese time stamps written without a year ("12/3(火) 18:05配信"), as news portals print
them under a headline, with the outlet that supplied the story after "配信" (distributed).

The year is not guessed: the weekday in brackets holds only in some years, and the stamp
is dated only when exactly one of the years the text itself names fits it. Used by
``extract.datelines``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from copydesk._lazy import lazy_regex

__all__ = ["YearlessStamp", "read_yearless_stamp", "resolve_year"]

# A stamp without a year: month and day ("12/3", "12月3日"), the weekday in brackets ("(火)",
# "（火曜日）"), a clock time ("18:05", "18時05分") and a word saying what happened then
# ("配信" distributed, "更新" updated, "掲載" posted); what follows is the outlet. Bounded.
YEARLESS_RE = lazy_regex(
    r"(?P<month>\d{1,2})(?:/|月)(?P<day>\d{1,2})日?[ \t]{0,2}[（(](?P<weekday>[月火水木金土日])"
    r"(?:曜日?)?[）)][ \t]{0,2}(?:(?P<hh>\d{1,2})(?::|時)(?P<mm>\d{2})分?)?[ \t]{0,2}"
    r"(?P<event>配信|更新|掲載|公開)?[ \t\u3000]{0,3}(?P<rest>[^\n]{0,40})"
)
# A year the text names ("2024年", "2024/12/3", "© 2024"): four digits not inside a number.
YEAR_RE = lazy_regex(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
# Sentence punctuation: a line holding it is prose, not an outlet's name.
SENTENCE_MARKS = "。、！？.!?"
#: An outlet's name after a stamp has at most this many characters.
OUTLET_CHARS = 25
WEEKDAYS = "月火水木金土日"


@attrs.frozen
class YearlessStamp:
    """A stamp without its year: month, day, weekday (0 = Monday), the clock time when
    stated, whether it says the story was distributed ("配信"), and the outlet after it."""

    month: int
    day: int
    weekday: int
    time: tuple[int, int] | None = None
    distributed: bool = False
    outlet: str | None = None


def is_outlet_name(text: str) -> bool:
    """A short line naming an outlet: no sentence punctuation, not only digits.

    >>> is_outlet_name("港湾新聞オンライン"), is_outlet_name("港が閉鎖された。")
    (True, False)
    """
    text = text.strip()
    return (
        0 < len(text) <= OUTLET_CHARS
        and not any(c in SENTENCE_MARKS for c in text)
        and not text.replace(" ", "").isdigit()
    )


def read_yearless_stamp(text: str) -> YearlessStamp | None:
    """Read a stamp without a year alone on its line, or with its outlet after it.

    >>> read_yearless_stamp("12/3(火) 18:05配信")
    YearlessStamp(month=12, day=3, weekday=1, time=(18, 5), distributed=True, outlet=None)
    >>> read_yearless_stamp("12月3日（火）18時05分配信 港湾新聞オンライン").outlet
    '港湾新聞オンライン'
    >>> read_yearless_stamp("12/3(火)に港が閉鎖された。") is None
    True
    >>> read_yearless_stamp("2024/12/3(火) 18:05") is None  # a year: parse_date reads it
    True
    """
    text = text.strip()
    m = YEARLESS_RE.fullmatch(text)
    if m is None or not (1 <= int(m["month"]) <= 12 and 1 <= int(m["day"]) <= 31):
        return None
    rest = m["rest"].strip(" \t\u3000|｜")
    if rest and not (m["event"] == "配信" and is_outlet_name(rest)):
        return None  # words after the stamp: a sentence, unless an outlet after "配信"
    time = None
    if m["hh"] is not None:
        hh, mm = int(m["hh"]), int(m["mm"])
        if hh > 23 or mm > 59:
            return None
        time = (hh, mm)
    return YearlessStamp(
        int(m["month"]),
        int(m["day"]),
        WEEKDAYS.index(m["weekday"]),
        time,
        m["event"] == "配信",
        rest or None,
    )


def resolve_year(stamp: YearlessStamp, texts: Iterable[str]) -> dt.date | None:
    """The stamp's date in the one year named in ``texts`` whose calendar has that weekday
    on that day, or ``None`` when no named year fits, or more than one does.

    >>> stamp = read_yearless_stamp("12/3(火) 18:05")
    >>> resolve_year(stamp, ["予算は2024年に組まれた。", "2023年にも"])
    datetime.datetime(2024, 12, 3, 18, 5)
    >>> resolve_year(stamp, ["予算は2023年に組まれた。"]) is None  # 2023-12-03 is a Sunday
    True
    """
    years = {int(y) for text in texts for y in YEAR_RE.findall(text)}
    fits = []
    for year in sorted(years):
        try:
            day = dt.date(year, stamp.month, stamp.day)
        except ValueError:
            continue
        if day.weekday() == stamp.weekday:
            fits.append(day)
    if len(fits) != 1:
        return None
    if stamp.time is None:
        return fits[0]
    return dt.datetime.combine(fits[0], dt.time(*stamp.time))

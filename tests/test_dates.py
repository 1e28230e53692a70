"""Tests for copydesk.dates: stand-alone stamps parse, sentences and implausible dates do not."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.dates import parse_date

TODAY = dt.date(2025, 12, 31)
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
UTC = dt.timezone.utc
CEST = dt.timezone(dt.timedelta(hours=2))
TRT = dt.timezone(dt.timedelta(hours=3))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("| 8 December 2022, Thursday |", dt.date(2022, 12, 8)),
        ("2023/08/22 18:50", dt.datetime(2023, 8, 22, 18, 50)),
        ("2020/4/17 2:12:29", dt.datetime(2020, 4, 17, 2, 12, 29)),
        ("Nov 2, 2022 | 02:55 PM IST", dt.datetime(2022, 11, 2, 14, 55, tzinfo=IST)),
        (
            "Wednesday, November 02, 2022, 02:19 PM IST",
            dt.datetime(2022, 11, 2, 14, 19, tzinfo=IST),
        ),
        ("2022-06-07", dt.date(2022, 6, 7)),
        ("2022-06-07T10:00:00Z", dt.datetime(2022, 6, 7, 10, tzinfo=UTC)),
        (
            "2022-06-07T10:00:00+08:00",
            dt.datetime(2022, 6, 7, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        ),
        ("Tue, 14 Oct 2025 09:43:58 GMT", dt.datetime(2025, 10, 14, 9, 43, 58, tzinfo=UTC)),
        ("Tue, 14 Oct 2025 09:43:58 +0000", dt.datetime(2025, 10, 14, 9, 43, 58, tzinfo=UTC)),
        ("2023年8月22日", dt.date(2023, 8, 22)),
        ("2023年08月22日 18時50分", dt.datetime(2023, 8, 22, 18, 50)),
        ("10 de agosto de 2015", dt.date(2015, 8, 10)),
        ("3 de maio de 2017 às 14h30", dt.datetime(2017, 5, 3, 14, 30)),
        ("mardi 3 janvier 2023", dt.date(2023, 1, 3)),
        ("5. Mai 2020", dt.date(2020, 5, 5)),
        ("10 августа 2015 г.", dt.date(2015, 8, 10)),
        ("28.09.2016, 22:10", dt.datetime(2016, 9, 28, 22, 10)),
        ("4/17/2020", dt.date(2020, 4, 17)),
        ("10 أغسطس 2015 م", dt.date(2015, 8, 10)),
        ("2 نيسان 2019", dt.date(2019, 4, 2)),
        # negative rows: sentences, partial dates, ambiguous and implausible dates
        ("The vote on 8 December 2022 was close", None),
        ("8 December", None),
        ("May 2020", None),
        ("Thursday", None),
        ("05/06/2020", None),  # day and month cannot be told apart
        ("1987-03-03", None),  # before 1990
        ("2099-01-01", None),  # in the future
        ("2022-02-30", None),  # no such day
        ("2022-06-07 10:00 CST", dt.datetime(2022, 6, 7, 10)),  # ambiguous zone: not guessed
        ("Tuesday 14 October 2025 09:30 BST", dt.datetime(2025, 10, 14, 9, 30)),
        ("14.10.2025, 09:30 MESZ", dt.datetime(2025, 10, 14, 9, 30, tzinfo=CEST)),
        ("14.10.2025 09:30 TSİ", dt.datetime(2025, 10, 14, 9, 30, tzinfo=TRT)),
        ("BST", None),  # a zone alone is no stamp
        ("The BST figures for 2022 were late", None),
        ("12 monkeys 2020", None),
        ("م 2015", None),  # the era mark alone is no date
        ("", None),
    ],
)
def test_parse_date_table(text: str, want: dt.date | None) -> None:
    """Each stamp parses to the expected value; sentences and implausible dates give None."""
    assert parse_date(text, today=TODAY) == want


def test_date_only_stays_a_date() -> None:
    """A stamp without a time is a date, not a datetime at midnight."""
    got = parse_date("8 December 2022", today=TODAY)
    assert type(got) is dt.date


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=TODAY))
@example(dt.date(2020, 2, 29))
def test_iso_and_month_name_roundtrip(day: dt.date) -> None:
    """Any plausible date written as ISO or as "D Month YYYY" comes back exactly."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip
    assert parse_date(day.isoformat(), today=TODAY) == day
    assert parse_date(f"{day.day} {months[day.month - 1]} {day.year}", today=TODAY) == day


@given(st.text(max_size=120))
@example("9" * 80)
@example("2022-06-07T")
def test_total(text: str) -> None:
    """parse_date never raises and returns a date or None."""
    got = parse_date(text, today=TODAY)
    assert got is None or isinstance(got, dt.date)


# A zone after the clock: an ambiguous abbreviation keeps the time naive, a German or Turkish
# one gives its offset ("09:30 BST", "09:30 MESZ", "09:30 TSİ").
ZONE_WORDS = {"BST": None, "CST": None, "AST": None, "MEZ": 1, "MESZ": 2, "TSİ": 3, "GMT": 0}
STAMP_FORMS = [
    "{weekday} {day} {month} {year} {clock} {zone}",  # en (UK)
    "{d:02d}.{m:02d}.{year}, {clock} {zone}",  # de
    "{day} {tr_month} {year} {clock} ({zone})",  # tr
]
TR_MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
             "Eylül", "Ekim", "Kasım", "Aralık"]  # fmt: skip
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=TODAY),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(sorted(ZONE_WORDS)),
    st.sampled_from(STAMP_FORMS),
)
def test_a_stamp_with_a_zone_keeps_its_date_and_time(
    day: dt.date, hour: int, minute: int, zone: str, form: str
) -> None:
    """Whatever the zone word after the clock (en, de, tr), the stamp's date and time are read;
    an ambiguous zone gives no offset, a known one its own."""
    text = form.format(
        weekday=day.strftime("%A"), day=day.day, d=day.day, m=day.month, year=day.year,
        month=EN_MONTHS[day.month - 1], tr_month=TR_MONTHS[day.month - 1],
        clock=f"{hour:02d}:{minute:02d}", zone=zone,
    )  # fmt: skip
    got = parse_date(text, today=TODAY)
    assert isinstance(got, dt.datetime), text
    assert (got.date(), got.hour, got.minute) == (day, hour, minute)
    hours = ZONE_WORDS[zone]
    want = None if hours is None else dt.timezone(dt.timedelta(hours=hours))
    assert got.tzinfo == dt.timezone.utc if hours == 0 else got.tzinfo == want, text

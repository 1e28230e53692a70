"""Tests for copydesk.extract._names: splitting name lists, persons versus organisations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.extract._names import is_organisation, split_names
from copydesk.extract.bylines import read_byline


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Yu Xi and Zhang Changyue", ("Yu Xi", "Zhang Changyue")),
        ("Ana Ruiz, Luis Gómez y Pedro Sanz", ("Ana Ruiz", "Luis Gómez", "Pedro Sanz")),
        ("Ludwig van Beethoven", ("Ludwig van Beethoven",)),
        ("Muhammad bin Salman & Ali al-Sistani", ("Muhammad bin Salman", "Ali al-Sistani")),
        ("Maria da Silva", ("Maria da Silva",)),
        ("José Ortega y Gasset", ("José Ortega y Gasset",)),
        ("Jay SYRMOPOULOS", ("Jay SYRMOPOULOS",)),
        ("Иван Петров и Анна Смирнова", ("Иван Петров", "Анна Смирнова")),
        # negative rows: organisations, dates, prose, domains
        ("Reuters", None),
        ("Staff and wire reports", None),
        ("8 December 2022", None),
        ("the end of the year", None),
        ("Liveanddare.com", None),
        ("Editor's Note", None),
    ],
)
def test_split_names(text: str, want: tuple[str, ...] | None) -> None:
    """Names split at joiners only, never at particles; non-persons give None."""
    assert split_names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Anadolu Agency", True),
        ("Reuters", True),
        ("Free Wood Post", True),
        ("Jane Roe", False),
        ("the news desk", False),
    ],
)
def test_is_organisation(text: str, want: bool) -> None:
    """Agencies and outlets are organisations; people and lower-case phrases are not."""
    assert is_organisation(text) is want


# A month name that is also a given name opens the name ("Jan Weber", "May Lee").
GIVEN_MONTHS = ["Jan", "May", "June", "April", "August", "Eylül", "Nisan", "Abril"]
FAMILIES = ["Weber", "Lee", "Roe", "Aslan", "Kaya", "Ruiz", "Mensah"]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Von Anna Schmidt und Jan Weber", ("Anna Schmidt", "Jan Weber")),
        ("By May Lee and Jo Roe", ("May Lee", "Jo Roe")),
        ("Yazar: Eylül Aslan", ("Eylül Aslan",)),
    ],
)
def test_a_month_given_name_opens_a_byline(line: str, want: tuple[str, ...]) -> None:
    """A given name that is also a month's name (en, de, tr) is the author's first name."""
    byline = read_byline(line)
    assert byline is not None
    assert byline.authors == want


@given(
    st.sampled_from(GIVEN_MONTHS),
    st.sampled_from(FAMILIES),
    st.sampled_from(["By", "Von", "Yazar:", "Por"]),
    st.sampled_from(["", ", Reuters", " | Harbour Times"]),
)
def test_month_given_names_read_in_any_byline(
    given_name: str, family: str, opener: str, tail: str
) -> None:
    """Whatever the opener (en, de, tr, es) and the tail, the month given name stays."""
    byline = read_byline(f"{opener} {given_name} {family}{tail}")
    assert byline is not None
    assert byline.authors == (f"{given_name} {family}",)


@pytest.mark.parametrize(
    "text",
    ["May", "Jan. Weber", "March Lee", "June July", "Lee May 2024", "By June the port reopened"],
)
def test_months_alone_abbreviated_or_closing_are_no_person(text: str) -> None:
    """A month alone, abbreviated, not a given name, or closing the words is no name; prose
    opening "By June" is no byline."""
    assert split_names(text) is None
    assert read_byline(text) is None

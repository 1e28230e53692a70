"""Tests for copydesk.extract._names: splitting name lists, persons versus organisations."""

from __future__ import annotations

import pytest

from copydesk.extract._names import is_organisation, split_names


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

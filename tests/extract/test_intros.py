"""Tests for copydesk.extract._intros: intro lines over a reposted story that name an outlet
that is no ordinary word, and a writer who is never the source."""

from __future__ import annotations

import pytest

from copydesk import clean_article
from copydesk.extract._intros import read_intro, read_intro_credit

PROSE = "The harbour board said on Monday it would close the old port for repairs after the storm."
MORE_PROSE = "Ferries will run from the new quay until the work ends next spring, the board added."


@pytest.mark.parametrize(
    "line",
    [
        # "From" and "Segundo" are ordinary words too: a place, a section or the second half
        "From Washington:",
        "From The Archives:",
        "From Jane Roe:",
        "Segundo Tempo:",
    ],
)
def test_weak_openers_name_no_outlet(line: str) -> None:
    """A capitalised name after "From" or "Segundo" is no source unless it is an outlet's."""
    assert read_intro(line) is None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("From Reuters:", "Reuters"),
        ("From The Harbour Times:", "The Harbour Times"),
        ("from RT", "RT"),
        ("Segundo Reuters:", "Reuters"),
    ],
)
def test_weak_openers_name_an_outlet(line: str, want: str) -> None:
    assert read_intro(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("As written by Jane Roe:", (("Jane Roe",), None)),
        ("As written by The Harbour Times:", ((), "The Harbour Times")),
        ("According to The Harbour Times:", ((), "The Harbour Times")),
        ("From Washington:", None),
    ],
)
def test_read_intro_credit(line: str, want: tuple[tuple[str, ...], str | None] | None) -> None:
    """A person a writer's opener names is an author, never the source."""
    assert read_intro_credit(line) == want


@pytest.mark.parametrize(
    ("intro", "authors", "source"),
    [
        ("As written by Jane Roe:", ("Jane Roe",), None),
        ("From Washington:", (), None),
        ("Segundo Tempo:", (), None),
        ("According to The Harbour Times:", (), "The Harbour Times"),
    ],
)
def test_intro_line_over_a_story(intro: str, authors: tuple[str, ...], source: str | None) -> None:
    article = clean_article(f"{intro}\n\n{PROSE}\n\n{MORE_PROSE}")
    assert (article.authors, article.source) == (authors, source)

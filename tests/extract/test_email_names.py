"""Tests for an author's e-mail address beside the name it spells among the last lines
(extract.attribution)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.extract._email_names import read_email_name

from ..strategies_fields import prose
from ..strategies_meta import Doc

#: Names with and without accents, in scripts written with Latin letters.
PEOPLE = ["Plácido Garza", "Jane Roe", "José Pérez", "Thanh Tú", "Ayşe Kaya", "Jean-Luc Roe"]
DOMAINS = ["example.com", "harbour-times.example.org"]


def _ascii(word: str) -> str:
    """The word as an address writes it: lower case, no accents, no hyphens."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in folded if c.isalnum())


@st.composite
def email_doc(draw: st.DrawFn) -> Doc:
    """A story closed by an address and a line opening with the name it spells, in either
    order; the name in capitals or not, its line a short bio or the name alone."""
    story = draw(prose("latin"))
    person = draw(st.sampled_from(PEOPLE))
    given_name, family = person.split()
    local = draw(
        st.sampled_from(
            [f"{_ascii(given_name)}.{_ascii(family)}", f"{_ascii(given_name)[0]}{_ascii(family)}",
             f"{_ascii(given_name)}_{_ascii(family)}77"]
        )
    )  # fmt: skip
    email = f"{local}@{draw(st.sampled_from(DOMAINS))}"
    written = person.upper() if draw(st.booleans()) else person
    bio = f"{written}. Columnist and author of two books on the harbour and its ships."
    pair = [email, bio] if draw(st.booleans()) else [bio, email]
    return Doc("\n\n".join([*story, *pair]), (*story, bio), authors=(written,))


@given(email_doc())
def test_email_beside_the_name_it_spells_gives_the_author(doc: Doc) -> None:
    """The address leaves the body (extracted), the name is read where it stands (``read``),
    accents and case aside."""
    article = clean_article(doc.text)
    assert article.authors == doc.authors
    assert article.paragraphs == doc.body
    assert any(e.kind == "read" and e.new == doc.authors[0] for e in article.edits)
    assert any(e.kind == "extracted" and "@" in e.old for e in article.edits)


@pytest.mark.parametrize(
    ("email", "line"),
    [
        ("news@example.com", "Jane Roe. Columnist and author of two books."),  # a desk's
        ("jroe@example.com", "Marta Ruiz. Columnist and author of two books."),  # another's
        ("roe@example.com", "Jane Roe. Columnist and author of two books."),  # family only
        ("Write to jroe@example.com today", "Jane Roe. Columnist."),  # a sentence
        ("anna.petrova@example.com", "Анна Петрова. Обозреватель издания."),  # no spelling
        ("ahmad.alarfaj@example.com", "أحمد العرفج. كاتب صحفي."),  # a caseless script
        ("wang.xiaoming@example.com", "王小明。记者。"),
    ],
)
def test_email_name_lookalikes(email: str, line: str) -> None:
    """A desk's address, another person's name, a family name alone, an address inside a
    sentence and names in other scripts than Latin give no author."""
    assert read_email_name(email, line) is None

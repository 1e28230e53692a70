"""Tests for a statement given to a news agency in Arabic copy (extract.reported): the
agency that took it is the story's source, read from the sentence, which stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.extract._told import read_told_agency

from ..strategies_fields import prose
from ..strategies_meta import Doc

#: Agencies as Arabic copy names them after "to", and the value each gives.
AGENCIES = [
    ("لوكالة الأنباء الساحلية", "وكالة الأنباء الساحلية"),
    ("لوكالة أنباء الميناء", None),  # no article on the name's words: not read
    ("لوكالة الميناء للأنباء (ومن)", "وكالة الميناء للأنباء (ومن)"),
    ("لـ”واس”", "واس"),
    ("لـ«وكالة الساحل»", "وكالة الساحل"),
]
SAYINGS = ["وقال المدير في تصريح خاص {agency} إن", "وأوضح المزارع حسن {agency} أن",
           "وأكد {agency} أن", "وخلال جولة {agency} في المنطقة تبين أن"]  # fmt: skip
REST = "الميناء سيبقى مغلقا حتى نهاية الأسبوع المقبل بسبب العاصفة."


@st.composite
def told_doc(draw: st.DrawFn) -> Doc:
    """An Arabic story whose second or third paragraph quotes a statement given to an
    agency."""
    story = list(draw(prose("arabic")))
    written, value = draw(st.sampled_from([a for a in AGENCIES if a[1] is not None]))
    told = draw(st.sampled_from(SAYINGS)).format(agency=written) + " " + REST
    at = draw(st.integers(1, min(2, len(story))))
    story.insert(at, told)
    return Doc("\n\n".join(story), tuple(story), source=value)


@given(told_doc())
def test_statement_to_an_agency_gives_the_source(doc: Doc) -> None:
    """The agency a statement was given to is the source, read (``read`` edit) from the
    sentence, which stays whole in the body."""
    article = clean_article(doc.text)
    assert article.source == doc.source
    assert article.paragraphs == doc.body
    assert any(
        e.kind == "read" and e.rule == "extract.reported" and e.new == doc.source
        for e in article.edits
    )


@pytest.mark.parametrize(("written", "value"), AGENCIES)
def test_read_told_agency(written: str, value: str | None) -> None:
    """The agency's name runs over the words with the article and its acronym."""
    found = read_told_agency(SAYINGS[0].format(agency=written) + " " + REST)
    assert (found[2] if found else None) == value


@pytest.mark.parametrize(
    "line",
    [
        "وأغلق الميناء وفقا لوكالة الأنباء الساحلية " + REST,  # according to: a citation
        "وأغلق الميناء نقلا لوكالة الأنباء الساحلية " + REST,
        "وهذا الكتاب لـ”واس” وغيرها من الكتب " + REST,  # no saying before it
        "وقال المدير إن الكتاب لـ”الميناء” " + REST,  # a quoted name that is no outlet
        "وقال المدير إن موظفي الوكالة الساحلية " + REST,  # "the agency", no "to"
        "The harbour master told Reuters the port would stay shut until the weekend.",
        "Начальник порта сообщил ТАСС, что порт будет закрыт до выходных из-за шторма.",
    ],
)
def test_told_agency_lookalikes(line: str) -> None:
    """Citations, quoted names that are no outlet, and "told X" outside Arabic read nothing."""
    assert read_told_agency(line) is None
    article = clean_article(f"{REST}\n\n{line}\n\n{REST.replace('المقبل', 'القادم')}")
    assert not [e for e in article.edits if e.kind == "read"]

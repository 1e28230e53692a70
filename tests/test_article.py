"""Tests of the frozen records and their serialisation."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk import Article, Caption, Edit, RecordError

DATES = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(),
    st.datetimes(
        timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30))])
    ),
)
ARTICLES = st.builds(
    Article,
    body=st.text(),
    paragraphs=st.lists(st.text()).map(tuple),
    title=st.none() | st.text(),
    authors=st.lists(st.text()).map(tuple),
    published=DATES,
    source=st.none() | st.text(),
    categories=st.lists(st.text()).map(tuple),
    language=st.none() | st.sampled_from(["en", "ru", "zh"]),
    captions=st.lists(st.builds(Caption, st.text(), st.none() | st.text())).map(tuple),
    metadata=st.dictionaries(st.text(), st.text()),
    edits=st.lists(
        st.builds(
            Edit,
            st.text(),
            st.sampled_from(["removed", "extracted", "replaced", "read"]),
            st.integers(0, 10**6),
            st.integers(0, 10**6),
            st.text(),
            st.text(),
        )
    ).map(tuple),
    truncated=st.booleans(),
)


@given(ARTICLES)
def test_dict_round_trip_is_exact(article: Article) -> None:
    """from_dict(to_dict()) gives an equal article, with date and datetime kept apart."""
    back = Article.from_dict(article.to_dict())
    assert back == article
    assert type(back.published) is type(article.published)


@given(ARTICLES)
def test_pickle_round_trip_is_exact(article: Article) -> None:
    """Articles pickle (process pools need it) and come back equal."""
    back = pickle.loads(pickle.dumps(article))
    assert back == article
    assert type(back.published) is type(article.published)


@given(ARTICLES)
def test_json_round_trip_is_exact(article: Article) -> None:
    """from_json(to_json()) gives an equal article."""
    assert Article.from_json(article.to_json()) == article


def test_published_is_iso_8601() -> None:
    """Dates serialise as YYYY-MM-DD, naive datetimes without an offset, aware ones with it."""
    assert Article(published=dt.date(2022, 6, 7)).to_dict()["published"] == "2022-06-07"
    naive = Article(published=dt.datetime(2020, 4, 17, 2, 12, 29))
    assert naive.to_dict()["published"] == "2020-04-17T02:12:29"
    aware = Article(published=dt.datetime(2025, 10, 14, 9, 43, 58, tzinfo=dt.timezone.utc))
    assert aware.to_dict()["published"] == "2025-10-14T09:43:58+00:00"


def test_records_are_frozen_and_hashable() -> None:
    """Articles cannot be mutated, and they hash (metadata excluded from the hash)."""
    article = Article(body="x", metadata={"k": "v"})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.body = "y"  # type: ignore[misc]
    assert hash(article) == hash(Article(body="x", metadata={"k": "v"}))
    assert article != Article(body="x", metadata={"k": "w"})


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"published": "yesterday"}, "not an ISO 8601"),
        ({"published": 20220607}, "must be an ISO 8601 string"),
        ({"edits": [{"rule": "r", "kind": "deleted", "start": 0, "end": 1, "old": "x"}]}, "kind"),
        ({"edits": [{"rule": "r"}]}, "missing the field"),
        ({"captions": [{"credit": "x"}]}, "missing the field 'text'"),
        ([], "must be a mapping"),
        ({"truncated": "yes"}, "truncated must be true or false"),
    ],
)
def test_malformed_records_raise_record_error(record: object, message: str) -> None:
    """Malformed records raise RecordError (a ValueError) naming the problem."""
    with pytest.raises(RecordError, match=message):
        Article.from_dict(record)  # type: ignore[arg-type]


def test_to_text_renders_title_and_body() -> None:
    """to_text puts the title, a blank line, then the body; no title gives the body alone."""
    assert Article(title="T", body="B").to_text() == "T\n\nB"
    assert Article(body="B").to_text() == "B"
    assert Article(title="T").to_text() == "T"


@given(st.text(st.characters(categories=["Cs", "Ll", "Zs"])))
def test_json_is_utf8_even_with_lone_surrogates(text: str) -> None:
    """to_json output encodes as UTF-8 when the ledger holds surrogates, and reads back."""
    article = Article(body="x", edits=(Edit("repair.controls", "replaced", 0, len(text), text),))
    assert article.to_json().encode("utf-8")
    back = Article.from_json(article.to_json()).edits[0].old
    # JSON cannot keep a high surrogate and a following low one apart: they read back combined.
    assert back == text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")

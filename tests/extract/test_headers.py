"""Tests for copydesk.extract.headers: Key: value blocks, Jina Reader headers, front matter."""

from __future__ import annotations

import datetime as dt

import pytest

from copydesk.draft import Draft
from copydesk.extract.headers import front_matter, header_block, parse_pairs

PROSE = "The port closed on Monday after a storm hit the coast, officials said."


def _run(text: str) -> Draft:
    return header_block(front_matter(Draft.from_text(text)))


def test_scraper_header_block() -> None:
    """A scraper header fills title, authors, date and categories; placeholders go nowhere."""
    d = _run(
        "Published Time: 2022-06-07\nTitle: Port closes\nCategory 1: CHINA; Category 2: TRADE\n"
        "Author: Yu Xi and Zhang Changyue\nAuthor title: Author details not found\n"
        f"Author description: N/A\nText: \n{PROSE}"
    )
    f = d.fields
    assert (f.title, f.authors, f.published) == (
        "Port closes",
        ("Yu Xi", "Zhang Changyue"),
        dt.date(2022, 6, 7),
    )
    assert f.categories == ("CHINA", "TRADE")
    assert f.metadata == ()
    assert [line.state for line in d.lines] == ["extracted"] * 7 + ["body"]
    assert all(e.rule == "extract.headers" and e.kind == "extracted" for e in d.edits)


def test_jina_reader_header() -> None:
    """Jina Reader output: title, URL kept in metadata, aware RFC 2822 date, content marker."""
    d = _run(
        "Title: Port closes\n\nURL Source: https://example.com/a\n\n"
        f"Published Time: Tue, 14 Oct 2025 09:43:58 GMT\n\nMarkdown Content:\n{PROSE}"
    )
    assert d.fields.title == "Port closes"
    assert dict(d.fields.metadata) == {"URL Source": "https://example.com/a"}
    assert d.fields.published == dt.datetime(2025, 10, 14, 9, 43, 58, tzinfo=dt.timezone.utc)
    assert [line.text for _, line in d.body()] == [PROSE]


def test_text_key_with_inline_value_keeps_the_text() -> None:
    """'Text: <prose>' cuts only the key; the prose stays in the body."""
    d = _run(f"Title: Port closes\nText: {PROSE}")
    assert [line.text for _, line in d.body()] == [PROSE]


def test_front_matter() -> None:
    """YAML front matter with quoted values and list items fills fields; unknown keys kept."""
    d = _run(
        '---\ntitle: "Port closes"\nauthor: Jane Roe; John Doe\ndate: 2021-03-04\n'
        f"categories:\n  - ports\n  - weather\nhostname: example.com\n---\n{PROSE}"
    )
    f = d.fields
    assert (f.title, f.authors, f.published) == (
        "Port closes",
        ("Jane Roe", "John Doe"),
        dt.date(2021, 3, 4),
    )
    assert f.categories == ("ports", "weather")
    assert dict(f.metadata) == {"hostname": "example.com"}
    assert [line.text for _, line in d.body()] == [PROSE]


def test_keys_match_case_space_and_language() -> None:
    """Keys are matched case- and space-insensitively, in other languages too."""
    d = _run(f"TÍTULO: Porto fecha\nautor:  Ana Ruiz\nFecha: 10 de agosto de 2015\n{PROSE}")
    assert (d.fields.title, d.fields.authors, d.fields.published) == (
        "Porto fecha",
        ("Ana Ruiz",),
        dt.date(2015, 8, 10),
    )


@pytest.mark.parametrize(
    "text",
    [
        f"GT: Why did trade grow?\nZhang: Because both sides worked.\n{PROSE}",  # interview
        f"Note: this story was updated.\n{PROSE}",  # one unknown key
        f"{PROSE}\nTitle: Port closes",  # not at the top
        f"Source: https://example.com\n{PROSE}",  # one line, not a title/author/date key
        f"Greg Roe: Banks in trouble\nHeadline: Buy coins now!\n{PROSE}",  # promo under title
        f"---\nA line of prose, not a key.\n---\n{PROSE}",  # not front matter
        f"---\ntitle: Port closes\n{PROSE}",  # front matter never closed
    ],
)
def test_not_a_header(text: str) -> None:
    """Interview turns, lone notes, late headers and unclosed front matter stay in the body."""
    d = _run(text)
    assert d.edits == ()
    assert d.fields.title is None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "Category 1: CHINA; Category 2: DIPLOMACY",
            [("Category 1", "CHINA"), ("Category 2", "DIPLOMACY")],
        ),
        ("Title: A; B", [("Title", "A; B")]),
        ("https://example.com", None),
        ("he said: go", None),
    ],
)
def test_parse_pairs(line: str, want: list[tuple[str, str]] | None) -> None:
    """Lines with several pairs split at ';' only when every part is a pair."""
    assert parse_pairs(line) == want

"""Invented scraped documents and JSONL lines for the batch and CLI tests (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

from copydesk.batch import Record

_PLACES = ("Port Aldine", "Velmora", "Tarsk", "Lindqvist Bay", "San Oriel")
_TOPICS = ("the ferry", "the harbour wall", "the school roof", "the tram line", "the market")


def make_doc(i: int) -> str:
    """An invented scraped article: title, byline, share prompt, paragraphs (one glued)."""
    place, topic = _PLACES[i % len(_PLACES)], _TOPICS[i // 5 % len(_TOPICS)]
    return (
        f"{place} council debates {topic} (report {i})\n"
        f"By Staff Writer {i}\n"
        "Share this article: Facebook | Email\n\n"
        f"Councillors in {place} met on Tuesday to discuss {topic}.Residents asked for a vote.\n\n"
        f"The meeting, number {i} this year, ran late into the evening.\n"
    )


def write_jsonl(path: Path, n: int, *, extra: bool = True) -> list[str]:
    """Write ``n`` JSONL records with ids ``doc-<i>``; return the ids in order."""
    ids = [f"doc-{i}" for i in range(n)]
    with path.open("w", encoding="utf-8") as f:
        for i, doc_id in enumerate(ids):
            record = {"id": doc_id, "text": make_doc(i)}
            if extra:
                record["url"] = f"https://news.example/{i}"
            f.write(json.dumps(record) + "\n")
    return ids


# A good record, in the shape a scraper dump has.
good_line = st.builds(
    lambda i, url: json.dumps({"id": f"d{i}", "text": make_doc(i), "url": url}),
    st.integers(0, 10_000),
    st.sampled_from(["https://a.example/x", "", "ftp://b.example"]),
)
# Lines that are not usable records: broken JSON, non-objects, records without a text.
bad_line = st.sampled_from(
    [
        '{"id": "x", "text": "unterminated',
        "[1, 2, 3]",
        '"just a string"',
        '{"id": "y", "body": "wrong field"}',
        '{"id": "z", "text": 42}',
        "not json at all",
        "{}",
    ]
)
jsonl_lines = st.lists(st.one_of(good_line, bad_line, st.just("")), max_size=25)


#: The user rule of the engine tests: takes the "Filed from ..." line that engine_doc adds.
ENGINE_RULES = """\
[[rule]]
name = "gazette_desk"
category = "promo"
description = "The invented gazette's desk line."
patterns = ['filed from the [a-z ]{1,20} gazette desk']
match = "line"
max_chars = 60
examples = ["Filed from the Velmora Gazette desk"]
counter_examples = ["Notes filed from the Velmora Gazette desk reached the mayor, he said."]
"""


def engine_doc(i: int) -> str:
    """A short document (about 300-700 characters) for the distributed-engine tests."""
    place, topic = _PLACES[i % len(_PLACES)], _TOPICS[i // 5 % len(_TOPICS)]
    extra = "".join(
        f"\nOfficials said work on {topic} would take {i % 9 + k} weeks, and cost more than planned.\n"
        for k in range(i % 4)
    )
    return f"{make_doc(i)}{extra}\nFiled from the {place} Gazette desk\n"


def engine_line(i: int) -> bytes:
    """JSONL line ``i`` of the engine data: mostly good records, and every kind of bad one.

    Bad rows, by ``i % 250``: 7 a non-string text, 59 a text over 2,048 bytes, 113 bytes that
    are not UTF-8, 181 broken JSON, 211 no id (the local id is PATH:LINE).
    """
    kind = i % 250
    record: dict[str, object] = {
        "id": f"doc-{i}",
        "text": engine_doc(i),
        "url": f"https://news.example/{i}",
    }
    if kind == 7:
        record["text"] = i
    elif kind == 59:
        record["text"] = engine_doc(i) + "Filler sentence for a long page. " * 80
    elif kind == 113:
        return json.dumps(record).encode()[:-2] + b' \xff\xfe"}\n'
    elif kind == 181:
        return b'{"id": "doc-%d", "text": "broken\n' % i
    elif kind == 211:
        del record["id"]
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


# Any Python string, lone surrogates included (json.loads makes them from "\ud800", and a
# file name read with surrogateescape holds them): what a writer must never fail on.
any_text = st.text(
    st.one_of(st.characters(codec=None), st.characters(categories=["Cs"])), max_size=40
)
# A JSON value as json.loads returns it, with such strings inside.
any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=6,
)
# Records as the JSONL reader makes them: any id, any text (or a read error), any fields.
any_record = st.builds(
    lambda doc_id, raw, fields, error: Record(
        doc_id,
        raw=None if error else raw,
        fields=fields,
        kind="jsonl",
        source="in.jsonl",
        error=error,
    ),
    st.one_of(any_text, st.integers(), st.none()),
    any_text,
    st.dictionaries(any_text, any_json, max_size=3),
    st.none() | st.tuples(any_text, any_text),
)

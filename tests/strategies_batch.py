"""Invented scraped documents and JSONL lines for the batch and CLI tests (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

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

"""Tests of copydesk._writers: JSONL, JSON and text streams, and the mirroring output directory."""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk._writers import (
    DirWriter,
    JsonArrayWriter,
    JsonlWriter,
    TextWriter,
    article_text,
    write_atomic,
)
from copydesk.batch import Record, Result, clean_records

from .strategies_batch import any_record, any_text

OK = Result(Record("a.txt", source="a.txt"), {"title": "T", "body": "Body."})
BAD = Result(Record("b.txt", source="b.txt"), error=("InputTooLarge", "too big"))


@pytest.mark.parametrize(
    ("article", "text"),
    [
        ({"title": "T", "body": "B"}, "T\n\nB"),
        ({"title": "T", "body": ""}, "T"),
        ({"title": None, "body": "B"}, "B"),  # negative row: no title, no blank line
    ],
)
def test_article_text(article: dict[str, object], text: str) -> None:
    """article_text renders like Article.to_text."""
    assert article_text(article) == text


def test_jsonl_writer_writes_one_line_per_result() -> None:
    """Successes and errors each take one JSON line."""
    stream = io.BytesIO()
    writer = JsonlWriter(stream)
    writer.write(OK)
    writer.write(BAD)
    writer.close()
    lines = [json.loads(x) for x in stream.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["a.txt", "b.txt"]
    assert "error" in lines[1]
    assert "article" in lines[0]


@pytest.mark.parametrize("results", [[], [OK], [OK, BAD]])
def test_json_array_writer_is_valid_json(results: list[Result]) -> None:
    """The JSON format is one array, also when empty."""
    stream = io.BytesIO()
    writer = JsonArrayWriter(stream)
    for r in results:
        writer.write(r)
    writer.close()
    assert [x["id"] for x in json.loads(stream.getvalue())] == [r.record.id for r in results]


@pytest.mark.parametrize(
    ("headers", "expected"), [(True, "==> a.txt <==\nT\n\nBody.\n"), (False, "T\n\nBody.\n")]
)
def test_text_writer_headers_and_skips_errors(headers: bool, expected: str) -> None:
    """Text output has headers only when asked, and no output for error records."""
    stream = io.BytesIO()
    writer = TextWriter(stream, headers=headers)
    writer.write(OK)
    writer.write(BAD)
    assert stream.getvalue().decode() == expected


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("text", "sub/a.txt"), ("json", "sub/a.txt.json"), ("jsonl", "sub/a.txt.json")],
)
def test_dir_writer_mirrors_the_input_tree(tmp_path: Path, fmt: str, name: str) -> None:
    """A plain-text input becomes one file at its relative path; errors write nothing."""
    writer = DirWriter(str(tmp_path), fmt)
    writer.write(Result(Record("in/sub/a.txt", source="sub/a.txt"), {"title": "T", "body": "B"}))
    writer.write(Result(Record("in/sub/b.txt", source="sub/b.txt"), error=("E", "m")))
    writer.close()
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert files == [name]
    assert writer.done("sub/a.txt", "text")
    assert not writer.done("sub/b.txt", "text")


def test_dir_writer_jsonl_inputs_are_renamed_into_place_when_complete(tmp_path: Path) -> None:
    """A JSONL input's output appears only once its last record is written; abort leaves none."""
    writer = DirWriter(str(tmp_path), "jsonl")
    first = Record(1, kind="jsonl", source="x.jsonl.gz")
    writer.write(Result(first, {"title": None, "body": "B"}))
    assert not (tmp_path / "x.jsonl").exists()
    writer.write(Result(Record(2, kind="jsonl", source="y.jsonl"), error=("E", "m")))
    assert (tmp_path / "x.jsonl").read_text().count("\n") == 1
    writer.abort()
    assert sorted(os.listdir(tmp_path)) == ["x.jsonl"]


@pytest.mark.parametrize("rel", ["../../etc/x.txt", "/abs/x.txt"])
def test_dir_writer_stays_inside_its_root(tmp_path: Path, rel: str) -> None:
    """Relative paths that climb out of the root are flattened to their file name."""
    writer = DirWriter(str(tmp_path / "out"), "text")
    assert writer.target(rel, "text") == str(tmp_path / "out" / "x.txt")


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    """An atomic write leaves only the target, with the requested mode."""
    path = tmp_path / "deep" / "f.txt"
    write_atomic(str(path), b"data", mode=0o640)
    assert path.read_bytes() == b"data"
    assert os.listdir(path.parent) == ["f.txt"]
    assert path.stat().st_mode & 0o777 == 0o640


# -- any string, lone surrogates included: every record yields exactly one record out ----------

SURROGATES = [
    Record("s", raw="lone \ud800 here", kind="jsonl", source="in.jsonl"),
    Record(
        "after",
        raw="ok",
        fields={"note": "\udcff", "\ud800": ["\udfff"]},
        kind="jsonl",
        source="in.jsonl",
    ),
    Record("e\ud800", error=("MalformedRecord", "bad \udc80"), kind="jsonl", source="in.jsonl"),
    Record("\ud800\udc00", raw="pair", kind="jsonl", source="in.jsonl"),  # two lone halves
]


def _key(value: object) -> str:
    """An id as --resume compares it: JSON text, ASCII (a lone high and low surrogate pair
    reads back from JSON as the one character they make; both spell the same here)."""
    return json.dumps(value, sort_keys=True)


def _results(records: list[Record]) -> list[Result]:
    return list(clean_records(records, jobs=1))


@example(SURROGATES)
@given(st.lists(any_record, max_size=5))
def test_jsonl_writer_writes_one_utf8_line_per_record_whatever_its_strings(
    records: list[Record],
) -> None:
    """Any strings in ids, texts, fields and errors: one JSON line per record, valid UTF-8."""
    results = _results(records)
    stream = io.BytesIO()
    writer = JsonlWriter(stream)
    for r in results:
        writer.write(r)
    writer.close()
    lines = stream.getvalue().decode("utf-8").split("\n")  # strict: a surrogate would raise
    assert lines.pop() == ""
    out = [json.loads(line) for line in lines]
    assert [_key(o["id"]) for o in out] == [_key(r.id) for r in records]
    assert ["error" in o for o in out] == [not r.ok for r in results]


@example(SURROGATES)
@given(st.lists(any_record, max_size=5))
def test_json_array_writer_holds_one_entry_per_record_whatever_its_strings(
    records: list[Record],
) -> None:
    """The JSON array is valid UTF-8 and holds one entry per record, in order."""
    stream = io.BytesIO()
    writer = JsonArrayWriter(stream)
    for r in _results(records):
        writer.write(r)
    writer.close()
    out = json.loads(stream.getvalue().decode("utf-8"))
    assert [_key(o["id"]) for o in out] == [_key(r.id) for r in records]


class _Writes(io.BytesIO):
    """A byte stream that counts its writes."""

    writes = 0

    def write(self, data: object) -> int:
        self.writes += 1
        return super().write(data)  # type: ignore[arg-type]


@example(SURROGATES, True)
@given(st.lists(any_record, max_size=5), st.booleans())
def test_text_writer_writes_each_article_once_whatever_its_strings(
    records: list[Record], headers: bool
) -> None:
    """One UTF-8 write per cleaned record (errors go to stderr), a header naming its id."""
    results = _results(records)
    stream = _Writes()
    writer = TextWriter(stream, headers=headers)
    for r in results:
        writer.write(r)
    writer.close()
    text = stream.getvalue().decode("utf-8")
    assert stream.writes == sum(r.ok for r in results)
    assert text.count("==> ") >= (sum(r.ok for r in results) if headers else 0)


@example(SURROGATES, "jsonl")
@given(st.lists(any_record, max_size=5), st.sampled_from(["jsonl", "json", "text"]))
def test_dir_writer_accounts_for_every_record_whatever_its_strings(
    records: list[Record], fmt: str
) -> None:
    """A JSONL input's output file holds one UTF-8 line per record; no temporary file is left."""
    with tempfile.TemporaryDirectory() as root:
        writer = DirWriter(root, fmt)
        for r in _results(records):
            writer.write(r)
        writer.close()
        names = os.listdir(root)
        assert names == (["in.jsonl"] if records else [])
        if records:
            lines = Path(root, "in.jsonl").read_bytes().decode("utf-8").split("\n")[:-1]
            assert [_key(json.loads(x)["id"]) for x in lines] == [_key(r.id) for r in records]


@example(["Body \ud800 text.", "d\udcff"])
@given(st.lists(any_text, max_size=3))
def test_dir_writer_writes_one_file_per_text_input_whatever_its_strings(texts: list[str]) -> None:
    """Plain-text inputs (file names read with surrogateescape among them) give a file each
    once cleaned (an error record writes none: the CLI reports it on stderr)."""
    records = [
        Record(f"d{i}\udcff.txt", raw=t, source=f"d{i}\udcff.txt") for i, t in enumerate(texts)
    ]
    results = _results(records)
    for fmt in ("json", "text"):
        with tempfile.TemporaryDirectory() as root:
            writer = DirWriter(root, fmt)
            for r in results:
                writer.write(r)
            writer.close()
            assert len(os.listdir(root)) == sum(r.ok for r in results)
            for name in os.listdir(root):
                Path(root, name).read_bytes().decode("utf-8")

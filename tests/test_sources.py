"""Tests of copydesk._sources: files, directories, globs, stdin and JSONL become records."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk._sources import STDIN, IdScanner, iter_records, sniff_jsonl, total_bytes

from .strategies_batch import jsonl_lines, make_doc


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a.txt").write_text(make_doc(1), "utf-8")
    (root / "b" / "c.txt").write_text(make_doc(2), "utf-8")
    (root / ".hidden.txt").write_text("secret", "utf-8")


def test_directory_is_walked_sorted_with_relative_sources(tmp_path: Path) -> None:
    """A directory yields its files recursively, sorted, hidden ones skipped, ids as paths."""
    _tree(tmp_path)
    records = list(iter_records([str(tmp_path)]))
    assert [r.id for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]
    assert [r.source for r in records] == ["a.txt", os.path.join("b", "c.txt")]
    assert records[0].raw == make_doc(1).encode()
    assert records[0].nbytes == len(make_doc(1).encode())


def test_glob_matches_sorted_relative_to_its_fixed_prefix(tmp_path: Path) -> None:
    """A glob yields its matches in order; sources are relative to the non-magic prefix."""
    _tree(tmp_path)
    records = list(iter_records([str(tmp_path / "**" / "*.txt")]))
    assert [r.source for r in records] == ["a.txt", os.path.join("b", "c.txt")]


@pytest.mark.parametrize(
    ("name", "error_type"),
    [
        ("missing.txt", "FileNotFoundError"),
        ("nothing-*.txt", "FileNotFoundError"),
        ("present.txt", None),  # negative row: a readable file is no error
    ],
)
def test_unreadable_inputs_become_error_records(
    tmp_path: Path, name: str, error_type: str | None
) -> None:
    """A path that cannot be read yields one error record instead of vanishing."""
    (tmp_path / "present.txt").write_text("Some text here.", "utf-8")
    (record,) = iter_records([str(tmp_path / name)])
    assert (record.error[0] if record.error else None) == error_type
    assert (record.raw is None) == (error_type is not None)


def test_broken_symlink_is_an_error_record(tmp_path: Path) -> None:
    """A dangling symlink is reported, not skipped."""
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    (record,) = iter_records([str(tmp_path / "link.txt")])
    assert record.error is not None
    assert record.error[0] == "FileNotFoundError"


@pytest.mark.parametrize(("size", "too_large"), [(101, True), (100, False), (0, False)])
def test_max_bytes_limits_text_files(tmp_path: Path, size: int, too_large: bool) -> None:
    """A file over max_bytes is an InputTooLarge error record; one at the limit is read."""
    path = tmp_path / "doc.txt"
    path.write_bytes(b"x" * size)
    (record,) = iter_records([str(path)], max_bytes=100)
    assert (record.error is not None and record.error[0] == "InputTooLarge") == too_large


def test_stdin_is_one_document_or_jsonl() -> None:
    """'-' reads stdin: one document by default, one per line with input_format='jsonl'."""
    (doc,) = iter_records(["-"], stdin=io.BytesIO(b"Hello there."))
    assert (doc.id, doc.raw) == (STDIN, b"Hello there.")
    lines = b'{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n'
    records = list(iter_records(["-"], input_format="jsonl", stdin=io.BytesIO(lines)))
    assert [(r.id, r.raw) for r in records] == [(1, "a"), (2, "b")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "a1", "text": "Body.", "url": "u"}', ("a1", "Body.", {"url": "u"}, None)),
        ('{"text": "Body."}', ("F:1", "Body.", {}, None)),
        ('{"id": null, "text": "Body."}', ("F:1", "Body.", {}, None)),
        ('{"id": 7, "text": ""}', (7, "", {}, None)),
        ('{"id": "a", "body": "x"}', ("a", None, {"body": "x"}, "MalformedRecord")),
        ('{"id": "a", "text": 3}', ("a", None, {}, "MalformedRecord")),
        ('{"id": "a", "text": null}', ("a", None, {}, "MalformedRecord")),
        ("[1, 2]", ("F:1", None, {}, "MalformedRecord")),
        ('{"id": "a", "text": "unterminated', ("F:1", None, {}, "JSONDecodeError")),
        (b'{"text": "\xff"}', ("F:1", None, {}, "UnicodeDecodeError")),
    ],
)
def test_jsonl_lines(
    tmp_path: Path, line: str | bytes, expected: tuple[object, object, object, object]
) -> None:
    """Each JSONL line becomes a record with id, text and carried fields, or an error record."""
    path = tmp_path / "F"
    path.write_bytes((line if isinstance(line, bytes) else line.encode()) + b"\n")
    (record,) = iter_records([str(path)], input_format="jsonl")
    error = record.error[0] if record.error else None
    want_id = expected[0] if expected[0] != "F:1" else f"{path}:1"
    assert (record.id, record.raw, dict(record.fields), error) == (want_id, *expected[1:])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": 123}', "field 'text' is an int, not a string"),
        ('{"text": null}', "field 'text' is null, not a string"),
        ('{"text": ["a"]}', "field 'text' is an array, not a string"),
        ('{"body": "x"}', "no field 'text' (other fields: body)"),
    ],
)
def test_a_text_field_that_is_not_a_string_is_named_with_its_type(line: str, message: str) -> None:
    """The error of a record without a usable text says whether the field is missing or
    what JSON type it holds instead."""
    (record,) = iter_records(["-"], input_format="jsonl", stdin=io.BytesIO(line.encode()))
    assert record.error == ("MalformedRecord", message)


def test_jsonl_custom_fields_and_gzip(tmp_path: Path) -> None:
    """--text-field/--id-field pick the fields; *.jsonl.gz is read compressed."""
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"key": "k1", "body": "Text one.", "text": "kept"}) + "\n")
    (record,) = iter_records([str(path)], text_field="body", id_field="key")
    assert (record.id, record.raw, dict(record.fields)) == ("k1", "Text one.", {"text": "kept"})


def test_gzip_progress_counts_compressed_bytes(tmp_path: Path) -> None:
    """For .gz inputs nbytes adds up to the compressed size, which total_bytes reports."""
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(500):
            f.write(json.dumps({"id": i, "text": make_doc(i)}) + "\n")
    records = list(iter_records([str(path)]))
    assert len(records) == 500
    assert sum(r.nbytes for r in records) == path.stat().st_size == total_bytes([str(path)])


def test_truncated_gzip_keeps_earlier_records_and_reports_the_rest(tmp_path: Path) -> None:
    """A corrupt .gz yields the records read so far, then one error record."""
    data = gzip.compress(b"".join(b'{"id": %d, "text": "t"}\n' % i for i in range(2000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    records = list(iter_records([str(path)]))
    assert records[-1].error is not None
    assert all(r.error is None for r in records[:-1])
    assert [r.id for r in records[:-1]] == list(range(len(records) - 1))


def test_oversize_jsonl_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    """A line over max_bytes is an error record; the next line is still read."""
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "x" * 5000})
    path.write_text(big + '\n{"id": "small", "text": "ok"}\n', "utf-8")
    records = list(iter_records([str(path)], max_bytes=1000))
    assert [r.error[0] if r.error else r.id for r in records] == ["InputTooLarge", "small"]
    assert records[0].nbytes == len(big) + 1


def test_oversize_jsonl_line_keeps_its_own_id(tmp_path: Path) -> None:
    """An oversize line's error record has the line's id, wherever the id sits in it."""
    path = tmp_path / "big.jsonl"
    lines = [
        {"id": "first", "text": "x" * 5000},
        {"text": "y" * 5000, "url": "u", "id": 42},
        {"text": "z" * 5000, "meta": {"id": "nested"}},  # negative row: no top-level id
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    records = list(iter_records([str(path)], max_bytes=1000))
    assert [r.id for r in records] == ["first", 42, f"{path}:3"]
    assert all(r.error is not None and r.error[0] == "InputTooLarge" for r in records)


_JSON_TEXT = st.text(st.sampled_from('ab "\\{}[],:é\n\u2028'), max_size=40)
_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | _JSON_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_JSON_TEXT, inner, max_size=3),
    max_leaves=8,
)


@given(
    others=st.dictionaries(_JSON_TEXT.filter(lambda k: k != "id"), _JSON_VALUE, max_size=4),
    doc_id=st.none() | st.integers() | _JSON_TEXT,
    position=st.integers(0, 4),
    cuts=st.lists(st.integers(0, 400), max_size=6),
    ascii_only=st.booleans(),
)
@example(others={"text": 'a \\"quoted\\" id'}, doc_id="x", position=1, cuts=[9], ascii_only=True)
def test_id_scanner_finds_the_top_level_id_in_any_pieces(
    others: dict[str, object], doc_id: object, position: int, cuts: list[int], ascii_only: bool
) -> None:
    """The scanner reads the same id as json.loads, however the line is cut into pieces,
    and none when the line has no top-level id (nested ids do not count)."""
    items = list(others.items())
    if doc_id is not None:
        items.insert(min(position, len(items)), ("id", doc_id))
    line = json.dumps(dict(items), ensure_ascii=ascii_only).encode()
    scanner = IdScanner("id")
    start = 0
    for cut in sorted({min(c, len(line)) for c in cuts}):
        scanner.feed(line[start:cut])
        start = cut
    scanner.feed(line[start:])
    assert scanner.value() == doc_id


def test_stdin_sniffing_reads_every_byte_again() -> None:
    """Sniffing stdin for JSONL gives back a stream with every byte, however it decides."""
    for data, is_jsonl in [
        (b'\n\n{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n', True),
        (b"Storm closes port\n\n{not json}\n", False),
        (b"[1, 2]\n", False),  # negative row: JSON, but not an object
        (b"", False),
    ]:
        stream, found = sniff_jsonl(io.BytesIO(data), 1000)
        assert (found, stream.read()) == (is_jsonl, data)


def test_stdin_in_auto_mode_is_jsonl_when_it_looks_like_it() -> None:
    """'-' in auto mode reads JSONL when the first non-blank line is an object, else one text."""
    lines = b'{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n'
    records = list(iter_records(["-"], stdin=io.BytesIO(lines)))
    assert [(r.id, r.raw, r.kind) for r in records] == [(1, "a", "jsonl"), (2, "b", "jsonl")]
    (text,) = iter_records(["-"], input_format="text", stdin=io.BytesIO(lines))
    assert (text.id, text.raw) == (STDIN, lines)


@given(lines=jsonl_lines)
@example(lines=["", "{}", ""])
def test_every_nonblank_jsonl_line_yields_exactly_one_record(lines: list[str]) -> None:
    """No line is dropped silently: one record (or error record) per non-blank line, in order."""
    data = "".join(line + "\n" for line in lines).encode()
    records = list(iter_records(["-"], input_format="jsonl", stdin=io.BytesIO(data)))
    assert len(records) == sum(1 for line in lines if line.strip())
    assert sum(r.nbytes for r in records) == len(data) - sum(
        1 for line in lines if not line.strip()
    )


def test_total_bytes_sums_files_and_gives_up_on_stdin(tmp_path: Path) -> None:
    """total_bytes is the input size for an ETA, or None when stdin is read."""
    _tree(tmp_path)
    expected = len(make_doc(1).encode()) + len(make_doc(2).encode())
    assert total_bytes([str(tmp_path)]) == expected
    assert total_bytes([str(tmp_path), "-"]) is None

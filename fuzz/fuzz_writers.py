"""Fuzz the CLI's writers: every input record must come out as exactly one output or error record.

With atheris (coverage-guided, libFuzzer options)::

    pip install atheris
    PYTHONPATH=src python fuzz/fuzz_writers.py -max_total_time=60 -max_len=4096 fuzz/seeds

Without atheris the same script falls back to a hypothesis-driven random byte loop (see
``fuzz_clean.py``), taking ``-max_total_time=SECONDS`` too; CI runs it for a bounded time.

Each input's bytes, read as text with ``surrogateescape`` (so lone surrogates appear), are cut
into up to four records whose ids, texts and carried fields come from the input; one record
in four is a read error. They are cleaned (``copydesk.batch.clean_records``), written by every
writer of the ``clean`` command (JSONL, JSON, text, an output folder) and turned into the
engines' rows (``copydesk._engines.result_row``, into Arrow when pyarrow is installed), and the
input is also written as a JSONL file and run through ``copydesk clean`` itself. Checked: no
exception; every output is valid UTF-8; the JSONL and JSON outputs hold one record per input
record, in order, under the same ids; the text output writes each cleaned record once; the
CLI's JSONL output, resumed, stays the same.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared harness beside this file
import _harness as harness

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the machine
    atheris = None

if atheris is not None:
    with atheris.instrument_imports():
        from copydesk._engines import result_row
        from copydesk._writers import DirWriter, JsonArrayWriter, JsonlWriter, TextWriter
        from copydesk.batch import Record, Result, clean_records
        from copydesk.cli import main as cli_main
else:
    from copydesk._engines import result_row
    from copydesk._writers import DirWriter, JsonArrayWriter, JsonlWriter, TextWriter
    from copydesk.batch import Record, Result, clean_records
    from copydesk.cli import main as cli_main


def records_for(data: bytes) -> list[Record]:
    """Up to four records made of the input: id, text and one carried field each."""
    text = data.decode("utf-8", "surrogateescape")
    parts = text.split("\x00")[:4] if text else [""]
    records = []
    for n, part in enumerate(parts):
        doc_id: object = part[:8] if n % 2 == 0 else n
        fields = {part[8:12]: part[12:20]} if part else {}
        where = {"fields": fields, "kind": "jsonl", "source": "in.jsonl"}
        if (len(part) + n) % 4 == 3:  # a line the reader could not use
            records.append(Record(doc_id, error=("MalformedRecord", part[:30]), **where))
        else:
            records.append(Record(doc_id, raw=part, **where))
    return records


def _key(value: object) -> str:
    # JSON reads an escaped high and low surrogate back as the one character they make;
    # ASCII JSON text spells both alike (as --resume compares ids).
    return json.dumps(value, sort_keys=True)


def _check_streams(records: list[Record], results: list[Result]) -> None:
    want = [_key(r.id) for r in records]
    jsonl, array, text = io.BytesIO(), io.BytesIO(), io.BytesIO()
    writers = [JsonlWriter(jsonl), JsonArrayWriter(array), TextWriter(text, headers=True)]
    for result in results:
        for writer in writers:
            writer.write(result)
    for writer in writers:
        writer.close()
    lines = jsonl.getvalue().decode("utf-8").split("\n")
    if lines.pop() != "" or [_key(json.loads(x)["id"]) for x in lines] != want:
        raise AssertionError(f"JSONL output does not hold one record per input for {records!r}")
    if [_key(x["id"]) for x in json.loads(array.getvalue().decode("utf-8"))] != want:
        raise AssertionError(f"JSON output does not hold one record per input for {records!r}")
    cleaned = sum(r.ok for r in results)
    if text.getvalue().decode("utf-8").count("==> ") < cleaned:
        raise AssertionError(f"text output lost a record for {records!r}")


def _check_folder(records: list[Record], results: list[Result]) -> None:
    with tempfile.TemporaryDirectory() as root:
        writer = DirWriter(root, "jsonl")
        for result in results:
            writer.write(result)
        writer.close()
        if os.listdir(root) != ["in.jsonl"]:
            raise AssertionError(f"output folder holds {os.listdir(root)} for {records!r}")
        lines = Path(root, "in.jsonl").read_bytes().decode("utf-8").split("\n")
        if len(lines) != len(records) + 1:
            raise AssertionError(f"output folder file lost a record for {records!r}")


def _check_rows(records: list[Record], results: list[Result]) -> None:
    rows = [result_row(r, res.article, res.error) for r, res in zip(records, results, strict=True)]
    for row in rows:
        json.dumps(row, ensure_ascii=False).encode("utf-8")  # the JSON shards of an engine run
    try:
        import pyarrow as pa

        from copydesk._engines import file_schema
    except ImportError:  # pragma: no cover - pyarrow is an extra
        return
    if pa.Table.from_pylist(rows, schema=file_schema()).num_rows != len(records):
        raise AssertionError(f"Arrow rows lost a record for {records!r}")


def _check_cli(records: list[Record]) -> None:
    good = [r for r in records if r.error is None]
    with tempfile.TemporaryDirectory() as root:
        src, out = Path(root, "in.jsonl"), Path(root, "out.jsonl")
        lines = [json.dumps({"id": r.id, "text": r.raw, **r.fields}) for r in good]
        src.write_text("".join(line + "\n" for line in lines), "utf-8")
        with contextlib.redirect_stderr(io.StringIO()):
            cli_main(["clean", str(src), "-q", "--jobs", "1", "-o", str(out)])
            first = out.read_bytes()
            cli_main(["clean", str(src), "-q", "--jobs", "1", "-o", str(out), "--resume"])
        if len(first.decode("utf-8").split("\n")) != len(good) + 1 or out.read_bytes() != first:
            raise AssertionError(f"copydesk clean lost or repeated a record for {good!r}")


def test_one_input(data: bytes) -> None:
    """The fuzz target: the input's records through every writer, and through the CLI."""
    records = records_for(data)
    results = list(clean_records(records, jobs=1))
    if len(results) != len(records):
        raise AssertionError(f"{len(results)} results for {len(records)} records")
    _check_streams(records, results)
    _check_folder(records, results)
    _check_rows(records, results)
    _check_cli(records)


def inputs(seeds: list[bytes]) -> object:  # pragma: no cover - used without atheris only
    """Random bytes, and random text with lone surrogates kept (``surrogatepass``)."""
    from hypothesis import strategies as st

    surrogates = st.text(st.characters(codec=None), max_size=200).map(
        lambda s: s.encode("utf-8", "surrogatepass")
    )
    return st.one_of(st.binary(max_size=2048), surrogates)


def main() -> None:
    """Run atheris when installed, else the hypothesis fallback."""
    harness.main(test_one_input, inputs, atheris, max_examples=200, label=" of the writers")


if __name__ == "__main__":
    main()

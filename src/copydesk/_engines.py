"""What the ``--engine`` runs of the CLI share, whichever engine runs them.

A run lists its input files on the driver (as the local engine does), cleans each file in an
engine task, writes shards with the engine's writer, then reads back only the ``error``
column of what it wrote to print the same summary line as a local run.

JSONL and plain-text inputs are read by copydesk's own streaming reader inside the engine's
tasks, one task per file, rather than by the engines' JSON readers: those abort the whole job
on one malformed line, and cannot give a record without an id its ``PATH:LINE`` id. Each such
output row holds ``id`` (JSON text when the id is not a string), the article columns, and the
record's other fields as one JSON object in ``fields``, so that every shard has one schema.
Parquet inputs are read by the engine's Parquet reader and keep their columns.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from copydesk._columns import ARTICLE_COLUMNS, CleanBatch, article_columns
from copydesk._jsontext import dumps, utf8_text
from copydesk._sources import DEFAULT_MAX_BYTES, InputFormat, Record, _sources, iter_records
from copydesk.pipeline import Pipeline

__all__ = [
    "ENGINES",
    "FILE_COLUMNS",
    "SHARD_ROWS",
    "FileCleaner",
    "Job",
    "output_errors",
    "parquet_inputs",
    "result_row",
]

ENGINES = ("ray", "dask")
#: Rows per output shard: with articles of a few KB, shards of some tens to hundreds of MB.
SHARD_ROWS = 50_000
#: Records cleaned (and rows yielded) at a time inside a file task.
FILE_CHUNK = 1024
#: The columns of a row cleaned from a JSONL or plain-text file, in order.
FILE_COLUMNS = ("id", *(name for name, _ in ARTICLE_COLUMNS), "fields")
_PARQUET = (".parquet", ".parq")


def result_row(
    record: Record, article: dict[str, Any] | None, error: tuple[str, str] | None
) -> dict[str, Any]:
    """The output row of a record cleaned from a file: id, article columns, fields (JSON).

    Every cell is valid UTF-8, as Arrow and the JSON writers need: the id is JSON text when it
    is not a string, or is a string holding a lone surrogate (escaped, as in the fields).

    >>> result_row(Record("a\\ud800", fields={"k": "\\udcff"}), None, ("E", "m"))["fields"]
    '{"k": "\\\\udcff"}'
    """
    doc_id = record.id
    if not isinstance(doc_id, str) or utf8_text(doc_id) != doc_id:
        doc_id = dumps(doc_id)
    row: dict[str, Any] = {"id": doc_id}
    row.update(article_columns(article, error))
    row["fields"] = dumps(dict(record.fields))
    return row


def file_schema() -> Any:
    """The Arrow schema of :data:`FILE_COLUMNS`."""
    import pyarrow as pa

    base = CleanBatch(text_column="text").output_schema(
        pa.schema([("id", pa.string()), ("text", pa.string())])
    )
    return base.append(pa.field("fields", pa.string()))


@attrs.frozen(kw_only=True)
class Job:
    """One ``copydesk clean --engine`` run, as the options state it (picklable)."""

    inputs: tuple[str, ...]
    output_dir: str
    output_format: str = "parquet"
    input_format: InputFormat = "auto"
    text_field: str = "text"
    id_field: str = "id"
    max_bytes: int = DEFAULT_MAX_BYTES
    pipeline: Pipeline | None = None
    rules: object | None = None
    address: str | None = None
    workers: int | None = None
    site_field: str | None = None

    def clean_kwargs(self) -> dict[str, Any]:
        """The CleanBatch keywords for Parquet inputs."""
        kw: dict[str, Any] = {
            "text_column": self.text_field,
            "id_column": self.id_field,
            "rules": self.rules,
            "max_bytes": self.max_bytes,
            "site_column": self.site_field,
        }
        if self.pipeline is not None:
            kw["pipeline"] = self.pipeline
        return kw

    def file_cleaner(self) -> FileCleaner:
        """The task that cleans one JSONL or plain-text file: its options are Job's own, by
        name, so that an option added to both reaches the task without another line here."""
        return FileCleaner(**{f.name: getattr(self, f.name) for f in attrs.fields(FileCleaner)})


@attrs.frozen(kw_only=True)
class FileCleaner:
    """Clean the files named in a batch's ``path``/``kind`` columns; yield Arrow tables."""

    text_field: str = "text"
    id_field: str = "id"
    max_bytes: int = DEFAULT_MAX_BYTES
    pipeline: Pipeline | None = None
    rules: object | None = None
    site_field: str | None = None

    def rows(self, path: str, kind: str) -> Iterator[list[dict[str, Any]]]:
        """The output rows of one file, :data:`FILE_CHUNK` at a time."""
        from copydesk.batch import _payload, clean_chunk, make_pipeline

        pipeline = self.pipeline if self.pipeline is not None else make_pipeline()
        records = iter_records(
            [path],
            input_format="jsonl" if kind == "jsonl" else "text",
            text_field=self.text_field,
            id_field=self.id_field,
            max_bytes=self.max_bytes,
        )
        chunk: list[Record] = []
        for record in records:
            chunk.append(record)
            if len(chunk) == FILE_CHUNK:
                yield self._clean(chunk, pipeline, clean_chunk, _payload)
                chunk = []
        if chunk:
            yield self._clean(chunk, pipeline, clean_chunk, _payload)

    def _clean(
        self, chunk: list[Record], pipeline: Pipeline, clean_chunk: Any, payload: Any
    ) -> list[dict[str, Any]]:
        outcomes = clean_chunk(payload(chunk, self.site_field), pipeline, self.rules)
        return [result_row(r, a, e) for r, (a, e) in zip(chunk, outcomes, strict=True)]

    def tables(self, paths: Sequence[str], kinds: Sequence[str]) -> Iterator[Any]:
        """Arrow tables of :func:`file_schema` for the files ``paths``."""
        import pyarrow as pa

        schema = file_schema()
        for path, kind in zip(paths, kinds, strict=True):
            for rows in self.rows(path, kind):
                yield pa.Table.from_pylist(rows, schema=schema)

    def __call__(self, batch: Any) -> Iterator[Any]:
        """Ray's ``map_batches`` entry: a pyarrow batch of ``path`` and ``kind`` columns."""
        yield from self.tables(batch.column("path").to_pylist(), batch.column("kind").to_pylist())


def list_sources(inputs: Sequence[str], input_format: InputFormat) -> list[dict[str, str]]:
    """The input files as ``{"path", "kind", "error"}`` rows, in the local engine's order."""
    found = []
    for source in _sources(inputs, input_format):
        if source.display == "<stdin>":
            raise ValueError("an --engine run reads files that its workers can reach, not '-'")
        found.append({"path": source.display, "kind": source.kind})
    return found


def parquet_inputs(inputs: Sequence[str]) -> list[str] | None:
    """The Parquet files among ``inputs`` when all of them are Parquet, else None.

    Raises ValueError when Parquet files are mixed with other inputs.
    """
    files = [s["path"] for s in list_sources(inputs, "auto")]
    parquet = [f for f in files if f.lower().endswith(_PARQUET)]
    if not parquet:
        return None
    if len(parquet) != len(files):
        raise ValueError(
            "an --engine run takes either Parquet inputs or JSONL/text inputs, not both"
        )
    return parquet


def output_errors(output_dir: str, output_format: str) -> tuple[int, Counter[str]]:
    """Rows written under ``output_dir`` and their errors by type, from the ``error`` column."""
    rows = 0
    errors: Counter[str] = Counter()
    names = sorted(
        os.path.join(root, name)
        for root, _, files in os.walk(output_dir)
        for name in files
        if not name.startswith((".", "_"))
    )
    if output_format == "parquet":
        import pyarrow.parquet as pq

        for name in names:
            column = pq.read_table(name, columns=["error"]).column("error")
            rows += len(column)
            errors.update(e.split(": ", 1)[0] for e in column.to_pylist() if e is not None)
        return rows, errors
    for name in names:
        with open(name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rows += 1
                    error = json.loads(line).get("error")
                    if error is not None:
                        errors[error.split(": ", 1)[0]] += 1
    return rows, errors


def input_bytes(inputs: Sequence[str]) -> int:
    """The summed size of the input files (for the summary's MB/s)."""
    total = 0
    for source in list_sources(inputs, "auto"):
        try:
            total += os.path.getsize(source["path"])
        except OSError:
            continue
    return total

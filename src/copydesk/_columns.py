"""Columnar cleaning: one engine-agnostic callable from a batch of columns to a batch of columns.

:class:`CleanBatch` is the whole contract between copydesk and a distributed engine. It knows
no engine: it takes a ``pyarrow.Table``, a ``pandas.DataFrame`` or a ``dict`` of lists, cleans
the text column row by row with the same code as the local batch engine
(:func:`copydesk.batch.clean_chunk`), and returns the same kind of batch with flat, typed
article columns added. The adapters in :mod:`copydesk.ray` and :mod:`copydesk.dask` only map
it. pyarrow and pandas are imported only when a batch of theirs arrives, or when
:meth:`CleanBatch.output_schema` is called, so importing this module stays light.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from copydesk._jsontext import utf8_text
from copydesk._sources import DEFAULT_MAX_BYTES
from copydesk.errors import RecordError
from copydesk.pipeline import Pipeline

if TYPE_CHECKING:
    import pyarrow as pa

    from copydesk.batch import Item

__all__ = ["ARTICLE_COLUMNS", "CleanBatch", "article_columns", "error_text"]

#: The columns :class:`CleanBatch` adds, in order, with their Arrow types (as names: the
#: types themselves need pyarrow).
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "string"),
    ("authors", "list<string>"),
    ("published", "string"),
    ("source", "string"),
    ("categories", "list<string>"),
    ("language", "string"),
    ("body", "string"),
    ("n_removed", "int64"),
    ("error", "string"),
)
_NAMES = tuple(name for name, _ in ARTICLE_COLUMNS)

Batch = TypeVar("Batch")
Outcome = tuple[dict[str, Any] | None, tuple[str, str] | None]


def error_text(error: tuple[str, str]) -> str:
    """The ``error`` column's value: ``"Type: message"``, as the CLI prints it.

    >>> error_text(("InputTooLarge", "too big"))
    'InputTooLarge: too big'
    """
    return f"{error[0]}: {error[1]}"


def article_columns(
    article: Mapping[str, Any] | None, error: tuple[str, str] | None
) -> dict[str, Any]:
    """The flat article columns of one outcome: an article dict, or an error (all else null).

    ``n_removed`` counts the ledger's ``removed`` edits (residue lines, and a size cut).

    >>> article_columns(None, ("BinaryInput", "NUL bytes"))["error"]
    'BinaryInput: NUL bytes'
    >>> article_columns({"title": "T", "authors": [], "body": "B", "edits": []}, None)["n_removed"]
    0
    """
    if error is not None or article is None:
        row: dict[str, Any] = dict.fromkeys(_NAMES)
        row["error"] = utf8_text(error_text(error or ("RecordError", "no article")))
        return row
    return {
        "title": _cell(article.get("title")),
        "authors": [utf8_text(a) for a in article.get("authors", ())],
        "published": article.get("published"),
        "source": _cell(article.get("source")),
        "categories": [utf8_text(c) for c in article.get("categories", ())],
        "language": article.get("language"),
        "body": utf8_text(article.get("body", "")),
        "n_removed": sum(1 for e in article.get("edits", ()) if e.get("kind") == "removed"),
        "error": None,
    }


def _cell(value: str | None) -> str | None:
    """A string cell Arrow can hold: a lone surrogate (never in a cleaned field, but an error
    message may quote one) is spelled as its escape; None stays None."""
    return None if value is None else utf8_text(value)


def _default_pipeline() -> Pipeline:
    from copydesk.default import DEFAULT

    return DEFAULT


def _missing(value: object) -> bool:
    """None, a float NaN or pandas' NA: a cell without a value."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ == "NAType"


def _check_on_error(_: object, __: object, value: str) -> None:
    if value not in ("mark", "raise"):
        raise ValueError(f"on_error must be 'mark' or 'raise', got {value!r}")


@attrs.frozen(kw_only=True)
class CleanBatch:
    """Clean the text column of a batch; add flat article columns; pass the others through.

    A stateless, picklable callable: ``CleanBatch(...)(batch)`` takes a ``pyarrow.Table``, a
    ``pandas.DataFrame`` or a ``dict`` of equal-length lists and returns the same kind, without
    the text column, with the columns of :data:`ARTICLE_COLUMNS` added after the input's.
    A text cell may be ``str`` or ``bytes`` (decoded as :func:`copydesk.clean_article` does);
    one that is missing, of another type, larger than ``max_bytes`` or that a step fails on
    gets its message in ``error`` (``on_error="mark"``, the default) and nulls elsewhere, so a
    bad document never aborts a job; ``on_error="raise"`` raises
    :class:`copydesk.RecordError` instead.

    >>> text = "Rain expected\\n\\nForecasters expect heavy rain across the region on Sunday."
    >>> out = CleanBatch()({"id": [1, 2], "text": [text, 7]})
    >>> out["title"], out["body"]
    (['Rain expected', None], ['Forecasters expect heavy rain across the region on Sunday.', None])
    >>> out["error"]
    [None, 'MalformedRecord: the text value is int, not str or bytes']
    """

    text_column: str = "text"
    id_column: str = "id"
    pipeline: Pipeline = attrs.field(factory=_default_pipeline)
    rules: object | None = None
    on_error: Literal["mark", "raise"] = attrs.field(default="mark", validator=_check_on_error)
    max_bytes: int = DEFAULT_MAX_BYTES
    #: A column naming each document's site, for rules scoped to sites (learned rules);
    #: without it a document's ``URL Source:`` header names its site, if it has one.
    site_column: str | None = None

    # -- the engine-free core ------------------------------------------------------------

    def _item(self, value: object, site: object = None) -> Item:
        """What :func:`copydesk.batch.clean_chunk` takes for one cell: ``(raw, error, site)``."""
        raw, error = self._raw(value)
        return raw, error, site if isinstance(site, str) and site else None

    def _raw(self, value: object) -> tuple[str | bytes | None, tuple[str, str] | None]:
        if _missing(value):
            return None, ("MalformedRecord", f"the {self.text_column} value is missing")
        if isinstance(value, (bytearray, memoryview)):
            value = bytes(value)
        if not isinstance(value, (str, bytes)):
            kind = type(value).__name__
            return None, (
                "MalformedRecord",
                f"the {self.text_column} value is {kind}, not str or bytes",
            )
        size = (
            len(value) if isinstance(value, bytes) else len(value.encode("utf-8", "surrogatepass"))
        )
        if size > self.max_bytes:
            message = f"{size:,} bytes is over the limit of {self.max_bytes:,} bytes per document"
            return None, ("InputTooLarge", message)
        return value, None

    def clean_texts(
        self,
        texts: Iterable[object],
        ids: Sequence[object] | None = None,
        sites: Iterable[object] | None = None,
    ) -> dict[str, list[Any]]:
        """The article columns for ``texts``, as a dict of lists (one entry per text).

        ``ids`` only name a record in the message of ``on_error="raise"``; ``sites`` name
        each document's site (a cell that is not a non-empty string is an unknown site).
        """
        from copydesk.batch import clean_chunk

        if sites is None:
            items = [self._item(value) for value in texts]
        else:
            items = [self._item(value, site) for value, site in zip(texts, sites, strict=True)]
        outcomes: list[Outcome] = clean_chunk(items, self.pipeline, self.rules)
        columns: dict[str, list[Any]] = {name: [] for name in _NAMES}
        for n, (article, error) in enumerate(outcomes):
            if error is not None and self.on_error == "raise":
                where = f"record {ids[n]!r}" if ids is not None else f"row {n}"
                raise RecordError(f"{where}: {error_text(error)}")
            for name, value in article_columns(article, error).items():
                columns[name].append(value)
        return columns

    def _check_columns(self, names: Iterable[str], *, need_text: bool = True) -> None:
        names = list(names)
        if need_text and self.text_column not in names:
            found = ", ".join(names) or "none"
            raise ValueError(f"the batch has no text column {self.text_column!r}; it has: {found}")
        clash = [n for n in names if n in _NAMES and n != self.text_column]
        if clash:
            raise ValueError(
                f"the batch already has a column {clash[0]!r}, which CleanBatch adds; "
                "rename or drop it before cleaning"
            )

    # -- batch kinds ---------------------------------------------------------------------

    def __call__(self, batch: Batch) -> Batch:
        """Clean one batch; return a batch of the same kind."""
        if isinstance(batch, dict):
            return self._dict(batch)  # type: ignore[return-value]
        pa = sys.modules.get("pyarrow")
        if pa is not None and isinstance(batch, pa.Table):
            return self._arrow(batch)  # type: ignore[no-any-return]
        pd = sys.modules.get("pandas")
        if pd is not None and isinstance(batch, pd.DataFrame):
            return self._pandas(batch)  # type: ignore[no-any-return]
        raise TypeError(
            f"CleanBatch takes a pyarrow.Table, a pandas.DataFrame or a dict of lists, "
            f"not {type(batch).__name__}"
        )

    def _ids(self, column: Any) -> Sequence[object] | None:
        return None if column is None else list(column)

    def _dict(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        self._check_columns(batch)
        texts = list(batch[self.text_column])
        out = {k: list(v) for k, v in batch.items() if k != self.text_column}
        sites = batch.get(self.site_column) if self.site_column else None
        ids = self._ids(batch.get(self.id_column))
        out.update(self.clean_texts(texts, ids, None if sites is None else list(sites)))
        return out

    def _arrow(self, table: Any) -> Any:
        import pyarrow as pa

        self._check_columns(table.column_names)
        ids = (
            table.column(self.id_column).to_pylist()
            if self.id_column in table.column_names
            else None
        )
        sites = (
            table.column(self.site_column).to_pylist()
            if self.site_column and self.site_column in table.column_names
            else None
        )
        columns = self.clean_texts(table.column(self.text_column).to_pylist(), ids, sites)
        schema = self.output_schema(table.schema)
        kept = table.drop_columns([self.text_column])
        arrays = [pa.array(columns[name], type=schema.field(name).type) for name in _NAMES]
        return pa.Table.from_arrays([*kept.columns, *arrays], schema=schema)

    def _pandas(self, frame: Any) -> Any:
        import pandas as pd

        self._check_columns(frame.columns)
        ids = list(frame[self.id_column]) if self.id_column in frame.columns else None
        sites = (
            list(frame[self.site_column])
            if self.site_column and self.site_column in frame.columns
            else None
        )
        columns = self.clean_texts(list(frame[self.text_column]), ids, sites)
        out = frame.drop(columns=[self.text_column])
        for name, kind in ARTICLE_COLUMNS:
            dtype = "Int64" if kind == "int64" else object
            out[name] = pd.Series(columns[name], index=frame.index, dtype=dtype)
        return out

    def records(self, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Clean record dicts (a Dask bag's partition): each without its text, plus the columns."""
        rows = list(rows)
        for row in rows:
            self._check_columns(row, need_text=False)  # a record without text is an error row
        ids = [row.get(self.id_column) for row in rows]
        sites = [row.get(self.site_column) for row in rows] if self.site_column else None
        columns = self.clean_texts([row.get(self.text_column) for row in rows], ids, sites)
        out = []
        for n, row in enumerate(rows):
            record = {k: v for k, v in row.items() if k != self.text_column}
            record.update((name, columns[name][n]) for name in _NAMES)
            out.append(record)
        return out

    def output_schema(self, input_schema: pa.Schema) -> pa.Schema:
        """The Arrow schema of the output for a batch of ``input_schema``."""
        import pyarrow as pa

        self._check_columns(input_schema.names)
        types = {"string": pa.string(), "list<string>": pa.list_(pa.string()), "int64": pa.int64()}
        kept = [f for f in input_schema if f.name != self.text_column]
        return pa.schema([*kept, *(pa.field(n, types[k]) for n, k in ARTICLE_COLUMNS)])

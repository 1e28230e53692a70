"""CleanBatch: the same rows as clean_article, whatever kind of batch carries them."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import DEFAULT, RecordError, clean_article
from copydesk._engines import file_schema, result_row
from copydesk.batch import ARTICLE_COLUMNS, CleanBatch, Record, clean_chunk, make_pipeline

from .engines import require
from .strategies_batch import any_record, any_text, engine_doc
from .strategies_learn import SCOPED_RULES, SCOPED_TEXT

NAMES = [name for name, _ in ARTICLE_COLUMNS]
TEXTS = [engine_doc(i) for i in range(12)]


def expected_columns(text: str, **kw: Any) -> dict[str, Any]:
    """The article columns of one text, straight from clean_article."""
    a = clean_article(text, **kw)
    return {
        "title": a.title,
        "authors": list(a.authors),
        "published": None if a.published is None else a.published.isoformat(),
        "source": a.source,
        "categories": list(a.categories),
        "language": a.language,
        "body": a.body,
        "n_removed": sum(e.kind == "removed" for e in a.edits),
        "error": None,
    }


def as_rows(columns: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """A dict of columns as a list of row dicts."""
    return [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]


def test_dict_batch_equals_clean_article_per_row() -> None:
    """Each row of a dict batch is clean_article's result; other columns pass through."""
    batch = {
        "id": list(range(len(TEXTS))),
        "text": TEXTS,
        "url": [f"u{i}" for i in range(len(TEXTS))],
    }
    out = CleanBatch()(batch)
    assert list(out) == ["id", "url", *NAMES]
    for i, row in enumerate(as_rows(out)):
        assert row == {"id": i, "url": f"u{i}", **expected_columns(TEXTS[i])}


def test_arrow_batch_has_the_declared_schema_and_the_same_rows() -> None:
    """A pyarrow Table in, a Table of output_schema out, row by row equal to the dict path."""
    pa = require("pyarrow")
    table = pa.table({"id": [f"a{i}" for i in range(len(TEXTS))], "text": TEXTS})
    cleaner = CleanBatch()
    out = cleaner(table)
    assert isinstance(out, pa.Table)
    assert out.schema == cleaner.output_schema(table.schema)
    assert out.to_pylist() == as_rows(cleaner(table.to_pydict()))


def test_pandas_batch_keeps_its_index_and_the_same_rows() -> None:
    """A DataFrame in, a DataFrame out, same index, row by row equal to the dict path."""
    pd = require("pandas")
    pa = require("pyarrow")
    frame = pd.DataFrame(
        {"id": range(len(TEXTS)), "text": TEXTS}, index=range(100, 100 + len(TEXTS))
    )
    cleaner = CleanBatch()
    out = cleaner(frame)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == list(frame.index)
    rows = pa.Table.from_pandas(out, preserve_index=False).to_pylist()
    assert rows == as_rows(cleaner({"id": list(range(len(TEXTS))), "text": TEXTS}))


@pytest.mark.parametrize("kind", ["dict", "arrow", "pandas", "records"])
def test_site_column_scopes_learned_rules(kind: str) -> None:
    """With ``site_column``, a rule scoped to a site fires on that site's rows only."""
    rules, text = SCOPED_RULES, SCOPED_TEXT
    batch = {"id": [1, 2, 3], "text": [text] * 3, "site": ["a.example", "b.example", None]}
    cleaner = CleanBatch(rules=rules, site_column="site")
    if kind == "dict":
        rows = as_rows(cleaner(batch))
    elif kind == "arrow":
        rows = cleaner(require("pyarrow").table(batch)).to_pylist()
    elif kind == "pandas":
        rows = cleaner(require("pandas").DataFrame(batch)).to_dict("records")
    else:
        rows = cleaner.records(as_rows(batch))
    assert ["tip line" in row["body"] for row in rows] == [False, True, True]
    assert [row["body"] for row in rows] == [
        expected_columns(text, rules=rules, site=site)["body"] for site in batch["site"]
    ]


@pytest.mark.parametrize("kind", ["dict", "arrow", "pandas"])
def test_empty_batches(kind: str) -> None:
    """An empty batch gives an empty batch with every output column."""
    cleaner = CleanBatch()
    if kind == "dict":
        out = cleaner({"id": [], "text": []})
        assert out == {"id": [], **{name: [] for name in NAMES}}
        return
    pa = require("pyarrow")
    table = pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())})
    if kind == "arrow":
        out = cleaner(table)
        assert out.num_rows == 0
        assert out.schema == cleaner.output_schema(table.schema)
    else:
        out = cleaner(table.to_pandas())
        assert len(out) == 0
        assert list(out.columns) == ["id", *NAMES]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (None, "MalformedRecord: the text value is missing"),
        (float("nan"), "MalformedRecord: the text value is missing"),
        (42, "MalformedRecord: the text value is int, not str or bytes"),
        ("x" * 50, "InputTooLarge: 50 bytes is over the limit of 40 bytes per document"),
        (b"\x00\x01binary", "BinaryInput: the file holds NUL bytes: it looks binary, not text"),
        (b"Caf\xe9 opens\n\nThe caf\xe9 opened.", None),  # negative row: cp1252 bytes decode
        ("Short calm text.", None),  # negative row
    ],
)
def test_bad_cells_become_error_rows(value: object, error: str | None) -> None:
    """A bad text cell costs its row only: message in ``error``, nulls elsewhere."""
    out = CleanBatch(max_bytes=40)({"id": ["bad", "good"], "text": [value, "Fine text here."]})
    assert out["error"] == [error, None]
    if error is not None:
        assert [out[name][0] for name in NAMES if name != "error"] == [None] * (len(NAMES) - 1)


def test_on_error_raise() -> None:
    """on_error='raise' raises RecordError naming the record; 'mark' does not."""
    with pytest.raises(RecordError, match=r"record 'b': MalformedRecord"):
        CleanBatch(on_error="raise")({"id": ["a", "b"], "text": ["Fine.", 3]})
    with pytest.raises(ValueError, match="on_error must be"):
        CleanBatch(on_error="ignore")  # type: ignore[arg-type]


def test_custom_pipeline_and_columns() -> None:
    """Other text and id columns, and a pipeline without a step, are what the rows get."""
    pipeline = make_pipeline(["tidy.glued_sentences"])
    out = CleanBatch(text_column="raw", id_column="key", pipeline=pipeline)(
        {"key": [1], "raw": [TEXTS[0]]}
    )
    assert out["body"] == [expected_columns(TEXTS[0], pipeline=pipeline)["body"]]
    assert ".Residents" in out["body"][0]


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (["id", "body"], "no text column 'text'"),
        (["id", "text", "title"], "already has a column 'title'"),
    ],
)
def test_unusable_columns_are_refused(columns: list[str], message: str) -> None:
    """A batch without the text column, or with a column CleanBatch adds, is refused up front."""
    with pytest.raises(ValueError, match=message):
        CleanBatch()({name: ["x"] for name in columns})


def test_unknown_batch_kind_is_refused() -> None:
    """A list of rows is not a batch of columns."""
    with pytest.raises(TypeError, match=r"pyarrow\.Table, a pandas\.DataFrame or a dict"):
        CleanBatch()([{"text": "x"}])


def test_records_keep_every_record() -> None:
    """records(): each record loses its text, gains the columns; a missing text is an error."""
    out = CleanBatch().records([{"id": 1, "text": TEXTS[1], "n": 5}, {"id": 2}])
    assert out[0] == {"id": 1, "n": 5, **expected_columns(TEXTS[1])}
    assert out[1]["error"] == "MalformedRecord: the text value is missing"


def test_pickles_with_its_pipeline() -> None:
    """CleanBatch pickles (to reach workers) with a custom pipeline intact."""
    cleaner = CleanBatch(pipeline=DEFAULT.without("tidy.spaces"), max_bytes=10)
    assert pickle.loads(pickle.dumps(cleaner)) == cleaner


def test_importing_copydesk_stays_light() -> None:
    """Importing copydesk, its batch engine and the adapters imports no engine, pyarrow or pandas."""
    code = (
        "import sys, copydesk, copydesk.batch, copydesk.ray, copydesk.dask\n"
        "heavy = {'pyarrow', 'pandas', 'numpy', 'ray', 'dask', 'distributed'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.engines
def test_adapter_modules_do_not_shadow_the_engines() -> None:
    """Inside copydesk.ray and copydesk.dask, ``ray`` and ``dask`` are the real packages."""
    ray = require("ray")
    dask = require("dask")
    from copydesk import dask as copydesk_dask
    from copydesk import ray as copydesk_ray

    assert copydesk_ray._ray() is ray
    assert copydesk_dask._module("dask") is dask


# -- any string, lone surrogates included: Arrow takes every row (issue 17) --------------------


@example(["lone \ud800 here", "\udcff", "ok"])
@given(st.lists(any_text | st.binary(max_size=20) | st.none(), max_size=5))
def test_article_columns_hold_any_text_as_arrow_strings(texts: list[object]) -> None:
    """Whatever the texts, CleanBatch gives one row each that Arrow and Parquet hold."""
    pa, pq = require("pyarrow"), require("pyarrow.parquet")
    table = pa.table({"id": list(range(len(texts)))})
    columns = CleanBatch()({"id": list(range(len(texts))), "text": texts})
    schema = CleanBatch().output_schema(pa.schema([("id", pa.int64()), ("text", pa.string())]))
    out = pa.Table.from_pydict(columns, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(out, sink)
    assert pq.read_table(pa.BufferReader(sink.getvalue())).num_rows == len(texts) == len(table)


@example([Record("id \ud800", raw="x", fields={"\ud800": "\udcff"}, error=("E", "\udc80"))])
@given(st.lists(any_record, max_size=5))
def test_engine_file_rows_hold_any_strings_as_arrow_strings(records: list[Record]) -> None:
    """The engines' rows of JSONL records (any id, fields, error): one Parquet row each, the
    fields column JSON that reads back to the record's fields."""
    pa, pq = require("pyarrow"), require("pyarrow.parquet")
    outcomes = clean_chunk([(r.raw, r.error, None) for r in records], DEFAULT)
    rows = [result_row(r, a, e) for r, (a, e) in zip(records, outcomes, strict=True)]
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=file_schema()), sink)
    back = pq.read_table(pa.BufferReader(sink.getvalue())).to_pylist()
    assert len(back) == len(records)
    for row, record in zip(back, records, strict=True):
        fields = json.loads(row["fields"])
        assert json.dumps(fields, sort_keys=True) == json.dumps(dict(record.fields), sort_keys=True)

"""Clean a Dask DataFrame or Bag: :class:`copydesk.batch.CleanBatch` mapped over partitions.

Needs the ``dask`` extra (``pip install "copydesk[dask]"``); Dask is imported only here, and
only when a function of this module runs. With a ``LocalCluster`` of worker processes, a
script needs an ``if __name__ == "__main__":`` guard (the workers re-import it).

>>> import copydesk.dask  # cheap: Dask itself is not imported yet
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from copydesk._columns import CleanBatch
from copydesk._engines import (
    FileCleaner,
    Job,
    file_schema,
    list_sources,
    parquet_inputs,
)

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd

__all__ = ["clean_bag", "clean_dataframe"]


def _module(name: str) -> Any:
    # Absolute imports always find the real dask, not this module; import_module keeps it lazy.
    return importlib.import_module(name)


def clean_dataframe(ddf: dd.DataFrame, **kw: Any) -> dd.DataFrame:
    """Clean the text column of ``ddf``, one pandas partition at a time; keywords as CleanBatch.

    The output's ``meta`` is stated, not guessed: it is CleanBatch applied to the empty
    ``ddf._meta``, so Dask never runs a partition just to learn the output's columns.
    """
    cleaner = CleanBatch(**kw)
    frame: Any = ddf  # dask's map_partitions is untyped
    cleaned: dd.DataFrame = frame.map_partitions(cleaner, meta=cleaner(frame._meta))
    return cleaned


def clean_bag(bag: db.Bag, **kw: Any) -> db.Bag:
    """Clean a bag of record dicts: each loses its text field and gains the article columns.

    A record without the text field becomes an error record; none is dropped.
    """
    records: Any = bag  # dask's map_partitions is untyped
    cleaned: db.Bag = records.map_partitions(CleanBatch(**kw).records)
    return cleaned


def _frame_lines(frame: Any) -> list[str]:
    """A pandas partition as JSON lines (Arrow turns its values into plain Python)."""
    import pyarrow as pa

    rows = pa.Table.from_pandas(frame, preserve_index=False).to_pylist()
    return [json.dumps(row, ensure_ascii=False, default=str) for row in rows]


def _rows_frame(rows: list[dict[str, Any]]) -> Any:
    """File rows as a pandas frame of Arrow dtypes: exact types, which Dask leaves alone
    (it would turn object columns, lists included, into strings)."""
    import pandas as pd

    schema = file_schema()
    return pd.DataFrame(
        {
            field.name: pd.Series(
                [row[field.name] for row in rows], dtype=pd.ArrowDtype(field.type)
            )
            for field in schema
        }
    )


def _file_rows(cleaner: FileCleaner, sources: Iterable[Mapping[str, str]]) -> list[dict[str, Any]]:
    return [row for s in sources for rows in cleaner.rows(s["path"], s["kind"]) for row in rows]


def _client(address: str | None, workers: int | None) -> tuple[Any, Any]:
    """A client of ``address``, or of a local cluster of worker processes (one per CPU)."""
    distributed = _module("distributed")
    if address is not None:
        return distributed.Client(address), None
    from copydesk.batch import default_jobs

    cluster = distributed.LocalCluster(
        n_workers=workers or default_jobs(),
        threads_per_worker=1,  # cleaning holds the GIL: processes, not threads, run in parallel
        processes=True,
        dashboard_address=None,
    )
    return distributed.Client(cluster), cluster


def run_job(job: Job) -> None:
    """Read, clean and write one CLI ``--engine dask`` run (blocks until it is written)."""
    dd = _module("dask.dataframe")
    bag_module = _module("dask.bag")
    client, cluster = _client(job.address, job.workers)
    try:
        parquet = parquet_inputs(job.inputs)
        pattern = os.path.join(job.output_dir, "part-*.jsonl")
        if parquet is not None:
            frame: Any = clean_dataframe(dd.read_parquet(parquet), **job.clean_kwargs())
            if job.output_format == "parquet":
                frame.to_parquet(job.output_dir, write_index=False)
            else:
                lines = frame.map_partitions(_frame_lines, meta=(None, "object"))
                lines.to_bag().to_textfiles(pattern, encoding="utf-8")
            return
        sources = list_sources(job.inputs, job.input_format)
        files = bag_module.from_sequence(sources, npartitions=max(1, len(sources)))
        rows = files.map_partitions(_file_rows_of, job.file_cleaner())
        if job.output_format == "parquet":
            delayed = _module("dask").delayed
            frames = [delayed(_rows_frame)(part) for part in rows.to_delayed()]
            table = dd.from_delayed(frames, meta=_rows_frame([]), verify_meta=False)
            table.to_parquet(job.output_dir, write_index=False, schema=file_schema())
        else:
            rows.map(lambda row: json.dumps(row, ensure_ascii=False)).to_textfiles(
                pattern, encoding="utf-8"
            )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _file_rows_of(
    sources: Iterable[Mapping[str, str]], cleaner: FileCleaner
) -> list[dict[str, Any]]:
    return _file_rows(cleaner, sources)

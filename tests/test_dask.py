"""copydesk.dask and ``copydesk clean --engine dask``: the local engine's rows, on Dask."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from copydesk import DEFAULT, Draft, step
from copydesk.batch import CleanBatch

from .engines import (
    MAX_BYTES,
    assert_same_rows,
    check_cli_engine,
    check_custom_pipeline,
    deadline,
    heavy,
    require,
    wait_for_children,
)
from .strategies_batch import engine_doc

#: Where kill_once records that it killed a worker (set by the test, read by the workers).
MARKER_ENV = "COPYDESK_TEST_KILL_MARKER"


@step("test.kill_once")
def kill_once(draft: Draft) -> Draft:
    """Kill the worker process the first time a document says KILL-ME (a crash, not an error)."""
    marker = os.environ.get(MARKER_ENV)
    if marker and "KILL-ME" in draft.text and not os.path.exists(marker):
        Path(marker).touch()
        os._exit(1)
    return draft


def _set_env(name: str, value: str | None) -> None:
    """Set (or with None, unset) an environment variable of the process that runs this."""
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


#: Minutes of engine start-up and 20,000-record runs: deselected unless asked for.
pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of two worker processes, one thread each, and its client."""
    require("dask.dataframe")
    distributed = require("distributed")
    require("pyarrow")
    with deadline(120):
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()
    wait_for_children()


def _rows(frame: Any) -> list[dict[str, Any]]:
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False).to_pylist()


@heavy
def test_clean_dataframe_equals_local_results(
    client: Any, parquet_shards: list[Path], parquet_expected: list[dict[str, Any]]
) -> None:
    """20,000 records in 8 Parquet shards through clean_dataframe: the local rows, each once."""
    import dask.dataframe as dd

    from copydesk.dask import clean_dataframe

    with deadline(300):
        frame = clean_dataframe(
            dd.read_parquet([str(p) for p in parquet_shards]), max_bytes=MAX_BYTES
        )
        rows = _rows(frame.compute())
    assert any(row["error"] for row in rows)
    assert_same_rows(rows, parquet_expected)


@heavy
def test_cli_engine_dask_equals_local_results(
    client: Any,
    engine_shards: list[Path],
    engine_expected: list[dict[str, Any]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--engine dask --address on the JSONL shards writes exactly the local rows, as JSONL."""
    argv = ["clean", *map(str, engine_shards), "--engine", "dask", "--format", "jsonl"]
    argv += ["--address", client.scheduler.address]
    check_cli_engine(argv, engine_expected, tmp_path / "out", "jsonl", "dask", capsys)


def test_a_killed_worker_loses_and_repeats_nothing(client: Any, tmp_path: Path) -> None:
    """A worker that dies mid-run: Dask retries its tasks, every record comes out once."""
    import dask.dataframe as dd
    import pandas as pd

    from copydesk.dask import clean_dataframe

    marker = tmp_path / "killed"
    # The workers that run now; the ones a nanny starts after the kill inherit its environment,
    # which is this process's (set below, before the kill).
    client.run(_set_env, MARKER_ENV, str(marker))
    os.environ[MARKER_ENV] = str(marker)
    try:
        texts = [engine_doc(i) for i in range(1200)]
        texts[700] += "\nKILL-ME\n"
        data = pd.DataFrame({"id": [f"k{i}" for i in range(1200)], "text": texts})
        pipeline = DEFAULT.insert_before("extract.front_matter", kill_once)
        with deadline(240):
            frame = dd.from_pandas(data, npartitions=12)
            rows = _rows(clean_dataframe(frame, pipeline=pipeline).compute())
        assert marker.exists(), "no worker was killed: the test tested nothing"
        expected = CleanBatch(pipeline=pipeline)({"id": list(data.id), "text": texts})
        want = [
            dict(zip(expected, values, strict=True))
            for values in zip(*expected.values(), strict=True)
        ]
        assert_same_rows(rows, want)
    finally:
        os.environ.pop(MARKER_ENV, None)
        client.run(_set_env, MARKER_ENV, None)


def test_clean_bag_keeps_every_record(client: Any) -> None:
    """clean_bag: a record without text or with a number for text becomes an error record."""
    import dask.bag as db

    from copydesk.dask import clean_bag

    records = [{"id": f"b{i}", "text": engine_doc(i), "n": i} for i in range(40)]
    records += [{"id": "no-text"}, {"id": "number", "text": 5}]
    with deadline(120):
        got = clean_bag(db.from_sequence(records, npartitions=4)).compute()
    assert got == CleanBatch().records(records)
    assert {r["id"]: r["error"] for r in got if r["error"]} == {
        "no-text": "MalformedRecord: the text value is missing",
        "number": "MalformedRecord: the text value is int, not str or bytes",
    }


def test_custom_pipeline_reaches_the_workers(tmp_path: Path) -> None:
    """--skip and --rules reach the workers of a cluster the CLI starts itself (Parquet out)."""
    require("distributed")
    check_custom_pipeline(tmp_path, "dask", "parquet", n=300, by_folder=True, extra=["-j", "2"])

"""copydesk.ray and ``copydesk clean --engine ray``: the same rows as the local engine, on Ray."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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

#: Minutes of engine start-up and 20,000-record runs: deselected unless asked for.
pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def ray() -> Iterator[Any]:
    """A local Ray of two CPUs for the module (it takes 4-12 s to start here)."""
    ray = require("ray")
    require("pyarrow")
    with deadline(120):
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()
    wait_for_children()


@heavy
def test_clean_dataset_equals_local_results(
    ray: Any, parquet_shards: list[Path], parquet_expected: list[dict[str, Any]]
) -> None:
    """20,000 records in 8 Parquet shards through clean_dataset: the local rows, each once."""
    from copydesk.ray import clean_dataset

    with deadline(300):
        ds = clean_dataset(
            ray.data.read_parquet([str(p) for p in parquet_shards]), max_bytes=MAX_BYTES
        )
        rows = ds.take_all()
    assert len(rows) > 19_000
    assert any(row["error"] for row in rows)
    assert_same_rows(rows, parquet_expected)


@heavy
def test_cli_engine_ray_equals_local_results(
    ray: Any,
    engine_shards: list[Path],
    engine_expected: list[dict[str, Any]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The CLI's --engine ray run writes, as Parquet shards, exactly the local engine's rows."""
    argv = ["clean", str(engine_shards[0].parent), "--engine", "ray", "--format", "parquet"]
    summary = check_cli_engine(argv, engine_expected, tmp_path / "out", "parquet", "ray", capsys)
    assert "errors by type: " in summary


def test_custom_pipeline_reaches_the_workers(ray: Any, tmp_path: Path) -> None:
    """--skip and --rules change what the Ray workers do, exactly as they change a local run."""
    check_custom_pipeline(tmp_path, "ray", "jsonl", n=400, by_folder=False)


def test_clean_dataset_is_lazy_and_typed(ray: Any) -> None:
    """clean_dataset on a small in-memory dataset: the declared schema, errors as rows."""
    import pyarrow as pa

    from copydesk.batch import CleanBatch
    from copydesk.ray import clean_dataset

    table = pa.table(
        {"id": ["a", "b"], "text": ["Rain expected\n\nHeavy rain is expected on Sunday.", None]}
    )
    with deadline(120):
        out = clean_dataset(ray.data.from_arrow(table)).to_arrow_refs()
        result = pa.concat_tables(ray.get(out))
    assert result.schema == CleanBatch().output_schema(table.schema)
    assert result.column("error").to_pylist() == [
        None,
        "MalformedRecord: the text value is missing",
    ]

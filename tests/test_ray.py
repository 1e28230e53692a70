"""copydesk.ray and ``copydesk clean --engine ray``: the same rows as the local engine, on Ray."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from copydesk.batch import make_pipeline
from copydesk.cli import main
from copydesk.rules import load_rules

from .engines import (
    MAX_BYTES,
    assert_same_rows,
    deadline,
    heavy,
    local_rows,
    read_output,
    require,
    wait_for_children,
    write_shards,
)
from .strategies_batch import ENGINE_RULES


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
    out = tmp_path / "out"
    argv = ["clean", str(engine_shards[0].parent), "--engine", "ray", "--format", "parquet"]
    with deadline(300):
        code = main([*argv, "--output-dir", str(out), "--max-bytes", str(MAX_BYTES)])
    assert code == 1  # some records are error records
    assert_same_rows(read_output(out, "parquet"), engine_expected)
    summary = capsys.readouterr().err
    assert "copydesk: 20,000 documents," in summary
    assert "on ray" in summary
    assert "errors by type: " in summary


def test_custom_pipeline_reaches_the_workers(ray: Any, tmp_path: Path) -> None:
    """--skip and --rules change what the Ray workers do, exactly as they change a local run."""
    shards = write_shards(tmp_path / "in", n=400, shards=2)
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text(ENGINE_RULES, "utf-8")
    out = tmp_path / "out"
    argv = ["clean", *map(str, shards), "--engine", "ray", "--format", "jsonl", "-q"]
    argv += ["--skip", "tidy.glued_sentences", "--rules", str(rules_file)]
    with deadline(240):
        main([*argv, "--output-dir", str(out), "--max-bytes", str(MAX_BYTES)])
    pipeline = make_pipeline(["tidy.glued_sentences"])
    expected = local_rows(shards, pipeline=pipeline, rules=load_rules(rules_file))
    got = read_output(out, "jsonl")
    assert_same_rows(got, expected)
    bodies = [row["body"] for row in got if row["body"]]
    assert all("Gazette desk" not in body for body in bodies)  # the user rule ran
    assert any(".Residents" in body for body in bodies)  # the skipped step did not


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

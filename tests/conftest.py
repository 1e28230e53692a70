"""Shared test configuration: hypothesis profiles and the location of ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# dev: quick local runs; ci: more examples, no deadline (CI machines are shared and noisy).
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

#: Set by .ci/run (and the GitHub workflow): the engine tests run, and fail if an engine is missing.
REQUIRE_ENGINES = "COPYDESK_REQUIRE_ENGINES"


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--engines``: also run the Ray and Dask tests, deselected by default."""
    parser.addoption(
        "--engines",
        action="store_true",
        help="also run the tests marked 'engines' (Ray and Dask: several minutes); "
        f"{REQUIRE_ENGINES}=1 does the same",
    )


def engines_wanted(config: pytest.Config) -> bool:
    """Whether this run includes the engine tests: --engines, -m naming them, or CI's variable."""
    return bool(
        config.getoption("--engines")
        or os.environ.get(REQUIRE_ENGINES) == "1"
        or "engines" in (config.getoption("-m") or "")
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the engine tests unless they were asked for."""
    if engines_wanted(config):
        return
    dropped = [item for item in items if item.get_closest_marker("engines")]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.get_closest_marker("engines")]


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Say which optional parts of the suite run: the engine tests and the ../shared data."""
    engines = "included" if engines_wanted(config) else "deselected (add --engines to run them)"
    data = "found" if (SHARED / "examples" / "expected.json").is_file() else "absent: tests skip"
    return [f"copydesk: Ray/Dask engine tests {engines}; ../shared data {data}"]


#: ../shared beside the repository (examples and corpus); absent on a user's machine.
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder, or skip the test with the reason when it is absent."""
    if not (SHARED / "examples" / "expected.json").is_file():
        pytest.skip(f"../shared is not beside the repository ({SHARED} not found)")
    return SHARED


@pytest.fixture(scope="session")
def engine_shards(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The 20,000-record JSONL data of the engine tests, in shards (bad records included)."""
    from .engines import write_shards

    return write_shards(tmp_path_factory.mktemp("engine-data") / "jsonl")


@pytest.fixture(scope="session")
def engine_expected(engine_shards: list[Path]) -> list[dict[str, object]]:
    """What the local engine makes of the JSONL shards, computed once for every engine test."""
    from .engines import local_rows

    return local_rows(engine_shards)


@pytest.fixture(scope="session")
def parquet_shards(engine_shards: list[Path]) -> list[Path]:
    """The same records as Parquet (id, text, url), without the lines JSON cannot hold.

    A non-string text becomes a null text; undecodable, broken and id-less lines are left out.
    """
    import json

    from .engines import require

    pa = require("pyarrow")
    pq = require("pyarrow.parquet")
    paths = []
    for shard in engine_shards:
        rows = []
        for line in shard.read_bytes().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if "id" not in record:
                continue
            text = record["text"] if isinstance(record["text"], str) else None
            rows.append({"id": record["id"], "text": text, "url": record["url"]})
        schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("url", pa.string())])
        path = shard.parent.parent / "parquet" / shard.with_suffix(".parquet").name
        path.parent.mkdir(exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def parquet_expected(
    parquet_shards: list[Path], engine_expected: list[dict[str, object]]
) -> list[dict[str, object]]:
    """The CleanBatch rows the Parquet shards must give: good rows from the local engine's
    results, error rows (a null or oversize text) from CleanBatch on this process."""
    from copydesk.batch import ARTICLE_COLUMNS, CleanBatch

    from .engines import MAX_BYTES, require

    pq = require("pyarrow.parquet")
    local = {row["id"]: row for row in engine_expected}
    cleaner = CleanBatch(max_bytes=MAX_BYTES)
    expected = []
    for path in parquet_shards:
        for row in pq.read_table(path).to_pylist():
            ref = local.get(row["id"])  # an oversize JSONL line has a PATH:LINE id
            if ref is not None and ref["error"] is None:
                article = {name: ref[name] for name, _ in ARTICLE_COLUMNS}
                expected.append({"id": row["id"], "url": row["url"], **article})
            else:
                batch = {k: [v] for k, v in row.items()}
                expected.append({k: v[0] for k, v in cleaner(batch).items()})
    return expected

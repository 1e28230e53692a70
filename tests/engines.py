"""Shared pieces of the distributed-engine tests: the guard, the deadline, the data, the check.

The engine tests skip when an engine is not installed, except in CI: ``.ci/run`` exports
``COPYDESK_REQUIRE_ENGINES=1``, and then a missing engine fails the test instead of skipping
it silently. Every engine test runs under :func:`deadline`, so a hang fails instead of
stalling the run.
"""

from __future__ import annotations

import faulthandler
import importlib
import json
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from copydesk._engines import result_row
from copydesk.batch import clean_records, iter_records
from copydesk.pipeline import Pipeline

from .strategies_batch import ENGINE_RULES, engine_line

#: The big runs: records, shards, and the size limit that makes some of them error records.
N_RECORDS = 20_000
N_SHARDS = 8
MAX_BYTES = 2048

#: The heavy runs go once, against the source tree (stage 1 of .ci/run); the installed wheel
#: (stage 5) runs the small engine tests only, which exercise the same code for a tenth of
#: the time.
heavy = pytest.mark.skipif(
    os.environ.get("COPYDESK_TEST_INSTALLED") == "1",
    reason="the 20,000-record engine runs go once, in stage 1 of .ci/run",
)


def require(name: str) -> ModuleType:
    """Import ``name``, or skip the test when it is missing (fail instead in CI)."""
    if os.environ.get("CI") and os.environ.get("COPYDESK_REQUIRE_ENGINES") == "1":
        return importlib.import_module(name)
    return pytest.importorskip(name)


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail with TimeoutError after ``seconds``; dump every thread's stack and exit if even
    that does not end the test (a hang inside C code) within another minute."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"the engine test took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    faulthandler.dump_traceback_later(seconds + 60, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        signal.alarm(0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


def wait_for_children(timeout: float = 20) -> None:
    """Wait until the processes this one started (an engine's daemons) have exited.

    An engine shut down still has its processes winding down for a few seconds; the tests
    after it, some of which bound a duration, should not share the CPUs with them.
    """
    me = str(os.getpid())
    stop = time.monotonic() + timeout
    while time.monotonic() < stop:
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if fields[1] == me and fields[0] != "Z":
                children.append(stat.parent.name)
        if not children:
            return
        time.sleep(0.2)


def write_shards(folder: Path, n: int = N_RECORDS, shards: int = N_SHARDS) -> list[Path]:
    """Write ``n`` lines of engine data in ``shards`` JSONL files; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{s:02d}.jsonl" for s in range(shards)]
    per = -(-n // shards)
    for s, path in enumerate(paths):
        path.write_bytes(b"".join(engine_line(i) for i in range(s * per, min(n, (s + 1) * per))))
    return paths


def local_rows(
    paths: Iterable[Path], *, pipeline: Pipeline | None = None, rules: object | None = None
) -> list[dict[str, Any]]:
    """What the local engine makes of the files: one row per record, in input order."""
    records = iter_records([str(p) for p in paths], max_bytes=MAX_BYTES)
    return [
        result_row(r.record, r.article, r.error)
        for r in clean_records(records, pipeline=pipeline, rules=rules, jobs=2)
    ]


def canon(row: Mapping[str, Any]) -> str:
    """A row as JSON text with sorted keys: what "byte for byte" compares."""
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def assert_same_rows(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    """Every expected row exactly once, equal byte for byte, and nothing else."""
    ids = [row["id"] for row in got]
    assert len(ids) == len(set(ids)), "some record came out more than once"
    want = {row["id"]: canon(row) for row in expected}
    assert len(want) == len(expected), "the expected rows repeat an id"
    have = {row["id"]: canon(row) for row in got}
    assert have.keys() == want.keys(), (
        f"lost {len(want.keys() - have.keys())}, invented {len(have.keys() - want.keys())}"
    )
    differ = [k for k in want if have[k] != want[k]]
    assert not differ, f"{len(differ)} rows differ, e.g. {have[differ[0]]} != {want[differ[0]]}"


def read_output(folder: Path, fmt: str) -> list[dict[str, Any]]:
    """The rows of an engine run's output shards (Parquet or JSONL)."""
    names = sorted(
        p for p in folder.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))
    )
    rows: list[dict[str, Any]] = []
    for name in names:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            rows.extend(pq.read_table(name).to_pylist())
        else:
            rows.extend(json.loads(line) for line in name.read_text("utf-8").splitlines() if line)
    return rows


def check_cli_engine(
    argv: list[str],
    expected: list[dict[str, Any]],
    out: Path,
    fmt: str,
    engine: str,
    capsys: pytest.CaptureFixture[str],
) -> str:
    """Run ``copydesk clean ARGV --output-dir OUT`` on an engine: it must write exactly the
    local engine's rows and print the summary of a local run. Returns that summary."""
    from copydesk.cli import main

    with deadline(300):
        code = main([*argv, "--output-dir", str(out), "--max-bytes", str(MAX_BYTES)])
    assert code == 1  # some records are error records
    assert_same_rows(read_output(out, fmt), expected)
    summary = capsys.readouterr().err
    assert "copydesk: 20,000 documents," in summary
    assert f"on {engine}" in summary
    return summary


def check_custom_pipeline(
    tmp_path: Path, engine: str, fmt: str, *, n: int, by_folder: bool, extra: Iterable[str] = ()
) -> None:
    """--skip and --rules change what an engine's workers do exactly as they change a local
    run: ``n`` records in two shards, named one by one or by their folder."""
    from copydesk.batch import make_pipeline
    from copydesk.cli import main
    from copydesk.rules import load_rules

    shards = write_shards(tmp_path / "in", n=n, shards=2)
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text(ENGINE_RULES, "utf-8")
    out = tmp_path / "out"
    inputs = [str(tmp_path / "in")] if by_folder else [str(p) for p in shards]
    argv = ["clean", *inputs, "--engine", engine, "--format", fmt, "-q"]
    argv += ["--skip", "tidy.glued_sentences", "--rules", str(rules_file), *extra]
    with deadline(240):
        main([*argv, "--output-dir", str(out), "--max-bytes", str(MAX_BYTES)])
    pipeline = make_pipeline(["tidy.glued_sentences"])
    expected = local_rows(shards, pipeline=pipeline, rules=load_rules(rules_file))
    got = read_output(out, fmt)
    assert_same_rows(got, expected)
    bodies = [row["body"] for row in got if row["body"]]
    assert all("Gazette desk" not in body for body in bodies)  # the user rule ran
    assert any(".Residents" in body for body in bodies)  # the skipped step did not

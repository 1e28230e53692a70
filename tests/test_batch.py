"""Tests of copydesk.batch: ordered parallel cleaning, bounded memory, resume, workers."""

from __future__ import annotations

import json
import os
import pickle
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import DEFAULT, Draft, Pipeline, PipelineError, RecordError, step
from copydesk.batch import (
    Record,
    Result,
    clean_records,
    completed_ids,
    make_pipeline,
    skip_completed,
)

from .strategies_batch import make_doc

_PARENT = os.getpid()


@step("test.explode")
def explode(draft: Draft) -> Draft:
    """Raise on documents that ask for it (a buggy step)."""
    if "EXPLODE" in draft.text:
        raise RuntimeError("boom")
    return draft


@step("test.die_in_worker")
def die_in_worker(draft: Draft) -> Draft:
    """Kill the worker process on documents that ask for it (a crash, not an exception)."""
    if "DIE" in draft.text and os.getpid() != _PARENT:
        os._exit(1)
    return draft


def _records(n: int) -> list[Record]:
    return [Record(f"doc-{i}", make_doc(i).encode()) for i in range(n)]


def _outputs(results: Iterator[Result]) -> list[dict[str, object]]:
    return [r.to_record() for r in results]


def test_parallel_output_equals_serial_output_in_order() -> None:
    """jobs=2 with small chunks yields exactly what jobs=1 yields, in input order."""
    records = _records(40)
    serial = _outputs(clean_records(records, jobs=1))
    parallel = _outputs(clean_records(records, jobs=2, chunksize=3))
    assert parallel == serial
    assert [r["id"] for r in parallel] == [f"doc-{i}" for i in range(40)]


def test_error_records_keep_their_place() -> None:
    """Records that failed to read pass through in position, as error records."""
    records = _records(10)
    records[4] = Record("bad", error=("InputTooLarge", "too big"))
    out = _outputs(clean_records(records, jobs=2, chunksize=2))
    assert out[4] == {"id": "bad", "error": {"type": "InputTooLarge", "message": "too big"}}
    assert all("article" in r for i, r in enumerate(out) if i != 4)


@pytest.mark.parametrize(
    ("raw", "error_type"),
    [
        (b"\x00\x01binary\x00", "BinaryInput"),
        ("text with EXPLODE in it", "RuntimeError"),
        (b"\xff\xfeH\x00i\x00", None),  # negative row: UTF-16 with a BOM is text
        ("plain calm text", None),  # negative row
    ],
)
def test_failures_cost_one_record(raw: str | bytes, error_type: str | None) -> None:
    """Binary input and a raising step give an error record; other records are unaffected."""
    pipeline = DEFAULT.insert_before("tidy.spaces", explode)
    results = list(clean_records([Record("x", raw), Record("y", "Fine.")], pipeline=pipeline))
    assert (results[0].error[0] if results[0].error else None) == error_type
    assert results[1].ok


def test_dead_worker_fails_its_chunks_and_the_run_goes_on() -> None:
    """A worker that dies takes only in-flight records with it; every record gets a result."""
    pipeline = DEFAULT.insert_before("tidy.spaces", die_in_worker)
    records = _records(60)
    records[2] = Record("poison", "DIE now")
    results = list(clean_records(records, pipeline=pipeline, jobs=2, chunksize=4))
    assert [r.record.id for r in results] == [r.id for r in records]
    assert not results[2].ok
    assert results[-1].ok  # chunks submitted after the crash ran in a fresh pool


def test_skip_reaches_the_workers() -> None:
    """A pipeline without a step is the pipeline the workers run."""
    pipeline = make_pipeline(["tidy.glued_sentences"])
    results = list(clean_records(_records(20), pipeline=pipeline, jobs=2, chunksize=2))
    rules = {e["rule"] for r in results for e in (r.article or {}).get("edits", [])}
    assert "tidy.glued_sentences" not in rules
    full = list(clean_records(_records(20), jobs=2, chunksize=2))
    assert "tidy.glued_sentences" in {e["rule"] for r in full for e in r.article["edits"]}


def test_pipelines_pickle_by_reference() -> None:
    """A pipeline with skips and a custom step survives pickling unchanged."""
    pipeline = DEFAULT.without("tidy.spaces").insert_before("tidy.glued_sentences", explode)
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone == pipeline
    assert clone.names == pipeline.names
    assert clone.steps[pipeline.names.index("test.explode")].func is explode.func


def test_in_flight_work_is_bounded() -> None:
    """When the first result comes out, only a few chunks have been read (constant memory)."""
    consumed = 0

    def source() -> Iterator[Record]:
        nonlocal consumed
        for i in range(10_000):
            consumed += 1
            yield Record(f"d{i}", "Short text.")

    results = clean_records(source(), jobs=2, chunksize=5)
    next(results)
    assert consumed <= (2 * 2 + 1) * 5
    results.close()


@pytest.mark.parametrize(("skip", "ok"), [(["tidy.spaces"], True), (["nope"], False), ([], True)])
def test_make_pipeline_checks_names(skip: list[str], ok: bool) -> None:
    """Unknown --skip names raise PipelineError listing the valid names."""
    if ok:
        assert set(make_pipeline(skip).names) == set(DEFAULT.names) - set(skip)
    else:
        with pytest.raises(PipelineError, match=r"valid names: repair\.mojibake"):
            make_pipeline(skip)


@pytest.mark.parametrize(("jobs", "chunksize"), [(0, 64), (2, 0)])
def test_bad_jobs_or_chunksize(jobs: int, chunksize: int) -> None:
    """jobs and chunksize below 1 are refused."""
    with pytest.raises(ValueError, match="at least 1"):
        list(clean_records([], jobs=jobs, chunksize=chunksize))


def test_carried_fields_never_overwrite_the_output_keys() -> None:
    """Carried fields sit beside id/article; reserved names go under 'carried'."""
    record = Record("a", fields={"url": "u", "id": "other", "error": 1})
    out = Result(record, {"title": None}).to_record()
    assert out == {"id": "a", "article": {"title": None}, "url": "u",
                   "carried": {"id": "other", "error": 1}}  # fmt: skip


def test_completed_ids_cuts_a_partial_line_and_counts_duplicates(tmp_path: Path) -> None:
    """Resume preparation drops the partial last line and counts ids as JSON."""
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n{"id": 1}\n{"id": "a"}\n{"id": "b", "art', "utf-8")
    done = completed_ids(str(out))
    assert done == Counter({'"a"': 2, "1": 1})
    assert out.read_text("utf-8").endswith('{"id": "a"}\n')
    records = [Record("a"), Record("1"), Record(1), Record("a"), Record("a"), Record("b")]
    assert [r.id for r in skip_completed(records, done)] == ["1", "a", "b"]


@pytest.mark.parametrize(
    ("content", "ok"),
    [("", True), ('{"id": 1}\n', True), ("garbage\n", False), ('{"no_id": 1}\n', False)],
)
def test_completed_ids_refuses_foreign_files(tmp_path: Path, content: str, ok: bool) -> None:
    """Resuming into a file copydesk did not write is refused with RecordError."""
    out = tmp_path / "out.jsonl"
    out.write_text(content, "utf-8")
    if ok:
        completed_ids(str(out))
    else:
        with pytest.raises(RecordError, match="not a copydesk output record"):
            completed_ids(str(out))


def test_completed_ids_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    """A first run with --resume starts from nothing."""
    assert completed_ids(str(tmp_path / "none.jsonl")) == Counter()


def test_results_serialise_to_json() -> None:
    """Every output record is JSON (published dates as ISO text)."""
    for result in clean_records(_records(3)):
        assert json.loads(json.dumps(result.to_record()))["id"] == result.record.id


def test_pipeline_type_is_kept() -> None:
    """make_pipeline returns a Pipeline built on the given base."""
    base = Pipeline((explode,))
    assert make_pipeline([], base=base) is base


@given(st.permutations(list(range(24))), st.sampled_from([1, 2]))
@settings(max_examples=15, deadline=None)
def test_shuffled_batch_gives_the_same_per_document_results(order: list[int], jobs: int) -> None:
    """Shuffling the documents of a batch changes only the order, never a document's result."""
    records = _records(24)
    plain = {r["id"]: r for r in _outputs(clean_records(records, jobs=1))}
    shuffled = _outputs(clean_records([records[i] for i in order], jobs=jobs, chunksize=5))
    assert [r["id"] for r in shuffled] == [f"doc-{i}" for i in order]
    assert {r["id"]: r for r in shuffled} == plain


# The parent of a pool: prints its workers' pids once they are working, then keeps cleaning.
_POOL_OWNER = """
import itertools, multiprocessing, sys
from copydesk.batch import Record, clean_records
records = (Record(i, raw="The port closed on Monday. The storm hit.") for i in itertools.count())
for n, _ in enumerate(clean_records(records, jobs=2, chunksize=4)):
    if n == 40:
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
"""


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, which nobody has reaped yet, has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads process states in /proc")
def test_workers_end_when_their_parent_is_killed() -> None:
    """After the pool's owner is SIGKILLed mid-run, its workers end within seconds."""
    import signal
    import subprocess
    import sys
    import time

    owner = subprocess.Popen([sys.executable, "-c", _POOL_OWNER], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in owner.stdout.readline().split()]  # type: ignore[union-attr]
        assert len(workers) == 2
        assert all(_alive(pid) for pid in workers)
    finally:
        owner.kill()
        owner.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # do not leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived their parent by 10 s"

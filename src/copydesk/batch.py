"""The streaming batch engine: clean many records in parallel, in order, losing none.

Used by the ``copydesk clean`` command and meant for any other driver: a distributed engine
maps :class:`CleanBatch` (columns in, columns out) over its partitions. Memory stays constant
in the number of documents: records are read lazily, sent to worker processes in chunks, and
at most a few chunks per worker are in flight; results come back in input order.

>>> from copydesk.batch import Record, clean_records
>>> raw = "Storm closes port\\n\\nThe port closed on Monday.The storm hit the coast hard."
>>> [r.to_record() for r in clean_records([Record("a", raw), Record("b", error=("E", "bad"))])][1]
{'id': 'b', 'error': {'type': 'E', 'message': 'bad'}}
"""

from __future__ import annotations

import json
import os
import signal
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any

import attrs

from copydesk._columns import ARTICLE_COLUMNS, CleanBatch
from copydesk._orphan import exit_with_parent
from copydesk._sources import DEFAULT_MAX_BYTES, Record, iter_records, total_bytes
from copydesk.clean import clean_article
from copydesk.errors import PipelineError, RecordError
from copydesk.pipeline import Pipeline
from copydesk.rules import Rules, load_rules
from copydesk.sites import fields_site

__all__ = [
    "ARTICLE_COLUMNS",
    "DEFAULT_CHUNKSIZE",
    "DEFAULT_MAX_BYTES",
    "CleanBatch",
    "Record",
    "Result",
    "binary_error",
    "clean_chunk",
    "clean_records",
    "completed_ids",
    "default_jobs",
    "iter_records",
    "load_rules_file",
    "make_pipeline",
    "skip_completed",
    "total_bytes",
]

#: Records sent to a worker at a time: ≥ 64 keeps the per-document IPC cost negligible.
DEFAULT_CHUNKSIZE = 64
#: Keys of an output record that carried fields may not take (they go under "carried").
RESERVED = frozenset(("id", "article", "error", "carried"))
# UTF-16/32 BOMs: NUL bytes after one of these are text, not binary.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")

Outcome = tuple[dict[str, Any] | None, tuple[str, str] | None]


@attrs.frozen(slots=True)
class Result:
    """The outcome for one input record: the Article as a dict, or an error ``(type, message)``."""

    record: Record
    article: dict[str, Any] | None = None
    error: tuple[str, str] | None = None

    @property
    def ok(self) -> bool:
        """True when the record was cleaned."""
        return self.error is None

    def to_record(self) -> dict[str, Any]:
        """The output record: ``id``, ``article`` (or ``error``), then the carried fields.

        A carried field whose name is reserved (``id``, ``article``, ``error``, ``carried``)
        is kept under ``"carried"`` instead, so that nothing is overwritten.
        """
        out: dict[str, Any] = {"id": self.record.id}
        if self.error is None:
            out["article"] = self.article
        else:
            out["error"] = {"type": self.error[0], "message": self.error[1]}
        clashes = {k: v for k, v in self.record.fields.items() if k in RESERVED}
        out.update((k, v) for k, v in self.record.fields.items() if k not in RESERVED)
        if clashes:
            out["carried"] = clashes
        return out


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_pipeline(skip: Sequence[str] = (), base: Pipeline | None = None) -> Pipeline:
    """The default pipeline (or ``base``) without the named steps or rules.

    Raises :class:`copydesk.PipelineError` naming every valid name when one is unknown.

    >>> "tidy.spaces" in make_pipeline(["tidy.spaces"]).names
    False
    """
    if base is None:
        from copydesk.default import DEFAULT

        base = DEFAULT
    known = set(base.names) | set(base.rule_names)
    unknown = [name for name in skip if name not in known]
    if unknown:
        valid = ", ".join((*base.names, *base.rule_names))
        raise PipelineError(f"unknown step or rule {unknown[0]!r}; valid names: {valid}")
    return base.without(*skip) if skip else base


def load_rules_file(path: str) -> Rules:
    """Load user rules from ``path`` (:func:`copydesk.rules.load_rules`).

    Raises :class:`copydesk.RulesError` when the file is malformed, ``OSError`` when it
    cannot be read.
    """
    return load_rules(path)


def binary_error(raw: str | bytes) -> tuple[str, str] | None:
    r"""The error of bytes that look binary (NUL bytes, no UTF-16/32 BOM), else None.

    >>> binary_error(b"PK\x03\x04\x00\x00"), binary_error(b"\xff\xfeH\x00i\x00")
    (('BinaryInput', 'the file holds NUL bytes: it looks binary, not text'), None)
    """
    if isinstance(raw, bytes) and b"\x00" in raw[:4096] and not raw.startswith(_WIDE_BOMS):
        return "BinaryInput", "the file holds NUL bytes: it looks binary, not text"
    return None


def _clean_one(
    raw: str | bytes, pipeline: Pipeline, rules: object | None, site: str | None = None
) -> Outcome:
    binary = binary_error(raw)
    if binary is not None:
        return None, binary
    try:
        return clean_article(raw, pipeline=pipeline, rules=rules, site=site).to_dict(), None
    except Exception as exc:  # a bug in a step must cost one record, not the run
        return None, (type(exc).__name__, str(exc))


#: One document to clean: its text, the error that already stops it, and its site.
Item = tuple[str | bytes | None, tuple[str, str] | None, str | None]


def clean_chunk(
    items: Sequence[Item], pipeline: Pipeline, rules: object | None = None
) -> list[Outcome]:
    """Clean ``(raw, error, site)`` items; items that already carry an error pass through."""
    return [
        (None, error)
        if error is not None or raw is None
        else _clean_one(raw, pipeline, rules, site)
        for raw, error, site in items
    ]


_WORKER: tuple[Pipeline, object | None] | None = None


def _init_worker(pipeline: Pipeline, rules: object | None) -> None:
    """Pool initializer: keep the pipeline, leave Ctrl-C to the parent process, and end
    with the parent (a killed parent must not leave idle workers behind)."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()
    _WORKER = (pipeline, rules)


def _worker_chunk(items: list[Item]) -> list[Outcome]:
    assert _WORKER is not None, "worker process was not initialised"
    return clean_chunk(items, *_WORKER)


def _payload(chunk: list[Record], site_field: str | None = None) -> list[Item]:
    """The items of ``chunk``, each with the site its fields name (``site_field``, else the
    host of a ``url`` field; else the document's own header names it, when cleaned)."""
    return [(r.raw, r.error, fields_site(r, site_field)) for r in chunk]


def _results(chunk: list[Record], outcomes: Iterable[Outcome]) -> Iterator[Result]:
    for record, (article, error) in zip(chunk, outcomes, strict=True):
        yield Result(attrs.evolve(record, raw=None), article, error)


def _collect(chunk: list[Record], future: Future[list[Outcome]]) -> Iterator[Result]:
    try:
        outcomes = future.result()
    except Exception as exc:  # a worker died (killed, out of memory): fail this chunk only
        error = (type(exc).__name__, f"the worker cleaning this record failed: {exc}")
        outcomes = [(None, error)] * len(chunk)
    yield from _results(chunk, outcomes)


def clean_records(
    records: Iterable[Record],
    *,
    pipeline: Pipeline | None = None,
    rules: object | None = None,
    jobs: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    site_field: str | None = None,
) -> Generator[Result, None, None]:
    """Clean ``records``, yielding one :class:`Result` per record, in input order.

    A record's site, for rules scoped to sites, is its ``site_field`` field, else the host of
    its ``url`` field, else the host its document's ``URL Source:`` header names.

    With ``jobs > 1`` the work runs in a process pool, ``chunksize`` records at a time, with at
    most ``2 * jobs`` chunks in flight. A run shorter than one chunk stays in this process.
    Closing the generator early (Ctrl-C, a closed pipe) cancels pending chunks and waits only
    for the running ones.
    """
    if pipeline is None:
        pipeline = make_pipeline()
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1 or chunksize < 1:
        raise ValueError(f"jobs and chunksize must be at least 1, got {jobs} and {chunksize}")
    it = iter(records)
    first = list(islice(it, chunksize))
    if jobs == 1 or len(first) < chunksize:
        for record in chain(first, it):
            items = _payload([record], site_field)
            yield from _results([record], clean_chunk(items, pipeline, rules))
        return

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(pipeline, rules))

    pool = new_pool()
    pending: deque[tuple[list[Record], Future[list[Outcome]]]] = deque()
    try:
        chunks = chain([first], iter(lambda: list(islice(it, chunksize)), []))
        for chunk in chunks:
            try:
                future = pool.submit(_worker_chunk, _payload(chunk, site_field))
            except BrokenProcessPool:  # a worker died: its chunks fail, the run goes on
                pool.shutdown(wait=False)
                pool = new_pool()
                future = pool.submit(_worker_chunk, _payload(chunk, site_field))
            pending.append((chunk, future))
            if len(pending) >= 2 * jobs:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _id_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def completed_ids(path: str) -> Counter[str]:
    """Prepare the JSONL output ``path`` for resuming; count the ids it already holds.

    A partially written last line (an interrupted write) is cut off first. Ids are counted as
    JSON text, so that ``1`` and ``"1"`` stay different, and duplicates stay counted.
    Raises :class:`copydesk.RecordError` when a complete line is not an output record.
    """
    done: Counter[str] = Counter()
    if not os.path.exists(path):
        return done
    with open(path, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            step = min(end, 1 << 16)
            f.seek(end - step)
            tail = f.read(step)
            cut = tail.rfind(b"\n")
            if cut >= 0:
                end = end - step + cut + 1
                break
            end -= step
        if end != size:
            f.truncate(end)
        f.seek(0)
        for lineno, line in enumerate(f, 1):
            try:
                record = json.loads(line)
                done[_id_key(record["id"])] += 1
            except (ValueError, KeyError, TypeError):
                raise RecordError(
                    f"{path} line {lineno} is not a copydesk output record; "
                    "resume only into a file that copydesk wrote"
                ) from None
    return done


def skip_completed(records: Iterable[Record], done: Counter[str]) -> Iterator[Record]:
    """Drop the records whose id ``done`` still counts (once per count), keep the rest."""
    for record in records:
        key = _id_key(record.id)
        if done[key] > 0:
            done[key] -= 1
            continue
        yield record

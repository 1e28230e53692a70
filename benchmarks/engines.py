"""Benchmark of the engines: throughput of Ray and Dask against the local process pool.

Measures, in one run, on the same data: the corpus in ../shared/corpus/docs (or --shared
PATH) repeated --scale times as JSONL shards, cleaned and written once by

- the local engine: ``copydesk clean SHARDS --jobs 2 -o FILE`` (in-process);
- Ray: ``ray.init(num_cpus=2)`` once, then the ``--engine ray`` job (Parquet shards out);
- Dask: a ``LocalCluster`` of 2 worker processes once, then the ``--engine dask`` job.

Engine start-up is timed apart from the jobs (a cluster is started once and used for many
jobs). Throughput is documents per second of the job; ratios are to the local engine.
Writes benchmarks/results/engines.json. Run: ``PYTHONPATH=src python benchmarks/engines.py``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import copydesk
from copydesk._engines import Job
from copydesk.cli import main
from copydesk.decode import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "engines.json"


def _write_shards(files: list[Path], folder: Path, scale: int, shards: int) -> int:
    texts = [decode_bytes(f.read_bytes())[0] for f in files]
    records = [
        json.dumps({"id": f"{k}-{f.stem}", "text": text})
        for k in range(scale)
        for f, text in zip(files, texts, strict=True)
    ]
    per = -(-len(records) // shards)
    for s in range(shards):
        part = records[s * per : (s + 1) * per]
        (folder / f"shard-{s:02d}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
    return len(records)


def _local(shards: list[str], out: Path, jobs: int) -> float:
    start = time.perf_counter()
    code = main(["clean", *shards, "--jobs", str(jobs), "-o", str(out), "-q"])
    if code != 0:
        raise SystemExit(f"benchmarks/engines.py: copydesk clean exited {code}")
    return time.perf_counter() - start


def _ray(shards: list[str], out: Path, jobs: int) -> tuple[float, float]:
    import ray

    from copydesk import ray as adapter

    start = time.perf_counter()
    ray.init(
        num_cpus=jobs, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR
    )
    startup = time.perf_counter() - start
    try:
        start = time.perf_counter()
        adapter.run_job(Job(inputs=tuple(shards), output_dir=str(out)))
        return startup, time.perf_counter() - start
    finally:
        ray.shutdown()


def _dask(shards: list[str], out: Path, jobs: int) -> tuple[float, float]:
    from distributed import LocalCluster

    from copydesk import dask as adapter

    start = time.perf_counter()
    cluster = LocalCluster(
        n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
    )
    startup = time.perf_counter() - start
    try:
        start = time.perf_counter()
        adapter.run_job(
            Job(inputs=tuple(shards), output_dir=str(out), address=cluster.scheduler_address)
        )
        return startup, time.perf_counter() - start
    finally:
        cluster.close()


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--scale", type=int, default=8, help="copies of the corpus (x879 docs)")
    parser.add_argument("--shards", type=int, default=8, help="JSONL shards to write")
    parser.add_argument("--jobs", type=int, default=2, help="processes / CPUs for every engine")
    args = parser.parse_args()
    docs = args.shared / "corpus" / "docs"
    files = sorted(docs.glob("*.txt")) if docs.is_dir() else []
    if not files:
        print(f"benchmarks/engines.py: no corpus in {docs}; pass --shared PATH", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        n = _write_shards(files, folder / "in", args.scale, args.shards)
        shards = sorted(str(p) for p in (folder / "in").glob("*.jsonl"))
        size = sum(os.path.getsize(p) for p in shards)
        print(f"{n:,} documents, {size / 1e6:.1f} MB in {len(shards)} shards", file=sys.stderr)
        local = _local(shards, folder / "local.jsonl", args.jobs)
        print(f"local: {n / local:,.1f} docs/s", file=sys.stderr)
        ray_start, ray_job = _ray(shards, folder / "ray", args.jobs)
        print(f"ray: {n / ray_job:,.1f} docs/s (start-up {ray_start:.1f} s)", file=sys.stderr)
        dask_start, dask_job = _dask(shards, folder / "dask", args.jobs)
        print(f"dask: {n / dask_job:,.1f} docs/s (start-up {dask_start:.1f} s)", file=sys.stderr)
    result = {
        "copydesk": copydesk.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "docs": n,
        "mb": round(size / 1e6, 2),
        "shards": len(shards),
        "jobs": args.jobs,
        "local_docs_per_s": round(n / local, 1),
        "ray_docs_per_s": round(n / ray_job, 1),
        "dask_docs_per_s": round(n / dask_job, 1),
        "ray_vs_local": round(local / ray_job, 2),
        "dask_vs_local": round(local / dask_job, 2),
        "ray_startup_s": round(ray_start, 1),
        "dask_startup_s": round(dask_start, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":  # the guard Dask's worker processes need
    sys.exit(run())

"""Benchmark of the batch engine: parallel speed-up and memory that stays flat as input grows.

Measures, in one run, on the corpus in ../shared/corpus/docs (or --shared PATH):

- throughput of ``copydesk clean DIR -o /dev/null`` with ``--jobs 1`` and ``--jobs 2``
  (in-process, best of --repeat runs each, interleaved), and the speed-up (target >= 1.7x
  on 2 cores);
- peak RSS of the command (main process, and the largest worker) on the corpus as one JSONL
  file at 1x and at --scale x its size (target: flat within 20%).

Writes benchmarks/results/batch.json. Run: ``PYTHONPATH=src python benchmarks/batch.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import copydesk
from copydesk.cli import main
from copydesk.decode import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "batch.json"
# Run in a child process: clean argv, then report peak RSS (KB) of itself and of its workers.
_RSS_CHILD = """
import json, resource, sys
from copydesk.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code,
    "main_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def _throughput(docs: Path, n_docs: int, jobs: int) -> float:
    start = time.perf_counter()
    code = main(["clean", str(docs), "--jobs", str(jobs), "-o", os.devnull, "-q"])
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"benchmarks/batch.py: copydesk clean exited {code}")
    return n_docs / elapsed


def _write_jsonl(files: list[Path], path: Path, scale: int) -> int:
    texts = [decode_bytes(f.read_bytes())[0] for f in files]
    with path.open("w", encoding="utf-8") as out:
        for k in range(scale):
            for f, text in zip(files, texts, strict=True):
                out.write(json.dumps({"id": f"{k}-{f.stem}", "text": text}) + "\n")
    return path.stat().st_size


def _peak_rss(path: Path, jobs: int) -> dict[str, int]:
    env = dict(os.environ)
    pkg = str(Path(copydesk.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [pkg, env.get("PYTHONPATH")]))
    argv = ["clean", str(path), "--jobs", str(jobs), "-o", os.devnull, "-q"]
    proc = subprocess.run(
        [sys.executable, "-c", _RSS_CHILD, *argv],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    result: dict[str, int] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def run(argv: list[str] | None = None) -> int:
    """Run the benchmark; return an exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--scale", type=int, default=20, help="size of the large run (x corpus)")
    parser.add_argument("--repeat", type=int, default=2, help="throughput runs per job count")
    parser.add_argument("--jobs", type=int, default=2, help="the parallel job count to compare")
    args = parser.parse_args(argv)
    docs = args.shared / "corpus" / "docs"
    files = sorted(docs.glob("*.txt"))
    if not files:
        print(f"benchmarks/batch.py: no corpus in {docs}; pass --shared PATH", file=sys.stderr)
        return 2
    print(f"corpus: {len(files)} documents, {sum(f.stat().st_size for f in files):,} bytes")

    main(["clean", str(files[0]), "-o", os.devnull, "-q"])  # warm up imports and profiles
    rates: dict[int, list[float]] = {1: [], args.jobs: []}
    for _ in range(args.repeat):
        for jobs in rates:
            rates[jobs].append(_throughput(docs, len(files), jobs))
            print(f"  --jobs {jobs}: {rates[jobs][-1]:.1f} docs/s")
    best = {jobs: max(r) for jobs, r in rates.items()}
    speedup = best[args.jobs] / best[1]
    print(f"speed-up --jobs {args.jobs} vs --jobs 1: {speedup:.2f}x")

    rss: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (1, args.scale):
            path = Path(tmp) / f"corpus_x{scale}.jsonl"
            size = _write_jsonl(files, path, scale)
            start = time.perf_counter()
            rss[f"x{scale}"] = {**_peak_rss(path, args.jobs), "input_bytes": size}
            rss[f"x{scale}"]["seconds"] = round(time.perf_counter() - start, 1)
            print(f"  x{scale} ({size:,} bytes): {rss[f'x{scale}']}")
    small, large = rss["x1"], rss[f"x{args.scale}"]
    growth = {k: large[k] / small[k] for k in ("main_kb", "worker_kb")}
    print(f"peak RSS x{args.scale} / x1: main {growth['main_kb']:.2f}, "
          f"worker {growth['worker_kb']:.2f}")  # fmt: skip

    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "copydesk": copydesk.__version__,
        "documents": len(files),
        "throughput_docs_per_s": {f"jobs_{j}": round(v, 1) for j, v in best.items()},
        "throughput_runs": {f"jobs_{j}": [round(v, 1) for v in r] for j, r in rates.items()},
        "speedup": round(speedup, 2),
        "speedup_target": 1.7,
        "peak_rss": rss,
        "rss_growth": {k: round(v, 3) for k, v in growth.items()},
        "rss_target": "growth <= 1.2",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(run())

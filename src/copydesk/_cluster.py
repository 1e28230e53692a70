"""``copydesk clean --engine ray|dask``: hand a run to a cluster, print the local summary line."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from copydesk._engines import ENGINES, Job, input_bytes, list_sources, output_errors, parquet_inputs
from copydesk._progress import Stats
from copydesk.pipeline import Pipeline

__all__ = ["run_on_engine"]

_EXTRA = {"ray": "ray", "dask": "dask"}


def _check(args: argparse.Namespace, usage: type[Exception]) -> None:
    if args.engine not in ENGINES:
        raise usage("--address needs --engine ray or --engine dask")
    if not args.output_dir:
        raise usage(f"--engine {args.engine} writes shards to a folder: give --output-dir DIR")
    if args.format not in ("parquet", "jsonl"):
        raise usage(f"--engine {args.engine} writes --format parquet or jsonl, not {args.format}")
    for flag, used in (("--resume", args.resume), ("--learn", args.learn)):
        if used:
            raise usage(f"{flag} works with the local engine only")
    if "-" in args.inputs:
        raise usage(f"--engine {args.engine} reads files its workers can reach, not '-'")
    if os.path.isdir(args.output_dir) and os.listdir(args.output_dir):
        raise usage(
            f"--output-dir {args.output_dir} is not empty; an engine run writes into a new folder"
        )


def run_on_engine(
    args: argparse.Namespace,
    pipeline: Pipeline,
    rules: object | None,
    usage: type[Exception],
) -> int:
    """Run ``copydesk clean`` on Ray or Dask; the exit code as the local engine gives it."""
    _check(args, usage)
    try:
        adapter = importlib.import_module(f"copydesk.{args.engine}")
        importlib.import_module(args.engine)
        importlib.import_module("pyarrow")
    except ImportError as exc:
        raise usage(
            f"--engine {args.engine} needs the {args.engine} extra "
            f"(pip install 'copydesk[{_EXTRA[args.engine]}]'): {exc}"
        ) from None
    job = Job(
        inputs=tuple(args.inputs),
        output_dir=args.output_dir,
        output_format=args.format,
        input_format=args.input_format,
        text_field=args.text_field,
        id_field=args.id_field,
        max_bytes=args.max_bytes,
        pipeline=pipeline,
        rules=rules,
        address=args.address,
        workers=args.jobs,
        site_field=args.site_field,
    )
    try:
        list_sources(job.inputs, job.input_format)
        parquet_inputs(job.inputs)
    except ValueError as exc:
        raise usage(str(exc)) from None
    stats = Stats()
    try:
        adapter.run_job(job)
    except Exception as exc:  # the engine's own failure: one line, not its traceback
        print(
            f"copydesk: the {args.engine} run failed: {type(exc).__name__}: {exc}", file=sys.stderr
        )
        return 1
    stats.docs, stats.errors = output_errors(args.output_dir, args.format)
    stats.nbytes = input_bytes(args.inputs)
    if not args.quiet:
        sys.stderr.write(stats.summary(note=f" on {args.engine}"))
    return 1 if stats.errors else 0

"""What the fuzz targets share: running one under atheris, or under the hypothesis fallback.

The fallback feeds the target the seed files first, then inputs drawn from a strategy until
the time budget (libFuzzer's ``-max_total_time=S``, 60 s by default) is spent.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Target = Callable[[bytes], None]


def max_total_time(argv: list[str]) -> float:
    """The ``-max_total_time=S`` budget among libFuzzer-style arguments (60 s without one)."""
    for arg in argv:
        if arg.startswith("-max_total_time="):
            return float(arg.split("=", 1)[1])
    return 60.0


def seeds(argv: list[str]) -> list[bytes]:
    """The files of every seed folder named in ``argv``, in name order."""
    return [p.read_bytes() for a in argv if Path(a).is_dir() for p in sorted(Path(a).iterdir())]


def fallback(
    target: Target,
    inputs: Callable[[list[bytes]], Any],
    argv: list[str],
    *,
    max_examples: int,
    label: str,
) -> None:  # pragma: no cover - used without atheris only
    """Run ``target`` on the seeds, then on ``inputs(seeds)`` (a strategy) until the budget."""
    from hypothesis import HealthCheck, given, settings

    found = seeds(argv)
    for seed in found:
        target(seed)
    count = len(found)
    end = time.monotonic() + max_total_time(argv)

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs(found))
    def run(data: bytes) -> None:
        nonlocal count
        count += 1
        target(data)

    while time.monotonic() < end:
        run()
    print(f"fallback fuzzing{label}: {count} inputs, no failure", file=sys.stderr)


def main(
    target: Target, inputs: Callable[[list[bytes]], Any], atheris: Any, **options: Any
) -> None:
    """Run ``target`` under atheris when it is installed, else under :func:`fallback`."""
    if atheris is None:
        fallback(target, inputs, sys.argv[1:], **options)
        return
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()

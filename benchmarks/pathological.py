"""Worst-case time: clean_article on the pathological inputs of tests/test_redos.py, and targets.

Run from the repository root::

    PYTHONPATH=src:. python benchmarks/pathological.py [--markdown]

For each input, at 100,000 and 200,000 characters: the best of five timings in CPU seconds
of this thread, with the garbage collector on, as users run it (a collection before each
run, so that every run starts alike), and the doubling ratio. Targets (issue 17): 200,000
characters in at most 0.5 s, and a ratio of at most 2.5 (linear is 2; quadratic 4). Exits
with status 1 when an input misses a target. ``--markdown`` prints the table that
RELIABILITY.md quotes. Then the cost of a 64 MB byte input under the default ``max_chars``
(only its head is decoded and cleaned).
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

from tests.test_redos import PATHOLOGICAL

from copydesk import clean_article

SMALL, LARGE = 100_000, 200_000
#: CPU seconds for LARGE characters, and the largest LARGE / SMALL time ratio.
MAX_SECONDS, MAX_RATIO = 0.5, 2.5


def cpu_best_of(runs: int, func: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``func()`` in CPU seconds of this thread, with the
    garbage collector on (it is part of what a user pays), after a collection each time."""
    times = []
    for _ in range(runs):
        gc.collect()
        began = time.thread_time()
        func()
        times.append(time.thread_time() - began)
    return min(times)


def main() -> int:
    """Time every pathological input at SMALL and LARGE characters; 1 if a target is missed."""
    markdown = "--markdown" in sys.argv[1:]
    clean_article("Warm-up: Café said on Monday that the port would reopen.\n" * 50)
    if markdown:
        print(f"| Input | s for {SMALL:,} | s for {LARGE:,} | ratio | target |")
        print("|---|---|---|---|---|")
    else:
        print(f"{'input':42} {'s 100K':>7} {'s 200K':>7} {'ratio':>6}  target")
    missed = 0
    for name, make in PATHOLOGICAL.items():
        small, large = make(SMALL), make(LARGE)
        clean_article(small[:2000])  # the input's own first-use costs (lazy tables) apart
        t_small = cpu_best_of(5, lambda text=small: clean_article(text))
        t_large = cpu_best_of(5, lambda text=large: clean_article(text))
        ratio = t_large / t_small if t_small > 0 else 1.0
        ok = t_large <= MAX_SECONDS and ratio <= MAX_RATIO
        missed += not ok
        verdict = "met" if ok else "**missed**" if markdown else "MISSED"
        if markdown:
            print(f"| {name} | {t_small:.3f} | {t_large:.3f} | ×{ratio:.2f} | {verdict} |")
        else:
            print(f"{name:42} {t_small:7.3f} {t_large:7.3f} {ratio:6.2f}  {verdict}")
    data = b"The port closed on Monday as the storm hit the coast.\n" * (64 * 2**20 // 54)
    began = time.perf_counter()
    article = clean_article(data)
    seconds = time.perf_counter() - began
    print(f"\n64 MB of bytes, default max_chars: {seconds:.2f} s, truncated={article.truncated}")
    print(
        f"targets: {LARGE:,} characters in <= {MAX_SECONDS} s CPU, ratio <= {MAX_RATIO}: ", end=""
    )
    print("all met" if not missed else f"{missed} missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

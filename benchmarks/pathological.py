"""Worst-case time per MB: clean_article on the pathological inputs of tests/test_redos.py.

Run from the repository root::

    PYTHONPATH=src:. python benchmarks/pathological.py [SIZE_MB]

Prints, for each input, the best of three timings (garbage collector paused, as in the
tests) and the seconds per MB of input, then the cost of a 64 MB byte input under the
default ``max_chars`` (only its head is decoded and cleaned).
"""

from __future__ import annotations

import sys
import time

from tests.test_redos import PATHOLOGICAL, best_of

from copydesk import clean_article


def main() -> None:
    """Time each pathological input at SIZE_MB megabytes (default 1)."""
    size_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    size = int(size_mb * 1_000_000)
    print(f"{'input':28} {'chars':>9} {'seconds':>8} {'s/MB':>6}")
    for name, make in PATHOLOGICAL.items():
        text = make(size)
        seconds = best_of(3, lambda text=text: clean_article(text))
        print(f"{name:28} {len(text):9d} {seconds:8.3f} {seconds / size_mb:6.3f}")
    data = b"The port closed on Monday as the storm hit the coast.\n" * (64 * 2**20 // 54)
    began = time.perf_counter()
    article = clean_article(data)
    seconds = time.perf_counter() - began
    print(f"64 MB of bytes, default max_chars: {seconds:.2f} s, truncated={article.truncated}")


if __name__ == "__main__":
    main()

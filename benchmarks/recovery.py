"""How often copydesk recovers the hidden truth of generated scraped documents.

Draws documents from ``tests/strategies_scraped.py`` (metadata, residue in several
languages, invisible damage, CRLF; here also residue under the footer and a layer of
mojibake) and counts, per field, how often the cleaner gives back exactly what was hidden.
Run from the repository root: ``python benchmarks/recovery.py [--examples N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from tests.strategies_meta import Doc  # noqa: E402
from tests.strategies_scraped import scraped_documents  # noqa: E402
from tests.test_scraped import recovered  # noqa: E402


def measure(examples: int, **kinds: bool) -> tuple[int, Counter[str]]:
    """Clean ``examples`` generated documents; count exact recoveries per field and overall."""
    hits: Counter[str] = Counter()
    seen = [0]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(scraped_documents(**kinds))
    def run(doc: Doc) -> None:
        got = recovered(doc)
        seen[0] += 1
        hits.update(k for k, ok in got.items() if ok)
        hits["all"] += all(got.values())

    run()
    return seen[0], hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/recovery.json")
    args = parser.parse_args()
    results = {}
    for name, kinds in {
        "residue between paragraphs, invisible damage, CRLF": {"bottom_residue": False},
        "+ residue under the footer": {"bottom_residue": True},
        "+ residue under the footer + mojibake layer": {"bottom_residue": True, "mojibake": True},
    }.items():
        n, hits = measure(args.examples, **kinds)
        rates = {k: hits[k] / n for k in sorted(hits)}
        results[name] = {"documents": n, **rates}
        print(f"{name}  ({n} documents)")
        for k, v in rates.items():
            print(f"  {k:<12} {v:6.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), "utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()

"""How often a second pass over the rendered article changes it, and why: corpus and mutants.

Run from the repository root, with ../shared beside it::

    PYTHONPATH=src python benchmarks/idempotence.py [N_MUTANTS]

For every corpus document, and for N_MUTANTS (default 2,000) mutants of them (a random slice
of up to 64 bytes replaced by up to 64 random bytes, as fuzz/fuzz_clean.py mutates; seeded,
so the same run gives the same mutants), it compares ``clean_article(raw)`` with
``clean_article(article.to_text())`` (title and paragraphs), and sorts the differences by
what the second pass did:

- ``repair.mojibake``: the second pass repaired mojibake the first left, because a control
  character (removed by ``repair.controls``, which runs later) split it;
- ``title``: the title changed (a title picked below the first line is not a title once
  rendered first);
- a rule name: the second pass took more lines, by that rule (windows that count body lines
  see other lines once a later step's removals are gone);
- ``other``: the paragraphs differ without any of these.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from copydesk import Article, clean_article

DOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "docs"


def cause(first: Article, again: Article) -> str | None:
    """Why the second pass differs from the first, or None when it does not."""
    if (again.title, again.paragraphs) == (first.title, first.paragraphs):
        return None
    if any(e.rule == "repair.mojibake" for e in again.edits):
        return "repair.mojibake"
    if again.title != first.title:
        return "title"
    taken = sorted({e.rule for e in again.edits if e.kind != "replaced"})
    return " + ".join(taken) if taken else "other"


def mutate(rng: random.Random, doc: bytes) -> bytes:
    """``doc`` with a random slice of up to 64 bytes replaced by up to 64 random bytes."""
    at, cut = rng.randrange(len(doc) + 1), rng.randrange(65)
    return doc[:at] + rng.randbytes(rng.randrange(65)) + doc[at + cut :]


def main() -> None:
    """Print the share of documents and mutants a second pass changes, by cause."""
    n_mutants = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    paths = sorted(DOCS.glob("*.txt"))
    if not paths:
        sys.exit(f"no corpus at {DOCS}")
    docs = [p.read_bytes() for p in paths]
    rng = random.Random(17)
    for label, inputs in (
        ("corpus documents", docs),
        ("mutants", [mutate(rng, rng.choice(docs)) for _ in range(n_mutants)]),
    ):
        causes: Counter[str] = Counter()
        for raw in inputs:
            first = clean_article(raw)
            why = cause(first, clean_article(first.to_text()))
            if why is not None:
                causes[why] += 1
        changed = sum(causes.values())
        print(f"{label}: {changed} of {len(inputs)} changed by a second pass", end="")
        print(f" ({changed / len(inputs):.1%})")
        for why, count in causes.most_common():
            print(f"  {count:5d}  {why}")


if __name__ == "__main__":
    main()

"""Progress and totals of a batch run, for a terminal: a one-line bar and a one-screen summary."""

from __future__ import annotations

import time
from collections import Counter
from typing import IO

from copydesk.batch import Result

__all__ = ["ProgressBar", "Stats"]

#: Ledger kinds that take text out of the body (what the summary counts per rule).
_TAKEN = ("removed", "extracted")
_TOP_RULES = 12


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Stats:
    """Running totals: documents, errors by type, lines taken out per rule, bytes."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.docs = 0
        self.errors: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.nbytes = 0

    def add(self, result: Result) -> None:
        """Count one result."""
        self.docs += 1
        self.nbytes += result.record.nbytes
        if result.error is not None:
            self.errors[result.error[0]] += 1
        elif result.article is not None:
            self.rules.update(
                e["rule"] for e in result.article.get("edits", ()) if e.get("kind") in _TAKEN
            )

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return max(time.monotonic() - self.started, 1e-9)

    def summary(self, *, note: str = "") -> str:
        """A few lines for stderr: counts, throughput, errors by type, the busiest rules."""
        n_err = sum(self.errors.values())
        rate = self.docs / self.elapsed
        mb = self.nbytes / self.elapsed / 1e6
        docs = "document" if self.docs == 1 else "documents"
        lines = [
            f"copydesk: {self.docs:,} {docs}, {self.docs - n_err:,} cleaned, "
            f"{n_err:,} errors in {self.elapsed:.1f} s ({rate:,.1f} docs/s, {mb:.2f} MB/s){note}"
        ]
        if self.errors:
            parts = ", ".join(f"{k} {v:,}" for k, v in self.errors.most_common())
            lines.append(f"  errors by type: {parts}")
        if self.rules:
            lines.append("  lines removed or extracted, by rule:")
            width = max(len(rule) for rule, _ in self.rules.most_common(_TOP_RULES))
            lines.extend(
                f"    {rule:<{width}}  {count:>8,}"
                for rule, count in self.rules.most_common(_TOP_RULES)
            )
            if len(self.rules) > _TOP_RULES:
                lines.append(f"    … and {len(self.rules) - _TOP_RULES} more rules")
        return "\n".join(lines) + "\n"


class ProgressBar:
    """Documents done, docs/s and an ETA (when the input size is known), redrawn in place.

    Redraws at most every ``interval`` seconds; ``close`` clears the line.
    """

    def __init__(
        self, stream: IO[str], *, total_bytes: int | None = None, interval: float = 0.2
    ) -> None:
        self.stream = stream
        self.total = total_bytes
        self.interval = interval
        self.last = float("-inf")  # the first update always draws
        self.shown = False

    def line(self, stats: Stats) -> str:
        """The text of the bar for ``stats``."""
        rate = stats.docs / stats.elapsed
        text = f"copydesk: {stats.docs:,} docs · {rate:,.1f} docs/s"
        if stats.errors:
            text += f" · {sum(stats.errors.values()):,} errors"
        if self.total and stats.nbytes:
            share = min(stats.nbytes / self.total, 1.0)
            eta = stats.elapsed * (1 - share) / share
            text += f" · {share:.0%} · ETA {_duration(eta)}"
        return text

    def update(self, stats: Stats) -> None:
        """Redraw the bar when the interval has passed."""
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        self.stream.write("\r\x1b[K" + self.line(stats))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the bar's line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

"""Progress and totals of a batch run, for a terminal: a one-line bar and a one-screen summary."""

from __future__ import annotations

import time
from collections import Counter
from typing import IO

from copydesk.batch import Result
from copydesk.limits import DEFAULT_MAX_CHARS, LIMIT_RULE

__all__ = ["RATE_MIN_SECONDS", "ProgressBar", "Stats", "plural"]

#: Ledger kinds that take text out of the body (what the summary counts per rule).
_TAKEN = ("removed", "extracted")
_TOP_RULES = 12
#: Rates (docs/s, MB/s) are shown only for runs at least this long: below it they measure
#: start-up, not throughput.
RATE_MIN_SECONDS = 1.0


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, in the plural unless ``n`` is 1.

    >>> plural(1, "error"), plural(0, "error"), plural(1_200, "document")
    ('1 error', '0 errors', '1,200 documents')
    """
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Stats:
    """Running totals: documents, errors by type, truncated documents, lines taken out per
    rule, bytes."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.docs = 0
        self.errors: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.nbytes = 0
        self.truncated = 0

    def add(self, result: Result) -> None:
        """Count one result."""
        self.docs += 1
        self.nbytes += result.record.nbytes
        if result.error is not None:
            self.errors[result.error[0]] += 1
        elif result.article is not None:
            if result.article.get("truncated"):
                self.truncated += 1
            self.rules.update(
                e["rule"] for e in result.article.get("edits", ()) if e.get("kind") in _TAKEN
            )

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return max(time.monotonic() - self.started, 1e-9)

    def summary(self, *, note: str = "") -> str:
        """A few lines for stderr: counts, throughput, errors by type, the busiest rules.

        Rates appear only for a run of at least ``RATE_MIN_SECONDS``, MB/s only when bytes
        were counted.

        >>> stats = Stats()
        >>> stats.docs, stats.errors["FileNotFoundError"] = 1, 1
        >>> print(stats.summary().replace(f"{stats.elapsed:.1f} s", "T s"), end="")
        copydesk: 1 document, 0 cleaned, 1 error in T s
          errors by type: FileNotFoundError 1
        """
        n_err = sum(self.errors.values())
        elapsed = self.elapsed
        head = (
            f"copydesk: {plural(self.docs, 'document')}, {self.docs - n_err:,} cleaned, "
            f"{plural(n_err, 'error')}"
        )
        if self.truncated:
            head += f", {self.truncated:,} truncated"
        head += f" in {elapsed:.1f} s"
        if elapsed >= RATE_MIN_SECONDS and self.docs:
            rates = [f"{self.docs / elapsed:,.1f} docs/s"]
            if self.nbytes:
                rates.append(f"{self.nbytes / elapsed / 1e6:.2f} MB/s")
            head += f" ({', '.join(rates)})"
        lines = [head + note]
        if self.errors:
            parts = ", ".join(f"{k} {v:,}" for k, v in self.errors.most_common())
            lines.append(f"  errors by type: {parts}")
        if self.truncated:
            lines.append(
                f"  {plural(self.truncated, 'document')} cut to their first "
                f"{DEFAULT_MAX_CHARS:,} characters (the rest is the {LIMIT_RULE} ledger edit)"
            )
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
            text += f" · {plural(sum(stats.errors.values()), 'error')}"
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

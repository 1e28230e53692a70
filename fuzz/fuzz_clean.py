"""Fuzz ``clean_article`` on arbitrary bytes and strings, checking its laws on every input.

With atheris (coverage-guided, libFuzzer options)::

    pip install atheris
    PYTHONPATH=src python fuzz/fuzz_clean.py -max_total_time=60 -max_len=4096 fuzz/seeds

(give a writable corpus folder before ``fuzz/seeds`` to keep what it finds). Without
atheris the same script falls back to a hypothesis-driven random byte loop, taking
``-max_total_time=SECONDS`` too. Any failure prints the input; pin it as an ``@example``
in ``tests/test_fuzz.py`` (or the law it breaks).

Checked on each input, as bytes and as text: no exception; the ledger reconstructs the text
(``ledger_problems``); the JSON encodes as UTF-8 and its round-trip is exact; ``truncated``
agrees with the ledger.
The first byte also picks a small ``max_chars`` now and then, to exercise the size limit.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared harness beside this file
import _harness as harness

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the machine
    atheris = None

if atheris is not None:
    with atheris.instrument_imports():
        from copydesk import DEFAULT, Article
        from copydesk.clean import finish, start
        from copydesk.ledger import ledger_problems
else:
    from copydesk import DEFAULT, Article
    from copydesk.clean import finish, start
    from copydesk.ledger import ledger_problems


def max_chars_for(data: bytes) -> int | None:
    """A small limit for one input in eight (from its first byte), else the default."""
    if data and data[0] % 8 == 0:
        return data[0] // 8 * 16
    return 5_000_000


def check(raw: str | bytes, max_chars: int | None) -> None:
    """Clean ``raw`` and assert the laws that must hold for every input."""
    draft = DEFAULT.apply(start(raw, max_chars=max_chars))
    problems = ledger_problems(draft)
    if problems:
        raise AssertionError(f"ledger problems {problems} for {raw!r}")
    article = finish(draft)
    article.to_json().encode("utf-8")  # must be writable as UTF-8 (lone surrogates escaped)
    if Article.from_json(article.to_json()) != article:
        raise AssertionError(f"JSON round-trip differs for {raw!r}")
    cut = any(e.rule == "limit.max_chars" for e in article.edits)
    if article.truncated != cut:
        raise AssertionError(f"truncated={article.truncated} but ledger cut={cut} for {raw!r}")


def test_one_input(data: bytes) -> None:
    """The fuzz target: the bytes themselves, then the same bytes read as text."""
    limit = max_chars_for(data)
    check(data, limit)
    check(data.decode("utf-8", "surrogateescape"), limit)


def inputs(seeds: list[bytes]) -> object:  # pragma: no cover - used without atheris only
    """Random bytes, and the seeds with a random slice replaced by random bytes."""
    from hypothesis import strategies as st

    return st.one_of(st.binary(max_size=4096), st.sampled_from(seeds or [b""]).flatmap(mutate))


def mutate(seed: bytes) -> object:  # pragma: no cover - used without atheris only
    """A strategy of ``seed`` with a random slice replaced by random bytes."""
    from hypothesis import strategies as st

    return st.tuples(st.integers(0, len(seed)), st.integers(0, 64), st.binary(max_size=64)).map(
        lambda t: seed[: t[0]] + t[2] + seed[t[0] + t[1] :]
    )


def main() -> None:
    """Run atheris when installed, else the hypothesis fallback."""
    harness.main(test_one_input, inputs, atheris, max_examples=500, label="")


if __name__ == "__main__":
    main()

"""Worst-case time: every compiled pattern of the package, and clean_article on hostile input.

The patterns are collected by importing every module of copydesk, so patterns added later
are audited without touching this file. See ``tests/regex_audit.py`` for what the static
check can and cannot see.
"""

from __future__ import annotations

import gc
import re
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
import regex

import copydesk
from copydesk import clean_article

from .regex_audit import (
    adversarial_texts,
    package_patterns,
    parse,
    slowest,
    static_problems,
)

PATTERNS = package_patterns(copydesk)

#: Patterns allowed to keep a shape the static check flags, with the reason; the timing
#: check still applies to them. Empty: keep it so unless the reason is written here.
EXEMPT: dict[str, str] = {}

#: finditer over one 100 KB adversarial text must finish within this (seconds); linear
#: patterns take 1-30 ms here, quadratic ones tens of seconds.
BOUND = 1.0


def test_patterns_are_collected() -> None:
    """The walk over the package finds the patterns of several modules, by qualified name."""
    assert "copydesk.repair.LINE_BREAK_RE" in PATTERNS
    assert "copydesk.tidy.GLUED_RE" in PATTERNS
    assert len({name.rsplit(".", 1)[0] for name in PATTERNS}) >= 3


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_dangerous_shape(name: str) -> None:
    """No pattern nests an unbounded repeat over a repeat, or crosses newlines after (?m)^."""
    problems = static_problems(PATTERNS[name])
    if name in EXEMPT:
        assert problems, f"{name} is exempt but has no problem: drop it from EXEMPT"
    else:
        assert problems == []


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_fast_on_adversarial_text(name: str) -> None:
    """finditer over every 100 KB adversarial text built for the pattern takes under a second."""
    seconds, label = slowest(PATTERNS[name], budget=2 * BOUND)
    assert seconds < BOUND, f"{name} took {seconds:.2f} s on {label}"


# -- the checker itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        (r"(a+)+", True),
        (r"(\w+\s?)*$", True),
        (r"(?:\d+,?)+x", True),
        (r"(?P<word>[a-z]+ ?){2,}", True),
        (r"(?x) ( a + ) +  # verbose", True),
        (r"(?m)^\s*(?:Share|Tweet)", True),
        (r"(?m)^(?:\s|-)*x", True),
        (r"(?m)^(?=x)\s+y", True),
        (r"(?m)^.*x", False),  # negative: "." does not cross newlines without DOTALL
        (r"(?ms)^.*x", True),
        (r"(?m)^[ \t]*x", False),  # negative: horizontal space only
        (r"(?m)^\s{0,3}x", False),  # negative: bounded
        (r"(?:\s+\w+){0,5}", False),  # negative: bounded outer repeat (left to timing)
        (r"(?>a+)+", False),  # negative: atomic group
        (r"(?:a++)+", False),  # negative: possessive inner repeat
        (r"[(]+(a)*", False),  # negative: brackets in a class are not groups
        (r"\(+a*", False),  # negative: escaped parenthesis
        (r"\s*x", False),  # negative: no (?m)^ (timing catches this one on spaces)
    ],
)
def test_static_checker(source: str, flagged: bool) -> None:
    """The static check flags nested and newline-crossing repeats and nothing else."""
    assert bool(static_problems(regex.compile(source))) == flagged


def test_parser_reads_groups_and_quantifiers() -> None:
    """The parser sees group kinds and quantifier bounds, including {n,} and lazy ones."""
    nodes = list(parse(re.compile(r"(?:ab){2,}?(?<=b)c{,3}\d+")).walk())
    bounds = [(n.source, n.group, n.lo, n.hi) for n in nodes[1:]]
    assert bounds == [
        ("(?:ab){2,}?", "(?:", 2, None),
        ("a", "", 1, 1),
        ("b", "", 1, 1),
        ("(?<=b)", "(?<=", 1, 1),
        ("b", "", 1, 1),
        ("c{,3}", "", 0, 3),
        (r"\d+", "", 1, None),
    ]


def test_adversarial_texts_use_the_pattern_alphabet() -> None:
    """The texts include runs of the characters the pattern's atoms accept, at full size."""
    texts = adversarial_texts(regex.compile(r"[«“]\p{Cyrillic}+[»”]"), size=1000)
    assert "run '«'" in texts
    assert "run 'ж'" in texts
    assert all(len(t) == 1000 for t in texts.values())


@pytest.mark.parametrize(
    ("pattern", "slow"),
    [
        (re.compile(r"(?m)^\s*x"), True),  # quadratic on blank lines
        (re.compile(r"\s+x"), True),  # quadratic on a run of spaces
        (re.compile(r"(\w+\s?)*$"), True),  # exponential on a near-match
        (re.compile(r"(?m)^[ \t]*x"), False),  # negative
        (re.compile(r"\bx\w{0,20}"), False),  # negative
    ],
)
def test_timing_catches_known_traps(pattern: re.Pattern[str], slow: bool) -> None:
    """The adversarial texts make known quadratic and exponential patterns blow the budget."""
    seconds, _ = slowest(pattern, budget=0.3)
    assert (seconds > 0.25) == slow


# -- clean_article on pathological input ---------------------------------------------------------

PROSE = "The minister said on Monday that the new policy would help farmers across the region. "

# Every in-line repair at once: mojibake (Ã©, â€œ...â€\x9d), NBSP, doubled spaces, glued.
_MIXED = "CafÃ© said\u00a0 it.Then â€œsoâ€\x9d  end.Next  "


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


#: Inputs that stress one part of the pipeline each, by size in characters.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "one character, no newline": lambda n: "a" * n,
    "all newlines": lambda n: "\n" * n,
    "all spaces": lambda n: " " * n,
    "alternating a.": lambda n: "a." * (n // 2),
    "one line of prose": lambda n: (PROSE * (n // len(PROSE) + 1))[:n],
    "short lines": lambda n: "Word ab\n" * (n // 8),
    "CRLF only": lambda n: "\r\n" * (n // 2),
    "mojibake lines": lambda n: "CafÃ© â€œnoirâ€\x9d ok\n" * (n // 20),
    "one-character lines": lambda n: "a\n" * (n // 2),
    # Several in-line repairs on the same line: each step alone is linear, but every edit
    # maps its offsets through the earlier edits of its line (quadratic once, issue 17).
    "glued sentences, doubled spaces": lambda n: _repeat("Word word end.Next word  ", n),
    "glued, spaces, NBSP, mojibake, one line": lambda n: _repeat(_MIXED, n),
    "glued, spaces, NBSP, mojibake, lines": lambda n: _repeat(_MIXED + "\n", n),
}


def best_of(runs: int, func: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``func()``, in CPU seconds of this thread: other
    processes on a shared machine do not stretch it, nor do threads an engine test left
    running in this process (Ray's, Dask's), and the minimum beats what noise is left.

    The garbage collector is paused while timing: its full passes scale with everything the
    earlier tests left alive, not with the input, and would blur the growth rate measured.
    """
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            began = time.thread_time()
            func()
            times.append(time.thread_time() - began)
    finally:
        gc.enable()
    return min(times)


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
def test_clean_article_grows_linearly(kind: str) -> None:
    """Doubling a pathological input (100 KB to 200 KB) at most about doubles the time."""
    make = PATHOLOGICAL[kind]
    small, large = make(100_000), make(200_000)
    t_small = best_of(3, lambda: clean_article(small))
    t_large = best_of(3, lambda: clean_article(large))
    # Linear is 2x, quadratic 4x; 3x plus 30 ms of slack keeps a shared machine from flaking.
    assert t_large <= 3.0 * t_small + 0.03, f"{t_small:.3f} s -> {t_large:.3f} s"


def test_loaded_models_leave_little_for_the_garbage_collector() -> None:
    """After a warm clean in a fresh process, the objects the collector tracks stay few: each
    full collection walks them all, so 87,000 lists of language profiles once cost two
    thirds of the time of cleaning 100,000 one-letter lines (issue 17)."""
    code = (
        "import gc; from copydesk import clean_article; "
        "clean_article('Café said it.\\nThe minister said on Monday that the policy would "
        "help farmers across the region.'); gc.collect(); print(len(gc.get_objects()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) < 60_000

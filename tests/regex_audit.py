"""A small, honest audit of regular expressions for catastrophic backtracking (ReDoS).

Three parts, used by ``tests/test_redos.py``:

* :func:`package_patterns` imports every module of a package and collects the compiled
  patterns (``re`` and ``regex``) held at module level, or one or two levels down in
  module-level containers and records (a tuple of rule objects, a dict of patterns). Patterns
  compiled inside functions or ``__init__`` methods are not seen.
* :func:`static_problems` parses a pattern's source into a tree of atoms and groups and
  reports two shapes known to blow up: an unbounded quantifier over a group that itself
  holds a repeat (``(a+)+``, ``(\\w+\\s?)*``), and, in a ``(?m)`` pattern, an unbounded repeat
  that can match a newline right after ``^`` (``(?m)^\\s*x`` is quadratic on blank lines).
  It is a lint, not a proof: possessive quantifiers and atomic groups are taken as safe,
  bounded nesting (``(?:\\w{1,20}\\s){1,4}``) and overlapping alternatives (``(a|a)*``) are
  left to the timing check.
* :func:`adversarial_texts` builds, for one pattern, long strings out of the characters its
  own atoms accept (runs of one character, alternations of neighbours, repeated near-matches),
  and :func:`slowest` times ``finditer`` over each under a SIGALRM budget.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import FunctionType, ModuleType
from typing import Any

import regex

from copydesk._lazy import LazyPattern

Pattern = Any  # re.Pattern[str] | regex.Pattern[str]
_PATTERN_TYPES = (re.Pattern, type(regex.compile("")))

# -- collecting ------------------------------------------------------------------------------


def _patterns_in(obj: object, path: str, depth: int) -> Iterator[tuple[str, Pattern]]:
    if isinstance(obj, LazyPattern):  # a module-level pattern compiled on first use
        obj = obj.compiled()
    if isinstance(obj, _PATTERN_TYPES):
        yield path, obj
        return
    if depth == 0 or isinstance(obj, (str, bytes, type, ModuleType, FunctionType)):
        return
    if isinstance(obj, dict):
        items: list[tuple[str, object]] = [(f"{path}[{k!r}]", v) for k, v in obj.items()]
    elif isinstance(obj, (tuple, list, frozenset, set)):
        items = [(f"{path}[{i}]", v) for i, v in enumerate(obj)]
    else:
        names = getattr(type(obj), "__slots__", ()) or list(getattr(obj, "__dict__", {}))
        items = [(f"{path}.{n}", getattr(obj, n, None)) for n in names if isinstance(n, str)]
    for sub, value in items:
        yield from _patterns_in(value, sub, depth - 1)


def package_patterns(package: ModuleType) -> dict[str, Pattern]:
    """Return ``{"module.NAME": pattern}`` for every pattern a package holds at module level."""
    found: dict[str, Pattern] = {}
    seen: set[int] = set()
    modules = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.endswith("__main__"):
            continue
        modules.append(importlib.import_module(info.name))
    for module in modules:
        for name, value in sorted(vars(module).items()):
            if name.startswith("__"):
                continue
            for path, pattern in _patterns_in(value, f"{module.__name__}.{name}", 3):
                if id(pattern) not in seen and isinstance(pattern.pattern, str):
                    seen.add(id(pattern))
                    found[path] = pattern
    return found


# -- parsing -----------------------------------------------------------------------------------


@dataclass
class Node:
    """An atom (``source`` is its text) or a group (``alternatives`` of node sequences)."""

    source: str
    quantifier: str = ""  # the quantifier text at the end of ``source``
    lo: int = 1
    hi: int | None = 1  # None: unbounded
    possessive: bool = False
    group: str = ""  # "", "(", "(?:", "(?>", "(?=", "(?!", "(?<=", "(?<!", ...
    alternatives: list[list[Node]] = field(default_factory=list)

    @property
    def repeats(self) -> bool:
        """True when the quantifier lets the node match more than once."""
        return self.hi is None or self.hi > 1

    @property
    def is_group(self) -> bool:
        """True for a group of any kind."""
        return bool(self.group)

    @property
    def inner(self) -> str:
        """The source without its quantifier."""
        return self.source[: len(self.source) - len(self.quantifier)]

    @property
    def zero_width(self) -> bool:
        """True for anchors and lookarounds, which consume nothing."""
        return self.group in ("(?=", "(?!", "(?<=", "(?<!") or self.inner in ("^", "$")

    def walk(self) -> Iterator[Node]:
        """Yield this node and every node inside it."""
        yield self
        for alt in self.alternatives:
            for node in alt:
                yield from node.walk()


# The opening of a group: capturing, named, non-capturing, lookaround, atomic, branch reset,
# scoped flags, conditional.
_GROUP_HEAD_RE = re.compile(r"\((?:\?(?:P?<\w+>|<=|<!|[:=!>|]|[aiLmsuxV01-]+:|\(\w+\))?)?")
_QUANT_RE = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_ESCAPE_BRACED = "pPNxu"


class _Parser:
    def __init__(self, source: str, verbose: bool) -> None:
        self.s = source
        self.i = 0
        self.verbose = verbose

    def parse(self) -> Node:
        return Node(self.s, group="(?:", alternatives=self._alternatives())

    def _alternatives(self) -> list[list[Node]]:
        alts: list[list[Node]] = [[]]
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == ")":
                break
            if c == "|":
                self.i += 1
                alts.append([])
                continue
            if self.verbose and c.isspace():
                self.i += 1
                continue
            if self.verbose and c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
                continue
            start = self.i
            node = self._atom()
            if node is not None:
                at = self.i
                self._quantifier(node)
                node.source, node.quantifier = self.s[start : self.i], self.s[at : self.i]
                alts[-1].append(node)
        return alts

    def _atom(self) -> Node | None:
        s, start = self.s, self.i
        c = s[start]
        if c == "\\":
            self.i += 2
            nxt = s[start + 1 : start + 2]
            if nxt in _ESCAPE_BRACED and s[self.i : self.i + 1] == "{":
                self.i = s.index("}", self.i) + 1
            elif nxt in "pP":
                self.i += 1
            elif nxt == "x":
                self.i += 2
            elif nxt == "u":
                self.i += 4
            elif nxt == "U":
                self.i += 8
            elif nxt.isdigit():
                while self.i < len(s) and s[self.i].isdigit():
                    self.i += 1
            return Node(s[start : self.i])
        if c == "[":
            self.i += 1
            if s[self.i : self.i + 1] == "^":
                self.i += 1
            if s[self.i : self.i + 1] == "]":
                self.i += 1
            while self.i < len(s) and s[self.i] != "]":
                if s[self.i] == "\\":
                    self.i += 1
                elif s.startswith("[:", self.i):
                    self.i = s.index(":]", self.i) + 1
                self.i += 1
            self.i += 1
            return Node(s[start : self.i])
        if c == "(":
            if s.startswith("(?#", start):
                self.i = s.index(")", start) + 1
                return None
            flags = re.match(r"\(\?[aiLmsuxV01-]+\)", s[start:])
            if flags:  # inline flags for the whole pattern
                self.i += len(flags.group())
                if "x" in flags.group():
                    self.verbose = True
                return None
            if s.startswith("(?P=", start):
                self.i = s.index(")", start) + 1
                return Node(s[start : self.i])
            head = _GROUP_HEAD_RE.match(s, start)
            assert head is not None
            text = head.group()
            self.i = head.end()
            alts = self._alternatives()
            self.i += 1  # the closing ")"
            capturing = text == "(" or (text.startswith(("(?P<", "(?<")) and text[-1] == ">")
            return Node(s[start : self.i], group="(" if capturing else text, alternatives=alts)
        self.i += 1
        return Node(c)

    def _quantifier(self, node: Node) -> None:
        s = self.s
        while self.verbose and self.i < len(s) and s[self.i].isspace():
            self.i += 1
        c = s[self.i : self.i + 1]
        if c == "*":
            node.lo, node.hi = 0, None
        elif c == "+":
            node.lo, node.hi = 1, None
        elif c == "?":
            node.lo, node.hi = 0, 1
        elif c == "{" and (m := _QUANT_RE.match(s, self.i)) and (m.group(1) or m.group(3)):
            lo = int(m.group(1) or 0)
            hi = None if m.group(2) and not m.group(3) else int(m.group(3) or lo)
            node.lo, node.hi = lo, hi
            self.i = m.end() - 1
        else:
            return
        self.i += 1
        if s[self.i : self.i + 1] == "+":
            node.possessive = True
            self.i += 1
        elif s[self.i : self.i + 1] == "?":
            self.i += 1


def parse(pattern: Pattern) -> Node:
    """Parse a compiled pattern's source into a tree (the root is a non-capturing group)."""
    return _Parser(pattern.pattern, verbose=bool(pattern.flags & re.X)).parse()


# -- static checks -------------------------------------------------------------------------------


def _engine(pattern: Pattern) -> Any:
    return re if isinstance(pattern, re.Pattern) else regex


def _accepts(pattern: Pattern, source: str, text: str) -> bool:
    """Whether the piece ``source`` of ``pattern``, alone, fully matches ``text``."""
    flags = pattern.flags & (re.I | re.S | re.U | re.X)
    try:
        return _engine(pattern).fullmatch(source, text, flags) is not None
    except (re.error, regex.error):  # a back-reference or a fragment that needs context
        return False


def _holds_repeat(node: Node) -> bool:
    """True when some node inside ``node`` (not in an atomic group) can repeat."""
    for alt in node.alternatives:
        for sub in alt:
            if sub.group == "(?>" or sub.possessive:
                continue
            if sub.repeats or (sub.is_group and _holds_repeat(sub)):
                return True
    return False


def _first_nodes(seq: list[Node]) -> Iterator[Node]:
    """The nodes that can match first in ``seq`` (zero-width ones are stepped over)."""
    for node in seq:
        if node.zero_width:
            continue
        yield node
        if node.is_group and not node.repeats:
            for alt in node.alternatives:
                yield from _first_nodes(alt)
        if node.lo > 0:
            return


def static_problems(pattern: Pattern) -> list[str]:
    """Return the dangerous shapes found in ``pattern`` (empty when none).

    >>> static_problems(re.compile(r"(\\w+\\s?)*$"))
    ['unbounded repeat of a group that itself repeats: (\\\\w+\\\\s?)*']
    >>> static_problems(re.compile(r"(?m)^\\s*x")), static_problems(re.compile(r"(?m)^[ \\t]*x"))
    (['unbounded repeat that crosses newlines right after (?m)^: \\\\s*'], [])
    """
    problems: list[str] = []
    root = parse(pattern)
    for node in root.walk():
        unbounded = node.hi is None and not node.possessive and node.group != "(?>"
        if node.is_group and unbounded and _holds_repeat(node):
            problems.append(f"unbounded repeat of a group that itself repeats: {node.source}")
    if pattern.flags & re.M:
        for node in root.walk():
            for alt in node.alternatives:
                for k, item in enumerate(alt):
                    if item.source != "^":
                        continue
                    for first in _first_nodes(alt[k + 1 :]):
                        if (
                            first.hi is None
                            and not first.possessive
                            and _accepts(pattern, first.inner, "\n")
                        ):
                            problems.append(
                                "unbounded repeat that crosses newlines right after (?m)^: "
                                f"{first.source}"
                            )
    return problems


# -- adversarial texts and timing ------------------------------------------------------------

#: Characters tried against each atom: ASCII classes, spaces and breaks, punctuation that
#: patterns here care about, letters of several scripts, invisible characters.
CANDIDATES = (
    "aAzZ09. ,;:!?-'\"()[]/\\@#&*+=_|%$<>\t\n\r"
    "\u00a0\u2009\u200b\u200e\ufeff\x00\x85\u2028"
    "éÉßжЖ中。、아ا«»“”‘’–—…€©•"
)


def _leaves(node: Node) -> Iterator[Node]:
    for alt in node.alternatives:
        for sub in alt:
            if sub.is_group:
                yield from _leaves(sub)
            elif not sub.zero_width:
                yield sub


def _chars(pattern: Pattern, leaf: Node) -> list[str]:
    return [c for c in CANDIDATES if _accepts(pattern, leaf.inner, c)][:3]


def adversarial_texts(pattern: Pattern, size: int = 100_000) -> dict[str, str]:
    """Return ``{label: text}``: long strings built from what ``pattern``'s atoms accept."""
    picks = [chars for leaf in _leaves(parse(pattern)) if (chars := _chars(pattern, leaf))]
    units: dict[str, str] = {
        "a": "a",
        "space": " ",
        "newline": "\n",
        "crlf": "\r\n",
        "a.": "a.",
        "nbsp": "\u00a0",
        "word line": "word \n",
    }
    for chars in picks:
        for c in chars:
            units.setdefault(f"run {c!r}", c)
    for left, right in itertools.pairwise(picks):
        units.setdefault(f"alternate {left[0] + right[0]!r}", left[0] + right[0])
    walk = "".join(chars[0] for chars in picks)
    for k in range(1, len(walk)):
        units.setdefault(f"near-match {walk[:k]!r}", walk[:k])
        if len(units) > 60:
            break
    accepted = {c for chars in picks for c in chars}
    breaker = next((c for c in "!\x00~" if c not in accepted), "\x00")
    texts: dict[str, str] = {}
    for label, unit in units.items():
        text = (unit * (size // len(unit) + 1))[:size]
        texts[label] = text
        texts[f"{label}, then {breaker!r}"] = text[:-1] + breaker  # fails only at the very end
    return texts


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


#: The wall-clock cut-off is this many times the CPU budget: only there to end a hang.
WALL_FACTOR = 5


def time_finditer(pattern: Pattern, text: str, budget: float) -> float:
    """CPU seconds ``list(pattern.finditer(text))`` takes, or ``inf`` past ``budget`` (POSIX).

    CPU time of this thread, not wall time: on a shared machine other processes (and other
    threads of this one, such as an engine's) stretch the wall clock many times over, but
    not the work the pattern does. A SIGALRM ends a hang after WALL_FACTOR times the budget.
    """
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, budget * WALL_FACTOR)
    began = time.thread_time()
    try:
        for _ in pattern.finditer(text):
            pass
        seconds = time.thread_time() - began
        return seconds if seconds <= budget else float("inf")
    except _Timeout:
        return float("inf")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def slowest(pattern: Pattern, budget: float, size: int = 100_000) -> tuple[float, str]:
    """Time ``pattern`` on each adversarial text; return the worst ``(seconds, label)``."""
    worst = (0.0, "")
    for label, text in adversarial_texts(pattern, size).items():
        seconds = time_finditer(pattern, text, budget)
        worst = max(worst, (seconds, label))
        if seconds == float("inf"):
            break
    return worst

"""A quick test that rules out most lines before any single rule is tried.

``strip.residue`` asks, for every short body line, which rule is the first to name it;
trying some eighty rules one by one on every line is slow, and almost every line is prose
that no rule names. A :class:`Prefilter` joins the patterns of a rule set into one
alternation per way of matching (whole line, start, anywhere) and per case flag: a line that
none of them meets cannot be named by any rule of the set, whatever its position or length,
so only the rare line that one of them meets is tried rule by rule. (Patterns that may meet a
line anywhere stay apart: one joined search is slower than its parts, which the regex engine
speeds up by the literal text they begin with.) The answer is exactly
the one the rules give: a joined pattern meets a line when and only when one of its parts
does.

>>> from copydesk.rules import builtin_rules
>>> pre = prefilter(builtin_rules())
>>> pre.may_fire("Advertisement")
True
>>> pre.may_fire("Ships sailed again on Monday after the storm.")
False
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from copydesk.rules import Match, Rule, meets

__all__ = ["Prefilter", "prefilter"]

# Constructs whose meaning changes when a pattern is put inside a larger one: global inline
# flags ("(?i)"), back references by number or name, conditionals and recursion. A rule set
# with one of these gets no prefilter (every line is tried rule by rule, as before).
# Example: r"(?i)foo", r"(a)\1", r"(?(1)x|y)". Bounded: fixed-length alternatives.
UNSAFE_RE = regex.compile(
    r"\(\?[a-zA-Z]{1,8}\)|\(\?[a-zA-Z]{0,8}-[a-zA-Z]{1,8}\)|\\[1-9]|\\g|\(\?P=|\(\?P>"
    r"|\(\?\(|\(\?[R0-9&+-]"
)
#: How many prefilters are kept (one per rule set seen, like the merged rule sets).
CACHE_SIZE = 32


@attrs.frozen(slots=True)
class Prefilter:
    """Joined patterns of a rule set; :meth:`may_fire` is False when no rule can fire."""

    joined: tuple[tuple[Match, regex.Pattern[str]], ...]
    exact: bool

    def may_fire(self, line: str) -> bool:
        """False only when no pattern of the set meets ``line`` (already normalised)."""
        if not self.exact:
            return True
        return any(meets(pattern, match, line) for match, pattern in self.joined)


def _join(rules: Iterable[Rule]) -> Prefilter:
    groups: dict[tuple[Match, int], list[str]] = {}
    joined: list[tuple[Match, regex.Pattern[str]]] = []
    for rule in rules:
        for pattern in rule.patterns:
            if UNSAFE_RE.search(pattern.pattern):
                return Prefilter((), exact=False)
            if rule.match == "search":  # a joined search is slower than its parts
                joined.append(("search", pattern))
            else:
                groups.setdefault((rule.match, pattern.flags), []).append(pattern.pattern)
    for (match, flags), sources in groups.items():
        try:
            joined.append((match, regex.compile("|".join(f"(?:{s})" for s in sources), flags)))
        except regex.error:
            return Prefilter((), exact=False)
    return Prefilter(tuple(joined), exact=True)


_CACHE: dict[int, tuple[object, Prefilter]] = {}


def prefilter(rules: Iterable[Rule]) -> Prefilter:
    """The prefilter of ``rules`` (a :class:`~copydesk.rules.Rules`), built once per object.

    It covers every rule of the set, switched on or off: a necessary condition for the
    whole set holds for any part of it.
    """
    hit = _CACHE.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    built = _join(rules)
    if len(_CACHE) >= CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(rules)] = (rules, built)
    return built

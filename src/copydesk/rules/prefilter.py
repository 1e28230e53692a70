"""A quick test that rules out most lines before any single rule is tried.

``strip.residue`` asks, for every short body line, which rule is the first to name it;
trying some eighty rules one by one on every line is slow, and almost every line is prose
that no rule names. A :class:`Prefilter` joins the patterns a rule set tries at the start
of a line (whole line, start) into alternations, per way of matching and case flag, and per
first character of the line: only the patterns that may open a match with that character
(:func:`~copydesk.rules.literals.openings`) are joined for it. A line that none of the
patterns meets cannot be named by any rule of the set, whatever its position or length, so
only the rare line that one of them meets is tried rule by rule. Patterns that may meet a
line anywhere stay apart (one joined search is slower than its parts, which the regex engine
speeds up by the literal text they begin with); each is searched only on a line holding one
of the literals every match of it contains (:mod:`copydesk.rules.literals`), a substring test
many times cheaper than the search. The answer is exactly the one the rules give: a joined
pattern meets a line when and only when one of its parts does, and a line without any of a
pattern's literals cannot hold a match of it.

>>> from copydesk.rules import builtin_rules
>>> pre = prefilter(builtin_rules())
>>> pre.may_fire("Advertisement")
True
>>> pre.may_fire("Ships sailed again on Monday after the storm.")
False
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

from copydesk._identity import IdentityCache
from copydesk._lazy import lazy_re
from copydesk.rules import Match, Rule, matcher
from copydesk.rules.literals import TURKIC_I, any_of, fold, openings, required

__all__ = ["Prefilter", "Tier", "prefilter"]

# Constructs whose meaning changes when a pattern is put inside a larger one: global inline
# flags ("(?i)", "(?V0)"), back references by number or name, conditionals, recursion, and
# backtracking verbs ("(*PRUNE)" ends the whole alternation). A rule set with one of these
# gets no prefilter (every line is tried rule by rule, as before).
# Example: r"(?i)foo", r"(a)\1", r"(?(1)x|y)", r"a(*SKIP)b". Bounded: fixed-length alternatives.
# Stdlib ``re`` (ASCII classes and literals only: it reads them as the regex module does, and
# compiles them several times faster).
UNSAFE_RE = lazy_re(
    r"\(\?[a-zA-Z][a-zA-Z01]{0,7}\)|\(\?[a-zA-Z01]{0,8}-[a-zA-Z]{1,8}\)|\\[1-9]|\\g|\(\?P="
    r"|\(\?P>|\(\?\(|\(\?[R0-9&+-]|\(\*"
)
# Where the regex module may match a pattern differently inside a larger alternation than
# alone: a Unicode property or a POSIX class. Ignoring case, "\p{Lu}" and "[[:upper:]]" then
# miss letters like "ĸ" that they match alone; a case-sensitive "\P{Ll}" beside a "(?i:...)"
# branch of another pattern is matched ignoring case (regex 2026.11.19). Such a pattern is
# tried alone. Example: r"\p{Lu}{2,}", r"[[:upper:]]+". Single escapes: linear. Stdlib ``re``.
ALONE_RE = lazy_re(r"\\[pP]|\[:\^?[a-z]{1,10}:\]")
#: How many prefilters are kept (one per rule set seen, like the merged rule sets).
CACHE_SIZE = 32
#: First characters a :class:`Joined` keeps its choice of patterns for (then it starts over).
FIRST_CHARACTERS_KEPT = 4096
#: Alternations of chosen patterns kept compiled, for all prefilters together.
JOINED_KEPT = 1024
#: Lines a new prefilter answers by trying the rules' patterns one by one before it builds
#: its tiers. Building them compiles a few hundred patterns (about 50 ms); trying the
#: patterns one by one costs about 50 us a line, and compiles only the built-in patterns
#: whose screens a line passes (:func:`~copydesk.rules.pattern_test`). A process that cleans
#: one document (a CLI run over a few files) then never pays for the tiers, and a long batch
#: pays for them once it has spent as long without them: never more than twice the better
#: of the two.
WARM_UP_LINES = 1000
#: Up to this length, one search for any screen literal (:func:`~copydesk.rules.literals.any_of`)
#: is cheaper than testing the literals one by one; longer lines test them one by one.
ANY_OF_CHARS = 120


#: Literal -> the search patterns that need it: the pattern is searched only on a line holding
#: the literal (one of its literals, when it has several).
Screens = tuple[tuple[str, tuple[regex.Pattern[str], ...]], ...]


@attrs.frozen(slots=True)
class Tier:
    """The patterns of the rules that may fire on a line of some length, ready to test.

    ``joined`` holds the patterns tried at the start of a line, one :class:`Joined` per way
    of matching and case flag; ``folded`` and ``plain`` screen the search patterns that
    ignore case and those that do not (:func:`~copydesk.rules.literals.required`);
    ``alone`` are tried one by one, each as its rule says: the search patterns without a
    literal to screen them by, and the patterns that may not join (``ALONE_RE``); of these,
    a pattern tried at a line's start only on a line whose first character may open a match
    (:func:`~copydesk.rules.literals.openings`, as :class:`Joined` chooses; the choice kept
    per first character). Most lines begin with a letter or a digit, which the lone
    patterns of punctuation lines, promotional labels and Chinese editor credits cannot
    open with. (On the corpus the lone patterns cost a fifth of ``strip.residue``; most of
    it is the breadcrumb patterns, which open with any letter and are still tried.)
    """

    joined: tuple[Joined, ...]
    folded: Screens
    plain: Screens
    alone: tuple[tuple[Match, regex.Pattern[str]], ...]
    #: One search for any literal of ``folded`` / ``plain``: on a short line it rules out
    #: the screens at once (most lines hold none of them).
    _any: tuple[re.Pattern[str], re.Pattern[str]] = attrs.field(init=False, repr=False)
    #: The lone patterns as the calls that try them on a line.
    _alone: tuple[Callable[[str], object], ...] = attrs.field(init=False, repr=False)
    #: Per lone pattern, its openings compiled one by one, or None (it is always tried).
    _alone_openings: tuple[tuple[regex.Pattern[str], ...] | None, ...] = attrs.field(
        init=False, repr=False
    )
    #: Per first character of a line, the calls of the lone patterns that may meet it.
    _alone_by_first: dict[str, tuple[Callable[[str], object], ...]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        screens = (any_of(x for x, _ in self.folded), any_of(x for x, _ in self.plain))
        object.__setattr__(self, "_any", screens)
        object.__setattr__(self, "_alone", tuple(matcher(p, m) for m, p in self.alone))
        found = [None if m == "search" else openings(p.pattern) for m, p in self.alone]
        tests = tuple(
            None if o is None else tuple(regex.compile(atom, p.flags) for atom in o)
            for o, (_, p) in zip(found, self.alone, strict=True)
        )
        object.__setattr__(self, "_alone_openings", tests)

    def meets(self, line: str) -> bool:
        """True when a pattern of the tier meets ``line`` as its rule says."""
        for joined in self.joined:
            if joined.meets(line):
                return True
        first = line[:1]
        # one lookup, not a test and a lookup: another thread may start the choices over
        alone = self._alone_by_first.get(first)
        if alone is None:
            alone = self._choose_alone(first)
        for test in alone:
            if test(line) is not None:
                return True
        if self.folded and _screened(fold(line), line, self.folded, self._any[0]):
            return True
        return bool(self.plain) and _screened(line, line, self.plain, self._any[1])

    def _choose_alone(self, first: str) -> tuple[Callable[[str], object], ...]:
        # an empty line: only a pattern that may match nothing (no openings) can meet it
        chosen = tuple(
            test
            for test, opening in zip(self._alone, self._alone_openings, strict=True)
            if opening is None or (first and any(a.fullmatch(first) for a in opening))
        )
        if len(self._alone_by_first) >= FIRST_CHARACTERS_KEPT:
            self._alone_by_first.clear()
        self._alone_by_first[first] = chosen
        return chosen


@attrs.frozen(slots=True)
class Joined:
    """The patterns of one way of matching a line's start (``"line"`` or ``"start"``) and one
    case flag, tried as one alternation: of the patterns whose openings
    (:func:`~copydesk.rules.literals.openings`) the line's first character matches, and of
    those without openings. Most lines begin with a character few patterns open with, and a
    short alternation is tried several times faster than all of them. The choice is kept per
    first character; the alternations are compiled once per choice, shared by all tiers.
    """

    match: Match
    flags: int
    sources: tuple[str, ...]
    #: Per pattern, its openings compiled one by one, or None (it is always tried).
    _openings: tuple[tuple[regex.Pattern[str], ...] | None, ...] = attrs.field(
        init=False, repr=False
    )
    _by_first: dict[str, Callable[[str], object]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        found = [openings(s) for s in self.sources]
        # one by one: an alternation of atoms may not match what each atom matches alone
        tests = tuple(
            None if o is None else tuple(regex.compile(atom, self.flags) for atom in o)
            for o in found
        )
        object.__setattr__(self, "_openings", tests)

    def meets(self, line: str) -> bool:
        """True when one of the patterns meets ``line`` as ``match`` says."""
        first = line[:1]
        # one lookup, not a test and a lookup: another thread may start the choices over
        test = self._by_first.get(first)
        if test is None:
            test = self._choose(first)
        return test(line) is not None

    def _choose(self, first: str) -> Callable[[str], object]:
        # an empty line: only a pattern that may match nothing (no openings) can meet it
        chosen = tuple(
            source
            for source, opening in zip(self.sources, self._openings, strict=True)
            if opening is None or (first and any(a.fullmatch(first) for a in opening))
        )
        test = _joined_test(self.match, self.flags, chosen) if chosen else _never
        if len(self._by_first) >= FIRST_CHARACTERS_KEPT:
            self._by_first.clear()
        self._by_first[first] = test
        return test


def _screened(hay: str | None, line: str, screens: Screens, anything: re.Pattern[str]) -> bool:
    """True when a screened pattern meets ``line``: it is searched only where ``hay`` (the
    line, casefolded for the patterns that ignore case) holds one of its literals."""
    if hay is not None and len(hay) <= ANY_OF_CHARS and anything.search(hay) is None:
        return False  # none of the literals: no screened pattern can meet the line
    for literal, patterns in screens:
        # a Turkish i in the line (no fold): every pattern is searched
        if hay is None or literal in hay:
            for pattern in patterns:
                if pattern.search(line) is not None:
                    return True
    return False


@attrs.frozen(slots=True)
class Prefilter:
    """Joined patterns of a rule set; :meth:`may_fire` is False when no rule can fire.

    A rule never fires on a line longer than its ``max_chars``, so the patterns are kept in
    tiers: tier ``i`` holds the rules whose ``max_chars`` is at least ``caps[i]``, and a line
    is tested against the tier of the smallest cap not below its length. A prose-length line
    then meets only the few rules written for long lines. Tiers are built once
    ``WARM_UP_LINES`` lines have been answered by trying the patterns one by one (the same
    answer, without compiling anything).
    """

    exact: bool
    rules: tuple[Rule, ...] = ()
    caps: tuple[int, ...] = ()
    _tiers: dict[int, Tier] = attrs.field(factory=dict, eq=False, repr=False)
    #: Per tier, its rules, whose patterns are tried one by one during the warm-up.
    _one_by_one: dict[int, tuple[Rule, ...]] = attrs.field(factory=dict, eq=False, repr=False)
    #: Lines answered one by one so far (a list: the record itself is frozen).
    _warm: list[int] = attrs.field(factory=lambda: [0], eq=False, repr=False)

    def may_fire(self, line: str) -> bool:
        """False only when no pattern of the set meets ``line`` (already normalised)."""
        if not self.exact:
            return True
        i = bisect.bisect_left(self.caps, len(line))
        if i == len(self.caps):
            return False  # longer than any rule looks at
        tier = self._tiers.get(i)
        if tier is not None:
            return tier.meets(line)
        if self._warm[0] < WARM_UP_LINES:
            self._warm[0] += 1
            folded = line.casefold()
            return any(rule.meets(line, folded) for rule in self._rules(i))
        tier = self._tiers[i] = _tier(r for r in self.rules if r.max_chars >= self.caps[i])
        return tier.meets(line)

    def _rules(self, i: int) -> tuple[Rule, ...]:
        rules = self._one_by_one.get(i)
        if rules is None:
            rules = self._one_by_one[i] = tuple(
                r for r in self.rules if r.max_chars >= self.caps[i]
            )
        return rules


def _screens(pairs: list[tuple[regex.Pattern[str], tuple[str, ...]]]) -> Screens:
    by_literal: dict[str, list[regex.Pattern[str]]] = {}
    for pattern, literals in pairs:
        for literal in literals:
            by_literal.setdefault(literal, []).append(pattern)
    return tuple((literal, tuple(patterns)) for literal, patterns in by_literal.items())


def _turkic(literals: Iterable[str]) -> bool:
    """True when a literal holds a Turkish ``İ`` or ``ı``: ignoring case, the regex module
    matches them to ``i`` and ``I``, which their casefolds do not contain, so such a literal
    cannot screen a casefolded line (:func:`~copydesk.rules.literals.fold` guards the line
    side)."""
    return any(i in literal for literal in literals for i in TURKIC_I)


def _tier(rules: Iterable[Rule]) -> Tier:
    """The tier of ``rules`` (none of whose patterns is unsafe to join: see ``_join``)."""
    groups: dict[tuple[Match, int], list[str]] = {}
    folded: list[tuple[regex.Pattern[str], tuple[str, ...]]] = []
    plain: list[tuple[regex.Pattern[str], tuple[str, ...]]] = []
    alone: list[tuple[Match, regex.Pattern[str]]] = []
    for rule in rules:
        for pattern in rule.patterns:
            if rule.match != "search" and ALONE_RE.search(pattern.pattern):
                alone.append((rule.match, pattern))
                continue
            if rule.match != "search":
                groups.setdefault((rule.match, pattern.flags), []).append(pattern.pattern)
                continue
            # a joined search is slower than its parts: each is screened by its literals
            literals = required(pattern.pattern)
            if literals is None or (pattern.flags & regex.IGNORECASE and _turkic(literals)):
                alone.append(("search", pattern))
            elif pattern.flags & regex.IGNORECASE:
                folded.append((pattern, tuple(dict.fromkeys(x.casefold() for x in literals))))
            else:
                plain.append((pattern, literals))
    joined = tuple(
        Joined(match, flags, tuple(sources)) for (match, flags), sources in groups.items()
    )
    return Tier(joined, _screens(folded), _screens(plain), tuple(alone))


def _compile_joined(sources: Sequence[str], flags: int) -> regex.Pattern[str]:
    """One alternation of ``sources``, each in a group of its own."""
    return regex.compile("|".join(f"(?:{s})" for s in sources), flags)


def _never(line: str) -> object:
    return None  # no pattern chosen: no line meets them


def _always(line: str) -> object:
    return line  # never None: the line is tried rule by rule


@functools.lru_cache(maxsize=JOINED_KEPT)
def _joined_test(match: Match, flags: int, sources: tuple[str, ...]) -> Callable[[str], object]:
    """The call that tries the alternation of ``sources`` on a line as ``match`` says; when
    they do not compile as one alternation, a call that lets every line through."""
    try:
        return matcher(_compile_joined(sources, flags), match)
    except regex.error:
        return _always


def _join(rules: Iterable[Rule]) -> Prefilter:
    rules = tuple(rules)
    if any(UNSAFE_RE.search(p.pattern) for r in rules for p in r.patterns):
        return Prefilter(exact=False)
    return Prefilter(True, rules, tuple(sorted({r.max_chars for r in rules})))


_CACHE: IdentityCache[Iterable[Rule], Prefilter] = IdentityCache(CACHE_SIZE)


def prefilter(rules: Iterable[Rule]) -> Prefilter:
    """The prefilter of ``rules`` (a :class:`~copydesk.rules.Rules`), built once per object.

    It covers every rule of the set, switched on or off: a necessary condition for the
    whole set holds for any part of it.
    """
    return _CACHE.get(rules, None, lambda: _join(rules))

"""Residue rules as data: the built-in tables in ``rules/*.toml`` and the user's own.

A rule names one kind of page furniture (a comment widget, a share counter, an ad marker) and
says how to recognise a line of it: regular expressions, where in the article the line may sit,
and the conditions that keep the rule precise (length bounds, words that must or must not
appear). Rules are data so that a user can add, switch off or override one without writing
code; see ``docs/rules.md`` for the file format.

>>> rules = builtin_rules()
>>> rules.get("disqus").fires("blog comments powered by Disqus", at_edge=True)
True
>>> rules.get("disqus").fires("We use Disqus for our comments, the editor said.", at_edge=True)
False
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs
import regex

from copydesk._lazy import LazyPattern, lazy_re, lazy_regex
from copydesk.errors import RulesError
from copydesk.rules.literals import TURKIC_I, required
from copydesk.sites import in_scope, site_key

__all__ = [
    "BUILTIN_DIR",
    "CATEGORIES",
    "KEEP",
    "LANGUAGE_FILES",
    "Rule",
    "Rules",
    "builtin_rules",
    "load_rules",
    "normalise",
    "rules_from_mapping",
    "toml_parser",
]

Match = Literal["line", "start", "search"]
Where = Literal["anywhere", "edges", "top", "bottom"]

#: The kinds of residue a rule may belong to (documentation and reporting), and ``keep``: a
#: line a ``keep`` rule names is never removed by a residue rule or by the line model.
KEEP = "keep"
CATEGORIES: frozenset[str] = frozenset(
    (
        KEEP,
        "comments",
        "share",
        "newsletter",
        "ad",
        "related",
        "navigation",
        "copyright",
        "disclaimer",
        "end_marker",
        "notice",
        "promo",
        "template",
        "other",
    )
)

#: Where the built-in tables are: beside this module.
BUILTIN_DIR = Path(__file__).parent
#: The built-in tables, in the order they are read: the language-neutral file first.
LANGUAGE_FILES: tuple[str, ...] = (
    "neutral",
    "en",
    "pt",
    "es",
    "fr",
    "de",
    "ru",
    "ar",
    "zh",
    "vi",
    "ja",
    "tr",
)
#: The built-in tables read in advance (``python -m copydesk.rules._table`` writes it): what
#: the TOML files hold, and each pattern's flags and screen. A new process reads it instead
#: of parsing TOML, and compiles a built-in pattern only when a line passes its screen. It is
#: used only while the TOML files and the regex module are the ones it was made from.
TABLE_PATH = BUILTIN_DIR / "builtin_rules.json"
#: The first key of the table's format: another one is not read.
TABLE_FORMAT = "copydesk built-in rules 1"

# A rule name: lower-case snake case, so that ``strip.<name>`` is a stable dotted name.
# Example: "disqus", "read_more_pt". Bounded: at most 60 characters.
NAME_RE = lazy_regex(r"[a-z][a-z0-9_]{0,59}")
# Runs of white space (including NBSP and other Unicode spaces) inside a line; collapsed to
# one space before matching, so "Advertisement\xa0 Advertisement" matches like the plain form.
SPACES_RE = lazy_regex(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
# Where SPACES_RE and ``str.split`` disagree: the zero-width characters SPACES_RE collapses and
# the separators \x1c-\x1f that ``str.split`` splits on (checked over all of Unicode in
# tests/rules/test_rules.py). A line with none of them is normalised by ``split``, several
# times faster. Stdlib ``re``: a plain character class. Example: "a\u200bb".
SPLIT_DISAGREES_RE = lazy_re(r"[\x1c-\x1f\u200b-\u200d\u2060\ufeff]")

_KEYS = frozenset(
    (
        "name",
        "category",
        "patterns",
        "match",
        "where",
        "min_chars",
        "max_chars",
        "max_words",
        "requires",
        "unless",
        "case_sensitive",
        "enabled",
        "examples",
        "counter_examples",
        "description",
        "sites",
    )
)
#: Longest line any rule looks at unless it raises ``max_chars``: residue lines are short.
DEFAULT_MAX_CHARS = 200


def normalise(text: str) -> str:
    """The form rules match against: stripped, white space collapsed to single spaces.

    >>> normalise("  Advertisement\\u00a0\\u00a0Advertisement ")
    'Advertisement Advertisement'
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # Every white space or zero-width character but the plain space is unprintable
        # (tested over all of Unicode): single inner spaces are all there is to collapse.
        return text
    if SPLIT_DISAGREES_RE.search(text) is None:
        return " ".join(text.split())
    return SPACES_RE.sub(" ", text).strip()


@attrs.frozen(slots=True)
class Rule:
    """One residue rule. Build rules with :func:`rules_from_mapping` or :func:`load_rules`.

    ``match`` says how a pattern must meet the line: the whole line (``"line"``), its
    beginning (``"start"``) or anywhere in it (``"search"``); ``where`` says where in the
    article the line may sit (``"anywhere"``, the top or bottom ``"edges"``, or only the
    ``"top"`` or the ``"bottom"`` edge).
    ``requires``/``unless`` are words of which at least one must / none may appear
    (case-insensitive); ``min_chars``/``max_chars``/``max_words`` bound the line.
    ``sites``, when not empty, scopes the rule to documents of those sites
    (:mod:`copydesk.sites`); learned rules are scoped to the site they were learned from.
    """

    name: str
    category: str
    patterns: tuple[regex.Pattern[str], ...] = attrs.field(repr=False)
    match: Match = "line"
    where: Where = "anywhere"
    min_chars: int = 1
    max_chars: int = DEFAULT_MAX_CHARS
    max_words: int | None = None
    requires: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    enabled: bool = True
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    description: str = ""
    origin: str = ""
    sites: frozenset[str] = frozenset()
    #: The name used in the ledger and in ``Pipeline.without``: ``strip.<name>``.
    dotted: str = attrs.field(init=False, eq=False, repr=False)
    #: The patterns as the calls that try them on a line (:func:`pattern_test`).
    _tests: tuple[Callable[[str, str], bool], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "dotted", f"strip.{self.name}")
        tests = tuple(pattern_test(pattern, self.match) for pattern in self.patterns)
        object.__setattr__(self, "_tests", tests)

    def applies_to(self, site: str | None) -> bool:
        """True when this rule may fire on a document of ``site``: it is not scoped, or
        ``site`` is one of its ``sites`` (an unknown site is in no scope).

        >>> rule = rules_from_mapping({"rule": [{"name": "x", "patterns": ["x"],
        ...     "sites": ["example.com"]}]}).get("x")
        >>> rule.applies_to("www.example.com"), rule.applies_to("other.org"), rule.applies_to(None)
        (True, False, False)
        """
        return not self.sites or in_scope(site, self.sites)

    def fires(self, text: str, *, at_edge: bool | str) -> bool:
        """True when this rule names ``text`` (one line) as residue.

        ``at_edge`` says where the line sits: ``"top"`` or ``"bottom"`` edge of the article,
        ``True`` for either (any edge rule may fire), ``False`` for the middle.
        """
        line = normalise(text)
        return self.fires_normalised(line, line.casefold(), at_edge=at_edge)

    def fires_normalised(self, line: str, folded: str, *, at_edge: bool | str) -> bool:
        """:meth:`fires` on a line already passed through :func:`normalise` (and casefolded)."""
        if not self.enabled:
            return False
        if self.where != "anywhere" and not (
            at_edge is True or at_edge == self.where or (at_edge and self.where == "edges")
        ):
            return False
        if not self.min_chars <= len(line) <= self.max_chars:
            return False
        if self.max_words is not None and len(line.split()) > self.max_words:
            return False
        if self.requires and not any(w in folded for w in self.requires):
            return False
        if any(w in folded for w in self.unless):
            return False
        return self.meets(line, folded)

    def meets(self, line: str, folded: str) -> bool:
        """True when one of the patterns meets ``line`` (normalised; ``folded`` is its
        casefold) as ``match`` says, whatever the rule's other conditions."""
        return any(test(line, folded) for test in self._tests)


def matcher(pattern: regex.Pattern[str], match: Match) -> Callable[[str], object]:
    """The method of ``pattern`` that tries it on a line as ``match`` says: on the whole
    line, at its start, or anywhere; it returns None where the pattern does not meet it."""
    if match == "line":
        return pattern.fullmatch
    return pattern.match if match == "start" else pattern.search


def meets(pattern: regex.Pattern[str], match: Match, line: str) -> bool:
    """True when ``pattern`` meets ``line`` as ``match`` says: whole line, start, or anywhere."""
    return matcher(pattern, match)(line) is not None


#: A pattern's screen: literals of which any match holds one (casefolded when the pattern
#: ignores case), and whether it ignores case.
Screen = tuple[tuple[str, ...], bool]
#: Screens by pattern source and flags (the built-in ones come with the table).
_SCREENS: dict[tuple[str, int], Screen | None] = {}
#: The method that tries a pattern as a rule's ``match`` says.
_METHODS: dict[str, str] = {"line": "fullmatch", "start": "match", "search": "search"}


def screen(source: str, flags: int) -> Screen | None:
    """The screen of a pattern (:func:`~copydesk.rules.literals.required`), or None when
    any line may hold a match (it has no literals).

    Ignoring case, a literal's Turkish ``İ``/``ı`` may match a letter that casefolding does
    not fold as it folds them: such a literal screens by its longest part without them.

    >>> screen(r"(?:read|see) more", regex.IGNORECASE)
    ((' more',), True)
    >>> screen(r"tüm hakları saklıdır", regex.IGNORECASE)
    (('tüm haklar',), True)
    >>> screen(r"\\d+", 0) is None
    True
    """
    literals = required(source)
    if literals is None:
        return None
    if flags & regex.IGNORECASE:
        parts = [max(_without_turkic_i(x), key=len).casefold() for x in literals]
        if not all(parts):
            return None
        return tuple(dict.fromkeys(parts)), True
    return literals, False


def _without_turkic_i(literal: str) -> list[str]:
    """The parts of ``literal`` between its Turkish ``İ`` and ``ı``."""
    return literal.replace(TURKIC_I[0], TURKIC_I[1]).split(TURKIC_I[1])


def _screen_of(pattern: regex.Pattern[str]) -> Screen | None:
    key = (pattern.pattern, pattern.flags)
    try:
        return _SCREENS[key]
    except KeyError:
        found = _SCREENS[key] = screen(*key)
        return found


class PatternTest:
    """The call ``test(line, folded)`` that says whether ``pattern`` meets ``line`` as
    ``match`` says (``folded`` is the line's casefold). A line holding none of the
    pattern's :func:`screen` literals cannot hold a match: it is answered False without
    trying the pattern, which a built-in pattern then never needs to be compiled for (a
    :class:`~copydesk._lazy.LazyPattern` compiles on its first try). A line with a Turkish
    ``İ``/``ı`` is tried whatever its casefold holds. Pickles as the pattern and ``match``.
    """

    __slots__ = ("_ignores_case", "_literals", "_match", "_method", "_pattern")

    def __init__(self, pattern: regex.Pattern[str], match: Match) -> None:
        self._pattern = pattern
        self._match: Match = match
        self._method = _METHODS[match]
        found = _screen_of(pattern)
        self._literals = None if found is None else found[0]
        self._ignores_case = found is not None and found[1]

    def __call__(self, line: str, folded: str) -> bool:
        literals = self._literals
        if literals is not None:
            hay = folded if self._ignores_case else line
            for literal in literals:
                if literal in hay:
                    break
            else:
                if not self._ignores_case or (TURKIC_I[0] not in line and TURKIC_I[1] not in line):
                    return False
        return getattr(self._pattern, self._method)(line) is not None

    def __reduce__(self) -> tuple[Any, ...]:
        return (PatternTest, (self._pattern, self._match))


def pattern_test(pattern: regex.Pattern[str], match: Match) -> Callable[[str, str], bool]:
    """A :class:`PatternTest` of ``pattern`` tried as ``match`` says."""
    return PatternTest(pattern, match)


@attrs.frozen(slots=True)
class Rules:
    """An ordered, name-unique set of rules; merge a user's rules in with :meth:`merged`.

    >>> user = rules_from_mapping({"disable": ["disqus"]}, origin="user")
    >>> builtin_rules().merged(user).get("disqus").enabled
    False
    """

    rules: tuple[Rule, ...] = ()
    disable: frozenset[str] = frozenset()

    def __iter__(self) -> Any:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def names(self) -> tuple[str, ...]:
        """The rule names, in order."""
        return tuple(r.name for r in self.rules)

    def get(self, name: str) -> Rule:
        """The rule called ``name`` (without the ``strip.`` prefix); KeyError when absent."""
        for r in self.rules:
            if r.name == name:
                return r
        raise KeyError(name)

    def merged(self, user: Rules) -> Rules:
        """These rules with ``user``'s on top: same name overrides, new names are added,
        names in ``user.disable`` are switched off."""
        by_name = {r.name: r for r in self.rules}
        for r in user.rules:
            by_name[r.name] = r
        off = user.disable | self.disable
        out = tuple(
            attrs.evolve(r, enabled=False) if r.name in off else r for r in by_name.values()
        )
        return Rules(out, frozenset())


def _fail(origin: str, rule: str | None, problem: str) -> RulesError:
    where = f"{origin}: rule {rule!r}" if rule else origin
    return RulesError(f"{where}: {problem}")


def _strings(value: Any, origin: str, rule: str | None, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(origin, rule, f"{key!r} must be a string or a list of strings")
    return tuple(value)


def _int(value: Any, origin: str, rule: str, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _fail(origin, rule, f"{key!r} must be a non-negative integer, not {value!r}")
    return value


def _sites(value: Any, origin: str, rule: str) -> frozenset[str]:
    sites = frozenset(site_key(s) for s in _strings(value, origin, rule, "sites"))
    if "" in sites:
        raise _fail(origin, rule, "'sites' holds an empty site name")
    return sites


def _compile_checked(source: str, flags: int) -> regex.Pattern[str]:
    return regex.compile(source, flags)


def _rule(
    table: Any,
    origin: str,
    compile: Callable[[str, int], regex.Pattern[str]] = _compile_checked,
) -> Rule:
    if not isinstance(table, Mapping):
        raise _fail(origin, None, f"each [[rule]] must be a table, not {type(table).__name__}")
    name = table.get("name")
    if not isinstance(name, str) or not NAME_RE.fullmatch(name):
        raise _fail(origin, None, f"rule name {name!r} must be lower_snake_case (a-z, 0-9, _)")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise _fail(origin, name, f"unknown key(s) {unknown}; known keys: {sorted(_KEYS)}")
    category = table.get("category", "other")
    if category not in CATEGORIES:
        raise _fail(origin, name, f"category {category!r} is not one of {sorted(CATEGORIES)}")
    match = table.get("match", "line")
    if match not in ("line", "start", "search"):
        raise _fail(origin, name, f"match {match!r} must be 'line', 'start' or 'search'")
    where = table.get("where", "anywhere")
    if where not in ("anywhere", "edges", "top", "bottom"):
        raise _fail(origin, name, f"where {where!r}: use 'anywhere', 'edges', 'top' or 'bottom'")
    sources = _strings(table.get("patterns", []), origin, name, "patterns")
    if not sources:
        raise _fail(origin, name, "a rule needs at least one pattern")
    flags = regex.V0 if table.get("case_sensitive", False) else regex.V0 | regex.IGNORECASE
    patterns = []
    for src in sources:
        try:
            patterns.append(compile(src, flags))
        except (regex.error, ValueError) as exc:  # ValueError: "(?V1)" beside our V0
            raise _fail(origin, name, f"pattern {src!r} does not compile: {exc}") from None
    max_words = table.get("max_words")
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise _fail(origin, name, f"'enabled' must be true or false, not {enabled!r}")
    return Rule(
        name=name,
        category=category,
        patterns=tuple(patterns),
        match=match,
        where=where,
        min_chars=_int(table.get("min_chars", 1), origin, name, "min_chars"),
        max_chars=_int(table.get("max_chars", DEFAULT_MAX_CHARS), origin, name, "max_chars"),
        max_words=None if max_words is None else _int(max_words, origin, name, "max_words"),
        requires=tuple(
            w.casefold() for w in _strings(table.get("requires", []), origin, name, "requires")
        ),
        unless=tuple(
            w.casefold() for w in _strings(table.get("unless", []), origin, name, "unless")
        ),
        enabled=enabled,
        examples=_strings(table.get("examples", []), origin, name, "examples"),
        counter_examples=_strings(
            table.get("counter_examples", []), origin, name, "counter_examples"
        ),
        description=str(table.get("description", "")),
        origin=origin,
        sites=_sites(table.get("sites", []), origin, name),
    )


def rules_from_mapping(data: Mapping[str, Any], *, origin: str = "<rules>") -> Rules:
    """Build :class:`Rules` from a parsed TOML document (``{"rule": [...], "disable": [...]}``).

    Raises :class:`copydesk.RulesError` naming ``origin``, the rule and the problem.

    >>> rules_from_mapping({"rule": [{"name": "Bad Name", "patterns": ["x"]}]}, origin="my.toml")
    Traceback (most recent call last):
    ...
    copydesk.errors.RulesError: my.toml: rule name 'Bad Name' must be lower_snake_case (a-z, 0-9, _)
    """
    return _from_mapping(data, origin, _compile_checked)


def _from_mapping(
    data: Mapping[str, Any], origin: str, compile: Callable[[str, int], regex.Pattern[str]]
) -> Rules:
    if not isinstance(data, Mapping):
        raise _fail(origin, None, f"rules must be a mapping, not {type(data).__name__}")
    unknown = sorted(set(data) - {"rule", "disable", "language"})
    if unknown:
        raise _fail(origin, None, f"unknown top-level key(s) {unknown}; use [[rule]] and disable")
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise _fail(origin, None, "'rule' must be an array of tables ([[rule]])")
    rules = [_rule(t, origin, compile) for t in tables]
    seen: set[str] = set()
    for r in rules:
        if r.name in seen:
            raise _fail(origin, r.name, "the name is used twice in this file")
        seen.add(r.name)
    disable = frozenset(_strings(data.get("disable", []), origin, None, "disable"))
    return Rules(tuple(rules), frozenset(d.removeprefix("strip.") for d in disable))


def toml_parser() -> Any:
    """The TOML parser (``tomllib``, or ``tomli`` before Python 3.11), imported when a TOML
    file is first read: the built-in rules come from their table made in advance, and the
    lexicon of ``metadata.toml`` is read on the first document that needs it."""
    if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    return tomllib


def load_rules(path: str | Path) -> Rules:
    """Read a user's rules file (TOML); raises :class:`copydesk.RulesError` when it is bad."""
    p = Path(path)
    tomllib = toml_parser()
    try:
        data = tomllib.loads(p.read_text("utf-8"))
    except OSError as exc:
        raise _fail(str(p), None, f"cannot read the file: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _fail(str(p), None, f"not valid TOML: {exc}") from None
    return rules_from_mapping(data, origin=str(p))


def builtin_sources() -> dict[str, bytes]:
    """The built-in TOML files, by language, as they are on disk."""
    return {lang: (BUILTIN_DIR / f"{lang}.toml").read_bytes() for lang in LANGUAGE_FILES}


def fingerprint(sources: Mapping[str, bytes]) -> dict[str, list[int]]:
    """What the table is checked against: each file's size and CRC-32."""
    return {lang: [len(data), zlib.crc32(data)] for lang, data in sources.items()}


def regex_behaviour() -> list[int]:
    """What the table's compiled flags depend on in the regex module: the flags it gives a
    pattern compiled with the rules' two flag sets. A release of regex that compiles them
    alike reads the same table (a new release comes with every fresh install); one that does
    not makes the table stale, and the TOML files are read instead."""
    return [regex.compile("a", flags).flags for flags in (regex.V0, regex.V0 | regex.IGNORECASE)]


def _read_table(sources: Mapping[str, bytes]) -> Any:
    """The table (:data:`TABLE_PATH`), or None when it is missing, of another format, or made
    from other TOML files or by a regex module that compiles flags otherwise."""
    try:
        table = json.loads(TABLE_PATH.read_bytes())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(table, dict)
        or table.get("format") != TABLE_FORMAT
        or table.get("regex") != regex_behaviour()
        or table.get("fingerprint") != fingerprint(sources)
    ):
        return None
    return table


def _lazy_compile(flags_of: Mapping[tuple[str, int], int]) -> Callable[[str, int], Any]:
    def compile(source: str, flags: int) -> Any:
        return LazyPattern(regex.compile, source, flags, flags_of[source, flags])

    return compile


def _read_builtin(from_table: bool = True) -> Rules:
    sources = builtin_sources()
    table = _read_table(sources) if from_table else None
    if table is None:
        loads = toml_parser().loads
        datas = {lang: loads(data.decode("utf-8")) for lang, data in sources.items()}
        compile: Callable[[str, int], Any] = _compile_checked
    else:
        datas = table["files"]
        flags_of = {}
        for source, flags, compiled_flags, literals, ignores_case in table["patterns"]:
            flags_of[source, flags] = compiled_flags
            found = None if literals is None else (tuple(literals), ignores_case)
            _SCREENS[source, compiled_flags] = found
        compile = _lazy_compile(flags_of)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for lang in LANGUAGE_FILES:
        origin = f"copydesk/rules/{lang}.toml"
        for r in _from_mapping(datas[lang], origin, compile).rules:
            if r.name in seen:
                raise _fail(origin, r.name, f"the name is already used in {seen[r.name]}")
            seen[r.name] = origin
            rules.append(r)
    return Rules(tuple(rules))


_BUILTIN = _read_builtin()


def builtin_rules() -> Rules:
    """The rules shipped with copydesk, read once at import (from :data:`TABLE_PATH`; their
    patterns are compiled when first needed)."""
    return _BUILTIN


def coerce_rules(value: object) -> Rules | None:
    """Turn what a user passed as ``rules=`` into :class:`Rules` (None when it is None).

    Accepts a :class:`Rules`, a parsed TOML mapping, or a path to a TOML file.
    """
    if value is None or isinstance(value, Rules):
        return value
    if isinstance(value, Mapping):
        return rules_from_mapping(value, origin="rules=")
    if isinstance(value, (str, Path)):
        return load_rules(value)
    if isinstance(value, Iterable):
        raise _fail("rules=", None, "pass a Rules, a mapping or a path, not an iterable")
    raise _fail("rules=", None, f"pass a Rules, a mapping or a path, not {type(value).__name__}")

"""Regular expressions compiled on first use rather than at import.

Compiling a pattern costs from a few microseconds to a few milliseconds (the ``regex`` module
parses in Python), and a process that cleans one document meets only some of the module-level
patterns: the ones for legacy code pages, wire-service credits or CJK bylines wait for a
document that needs them. :func:`lazy_regex` and :func:`lazy_re` stand in for ``regex.compile``
and ``re.compile`` at module level: they return a :class:`LazyPattern` that compiles the
pattern when one of its attributes is first looked up (``FOO_RE.search``), then keeps the
pattern's attributes as its own, so that a later ``FOO_RE.search`` is an ordinary instance
attribute, as fast as on the pattern itself.

>>> WORD_RE = lazy_regex(r"\\w+")
>>> WORD_RE.findall("two words")
['two', 'words']
>>> WORD_RE.pattern
'\\\\w+'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import regex

__all__ = ["LazyPattern", "lazy_re", "lazy_regex"]


class _Forward:
    """One attribute of the pattern, looked up on a :class:`LazyPattern` not compiled yet.
    Compiling puts the pattern's attributes in the instance's ``__dict__``, which hides this
    (non-data) descriptor from then on."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: LazyPattern | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return getattr(obj.compiled(), self.name)


class LazyPattern:
    """What ``compile(source, flags)`` returns, compiled when one of its attributes is first
    looked up (two threads racing for it may both compile: the same pattern either way)."""

    # The attributes of ``re.Pattern`` and ``regex.Pattern``.
    findall = _Forward()
    finditer = _Forward()
    flags = _Forward()
    fullmatch = _Forward()
    groupindex = _Forward()
    groups = _Forward()
    match = _Forward()
    named_lists = _Forward()
    pattern = _Forward()
    prefixmatch = _Forward()
    scanner = _Forward()
    search = _Forward()
    split = _Forward()
    splititer = _Forward()
    sub = _Forward()
    subf = _Forward()
    subfn = _Forward()
    subn = _Forward()

    def __init__(
        self,
        compile: Callable[[str, int], object],
        source: str,
        flags: int,
        compiled_flags: int | None = None,
    ) -> None:
        self._compile = compile
        self._source = source
        self._flags = flags
        self._compiled: object = None
        self._compiled_flags = compiled_flags
        # Known without compiling: the source, and the pattern's flags when the caller knows
        # them (a table made in advance, as the built-in rules'); compiling sets them again.
        self.__dict__["pattern"] = source
        if compiled_flags is not None:
            self.__dict__["flags"] = compiled_flags

    def compiled(self) -> Any:
        """The compiled pattern (compiling it now, if none of its attributes was looked up)."""
        if self._compiled is None:
            target = self._compile(self._source, self._flags)
            self.__dict__.update((n, getattr(target, n)) for n in _FORWARDED if hasattr(target, n))
            self._compiled = target
        return self._compiled

    @property
    def is_compiled(self) -> bool:
        """True once the pattern has been compiled."""
        return self._compiled is not None

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as what it was made from (a compiled one recompiles on first use).
        return (LazyPattern, (self._compile, self._source, self._flags, self._compiled_flags))


#: The names a compiled :class:`LazyPattern` takes from its pattern.
_FORWARDED = tuple(n for n, v in vars(LazyPattern).items() if isinstance(v, _Forward))


def lazy_regex(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, compiled on first use."""
    return cast("regex.Pattern[str]", LazyPattern(regex.compile, source, flags))


def lazy_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", LazyPattern(re.compile, source, flags))


def search_end(pattern: regex.Pattern[str], text: str, longest: int) -> regex.Match[str] | None:
    """``pattern.search(text)`` for a pattern anchored at the end (``$``) whose matches are
    at most ``longest`` characters long: searched only from where such a match can start.

    A search scans the whole text for the pattern's first character, a few microseconds on
    a line of prose; every match of such a pattern starts among the last ``longest + 1``
    characters (``$`` may stand before a final newline), so the leftmost match from there is
    the leftmost match of the whole text: the same match, at the cost of a short search.

    >>> END_RE = lazy_regex(r"[.!?][\\"”]{0,2}$")
    >>> search_end(END_RE, "The port closed, officials said.”", 3).span()
    (31, 33)
    >>> search_end(END_RE, "Read more", 3) is None
    True
    """
    return pattern.search(text, max(0, len(text) - longest - 1))

"""The text a pattern cannot match without: a cheap screen before a regular-expression search.

A ``search`` rule may meet a line anywhere, so its patterns cannot be joined with the others
(see :mod:`copydesk.rules.prefilter`), and trying each of them on every line is most of what
``strip.residue`` costs. But almost every such pattern names a word or phrase that any match
must contain: ``all rights reserved`` cannot match a line without that phrase in it, and
``(?:enable|turn on) (?:your )?javascript`` not without ``javascript``. A substring test
(``in``) is many times cheaper than a search, so the pattern is searched only on the rare
line that holds one of its :func:`required` literals.

The same reading gives the :func:`openings` of a pattern: the atoms (a literal character, a
class, a class escape) one of which the first character of any match is, so that a pattern
tried at the start of a line need not be tried on a line that begins with none of them.

The reading of a pattern is conservative: any construct it does not know for sure (a scoped
flag, an unknown escape, an atomic group) makes it give up and return None, and the pattern
is then searched on every line, as before. It never claims a literal a match can do without.

>>> required(r"(?:enable|turn on|activate)\\s(?:your\\s)?javascript")
('javascript',)
>>> required(r"cookie (?:policy|settings)")
('cookie ',)
>>> required(r"(?:assine|inscreva-se) (?:na|no) newsletter")
(' newsletter',)
>>> required(r"(?:subscribe|sign up)\\b") == ('subscribe', 'sign up')
True
>>> required(r"\\d+\\s\\d+") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["any_of", "fold", "openings", "required"]

#: Characters that stand for themselves when escaped ("\\." is a full stop).
ESCAPED_LITERALS = frozenset(".^$*+?{}[]()|\\/-#&~ \"'!,:;<=>@%`_")
#: Escapes that match one character of a class, or nothing (zero width): they end a run.
CLASS_ESCAPES = frozenset("dDsSwWbBAZzGhHvVKXRmM")
#: Of those, the ones that always match exactly one character: a match may open with one.
ONE_CHARACTER_ESCAPES = frozenset("dDsSwW")
#: Characters with a meaning of their own outside a character class.
SPECIAL = frozenset(".^$*+?{}[]()|\\")
#: Turkish dotted and dotless i: the regex module matches them to ``i`` and ``I`` when it
#: ignores case, but :meth:`str.casefold` does not fold them to ``i`` (see :func:`fold`).
TURKIC_I = ("\u0130", "\u0131")

Literals = tuple[str, ...]


class _GiveUp(Exception):
    """A construct this reader does not know: the pattern gets no screen."""


def fold(line: str) -> str | None:
    """``line`` as case-insensitive screens compare it: casefolded, or None when a Turkish
    ``İ``/``ı`` is in it (the one case-insensitive match casefolding does not reproduce; such
    a line skips the screens).

    >>> fold("JavaScript")
    'javascript'
    >>> fold("JAVASCRİPT") is None
    True
    """
    if TURKIC_I[0] in line or TURKIC_I[1] in line:
        return None
    return line.casefold()


#: How much of a literal :func:`any_of` looks for (it builds its pattern recursively).
ANY_OF_DEPTH = 64


def any_of(literals: Iterable[str]) -> re.Pattern[str]:
    """One stdlib pattern whose search finds a place where any of ``literals`` occurs: the
    literals as a tree of their common beginnings, cut wherever a literal ends (a literal
    that begins another is enough). On a short line one such search costs about half of
    testing each literal with ``in``. A literal longer than ``ANY_OF_DEPTH`` characters is
    looked for by its beginning: the search then finds at least the lines holding one.

    >>> any_of(["cookie ", "cookies", "share"]).pattern
    '(?:cookie(?:\\\\ |s)|share)'
    >>> any_of(["a comment", "comment"]).search("No comments") is not None
    True
    """
    tree: dict[str, Any] = {}
    for literal in literals:
        node = tree
        for c in literal[:ANY_OF_DEPTH]:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:  # a literal ends here: nothing more is needed
            return ""
        alternatives = [re.escape(c) + emit(child) for c, child in sorted(node.items())]
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return re.compile(emit(tree) if tree else "(?!)")


def _best(candidates: list[Literals]) -> Literals | None:
    """The most selective candidate: longest shortest alternative, then fewest alternatives."""
    if not candidates:
        return None
    return max(candidates, key=lambda lits: (min(map(len, lits)), -len(lits)))


class _Reader:
    def __init__(self, source: str) -> None:
        self.src = source
        self.pos = 0

    def peek(self) -> str:
        return self.src[self.pos] if self.pos < len(self.src) else ""

    def alternation(self) -> Literals | None:
        """Alternatives up to a closing parenthesis or the end; None if one needs nothing."""
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        if any(b is None for b in branches):
            return None
        return tuple(dict.fromkeys(lit for b in branches if b is not None for lit in b))

    def sequence(self) -> Literals | None:
        """One alternative: the best of its literal runs and required groups."""
        candidates: list[Literals] = []
        run = ""
        while self.peek() not in ("", "|", ")"):
            kind, value = self.atom()
            low, counted = self.quantifier()
            if kind == "literal" and isinstance(value, str) and low >= 1:
                run += value
                if not counted:
                    continue
                # "ab+c": "ab" is contiguous; what follows the repeat starts a new run
            if run:
                candidates.append((run,))
            run = ""
            if kind == "group" and isinstance(value, tuple) and low >= 1:
                candidates.append(value)
        if run:
            candidates.append((run,))
        return _best(candidates)

    def quantifier(self) -> tuple[int, bool]:
        """Read the quantifier after an atom, if any: (its least count, whether there was one)."""
        c = self.peek()
        if c in ("?", "*"):
            self.pos += 1
            low = 0
        elif c == "+":
            self.pos += 1
            low = 1
        elif c == "{":
            end = self.src.find("}", self.pos)
            parts = self.src[self.pos + 1 : end].split(",", 1) if end != -1 else [""]
            if not parts[0].isdigit() or not all(p.isdigit() for p in parts[1:] if p):
                raise _GiveUp("a brace that is not a counted repeat")
            self.pos = end + 1
            low = int(parts[0])
        else:
            return 1, False
        if self.peek() in ("?", "+"):  # lazy or possessive: the same counts
            self.pos += 1
        return low, True

    def atom(self) -> tuple[str, Literals | str | None]:
        """Read one atom: ("literal", the character), ("group", what it requires) or
        ("other", None) for a class, a dot, an anchor or a class escape."""
        c = self.peek()
        if c == "(":
            return "group", self.group()
        if c == "[":
            self.char_class()
            return "other", None
        if c == "\\":
            literal = self.escape()
            return ("other", None) if literal is None else ("literal", literal)
        if c in (".", "^", "$"):
            self.pos += 1
            return "other", None
        if c in SPECIAL:
            raise _GiveUp(f"unexpected {c!r}")
        self.pos += 1
        return "literal", c

    def escape(self) -> str | None:
        """Read an escape: the character it stands for, or None for a class or zero width."""
        nxt = self.src[self.pos + 1 : self.pos + 2]
        self.pos += 2
        if nxt and nxt in ESCAPED_LITERALS:
            return nxt
        if nxt and nxt in CLASS_ESCAPES:
            return None
        if nxt in ("p", "P"):
            # "\\p{Lu}"; without braces the regex module may read a property of one letter
            # or a literal "p" ("\\p?"), so the reader does not guess
            if self.peek() != "{":
                raise _GiveUp(f"\\{nxt} without braces")
            end = self.src.find("}", self.pos)
            if end == -1:
                raise _GiveUp("unclosed property")
            self.pos = end + 1
            return None
        raise _GiveUp(f"escape \\{nxt}")

    def char_class(self) -> None:
        self.pos += 1
        if self.peek() == "^":
            self.pos += 1
        if self.peek() == "]":
            self.pos += 1
        while True:
            c = self.peek()
            if c == "":
                raise _GiveUp("unclosed class")
            if c == "\\":
                self.pos += 2
            elif c == "[":
                raise _GiveUp("a set inside a set")
            elif c == "]":
                self.pos += 1
                return
            else:
                self.pos += 1

    def group_head(self) -> bool:
        """Read a group's opening parenthesis and head; True for a lookaround (zero width)."""
        self.pos += 1
        zero_width = False
        if self.src.startswith("?", self.pos):
            head = self.src[self.pos : self.pos + 3]
            if head.startswith("?:"):
                self.pos += 2
            elif head.startswith(("?=", "?!")):
                self.pos += 2
                zero_width = True
            elif head in ("?<=", "?<!"):
                self.pos += 3
                zero_width = True
            elif head.startswith(("?P<", "?<")):
                end = self.src.find(">", self.pos)
                if end == -1:
                    raise _GiveUp("unclosed group name")
                self.pos = end + 1
            else:
                raise _GiveUp(f"group ({head}")
        return zero_width

    def group_end(self) -> None:
        if self.peek() != ")":
            raise _GiveUp("unclosed group")
        self.pos += 1

    def group(self) -> Literals | None:
        zero_width = self.group_head()
        inner = self.alternation()
        self.group_end()
        return None if zero_width else inner


def required(source: str) -> Literals | None:
    """Literals of which every match of ``source`` contains at least one, or None.

    Read without flags: the caller compares them with :func:`fold` when the pattern ignores
    case (and the literals are then casefolded).
    """
    reader = _Reader(source)
    try:
        found = reader.alternation()
        if reader.pos != len(source):
            raise _GiveUp("text after the pattern")
    except (_GiveUp, IndexError):
        return None
    return found


#: What a part of a pattern may open a match with: its opening atoms (sources), and whether
#: it may match nothing at all (then what follows it may open the match too). None when a
#: part it may open with is not known for sure (a dot, an anchor, a lookaround, ``\\b``).
Opening = tuple[tuple[str, ...], bool] | None


class _OpeningReader(_Reader):
    """Reads a pattern for the atoms its matches may open with (see :func:`openings`)."""

    def branches(self) -> Opening:
        out = self.opening()
        while self.peek() == "|":
            self.pos += 1
            branch = self.opening()
            out = (
                None if out is None or branch is None else (out[0] + branch[0], out[1] or branch[1])
            )
        return out

    def opening(self) -> Opening:
        """One alternative: the openings of its items up to the first that cannot be empty."""
        atoms: tuple[str, ...] = ()
        known = empty = True
        while self.peek() not in ("", "|", ")"):
            item = self.item()
            low, _ = self.quantifier()
            if not empty:
                continue  # past the opening: read only to find the end
            if item is None:
                known = empty = False
                continue
            atoms += item[0]
            empty = low == 0 or item[1]
        return (atoms, empty) if known else None

    def item(self) -> Opening:
        begin = self.pos
        c = self.peek()
        if c == "(":
            return self.group_opening()
        if c == "[":
            self.char_class()
            return (self.src[begin : self.pos],), False
        if c == "\\":
            nxt = self.src[self.pos + 1 : self.pos + 2]
            literal = self.escape()
            if literal is None and nxt not in ONE_CHARACTER_ESCAPES and nxt not in ("p", "P"):
                return None  # zero width, or more than one character
            return (self.src[begin : self.pos],), False
        if c in (".", "^", "$"):
            self.pos += 1
            return None
        if c in SPECIAL:
            raise _GiveUp(f"unexpected {c!r}")
        self.pos += 1
        return (re.escape(c),), False  # regex reads re's escapes alike

    def group_opening(self) -> Opening:
        zero_width = self.group_head()
        inner = self.branches()
        self.group_end()
        return None if zero_width else inner


def openings(source: str) -> tuple[str, ...] | None:
    """Atoms, as pattern sources, one of which the first character of every match of
    ``source`` matches; None when the reading does not know them, or when ``source`` may
    match nothing at all (an empty match has no first character).

    Read without flags: try an atom with the pattern's own flags (an atom compiled alone
    means what it means inside the pattern, as no scoped flag is read).

    >>> openings(r"(?:read|see) more")
    ('r', 's')
    >>> print(*openings(r"\\[?read more here\\]?"))
    \\[ r
    >>> print(*openings(r"\\d{0,6}\\s?comments?"))
    \\d \\s c
    >>> openings(r"(?=s)share") is None, openings(r"\\bshare") is None, openings("x?") is None
    (True, True, True)
    """
    reader = _OpeningReader(source)
    try:
        found = reader.branches()
        if reader.pos != len(source):
            raise _GiveUp("text after the pattern")
    except (_GiveUp, IndexError):
        return None
    if found is None or found[1]:
        return None
    return tuple(dict.fromkeys(found[0]))

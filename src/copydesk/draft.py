"""The working record that pipeline steps pass along.

A :class:`Draft` holds the repaired text, the same text cut into :class:`Line` records with
their offsets, the metadata fields found so far, and the ledger. Steps never mutate a draft:
they return a new one through the methods here, which also write the ledger, so that a step
cannot change the text without saying so.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, NamedTuple

import attrs

from copydesk.article import Caption, Edit, EditKind

__all__ = ["Draft", "Fields", "Line", "LineState", "split_lines"]

LineState = Literal["body", "blank", "removed", "extracted"]


class Line(NamedTuple):
    """One line of the repaired text.

    ``start``/``end`` locate the line in the repaired text (the newline excluded); ``text`` is
    its current content, which differs from the source span only by the recorded ``inline``
    edits. ``state`` says where the line went; ``rule`` names the rule that sent it there.

    A named tuple, not an attrs class: a document can have hundreds of thousands of lines,
    and a tuple of strings and numbers is one the garbage collector stops tracking, where
    every full collection of a long clean used to walk every line again (issue 17).
    Change one with ``line._replace(...)``.
    """

    start: int
    end: int
    text: str
    state: LineState = "body"
    rule: str | None = None
    inline: tuple[Edit, ...] = ()

    @property
    def is_body(self) -> bool:
        """True while the line is still part of the body."""
        return self.state == "body"

    def source_offset(self, pos: int) -> int:
        """Map an offset in ``text`` to an offset in the repaired text."""
        delta = 0  # len(current prefix) - len(source prefix)
        for edit in self.inline:
            cur_start = edit.start - self.start + delta
            if pos <= cur_start:
                break
            cur_end = cur_start + len(edit.new)
            if pos < cur_end:  # inside replacement text: map to the end of what it replaced
                return edit.end
            delta += len(edit.new) - (edit.end - edit.start)
        return self.start + pos - delta


def split_lines(text: str) -> tuple[Line, ...]:
    """Cut ``text`` at ``\\n`` into lines with offsets; whitespace-only lines are ``blank``.

    >>> [(l.start, l.end, l.state) for l in split_lines("a\\n\\nbc")]
    [(0, 1, 'body'), (2, 2, 'blank'), (3, 5, 'body')]
    """
    lines: list[Line] = []
    start = 0
    for part in text.split("\n"):
        end = start + len(part)
        lines.append(_new_line((start, end, part, "body" if part.strip() else "blank", None, ())))
        start = end + 1
    return tuple(lines)


#: A :class:`Line` from all its fields at once: the tuple made in C, the same record as
#: ``Line(...)`` makes through its generated ``__new__`` in Python, at a third of the cost (a
#: document of a few kilobytes has dozens of lines, a long one hundreds of thousands).
_new_line = functools.partial(tuple.__new__, Line)


def _edit_span(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


class _SourceMap:
    """:meth:`Line.source_offset` and :meth:`Draft._touches` for positions that never go back.

    Both scan a line's in-line edits from the start; a caller that asks about positions in
    increasing order (the sorted replacements of one rewrite) can resume where the previous
    question stopped, so that all its questions together cost one pass over the edits.

    A question that goes back (overlapping replacements, which callers should not pass)
    starts the scan again from the first edit, so the answers are always those of
    :meth:`Line.source_offset` and :meth:`Draft._touches`.

    >>> line = Line(0, 5, "a b", inline=(Edit("t", "replaced", 1, 4, "   ", " "),))
    >>> walk = _SourceMap(line)
    >>> [walk.source_offset(p) for p in (0, 1, 2, 3)], walk.touches(4, 5), walk.touches(5, 5)
    ([0, 1, 4, 5], True, False)
    """

    __slots__ = ("_delta", "_edits", "_i", "_line_start", "_pos", "_src", "_t")

    def __init__(self, line: Line) -> None:
        self._edits = line.inline
        self._line_start = line.start
        self._pos = 0  # the last position mapped
        self._i = 0  # first edit not yet wholly before it
        self._delta = 0  # len(current prefix) - len(source prefix) over edits[: self._i]
        self._src = 0  # the last source start asked about
        self._t = 0  # first edit that may still touch a source interval starting there

    def source_offset(self, pos: int) -> int:
        """As :meth:`Line.source_offset`; fastest when ``pos`` never goes back."""
        if pos < self._pos:
            self._i = self._delta = 0
        self._pos = pos
        edits, i, delta = self._edits, self._i, self._delta
        while i < len(edits):
            edit = edits[i]
            cur_start = edit.start - self._line_start + delta
            if pos <= cur_start:
                break
            cur_end = cur_start + len(edit.new)
            if pos < cur_end:  # inside replacement text: map to the end of what it replaced
                self._i, self._delta = i, delta
                return edit.end
            delta += len(edit.new) - (edit.end - edit.start)
            i += 1
        self._i, self._delta = i, delta
        return self._line_start + pos - delta

    def touches(self, src_start: int, src_end: int) -> bool:
        """As :meth:`Draft._touches`; fastest when ``src_start`` never goes back."""
        if src_start < self._src:
            self._t = 0
        self._src = src_start
        edits, t = self._edits, self._t
        while t < len(edits) and edits[t].end < src_start:
            t += 1
        self._t = t
        # The edits are disjoint and sorted: only the first one not wholly before can meet it.
        return t < len(edits) and edits[t].start <= src_end


class _Unsplit:
    """A draft's text, not yet cut into lines (see :attr:`Draft.lines`)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _lines_key(lines: tuple[Line, ...] | _Unsplit) -> tuple[Line, ...]:
    """What drafts compare: their lines, cut or not."""
    return split_lines(lines.text) if isinstance(lines, _Unsplit) else lines


@attrs.frozen(slots=True)
class Fields:
    """The metadata fields found so far (see :class:`copydesk.Article` for their meaning)."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    source: str | None = None
    categories: tuple[str, ...] = ()
    language: str | None = None
    captions: tuple[Caption, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()


@attrs.frozen(slots=True)
class Draft:
    """Everything a step needs: repaired text, its lines, fields, and the ledger so far.

    ``original`` is the decoded input before any repair; replaying the ``repair.*`` edits of
    the ledger on it gives ``text``. ``disabled`` holds rule names switched off by the
    pipeline; ``rules`` carries user rules for the steps that read them; ``site`` is the
    document's site when the caller knows it (:mod:`copydesk.sites`).
    """

    original: str
    text: str
    #: The lines, or the text to cut them from on first use (see :attr:`lines`).
    _lines: tuple[Line, ...] | _Unsplit = attrs.field(alias="lines", eq=_lines_key, repr=False)
    fields: Fields = Fields()
    edits: tuple[Edit, ...] = ()
    encoding: str = "utf-8"
    disabled: frozenset[str] = frozenset()
    rules: object | None = None
    site: str | None = None
    #: The body lines with their positions, listed on the first call of :meth:`body` (a
    #: draft never changes; a new one starts without).
    _body: tuple[tuple[int, Line], ...] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )

    @classmethod
    def from_text(cls, text: str, *, encoding: str = "utf-8") -> Draft:
        """Start a draft from decoded text."""
        return cls(original=text, text=text, lines=_Unsplit(text), encoding=encoding)

    @property
    def lines(self) -> tuple[Line, ...]:
        """The text cut into :class:`Line` records (:func:`split_lines`).

        Cut on first use: the repair steps replace the whole text before any step reads a
        line, so a draft they replace is never cut (half the line records of a long input
        with line breaks to repair; each record is work for the garbage collector too).
        """
        lines = self._lines
        if isinstance(lines, _Unsplit):
            lines = split_lines(lines.text)
            object.__setattr__(self, "_lines", lines)
        return lines

    # -- reading -----------------------------------------------------------------------
    def body(self) -> Iterator[tuple[int, Line]]:
        """Yield ``(index, line)`` for every line still in the body."""
        if self._body is None:
            body = tuple([(i, line) for i, line in enumerate(self.lines) if line.state == "body"])
            object.__setattr__(self, "_body", body)
            return iter(body)
        return iter(self._body)

    def enabled(self, rule: str) -> bool:
        """False when the pipeline switched ``rule`` off."""
        return rule not in self.disabled

    # -- text phase ----------------------------------------------------------------------
    def retext(self, text: str, edits: Sequence[Edit]) -> Draft:
        """Replace the whole text (``repair.*`` steps only), recording ``edits``.

        The lines are cut again from the new text; this is only meaningful before any
        line-level step ran, which :class:`copydesk.Pipeline` guarantees.
        """
        if not edits:
            return self
        return attrs.evolve(self, text=text, lines=_Unsplit(text), edits=(*self.edits, *edits))

    # -- line phase ------------------------------------------------------------------------
    def take(
        self,
        indices: Iterable[int],
        *,
        rule: str,
        kind: Literal["removed", "extracted"],
        scores: Mapping[int, float] | None = None,
        **fields: Any,
    ) -> Draft:
        """Send whole body lines out of the body, optionally setting fields at the same time.

        ``scores`` gives the line model's probability for some of ``indices``; their edits
        carry it (:attr:`copydesk.Edit.score`).
        """
        lines = list(self.lines)
        new_edits: list[Edit] = []
        for i in sorted(set(indices)):
            line = lines[i]
            if line.state != "body":
                continue
            lines[i] = _new_line((line.start, line.end, line.text, kind, rule, line.inline))
            old = self.text[line.start : line.end]
            score = None if scores is None else scores.get(i)
            new_edits.append(Edit(rule, kind, line.start, line.end, old, score=score))
        draft = (
            self
            if not new_edits
            else attrs.evolve(self, lines=tuple(lines), edits=(*self.edits, *new_edits))
        )
        return draft.set_fields(**fields) if fields else draft

    def rewrite(
        self,
        index: int,
        replacements: Sequence[tuple[int, int, str]],
        *,
        rule: str,
        kind: EditKind = "replaced",
    ) -> Draft:
        """Apply in-line replacements ``(start, end, new)`` to line ``index``'s current text.

        Offsets are into the line's current text, sorted and non-overlapping. The ledger gets
        one edit each, located in the repaired text. A replacement that would touch text an
        earlier in-line edit inserted is skipped, so that every edit stays replayable.

        Each call copies the line and ledger tuples: a step that edits many lines should
        collect its changes and call :meth:`rewrite_lines` once, which costs the same as one
        ``rewrite`` and keeps the step linear in the size of the document.
        """
        return self.rewrite_lines(((index, replacements),), rule=rule, kind=kind)

    def rewrite_lines(
        self,
        changes: Iterable[tuple[int, Sequence[tuple[int, int, str]]]],
        *,
        rule: str,
        kind: EditKind = "replaced",
    ) -> Draft:
        """:meth:`rewrite` several lines at once: ``changes`` holds ``(index, replacements)``.

        The same as calling :meth:`rewrite` for each pair in order, in one copy of the lines
        and of the ledger.

        >>> d = Draft.from_text("a  b\\nc  d")
        >>> d = d.rewrite_lines([(0, [(1, 3, " ")]), (1, [(1, 3, " ")])], rule="tidy.spaces")
        >>> [line.text for line in d.lines], len(d.edits)
        (['a b', 'c d'], 2)
        """
        lines: list[Line] | None = None
        new_edits: list[Edit] = []
        for index, replacements in changes:
            line = self.lines[index] if lines is None else lines[index]
            changed = self._rewrite_line(line, replacements, rule, kind, new_edits)
            if changed is not None:
                if lines is None:
                    lines = list(self.lines)
                lines[index] = changed
        if lines is None:
            return self
        return attrs.evolve(self, lines=tuple(lines), edits=(*self.edits, *new_edits))

    @classmethod
    def _rewrite_line(
        cls,
        line: Line,
        replacements: Sequence[tuple[int, int, str]],
        rule: str,
        kind: EditKind,
        new_edits: list[Edit],
    ) -> Line | None:
        """The line after ``replacements`` (its edits appended to ``new_edits``), or None.

        Linear in the line's edits plus the replacements: the replacements come sorted, so
        one :class:`_SourceMap` walks the earlier in-line edits once for all of them (mapping
        each replacement alone would scan them all again, quadratic when two steps edit the
        same long line).
        """
        cur = line.text
        pieces: list[str] = []
        new_inline = list(line.inline)
        walk = _SourceMap(line)
        added = 0
        last = 0
        for start, end, new in replacements:
            if start < last or end < start or end > len(cur) or cur[start:end] == new:
                continue
            src_start, src_end = walk.source_offset(start), walk.source_offset(end)
            if src_end - src_start != end - start or walk.touches(src_start, src_end):
                continue
            pieces.append(cur[last:start])
            pieces.append(new)
            last = end
            edit = Edit(rule, kind, src_start, src_end, cur[start:end], new)
            new_inline.append(edit)
            new_edits.append(edit)
            added += 1
        if not added:
            return None
        pieces.append(cur[last:])
        text = "".join(pieces)
        if line.inline:  # two sorted runs: one merge (timsort), not a full sort
            new_inline.sort(key=_edit_span)
        state: LineState = line.state if text.strip() else "blank"
        return line._replace(text=text, inline=tuple(new_inline), state=state)

    @staticmethod
    def _touches(line: Line, src_start: int, src_end: int) -> bool:
        """True when [src_start, src_end] meets an earlier in-line edit (closed intervals).

        Conservative on purpose: adjacent edits are refused too, so that the order in which
        edits replay never matters.
        """
        return any(src_start <= e.end and e.start <= src_end for e in line.inline)

    def note(
        self, index: int, start: int, end: int, *, rule: str, value: str, **fields: Any
    ) -> Draft:
        """Record that ``value`` was read from ``text[start:end]`` of body line ``index``, which
        stays as it is (a ``read`` edit), and set ``fields`` with it.

        Refused (the draft comes back unchanged, fields unset) when the span is not the
        repaired text as written, so that every value set here has its ledger entry.
        """
        line = self.lines[index]
        if line.state != "body" or not 0 <= start < end <= len(line.text):
            return self
        src_start, src_end = line.source_offset(start), line.source_offset(end)
        old = line.text[start:end]
        if self.text[src_start:src_end] != old:
            return self
        edit = Edit(rule, "read", src_start, src_end, old, value)
        draft = attrs.evolve(self, edits=(*self.edits, edit))
        if self._body is not None:
            object.__setattr__(draft, "_body", self._body)
        return draft.set_fields(**fields) if fields else draft

    def set_fields(self, **values: Any) -> Draft:
        """Set metadata fields (``title=...``, ``authors=(...)``, ``metadata=((k, v), ...)``)."""
        draft = attrs.evolve(self, fields=attrs.evolve(self.fields, **values))
        if self._body is not None:  # the same lines: the same body, not listed again
            object.__setattr__(draft, "_body", self._body)
        return draft

    def add_metadata(self, items: Mapping[str, str]) -> Draft:
        """Add ``metadata`` entries; a key already present keeps its first value."""
        have = dict(self.fields.metadata)
        for k, v in items.items():
            have.setdefault(k, v)
        return self.set_fields(metadata=tuple(have.items()))

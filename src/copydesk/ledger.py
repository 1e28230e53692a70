"""Replaying and checking the ledger: the proof that nothing was lost or invented.

These functions are what the property tests use to hold the reconstruction law, and what a
step author can use to check a new step:

>>> from copydesk import DEFAULT, Draft
>>> draft = DEFAULT.apply(Draft.from_text("Title here\\n\\nBody  text.It goes on and on."))
>>> ledger_problems(draft)
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from copydesk.article import Edit
from copydesk.draft import Draft

__all__ = ["ledger_problems", "replay", "replay_repairs"]


def replay(text: str, edits: Iterable[Edit], *, offset: int = 0) -> str:
    """Apply non-overlapping ``edits`` (located in ``text`` shifted by ``offset``) to ``text``.

    >>> replay("a  b", [Edit("tidy.spaces", "replaced", 1, 3, "  ", " ")])
    'a b'
    """
    out: list[str] = []
    last = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        s, t = e.start - offset, e.end - offset
        if s < last or text[s:t] != e.old:
            raise ValueError(f"edit {e!r} does not apply at {s}:{t} of {text!r}")
        out.append(text[last:s])
        out.append(e.new)
        last = t
    out.append(text[last:])
    return "".join(out)


def _is_text_edit(edit: Edit) -> bool:
    """True for the edits made on the whole text: the size limit and the ``repair.*`` steps."""
    return edit.rule.startswith(("repair.", "limit."))


def replay_repairs(original: str, edits: Sequence[Edit]) -> str:
    """Rebuild the repaired text from the original by replaying the whole-text edits in order.

    Those are the ``limit.max_chars`` cut (first, when the input was too long) and the
    ``repair.*`` edits, step by step:

    >>> from copydesk.clean import start
    >>> text = "Line one.\\r\\nLine two."
    >>> replay_repairs(text, start(text, max_chars=10).edits)
    'Line one.'
    """
    text = original
    repairs = [e for e in edits if _is_text_edit(e)]
    for _, group in groupby(repairs, key=lambda e: e.rule):
        text = replay(text, group)
    return text


def ledger_problems(draft: Draft) -> list[str]:
    """Return every way ``draft`` breaks the reconstruction law (empty when it holds).

    The law: replaying the size cut and the repair edits on the original gives the repaired
    text; the lines tile the repaired text; each body line is its source span with its
    in-line edits replayed; each line out of the body has one ledger edit holding its source
    text; each ``read`` edit holds a span of the repaired text inside one line (a value read
    from text left where it was); and the ledger
    has no edit that is not one of these.
    """
    problems: list[str] = []
    try:
        if replay_repairs(draft.original, draft.edits) != draft.text:
            problems.append("replaying the repair edits does not give the repaired text")
    except ValueError as exc:
        problems.append(f"repair edits do not replay: {exc}")
    text = draft.text
    if "\n".join(text[ln.start : ln.end] for ln in draft.lines) != text:
        problems.append("the lines do not tile the repaired text")
    accounted = {id(e) for e in draft.edits if _is_text_edit(e)}
    taken = {(e.start, e.end, e.rule): e for e in draft.edits if e.kind in ("removed", "extracted")}
    for n, line in enumerate(draft.lines):
        source = text[line.start : line.end]
        try:
            if replay(source, line.inline, offset=line.start) != line.text:
                problems.append(f"line {n}: in-line edits do not rebuild {line.text!r}")
        except ValueError as exc:
            problems.append(f"line {n}: {exc}")
        accounted.update(id(e) for e in line.inline)
        if line.state in ("removed", "extracted"):
            edit = taken.get((line.start, line.end, line.rule or ""))
            if edit is None or edit.old != source or edit.kind != line.state:
                problems.append(f"line {n} is {line.state} without a matching ledger edit")
            else:
                accounted.add(id(edit))
        elif line.state == "blank" and line.text.strip():
            problems.append(f"line {n} is blank but holds {line.text!r}")
    accounted.update(id(e) for e in _read_notes(draft, problems))
    stray = [e for e in draft.edits if id(e) not in accounted]
    if stray:
        problems.append(f"{len(stray)} ledger edits belong to no line: {stray[:3]!r}")
    return problems


def _read_notes(draft: Draft, problems: list[str]) -> list[Edit]:
    """The ``read`` edits that hold: each a span of the repaired text inside one line.

    Adds a problem for every other ``read`` edit.
    """
    notes = [e for e in draft.edits if e.kind == "read"]
    good: list[Edit] = []
    for e in notes:
        inside = any(ln.start <= e.start <= e.end <= ln.end for ln in draft.lines)
        if not inside or not e.old or draft.text[e.start : e.end] != e.old:
            problems.append(f"read edit {e!r} is not a span of one line of the repaired text")
        else:
            good.append(e)
    return good

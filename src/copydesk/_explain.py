"""``copydesk explain``: the page a person reads to understand what happened to one document.

First the fields that were found, then the document itself in its own order: body lines as
they are now, with in-line fixes in word-diff form (``[-old-]{+new+}``), and every line that
left the body shown in place, marked ``-`` (removed) or ``>`` (extracted into a field) with
the rule that moved it and, when the line model decided, its probability. Repairs made before
the text was cut into lines (mojibake, control characters) come first, since they have no
place among the lines. Everything is wrapped to the terminal's width; invisible characters
are written as escapes so that a removed zero-width space or carriage return can be seen.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Collection, Iterator, Sequence

from copydesk._progress import plural
from copydesk.article import Edit
from copydesk.clean import finish, start
from copydesk.draft import Draft, Line
from copydesk.limits import LIMIT_RULE
from copydesk.pipeline import Pipeline

__all__ = ["DEFAULT_WIDTH", "explain", "render_page", "visible"]

#: Width of the page when the terminal's is unknown (output to a file or a pipe).
DEFAULT_WIDTH = 100
#: Narrowest page drawn, however narrow the terminal.
MIN_WIDTH = 40
#: Wrapped lines shown of one line that left the body; the rest is counted, not shown.
MAX_TAKEN_LINES = 3
#: Edits of one repair rule listed before the rest of them are counted.
MAX_REPAIRS_PER_RULE = 10

_RESET = "\x1b[0m"
_COLORS = {
    "removed": "\x1b[31m",
    "extracted": "\x1b[36m",
    "inserted": "\x1b[32m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
}
_SIGNS = {"removed": "-", "extracted": ">", "body": " "}
#: The word-diff marks of an in-line change, ``[-old-]`` and ``{+new+}``, with the colour of
#: each, for colouring a line after it is wrapped (a mark cut by the wrap stays uncoloured).
_MARKS = (("[-", "-]", "removed"), ("{+", "+}", "inserted"))


def visible(text: str) -> str:
    r"""``text`` with characters that print as nothing written as escapes.

    >>> visible("a\u200bb\r")
    'a\\u200bb\\r'
    >>> visible("Café – ok")
    'Café – ok'
    """
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            escaped = ch.encode("unicode_escape").decode("ascii")
            out.append(escaped if escaped != ch else f"\\u{ord(ch):04x}")
    return "".join(out)


def _paint(text: str, key: str, color: bool) -> str:
    return f"{_COLORS[key]}{text}{_RESET}" if color and text else text


def _tag(edit: Edit | None, rule: str) -> str:
    """``[rule]``, with the model's probability when the edit carries one."""
    score = getattr(edit, "score", None)
    return f"[{rule} p={score:.2f}]" if score is not None else f"[{rule}]"


def _wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` characters, at spaces when it can be."""
    return textwrap.wrap(
        text, width, break_long_words=True, break_on_hyphens=False, drop_whitespace=True
    ) or [""]


def _inline_diff(draft: Draft, line: Line) -> str:
    """The line's source text with its in-line edits in word-diff form."""
    parts: list[str] = []
    pos = line.start
    for edit in sorted(line.inline, key=lambda e: (e.start, e.end)):
        if edit.start < pos or edit.end > line.end:  # not placeable: show the result only
            return visible(line.text)
        parts.append(visible(draft.text[pos : edit.start]))
        if edit.old:
            parts.append(f"[-{visible(edit.old)}-]")
        if edit.new:
            parts.append(f"{{+{visible(edit.new)}+}}")
        pos = edit.end
    parts.append(visible(draft.text[pos : line.end]))
    return "".join(parts)


def _colour_marks(text: str, color: bool) -> str:
    """``text`` with each complete word-diff mark coloured; one forward pass (``str.find``
    never goes back), so linear whatever the text."""
    if not color:
        return text
    for opening, closing, key in _MARKS:
        out: list[str] = []
        pos = 0
        while (start := text.find(opening, pos)) >= 0:
            end = text.find(closing, start + len(opening))
            if end < 0:
                break
            end += len(closing)
            out += [text[pos:start], _paint(text[start:end], key, True)]
            pos = end
        text = "".join(out) + text[pos:]
    return text


def _entry(sign: str, text: str, tag: str, *, width: int, key: str, color: bool) -> list[str]:
    """One source line on the page: sign, wrapped text, and the rule's ``tag`` at its end (or
    under it, when it does not fit), coloured after the widths are measured."""
    body = _wrap(text, width - 2)
    limit = MAX_TAKEN_LINES if key in ("removed", "extracted") else len(body)
    if len(body) > limit:
        shown = sum(len(part) for part in body[:limit])
        body = [*body[:limit], f"… ({len(text) - shown:,} more characters)"]
    lines = [f"{sign if i == 0 else ' '} {part}" for i, part in enumerate(body)]
    if key in ("removed", "extracted"):
        out = [_paint(line, key, color) for line in lines]
    else:
        out = [_colour_marks(line, color) for line in lines]
    if not tag:
        return out
    if len(lines[-1]) + 2 + len(tag) <= width:
        out[-1] += "  " + _paint(tag, "dim", color)
        return out
    return out + ["  " + _paint(part, "dim", color) for part in _wrap(tag, width - 2)]


def _document(draft: Draft, width: int, color: bool) -> Iterator[str]:
    """The document's lines in their order: body, removed and extracted lines in place."""
    taken = {(e.start, e.end, e.rule): e for e in draft.edits if e.kind in ("removed", "extracted")}
    blank = True  # no blank line at the top, and one for a run of them
    for line in draft.lines:
        if line.state == "blank" or (line.state == "body" and not line.text.strip()):
            if not blank:
                yield ""
            blank = True
            continue
        blank = False
        if line.state == "body":
            rules = ", ".join(dict.fromkeys(edit.rule for edit in line.inline))
            tag = f"[{rules}]" if rules else ""
            yield from _entry(
                " ", _inline_diff(draft, line), tag, width=width, key="body", color=color
            )
            continue
        rule = line.rule or "?"
        edit = taken.get((line.start, line.end, rule))
        yield from _entry(
            _SIGNS[line.state],
            visible(draft.text[line.start : line.end]),
            _tag(edit, rule),
            width=width,
            key=line.state,
            color=color,
        )


def _repairs(edits: Sequence[Edit], width: int, color: bool) -> Iterator[str]:
    """The text-phase edits, whose offsets point into the text before the lines were cut."""
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    for edit in edits:
        if shown[edit.rule] >= MAX_REPAIRS_PER_RULE:
            hidden[edit.rule] += 1
            continue
        shown[edit.rule] += 1
        old = f"[-{visible(edit.old)}-]" if edit.old else ""
        new = f"{{+{visible(edit.new)}+}}" if edit.new else ""
        change = old + new
        if len(change) > width - 4:
            change = change[: width - 5] + "…"
        yield from _entry(
            "~", change, _tag(edit, edit.rule), width=width, key="body",
            color=color,
        )  # fmt: skip
    for rule, n in hidden.items():
        yield f"  … and {plural(n, 'more edit')} by {rule}"


def render_page(
    draft: Draft,
    *,
    text_rules: Collection[str] = (),
    name: str = "",
    color: bool = False,
    width: int = DEFAULT_WIDTH,
) -> str:
    """The explanation of a finished ``draft``: fields, repairs, then the document in order.

    ``text_rules`` are the names of the text-phase steps and their rules, whose edits are
    listed as repairs before the document.

    >>> from copydesk.draft import Draft
    >>> draft = Draft.from_text("Storm closes port\\n\\nShare this\\n\\nThe port shut.Ships wait.")
    >>> draft = draft.take([0], rule="extract.title", kind="extracted", title="Storm closes port")
    >>> draft = draft.take([2], rule="model.residue", kind="removed", scores={2: 0.91})
    >>> draft = draft.rewrite(4, [(14, 14, " ")], rule="tidy.glued_sentences")
    >>> print(render_page(draft))
    title:      Storm closes port
    encoding:   utf-8
    <BLANKLINE>
    ledger: 3 edits: 1 removed, 1 extracted, 1 replaced
    <BLANKLINE>
    > Storm closes port  [extract.title]
    <BLANKLINE>
    - Share this  [model.residue p=0.91]
    <BLANKLINE>
      The port shut.{+ +}Ships wait.  [tidy.glued_sentences]
    <BLANKLINE>
    body: 1 paragraph, 26 characters
    """
    width = max(width, MIN_WIDTH)
    article = finish(draft)
    lines = [f"file:       {name}"] if name else []
    fields = {
        "title": article.title,
        "authors": ", ".join(article.authors),
        "published": article.published.isoformat() if article.published else "",
        "source": article.source,
        "categories": ", ".join(article.categories),
        "language": article.language,
        "encoding": article.encoding,
    }
    for key, value in fields.items():
        if value:
            lines.extend(_field(key, visible(value), width))
    for caption in article.captions:
        credit = f" ({visible(caption.credit)})" if caption.credit else ""
        lines.extend(_field("caption", visible(caption.text) + credit, width))
    for key, value in article.metadata.items():
        lines.extend(_field("meta", f"{visible(key)}: {visible(value)}", width))
    kinds = Counter(edit.kind for edit in draft.edits)
    summary = ", ".join(
        f"{kinds[k]:,} {k}" for k in ("removed", "extracted", "replaced", "read") if kinds[k]
    )
    ledger = f"ledger: {plural(len(draft.edits), 'edit')}" + (f": {summary}" if summary else "")
    lines += ["", *_wrap(ledger, width)]
    repairs = [e for e in draft.edits if e.rule in text_rules and e.rule != LIMIT_RULE]
    if repairs:
        lines += ["", _paint("repairs, before lines were cut:", "bold", color)]
        lines.extend(_repairs(repairs, width, color))
    lines.append("")
    lines.extend(_document(draft, width, color))
    cut = [e for e in draft.edits if e.rule == LIMIT_RULE]
    if cut:
        lines += ["", *_entry(
            "-", f"… the last {plural(len(cut[0].old), 'character')} of the input, not read",
            _tag(cut[0], LIMIT_RULE), width=width, key="removed", color=color,
        )]  # fmt: skip
    if lines[-1]:
        lines.append("")
    n_par = len(article.paragraphs)
    lines.append(f"body: {plural(n_par, 'paragraph')}, {plural(len(article.body), 'character')}")
    return "\n".join(lines)


def _field(key: str, value: str, width: int) -> list[str]:
    """``key:`` and its value wrapped under itself."""
    label = f"{key + ':':<11} "
    wrapped = _wrap(value, width - len(label))
    return [label + wrapped[0], *(" " * len(label) + part for part in wrapped[1:])]


def explain(
    raw: str | bytes,
    *,
    pipeline: Pipeline,
    rules: object | None = None,
    name: str = "",
    color: bool = False,
    width: int = DEFAULT_WIDTH,
) -> str:
    """Clean ``raw`` with ``pipeline`` and explain the result (:func:`render_page`).

    >>> from copydesk import DEFAULT
    >>> out = explain("Storm closes port\\n\\nThe port shut.Ships wait offshore.", pipeline=DEFAULT)
    >>> [line for line in out.splitlines() if "{+" in line]
    ['  The port shut.{+ +}Ships wait offshore.  [tidy.glued_sentences]']
    >>> calm = explain("Calm day\\n\\nNothing to fix here.", pipeline=DEFAULT)
    >>> [line for line in calm.splitlines() if "{+" in line or "[-" in line]
    []
    """
    draft = pipeline.apply(start(raw, rules=rules))
    text_rules = {r for s in pipeline.steps if s.phase == "text" for r in (s.name, *s.rules)}
    return render_page(draft, text_rules=text_rules, name=name, color=color, width=width)

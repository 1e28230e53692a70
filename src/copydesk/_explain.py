"""``copydesk explain``: an article's fields and ledger, readable in a terminal like a diff.

Removed text is shown as ``-`` lines, extracted text as ``>`` lines, in-line replacements as a
``-``/``+`` pair; each names the rule that made it. Invisible characters are written as escapes
so that a removed zero-width space or carriage return can be seen.
"""

from __future__ import annotations

from collections.abc import Collection

from copydesk.article import Article, Edit
from copydesk.clean import finish, start
from copydesk.pipeline import Pipeline

__all__ = ["explain", "render_explain", "visible"]

_RESET = "\x1b[0m"
_COLORS = {"removed": "\x1b[31m", "extracted": "\x1b[36m", "replaced": "\x1b[33m", "dim": "\x1b[2m"}
_SIGNS = {"removed": "-", "extracted": ">", "replaced": "~"}


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


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _paint(text: str, key: str, color: bool) -> str:
    return f"{_COLORS[key]}{text}{_RESET}" if color else text


_CONTEXT = 24  # characters of the repaired text shown each side of an in-line change


def _edit_lines(edit: Edit, color: bool, text: str | None) -> list[str]:
    rule = _paint(f"[{edit.rule}]", "dim", color)
    if edit.kind != "replaced":
        painted = _paint(f"{_SIGNS[edit.kind]} {visible(edit.old)}", edit.kind, color)
        return [f"{painted}  {rule}"]
    # An in-line change in word-diff form: [-old-]{+new+}, with context when it is known.
    old = _paint(f"[-{visible(edit.old)}-]", "removed", color) if edit.old else ""
    new = _paint(f"{{+{visible(edit.new)}+}}", "extracted", color) if edit.new else ""
    before = after = ""
    if text is not None and 0 <= edit.start <= edit.end <= len(text):
        line_start = text.rfind("\n", 0, edit.start) + 1
        line_end = text.find("\n", edit.end)
        line_end = len(text) if line_end < 0 else line_end
        lo = max(line_start, edit.start - _CONTEXT)
        hi = min(line_end, edit.end + _CONTEXT)
        before = ("…" if lo > line_start else "") + visible(text[lo : edit.start])
        after = visible(text[edit.end : hi]) + ("…" if hi < line_end else "")
    return [f"~ {before}{old}{new}{after}  {rule}"]


def render_explain(
    article: Article,
    *,
    text: str | None = None,
    text_rules: Collection[str] = (),
    name: str = "",
    color: bool = False,
) -> str:
    """The explanation of ``article``: its fields, every ledger entry, and the body's size.

    ``text`` is the repaired text that the line steps' offsets point into; when given, in-line
    changes by rules not in ``text_rules`` (whose offsets point into earlier text) are shown
    in context.

    >>> from copydesk import clean_article
    >>> raw = "Storm closes port\\n\\nThe port closed on Monday.The storm hit the coast hard."
    >>> print(render_explain(clean_article(raw)))
    title:      Storm closes port
    language:   -
    encoding:   str
    <BLANKLINE>
    ledger: 2 edits (- removed, > extracted, ~ replaced)
    > Storm closes port  [extract.title]
    ~ {+ +}  [tidy.glued_sentences]
    <BLANKLINE>
    body: 1 paragraph, 56 characters
    """
    lines = [f"file:       {name}"] if name else []
    fields = {
        "title": article.title,
        "authors": ", ".join(article.authors),
        "published": article.published.isoformat() if article.published else "",
        "source": article.source,
        "categories": ", ".join(article.categories),
        "language": article.language or "-",
        "encoding": article.encoding,
    }
    lines += [f"{k + ':':<11} {v}" for k, v in fields.items() if v]
    lines += [
        f"caption:    {visible(c.text)}" + (f" ({c.credit})" if c.credit else "")
        for c in article.captions
    ]
    lines += [f"meta:       {k}: {visible(v)}" for k, v in article.metadata.items()]
    lines.append("")
    n_edits = len(article.edits)
    lines.append(f"ledger: {_count(n_edits, 'edit')} (- removed, > extracted, ~ replaced)")
    for edit in article.edits:
        lines.extend(_edit_lines(edit, color, None if edit.rule in text_rules else text))
    lines.append("")
    n_par = len(article.paragraphs)
    lines.append(f"body: {_count(n_par, 'paragraph')}, {_count(len(article.body), 'character')}")
    return "\n".join(lines)


def explain(
    raw: str | bytes,
    *,
    pipeline: Pipeline,
    rules: object | None = None,
    name: str = "",
    color: bool = False,
) -> str:
    """Clean ``raw`` with ``pipeline`` and explain the result, with in-line changes in context.

    >>> from copydesk import DEFAULT
    >>> out = explain("Storm closes port\\n\\nThe port shut.Ships wait offshore.", pipeline=DEFAULT)
    >>> [line for line in out.splitlines() if line.startswith("~")]
    ['~ The port shut.{+ +}Ships wait offshore.  [tidy.glued_sentences]']
    >>> calm = explain("Calm day\\n\\nNothing to fix here.", pipeline=DEFAULT)
    >>> [line for line in calm.splitlines() if line.startswith("~")]
    []
    """
    draft = pipeline.apply(start(raw, rules=rules))
    text_rules = {r for s in pipeline.steps if s.phase == "text" for r in (s.name, *s.rules)}
    return render_explain(
        finish(draft), text=draft.text, text_rules=text_rules, name=name, color=color
    )

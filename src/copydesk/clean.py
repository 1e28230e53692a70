"""``clean_article``: decode, run a pipeline, and freeze the result into an Article."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from copydesk.article import Article
from copydesk.decode import decode_bytes
from copydesk.draft import Draft
from copydesk.errors import NotTextError, PipelineError
from copydesk.limits import DEFAULT_MAX_CHARS, LIMIT_RULE, cap_bytes, truncation

if TYPE_CHECKING:
    from copydesk.pipeline import Pipeline

__all__ = ["clean_article", "finish", "start"]

#: ``Article.encoding`` when the input was already ``str`` (nothing was decoded).
STR_INPUT = "str"


def _check_max_chars(max_chars: object) -> None:
    if max_chars is None:
        return
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 0:
        raise PipelineError(
            f"max_chars must be a non-negative int or None (no limit), got {max_chars!r}"
        )


def start(
    raw: str | bytes,
    *,
    rules: object | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    site: str | None = None,
) -> Draft:
    """Decode ``raw`` (when bytes), cut it to ``max_chars``, and make the first Draft.

    A cut is the first ledger edit (rule ``limit.max_chars``), located in ``original``, the
    decoded text; bytes past what ``max_chars`` characters can need are never decoded.

    >>> d = start("Line one.\\nLine two.", max_chars=10)
    >>> d.original, d.text, [(e.rule, e.old) for e in d.edits]
    ('Line one.\\nLine two.', 'Line one.', [('limit.max_chars', '\\nLine two.')])
    >>> start("Line one.\\nLine two.", max_chars=None).text
    'Line one.\\nLine two.'
    """
    _check_max_chars(max_chars)
    if isinstance(raw, str):
        text, encoding = raw, STR_INPUT
    elif isinstance(raw, (bytes, bytearray, memoryview)):
        text, encoding = decode_bytes(cap_bytes(bytes(raw), max_chars))
    else:
        raise NotTextError(
            f"clean_article() takes str or bytes, not {type(raw).__name__}: "
            "pass the document's text, or its raw bytes to let copydesk decode them"
        )
    draft = Draft.from_text(text, encoding=encoding)
    cut = truncation(text, max_chars)
    if cut is not None:
        draft = draft.retext(text[: cut.start], [cut])
    if rules is None and site is None:
        return draft
    return attrs.evolve(draft, rules=rules, site=site)


def finish(draft: Draft) -> Article:
    """Freeze a Draft into an Article: body lines become paragraphs."""
    paragraphs = tuple(line.text for _, line in draft.body())
    f = draft.fields
    return Article(
        body="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        title=f.title,
        authors=f.authors,
        published=f.published,
        source=f.source,
        categories=f.categories,
        language=f.language,
        captions=f.captions,
        metadata=dict(f.metadata),
        encoding=draft.encoding,
        edits=draft.edits,
        # start() makes the cut the ledger's first edit, before any step
        truncated=bool(draft.edits) and draft.edits[0].rule == LIMIT_RULE,
    )


def clean_article(
    raw: str | bytes,
    *,
    pipeline: Pipeline | None = None,
    rules: object | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    site: str | None = None,
) -> Article:
    """Clean one scraped document into an :class:`Article`.

    ``raw`` is the document's text, or its bytes (decoded BOM-aware, UTF-8 first, then the
    most plausible legacy code page). Never raises on ``str`` or ``bytes`` input; any other
    type raises :class:`copydesk.NotTextError` (a ``TypeError``).

    Only the first ``max_chars`` characters are cleaned (``None``: no limit); a longer
    input is cut at a line break near the limit, the cut is the ledger's first edit (rule
    ``limit.max_chars``) and ``Article.truncated`` is True.

    ``site`` names the site the document comes from (a host such as ``"example.com"``): rules
    scoped to sites, as learned rules are, fire only on documents of their sites. Without it,
    the host of a ``URL Source:`` header line is used, if the document has one.

    >>> a = clean_article("Stocks up\\n\\nShares rose.The index gained 2% on Friday, dealers said.")
    >>> a.title, a.body
    ('Stocks up', 'Shares rose. The index gained 2% on Friday, dealers said.')
    >>> [(e.rule, e.kind) for e in a.edits]
    [('extract.title', 'extracted'), ('tidy.glued_sentences', 'replaced')]
    """
    if pipeline is None:
        from copydesk.default import DEFAULT

        pipeline = DEFAULT
    if site is not None and not isinstance(site, str):
        raise PipelineError(f"site must be a str or None, got {type(site).__name__}")
    return finish(pipeline.apply(start(raw, rules=rules, max_chars=max_chars, site=site)))

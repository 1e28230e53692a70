"""``clean_article``: decode, run a pipeline, and freeze the result into an Article."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from copydesk.article import Article
from copydesk.decode import decode_bytes
from copydesk.draft import Draft
from copydesk.errors import NotTextError

if TYPE_CHECKING:
    from copydesk.pipeline import Pipeline

__all__ = ["clean_article", "finish", "start"]

#: ``Article.encoding`` when the input was already ``str`` (nothing was decoded).
STR_INPUT = "str"


def start(raw: str | bytes, *, rules: object | None = None) -> Draft:
    """Decode ``raw`` (when bytes) and make the first Draft."""
    if isinstance(raw, str):
        text, encoding = raw, STR_INPUT
    elif isinstance(raw, (bytes, bytearray, memoryview)):
        text, encoding = decode_bytes(bytes(raw))
    else:
        raise NotTextError(
            f"clean_article() takes str or bytes, not {type(raw).__name__}: "
            "pass the document's text, or its raw bytes to let copydesk decode them"
        )
    draft = Draft.from_text(text, encoding=encoding)
    return draft if rules is None else attrs.evolve(draft, rules=rules)


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
    )


def clean_article(
    raw: str | bytes, *, pipeline: Pipeline | None = None, rules: object | None = None
) -> Article:
    """Clean one scraped document into an :class:`Article`.

    ``raw`` is the document's text, or its bytes (decoded BOM-aware, UTF-8 first, then the
    most plausible legacy code page). Never raises on ``str`` or ``bytes`` input; any other
    type raises :class:`copydesk.NotTextError` (a ``TypeError``).

    >>> a = clean_article("Stocks up\\n\\nShares rose.The index gained 2% on Friday, dealers said.")
    >>> a.title, a.body
    ('Stocks up', 'Shares rose. The index gained 2% on Friday, dealers said.')
    >>> [(e.rule, e.kind) for e in a.edits]
    [('extract.title', 'extracted'), ('tidy.glued_sentences', 'replaced')]
    """
    if pipeline is None:
        from copydesk.default import DEFAULT

        pipeline = DEFAULT
    return finish(pipeline.apply(start(raw, rules=rules)))

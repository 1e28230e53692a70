"""Where metadata lines sit: the first and last few body lines of a draft."""

from __future__ import annotations

from copydesk.draft import Draft, Line

__all__ = ["edges"]


def edges(draft: Draft, head: int, tail: int) -> list[tuple[int, Line]]:
    """The first ``head`` and last ``tail`` body lines, in order, each once; under a menu of
    section links at the top, or a header above the lede, as many more as
    :func:`~copydesk.extract.title.header_lines` says.

    >>> d = Draft.from_text("A story.\\nIt ends.\\nAnd on.\\nMore.\\nThe end.")
    >>> [line.text for _, line in edges(d, 2, 1)]
    ['A story.', 'It ends.', 'The end.']
    >>> d = Draft.from_text("News\\nSport\\nA story.\\nIt ends.\\nAnd on.\\nThe end.")
    >>> [line.text for _, line in edges(d, 2, 1)]
    ['News', 'Sport', 'A story.', 'It ends.', 'The end.']
    """
    from copydesk.extract.title import header_lines

    body = list(draft.body())
    picked = dict(body[: header_lines(body, head)])
    picked.update(body[-tail:] if tail else [])
    return sorted(picked.items())

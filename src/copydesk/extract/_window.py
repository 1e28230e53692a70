"""Where metadata lines sit: the first and last few body lines of a draft."""

from __future__ import annotations

from copydesk.draft import Draft, Line

__all__ = ["edges"]


def edges(draft: Draft, head: int, tail: int) -> list[tuple[int, Line]]:
    """The first ``head`` and last ``tail`` body lines, in order, each once.

    >>> d = Draft.from_text("a\\nb\\nc\\nd\\ne")
    >>> [line.text for _, line in edges(d, 2, 1)]
    ['a', 'b', 'e']
    """
    body = list(draft.body())
    picked = dict(body[:head])
    picked.update(body[-tail:] if tail else [])
    return sorted(picked.items())

"""Where metadata lines sit: the first and last few body lines of a draft."""

from __future__ import annotations

from copydesk._identity import IdentityCache
from copydesk.draft import Draft, Line

__all__ = ["edges", "header_count", "last_credited_prose"]

#: Per lines of a draft (by identity) and lines wanted: how many first body lines its header
#: readers look at. Several steps ask, most about a draft no step before them changed.
_HEADER: IdentityCache[tuple[Line, ...], int] = IdentityCache(16)
#: Per lines of a draft (by identity): the index of its last body line that reads as prose
#: with an agency's credit glued after it or none. Two steps ask; in most documents no step
#: between them changed the lines.
_LAST_PROSE: IdentityCache[tuple[Line, ...], int | None] = IdentityCache(16)


def header_count(draft: Draft, head: int) -> int:
    """How many first body lines the readers of the header look at, for ``head`` wanted:
    :func:`~copydesk.extract.title.header_lines`, kept for the draft's lines.

    >>> header_count(Draft.from_text("News\\nSport\\nA story.\\nIt ends."), 2)
    4
    """
    from copydesk.extract.title import header_lines

    return _HEADER.get(draft.lines, head, lambda: header_lines(list(draft.body()), head))


def last_credited_prose(draft: Draft) -> int | None:
    """The index of the story's last paragraph: the last body line that reads as prose, an
    agency's credit glued after its last sentence or none
    (:func:`~copydesk.extract._meta_lines.prose_credited`), kept for the draft's lines;
    ``None`` when no body line does. A page's footer may stand under it.

    >>> prose = "The port stays shut for repairs after the storm, officials said."
    >>> last_credited_prose(Draft.from_text(f"Storm closes port\\n{prose} (AP)\\nShare this"))
    1
    >>> last_credited_prose(Draft.from_text("Storm closes port\\nShare this")) is None
    True
    """
    from copydesk.extract._meta_lines import prose_credited

    def build() -> int | None:
        body = list(draft.body())
        return next((i for i, line in reversed(body) if prose_credited(line.text)), None)

    return _LAST_PROSE.get(draft.lines, None, build)


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
    body = list(draft.body())
    picked = dict(body[: header_count(draft, head)])
    picked.update(body[-tail:] if tail else [])
    return sorted(picked.items())

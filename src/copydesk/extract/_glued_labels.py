"""An author label glued inside a header line, after a summary or a teaser: "… (PNTR)
Status Author: Jane Roe, Director of Research and". Used by ``extract.bylines``."""

from __future__ import annotations

from copydesk._lazy import lazy_regex
from copydesk.extract._names import split_names

__all__ = ["read_glued_author"]

# An author label with its colon after other words of the line, then the names up to a
# comma, a semicolon, a pipe or the end ("… Status Author: Jane Roe, Director of …"). Only
# labels that name the author with a colon: "by" inside a sentence is prose. Bounded.
GLUED_AUTHOR_RE = lazy_regex(
    r"(?<=\S)[ \t]{1,3}(?P<label>Authors?|Autor(?:in)?|Auteur|Yazar|Автор|Written[ \t]by|Text)"
    r"[ \t]{0,2}:[ \t]{0,2}(?P<names>\p{Lu}[^\n,;:|]{2,60}?)[ \t]{0,2}(?=[,;|]|$)"
)


def read_glued_author(text: str) -> tuple[int, tuple[str, ...]] | None:
    """``(cut, names)`` for an author label glued after other words: the names, and where
    the label starts (what follows the names, a job or a cut-off teaser, goes with them).

    >>> line = "Effects of the Harbour Tariffs (Report) Author: Jane Roe, Director of Research and"
    >>> cut, names = read_glued_author(line)
    >>> line[:cut], names
    ('Effects of the Harbour Tariffs (Report)', ('Jane Roe',))
    >>> read_glued_author("Author: Jane Roe") is None  # alone: the byline readers' line
    True
    >>> read_glued_author("The council asked the Author: the port is closed") is None
    True
    """
    m = GLUED_AUTHOR_RE.search(text)
    if m is None:
        return None
    names = split_names(m["names"])
    if names is None or len(names) > 3 or not all(2 <= len(n.split()) <= 4 for n in names):
        return None
    return m.start(), names

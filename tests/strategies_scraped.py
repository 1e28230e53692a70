"""Realistic scraped documents with their hidden truth: metadata, residue and encoding damage.

Composes the metadata generators (header blocks, bylines, datelines, captions, credits,
category footers) with residue lines in several languages at the edges and between
paragraphs, then damages the text the way scrapers do (NBSP, zero-width marks, CRLF, and
optionally a layer of mojibake). The ``Doc`` says what the cleaner must recover.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from .strategies_meta import Doc, byline_doc, header_doc
from .strategies_residue import ANYWHERE, EDGES

#: Damage that never changes what a reader sees once repaired.
INVISIBLE = ("\u00a0", "\u200b", "\u200e", "\ufeff")


@st.composite
def scraped_documents(
    draw: st.DrawFn, *, bottom_residue: bool = True, mojibake: bool = False
) -> Doc:
    """A document as a scraper leaves it, with the truth it hides.

    With ``bottom_residue=True`` residue lines also follow the credit and category footer.
    With ``mojibake=True`` the whole text may also be encoded as UTF-8 and read as cp1252,
    as a misconfigured scraper does; not every such layer can be undone, which is why the
    recovery rate over many documents is a benchmark figure (benchmarks/recovery.py).
    """
    doc = draw(st.one_of(header_doc(), byline_doc()))
    lines = doc.text.split("\n")
    # residue between paragraphs, and under the article
    for item in draw(st.lists(st.sampled_from(ANYWHERE), max_size=2)):
        first = lines.index(doc.body[0])
        pos = draw(st.integers(min_value=first + 1, max_value=lines.index(doc.body[-1])))
        lines.insert(pos, item)
    if bottom_residue:
        lines += draw(st.lists(st.sampled_from(EDGES), max_size=3))
    text = "\n".join(lines)
    # invisible damage inside words and between them, and Windows line ends
    for _ in range(draw(st.integers(0, 4))):
        spaces = [i for i, c in enumerate(text) if c == " "]
        if spaces:
            i = draw(st.sampled_from(spaces))
            mark = draw(st.sampled_from(INVISIBLE))
            # NBSP stands for the space; a zero-width mark comes beside it
            text = text[:i] + (mark if mark == "\u00a0" else " " + mark) + text[i + 1 :]
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if mojibake and draw(st.booleans()):
        text = text.encode("utf-8").decode("cp1252", errors="replace")
    return attrs.evolve(doc, text=text)

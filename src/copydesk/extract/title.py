"""The title as a line of its own: short, unpunctuated, and followed by prose."""

from __future__ import annotations

import regex

from copydesk.draft import Draft, Line
from copydesk.pipeline import step

__all__ = ["first_line_title", "looks_like_prose"]

TITLE_MAX_CHARS = 150
TITLE_MAX_WORDS = 20
#: How many body lines after the candidate may be looked at for prose.
LOOKAHEAD = 3

# A title starts with an upper-case letter, a digit, an opening quote, or a letter of a
# script without case (CJK, Arabic...); it never starts with a bullet or a lower-case word.
TITLE_START_RE = regex.compile(r"[\p{Lu}\p{Lt}\p{Lo}\p{N}\"'“‘«¿¡]")
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
PROSE_END_RE = regex.compile(r"[.!?…。！？][\"'”’»)\]]{0,3}$")
TITLE_BAD_END = ".!?…:;,。！？：；，-–—|"


#: A line at least this long reads as running text whatever its end.
PROSE_LONG_CHARS = 200


def looks_like_prose(text: str) -> bool:
    """A line a reader reads as running text: long enough and ending a sentence.

    >>> looks_like_prose("The port closed on Monday after a storm hit the coast.")
    True
    >>> looks_like_prose("Storm closes port")
    False
    """
    return len(text) >= 50 and (
        PROSE_END_RE.search(text) is not None or len(text) >= PROSE_LONG_CHARS
    )


def _is_candidate(text: str) -> bool:
    text = text.strip()
    if not (3 <= len(text) <= TITLE_MAX_CHARS) or text[-1] in TITLE_BAD_END:
        return False
    words = text.split()
    if not 2 <= len(words) <= TITLE_MAX_WORDS and not (
        len(words) == 1 and len(text) >= 4 and not text.isascii()
    ):
        return False
    return TITLE_START_RE.match(text) is not None


@step("extract.title")
def first_line_title(draft: Draft) -> Draft:
    """Take the first body line as the title when it is short, unpunctuated and followed by prose.

    Does nothing when an earlier step already found a title.

    >>> prose = "The port closed on Monday after a storm hit the coast."
    >>> d = first_line_title(Draft.from_text("Storm closes port\\n\\n" + prose))
    >>> d.fields.title, d.lines[0].state
    ('Storm closes port', 'extracted')
    >>> first_line_title(Draft.from_text("Storm closes port.\\n" + prose)).fields.title is None
    True
    """
    if draft.fields.title is not None:
        return draft
    body = [(i, line) for i, line in draft.body()]
    if len(body) < 2:
        return draft
    i, first = body[0]
    if not _is_candidate(first.text):
        return draft
    if not any(looks_like_prose(line.text.strip()) for _, line in body[1 : 1 + LOOKAHEAD]):
        return draft
    return draft.take([i], rule="extract.title", kind="extracted", title=_clean(first))


def _clean(line: Line) -> str:
    return " ".join(line.text.split())

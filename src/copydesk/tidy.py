"""In-line repairs on body lines: spacing and sentences glued without a space.

These run after extraction and stripping, on the lines still in the body. Each change is an
``Edit(kind="replaced")`` whose offsets point into the repaired text.
"""

from __future__ import annotations

from copydesk._lazy import lazy_re, lazy_regex
from copydesk.draft import Draft
from copydesk.pipeline import step

__all__ = ["glued_sentences", "spaces"]

# A run of two or more spaces inside a line. Example: "Chinese  on Tuesday". Bounded by
# the line; a single class repeated, so matching is linear.
SPACE_RUN_RE = lazy_regex(r" {2,}")


@step("tidy.spaces")
def spaces(draft: Draft) -> Draft:
    """Collapse runs of spaces to one and trim the ends of body lines.

    >>> d = spaces(Draft.from_text("  Chinese  on Tuesday  "))
    >>> d.lines[0].text
    'Chinese on Tuesday'
    """
    changes: list[tuple[int, list[tuple[int, int, str]]]] = []
    for i, line in draft.body():
        text = line.text
        if "  " not in text and text == text.strip():
            continue
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        repl: list[tuple[int, int, str]] = []
        if left:
            repl.append((0, left, ""))
        for m in SPACE_RUN_RE.finditer(text, left, right):
            repl.append((m.start(), m.end(), " "))
        if right < len(text):
            repl.append((right, len(text), ""))
        changes.append((i, repl))
    return draft.rewrite_lines(changes, rule="tidy.spaces")


# The seam of two sentences glued without a space: two lower-case letters, a full stop, "!"
# or "?", an optional closing quote or bracket, then an upper-case letter followed by a
# lower-case one ("sides.The", "сообщении.Срок"). Requiring two lower-case letters before
# the stop keeps initials and abbreviations ("U.S.", "e.g.The", "Mr.Smith") and requiring
# "Lu Ll" after keeps decimals ("$19.88"), domains ("Globaltimes.cn") and acronyms intact.
# Fixed-width lookarounds only: linear.
GLUED_RE = lazy_regex(r"(?<=\p{Ll}\p{Ll}[.!?][\"'”’»)\]]?)(?=\p{Lu}\p{Ll})")

# What every seam GLUED_RE finds holds: a stop, an optional closing mark, then a character
# that is neither white space, a digit nor punctuation that follows stops (every character
# regex calls \p{Lu} is one of these, in stdlib re's Unicode tables too: tested over all of
# Unicode). Stdlib re scans for it several times faster than the lookbehind is tried at every
# position, and most lines have none: their stops are followed by a space.
SEAM_NEXT = r"[^\s\d.,;:!?\"'”’»)\]…-]"
GLUED_HINT_RE = lazy_re(r"[.!?][\"'”’»)\]]?" + SEAM_NEXT)

# Tokens in which a "glued" seam is part of an address, not prose: URLs, e-mail, paths.
ADDRESS_HINT_RE = lazy_regex(r"@|://|www\.|/")


@step("tidy.glued_sentences")
def glued_sentences(draft: Draft) -> Draft:
    """Put a space between sentences glued together (``means.External`` -> ``means. External``).

    Leaves initials, abbreviations, decimals, domains, URLs, e-mail addresses, version
    numbers and ellipses alone:

    >>> d = glued_sentences(Draft.from_text("peaceful means.External forces"))
    >>> d.lines[0].text
    'peaceful means. External forces'
    >>> text = "The U.S. paid $19.88 at Globaltimes.cn, see www.example.com/News or wait...Then"
    >>> glued_sentences(Draft.from_text(text)).lines[0].text == text
    True
    """
    changes: list[tuple[int, list[tuple[int, int, str]]]] = []
    for i, line in draft.body():
        text = line.text
        if GLUED_HINT_RE.search(text) is None:
            continue
        repl: list[tuple[int, int, str]] = []
        for m in GLUED_RE.finditer(text):
            pos = m.start()
            tok_start = text.rfind(" ", 0, pos) + 1
            tok_end = text.find(" ", pos)
            token = text[tok_start : tok_end if tok_end >= 0 else len(text)]
            if ADDRESS_HINT_RE.search(token):
                continue
            repl.append((pos, pos, " "))
        if repl:
            changes.append((i, repl))
    return draft.rewrite_lines(changes, rule="tidy.glued_sentences")

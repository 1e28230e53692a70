"""``repair.hard_wraps``: paragraphs broken into lines of 60-80 characters, joined again
when the whole document is clearly wrapped.

The step only replaces line breaks by spaces: every change is one
``Edit(kind="replaced")``, and it never adds, drops or reorders a word (see
:func:`words_kept`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from copydesk._lazy import lazy_regex, search_end
from copydesk.article import Edit
from copydesk.draft import Draft
from copydesk.pipeline import step

__all__ = ["hard_wraps", "words", "words_kept"]

# A line that ends a sentence (closing quotes and brackets allowed), and one that opens a
# list item or a turn of dialogue: neither is joined across. Single classes, bounded.
LINE_END_RE = lazy_regex(r"[.!?…:;。！？][\"'”’»)\]]{0,3}$")
ITEM_START_RE = lazy_regex(r"(?:[-–—•*·]|\d{1,3}[.)])[ \t]")
# A character of a script written without spaces (Han, kana): wrapped lines of such text
# join with nothing between them. A word: one such character, or a run of anything else
# but white space. Single classes; the run is bounded by the text.
CJK_RE = lazy_regex(r"[\p{Han}\p{Hiragana}\p{Katakana}、。，！？：；「」『』（）《》]")
WORD_RE = lazy_regex(
    r"[\p{Han}\p{Hiragana}\p{Katakana}、。，！？：；「」『』（）《》]"
    r"|[^\s\p{Han}\p{Hiragana}\p{Katakana}、。，！？：；「」『』（）《》]+"
)
#: A wrapped document has at least this many lines, none longer than MAX_WIDTH.
MIN_WRAPPED_LINES = 6
MIN_WIDTH, MAX_WIDTH = 40, 100
#: Shares that make a document "clearly wrapped": lines that fill most of the width, and
#: line pairs where the first line stops mid-sentence.
FULL_SHARE, OPEN_SHARE = 0.5, 0.4
#: A line fills the width when it is at least this share of the longest line.
FULL_LINE = 0.7


def words(text: str) -> list[str]:
    """The words of ``text`` in order: runs between white space, and each CJK character
    alone (a script without spaces, whose wrapped lines join with nothing between them).

    >>> words("Port closed 港口关闭")
    ['Port', 'closed', '港', '口', '关', '闭']
    """
    return WORD_RE.findall(text)


def words_kept(before: str, after: str) -> bool:
    """The law :func:`hard_wraps` keeps: the same words, in the same order.

    >>> words_kept("a long\\nline", "a long line"), words_kept("a b", "b a")
    (True, False)
    """
    return words(before) == words(after)


def _lines(text: str) -> list[tuple[int, str]]:
    """``(start, line)`` for every line of ``text``, trailing white space cut off."""
    out = []
    start = 0
    for part in text.split("\n"):
        out.append((start, part.rstrip()))
        start += len(part) + 1
    return out


def _may_be_wrapped(text: str) -> bool:
    """The first two tests of :func:`_wrapped` (enough lines; the longest within the wrap
    widths) on plain strings: most documents fail them, and a long text's ``(start, line)``
    pairs are work for the garbage collector (half the time of 200,000 blank lines)."""
    full = [line for line in map(str.rstrip, text.split("\n")) if line.strip()]
    return len(full) >= MIN_WRAPPED_LINES and MIN_WIDTH <= max(map(len, full)) <= MAX_WIDTH


def _wrapped(lines: list[tuple[int, str]]) -> int | None:
    """The wrap width when the document is clearly hard-wrapped, else ``None``."""
    full = [line for _, line in lines if line.strip()]
    if len(full) < MIN_WRAPPED_LINES:
        return None
    width = max(len(line) for line in full)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    if sum(len(line) >= FULL_LINE * width for line in full) < FULL_SHARE * len(full):
        return None
    # Only lines that fill the width say whether paragraphs run on: a short line (a label,
    # "Advertisement", a list item) stops where it stops in any document.
    pairs = [
        (a, b)
        for (_, a), (_, b) in itertools.pairwise(lines)
        if b.strip() and len(a) >= FULL_LINE * width
    ]
    if not pairs:
        return None
    # A line stops mid-sentence when it does not end one and the next line does not open
    # one with a capital: a wrapped sentence runs on in lower case (or in a script without
    # case), while a byline or a caption above a paragraph stops before a capital.
    open_ends = sum(
        search_end(LINE_END_RE, a, 4) is None and not b.lstrip()[:1].isupper() for a, b in pairs
    )
    return width if open_ends >= OPEN_SHARE * len(pairs) else None


def _joins(lines: list[tuple[int, str]], width: int) -> Iterator[int]:
    """Where the newlines inside wrapped paragraphs are (offsets into the text)."""
    indented = sum(line[:1] in " \t" and bool(line.strip()) for _, line in lines)
    for (start, a), (_, b) in itertools.pairwise(lines):
        if not a.strip() or not b.strip():
            continue
        nxt = b.lstrip()
        if (indented >= 2 and b[:1] in " \t") or ITEM_START_RE.match(nxt):
            continue  # an indented first line or a list item opens a paragraph
        ends = search_end(LINE_END_RE, a, 4) is not None
        if not ends and nxt[:1].islower():
            yield start + len(a)  # a sentence running on into the next line
            continue
        room = len(a) + 1 + len(nxt.split()[0]) <= width
        if room and (ends or len(a) < FULL_LINE * width):
            continue  # the next word would have fitted: the paragraph ended here
        yield start + len(a)


@step("repair.hard_wraps", phase="text")
def hard_wraps(draft: Draft) -> Draft:
    """Join the lines of hard-wrapped paragraphs (60-80 characters a line) into one line each.

    Only when the whole document is clearly wrapped: six lines or more, none longer than
    100 characters, most filling the width, and many stopping mid-sentence. A line is joined
    to the next unless it ends a sentence with room left for the next word, is short, or
    the next line is indented (where the document indents its paragraphs) or opens a list
    item. Each join replaces one ``\\n`` (with the white space around it) by a space, or by
    nothing between two CJK characters, so the words and their order never change.
    Documents with one paragraph a line are left alone.

    >>> wrapped = ("The port was closed on Monday after a storm hit the coast and\\n"
    ...            "officials said it would stay shut for the rest of the week.\\n") * 4
    >>> first = hard_wraps(Draft.from_text(wrapped)).text.split("\\n")[0]
    >>> first.endswith("coast and officials said it would stay shut for the rest of the week.")
    True
    >>> hard_wraps(Draft.from_text("One paragraph.\\nAnother one.\\n" * 4)).edits
    ()
    """
    text = draft.text
    if "\n" not in text or not _may_be_wrapped(text):
        return draft
    lines = _lines(text)
    width = _wrapped(lines)
    if width is None:
        return draft
    edits: list[Edit] = []
    out: list[str] = []
    last = 0
    for at in _joins(lines, width):
        end = text.index("\n", at) + 1
        while end < len(text) and text[end] in " \t":
            end += 1  # the next line's indentation goes with the break
        glue = "" if CJK_RE.match(text, at - 1) and CJK_RE.match(text, end) else " "
        edits.append(Edit("repair.hard_wraps", "replaced", at, end, text[at:end], glue))
        out.append(text[last:at])
        out.append(glue)
        last = end
    if not edits:
        return draft
    out.append(text[last:])
    return draft.retext("".join(out), edits)

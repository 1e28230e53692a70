"""Whole-text repairs that run before the text is cut into lines.

Each step is a tiny pure function over a compiled pattern; each change it makes is an
``Edit(kind="replaced")`` located in the text the step received, so the ledger replays.
None of them is lossy in the sense of DESIGN.md: no ASCII folding, no quote straightening,
no NFKC.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import regex

from copydesk import _mojibake
from copydesk._lazy import lazy_re, lazy_regex, search_end
from copydesk._mojibake import MOJIBAKE_PAIR_RE, fix_line
from copydesk.article import Edit
from copydesk.draft import Draft
from copydesk.pipeline import step

__all__ = [
    "FTFY_CONFIG",  # noqa: F822 - from copydesk._mojibake on first use (it imports ftfy)
    "controls",
    "line_breaks",
    "lost_newlines",
    "mojibake",
    "spaces",
    "unicode_nfc",
]


def __getattr__(name: str) -> Any:
    """``FTFY_CONFIG``: ftfy's configuration restricted to encoding repairs, made on first
    use so that importing copydesk does not import ftfy."""
    if name == "FTFY_CONFIG":
        return _mojibake.FTFY_CONFIG
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _sub_with_edits(
    pattern: regex.Pattern[str] | re.Pattern[str],
    text: str,
    rule: str,
    replace: Callable[[Any], str],
) -> tuple[str, list[Edit]]:
    """Like ``pattern.sub`` but also return one ledger edit per changed match."""
    out: list[str] = []
    edits: list[Edit] = []
    last = 0
    for m in pattern.finditer(text):
        new = replace(m)
        if new == m.group():
            continue
        out.append(text[last : m.start()])
        out.append(new)
        edits.append(Edit(rule, "replaced", m.start(), m.end(), m.group(), new))
        last = m.end()
    if not edits:
        return text, edits
    out.append(text[last:])
    return "".join(out), edits


# Line breaks other than "\n": CRLF, lone CR, NEL (U+0085), LS/PS (U+2028/9), VT and FF.
# Example: "a\r\nb" -> "a\nb". Single characters or one fixed pair: no repeats to bound.
LINE_BREAK_RE = lazy_regex(r"\r\n|[\r\x85\u2028\u2029\x0b\x0c]")
#: Every character LINE_BREAK_RE may start at: a text without them is left alone, found out
#: by substring tests (a fast scan each) rather than by the pattern.
LINE_BREAK_CHARS = ("\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c")


def printable_lines(text: str) -> bool:
    """True when every character of ``text`` but ``"\\n"`` is printable (``str.isprintable``).

    Every character that :data:`CONTROL_RE` and :data:`ODD_SPACE_RE` match is not printable
    (checked over all of Unicode in ``tests/test_repair.py``), so on such a text neither can
    match, and one pass in C, several times faster than either scan, says so. The answer for
    the last text asked about is kept: ``repair.spaces`` asks about the very text that
    ``repair.controls`` left unchanged.
    """
    global _LAST_PRINTABLE
    last = _LAST_PRINTABLE  # one immutable pair: threads never see half of an update
    if last[0] is text:
        return last[1]
    answer = text.replace("\n", "").isprintable()
    _LAST_PRINTABLE = (text, answer)
    return answer


#: The last text :func:`printable_lines` was asked about, and its answer (held by identity).
_LAST_PRINTABLE: tuple[str | None, bool] = (None, False)


@step("repair.line_breaks", phase="text")
def line_breaks(draft: Draft) -> Draft:
    """Turn every line-break convention into ``\\n``.

    >>> line_breaks(Draft.from_text("a\\r\\nb\\rc")).text
    'a\\nb\\nc'
    """
    text = draft.text
    if not any(c in text for c in LINE_BREAK_CHARS):
        return draft
    if _crlf_only(text):  # Windows line ends and no other kind: the same edits, found faster
        edits = []
        at = text.find("\r\n")
        while at >= 0:
            edits.append(Edit("repair.line_breaks", "replaced", at, at + 2, "\r\n", "\n"))
            at = text.find("\r\n", at + 2)
        return draft.retext(text.replace("\r\n", "\n"), edits)
    text, edits = _sub_with_edits(LINE_BREAK_RE, text, "repair.line_breaks", lambda m: "\n")
    return draft.retext(text, edits)


def _crlf_only(text: str) -> bool:
    """True when every line-break character of ``text`` is the CR of a CRLF pair."""
    return text.count("\r") == text.count("\r\n") and not any(
        c in text for c in LINE_BREAK_CHARS[1:]
    )


# A newline lost in export in a text of Latin script: a bare "n" after a sentence end and
# before a capitalised word ("сообщении.nСрок", "said.n\"We"), or a literal backslash-n.
# Only used on documents with no real line break and at least two hits, where the pattern
# is unmistakable; "Times.nYork" in a normal document is left alone. Fixed-width: no repeats.
LOST_NEWLINE_RE = lazy_regex(r"(?<=[.!?:»\"”])n(?=[\"“«„]?\p{Lu}(?:\p{Ll}|[ \t]))|\\n")
#: Code points of the scripts with spaces between words and no letter "n": Greek, Cyrillic,
#: Armenian, Hebrew, Arabic (with its supplements and presentation forms) and Georgian.
SCRIPTS_WITHOUT_N = "\u0370-\u06ff\u0750-\u077f\u08a0-\u08ff\u10a0-\u10ff\ufb1d-\ufdff\ufe70-\ufeff"
# A lost newline in a text whose script has no letter "n" and spaces between words
# (Cyrillic, Greek, Arabic, Hebrew, Armenian, Georgian): a Latin "n" after a letter of that
# script or a stop, and before one or an opening quote, a dash, a digit or punctuation
# ("оnсоздании", "страны.n\"В", "года).nИ", "\"НАШ\"n."). Not CJK, whose texts write Latin
# letters between characters on purpose ("n型硅料"). No repeats beyond {0,2}.
SCRIPT_N_RE = lazy_re("n(?=[" + SCRIPTS_WITHOUT_N + ']|[«"“„(\\[—–.,;:!?)»]|[0-9])')
# What may stand just before such an "n" (after up to two closing quotes or brackets): a
# letter of those scripts, or a stop. Checked on each match of SCRIPT_N_RE, which starts
# with the literal "n" so that the engine skips to the next "n" at C speed.
SCRIPT_BEFORE_RE = lazy_re("(?:[" + SCRIPTS_WITHOUT_N + ']["\'”»)\\]]{0,2}|[.!?…:;,»"”)\\]])$')
#: How much of the text the script test reads.
SCRIPT_SAMPLE = 4000
# A sentence end just before the "n" (a stop, then closing quotes or brackets).
SENTENCE_END_RE = lazy_regex(r"[.!?…][\"'”»)\]]{0,2}$")
# Letters of the document, Latin or not, to tell which script it is written in: plain code
# point ranges, which the stdlib engine scans far faster than a script property.
LATIN_RE = lazy_re("[A-Za-z\u00c0-\u024f]")
OTHER_LETTER_RE = lazy_re("[" + SCRIPTS_WITHOUT_N + "]")
#: A lost-newline repair needs at least this many seams in one document.
MIN_SEAMS = 2


def _seam(m: re.Match[str] | regex.Match[str]) -> str:
    """What a lost newline stood for: a paragraph break after a sentence, nothing before
    punctuation, a space inside a sentence (a link's text cut out of its line)."""
    if m.group() == "\\n":
        return "\n"
    text = m.string
    before = text[max(m.start() - 3, 0) : m.start()]
    after = text[m.end() : m.end() + 1]
    if search_end(SENTENCE_END_RE, before, 3) and not after.islower() and after not in ".,;:!?)»":
        return "\n"
    if after in ".,;:!?)»":
        return ""
    return " "


def _script_seams(text: str) -> list[re.Match[str]]:
    """The matches of SCRIPT_N_RE with a letter of those scripts or a stop before them."""
    return [
        m
        for m in SCRIPT_N_RE.finditer(text)
        if SCRIPT_BEFORE_RE.search(text, max(m.start() - 3, 0), m.start()) is not None
    ]


def _replace_seams(
    matches: Iterable[re.Match[str] | regex.Match[str]], text: str, rule: str
) -> tuple[str, list[Edit]]:
    out: list[str] = []
    edits: list[Edit] = []
    last = 0
    for m in matches:
        new = _seam(m)
        out.append(text[last : m.start()])
        out.append(new)
        edits.append(Edit(rule, "replaced", m.start(), m.end(), m.group(), new))
        last = m.end()
    out.append(text[last:])
    return "".join(out), edits


@step("repair.lost_newlines", phase="text")
def lost_newlines(draft: Draft) -> Draft:
    """Restore line breaks that an export wrote as ``n`` or as a literal ``\\\\n``.

    In a text of Latin script, only one-line documents with two seams or more are repaired:
    a bare ``n`` between a sentence end and a capitalised word. In a text of another script,
    a Latin ``n`` with no Latin letter beside it cannot be a word: it becomes a line break
    after a sentence end, a space inside a sentence (where a link's text was cut out), and
    nothing before punctuation; two such seams are enough, whatever the line breaks.

    >>> lost_newlines(Draft.from_text("Он сказал.nОна ушла.nВсё.")).text
    'Он сказал.\\nОна ушла.\\nВсё.'
    >>> lost_newlines(Draft.from_text('страны.n"В-третьих, объявлено оnсозданииnфонда.')).text
    'страны.\\n"В-третьих, объявлено о создании фонда.'
    >>> lost_newlines(Draft.from_text("Read the Times.nYork is far.")).text
    'Read the Times.nYork is far.'
    """
    text = draft.text
    if "n" not in text:
        return draft
    if not text.isascii() and OTHER_LETTER_RE.search(text) is not None:
        sample = text[:SCRIPT_SAMPLE]
        if len(OTHER_LETTER_RE.findall(sample)) > len(LATIN_RE.findall(sample)):
            seams = _script_seams(text)
            if len(seams) >= MIN_SEAMS:
                new, edits = _replace_seams(seams, text, "repair.lost_newlines")
                return draft.retext(new, edits)
    if "\n" in text or len(LOST_NEWLINE_RE.findall(text)) < MIN_SEAMS:
        return draft
    new, edits = _replace_seams(LOST_NEWLINE_RE.finditer(text), text, "repair.lost_newlines")
    return draft.retext(new, edits)


# Characters that mojibake is made of: Latin-1 supplement and cp1252's extras (UTF-8 read
# as cp1252/latin-1), Cyrillic Р/С/Ð/Ñ lead bytes (UTF-8 read as cp1251), C1 controls and
# surrogates. A line with none of them cannot be mojibake, so ftfy is not called on it.
MOJIBAKE_HINT_RE = lazy_regex(
    r"[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
    r"\u0402-\u045f\u0490\u0491\ud800-\udfff]"
)


#: The line breaks :func:`mojibake` repairs between: every character ``repair.line_breaks``
#: turns into ``"\\n"`` but NEL (U+0085), which is a C1 control and mojibake evidence ("ễ"
#: read as Latin-1 ends with it). No single-byte codec reading UTF-8 makes any of them, so no
#: mojibake sequence spans one; each is a line break by the next step, and a second pass sees
#: the pieces apart.
MOJIBAKE_BREAKS = ("\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c")


def _fix_pieces(line: str) -> str:
    """:func:`fix_line` on ``line``, then again on each piece between :data:`MOJIBAKE_BREAKS`
    while that changes it (a repair may bring a break back: "â€¨" is U+2028), so that the
    answer is what a second pass, which sees those pieces as lines, leaves alone."""
    fixed = fix_line(line)
    for _ in range(3):  # the pieces of a repaired line are repaired already: one round ends it
        if fixed == line or MOJIBAKE_SPLIT_RE.search(fixed) is None:
            break
        pieces = MOJIBAKE_SPLIT_RE.split(fixed)
        line = fixed
        fixed = "".join(fix_line(p) if MOJIBAKE_PAIR_RE.search(p) else p for p in pieces)
    return fixed


#: The separators :func:`_fix_pieces` cuts a line at (kept: the split has a group).
MOJIBAKE_SPLIT_RE = lazy_re("([\n\r\u2028\u2029\x0b\x0c])")


@step("repair.mojibake", phase="text")
def mojibake(draft: Draft) -> Draft:
    """Undo mojibake with ftfy's encoding fixes, line by line, only where it can occur.

    ftfy runs only on the lines that hold one of ``MOJIBAKE_HINT_RE``'s characters and one of
    the character pairs of ``MOJIBAKE_PAIR_RE`` (without which ftfy would return the line
    unchanged), found in one scan of the whole text, and there through
    :func:`copydesk._mojibake.fix_line`, which answers as ``ftfy.fix_text`` does without its
    last scans of the repaired line. A line ends at any of :data:`MOJIBAKE_BREAKS`, not only
    at ``"\\n"``: ftfy reads two paragraphs joined by a ``"\\r"`` or a U+2028 as one string,
    and one clean paragraph among them keeps it from decoding the other whole, which the
    second pass, with the break made ``"\\n"``, then does. Curly quotes stay curly:

    >>> mojibake(Draft.from_text("CafÃ© â€œnoirâ€\\x9d")).text
    'Café “noir”'
    >>> mojibake(Draft.from_text("“Curly” stays\\nAção, não é?")).text
    '“Curly” stays\\nAção, não é?'
    """
    text = draft.text
    if text.isascii():
        return draft
    breaks = [c for c in MOJIBAKE_BREAKS if c in text]
    edits: list[Edit] = []
    out: list[str] = []
    done = 0  # text[:done] is already in ``out`` (or in an edit)
    pos = 0  # text[:pos] is read; no line of what follows starts before it
    while (m := MOJIBAKE_PAIR_RE.search(text, pos)) is not None:
        # Both searches stop at ``pos`` or at the next break: the text is read once.
        start = max(text.rfind(c, pos, m.start()) for c in breaks) + 1 if breaks else 0
        start = max(start, pos)
        after = MOJIBAKE_SPLIT_RE.search(text, m.end())
        end = len(text) if after is None else after.start()
        pos = end + 1
        line = text[start:end]
        if not MOJIBAKE_HINT_RE.search(line):
            continue
        fixed = _fix_pieces(line)
        if fixed != line:
            edits.append(Edit("repair.mojibake", "replaced", start, end, line, fixed))
            out.append(text[done:start])
            out.append(fixed)
            done = end
    if not edits:
        return draft
    out.append(text[done:])
    return draft.retext("".join(out), edits)


# Invisible junk: C0/C1 controls except tab and newline, DEL, zero-width space, word joiner,
# BOM/ZWNBSP, soft hyphen, bidi embeddings/overrides/isolates and LRM/RLM/ALM, and lone
# surrogates (which cannot be written as UTF-8; they become U+FFFD). ZWJ and ZWNJ stay:
# they change how Persian, Indic and emoji text renders. Stdlib ``re``: no \p{..} needed,
# and it scans for a plain class about three times as fast as ``regex``.
CONTROL_RE = lazy_re(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]+"
)


@step("repair.controls", phase="text")
def controls(draft: Draft) -> Draft:
    """Remove control, zero-width and bidi formatting characters; lone surrogates become U+FFFD.

    >>> controls(Draft.from_text("zero\\u200bwidth\\x00")).text
    'zerowidth'
    >>> controls(Draft.from_text("emoji 👩\\u200d💻 keeps its joiner")).text
    'emoji 👩\\u200d💻 keeps its joiner'
    """

    def replace(m: re.Match[str]) -> str:
        return "".join("\ufffd" for c in m.group() if "\ud800" <= c <= "\udfff")

    if printable_lines(draft.text):
        return draft
    text, edits = _sub_with_edits(CONTROL_RE, draft.text, "repair.controls", replace)
    return draft.retext(text, edits)


# Odd spaces: NBSP, en/em and other fixed-width spaces, narrow NBSP, medium math space,
# and tab. Ideographic space U+3000 is left alone (it is real spacing in CJK text).
ODD_SPACE_RE = lazy_regex(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]+")


@step("repair.spaces", phase="text")
def spaces(draft: Draft) -> Draft:
    """Turn non-breaking and other odd spaces into plain spaces (one each).

    >>> spaces(Draft.from_text("a\\u00a0b\\u2009c")).text
    'a b c'
    """
    if printable_lines(draft.text):
        return draft
    text, edits = _sub_with_edits(
        ODD_SPACE_RE, draft.text, "repair.spaces", lambda m: " " * len(m.group())
    )
    return draft.retext(text, edits)


@step("repair.unicode", phase="text")
def unicode_nfc(draft: Draft) -> Draft:
    """Compose characters to NFC (``e`` + combining acute becomes ``é``), line by line.

    >>> unicode_nfc(Draft.from_text("cafe\\u0301")).text
    'café'
    """
    text = draft.text
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return draft
    edits: list[Edit] = []
    out: list[str] = []
    pos = 0
    for line in text.split("\n"):
        fixed = unicodedata.normalize("NFC", line)
        if fixed != line:
            edits.append(Edit("repair.unicode", "replaced", pos, pos + len(line), line, fixed))
        out.append(fixed)
        pos += len(line) + 1
    return draft.retext("\n".join(out), edits)

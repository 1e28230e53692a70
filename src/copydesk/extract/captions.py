"""Photo captions and credits on lines of their own: ``… Photo: Courtesy of …``,
``… | Getty Images``, ``(Ty Wright/Getty Images)``, ``Featured image via …``, ``(圖／…)``."""

from __future__ import annotations

import functools

import regex

from copydesk.article import Caption
from copydesk.draft import Draft
from copydesk.extract._lexicon import lexicon
from copydesk.extract.title import looks_like_prose
from copydesk.pipeline import step

__all__ = ["caption", "read_caption"]

# "<text> Photo: <credit>" / "<text> (Foto: <credit>)" / "Ảnh: <credit>": a caption marker of
# the lexicon with a colon, then a short credit without brackets; "(Photo: X) <text>" has the
# credit first. Example: "Zhang Xiao Photo: Courtesy of Chinese Embassy". False positive: a
# sentence quoting a label ("the file was named Photo: ..."), rare; the credit must then still
# be short. Built at first use from the lexicon; every repeat is bounded.
MARKER_PATTERN = (
    r"(?P<text>.{{0,250}}?)[ \t]{{0,3}}[(\[]?[ \t]{{0,2}}"
    r"(?<!\p{{L}})(?P<marker>{markers})[ \t]{{0,2}}[:：]"
    r"[ \t]{{0,3}}(?P<credit>[^()\[\]\n]{{2,120}}?)[ \t]{{0,2}}[)\]]?[ \t]{{0,2}}\.?"
)
LEADING_PATTERN = (
    r"[(\[](?P<marker>{markers})[ \t]{{0,2}}[:：][ \t]{{0,3}}(?P<credit>[^()\[\]]{{2,120}})[)\]]"
    r"[ \t]{{1,3}}(?P<text>.{{2,250}})"
)

# "Photo: <text> (<credit>)": the marker opens the line, the credit closes it in brackets.
# Example: "Photo: The ferry leaves port. (Coastal Desk / Ines Faro)". The bracketed credit is
# required, so a bare "Photo: <something>" is never guessed at. Bounded repeats; the text is
# lazy up to 250 and may not hold brackets.
OPENING_PATTERN = (
    r"(?P<marker>{markers})[ \t]{{0,2}}[:：][ \t]{{0,3}}(?P<text>[^()\[\]]{{2,250}}?)"
    r"[ \t]{{1,3}}[(\[](?P<credit>[^()\[\]]{{2,80}})[)\]]\.?"
)


@functools.lru_cache(maxsize=1)
def _marker_res() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    words = sorted(lexicon().caption_markers, key=len, reverse=True)
    markers = "|".join(regex.escape(w).replace("\\ ", "[ \t]") for w in words)
    return (
        regex.compile(LEADING_PATTERN.format(markers=markers), regex.I),
        regex.compile(MARKER_PATTERN.format(markers=markers), regex.I),
        regex.compile(OPENING_PATTERN.format(markers=markers), regex.I),
    )


# "<text> | <credit>" where the credit ends in a photo agency ("Drew Angerer/Getty Images").
PIPE_RE = regex.compile(r"\A(?P<text>.{2,250}?)[ \t]{1,3}\|[ \t]{1,3}(?P<credit>[^|]{2,80})")
# "<text> (<credit>)" where the credit names an agency after a slash ("Ty Wright/Getty Images").
PAREN_RE = regex.compile(r"\A(?P<text>.{2,250}?)[ \t]{1,3}\((?P<credit>[^()]{2,80})\)\.?")
# Taiwanese photo credit: "<text>（圖／<credit>）".
CJK_RE = regex.compile(
    r"\A(?P<text>.{0,250}?)[ \t]{0,2}[（(][圖图][ \t]{0,2}[／/][ \t]{0,2}"
    r"(?P<credit>[^（()）]{1,60})[)）]"
)
# A credit-only line: "<who>/<agency>" ("Andres Kudacki/AP Photo"). Bounded.
SLASH_CREDIT_RE = regex.compile(r"[^/\n]{2,60}(?:[ \t]{0,2}/[ \t]{0,2}[^/\n]{2,60}){1,3}")
# A sentence break inside a credit means the credit swallowed prose.
SENTENCE_BREAK_RE = regex.compile(r"[.!?…][ \t]{1,3}\p{Lu}\p{Ll}")
MAX_LINE_CHARS = 320
#: The marker's colon lies at most this far from the end of a caption line: the longest credit
#: and the spaces, bracket and stop the marker pattern allows after it (3 + 120 + 2 + 1 + 2 + 1).
COLON_TAIL = 130
RULE = "extract.captions"


def _agency_credit(credit: str) -> bool:
    """True when the credit's last part names a photo agency ("Drew Angerer/Getty Images")."""
    agencies = lexicon().photo_agencies
    parts = [p.strip(" .").casefold() for p in regex.split(r"/|\bvia\b", credit)]
    return bool(parts) and (parts[-1] in agencies or parts[0] in agencies)


def _good_credit(credit: str) -> bool:
    return 2 <= len(credit) <= 120 and SENTENCE_BREAK_RE.search(credit) is None


def read_caption(text: str) -> Caption | None:
    """Read a caption line into a :class:`~copydesk.Caption`, or ``None`` when it is not one.

    >>> read_caption("Chinese Ambassador Zhang Xiao Photo: Courtesy of Chinese Embassy")
    Caption(text='Chinese Ambassador Zhang Xiao', credit='Courtesy of Chinese Embassy')
    >>> read_caption("A rally in Pittsburgh. (Jeff Swensen/Getty Images)")
    Caption(text='A rally in Pittsburgh.', credit='Jeff Swensen/Getty Images')
    >>> read_caption("Featured image via Franco Origlia/Getty Images.")
    Caption(text='', credit='Franco Origlia/Getty Images')
    >>> read_caption("Photo: The ferry leaves port. (Coastal Desk / Ines Faro)")
    Caption(text='The ferry leaves port.', credit='Coastal Desk / Ines Faro')
    >>> read_caption("He said (in a statement) that the photo was fake.") is None
    True
    >>> read_caption("Photo: the mayor said (again) that it was fine.") is None
    True
    """
    line = text.strip()
    if not 2 <= len(line) <= MAX_LINE_CHARS:
        return None
    lex = lexicon()
    folded = line.strip("()[]").casefold()
    # one C-level test for all openers first; most lines start with none of them
    openers = lex.credit_openers if folded.startswith(lex.credit_openers) else ()
    for opener in openers:
        if folded.startswith(opener) and len(line) > len(opener):
            credit = line.strip("()[]")[len(opener) :].strip(" :.")
            if credit and _good_credit(credit) and not folded[len(opener)].isalnum():
                return Caption("", credit)
    # Cheap guards first: each pattern needs a character that most lines lack.
    tail = line[-COLON_TAIL - 1 :]
    leading, marker, opening = _marker_res()
    patterns = (leading,) if line[0] in "([" else ()
    if (
        line[-1] in ")]."
        and ("(" in line or "[" in line)
        and (":" in line[:40] or "：" in line[:40])
    ):
        patterns = (*patterns, opening)
    if ":" in tail or "：" in tail:
        patterns = (*patterns, marker)
    for pattern in patterns:
        m = pattern.fullmatch(line)
        if m is not None and not m["marker"][0].islower():  # "the photo: ..." is prose
            credit = m["credit"].strip(" .")
            if _good_credit(credit):
                return Caption(m["text"].strip(), credit)
    m = CJK_RE.fullmatch(line) if "圖" in line or "图" in line else None
    if m is not None:
        return Caption(m["text"].strip(), m["credit"].strip())
    for pattern, needed in ((PIPE_RE, "|"), (PAREN_RE, "(")):
        m = pattern.fullmatch(line) if needed in line else None
        if (
            m is not None
            and _agency_credit(m["credit"])
            and _good_credit(m["credit"])
            and (pattern is PIPE_RE or "/" in m["credit"])
        ):
            return Caption(m["text"].strip(), m["credit"].strip(" ."))
    if len(line) <= 100 and SLASH_CREDIT_RE.fullmatch(line) and _agency_credit(line):
        return Caption("", line.rstrip(" ."))
    return None


def _glued(line: str, text: str) -> bool:
    """True when a caption's "text" is a paragraph: several sentences, or a sentence with the
    credit marker glued to its final stop ("…familia.Foto: X")."""
    if SENTENCE_BREAK_RE.search(text):
        return True
    after = line[len(text) : len(text) + 1] if line.startswith(text) else " "
    return looks_like_prose(text) and not after.isspace()


@step("extract.captions")
def caption(draft: Draft) -> Draft:
    """Take stand-alone caption and photo-credit lines into ``captions``.

    When the caption text is a prose sentence, the line is a paragraph with a credit glued
    to its end: only the credit is cut out.
    """
    found: list[Caption] = []
    taken: list[int] = []
    for i, line in list(draft.body()):
        cap = read_caption(line.text)
        if cap is None:
            continue
        if cap.text and _glued(line.text.strip(), cap.text):
            # "...a su familia.Foto: Facebook": the text is a body sentence; cut the credit only.
            lead = len(line.text) - len(line.text.lstrip())
            m = _marker_res()[1].fullmatch(line.text.strip())
            if m is None:
                continue
            cut = lead + m.end("text")
            draft = draft.rewrite(i, [(cut, len(line.text), "")], rule=RULE, kind="extracted")
            found.append(Caption("", cap.credit))
            continue
        taken.append(i)
        found.append(cap)
    if not found:
        return draft
    captions = (*draft.fields.captions, *found)
    return draft.take(taken, rule=RULE, kind="extracted", captions=captions)

"""An author's e-mail address alone on one of the last lines, the author's name opening the
line next to it ("placido.garza@example.com" / "PLÁCIDO GARZA. Columnist since 2001…"): the
address spells the name, so the name is the author's. Used by ``extract.attribution``.

The address alone says nothing of whose it is (a newsroom's, a reader service's); the name
alone opening a line is as often the story's subject. Together, when the address's local
part spells the name (given and family name, or an initial and the family name, accents and
case aside), they sign the text."""

from __future__ import annotations

import unicodedata

from copydesk._lazy import lazy_regex
from copydesk.draft import Draft, Line

__all__ = ["read_email_name", "sign_by_email"]

# An e-mail address alone on its line, a label before it allowed ("E-mail: x@y.com"). Bounded.
EMAIL_LINE_RE = lazy_regex(
    r"(?:[\p{L}\-]{1,12}[ \t]{0,2}:[ \t]{0,2})?"
    r"(?P<local>[\w.+\-]{2,64})@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4}"
)
# Two or three capitalised words opening a line: the name to compare ("PLÁCIDO GARZA",
# "Jane M. Roe"). Bounded.
NAME_OPENING_RE = lazy_regex(
    r"\p{Lu}[\p{L}\p{M}'’\-]{1,30}(?:[ \t]\p{Lu}\.?)?(?:[ \t]\p{Lu}[\p{L}\p{M}'’\-]{1,30}){1,2}"
    r"(?=[ \t]{0,2}(?:[.,:;|–—\-(]|$))"
)
# The parts of a local part: letters between dots, underscores, hyphens and digits.
LOCAL_SPLIT_RE = lazy_regex(r"[._\-+\d]+")
#: How many of the last body lines may hold the address.
EMAIL_LINES = 4


def _fold(text: str) -> str:
    """Lower case, accents and apostrophes gone: "Plácido" -> "placido"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _spells(local: str, name: str) -> bool:
    """Whether ``local`` spells ``name``: the given and family names ("placido.garza",
    "placidogarza", "garza.placido") or an initial and the family name ("pgarza", "p.garza")."""
    words = [_fold(w) for w in name.split() if len(_fold(w)) > 1]
    if len(words) < 2 or not all(w.isascii() for w in words):
        return False
    given, family = words[0], words[-1]
    parts = [p for p in LOCAL_SPLIT_RE.split(local.casefold()) if p]
    joined = "".join(parts)
    return joined in (given + family, family + given, given[0] + family, "".join(words))


def read_email_name(email_line: str, neighbour: str) -> tuple[int, int] | None:
    """Where the name the address on ``email_line`` spells opens ``neighbour``:
    ``(start, end)``, or ``None``.

    >>> read_email_name("placido.garza@example.com", "PLÁCIDO GARZA. Columnista desde 2001.")
    (0, 13)
    >>> read_email_name("E-mail: jroe@example.com", "Jane Roe, Harbour Times")
    (0, 8)
    >>> read_email_name("news@example.com", "Jane Roe, Harbour Times") is None
    True
    >>> read_email_name("placido.garza@example.com", "Marta Ruiz. Columnista.") is None
    True
    """
    m = EMAIL_LINE_RE.fullmatch(email_line.strip())
    if m is None:
        return None
    lead = len(neighbour) - len(neighbour.lstrip())
    name = NAME_OPENING_RE.match(neighbour, lead)
    if name is None or not _spells(m["local"], name.group()):
        return None
    return name.start(), name.end()


def sign_by_email(draft: Draft, body: list[tuple[int, Line]], rule: str) -> Draft:
    """The author whose address and name stand side by side among the last lines: the
    address leaves the body (extracted), the name is read where it stands (``read``)."""
    for n in range(max(len(body) - EMAIL_LINES, 0), len(body)):
        index, line = body[n]
        if "@" not in line.text:
            continue
        for k in (n + 1, n - 1):
            if not 0 <= k < len(body):
                continue
            span = read_email_name(line.text, body[k][1].text)
            if span is None:
                continue
            other = body[k][1].text
            name = " ".join(other[span[0] : span[1]].split())
            noted = draft.note(body[k][0], *span, rule=rule, value=name, authors=(name,))
            if noted is not draft:
                return noted.take([index], rule=rule, kind="extracted")
    return draft

"""Lines that name who issued the story: a press release's issuer ("Gemeinsame
Pressemitteilung von Hafenamt und Universität Portstadt", "Press release from Harbour
Energy"), the organisation a press contact speaks for ("Hafenamt-Pressekontakt:", "Media
contact for Harbour Energy:"), and a Portuguese credit line ("Do G1 AM", "Da Agência Brasil, em
Manaus"). Each is a short line of its own, anywhere in the body: a release puts its issuer
under the photos and its contacts at the foot. The name is the story's source. Used by
``extract.outlet_lines``.

A sentence that mentions a press release ("I got the following press release from the
harbour office:") is prose, not such a line: the line must be the form and the name alone.
The name must read as an organisation's: two words or more that are not all generic
("Global Media Contact:", "Pressemitteilung der Stadt" name none), an acronym ("DFKI"), or
an outlet's name. A "Do"/"Da" credit is read in a Portuguese story only ("Do AI Chatbots
Understand Us" heads an English one), of one to three words: acronyms ("G1 AM", "UOL") or an
outlet's name."""

from __future__ import annotations

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import outlet_by_name

__all__ = ["read_issuer"]

#: The longest issuer line.
MAX_CHARS = 90
#: The most words of a Portuguese credit's outlet ("Do G1 AM", "Da Agência Brasil").
FROM_WORDS = 3
#: Words that name no organisation on their own ("Global Media Contact:", "Pressemitteilung
#: der Stadt"), folded.
GENERIC_WORDS = frozenset({
    "global", "social", "local", "company", "corporate", "investor", "investors",
    "international", "national", "regional", "general", "media", "press", "public", "the",
    "news", "group", "office", "team",
})  # fmt: skip

# A name of capitalised words, acronyms and the particles joining them ("VDE und Universität
# des Saarlandes", "Harbour Energy & Co"): one to eight words, each bounded.
_WORD = r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}.&'’\-]{0,30}"
_JOIN = r"(?:und|and|y|e|et|&|des|der|von|of|the|de|del|du|da|do|für|for)"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]{{1,2}}(?:{_JOIN}[ \t]{{1,2}}){{0,2}}{_WORD}){{0,7}})"
# "Gemeinsame Pressemitteilung von X", "Joint press release from X", "Communiqué de presse de
# X", "Nota de prensa de X", "Comunicado de imprensa da X", "Medienmitteilung der X".
RELEASE_RE = lazy_regex(
    r"(?i:(?:gemeinsame[ \t]|joint[ \t]|a[ \t])?"
    r"(?:pressemitteilung|presseinformation|medienmitteilung|press[ \t]release|news[ \t]release|"
    r"communiqué(?:[ \t]de[ \t]presse)?|nota[ \t]de[ \t]prensa|"
    r"comunicado(?:[ \t]de[ \t](?:prensa|imprensa))?)"
    r"[ \t]{1,2}(?:von|der|des|from|by|of|issued[ \t]by|de(?:[ \t]la)?|du|del|da|do)[ \t]{1,2})"
    rf"{_NAME}[ \t]*[.:]?$"
)
# "Hafenamt-Pressekontakt:", "Harbour Energy press contact:", "Pressekontakt der Hafenamt
# GmbH:", "Media contact for Harbour Energy:".
CONTACT_RE = lazy_regex(
    rf"{_NAME}(?:-|[ \t]{{1,2}})(?i:pressekontakt|pressestelle|medienkontakt|"
    r"press[ \t]contact|media[ \t]contact)[ \t]*:?$"
    r"|(?i:pressekontakt|pressestelle|medienkontakt|press[ \t]contact|media[ \t]contact)"
    r"[ \t]{1,2}(?i:der|des|von|for|at|of)[ \t]{1,2}"
    rf"{_NAME}[ \t]*:?$"
)
# "Do G1 AM", "Da Agência Brasil, em Manaus", "Do UOL, no Rio": "from X", a Portuguese credit.
FROM_RE = lazy_regex(rf"D[oa][ \t]{{1,2}}{_NAME}(?:,[ \t]{{1,2}}(?:em|no|na)[ \t].{{1,40}})?$")
# A word of capitals and digits ("G1", "UOL", "BBC"): an outlet's acronym.
ACRONYM_RE = lazy_regex(
    r"(?<![\p{L}\p{N}])(?=[\p{Lu}\p{N}]*\p{Lu})[\p{Lu}\p{N}]{2,8}(?![\p{L}\p{N}])"
)


def read_issuer(text: str, *, portuguese: bool = True) -> str | None:
    """The organisation a line of its own names as the story's issuer, else ``None``; a
    Portuguese "Do"/"Da" credit only with ``portuguese`` (the story's language).

    >>> read_issuer("Gemeinsame Pressemitteilung von Hafenamt und Universität Portstadt")
    'Hafenamt und Universität Portstadt'
    >>> read_issuer("Press release from Harbour Energy"), read_issuer("HAFEN-Pressekontakt:")
    ('Harbour Energy', 'HAFEN')
    >>> read_issuer("Media contact for Harbour Energy:"), read_issuer("Do G1 AM")
    ('Harbour Energy', 'G1 AM')
    >>> read_issuer("Da Agência Brasil, em Manaus")
    'Agência Brasil'
    >>> read_issuer("I got the following press release from the harbour office:") is None
    True
    >>> read_issuer("Da Redação"), read_issuer("Do Porto"), read_issuer("Pressekontakt:")
    (None, None, None)
    >>> read_issuer("Global Media Contact:"), read_issuer("Pressemitteilung der Stadt")
    (None, None)
    >>> read_issuer("Do US Sanctions Work"), read_issuer("Do G1 AM", portuguese=False)
    (None, None)
    """
    text = " ".join(text.split())
    if not 4 <= len(text) <= MAX_CHARS:
        return None
    for pattern in (RELEASE_RE, CONTACT_RE):
        m = pattern.match(text)
        if m is not None and m.group("name"):
            name = m.group("name").rstrip(".:")
            return name if _organisation(name) else None
    m = FROM_RE.match(text) if portuguese else None
    if m is None:
        return None
    name = m.group("name")
    # "Do Porto", "Da Redação": a place or a desk; "Do US Sanctions Work": a question. An
    # outlet is acronyms alone or an outlet's name.
    words = name.split()
    if len(words) > FROM_WORDS:
        return None
    if all(ACRONYM_RE.fullmatch(w) for w in words) or _outlet(name):
        return name
    return None


def _outlet(name: str) -> bool:
    return outlet_by_name(name) or name.casefold() in lexicon().agencies


def _organisation(name: str) -> bool:
    """An organisation's name: an acronym, an outlet's name, or two words or more that are
    not all generic ("Harbour Energy"; not "Global", "Stadt", "Global Investor")."""
    words = name.split()
    if len(words) == 1 and ACRONYM_RE.fullmatch(name):
        return True
    if _outlet(name):
        return True
    meaningful = [w for w in words if w.casefold() not in GENERIC_WORDS and w[:1].isupper()]
    return len(words) >= 2 and bool(meaningful)

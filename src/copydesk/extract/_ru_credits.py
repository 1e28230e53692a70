"""The agency or outlet a Russian or Ukrainian story is credited to in its first lines: "Как
передает ИА «Регнум», …", "Об этом сообщает ТАСС.", "…, передает корреспондент РИА Новости.",
"Як передає Укрінформ, …", "Про це повідомляє УНІАН" and, in the lede, "По данным
Интерфакс, …" ("За даними …") opening it or "…, сообщает ТАСС." closing its first
sentence. Russian copy credits the wire it rewrites so, as Chinese copy opens with "据X报道，".
Used by ``extract.reported`` on the story's first lines.

Only an outlet gives a source: a news agency of the lexicon ("ТАСС", "РИА Новости"), a name
after a word of an outlet's kind ("ИА «Регнум»", "агентство Reuters", "газета «Вести»"), or
a Latin name :func:`~copydesk.extract.reported.is_outlet` knows ("Reuters", "BBC"). "Как
передает источник", "как сообщает пресс-служба МВД" or a company in quotes ("как сообщает
«Газпром»") give none."""

from __future__ import annotations

from collections.abc import Callable

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon

__all__ = ["read_ru_credit"]

# The outlet: an agency abbreviation glued to its name ("ИА «Регнум»", "РИА Новости"); a
# word of an outlet's kind in any case ("агентство", "агентства", "газеты", "телеканал") then
# the name, which the value leaves out ("агентство Reuters" gives "Reuters"); or a name of
# one to three capitalised words. A name in guillemets or quotes may hold spaces. Bounded.
_KIND = (
    r"(?:(?:информационное[ \t]|информационного[ \t])?(?:информ)?агентств\p{Ll}{0,2}"
    r"|газет\p{Ll}{0,2}|издани\p{Ll}{1,2}|интернет-издани\p{Ll}{1,2}|телеканал\p{Ll}{0,2}"
    r"|радиостанци\p{Ll}{1,2}|журнал\p{Ll}{0,2}|портал\p{Ll}{0,2}|видання)"
)
#: Abbreviations of "news agency" written before an agency's name ("ИА «Регнум»").
AGENCY_ABBREVIATIONS = ("ИА", "РИА", "МИА", "ІА")
_QUOTED = r"[«\"“„][^«»\"“”„\n]{1,40}[»\"”“]"
_WORDS = r"[\p{Lu}][\p{L}\p{N}.\-]{0,30}(?:[ \t][\p{Lu}][\p{L}\p{N}.\-]{0,30}){0,2}"
_OUTLET = (
    rf"(?:(?i:{_KIND})[ \t]{{1,2}}(?P<kind_name>{_QUOTED}|{_WORDS})"
    rf"|(?P<name>(?:ИА|РИА|МИА|ІА)[ \t]{{1,2}}(?:{_QUOTED}|{_WORDS})|{_WORDS}))"
)
_SAYS = (
    r"(?:переда[её]т|передают|передал[аио]?|сообщает|сообщают|сообщил[аио]?|пишет|пишут|"
    r"писал[аио]?|информирует|информировал[аио]?|"
    # Ukrainian: "передає", "повідомляє", "пише", "інформує"
    r"переда[єю]|передав(?:ла|ли)?|повідомля[єю]|повідомля[єю]ть|повідомив|повідомила|"
    r"інформу[єю])"
)
_REPORTER = (
    r"(?:(?:собственный|собственного|специальный|власний|власного)[ \t])?"
    r"(?:корреспондент|кореспондент)(?:а|ы|и)?"
)
# "Как передает ИА «Регнум», …" opening a sentence of a first line; "Об этом сообщает ТАСС";
# "передает корреспондент РИА Новости" anywhere in a first line. Case-blind openers.
FIRST_LINES_RE = lazy_regex(
    rf"(?:(?:^|(?<=[.!?…][ \t]{{1,2}}))(?i:как|як|об[ \t]этом|про[ \t]це)[ \t]{{1,2}}(?i:{_SAYS})"
    rf"(?:[ \t]{{1,2}}(?i:{_REPORTER}))?"
    rf"|(?<![\p{{L}}])(?i:{_SAYS})[ \t]{{1,2}}(?i:{_REPORTER}))"
    rf"[ \t]{{1,2}}{_OUTLET}"
)
# In the lede only: "По данным Интерфакс, …" opening it, or "…, сообщает ТАСС." closing its
# first sentence.
LEDE_OPENING_RE = lazy_regex(
    rf"^(?i:по[ \t]данным|по[ \t]сообщению|по[ \t]информации|за[ \t]даними|"
    rf"за[ \t]інформацією|за[ \t]повідомленням)[ \t]{{1,2}}{_OUTLET}[ \t]{{0,2}},"
)
LEDE_CLOSING_RE = lazy_regex(
    rf"(?<=[\p{{L}}\p{{N}}»\"”)])[ \t]{{0,2}},[ \t]{{1,2}}(?:—[ \t]{{1,2}})?(?i:{_SAYS})"
    rf"[ \t]{{1,2}}{_OUTLET}[ \t]{{0,2}}(?=[.!…])"
)
# The first sentence of a line: up to its first stop followed by a space and a capital.
FIRST_SENTENCE_RE = lazy_regex(r"[^\n]*?[.!?…](?=[ \t]{1,2}[\p{Lu}«\"]|$)")
# A Cyrillic letter: the credit reader reads Russian text only.
CYRILLIC_RE = lazy_regex(r"\p{Cyrillic}")


def _outlet(m: regex.Match[str], is_outlet: Callable[[str], bool]) -> tuple[int, int, str] | None:
    """The span and value of the outlet a match names, or ``None`` when the name is none."""
    lex = lexicon()
    if m["kind_name"] is not None:
        start = m.start("kind_name")
        value = m["kind_name"].rstrip(".")
        bare = value.strip('«»"“”„ ')
        # a name after a word of an outlet's kind: an outlet, unless it is lower-case words
        if not bare[:1].isupper() and not bare[:1].isdigit():
            return None
        start += value.index(bare)  # the span of the name, without its quotes
        return start, start + len(bare), bare
    start = m.start("name")
    value = m["name"].rstrip(".")
    end = start + len(value)
    head = value.split(None, 1)
    if head[0] in AGENCY_ABBREVIATIONS and len(head) == 2:
        return start, end, value  # "ИА «Регнум»", "РИА Новости"
    words = value.split()
    for n in range(len(words), 0, -1):  # the longest run of words that names an outlet
        name = " ".join(words[:n]).rstrip(".")
        if name.casefold() in lex.agencies or (not CYRILLIC_RE.search(name) and is_outlet(name)):
            return start, start + len(name), lex.canonical.get(name.casefold(), name)
    return None


def read_ru_credit(
    text: str, *, lede: bool, is_outlet: Callable[[str], bool]
) -> tuple[int, int, str] | None:
    """The outlet a Russian first line credits the story to: ``(start, end, value)`` of its
    name in ``text``; with ``lede``, the forms that count in the lede only too. ``is_outlet``
    tells a Latin outlet's name (extract.reported's).

    >>> from copydesk.extract.reported import is_outlet as known
    >>> read_ru_credit("Как передает ИА «Регнум», глава компании сообщил.", lede=False,
    ...                is_outlet=known)
    (13, 24, 'ИА «Регнум»')
    >>> read_ru_credit("Порт закрыт, сообщает ТАСС.", lede=True, is_outlet=known)[2]
    'ТАСС'
    >>> read_ru_credit("Порт закрыт, сообщает ТАСС.", lede=False, is_outlet=known) is None
    True
    >>> read_ru_credit("Как передает источник, порт закрыт.", lede=True, is_outlet=known)
    >>> read_ru_credit("Как сообщает «Газпром», порт закрыт.", lede=True, is_outlet=known)
    """
    if not CYRILLIC_RE.search(text):
        return None
    for m in FIRST_LINES_RE.finditer(text):
        found = _outlet(m, is_outlet)
        if found is not None:
            return found
    if not lede:
        return None
    opening = LEDE_OPENING_RE.match(text.lstrip())
    if opening is not None:
        shift = len(text) - len(text.lstrip())
        found = _outlet(opening, is_outlet)
        if found is not None:
            return found[0] + shift, found[1] + shift, found[2]
    first = FIRST_SENTENCE_RE.match(text)
    if first is not None:
        closing = LEDE_CLOSING_RE.search(first[0])
        if closing is not None:
            return _outlet(closing, is_outlet)
    return None

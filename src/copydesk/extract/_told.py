"""A statement given to a news agency, in Arabic copy: "وقال في تصريح خاص لوكالة الأنباء
الألمانية …" ("he said in a statement to the German news agency"), "وأوضح المزارع لـ"واس" …"
("the farmer told SPA"). The agency that took the statement wrote the story: it is the
source. Used by ``extract.reported`` on the story's first lines.

A citation ("وفقا لوكالة رويترز", "according to Reuters"; "نقلا عن", "quoting") is no
statement given to the agency, and gives nothing. English "told Reuters" is left alone: there
an outlet quoting another's interview writes the same words."""

from __future__ import annotations

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon

__all__ = ["ARABIC_OUTLET_RE", "read_told_agency"]

# "ل" (to) glued to "وكالة" (agency) and the agency's name: words with the article ("الأنباء
# السعودية", "للأنباء"), one to four, then its acronym in quotes or brackets when written
# ("(واس)", "“إرنا”"). Example: "لوكالة الأنباء الألمانية". Bounded.
TOLD_AGENCY_RE = lazy_regex(
    r"(?<!\p{L})لـ?[ \t]?(?P<name>وكالة(?:[ \t]{1,2}(?:ال|لل)\p{Arabic}{1,20}){1,4}"
    r"(?:[ \t]{1,2}[(“”\"«]\p{Arabic}{2,12}[)“”\"»])?)"
)
# "لـ" (to) before a name in quotes: "لـ”واس”", "لـ«الشرق»". Bounded.
TOLD_QUOTED_RE = lazy_regex(
    r"(?<!\p{L})لـ[ \t]?[“”\"«](?P<name>\p{Arabic}{2,20}(?:[ \t]\p{Arabic}{2,20}){0,2})[“”\"»]"
)
# A word of saying or of a statement before the agency ("قال", "وأوضح", "تصريح", "حديث",
# "جولة"), the conjunction "و" glued or not. Bounded.
SAYING_RE = lazy_regex(
    r"(?<!\p{L})و?(?:قال|أوضح|أكد|صرح|صرّح|أضاف|ذكر|بين|بيّن|أفاد|كشف|أشار|تحدث|أعرب|"
    r"تصريح|تصريحات|حديث|مقابلة|جولة)(?!\p{L})"
)
#: Words of a citation right before the agency: "according to", "quoting", "as reported by".
CITING = ("وفقا", "وفقاً", "طبقا", "طبقاً", "نقلا", "نقلاً", "حسب", "بحسب", "حسبما", "عن")
#: The word of saying stands at most this many characters before the agency.
SAYING_REACH = 80
# Arabic words naming an outlet ("صحيفة", "وكالة"; "موقع", a website), for the caseless
# script: a name holding one is an outlet (here, and in extract.reported's datelines).
ARABIC_OUTLET_RE = lazy_regex(
    r"(?:^|[ \t])(?:صحيفة|جريدة|وكالة|قناة|موقع|شبكة|إذاعة|مجلة)(?:[ \t]|$)"
)


def read_told_agency(text: str) -> tuple[int, int, str] | None:
    """The agency a statement in the sentence was given to: ``(start, end, value)`` of its
    name in ``text``, or ``None``.

    >>> read_told_agency("وقال في تصريح خاص لوكالة الأنباء الألمانية إن الميناء مغلق.")[2]
    'وكالة الأنباء الألمانية'
    >>> read_told_agency("وأوضح المزارع حسين لـ”واس” أن الموسم بدأ مبكرا.")[2]
    'واس'
    >>> read_told_agency("أغلق الميناء وفقا لوكالة الأنباء الألمانية.") is None
    True
    >>> read_told_agency("وهذا الكتاب لـ”واس” وغيرها.") is None
    True
    """
    if "ل" not in text or not ("وكالة" in text or "لـ" in text):
        return None  # most lines: no agency after "to"
    for pattern in (TOLD_AGENCY_RE, TOLD_QUOTED_RE):
        for m in pattern.finditer(text):
            name = m["name"]
            if pattern is TOLD_QUOTED_RE and not _outlet(name):
                continue
            before = text[max(0, m.start() - SAYING_REACH) : m.start()].split()
            if not before or before[-1] in CITING or before[-1].startswith(CITING):
                continue  # "وفقا لوكالة …": a citation
            if SAYING_RE.search(" ".join(before)) is None:
                continue
            start = m.start("name")
            return start, start + len(name), lexicon().canonical.get(name.casefold(), name)
    return None


def _outlet(name: str) -> bool:
    """A quoted name that is a news agency of the lexicon or names an outlet by its word."""
    return name.casefold() in lexicon().agencies or ARABIC_OUTLET_RE.search(name) is not None

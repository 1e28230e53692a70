"""The source named in the story's own words: an outlet credited as the story's supplier or
its reporter's employer ("As informações são do Estadão", "AA muhabirine konuşan", "澎湃新闻记者
从…", "据新华社报道，…" or "共同通信によると、…" opening the lede), an outlet in brackets
opening the lede ("(EL MUNDO) La semana…"), and an "Outlet – City" dateline standing above
the lede.

An outlet cited for one fact ("…, Reuters reported", "according to the Daily Mail", "laut
dpa", "据X报道" further in) is not the source: the story cites it, it does not come from it
(:func:`read_reported` still reads such credits, for callers that want them).

A credit inside a sentence stays in the body: the sentence is content, and cutting a name out
of it would change what it says. The value is recorded as a ``read`` edit of the ledger (the
span the name was read from, left as it is). A bracketed outlet opening the lede is cut from
its line (``extracted``) as a wire dateline is; a dateline line of its own leaves the body.

Only the lede's lines and the last lines are read, and only a name that is an outlet by its
words (a news agency of the lexicon, a word such as "Times", "Zeitung", "Gazetesi" or an
ending such as "新闻", "日報", "通信"): "the ministry said", "according to police" and a
person's name never give a source."""

from __future__ import annotations

import functools
import itertools

import regex

from copydesk._lazy import lazy_regex
from copydesk.draft import Draft, Line
from copydesk.extract._about import about_source, read_about
from copydesk.extract._issuers import read_issuer
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import URL_RE
from copydesk.extract._ru_credits import read_ru_credit
from copydesk.extract._told import ARABIC_OUTLET_RE, read_told_agency
from copydesk.extract.title import reads_as_prose
from copydesk.language import detect, sample_body
from copydesk.pipeline import step

__all__ = [
    "is_outlet",
    "outlet_lines",
    "read_opening_outlet",
    "read_outlet_dateline",
    "read_outlet_says",
    "read_reported",
    "read_story_credit",
    "reported",
]

RULE = "extract.reported"
LINES_RULE = "extract.outlet_lines"
#: Body lines read from the top (the lede and the paragraphs under it) and from the bottom.
HEAD_LINES = 4
TAIL_LINES = 2
#: The longest line an "Outlet – City" dateline may be.
MAX_DATELINE_CHARS = 60
#: The most words an outlet's name has in an "Outlet – City" dateline written without case.
CASELESS_NAME_WORDS = 3
#: The longest "About X" heading line (see extract._about).
ABOUT_MAX_CHARS = 72
#: The longest issuer line (see extract._issuers), with room for spaces around it.
ISSUER_MAX_CHARS = 120
# The opening of a Portuguese credit ("Do G1 AM", "Da Agência Brasil").
FROM_HINT_RE = lazy_regex(r"[ \t]{0,3}D[oa][ \t]")
# A word every issuer line has: a quick scan of the body before the full reading.
ISSUER_HINT_RE = lazy_regex(
    r"(?i:presse|press|medien|media|news[ \t]release|communiqué|prensa|comunicado)"
    r"|^[ \t]*D[oa][ \t]"
)


@functools.lru_cache(maxsize=1)
def _about_firsts() -> frozenset[str]:
    """The first letters of the "About" openers, for a quick scan of the lines."""
    return frozenset(opener[0] for opener in lexicon().about_openers)


# A capitalised name of one to five words, written in a cased script ("The Harbour Times",
# "Hafen-Kurier", "EL MUNDO", "Diario del Puerto", "Corriere della Sera": a particle may join
# two words); a lower-case agency acronym ("dpa", "epd") is allowed too. Bounded words,
# bounded count.
_NAME = (
    r"(?P<name>(?:\p{Lu}|\p{N}{1,4}|dpa|epd|kna)[\p{L}\p{M}\p{N}.&'’\-]{0,30}"
    r"(?:[ \t](?:(?:de|del|della|do|da|der|di|du|des|la|el)[ \t])?"
    r"\p{Lu}[\p{L}\p{M}\p{N}.&'’\-]{0,30}){0,4})"
)
# What may stand before the name: an article, an agency word ("the state news agency X",
# "die Nachrichtenagentur X", "la agencia X", "o jornal X"). Bounded.
_BEFORE = (
    r"(?i:(?:(?:the|die|der|das|dem|den|la|el|le|o|a|os|as)[ \t]{1,2})?"
    r"(?:(?:state|official|staatliche|amtliche)[ \t]{1,2})?"
    r"(?:(?:news[ \t]agency|nachrichtenagentur|presseagentur|agentur|zeitung|agencia|agência|"
    r"diario|periódico|jornal|newspaper|broadcaster|channel|sender)[ \t]{1,2})?)"
)
# French and Italian articles before a name, elided or not ("l'AFP", "il Corriere", "le
# Monde"); a capital article is part of the name ("Le Monde").
_ELIDED = r"(?:[lL]['’]|(?:il|lo|le|les|la)[ \t]{1,2})?"
# Outlet credits inside a sentence, in English, German, Spanish, Portuguese and Turkish:
# "according to the Xinhua news agency", "…, Reuters reported", "Reuters reported on…",
# "laut dpa", "berichtete die Nachrichtenagentur dpa", "Wie der Spiegel berichtet",
# "según informó EL MUNDO", "As informações são do Estadão", "AA muhabirinin", "Liman
# Gazetesi'nin haberine göre". Alternatives open with a fixed word or a name at a word start;
# every repeat is bounded.
_REPORTED_FORMS = (
    # "according to the Xinhua news agency", "laut dpa", "según informó Diario del Puerto"
    r"(?i:according[ \t]to|laut|zufolge|según|segun|segundo|conforme)[ \t]{1,2}"
    r"(?:(?:informó|informou|publicó|publicou|reportó)[ \t]{1,2})?<B><N>",
    # French and Italian: "selon l'AFP", "d'après Le Monde", "secondo l'ANSA", "secondo
    # quanto riferisce Il Porto" (a "l'" glued to the name)
    r"(?i:selon|d['’]après|secondo(?:[ \t]{1,2}quanto[ \t]{1,2}(?:riferisce|riporta|scrive))?)"
    r"[ \t]{1,2}<L><B><N>",
    # "rapporte l'AFP", "a rapporté Le Monde", "riferisce l'ANSA", "scrive il Corriere"
    r"(?i:rapporte|rapportait|a[ \t]rapporté|écrit|riferisce|riporta|scrive)[ \t]{1,2}"
    r"<L><B><N>",
    # "berichtete die Nachrichtenagentur dpa", "informou a Agência Brasil"
    r"(?i:berichtet(?:e|en)?|meldet(?:e|en)?|schreibt|schrieb|informó|informou|publicó|"
    r"publicou|reportó|reported|reports)[ \t]{1,2}<B><N>",
    # "As informações são do Estadão"
    r"(?i:informaç(?:ões|ao|ão)|informaciones)[ \t]{1,2}(?:são[ \t]{1,2}|son[ \t]{1,2})?"
    r"(?:d[oa]s?|de(?:l|[ \t]{1,2}la)?)[ \t]{1,2}<B><N>",
    # "…, Reuters reported", "…, the BBC said", "…, meldete die dpa"
    r"(?<=[,;][ \t]{1,2})<B><N>(?:[ \t]{1,2}news[ \t]agency)?[ \t]{1,2}"
    r"(?:reported|reports|said|says|wrote|writes|berichtet(?:e)?|meldet(?:e)?)(?![\p{L}])",
    # "Wie der Spiegel berichtet, …"
    r"(?i:wie)[ \t]{1,2}<B><N>[ \t]{1,2}(?i:berichtet(?:e)?|meldet(?:e)?|schreibt|schrieb)"
    r"(?![\p{L}])",
    # "Reuters reported on Monday that …"
    r"<N>(?:[ \t]{1,2}news[ \t]agency)?[ \t]{1,2}(?:reported|has[ \t]reported)[ \t]{1,2}"
    r"(?:on|that|late|earlier|this|last|in|\p{Lu})(?![\p{L}])",
    # "Liman Gazetesi'nin haberine göre"
    r"<N>(?:[ \t]{1,2}\(\p{Lu}{2,6}\))?(?:['’]\p{Ll}{1,4})?[ \t]{1,2}haberine[ \t]{1,2}göre",
)
# Credits that cover the story, not one fact of it: the outlet supplied the story ("As
# informações são do Estadão") or its own reporter gathered it ("AA muhabirinin", "Anadolu
# Ajansı (AA) muhabirine konuşan"). Bounded as above.
_STORY_FORMS = (
    # "As informações são do Estadão", "Com informações da Agência Brasil", "Las informaciones
    # son de EFE"; not "segundo informações da TV Globo", a citation
    r"(?i:(?<!segundo[ \t]{1,2}|según[ \t]{1,2}|conforme[ \t]{1,2})"
    r"(?:as[ \t]{1,2}informações[ \t]{1,2}são|com[ \t]{1,2}informaç(?:ões|ão)|"
    r"las[ \t]{1,2}informaciones[ \t]{1,2}son|con[ \t]{1,2}informaci(?:ón|ones)))[ \t]{1,2}"
    r"(?:d[oa]s?|de(?:l|[ \t]{1,2}la)?)[ \t]{1,2}<B><N>",
    r"<N>(?:[ \t]{1,2}\(\p{Lu}{2,6}\))?(?:['’]\p{Ll}{1,4})?[ \t]{1,2}muhabir\p{Ll}{0,6}",
)


def _forms_re(forms: tuple[str, ...]) -> str:
    return (
        r"(?<![\p{L}\p{N}])(?:"
        + "|".join(
            f.replace("<L>", _ELIDED).replace("<B>", _BEFORE).replace("<N>", _NAME) for f in forms
        )
        + ")"
    )


REPORTED_RE = lazy_regex(_forms_re(_REPORTED_FORMS + _STORY_FORMS[1:]))
STORY_CREDIT_RE = lazy_regex(_forms_re(_STORY_FORMS))
# Each form alone, for a line that holds the word of one form only: the reporter's form
# tries a name at every capital of the line, which a Spanish "información" does not need.
INFORMATION_CREDIT_RE = lazy_regex(_forms_re(_STORY_FORMS[:1]))
REPORTER_CREDIT_RE = lazy_regex(_forms_re(_STORY_FORMS[1:]))
# A word every match of each form holds, in the same case rules: a quick scan that spares
# the lines without one the patterns' trials at every capital (it was a fifth of the
# default pipeline's time; "informa" alone met every English "information").
# Example: 'As informações são do Estadão', 'Con información de EFE'; 'AA muhabirine'.
INFORMATION_HINT_RE = lazy_regex(r"(?i:informa[çc])")
REPORTER_HINT = "muhabir"
# A Chinese or Japanese credit: "据澎湃新闻报道", "據中央社報導", "澎湃新闻记者从…", "共同通信
# によると", "NHKが報じた". The name is a run of Han, kana or Latin capitals after a character
# that is no part of a name (or after a preposition such as 向, 据, 对), before the credit's
# words; greedy runs, bounded.
_CJK_NAME = (
    r"(?:(?<=[据據向对對经經从從])|(?<![\p{Han}\p{Katakana}ーA-Z]))"
    r"(?P<name>(?![据據向对對经經从從])[\p{Han}\p{Katakana}ーA-Z]{2,12})"
)
CJK_REPORTED_RE = lazy_regex(
    _CJK_NAME + r"(?:[ \t]?(?:记者|記者|报道|報導|报导|報道|消息|讯|訊)"
    r"|によると|によれば|が報じた|が伝えた|の報道)"
)
# The outlet's own reporter or dispatch: "澎湃新闻记者从…确认", "向海岸新闻记者表示", "新华社讯".
#: Openers of a Chinese run that names a kind, not an outlet ("本网", "当地电视台", "多家媒体").
CJK_NOT_NAME_OPENERS = (
    "本", "当地", "當地", "本地", "多家", "一家", "某", "该", "該", "外国", "外國", "境外", "国外",
    "國外", "各", "其他", "这", "這", "那", "多名",
)  # fmt: skip
# Not after 据 ("据央视新闻记者报道": a citation). Read in the lede only.
CJK_STORY_CREDIT_RE = lazy_regex(r"(?<![据據])" + _CJK_NAME + r"[ \t]?(?:记者|記者|讯|訊)")
#: The words every match of CJK_STORY_CREDIT_RE ends with.
CJK_CREDIT_WORDS = ("记者", "記者", "讯", "訊")
# A citation opening the lede, as a wire credit does: "据新华社报道，…", "共同通信によると、…".
CJK_OPENING_CREDIT_RE = lazy_regex(
    r"[据據]?" + _CJK_NAME + r"(?:报道|報導|报导|報道|消息|によると|によれば)[，,、]"
)
# The outlet in brackets opening the lede: "(EL MUNDO) La semana pasada…". The bracket holds
# no digit; a capital or a quote opens the sentence after it. Bounded.
OPENING_OUTLET_RE = lazy_regex(
    r"[(（](?P<name>[\p{L}][\p{L}\p{M}.&'’ \t\-]{1,38})[)）][ \t]{0,3}[-–—:]?[ \t]{0,3}"
    r"(?=[\p{Lu}\p{Lo}\"'“«„])"
)
# An "Outlet – City" dateline line: a name, a dash with spaces, one to three words, nothing
# else. Bounded.
OUTLET_DATELINE_RE = lazy_regex(
    r"(?P<name>[^\s–—\-:|/][^–—\-:|/\n]{1,40})[ \t]{1,3}[–—\-][ \t]{1,3}"
    r"(?P<place>[\p{L}\p{M}.'’]{2,25}(?:[ \t][\p{L}\p{M}.'’]{2,25}){0,2})"
)
# An outlet introducing its story on a line of its own: "Harbour Wire says…", "Coastline
# News reports:". Bounded; matched whole.
OUTLET_SAYS_RE = lazy_regex(
    _NAME + r"[ \t]{1,2}(?:says|reports|writes|berichtet|meldet)[ \t]{0,2}(?:…|\.{3}|:)"
)
#: Articles opening an outlet's name written in capitals ("EL MUNDO", "LE MONDE", "O GLOBO").
CAPITAL_ARTICLES = frozenset({"EL", "LA", "LE", "LES", "THE", "DIE", "DER", "DAS", "O", "IL", "LO"})
# An acronym in capitals: "EL MUNDO", "AFP", "NHK". Bounded.
CAPITALS_RE = lazy_regex(r"\p{Lu}{2,12}(?:[ \t]\p{Lu}{2,12}){0,3}")


@functools.lru_cache(maxsize=4096)
def is_outlet(name: str) -> bool:
    """True when ``name`` names a news outlet by its words, never a person or an address.

    >>> is_outlet("Reuters"), is_outlet("Harbour Times"), is_outlet("dpa"), is_outlet("澎湃新闻")
    (True, True, True, True)
    >>> is_outlet("Interior Ministry"), is_outlet("Jane Roe"), is_outlet("www.example.com")
    (False, False, False)
    >>> is_outlet("共同通信"), is_outlet("人员向"), is_outlet("Washington"), is_outlet("News")
    (True, False, False, False)
    >>> is_outlet("电视台"), is_outlet("BBC"), is_outlet("Spiegel")
    (False, True, True)
    >>> is_outlet("Breaking News"), is_outlet("Post Office"), is_outlet("Press Secretary")
    (False, False, False)
    >>> is_outlet("Hafenzeitung"), is_outlet("Hamburger Morgenpost"), is_outlet("Zeitung")
    (True, True, False)
    >>> is_outlet("港湾新聞オンライン"), is_outlet("海岸テレビNEWS"), is_outlet("オンライン")
    (True, True, False)
    """
    lex = lexicon()
    name = name.strip(" \t.,;:'’\"")
    folded = name.casefold()
    if not name or URL_RE.search(name) or "@" in name:
        return False
    if folded in lex.agencies or folded in lex.canonical:
        return True
    cjk = regex.search(r"[\p{Han}\p{Katakana}]", name) is not None
    edition = next((x for x in lex.outlet_editions if name.endswith(x)), "") if cjk else ""
    if edition and len(name) > len(edition) + 2:
        name = name[: -len(edition)].rstrip()  # "港湾新聞オンライン": the outlet's edition
    if name[-1:].isascii() or not cjk:
        words = [w.strip(".,'’") for w in folded.split()]
        if any(w in lex.outlet_brands for w in words):
            return True
        if name[:1].isupper() and any(
            words[-1].endswith(end) and (len(words) > 1 or len(words[0]) >= len(end) + 3)
            for end in lex.outlet_compound_endings
        ):
            return True  # "Hafenzeitung", "Hamburger Morgenpost"; not "Zeitung" alone
        generic = lex.outlet_name_words | lex.outlet_generic_words
        return (
            len(words) > 1
            and any(w in lex.outlet_name_words for w in words)
            and not all(w in generic or w in ("the", "&", "and") for w in words)
            and not any(w in lex.outlet_generic_words for w in words[-1:])
        )
    suffix = next((x for x in lex.outlet_suffixes if name.endswith(x)), None)
    return suffix is not None and len(name) >= len(suffix) + 2


def _name_value(name: str) -> str:
    """The source value of a credited name: the canonical spelling of an agency, the name
    without an article or a possessive ending."""
    lex = lexicon()
    name = regex.sub(r"^(?:The|Die|Der|Das)[ \t]", "", name.strip(" \t.,;:"))
    name = regex.sub(r"['’](?:s|\p{Ll}{1,4})$", "", name)
    return lex.canonical.get(name.casefold(), name)


def read_reported(text: str) -> tuple[int, int, str] | None:
    """The first outlet the sentence credits: ``(start, end, value)`` of its name in ``text``.

    >>> read_reported("The port closed on Monday, Reuters reported.")
    (27, 34, 'Reuters')
    >>> read_reported("Der Hafen bleibt zu, berichtete die Nachrichtenagentur dpa am Montag.")[2]
    'dpa'
    >>> read_reported("据澎湃新闻报道，港口周一关闭。")[2]
    '澎湃新闻'
    >>> read_reported("共同通信によると、港は閉鎖された。")[2]
    '共同通信'
    >>> read_reported("Liman Gazetesi'nin haberine göre liman kapandı.")[2]
    'Liman Gazetesi'
    >>> read_reported("The port closed, the Interior Ministry said.") is None
    True
    >>> read_reported("According to Jane Roe, the port closed.") is None
    True
    >>> read_reported("Selon l'AFP, le port a fermé.")[2], read_reported("Lo riferisce l'ANSA.")[2]
    ('AFP', 'ANSA')
    >>> read_reported("Selon Jean Dupont, le port a fermé.") is None
    True
    """
    return _first_outlet(text, (REPORTED_RE, CJK_REPORTED_RE))


def read_story_credit(
    text: str, *, opening: bool = False, head: bool = False
) -> tuple[int, int, str] | None:
    """Like :func:`read_reported`, for a credit that covers the story: the outlet supplied it
    ("As informações são do Estadão") or its own reporter gathered it ("AA muhabirine"; "澎湃
    新闻记者从…" with ``head``, in the story's first lines only); with ``opening`` (the lede's
    first line, a head line too), a Chinese or Japanese citation opening it too ("据新华社
    报道，…"), as a wire credit would. A citation of one fact ("…, Reuters reported",
    "according to the Daily Mail", "laut dpa", "据X报道" further in) is no source: the story
    cites that outlet, it does not come from it.

    >>> read_story_credit("The port closed on Monday, Reuters reported.") is None
    True
    >>> read_story_credit("Das Amt bestätigte das, laut dpa.") is None
    True
    >>> read_story_credit("O porto fechou. As informações são do Estadão.")[2]
    'Estadão'
    >>> read_story_credit("据新华社报道，港口周一关闭。", opening=True)[2]
    '新华社'
    >>> read_story_credit("港口周一关闭。据新华社报道，船只改道。", opening=True) is None
    True
    >>> read_story_credit("他对本网记者说，港口关闭。", opening=True) is None
    True
    >>> read_story_credit("港口关闭。据央视新闻记者报道，船只改道。", opening=True) is None
    True
    >>> read_story_credit("当地电视台记者拍到港口关闭。", opening=True) is None
    True
    >>> read_story_credit("澎湃新闻记者从港务局获悉，港口关闭。", opening=True)[2]
    '澎湃新闻'
    """
    patterns: list[regex.Pattern[str]] = []
    information = INFORMATION_HINT_RE.search(text) is not None
    reporter = REPORTER_HINT in text
    if information and reporter:
        patterns.append(STORY_CREDIT_RE)  # both forms, the leftmost match first
    elif information:
        patterns.append(INFORMATION_CREDIT_RE)
    elif reporter:
        patterns.append(REPORTER_CREDIT_RE)
    if (head or opening) and any(word in text for word in CJK_CREDIT_WORDS):
        patterns.append(CJK_STORY_CREDIT_RE)
    found = _first_outlet(text, tuple(patterns))
    if found is None and opening:
        m = CJK_OPENING_CREDIT_RE.match(text.lstrip())
        if m is not None:
            found = _first_outlet(m[0], (CJK_OPENING_CREDIT_RE,))
            if found is not None:
                shift = len(text) - len(text.lstrip())
                found = (found[0] + shift, found[1] + shift, found[2])
    return found


def _first_outlet(
    text: str, patterns: tuple[regex.Pattern[str], ...]
) -> tuple[int, int, str] | None:
    for pattern in patterns:
        for m in pattern.finditer(text):
            name = _trim(m["name"])
            if name and is_outlet(name):
                start = m.start("name")
                return start, start + len(name), _name_value(name)
    return None


def _trim(name: str) -> str:
    """A captured name without trailing punctuation, a suffix after an apostrophe
    ("Gazetesi'nin", "Reuters'": the name is what stands before it), or the words of the next
    sentence ("NBC News. The New England…"); a Chinese run is no name when it holds a
    preposition or opens with 本 ("他对本网": "this site", whose name the text does not say) or
    a word of a kind ("当地电视台", "a local station").
    """
    name = regex.split(r"(?<=\p{L}{2})\.[ \t]", name, maxsplit=1)[0]
    if regex.search(r"[\p{Han}]", name) and (
        name.startswith(CJK_NOT_NAME_OPENERS) or regex.search(r"[向对對从從经經据據]", name)
    ):
        return ""
    return regex.sub(r"['’]\p{Ll}{0,4}$", "", name.rstrip(" \t.,;:")).rstrip(" \t.,;:")


def read_opening_outlet(text: str) -> tuple[int, str] | None:
    """An outlet in brackets opening a lede: ``(end, name)`` of the bracket to cut.

    >>> read_opening_outlet("(EL MUNDO) La semana pasada el puerto cerró.")
    (11, 'EL MUNDO')
    >>> read_opening_outlet("(Harbour Times) - The port closed on Monday.")
    (18, 'Harbour Times')
    >>> read_opening_outlet("(VIDEO) The port closed.") is None
    True
    >>> read_opening_outlet("(Jane Roe) The port closed.") is None
    True
    >>> read_opening_outlet("(NEW YORK) The port closed.") is None
    True
    """
    m = OPENING_OUTLET_RE.match(text)
    if m is None:
        return None
    name = m["name"].strip()
    # a name in capitals of two words or more opening with an article ("EL MUNDO", "LE
    # MONDE"); not a place ("NEW YORK", "SAN FRANCISCO") or a tag ("BREAKING NEWS")
    acronym = (
        CAPITALS_RE.fullmatch(name) is not None
        and name.split()[0] in CAPITAL_ARTICLES
        and len(name.split()) > 1
    )
    if not (is_outlet(name) or acronym):
        return None
    return m.end(), _name_value(name)


def read_outlet_says(text: str) -> str | None:
    """The outlet of a line that introduces its story: "Harbour Wire says…".

    >>> read_outlet_says("Harbour Wire says…"), read_outlet_says("Jane Roe says…")
    ('Harbour Wire', None)
    """
    m = OUTLET_SAYS_RE.fullmatch(text.strip())
    return _name_value(m["name"]) if m is not None and is_outlet(m["name"]) else None


def read_outlet_dateline(text: str) -> str | None:
    """The outlet of an "Outlet – City" dateline line standing alone above the lede; in a
    script without case (Arabic), the shape alone decides.

    >>> read_outlet_dateline("Harbour Times – Portville")
    'Harbour Times'
    >>> read_outlet_dateline("صحيفة الميناء – الرياض")
    'صحيفة الميناء'
    >>> read_outlet_dateline("عين الميناء – الرياض")
    'عين الميناء'
    >>> read_outlet_dateline("Jane Roe – Portville") is None, read_outlet_dateline("News – World")
    (True, None)
    >>> read_outlet_dateline("台風で旧港を一時閉鎖 - 港湾新聞") is None  # a page title
    True
    """
    text = text.strip()
    if len(text) > MAX_DATELINE_CHARS:
        return None
    m = OUTLET_DATELINE_RE.fullmatch(text)
    if m is None:
        return None
    name, place = m["name"].strip(), m["place"].strip()
    if len(name.split()) > 4 or any(ch.isdigit() for ch in name):
        return None
    if place.casefold() in lexicon().agencies:
        return None  # "City – Agency": the wire dateline's reader has it
    if is_outlet(place) and not is_outlet(name):
        return None  # "Headline – Outlet": a page title, whose site comes last
    if ARABIC_OUTLET_RE.search(name) or is_outlet(name):
        return _name_value(name)
    # a script without case cannot tell a name from a word: the dateline's shape decides,
    # a name of three words at most, a place of one or two
    caseless = not any(c.isupper() or c.islower() for c in text)
    if caseless and len(name.split()) <= CASELESS_NAME_WORDS and len(place.split()) <= 2:
        return name
    return None


@step("extract.outlet_lines")
def outlet_lines(draft: Draft) -> Draft:
    """Read the source from the lines that open the story when no earlier step found one.

    In order: a line introducing the story ("Harbour Wire says…") or an "Outlet – City"
    dateline line right above the lede (the line leaves the body as ``extracted``), then an
    outlet in brackets opening the lede ("(EL MUNDO) La semana…": cut from the line, which
    stays in the body), then the organisation of a press release's "About X" heading in the
    lower half, over a paragraph opening with the same name (the heading leaves the body;
    headings naming unrelated names, partners', give none), then a line of its own naming
    the story's issuer anywhere in the body ("Pressemitteilung von X", "X-Pressekontakt:",
    "Do G1 AM"; the line leaves the body). Runs before the title is read,
    so that a dateline above the lede is not taken for the headline, and before the line
    model, whose evidence the lines taken here are.
    """
    if draft.fields.source:
        return draft
    body = list(draft.body())
    lede = next(
        (n for n, (_, line) in enumerate(body[: HEAD_LINES + 2]) if reads_as_prose(line.text)),
        None,
    )
    for index, line in body[: lede if lede is not None else HEAD_LINES]:
        outlet = read_outlet_says(line.text)
        if outlet is not None:  # "Harbour Wire says…" above the story
            return draft.take([index], rule=LINES_RULE, kind="extracted", source=outlet)
    if lede is not None:
        index, line = body[lede]
        if lede > 0:
            above_index, above = body[lede - 1]
            outlet = read_outlet_dateline(above.text)
            if outlet is not None:
                return draft.take([above_index], rule=LINES_RULE, kind="extracted", source=outlet)
        opening = read_opening_outlet(line.text)
        if opening is not None and line.text[opening[0] :].strip():
            cut = draft.rewrite(index, [(0, opening[0], "")], rule=LINES_RULE, kind="extracted")
            if cut is not draft:
                return cut.set_fields(source=opening[1])
    # the "About X" block closes the release whatever opens it (a list of key takeaways
    # above a lede further down than the head's lines)
    about = _about_block(draft, body)
    return about if about is not draft else _issuer_line(draft, body)


def _issuer_line(draft: Draft, body: list[tuple[int, Line]]) -> Draft:
    """The source a line of its own names as the story's issuer, anywhere in the body
    ("Pressemitteilung von X", "X-Pressekontakt:", "Do G1 AM" in a Portuguese story; see
    :func:`~copydesk.extract._issuers.read_issuer`): the first such line leaves the body."""
    portuguese: bool | None = None  # the story's language, read once when first needed
    for index, line in body:
        text = line.text
        if len(text) > ISSUER_MAX_CHARS or not ISSUER_HINT_RE.search(text):
            continue  # most lines: too long, or no word an issuer line has
        if portuguese is None and FROM_HINT_RE.match(text):
            portuguese = detect(sample_body(draft)) == "pt"
        name = read_issuer(text, portuguese=bool(portuguese))
        if name is not None:
            return draft.take([index], rule=LINES_RULE, kind="extracted", source=name)
    return draft


def _about_block(draft: Draft, body: list[tuple[int, Line]]) -> Draft:
    """The source an "About X" heading in the lower half of the body names (see
    :func:`~copydesk.extract._about.read_about`); the headings leave the body. Every "About"
    block of the body must agree with it, an upper one too (a partner's)."""
    firsts = _about_firsts()
    found: list[tuple[int, str]] = []
    lower = False
    for n in range(len(body) - 1):
        text = body[n][1].text.lstrip()
        if text[:1].casefold() not in firsts or len(text) > ABOUT_MAX_CHARS:
            continue  # most lines: not a short line opening with an opener's letter
        name = read_about(text, body[n + 1][1].text)
        if name is not None:
            found.append((body[n][0], name))
            lower = lower or n >= len(body) // 2
    source = about_source([name for _, name in found])
    if source is None or not lower:
        return draft
    return draft.take([i for i, _ in found], rule=LINES_RULE, kind="extracted", source=source)


@step("extract.reported")
def reported(draft: Draft) -> Draft:
    """Read the source from a credit covering the story inside a sentence of the first or
    last lines ("As informações são do Estadão", "据港口日报报道，…" opening the lede, and in
    the first lines an Arabic statement given to an agency, "في تصريح لوكالة الأنباء…", or a
    Russian wire credit, "Как передает ИА «Регнум», …", "…, сообщает ТАСС." closing the
    lede's first sentence) when no earlier step found one; a citation of one fact ("…,
    Reuters reported") gives none.

    The sentence stays whole in the body; the ledger records a ``read`` edit on the name's
    span. Runs after the line model, on the body it left.
    """
    if draft.fields.source:
        return draft
    body = list(draft.body())
    if not body:
        return draft
    seen: set[int] = set()
    lede = next((index for index, line in body if reads_as_prose(line.text)), body[0][0])
    head = {index for index, _ in body[:HEAD_LINES]}
    for index, line in itertools.chain(body[:HEAD_LINES], body[-TAIL_LINES:]):
        if index in seen:
            continue
        seen.add(index)
        found = read_story_credit(line.text, opening=index == lede, head=index in head)
        if found is None and index in head:
            found = read_told_agency(line.text)  # "…في تصريح لوكالة الأنباء…": to the agency
        if found is None and index in head:  # "Как передает ИА «Регнум», …"
            found = read_ru_credit(line.text, lede=index == lede, is_outlet=is_outlet)
        if found is not None:
            start, end, value = found
            noted = draft.note(index, start, end, rule=RULE, value=value, source=value)
            if noted is not draft:
                return noted
    return draft

"""Wire datelines that open a paragraph (``WASHINGTON (Reuters) - …``, ``МОСКВА, 9 августа.
/ТАСС/. …``): where they end, the agency and the place. Used by ``extract.datelines``."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_organisation

__all__ = ["Wire", "read_wire"]

# A wire dateline at the start of a paragraph: a place (and a day) before the agency, which is
# in brackets ("(Reuters)"), between slashes ("/ТАСС/."), after a dash and closed by a stop
# ("- РИА Новости."), or before a dash ("INTERFAX.RU -"). Example: "NEW YORK (AP) — The".
# read_wire finds where the agency's mark is with string methods and matches one of these
# there (a pattern that searched for the mark itself cost ten times more); false positives
# ("The Associated Press (AP) reported") are refused there too: the agency must be known and
# what follows must start a sentence. Every repeat is bounded.
# A dash may be typed as two hyphens, as Xinhua does ("BEIJING (Xinhua) -- The port").
WIRE_TAIL = r"[ \t]{0,3}(?:(?:--|[-–—:])[ \t]{0,3})?"
WIRE_BRACKET_RE = lazy_regex(r"\((?P<agency>[^()\n]{2,40})\)" + WIRE_TAIL)
WIRE_SLASH_RE = lazy_regex(r"/(?P<agency>[^/\n]{2,40})/\.?" + WIRE_TAIL)
WIRE_DASH_RE = lazy_regex(r"[-–—][ \t]{1,3}(?P<agency>[^.\n]{2,40}?)(?:\.|$)" + WIRE_TAIL)
WIRE_BEFORE_DASH_RE = lazy_regex(r"[-–—](?=[ \t]|$)" + WIRE_TAIL)
#: The place and day before a wire agency take at most this many characters.
WIRE_HEAD_MAX = 62
#: The mark of a wire agency ("(", "/", " -") comes within this many characters.
WIRE_SCAN_CHARS = WIRE_HEAD_MAX + 41
# Commas and stops between the parts of a dateline's head ("WASHINGTON, D.C.", "Москва. 14").
PLACE_SEP_RE = lazy_regex(r"[,.][ \t]")
# A month written short before its day ("Dec. 3", "Sept. 14"): the stop is no separator.
SHORT_MONTH_DAY_RE = lazy_regex(r"(?P<month>\p{L}{3,5})\.[ \t](?=\d{1,2}(?!\d))")
# One word of a dateline's place: capitalised ("NEW", "Heights", "D.C.", "São", "МОСКВА").
PLACE_WORD_RE = lazy_regex(r"\p{Lu}[\p{L}\p{M}.'’\-]{0,30}")
# A day and a month in a dateline, the year left out ("10 авг", "9 августа", "Nov. 2").
DAY_MONTH_RE = lazy_regex(r"\d{1,2}[ \t]\p{L}{3,12}\.?|\p{L}{3,12}\.?[ \t]\d{1,2}")
# A brand written as one word with inner capitals ("NaturalNews", "TheBlaze").
CAMEL_RE = lazy_regex(r"\p{Lu}\p{Ll}{1,20}(?:\p{Lu}\p{Ll}{1,20}){1,3}")
# An outlet's acronym alone before a dash ("CNN —", "NPR –"): two to five capitals. Bounded.
ACRONYM_RE = lazy_regex(r"\p{Lu}{2,5}")
# An outlet's acronym and its desk before a dash ("CNN Business —", "NBC News –"): a desk
# word after two to five capitals, at the end of the text before the dash; a place may
# stand before them. Only desk words, so that "IT Manager — …" is no outlet. Bounded.
OUTLET_DESK_RE = lazy_regex(
    r"(?:^|(?<=[ \t]))\p{Lu}{2,5}[ \t](?:Business|Politics|News|Sports?|Health|Travel|Money"
    r"|Style|Tech|World|Digital|International|Wire|Online|Español|Arabic|Türk)$"
)
#: Capitals that name a country or a union, not an outlet: "UK News —", "US Politics —" and
#: "EU —" are a site's section labels over the story, never its source.
REGION_CODES = frozenset(
    {"UK", "US", "USA", "EU", "UN", "UAE", "GB", "NZ", "AU", "EEA", "NATO", "ASEAN", "OPEC"}
)
#: Vowels, folded (Latin, Y too, and Cyrillic): capitals holding two or more of them are a
#: word read aloud ("PARIS", "ROME", "КИЕВ"), a place before a dash, not an initialism.
VOWELS = frozenset("aeiouyáàâäãåéèêëíìîïóòôöõúùûüýаеёиоуыэюя")
#: An acronym of at most this many capitals may be a word read aloud ("CNN", "NPR", "BBC").
SHORT_ACRONYM = 3
# An outlet's web domain in brackets ("(SatireWire.com)", "(example.co.uk)"). Bounded parts.
BRACKET_DOMAIN_RE = lazy_regex(r"(?:[\w\-]{1,40}\.){1,3}\p{Ll}{2,10}")
# A Chinese or Japanese wire dateline opening a paragraph: Xinhua's "新华社北京7月1日电" (with
# its reporters, "（记者张三）", when they follow; any outlet whose name ends as an agency's,
# a site's, a paper's or a station's does, "中新网北京7月1日电", in 【】 or not, "本报" the
# paper's own naming none), a news item ("央视网消息（新闻联播）："), a composite report
# ("【环球时报综合报道】", "【环球网报道 记者 张三】"), CNA's
# "（中央社記者王小明台北22日電）" (a reporter's name read as three characters, the length of
# most Chinese names, the place after it), Kyodo's "【ワシントン共同】", Reuters' Japanese
# service's "［ロンドン　６日　ロイター］ -" (the place, the day, the agency). The agency of the
# first two ends in 社 (news agency); the others name a known one. A word that "电" opens
# after the date ("7月3日电话", "电价", "电影节") is prose, no dateline. Bounded repeats.
CJK_WIRE_RE = lazy_regex(
    r"[（(](?P<cna>\p{Han}{1,6}社)(?:[記记]者(?P<cnames>\p{Han}{3}(?:[、，]\p{Han}{3}){0,4}))?"
    r"(?P<cplace>\p{Han}{1,8}?)\d{1,2}日(?:[專专])?[電电][）)]"
    r"|【?(?![据據一该該全某])(?P<xinhua>\p{Han}{1,6}?(?:社|[网網]|[报報]|台(?![湾灣])))"
    r"(?P<place>[^\P{Han}网網社报報]{0,8}?)\d{1,2}月\d{1,2}日[電电]】?"
    r"(?![话話价價影视視力子邮郵脑腦池动動站网網商梯台竞競费費器线線缆纜路厂廠车車压壓能量流源])"
    r"(?:[ \t　]{0,2}[（(][記记]者[ \t]{0,2}"
    r"(?P<names>\p{Han}{2,4}(?:[、， \t]{1,2}\p{Han}{2,4}){0,4})[）)])?[ \t　]{0,2}"
    r"|(?![据據一该該全某])(?P<msg>\p{Han}{1,8}?(?:[网網]|台|社|[报報]))消息"
    r"(?:[（(][^（）()\n]{1,12}[）)])?[：:]"
    r"|【(?P<comp>\p{Han}{1,10}?(?:[网網]|台|社|[报報]))(?:[综綜]合)?(?:[报報][道導])"
    r"(?:[ \t　]{0,2}[記记]者[ \t　]{0,2}"
    r"(?P<rnames>\p{Han}{2,4}(?:[、， \t]{1,2}\p{Han}{2,4}){0,4}))?】"
    r"|【(?P<where>[^【】\n]{0,10}?)(?P<kyodo>共同|時事|ロイター|新華社|聯合|AFP時事)】"
    r"|[［\[](?P<rplace>[^［］\[\]\n]{1,12}?)[ \t　]{1,2}[0-9０-９]{1,2}日[ \t　]{1,2}"
    r"(?P<reuters>ロイター|ブルームバーグ|ＡＦＰ|AFP)[］\]](?:[ \t　]{0,2}[-－—][ \t　]{0,2})?"
)
#: What a paper calls itself in its own dateline ("本报北京7月1日电"): no outlet's name.
OWN_PAPER = frozenset({"本报", "本報", "本台", "本网", "本網"})
# What may follow a wire dateline: the start of a sentence.
SENTENCE_START_RE = lazy_regex(r"[\p{Lu}\p{Lo}\p{N}\"'“‘«„]")
#: Place words in a dateline ("Cleveland Heights, Ohio" has three).
MAX_PLACE_WORDS = 5


@attrs.frozen
class Wire:
    """A wire dateline: where it ends in the line, the agency or outlet (``None`` for a
    paper's own, "本报北京7月1日电"), and the place when stated."""

    end: int
    source: str | None
    place: str | None = None
    authors: tuple[str, ...] = ()


def _agency(name: str, *, loose: bool) -> str | None:
    """The agency's canonical name, or ``None``. ``loose`` also accepts any organisation
    ("CNN") and a one-word brand ("NaturalNews"), as the bracketed form allows."""
    lex = lexicon()
    name = name.strip(" \t.")
    folded = name.casefold()
    if folded in lex.agencies:
        return lex.canonical.get(folded, name)
    if loose and (
        is_organisation(name) or CAMEL_RE.fullmatch(name) or BRACKET_DOMAIN_RE.fullmatch(name)
    ):
        return name
    return None


def _outlet_acronym(token: str) -> bool:
    """Whether ``token`` is an outlet's acronym, alone or with its desk ("CNN", "CNN
    Business"); a country's or a union's code ("UK News", "EU") is none."""
    if not (ACRONYM_RE.fullmatch(token) or OUTLET_DESK_RE.fullmatch(token)):
        return False
    head = token.split(None, 1)[0]
    if len(head) > SHORT_ACRONYM and sum(c in VOWELS for c in head.casefold()) > 1:
        return False  # "PARIS —", "TOKYO —", "ROME —": a city in capitals, no initialism
    return head not in REGION_CODES


def _in_capitals(head: str) -> bool:
    """A dateline's place written in capitals ("NEW", "SAN", "TRUMP"): the word in capitals
    after it is the place's last word ("NEW YORK —", "SAN JOSE —"), no outlet's."""
    letters = [c for c in head if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _photo_credit(name: str) -> bool:
    """A bracketed name holding a photo word ("AP Photo", "Reuters/Foto", "Getty Images"):
    the credit of a picture the page lost, not the agency of the story."""
    markers = lexicon().caption_markers
    words = regex.split(r"[\s/|,:]+", name.casefold())
    return any(w in markers or w == "images" for w in words)


def _joint_agency(name: str) -> str | None:
    """The first agency of a joint credit whose every part is a known agency ("dpa/AFP"),
    or ``None``: a slash between a person and an outlet ("Jo Lee/Harbour Post") is no
    dateline."""
    parts = [p.strip() for p in name.split("/")]
    agencies = lexicon().agencies
    if len(parts) > 1 and all(p.casefold() in agencies for p in parts):
        return parts[0]
    return None


def _place(head: str) -> str | None:
    """The place of a dateline head ("Cleveland Heights, Ohio", "МОСКВА, 9 августа."), ``""``
    when there is none, or ``None`` when the head is not a place and a day."""
    lex = lexicon()
    head = SHORT_MONTH_DAY_RE.sub(
        lambda m: f"{m['month']} " if m["month"].casefold() in lex.months else m.group(), head
    )
    parts = [p.strip() for p in PLACE_SEP_RE.split(head.strip(" \t,"))]
    places: list[str] = []
    for part in filter(None, parts):
        day = DAY_MONTH_RE.fullmatch(part.rstrip("."))
        if day is not None and any(w.rstrip(".").casefold() in lex.months for w in part.split()):
            continue
        words = part.split()
        if not 1 <= len(words) <= MAX_PLACE_WORDS or not all(
            PLACE_WORD_RE.fullmatch(w) or (n and w.casefold() in lex.particles)
            for n, w in enumerate(words)
        ):
            return None
        # a stop closes the place ("Москва. 14 мая.") unless it ends an abbreviation ("D.C.")
        places.append(part if "." in part[:-1] else part.rstrip("."))
    return ", ".join(places)


def read_wire(text: str) -> Wire | None:
    """Read the wire dateline that opens a paragraph, or ``None``.

    >>> read_wire("NEW YORK (AP) — The port closed on Monday.")
    Wire(end=16, source='AP', place='NEW YORK', authors=())
    >>> read_wire("МОСКВА, 9 августа. /ТАСС/. Учёные изучили молекулы.").source
    'ТАСС'
    >>> read_wire("The Associated Press (AP) reported the closure.") is None
    True
    >>> read_wire("CNN — The port closed."), read_wire("NASA - The probe landed.") is None
    (Wire(end=6, source='CNN', place=None, authors=()), True)
    >>> read_wire("Lake City CNN — The port closed.")
    Wire(end=16, source='CNN', place='Lake City', authors=())
    >>> read_wire("Hong Kong CNN Business — The port closed.").source
    'CNN Business'
    >>> read_wire("BEIJING, Dec. 3 (Xinhua) -- The port closed.").source
    'Xinhua'
    >>> read_wire("RICHMOND, VA (SatireWire.com) – The port closed.").source
    'SatireWire.com'
    >>> read_wire("Hamburg (dpa/AFP) - Der Hafen ist zu.").source, read_wire("Port (Jo Lee/AP) - A")
    ('dpa', None)
    >>> read_wire("新华社北京7月1日电（记者张三）政府表示。")
    Wire(end=16, source='新华社', place='北京', authors=('张三',))
    >>> read_wire("（中央社記者王小明台北22日電）政府表示。")
    Wire(end=16, source='中央社', place='台北', authors=('王小明',))
    >>> read_wire("中新网北京7月14日电（记者 王小明）港口关闭。")
    Wire(end=19, source='中新网', place='北京', authors=('王小明',))
    >>> read_wire("本报上海7月1日电 港口关闭。")
    Wire(end=10, source=None, place='上海', authors=())
    >>> read_wire("央视网消息（新闻联播）：港口关闭。").source
    '央视网'
    >>> read_wire("【环球时报综合报道】港口关闭。").source
    '环球时报'
    >>> read_wire("【ワシントン共同】米政府は").source
    '共同'
    >>> read_wire("［ロンドン　６日　ロイター］ - 港湾局は")
    Wire(end=17, source='ロイター', place='ロンドン', authors=())
    """
    if text[:1] in "（(【［[" or "\u4e00" <= text[:1] <= "\u9fff":
        m = CJK_WIRE_RE.match(text)
        if m is not None:
            place = m["place"] or m["where"] or m["cplace"] or m["rplace"] or None
            named = m["names"] or m["cnames"] or m["rnames"]
            names = tuple(regex.split(r"[、，\s]+", named)) if named else ()
            source = m["cna"] or m["xinhua"] or m["kyodo"] or m["reuters"] or m["msg"] or m["comp"]
            # "本报北京7月1日电": the paper's own dateline names no outlet
            return Wire(m.end(), None if source in OWN_PAPER else source, place, names)
    head = text[:WIRE_SCAN_CHARS]
    if not ("(" in head or "/" in head or " -" in head or " –" in head or " —" in head):
        return None  # most lines: no mark of an agency early on
    for form, head, agency, end in _wire_marks(text):
        if "(" in head or ")" in head or "/" in head or len(head) > WIRE_HEAD_MAX:
            continue
        rest = text[end:]
        if rest and SENTENCE_START_RE.match(rest) is None:
            continue
        # Any organisation only in brackets, and before a sentence unless it is one word
        # ("Washington (CNN)" alone); never a credit with a slash ("(Jo Lee/Harbour Post)"
        # closes a caption) unless every part is a known agency ("Berlin (dpa/AFP) -").
        if "/" in agency:
            first = _joint_agency(agency)
            if first is None:
                continue
            agency = first
        if form == "bracket" and _photo_credit(agency):
            continue  # "(AP Photo) PARIS — …": a picture's credit
        loose = form == "bracket" and (bool(rest) or len(agency.split()) == 1)
        source = _agency(agency, loose=loose)
        if source is None and form == "before":
            # "CNN — …", "Washington CNN — …": an acronym alone or after a place
            source = agency if _outlet_acronym(agency) else None
        place = _place(head)
        if source is None or place is None or (form == "dash" and not place):
            continue
        return Wire(end, source, place or None)
    return None


def _wire_marks(text: str) -> Iterator[tuple[str, str, str, int]]:
    """Each way the line may hold a wire agency: ``(form, head, agency, end)``."""
    limit = WIRE_HEAD_MAX + 1
    # (the dash after an agency such as "INTERFAX.RU" may come up to 40 characters later)
    bracket = text.find("(", 0, limit)
    if bracket >= 0 and (m := WIRE_BRACKET_RE.match(text, bracket)) is not None:
        yield "bracket", text[:bracket], m["agency"], m.end()
    slash = text.find("/", 0, limit)
    if slash >= 0 and (m := WIRE_SLASH_RE.match(text, slash)) is not None:
        yield "slash", text[:slash], m["agency"], m.end()
    dashes = [i for i in (text.find(d, 0, WIRE_SCAN_CHARS) for d in (" -", " –", " —")) if i >= 0]
    if not dashes:
        return
    # The dash forms take known agencies only: look the name up before matching.
    agencies = lexicon().agencies
    dash = min(dashes) + 1
    stop = text.find(".", dash, dash + 45)
    named = text[dash + 1 : stop if stop >= 0 else dash + 45].strip(" \t")
    if named.casefold() in agencies and (m := WIRE_DASH_RE.match(text, dash)) is not None:
        yield "dash", text[:dash], m["agency"], m.end()
    before = text[:dash].rstrip()
    token = before.rsplit(None, 1)[-1] if before else ""
    desk = OUTLET_DESK_RE.search(before)
    if desk is not None and token.casefold() not in agencies:
        token = desk.group()  # "CNN Business —": the outlet's desk names the outlet
    if token.strip(" .").casefold() in agencies or (
        # an outlet's acronym opening the story, alone or after a place: "CNN — The port
        # closed.", "Washington CNN — The port closed."
        _outlet_acronym(token)
        and text[dash] in "—–"
        and (
            before == token
            or (
                bool(_place(before[: len(before) - len(token)]))
                and not _in_capitals(before[: len(before) - len(token)])
            )
        )
    ):
        m = WIRE_BEFORE_DASH_RE.match(text, dash)
        if m is not None:
            yield "before", before[: len(before) - len(token)], token, m.end()

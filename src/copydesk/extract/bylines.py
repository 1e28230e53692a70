"""Bylines: "By X", "By X and Y", "Por X", "記者X／台北報導", "Authors:" blocks, with their
trailing source and date parts ("By Deng Xiaoci Source:Globaltimes.cn Published: 2020/4/17");
a name with its family name in capitals alone on a line ("Jay ROE"); and a signature glued
after the last sentence ("…nghiệm. Quyên Quyên - Mỹ Hằng", "…tự động. PV (TTXVN)")."""

from __future__ import annotations

import datetime as dt
import functools

import attrs
import regex

from copydesk._lazy import lazy_regex
from copydesk.dates import parse_date
from copydesk.draft import Draft, Line
from copydesk.extract._byline_parts import PART_SEP_RE, read_byline_parts
from copydesk.extract._cjk_credits import REPORTER_RANK
from copydesk.extract._glued_labels import read_glued_author
from copydesk.extract._issuers import read_issuer
from copydesk.extract._lexicon import dotted_forms, first_words, lexicon
from copydesk.extract._meta_lines import (
    read_labelled_parts,
    read_posted_by,
    read_signed,
    read_stamp_outlet,
)
from copydesk.extract._names import MAX_NAME_WORDS, is_organisation, split_names
from copydesk.extract._window import edges
from copydesk.extract.credits import copyright_owner
from copydesk.extract.datelines import read_stamp
from copydesk.extract.reported import is_outlet
from copydesk.pipeline import step

__all__ = [
    "Byline",
    "byline",
    "read_byline",
    "read_caps_name",
    "read_reporter_place",
    "read_signature",
]

# The opening of a byline: one to four words then a space or colon ("By ", "Posted by ",
# "Автор: "), one pattern per word count. Which words count is the lexicon's; bounded repeats.
# Anchored: only ever matched at the start of a line.
OPENER_RES = tuple(
    lazy_regex(
        rf"^(?P<opener>\p{{L}}{{1,20}}(?:[ \t]\p{{L}}{{1,20}}){{{n}}})"
        r"[ \t]{0,2}(?::[ \t]{0,2}|[ \t])"
    )
    for n in (3, 2, 1, 0)
)
# A wire agency's name, its short name in brackets or not, and a reporter's word opening a
# byline ("AA muhabiri Ayşe Kaya", "Anadolu Ajansı (AA) muhabiri", "Reuters correspondent
# Jane Roe"); one pattern per word count of the agency's name. Which words count is the
# lexicon's. Anchored, bounded.
AGENCY_REPORTER_RES = tuple(
    lazy_regex(
        rf"^(?P<agency>\p{{L}}[\p{{L}}.\-]{{0,20}}(?:[ \t]\p{{L}}[\p{{L}}.\-]{{0,20}}){{{n}}})"
        r"(?:[ \t]{1,2}\((?P<short>\p{L}{2,8})\))?[ \t]{1,2}(?P<role>\p{L}{3,20})[ \t]{1,2}"
    )
    for n in (2, 1, 0)
)
# Chinese reporter credit: "記者王小明／台北報導", "（記者王小明、李大同/台北報導）", with the
# outlet first ("聯合報／記者王小明／台北報導": a name ending in 報, 網, 台 or 社), the reporter's
# rank before "記者" (REPORTER_RANK: "資深記者", "實習記者", …). Names are 2-4 Han
# characters; the place 1-8; bounded.
CJK_BYLINE_RE = lazy_regex(
    r"[（(]?[ \t]{0,2}(?:(?P<outlet>\p{Han}{2,6}[報报網网台社])[ \t]{0,2}[／/][ \t]{0,2})?"
    + REPORTER_RANK
    + r"[記记]者[ \t]{0,2}(?P<names>\p{Han}{2,4}(?:[、，,]\p{Han}{2,4}){0,4})"
    r"[ \t]{0,2}[／/][ \t]{0,2}\p{Han}{1,8}(?:[報报]導|[報报]道|[電电])[ \t]{0,2}[)）]?"
)
# Where the names end and a labelled tail begins ("Source:", "Published:"); the label list
# comes from the lexicon. The separator before a tail: "|", "-", "–", ":", "," or a word
# ("on <date>", "for <outlet>").
TAIL_SEP_RE = lazy_regex(
    r"[ \t]{0,3}(?:[|–—:,•·]|[ \t]-)[ \t]{0,3}"
    r"|[ \t]{1,3}(?:on|em|el|le|am|for|at|para|pour|für)[ \t]{1,3}"
)
# A source after the names: a domain ("Liveanddare.com") or one to five capitalised words.
SOURCE_RE = lazy_regex(
    r"(?:[\w\-]{1,40}\.){1,3}\p{L}{2,10}"
    r"|\p{Lu}[\p{L}&'’.\-]{0,30}(?:[ \t]\p{Lu}[\p{L}&'’.\-]{0,30}){0,4}"
)
# The original story's title quoted after a credit: 'Original story by A at B: “Title”'.
# Cut before the names are read; an opening quote must follow the separator. Bounded.
QUOTED_TITLE_RE = lazy_regex(r"[ \t]{0,2}[:,–—][ \t]{0,3}[“\"‘«„][^\n]{1,200}$")
# A social handle closing the names ("By Jane Roe @janeroe"). Bounded.
HANDLE_TAIL_RE = lazy_regex(r"[ \t]{1,2}@[\w.]{2,30}[ \t]{0,2}$")
# A family name in capitals ("ROE", "O'NEIL", "GARCÍA-LÓPEZ"): three letters or more.
CAPS_WORD_RE = lazy_regex(r"\p{Lu}[\p{Lu}'’\-]{2,30}")
# Roman numerals ("Part III") are not family names.
ROMAN_RE = lazy_regex(r"[IVXLCDM]{1,8}")
# A signature glued after the last sentence: "…trắc nghiệm. Quyên Quyên - Mỹ Hằng",
# "…спасатели.Николай Воронцов", "…tự động. PV (TTXVN)": capitalised words (names joined by
# " - "; a stop only inside initials, "M.Đ"), then an optional agency in brackets, up to the
# end of the line. A stop followed by a space ends the attempt, so each sentence end costs
# at most the length of its own sentence. A run of two or three spaces after a word stands
# for the line break a scraper flattened ("…trong khu vực  Thanh Tú": a caption without a
# stop, then the signature). Bounded.
SIGNATURE_RE = lazy_regex(
    r"(?:(?<=[.!?…\"”’»])(?P<gap>[ \t]{0,2})|(?<=\p{L})(?P<wide>[ \t]{2,3}))"
    r"(?P<names>\p{Lu}(?:[\p{L}\p{M}'’\- \t]|\.(?=\p{L})){0,60})?"
    r"(?:[ \t]{0,2}\((?P<agency>[^()\n]{2,30})\))?[ \t]{0,2}$"
)
# " - " between the names of a signature.
SIGNATURE_SEP_RE = lazy_regex(r"[ \t]{1,2}[-–][ \t]{1,2}")
#: A name line ("Ana María de la CRUZ") is at most this long.
MAX_CAPS_NAME_CHARS = 60
# A reporter's signature with the place in capitals after a slash, and the agency after it
# ("Ayşe KAYA / İSTANBUL", "Mehmet Demir/ANKARA, (DHA)", "Ayşe Kaya / İSTANBUL - İHA"), as
# Turkish stories close. Bounded parts.
REPORTER_PLACE_RE = lazy_regex(
    r"(?P<name>[^/\n]{4,40}?)[ \t]{0,2}/[ \t]{0,2}"
    r"(?P<place>\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}(?:[ \t]\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}){0,2})"
    r"(?:[ \t]{0,2}[,\-–][ \t]{0,2}\(?(?P<agency>[^()\n]{2,30}?)\)?)?"
)
#: Vowels a place's name holds in every word (folded; Turkish "ı", "ö", "ü" among them).
PLACE_VOWELS = frozenset("aeiouyıöüâîûàáäéèêíóôúãõåæøəеёиоуыэюя")
#: A signature is glued to a paragraph at least this long.
SIGNATURE_MIN_LINE = 60
HEAD_LINES = 6
TAIL_LINES = 3
MAX_LINE_CHARS = 160
#: A stamp beside a byline on its line has at most this many words ("Tue July 14, 2026 4:05
#: AM EDT" has seven).
STAMP_WORDS = 8
#: ...and the whole line at most this many characters: a stamp and a byline of a few names
#: ("Tuesday, July 14, 2026 10:20 AM EDT By Jane Roe, Jo Lee and Ana Ruiz" has 68), never a
#: paragraph, which is the line the stamp readers would otherwise try at every word.
STAMP_BESIDE_CHARS = 120
#: How many name lines an "Authors:" line may head.
MAX_BLOCK_NAMES = 6
RULE = "extract.bylines"


@attrs.frozen
class Byline:
    """What a byline line states."""

    authors: tuple[str, ...] = ()
    source: str | None = None
    published: dt.date | None = None


def _tail_regex(labels: frozenset[str]) -> regex.Pattern[str]:
    alts = "|".join(regex.escape(w) for w in sorted(labels, key=len, reverse=True))
    return regex.compile(
        rf"[ \t]{{0,3}}[|•,]?[ \t]{{0,3}}\b(?P<label>{alts})[ \t]{{0,2}}:[ \t]{{0,2}}", regex.I
    )


def _split_tails(rest: str) -> tuple[str, list[tuple[str, str]]]:
    """Cut ``"Deng Xiaoci Source:X Published: D"`` into the names and labelled parts."""
    lex = lexicon()
    pattern = _tail_regex(lex.byline_source_labels | lex.byline_date_labels)
    marks = list(pattern.finditer(rest))
    if not marks:
        return rest, []
    tails = []
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(rest)
        tails.append((m["label"].casefold(), rest[m.end() : end].strip()))
    return rest[: marks[0].start()], tails


@functools.lru_cache(maxsize=1)
def _byline_openers() -> frozenset[str]:
    lex = lexicon()
    return lex.byline_prefixes | lex.credit_prefixes | lex.byline_colon_prefixes


def _opener_end(text: str, prefixes: frozenset[str]) -> int | None:
    """Where the opener ("By", "Posted by", "Автор:", "Haber:") ends, or ``None``; an opener
    of the lexicon's ``colon_prefixes`` counts before a colon only ("Haber Merkezi" is a
    desk's name)."""
    # An opener's first word is the run of letters that opens the (stripped) text, ended by
    # white space or a colon: where that is no opener's first word, no pattern is tried.
    words = text.split(None, 1)
    first = words[0].split(":", 1)[0] if words else ""
    if first.casefold() not in first_words(prefixes):
        return None
    for pattern in OPENER_RES:
        m = pattern.match(text)
        if m is not None and m["opener"].casefold() in prefixes:
            colon = ":" in text[m.end("opener") : m.end()]
            if colon or m["opener"].casefold() not in lexicon().byline_colon_prefixes:
                return m.end()
    return None


def read_byline(text: str) -> Byline | None:
    """Read a byline line, or ``None`` when the line is not one.

    >>> b = read_byline("By Deng Xiaoci Source:Globaltimes.cn Published: 2020/4/17 2:12:29")
    >>> b.authors, b.source, b.published
    (('Deng Xiaoci',), 'Globaltimes.cn', datetime.datetime(2020, 4, 17, 2, 12, 29))
    >>> read_byline("Posted by Frank Roe on 19 Sep 2016").published
    datetime.date(2016, 9, 19)
    >>> read_byline("By Jane Roe, Reuters"), read_byline("By Jo Lee, Staff Writer").authors
    (Byline(authors=('Jane Roe',), source='Reuters', published=None), ('Jo Lee',))
    >>> read_byline("By Jane Roe Updated March 3, 2023 6:00 AM").published
    datetime.datetime(2023, 3, 3, 6, 0)
    >>> read_byline("Von Anna Roe, Portstadt").authors, read_byline("By Jane Roe - London").authors
    (('Anna Roe',), ('Jane Roe',))
    >>> read_byline("Muhabir: Ayşe Kaya / Rize").authors
    ('Ayşe Kaya',)
    >>> read_byline("By Jane Roe, Senior Reporter").authors, read_byline("By Jo Lee @jolee").authors
    (('Jane Roe',), ('Jo Lee',))
    >>> read_byline("By the end of the year, prices fell.") is None
    True
    >>> read_byline("By Jane Roe | Harbour Times | March 3, 2023").source
    'Harbour Times'
    >>> read_byline("By Jane Roe Staff Writer")
    Byline(authors=('Jane Roe',), source=None, published=None)
    """
    text = text.strip()
    if not 4 <= len(text) <= MAX_LINE_CHARS:
        return None
    found = _read_plain(text)
    if found is None and len(text) <= STAMP_BESIDE_CHARS and any(map(str.isdigit, text)):
        found = _stamp_beside(text)  # "July 14, 2026 By Jane Roe": no mark between them
    if found is not None or PART_SEP_RE.search(text) is None:
        return found
    parts = read_byline_parts(text, _read_whole)  # "By Jane Roe | Harbour Times | <date>"
    return None if parts is None else Byline(*parts)


def _read_plain(text: str) -> Byline | None:
    """:func:`read_byline` on the line as one byline, in its CJK, labelled or plain forms."""
    cjk = CJK_BYLINE_RE.fullmatch(text)
    if cjk is not None:
        return Byline(authors=tuple(regex.split(r"[、，,]", cjk["names"])), source=cjk["outlet"])
    meta = (
        read_labelled_parts(text)
        or read_posted_by(text)
        or read_stamp_outlet(text)
        or read_signed(text)
    )
    if meta is not None:  # "2023-08-22 18:58 來源：X 作者：Y", "Posted on <date> by X"
        return Byline(authors=meta.authors, source=meta.source, published=meta.published)
    return _read_whole(text)


def _stamp_beside(text: str) -> Byline | None:
    """A byline with the page's stamp before or after it, apart by a space only, as a page's
    header reads once its boxes are flattened ("July 14, 2026 By Jane Roe", "Von Anna Roe
    14.07.2026, 10:20 Uhr", "2026-07-14 15:30 港口日報／記者王小明／台北報導"). The longest run
    of words that is a stamp as a whole is taken; the rest must be a byline naming a person.

    >>> _stamp_beside("July 14, 2026 By Jane Roe")
    Byline(authors=('Jane Roe',), source=None, published=datetime.date(2026, 7, 14))
    >>> _stamp_beside("Von Anna Roe 14.07.2026, 10:20 Uhr").published
    datetime.datetime(2026, 7, 14, 10, 20)
    >>> _stamp_beside("July 14, 2026 By the end of the day the port closed") is None
    True
    """
    words = text.split()
    reach = min(STAMP_WORDS, len(words) - 1)
    for k in range(reach, 0, -1):  # the stamp first, its longest reading
        published = parse_date(" ".join(words[:k]))
        if published is not None:
            found = _read_plain(" ".join(words[k:]))
            if found is not None and found.authors and found.published is None:
                return attrs.evolve(found, published=published)
            break
    for k in range(len(words) - reach, len(words)):  # the stamp last
        published = parse_date(" ".join(words[k:]))
        if published is not None:
            found = _read_plain(" ".join(words[:k]))
            if found is not None and found.authors and found.published is None:
                return attrs.evolve(found, published=published)
            break
    return None


def _read_whole(text: str) -> Byline | None:
    """:func:`read_byline` on the line as one byline (not cut at bars or bullets)."""
    lex = lexicon()
    opener_end = _opener_end(text, _byline_openers())
    wire: str | None = None
    if opener_end is None:
        found = _agency_reporter(text)
        if found is None:
            return None
        opener_end, wire = found
    names_part, tails = _split_tails(text[opener_end:])
    source: str | None = wire
    published: dt.date | None = None
    for label, value in tails:
        if label in lex.byline_source_labels and value and source is None:
            source = value
        elif label in lex.byline_date_labels and published is None:
            published = parse_date(value)
            if published is None:
                return None
        elif value:
            return None
    names_part = names_part.strip().rstrip(":").strip()
    quoted = QUOTED_TITLE_RE.search(names_part) if len(names_part) > 20 else None
    if quoted is not None and quoted.start() > 0:
        names_part = names_part[: quoted.start()]  # 'A at B: “Story title”'
    handle = HANDLE_TAIL_RE.search(names_part)
    if handle is not None and handle.start() > 0:
        names_part = names_part[: handle.start()]  # "By Jane Roe @janeroe"
    if names_part.casefold() in lex.agencies and source is None:
        # "By The Associated Press", "By Reuters": the agency wrote it, no person
        return Byline(
            source=lex.canonical.get(names_part.casefold(), names_part), published=published
        )
    names = split_names(names_part)
    if names is not None and len(names) > 1 and _is_role(names[-1]):
        names = names[:-1]  # "By Jane Roe, Senior Reporter": the job is no person
    if names is None:
        # "By Jane Roe: April 4, 2016", "by Giovani – Liveanddare.com", "Posted by X on <date>"
        for head, tail in _tails(names_part):
            names = split_names(head)
            if names is None:
                continue
            stamp = read_stamp(tail)  # "April 4, 2016", "Updated March 3, 2023 6:00 AM"
            if stamp is not None and not stamp[2]:
                published = published or stamp[0]
                break
            if _is_role(tail):
                break  # "Jane Roe, Staff Writer": a job, not an outlet
            known = tail.casefold() in lex.agencies  # "dpa", "afp" in lower case
            if (
                source is None
                and (known or SOURCE_RE.fullmatch(tail))
                and split_names(tail) is None
            ):
                source = lex.canonical.get(tail.casefold(), tail)
                break
            if _place_after(names, tail):
                break  # "By Jane Roe - London", "Yazar: Ayşe Yılmaz - İstanbul"
            names = None
        if names is None:
            names = _names_before_role(names_part)  # "By Jane Roe Staff Writer"
        if names is None:
            if is_organisation(names_part) and source is None:
                canonical = lex.canonical.get(names_part.casefold(), names_part)
                return Byline(source=canonical, published=published)
            return None
    if len(names) > 1 and source is None and is_outlet(names[-1]):
        source, names = names[-1], names[:-1]  # "Von Anna Berger, Hafenzeitung": the outlet
    elif _place_closes(names_part, names):
        names = names[:-1]  # "Von Anna Müller, Hamburg": the place is no person
    return Byline(authors=names, source=source, published=published)


def _story_end(body: list[tuple[int, Line]]) -> list[tuple[int, Line]]:
    """The last body line that reads as prose and the line under it (none: no prose)."""
    from copydesk.extract.title import reads_as_prose

    last = next((n for n in range(len(body) - 1, -1, -1) if reads_as_prose(body[n][1].text)), None)
    return [] if last is None else body[last : last + 2]


def _agency_reporter(text: str) -> tuple[int, str] | None:
    """Where a wire agency's reporter opener ends, and the agency: ``(end, agency)``.

    >>> _agency_reporter("AA muhabiri Ayşe Kaya"), _agency_reporter("Reuters correspondent X Y")
    ((12, 'AA'), (22, 'Reuters'))
    >>> _agency_reporter("Anadolu Ajansı (AA) muhabiri Ayşe Kaya")
    (29, 'AA')
    >>> _agency_reporter("Hafen muhabiri Ayşe Kaya"), _agency_reporter("AA dedi ki Ayşe Kaya")
    (None, None)
    """
    lex = lexicon()
    for pattern in AGENCY_REPORTER_RES:
        m = pattern.match(text)
        if m is None or m["role"].casefold() not in lex.agency_reporter_words:
            continue
        if m["agency"].casefold() in lex.agencies:
            name = m["short"] or m["agency"]
            return m.end(), lex.canonical.get(name.casefold(), name)
    return None


def _names_before_role(names_part: str) -> tuple[str, ...] | None:
    """Names followed by a job without a comma ("Jane Roe Staff Writer"): a person, never the
    organisation a job word ("staff") would make of the whole."""
    words = names_part.split()
    for k in range(len(words) - 1, 0, -1):
        if _is_role(" ".join(words[k:])) and not _is_role(words[k - 1]):
            return split_names(" ".join(words[:k]))
    return None


def _place_closes(names_part: str, names: tuple[str, ...]) -> bool:
    """One word after a comma or a slash closing full names ("Jane Roe, Portville", "Ayşe
    Yılmaz / İstanbul") is a place or a desk, not a person: every name before it has two
    words or more."""
    last = names[-1]
    return (
        len(names) > 1
        and len(last.split()) == 1
        and "." not in last
        and all(len(n.split()) >= 2 for n in names[:-1])
        and regex.search(r"(?:,|/)[ \t]{0,2}" + regex.escape(last) + r"[ \t.]{0,2}$", names_part)
        is not None
    )


def _place_after(names: tuple[str, ...], tail: str) -> bool:
    """The one word after a dash or a bar closing full names is the place the reporter
    writes from ("By Jane Roe - London", "Muhabir: Ayşe Yılmaz - İstanbul"): capitalised,
    no agency's or outlet's name, vowels in it; every name before it has two words or more.

    >>> _place_after(("Jane Roe",), "London"), _place_after(("Jane Roe",), "CNN")
    (True, False)
    >>> _place_after(("Roe",), "London"), _place_after(("Jane Roe",), "the port")
    (False, False)
    """
    return (
        len(tail.split()) == 1
        and tail[:1].isupper()
        and "." not in tail
        and all(len(n.split()) >= 2 for n in names)
        and _is_place(tail)
    )


def _tails(names_part: str) -> list[tuple[str, str]]:
    """Where the names may end: at a separator ("Jane Roe, Reuters", "Jo Lee | Harbour
    Times", "Jo Lee on 4 May"), before an agency ("JANE ROE Associated Press") or before a
    date label ("Jo Lee Updated March 3, 2023")."""
    out = [
        (names_part[: sep.start()], names_part[sep.end() :].strip(" .:"))
        for sep in TAIL_SEP_RE.finditer(names_part)
    ]
    words = names_part.split()
    agencies = lexicon().agencies
    out.extend(  # "JANE ROE Associated Press": an agency closing the names
        (" ".join(words[:k]), " ".join(words[k:]))
        for k in range(1, len(words))
        if " ".join(words[k:]).casefold() in agencies
    )
    firsts = _date_label_firsts()
    out.extend(
        (" ".join(words[:k]), " ".join(words[k:]))
        for k in range(1, min(len(words), 6))
        if words[k].casefold().rstrip(":") in firsts
    )
    return out


@functools.lru_cache(maxsize=1)
def _date_label_firsts() -> frozenset[str]:
    """The first word of each date label ("updated", "published"), a word a stamp opens with."""
    return frozenset(label.split()[0] for label in lexicon().date_labels)


def _is_role(text: str) -> bool:
    """A job title after the names ("Staff Writer", "Harbour Times Correspondent")."""
    words = {w.strip(".,").casefold() for w in text.split()}
    return bool(words & lexicon().bio_roles)


def read_caps_name(text: str) -> tuple[str, ...] | None:
    """Names of a line that is only a name with its family name in capitals, or ``None``.

    A heading is rarely written "Given FAMILY", so such a line is a byline even without "By";
    a line all in capitals may be a heading and is not taken.

    >>> read_caps_name("Jay ROE"), read_caps_name("Ana María de la CRUZ")
    (('Jay ROE',), ('Ana María de la CRUZ',))
    >>> [read_caps_name(t) for t in ("Migraine Nightmare", "TÔ DENTRO", "Part III")]
    [None, None, None]
    >>> read_caps_name("Mit Material der KNA") is None
    True
    """
    if len(text) > MAX_CAPS_NAME_CHARS:
        return None
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or not words[0][1:2].islower():
        return None
    if not any(CAPS_WORD_RE.fullmatch(w) and not ROMAN_RE.fullmatch(w) for w in words[1:]):
        return None
    if any(w.casefold() in lexicon().agencies for w in words[1:]):
        return None  # "Mit Material der KNA": an agency's capitals, no family name
    return split_names(text.strip())


def read_reporter_place(text: str) -> Byline | None:
    """A reporter's signature with the place in capitals after a slash, the agency after it
    when named: "Ayşe KAYA / İSTANBUL" names one person, not two.

    >>> read_reporter_place("Ayşe KAYA / İSTANBUL")
    Byline(authors=('Ayşe KAYA',), source=None, published=None)
    >>> read_reporter_place("Mehmet Demir/ANKARA, (DHA)").source
    'DHA'
    >>> read_reporter_place("Jo Lee / Harbour Post"), read_reporter_place("AP / REUTERS")
    (None, None)
    >>> read_reporter_place("Jane Roe / AP"), read_reporter_place("Jane Roe / NEW YORK TIMES")
    (None, None)
    """
    m = REPORTER_PLACE_RE.fullmatch(text.strip())
    if m is None:
        return None
    names = split_names(m["name"])
    if names is None or len(names) != 1 or not 2 <= len(names[0].split()) <= 3:
        return None
    lex = lexicon()
    if not _is_place(m["place"]):
        return None  # "Jane Roe / AP": a photo credit, the agency after the photographer
    source = None
    if m["agency"] is not None:
        agency = m["agency"].strip(" .")
        if agency.casefold() not in lex.agencies:
            return None
        source = lex.canonical.get(agency.casefold(), agency)
    return Byline(authors=names, source=source)


def _is_place(place: str) -> bool:
    """Whether the capitals after a reporter's slash may name a place: not a known agency or
    photo agency ("AP", "REUTERS", "DHA"), not an outlet's name ("NEW YORK TIMES"), and no
    word without a vowel ("CNN", "NTV"), which is an acronym."""
    lex = lexicon()
    folded = place.casefold()
    known = lex.agencies | lex.photo_agencies
    if any(form in known for form in dotted_forms(folded)):
        return False
    words = folded.split()
    if any(w.strip(".-") in lex.organisation_words for w in words):
        return False
    return all(any(ch in PLACE_VOWELS for ch in w) for w in words)


def read_signature(text: str) -> tuple[int, tuple[str, ...], str | None] | None:
    """A signature glued after a paragraph's last sentence: ``(cut, authors, source)``.

    Only names holding a letter outside ASCII are taken ("Hải Vân", "Николай Воронцов"): in
    English copy a capitalised phrase after the last sentence ("God Bless America") is far
    more often prose than a signature. Each name has two words or more, or is written as
    initials ("M.Đ"). An agency in brackets after the names is the source; a lone
    abbreviation before it ("PV", reporter) is not taken as a name.

    >>> read_signature("Ngày 6/2 ông Chung đã yêu cầu kiểm tra các sân. Quyên Quyên - Mỹ Hằng")
    (47, ('Quyên Quyên', 'Mỹ Hằng'), None)
    >>> read_signature("Ông Chung đã yêu cầu kiểm tra tất cả các cơ sở thể thao. PV (TTXVN)")
    (56, (), 'TTXVN')
    >>> read_signature("They never gave up on the port, not once. God Bless America") is None
    True
    """
    if len(text) < SIGNATURE_MIN_LINE or not (
        text.rstrip()[-1:].isalpha() or text.rstrip()[-1:] == ")"
    ):
        return None
    lex = lexicon()
    # Every sentence end of the last 100 characters, the latest first: the signature is what
    # follows the last sentence, not the last two.
    start = len(text) - 100 if len(text) > 100 else 0
    for m in reversed(list(SIGNATURE_RE.finditer(text, start, overlapped=True))):
        raw, agency = (m["names"] or "").strip(), m["agency"]
        if not raw and agency is None:
            continue
        before = text[max(m.start() - 3, 0) : m.start()]
        wide = m["wide"] is not None  # a flattened line break: no stop to check
        if (
            not wide
            and before.endswith(".")
            and not all(c.islower() or c.isdigit() for c in before[:2])
        ):
            continue  # "Rua Dr. Ana Lima": a title or an initial, not the end of a sentence
        if not wide and not m["gap"] and not before[-2:-1].islower():
            continue  # glued without a space only after a lower-case word ("…спасатели.Николай")
        source = None
        if agency is not None:
            if agency.strip().casefold() not in lex.agencies:
                continue
            source = lex.canonical.get(agency.strip().casefold(), agency.strip())
        authors: tuple[str, ...] = ()
        if raw and (agency is None or len(raw.split()) > 1 or "." in raw):
            parts = [split_names(p) for p in SIGNATURE_SEP_RE.split(raw)]
            names = tuple(n for part in parts if part is not None for n in part)
            if (
                None in parts
                or raw.isascii()
                or not all(len(n.split()) >= 2 or "." in n for n in names)
            ):
                continue
            authors = names
        return m.start(), authors, source
    return None


def read_contributors(text: str) -> tuple[str, ...] | None:
    """Names of a contributors line ("Additional reporting by A and B"), or ``None``.

    >>> read_contributors("Con la asistencia de Ana Ruiz, Luis Gómez y Pedro Sanz.")
    ('Ana Ruiz', 'Luis Gómez', 'Pedro Sanz')
    >>> read_contributors("With assistance from the public, police found him.") is None
    True
    >>> read_contributors("mit Material von KNA") is None
    True
    >>> read_contributors("— With files from Jane Roe and Jo Lee")
    ('Jane Roe', 'Jo Lee')
    """
    text = text.strip().lstrip("—–-•* \t")  # a dash or a bullet may open the line
    if len(text) > MAX_LINE_CHARS:
        return None
    end = _opener_end(text, lexicon().contributor_prefixes)
    names = None if end is None else split_names(text[end:].strip(" .;:"))
    if names is not None and any(n.casefold() in lexicon().agencies for n in names):
        return None  # "mit Material von KNA": the agency's copy, the credits' source
    return names


def _is_authors_label(text: str) -> bool:
    lex = lexicon()
    stripped = text.strip()
    return stripped.endswith(":") and stripped[:-1].strip().casefold() in (
        {"authors", "author", "autores", "autor", "auteurs", "авторы", "автор", "tác giả"}
        & (lex.byline_prefixes | {"authors", "author", "autores", "auteurs", "авторы"})
    )


@step("extract.bylines")
def byline(draft: Draft) -> Draft:
    """Take byline lines near the top or bottom into ``authors`` (and ``source``, ``published``).

    Also takes an ``Authors:`` line with the name lines under it, or alone when it is empty;
    an author label glued after other words of a header line ("… Author: Jane Roe,
    Director of …", cut from its line); a copyright line among the last lines naming a news
    agency ("© 2024 Reuters"), which is the ``source``; a line that is only a name with its
    family name in capitals ("Jay ROE"); and a signature glued after the last sentence of
    the text (cut from its line). Organisations and dates
    are never taken as persons; names are kept as written.
    """
    authors = list(draft.fields.authors)
    source, published = draft.fields.source, draft.fields.published
    taken: list[int] = []
    window = edges(draft, HEAD_LINES, TAIL_LINES)
    body = list(draft.body())
    tail = {i for i, _ in body[-TAIL_LINES:]}
    # the story's last prose and the line under it, a page's footer below: an agency's
    # copyright closes the story there ("Copyright 2026 The Associated Press. All rights
    # reserved." reads as prose itself)
    closing = [c for c in _story_end(body) if c[0] not in tail]
    if closing:
        tail.update(i for i, _ in closing)
        window = sorted({*window, *closing})
    contributors: list[str] = []
    for i, line in window:
        if i in taken:
            continue
        names = read_contributors(line.text)
        if names is not None:
            taken.append(i)
            contributors.extend(names)
            continue
        if _is_authors_label(line.text):
            taken.append(i)
            after = [j for j, _ in body if j > i][:MAX_BLOCK_NAMES]
            for j in after:
                names = split_names(draft.lines[j].text)
                if names is None:
                    break
                taken.append(j)
                authors.extend(names)
            continue
        if i in tail and (owner := copyright_owner(line.text.strip())) is not None:
            taken.append(i)  # "© 2024 Reuters": the agency owns the story
            source = source or owner
            continue
        found = read_byline(line.text)
        if found is None and "/" in line.text:
            found = read_reporter_place(line.text)
        if found is None:
            names = read_caps_name(line.text)
            # "Do UOL" is no "Jay ROE": a Portuguese credit naming an outlet, which
            # extract.outlet_lines reads
            issuer = names is not None and read_issuer(line.text) is not None
            found = Byline(authors=names) if names is not None and not issuer else None
        if found is None:
            continue
        taken.append(i)
        authors.extend(found.authors)
        source = source or found.source
        published = published or found.published
    if not authors:
        for i, line in body[:HEAD_LINES]:
            glued = read_glued_author(line.text) if i not in taken and ":" in line.text else None
            if glued is not None:
                # "… (PNTR) Status Author: Jane Roe, Director of …": cut the label to the end
                cut, names = glued
                draft = draft.rewrite(i, [(cut, len(line.text), "")], rule=RULE, kind="extracted")
                authors.extend(names)
                draft = draft.set_fields(authors=tuple(dict.fromkeys(authors)))
                break
    if body and body[-1][0] not in taken:
        i, line = body[-1]
        signed = read_signature(line.text)
        if signed is not None:
            cut, names, credited = signed
            draft = draft.rewrite(i, [(cut, len(line.text), "")], rule=RULE, kind="extracted")
            authors.extend(names)
            source = source or credited
            draft = draft.set_fields(authors=tuple(dict.fromkeys(authors)), source=source)
    if not taken:
        return draft
    if contributors:
        draft = draft.add_metadata({"contributors": ", ".join(dict.fromkeys(contributors))})
    return draft.take(
        taken,
        rule=RULE,
        kind="extracted",
        authors=tuple(dict.fromkeys(authors)),
        source=source,
        published=published,
    )

"""Authors and sources stated in credit lines rather than in a byline: contact lines ("Contact
Jane Roe at …"), contribution credits ("Jane Roe contributed to this report."), wire credits
("Reporting by X in New York; Editing by Y"), an author's bio closing the text ("X is a
columnist with …"), Chinese bylines ("文／王小明", "〔記者王小明／台北報導〕" opening the lede,
"（记者 杨湛菲）" closing it) and republication credits ("Originally published on X",
"＊本文獲「X」授權轉載", "h/t X").

Each reader works on one line and knows nothing of the site: the signal is the shape of the
credit (an opener or closing phrase of the lexicon around names that :func:`split_names`
accepts), never the words of one page.
"""

from __future__ import annotations

import functools
import itertools

import attrs
import regex

from copydesk._lazy import lazy_regex
from copydesk.draft import Draft, Line
from copydesk.extract._bios import read_bio, read_outlet_bio, read_stranger_bio
from copydesk.extract._cjk_credits import (
    CJK_OPENING_RE,
    CJK_QUOTED_RE,
    credit_names,
    read_cjk_repost,
    read_desk_credit,
    read_glued_reporter,
    read_ja_place_opening,
    read_ja_sign_off,
    read_label_byline,
    read_reporter_line,
)
from copydesk.extract._email_names import sign_by_email
from copydesk.extract._interviews import read_interviewer
from copydesk.extract._intros import read_intro_credit
from copydesk.extract._lexicon import lexicon
from copydesk.extract._meta_lines import read_glued_agency
from copydesk.extract._name_lines import name_lines, next_to_stamp, read_name_stamp
from copydesk.extract._names import URL_RE, is_organisation, outlet_name, split_names
from copydesk.extract._window import header_count, last_credited_prose
from copydesk.extract.title import reads_as_prose
from copydesk.pipeline import step

__all__ = [
    "Credit",
    "attribution",
    "read_bio",
    "read_cjk_byline",
    "read_credit",
    "read_glued_cjk_byline",
    "read_outlet_bio",
]

# Role credits of a wire story, one per ";" part: "Reporting by X in New York", "Writing by
# X", "Editing by Y". The role words are the lexicon's; a place after " in " or " from " is
# cut before the names are read. Bounded.
ROLE_RE = lazy_regex(
    r"(?P<role>\p{L}{2,20}(?:[ \t]\p{L}{2,20}){0,2})[ \t]{1,2}(?:by|de|par|von|por)[ \t]{1,2}"
    r"(?P<names>[^;\n]{2,160})",
    regex.I,
)
# The place or outlet after the names of a role credit ("X in New York", "X and Y in Paris",
# "X of www.example.com"). Bounded.
ROLE_PLACE_RE = lazy_regex(
    r"[ \t]{1,2}(?:in|from|at|of|en|à)[ \t]{1,2}(?:[\p{Lu}\p{Lo}]|www\.)[^;\n]{0,60}$"
)
# An outlet and a job before the names ("Associated Press writers Kim Lee in Seoul and …").
# The job must be one of the lexicon's roles. Bounded.
STAFF_RE = lazy_regex(
    r"(?P<org>[^\n]{2,40}?)[ \t]{1,2}(?P<role>\p{L}{4,20})[ \t]{1,2}(?P<rest>\p{Lu}[^\n]{1,160})"
)
# An organisation's possessive before the names ("ABC News' A, B and C contributed …").
POSSESSIVE_RE = lazy_regex(r"^[^'’\n]{2,40}['’]s?[ \t]{1,2}")
# The names or organisation that open a contribution credit, then the lexicon's phrase
# ("contributed to this report"), and where from ("… contributed reporting from Boston and
# Washington."); built at first use. Bounded head and place.
CONTRIBUTED_PATTERN = (
    r"(?P<head>[^\n]{{2,200}}?)[ \t]{{1,2}}(?:{phrases})"
    r"(?:[ \t]{{1,2}}(?:from|in)[ \t]{{1,2}}(?-i:\p{{Lu}})[^\n.!?;:]{{0,60}})?[ \t]{{0,2}}[.!]?"
)
# A contact credit: an opener of the lexicon ("Contact", "Reach", "Follow"), the names, then
# "at", "on", "via" or a colon ("Contact Jane Roe at jroe@example.com."). Bounded.
CONTACT_PATTERN = (
    r"(?:{openers})[ \t]{{1,2}}(?P<names>[^@:\n]{{2,60}}?)"
    r"(?:[ \t]{{1,2}}(?:at|on|via|by)[ \t]|[ \t]{{0,2}}:)"
)
# A Chinese outlet's name alone on a line: Han characters ending in 网, 报, 社, 台, 新闻, 日报,
# 杂志 or 周刊 ("国际太阳能光伏网", "聯合報"), in either script. Bounded.
CJK_OUTLET_RE = lazy_regex(
    r"\p{Han}{1,12}(?:[网網报報社台]|新[闻聞]|日[报報]|[杂雜]志|[杂雜]誌|[周週]刊)"
)
# A republication credit with the outlet quoted: "＊本文獲「X」授權轉載", "此篇文章由「X」最初
# 發表於…". The line must hold one of the lexicon's republication words too.
# A Latin republication credit: "Originally published on X", "This article was first
# published by X on <date>", "Republished with permission from X". The openers are the
# lexicon's; the value ends at a stop, a comma, " on <date>" or " under …"; a dash or a bullet
# may open the line ("— With files from X"). Bounded.
REPUBLISHED_PATTERN = (
    r"(?:[—–•*-][ \t]{{0,2}})?(?:[\p{{L}} \t]{{0,40}}[ \t])?(?:{openers})[ \t]{{1,2}}"
    r"(?P<value>[^\n,;]{{2,120}}?)"
    r"(?:[ \t]{{1,2}}(?:on|under|and|in|und|y|et|e|и|ve)[ \t][^\n]{{0,120}})?[ \t]{{0,2}}[.!]?"
)
# A republication credit naming the outlet before its verb, as Turkish and Japanese write it:
# "Bu haber Liman Gazetesi'nden alınmıştır.", "（港湾新聞より転載）", "この記事は港湾新聞から
# 転載しています。". It opens with "Bu <noun>" ("this story"), "この記事は", or a bracket or
# "※"; the outlet ends at the ablative suffix after an apostrophe ("'nden", "'ten") or at
# "より"/"から"; "{closers}" are the lexicon's verbs. False positives: a person quoted in a
# sentence so opened ("Bu söz Bakan'dan alınmıştır"; the value must read as an outlet).
# Every repeat is bounded.
POSTPOSED_REPUBLISHED_PATTERN = (
    r"(?:[（(※＊*]?[ \t]{{0,2}}(?:[Bb]u[ \t]{{1,2}}\p{{Ll}}{{2,12}}[ \t]{{1,2}}|この記事は[、,]?"
    r"|本記事は[、,]?)|[（(※＊*][ \t]{{0,2}})(?P<value>[^\n（）()、。'’]{{2,60}}?)"
    r"(?:['’]n?[dt][ae]n[ \t]{{1,2}}|より|から)(?:{closers})[^\n]{{0,12}}?[）)。.]?"
)
# A lower-case article a German credit puts before the outlet ("bei der Hafenzeitung", "im
# Hafenblatt" has none to cut); only before a capital, so "der" alone stays.
LOWER_ARTICLE_RE = lazy_regex(r"^(?:der|die|das|dem|den|des)[ \t]{1,2}(?=\p{Lu})")
# A sentence end inside a credit's value ("The Conversation. Read the original article.").
SENTENCE_SPLIT_RE = lazy_regex(r"[.!?][ \t]{1,3}(?=\p{Lu})")
# A feed's closing credit: "The post Storm closes port appeared first on Harbour Times."
# Bounded.
APPEARED_FIRST_RE = lazy_regex(
    r"(?i:the[ \t]post)[ \t][^\n]{1,200}?[ \t](?i:appeared[ \t]first[ \t]on)[ \t]{1,2}"
    r"(?P<value>[^\n]{2,60}?)[ \t]{0,2}\.?"
)
# A hat tip or via credit with or without a colon: "h/t Young Conservatives", "(H/T X)",
# "via: example.com". Bounded.
HAT_TIP_RE = lazy_regex(
    r"[(\[]?[ \t]{0,2}(?i:h/t|hat[ \t]tip|via)[ \t]{0,2}:?[ \t]{1,3}(?P<value>[^()\[\]\n]{2,200}?)"
    r"[ \t]{0,2}[)\]]?\.?"
)
# An editor's credit in brackets glued after a Chinese story's last sentence, with the wire's
# code of the day after it: "…落石。（編輯：陳美玲）1141205", "（责任编辑：李明）". The editor
# is no author. Searched for in the last characters only; bounded.
GLUED_EDITOR_RE = lazy_regex(
    r"(?<=[。！？」”])[ \t]{0,2}[（(][ \t]{0,2}(?:責任編輯|责任编辑|編輯|编辑|責編|责编)"
    r"[ \t]{0,2}[：:][ \t]{0,2}(?P<names>\p{Han}{2,4}(?:[、，/／]\p{Han}{2,4}){0,3})[ \t]{0,2}[）)]"
    r"[ \t]{0,2}\d{0,8}[ \t]{0,2}$"
)
HEAD_LINES = 6
TAIL_LINES = 6
#: A credit line is at most this long.
MAX_CREDIT_CHARS = 200
#: How many of the last body lines may be a closing bio.
BIO_LINES = 3
#: How many of the first body lines may open with a bracketed Chinese reporter credit.
OPENING_LINES = 4
RULE = "extract.attribution"
#: The longest Japanese sign-off on a line of its own ("（ロンドン＝山田 太郎）").
JA_SIGN_OFF_CHARS = 24


@attrs.frozen
class Credit:
    """What a credit line states: authors, a source, or both."""

    authors: tuple[str, ...] = ()
    source: str | None = None


def _alternation(words: frozenset[str]) -> str:
    return "|".join(
        regex.escape(w).replace("\\ ", "[ \\t]{1,2}") for w in sorted(words, key=len, reverse=True)
    )


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    lex = lexicon()
    return {
        "contributed": lazy_regex(
            CONTRIBUTED_PATTERN.format(phrases=_alternation(lex.contributed_phrases)), regex.I
        ),
        "contact": lazy_regex(
            CONTACT_PATTERN.format(openers=_alternation(lex.contact_verbs)), regex.I
        ),
        "republished": lazy_regex(
            REPUBLISHED_PATTERN.format(openers=_alternation(lex.republished_openers)), regex.I
        ),
        "postposed": lazy_regex(
            POSTPOSED_REPUBLISHED_PATTERN.format(closers=_alternation(lex.republished_closers))
        ),
    }


#: Punctuation around a word, cut before it is looked up ("contributed.", "(h/t").
WORD_EDGES = ".,;:!?\"'()[]«»“”‘’"


@functools.lru_cache(maxsize=1)
def _keys() -> dict[str, frozenset[str]]:
    """The longest word of each phrase: a line holds it as a word wherever the phrase
    matches, so one set test refuses most lines before the pattern is tried."""
    lex = lexicon()
    return {
        name: frozenset({max(p.split(), key=len) for p in phrases})
        for name, phrases in (
            ("contributed", lex.contributed_phrases),
            ("republished", lex.republished_openers),
        )
    }


def _names_or_org(head: str) -> Credit | None:
    """The names (or the organisation) a credit opens with."""
    head = head.strip(" \t—–-")
    m = POSSESSIVE_RE.match(head)
    if m is not None and (names := split_names(head[m.end() :])) is not None:
        org = regex.sub(r"['’]s?$", "", head[: m.end()].strip())
        source = org if is_organisation(org) else None
        return Credit(authors=names, source=source)  # "ABC News' Jane Roe and Jo Lee"
    names = split_names(head)
    if names is not None:
        return Credit(authors=names)
    staff = _staff_credit(head)
    if staff is not None:
        return staff
    if is_organisation(head) or head.casefold() in lexicon().agencies:
        lex = lexicon()
        core = head[4:] if head.casefold().startswith("the ") else head
        return Credit(source=lex.canonical.get(head.casefold(), core))
    return None


def _staff_credit(head: str) -> Credit | None:
    """ "Associated Press writer Kim Lee in Seoul": an outlet, a job, names and places."""
    m = STAFF_RE.match(head)
    if m is None or m["role"].casefold().rstrip("s") not in lexicon().bio_roles:
        return None
    org = m["org"].strip()
    if not (is_organisation(org) or org.casefold() in lexicon().agencies):
        return None
    names: list[str] = []
    for part in regex.split(r"[ \t]{1,2}and[ \t]{1,2}(?=\p{Lu})", m["rest"]):
        place = ROLE_PLACE_RE.search(part)
        found = split_names(part[: place.start()] if place else part)
        if found is None:
            return None
        names.extend(found)
    lex = lexicon()
    return Credit(tuple(names), lex.canonical.get(org.casefold(), org))


def read_credit(text: str) -> Credit | None:
    """Read a contact, contribution, wire-role or republication credit, or ``None``.

    >>> read_credit("Contact Jane Roe at jroe@example.com. Follow @JaneRoe on Twitter.")
    Credit(authors=('Jane Roe',), source=None)
    >>> read_credit("Jane Roe and Jo Lee contributed to this report.").authors
    ('Jane Roe', 'Jo Lee')
    >>> read_credit("Reporting by Jane Roe in New York; Editing by Jo Lee").authors
    ('Jane Roe',)
    >>> read_credit("The Associated Press contributed to this report.").source
    'Associated Press'
    >>> read_credit("Originally published on The Harbour Times.").source
    'The Harbour Times'
    >>> read_credit("＊本文獲「端傳媒」授權轉載").source
    '端傳媒'
    >>> read_credit("Bu haber Liman Gazetesi'nden alınmıştır.").source
    'Liman Gazetesi'
    >>> read_credit("（港湾新聞より転載）").source
    '港湾新聞'
    >>> read_credit("Contact between the two sides resumed in May.") is None
    True
    """
    line = text.strip()
    if not 4 <= len(line) <= MAX_CREDIT_CHARS:
        return None
    lex = lexicon()
    pats = _patterns()
    words = {w.strip(WORD_EDGES) for w in line.casefold().split()}
    keys = _keys()
    if (
        not words.isdisjoint(keys["contributed"])
        and (m := pats["contributed"].fullmatch(line)) is not None
    ):
        return _names_or_org(m["head"])
    if (m := pats["contact"].match(line)) is not None:
        names = split_names(m["names"])
        if names is not None:
            return Credit(authors=names)
    if ";" in line or " by " in line.casefold():
        roles = _read_roles(line)
        if roles is not None:
            return roles
    if (
        not words.isdisjoint(keys["republished"])
        and (m := pats["republished"].fullmatch(line)) is not None
    ):
        value = SENTENCE_SPLIT_RE.split(m["value"], maxsplit=1)[0].strip(" \t.:“”«»\"'")
        value = LOWER_ARTICLE_RE.sub("", value)  # "erschien zuerst bei der Hafenzeitung"
        quoted = CJK_QUOTED_RE.search(value)
        value = quoted["name"] if quoted else value
        if _is_outlet(value):
            return Credit(source=outlet_name(value))
    if (
        any(c in line for c in lex.republished_closers)
        and (m := pats["postposed"].fullmatch(line)) is not None
        and _is_outlet(m["value"])
    ):
        return Credit(source=outlet_name(m["value"].strip()))  # "X'ten alınmıştır", "Xより転載"
    if (m := APPEARED_FIRST_RE.fullmatch(line)) is not None and _is_outlet(m["value"]):
        return Credit(source=outlet_name(m["value"].strip()))
    if (m := HAT_TIP_RE.fullmatch(line)) is not None and _is_outlet(m["value"]):
        return Credit(source=outlet_name(m["value"].strip()))
    if not line.isascii() and any(w in line for w in lex.republished_words):
        quoted = CJK_QUOTED_RE.search(line)
        if quoted is not None and len(line) <= 80:
            return Credit(source=quoted["name"].strip())
        if (outlet := read_cjk_repost(line)) is not None:
            return Credit(source=outlet)
    return None


def _ja_sign_off_alone(body: list[tuple[int, Line]], pos: int) -> tuple[str, ...] | None:
    """The names of a Japanese sign-off standing alone on line ``pos`` ("（山田太郎）"
    under "…した。"): read as if glued to the paragraph above, whose sentence it closes."""
    text = body[pos][1].text.strip()
    if pos == 0 or len(text) > JA_SIGN_OFF_CHARS or text[:1] not in "(（":
        return None
    above = body[pos - 1][1].text.rstrip()
    glued = read_ja_sign_off(above + text)
    return glued[1] if glued is not None and glued[0] == len(above) else None


def _agency_alone(body: list[tuple[int, Line]], pos: int) -> str | None:
    r"""The agency of a wire credit standing alone on line ``pos`` under the paragraph whose
    last sentence it closes ("（共同）" under "…した。", "(dpa)", "dpa" or "— dpa" under "…
    hieß es.", "(Reuters)"): read as if glued to that paragraph in brackets, in a script with
    spaces after one space. An agency's copyright there names it too ("Copyright 2026 The
    Associated Press. All rights reserved.").

    >>> from copydesk.draft import Draft
    >>> lines = Draft.from_text("Der Hafen bleibt zu, hieß es.\n(dpa)").lines
    >>> _agency_alone(list(enumerate(lines)), 1)
    'dpa'
    >>> lines = Draft.from_text("Der Hafen bleibt zu, hieß es.\ndpa/AFP").lines
    >>> _agency_alone(list(enumerate(lines)), 1)
    'dpa'
    >>> lines = Draft.from_text("Der Hafen bleibt zu\n(dpa)").lines  # no sentence closed
    >>> _agency_alone(list(enumerate(lines)), 1) is None
    True
    """
    from copydesk.extract.credits import copyright_owner

    text = body[pos][1].text.strip()
    if pos == 0:
        return None
    if text[:1] in "©Cc" and (owner := copyright_owner(text)) is not None:
        return owner  # "Copyright 2026 The Associated Press. All rights reserved."
    text = text.lstrip("—–-― \t")  # "— Reuters": a signature's dash
    if len(text) > JA_SIGN_OFF_CHARS or not text:
        return None
    if text[:1] not in "(（":
        if any(c in text for c in "()（）"):
            return None
        text = f"({text})"  # the agency's bare name: "dpa", "AA", "共同通信"
    above = body[pos - 1][1].text.rstrip()
    for joined in (above + text, f"{above} {text}"):
        glued = read_glued_agency(joined)
        if glued is not None and glued[0] >= len(above):
            return glued[1]
    return None


def _is_outlet(value: str) -> bool:
    """A value that may name an outlet: a web address, or a few words starting with a capital
    or in a script without case."""
    value = value.strip()
    if URL_RE.fullmatch(value) or regex.fullmatch(r"(?:[\w\-]{1,40}\.){1,3}\p{L}{2,10}", value):
        return True
    words = value.split()
    if value.casefold() in lexicon().agencies:
        return True  # "dpa", "afp"
    return 1 <= len(words) <= 6 and (words[0][:1].isupper() or not value.isascii())


def _read_roles(line: str) -> Credit | None:
    """ "Reporting by X in New York; Editing by Y": the names of the author roles."""
    lex = lexicon()
    authors: list[str] = []
    seen_role = False
    core = line.strip(" .")
    if core.startswith("(") and core.endswith(")"):
        core = core[1:-1]  # "(Reporting by X; Editing by Y)"
    for part in core.rstrip(" .").split(";"):
        m = ROLE_RE.fullmatch(part.strip())
        if m is None:
            return None
        seen_role = True
        if m["role"].casefold() not in lex.author_roles:
            continue
        names_part = m["names"]
        place = ROLE_PLACE_RE.search(names_part)
        if place is not None:
            names_part = names_part[: place.start()]
        names = split_names(names_part)
        if names is None:
            return None
        authors.extend(names)
    if not seen_role or not authors:
        return None
    return Credit(authors=tuple(dict.fromkeys(authors)))


def read_glued_roles(text: str) -> tuple[int, Credit] | None:
    """A wire's role credit in brackets glued after a paragraph's last sentence: ``(cut,
    credit)``.

    >>> read_glued_roles("The port closed. (Reporting by Jane Roe; Editing by Jo Lee)")
    (16, Credit(authors=('Jane Roe',), source=None))
    >>> read_glued_roles("The port closed (for repairs by the board).") is None
    True
    """
    line = text.rstrip()
    if not line.endswith(")") or ";" not in line[-MAX_CREDIT_CHARS:]:
        return None
    start = line.rfind("(")
    head = line[:start].rstrip()
    if start <= 0 or head[-1:] not in '.!?"”’»。！？」』':
        return None
    roles = _read_roles(line[start:])
    return None if roles is None else (len(head), roles)


def read_cjk_byline(text: str) -> Credit | None:
    """A Chinese or Japanese byline line: "文／王小明", "圖、文：王小明", "作者：X",
    "文｜《中国科学报》记者 孙滔", "记者王小明／台北报导", "山田太郎記者" (see
    :mod:`copydesk.extract._cjk_credits`).

    >>> read_cjk_byline("文｜《中国科学报》记者 孙滔")
    Credit(authors=('孙滔',), source='中国科学报')
    """
    found = read_label_byline(text) or read_reporter_line(text) or read_desk_credit(text)
    return None if found is None else Credit(*found)


def read_glued_cjk_byline(text: str) -> tuple[int, tuple[str, ...]] | None:
    """A reporter credit glued after a paragraph's last sentence: ``(cut, names)``.

    >>> read_glued_cjk_byline("欢迎广大网民积极投诉举报。（记者 杨湛菲）")
    (13, ('杨湛菲',))
    """
    return read_glued_reporter(text)


def _text_above(body: list[tuple[int, Line]], i: int) -> str:
    """The text of the body lines above line ``i``, one a line."""
    return "\n".join(line.text for n, line in body if n < i)


@step("extract.attribution")
def attribution(draft: Draft) -> Draft:
    """Read authors and source from credit lines near the edges of the text.

    Authors: a contact line ("Contact Jane Roe at …"), a contribution credit ("Jane Roe
    contributed to this report."), a wire credit ("Reporting by X in New York; Editing by Y":
    the reporter), a bio among the last lines ("X is a columnist with …"), and Chinese
    bylines ("文／王小明", "作者：X"); a name alone on a line with a second sign beside it (a
    bare "By" above, a date stamp next to it, a bio of the same person under it, or the same
    line again elsewhere); names beside a stamp or an outlet ("Jane Roe | March 3, 2023",
    "Posted on March 3, 2023 by Jane Roe", "Jane Roe / Harbour Times"); when none of these
    names anyone, a written interview's questioner ("Jane Roe: …?" then "JR: …?", see
    :mod:`copydesk.extract._interviews`), read where it stands. Source: a Chinese
    outlet's name alone by the header's date stamp ("国际太阳能光伏网"), a republication credit
    ("Originally published on X", "＊本文獲「X」授權轉載", "h/t X"), an organisation's
    contribution ("The Associated Press contributed to this report.", "ABC News' A and B
    contributed …"), or an outlet describing itself among the last lines ("X.com is an
    independent news agency …"); a web address becomes its host name.

    These lines leave the body as ``extracted``. A bracketed Chinese reporter credit that
    opens the lede ("〔記者王小明／台北報導〕…") or closes the last paragraph that has one
    ("…。（记者 杨湛菲）") is cut from its line, which stays in the body. A value found here
    never replaces one an earlier step found: the credits only fill fields that are still
    empty.
    """
    fields = draft.fields
    found_authors: list[str] = []
    contributors: list[str] = []
    editors: list[str] = []
    source: str | None = None
    published = fields.published
    taken: list[int] = []
    body = list(draft.body())
    if not body:
        return draft
    cuts: list[tuple[int, int, int]] = []  # (index, start, end) cut from a line
    for i, line in itertools.islice(body, OPENING_LINES):
        m = CJK_OPENING_RE.match(line.text) if not line.inline else None
        if m is not None and line.text[m.end() :].strip():
            cuts.append((i, 0, m.end()))
            names = credit_names(m["names"], m.group())
            found_authors.extend(names or ())
            break
        placed = read_ja_place_opening(line.text) if not line.inline else None
        if placed is not None:  # "【ワシントン＝山田太郎】…" opening the lede
            cuts.append((i, 0, placed[0]))
            found_authors.extend(placed[1])
            break
    top = body[: header_count(draft, HEAD_LINES)]  # under a site's menu, as far below it
    head = {i for i, _ in top}
    # names beside a stamp count once: several such lines are a list of dated entries
    stamped = [i for i, line in top if read_name_stamp(line.text)]
    stamped = stamped if len(stamped) == 1 and not fields.authors else []
    window = dict(top)
    window.update(body[-TAIL_LINES:])
    last = [i for i, _ in body[-BIO_LINES:]]
    # the story's closing lines when a page's footer (newsletter prompts, other stories)
    # still stands under them: a bio closes the prose (or is the short line under it), not
    # the page
    last_prose = last_credited_prose(draft)
    ends = next((n for n, (i, _) in enumerate(body) if i == last_prose), None)
    closing = body[max(0, ends + 2 - BIO_LINES) : ends + 2] if ends is not None else []
    window.update(closing)
    last.extend(i for i, _ in closing if i not in last)
    # an intro line above the lede, the reposted story's prose under it; further down, an
    # intro ("From The Harbour Times:") quotes another outlet in the writer's own story
    lede = next((n for n, (_, line) in enumerate(body) if reads_as_prose(line.text)), 0)
    intros = {body[lede - 1][0]} if 0 < lede < HEAD_LINES else set()
    for i, line in sorted(window.items()):
        if any(c[0] == i for c in cuts):
            continue
        if i in head and CJK_OUTLET_RE.fullmatch(line.text.strip()) and next_to_stamp(draft, i):
            taken.append(i)  # "国际太阳能光伏网" by the date stamp: the outlet's name
            source = source or line.text.strip()
            continue
        if i in stamped and (found := read_name_stamp(line.text)):
            taken.append(i)  # "Jane Roe | March 3, 2023", "Jane Roe / Harbour Times"
            found_authors.extend(found[0])
            published = published or found[1]
            source = source or found[2]
            continue
        credit = read_cjk_byline(line.text) or read_credit(line.text)
        if credit is not None:
            taken.append(i)
            if credit.authors and "contribut" in line.text.casefold():
                contributors.extend(credit.authors)
            else:
                found_authors.extend(credit.authors)
            source = source or credit.source
            continue
        if i in intros and (intro := read_intro_credit(line.text)) is not None:
            taken.append(i)  # "According to Harbour Times:" above the reposted story
            found_authors.extend(intro[0])  # "As written by Jane Roe:" names the writer
            source = source or intro[1]
            continue
        if i in last and (names := read_bio(line.text)) is not None:
            taken.append(i)
            found_authors.extend(names)
            continue
        above = functools.partial(_text_above, body, i)  # joined only for a likely bio
        if i in last and (names := read_stranger_bio(line.text, above)) is not None:
            taken.append(i)  # the bio of someone the story above never names
            found_authors.extend(names)
            continue
        if i in last and (outlet := read_outlet_bio(line.text)) is not None:
            taken.append(i)
            source = source or outlet
            continue
    for pos in range(len(body) - 1, -1, -1):  # the last paragraph closed by a reporter credit
        i, line = body[pos]
        if any(c[0] == i for c in cuts):
            continue
        closes = i in last or (pos > 0 and body[pos - 1][0] == last_prose)
        editor = (
            GLUED_EDITOR_RE.search(line.text, max(len(line.text) - 40, 0))
            if i in last or i == last_prose
            else None
        )
        if editor is not None:  # "…落石。（編輯：陳美玲）1141205": cut, the editor kept apart
            cuts.append((i, editor.start(), len(line.text)))
            editors.extend(regex.split(r"[、，/／]", editor["names"]))
            break
        if not line.text.rstrip().endswith((")", "）")):
            bare = _agency_alone(body, pos) if closes else None
            if bare is not None:  # "dpa", "AA" alone under the last paragraph
                taken.append(i)
                source = source or bare
                break
            continue
        glued = read_glued_cjk_byline(line.text)
        if glued is None and i in last:  # "…した。（ロンドン＝山田太郎）" closing the text
            glued = read_ja_sign_off(line.text)
        alone = _ja_sign_off_alone(body, pos) if glued is None and i in last else None
        if alone is not None:  # the same sign-off on a line of its own under the paragraph
            taken.append(i)
            found_authors.extend(alone)
            break
        agency_alone = _agency_alone(body, pos) if glued is None and closes else None
        if agency_alone is not None:  # "（共同）", "(dpa)" alone under the last paragraph
            taken.append(i)
            source = source or agency_alone
            break
        if glued is not None:
            cuts.append((i, glued[0], len(line.text)))
            found_authors.extend(glued[1])
            break
        # an agency closing one of the last paragraphs ("…寸断された。（共同）", "… genommen.
        # (dpa)"), or the last prose paragraph above a footer of short lines
        agency = read_glued_agency(line.text) if i in last or i == last_prose else None
        if agency is not None:
            cuts.append((i, agency[0], len(line.text)))
            source = source or agency[1]
            break
        # a wire's role credit closing one ("… said. (Reporting by X; Editing by Y)")
        glued_roles = read_glued_roles(line.text) if i in last else None
        if glued_roles is not None:
            cuts.append((i, glued_roles[0], len(line.text)))
            found_authors.extend(glued_roles[1].authors)
            break
    if not found_authors and not contributors and not fields.authors:
        for indices, names, outlet in name_lines(draft, [(i, window[i]) for i in sorted(window)]):
            if not set(indices) & set(taken):
                taken.extend(indices)
                found_authors.extend(names)
                source = source or outlet
    if not taken and not cuts:
        return draft if fields.authors or contributors else _unsigned(draft)
    for i, start, end in cuts:
        draft = draft.rewrite(i, [(start, end, "")], rule=RULE, kind="extracted")
    authors = fields.authors or tuple(dict.fromkeys(found_authors or contributors))
    if contributors and authors != tuple(dict.fromkeys(contributors)):
        draft = draft.add_metadata({"contributors": ", ".join(dict.fromkeys(contributors))})
    if editors:
        draft = draft.add_metadata({"editor": ", ".join(dict.fromkeys(editors))})
    draft = draft.take(
        taken,
        rule=RULE,
        kind="extracted",
        authors=authors,
        source=fields.source or source,
        published=published,
    )
    return draft if authors else _unsigned(draft)


def _unsigned(draft: Draft) -> Draft:
    """Authors where no credit named one: a written interview's questioner ("Jane Roe: …?"
    then "JR: …?", the line stays in the body with a ``read`` edit on the name), else an
    address and the name it spells side by side among the last lines."""
    body = list(draft.body())
    asker = read_interviewer(body)
    if asker is not None:
        index, start, end, name = asker
        noted = draft.note(index, start, end, rule=RULE, value=name, authors=(name,))
        if noted is not draft:
            return noted
    return sign_by_email(draft, body, RULE)

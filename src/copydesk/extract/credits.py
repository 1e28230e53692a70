"""Source and agency credits (``• Anadolu Agency``, ``(Reuters)``, ``Source: X``, ``/ТАСС/``,
``Theo X``, ``Via X``, a source domain glued to the last sentence ``…concluded./example.com``)
and category footers (``Posted in: X``, ``Filed under: A, B``, ``Темы:``)."""

from __future__ import annotations

import functools
import unicodedata

import regex

from copydesk._lazy import lazy_regex
from copydesk.draft import Draft
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_desk, is_organisation, outlet_name, split_names
from copydesk.extract._window import edges
from copydesk.pipeline import step

__all__ = [
    "categories",
    "contact_footer",
    "copyright_owner",
    "is_contact_line",
    "read_categories",
    "read_cjk_composite",
    "read_source",
    "source_credit",
]

# Wrapping of a sign-off: bullets, brackets (full-width too), slashes and dots ("• Anadolu
# Agency", "(Reuters)", "（中央社）", "/ТАСС/", "REUTER...").
WRAP = " \t•·*-–—()[]/.…（）【】"
# "Source: X" / "(Fonte: X)" / "source:x.com": a source label of the lexicon, a colon, a short
# value; built at first use. Bounded value ({1,150}); brackets optional.
SOURCE_PATTERN = (
    r"[(\[（]?[ \t]{{0,2}}(?:{labels})[ \t]{{0,2}}[:：][ \t]{{0,3}}"
    r"(?P<value>[^()\[\]（）\n]{{1,150}}?)"
    # the agency's short name in brackets after its full one: "Anadolu Ajansı (AA)"
    r"(?:[ \t]{{1,2}}[(（](?P<short>[\p{{L}}\-]{{2,12}})[)）])?[ \t]{{0,2}}[)\]）]?[.。]?"
)
# "Theo Nhân Hà/Dân trí" (vi: "according to"): an optional author, then the outlet. Bounded.
THEO_RE = lazy_regex(
    r"(?i:theo)[ \t]{1,3}(?:(?P<author>[^/\n]{2,40}?)[ \t]{0,2}/[ \t]{0,2})?"
    r"(?P<outlet>[^/\n]{2,40}?)\.?"
)
# Between the agencies of a joint credit ("dpa/AFP", "AP, Reuters", "EFE y AFP", a Japanese
# paper's "ＡＦＰ＝時事": AFP's copy through Jiji). Bounded.
AGENCY_LIST_RE = lazy_regex(
    r"[ \t]{0,2}[/,&=＝、][ \t]{0,2}|[ \t]{1,2}(?:and|und|y|et|ve|e)[ \t]{1,2}"
)
# An editor's initials closing a German wire credit ("dpa/AFP/sk", "(jbe/dpa)"): two to four
# lower-case letters between slashes. Only read beside a known agency.
DESK_INITIALS_RE = lazy_regex(r"\p{Ll}{2,4}")
# A Chinese or Japanese outlet in brackets closing the text ("（読売新聞）", "（港口日报）",
# "（海岸テレビNEWS）"): a name ending in a word for a paper, an agency, a broadcaster or a
# news site. Bounded name.
CJK_BRACKET_OUTLET_RE = lazy_regex(
    r"[（(](?P<name>[\p{Han}\p{Katakana}ー・A-Za-z]{1,16}?(?:新聞|新闻|通信|日[報报]|[時时][報报]"
    r"|晚[報报]|[報报]|社|ニュース|テレビ|放送|オンライン|デジタル|NEWS|News))[）)]"
)
#: Ordinary words a bracketed name may end in with 報 or 社 ("（株式会社）", "（情報）",
#: "（速報）", "（神社）"): a company, information, a news flash, a shrine; no outlet.
CJK_ORDINARY_ENDINGS = (
    "会社", "會社", "公司", "神社", "商社", "本社", "支社", "弊社", "当社", "當社", "御社", "貴社",
    "各社", "同社", "自社", "他社", "結社", "公社", "情報", "情报", "速報", "速报", "予報", "預報",
    "预报", "警報", "警报", "広報", "公報", "公报", "電報", "电报", "通報", "通报", "続報", "朗報",
)  # fmt: skip
# A Chinese composite credit closing the text: the outlets a story was put together from, then
# "综合" (compiled; or "综合" before them), optionally "报道"/"整理": "（新华社、中新网综合）",
# "全球储能网、新能源网综合）" with its opening bracket lost, "综合自港口日报、海岸新闻". The
# outlets are words of Han, Latin letters or digits, at most five of them, each bounded.
# False positives: a short line "X综合" that is no credit; :func:`read_cjk_composite` asks for
# a bracket or a list of outlets, and refuses "（本报综合）", which names no outlet.
CJK_OUTLET = r"[\p{Han}A-Za-z0-9·.]{2,15}?"
CJK_COMPOSITE_RE = lazy_regex(
    r"[（(]?[ \t]{0,2}(?:据|本文)?(?:(?P<pre>[綜综]合自?)[ \t]{0,2})?"
    rf"(?P<names>{CJK_OUTLET}(?:[、，,/／][ \t]{{0,2}}{CJK_OUTLET}){{0,4}})"
    r"[ \t]{0,2}(?P<post>[綜综]合)?(?:[報报][導导道]|整理)?[ \t]{0,2}[）)]?[。.]?"
)
#: Words a composite credit's outlets may not be: the parts of the credit itself, and "this
#: paper", whose credit names no outlet.
CJK_COMPOSITE_NOT_NAMES = frozenset(
    {"报道", "報導", "整理", "本报", "本報", "本刊", "本网", "本網", "编辑", "編輯", "综合", "綜合"}
)
# A copyright line among the last lines naming who owns the story ("© 2024 Reuters",
# "Copyright 2024 The Associated Press. All rights reserved.", "© dpa-infocom, dpa:…"): the
# year is optional, the name ends at a stop, comma, colon or semicolon. Bounded.
COPYRIGHT_RE = lazy_regex(
    r"(?:©|\([cC]\)|[cC]opyright(?:[ \t]{0,2}©)?)[ \t]{0,2}"
    r"(?:\d{4}(?:[ \t]{0,2}[-–][ \t]{0,2}\d{4})?[ \t]{0,2})?"
    r"(?P<name>[^.,;:\n©]{2,60}?)[ \t]{0,2}(?:[.,;:][^\n]{0,120})?"
)
# A bare web domain as the last line ("atimes.com"): a syndication credit.
DOMAIN_RE = lazy_regex(r"(?:[a-z0-9\-]{1,40}\.){1,3}[a-z]{2,10}", regex.I)
# A source domain glued after the last sentence: "…Bachmann concluded./example.com". The
# stop (or closing quote) before the slash is required, so a URL path inside a sentence
# ("see example.com/a/b.html") never matches. Bounded parts.
GLUED_DOMAIN_RE = lazy_regex(
    r"(?<=[.!?…\"”’»)])[ \t]{0,2}/[ \t]{0,2}(?P<domain>(?:[a-z0-9\-]{1,40}\.){1,3}[a-z]{2,10})"
    r"[ \t]{0,3}$",
    regex.I,
)
# "Via Clear Politics", "Via example.com": a source opener without a colon, then a short name
# of capitalised words or a domain. Bounded.
OPENER_SOURCE_RE = lazy_regex(
    r"(?P<opener>\p{L}{2,12})[ \t]{1,3}(?P<value>(?:[\w\-]{1,40}\.){1,3}\p{L}{2,10}"
    r"|\p{Lu}[\p{L}&'’.\-]{0,30}(?:[ \t]\p{Lu}[\p{L}&'’.\-]{0,30}){0,4})\.?"
)
# Separators between categories; "Tagged:" glued after "Filed under: ..." starts another list.
CATEGORY_SEP_RE = lazy_regex(r"[ \t]{0,3}[,;|·•][ \t]{0,3}")
TAGGED_RE = lazy_regex(r"[ \t]{1,3}(?:Tagged|Tags)[ \t]{0,2}:[ \t]{0,3}")
CATEGORY_PATTERN = (
    r"(?P<key>{keys})[ \t]{{0,2}}\d{{0,2}}[ \t]{{0,2}}[:：][ \t]{{0,3}}(?P<value>.{{0,800}})"
)
# A bare e-mail address on its own line ("jane@example.com"). Bounded parts.
_EMAIL = r"[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4}"
EMAIL_RE = lazy_regex(_EMAIL)
# A text-message short code and carrier ("737221 - Zain"), as contact footers list them.
SHORT_CODE_RE = lazy_regex(r"\d{3,8}[ \t]{0,2}[-–][ \t]{0,2}\p{L}{2,15}")
# A line of contact data only, anywhere in the text: one or more "<label>: <e-mail or phone>"
# ("Tel.: +49 421 178 45 4121; E-Mail: presse@example.org", "电话：010-12345678"), a bullet
# before them allowed. The labels name the channel, so the line cannot be prose. Bounded.
CONTACT_LABELS = (
    r"e-?mail|mail|tel|tel\.|telefon|telephone|phone|fax|mobil|mobile|handy|whatsapp|"
    r"teléfono|telefone|téléphone|courriel|correo|e-posta|тел\.?|телефон|"
    r"电话|電話|邮箱|電郵|传真|傳真|手机|手機|メール|電話番号"
)
_CONTACT_VALUE = (
    rf"(?:{_EMAIL}"
    r"|\+?[(\d][\d \t\-/().]{5,22}\d)"
)
_CONTACT_PART = rf"(?:{CONTACT_LABELS})[ \t]{{0,2}}[.:：][ \t]{{0,3}}{_CONTACT_VALUE}"
CONTACT_DATA_RE = lazy_regex(
    rf"(?:[•·*\-–][ \t]{{0,2}})?{_CONTACT_PART}"
    rf"(?:[ \t]{{0,2}}[;,|/][ \t]{{0,3}}{_CONTACT_PART}){{0,3}}\.?",
    regex.I,
)
# A press contact: "• Fraunhofer IPMS: Stephan Kube, stephan.kube@example.org", a name of two or
# three capitalised words and an e-mail address closing the line, an organisation and a colon
# before them allowed. No angle brackets: "Jo Lee <jo@example.org>" is a quoted mail header.
NAMED_EMAIL_RE = lazy_regex(
    r"(?:[•·*\-–][ \t]{0,2})?(?!(?i:from|to|cc|bcc|sent|reply-to|von|an|de|para)[ \t]{0,2}:)"
    r"(?:[^<>:\n]{2,60}:[ \t]{1,2})?"
    r"\p{Lu}\p{L}{1,20}(?:[ \t]\p{Lu}\p{L}{1,20}){1,2},[ \t]{1,2}" + _EMAIL
)
CONTACT_TAIL_LINES = 8
MAX_CONTACT_CHARS = 120
CONTACT_RULE = "extract.contacts"
HEAD_LINES = 4
TAIL_LINES = 4
CATEGORY_TAIL_LINES = 10
#: How far from the end a Chinese composite credit is looked for (in the second half of the
#: body): furniture the line model removes later (a copyright notice, contact numbers, a list
#: of related headlines) may follow it.
COMPOSITE_TAIL_LINES = 25
MAX_CATEGORY_CHARS = 60
SOURCE_RULE = "extract.credits"
DATELINE_RULE = "extract.datelines"
#: How many non-blank lines from the top a stamp with an agency line beside it may sit.
STAMP_HEAD_LINES = 10
CATEGORY_RULE = "extract.categories"


def _alternation(words: frozenset[str]) -> str:
    return "|".join(
        regex.escape(w).replace("\\ ", "[ \\t]") for w in sorted(words, key=len, reverse=True)
    )


@functools.lru_cache(maxsize=1)
def _source_re() -> regex.Pattern[str]:
    labels = _alternation(lexicon().byline_source_labels | {"sources", "source"})
    return regex.compile(SOURCE_PATTERN.format(labels=labels), regex.I)


@functools.lru_cache(maxsize=1)
def _category_re() -> regex.Pattern[str]:
    keys = _alternation(lexicon().category_keys)
    return regex.compile(CATEGORY_PATTERN.format(keys=keys), regex.I)


def read_source(text: str, *, last: bool = False) -> tuple[str | None, tuple[str, ...]] | None:
    """Read a source-credit line: ``(source, authors)``, or ``None`` when it is not one.

    ``last`` allows the forms that only count at the end of a text (a bare agency name, a
    bare domain).

    >>> read_source("  • Anadolu Agency", last=True)
    ('Anadolu Agency', ())
    >>> read_source("(Source: Daily Mail)"), read_source("Theo Nhân Hà/Dân trí", last=True)
    (('Daily Mail', ()), ('Dân trí', ('Nhân Hà',)))
    >>> read_source("dpa/AFP/sk", last=True), read_source("(jbe/dpa)", last=True)
    (('dpa', ()), ('dpa', ()))
    >>> read_source("（ＡＦＰ＝時事）", last=True), read_source("mit dpa", last=True)
    (('ＡＦＰ', ()), ('dpa', ()))
    >>> read_source("（港湾新聞）", last=True), read_source("（完）", last=True)
    (('港湾新聞', ()), None)
    >>> read_source("ab/cd", last=True), read_source("and/or", last=True)
    (None, None)
    >>> read_source("Haber Merkezi", last=True), read_source("Haber Merkezi")
    (('Haber Merkezi', ()), None)
    >>> read_source("Via Harbour Politics"), read_source("Source", last=True)
    (('Harbour Politics', ()), (None, ()))
    >>> read_source("Source: the figures were revised twice. Then they fell.") is None
    True
    >>> read_source("Kaynak: Anadolu Ajansı (AA)"), read_source("Quelle: Presse-Agentur (dpa)")
    (('Anadolu Ajansı', ()), ('Presse-Agentur', ()))
    """
    line = text.strip()
    if not 2 <= len(line) <= 160:
        return None
    lex = lexicon()
    m = _source_re().fullmatch(line)
    if m is not None:
        value = m["value"].split(";")[0].strip(" .")
        if value and not regex.search(r"[.!?][ \t]{1,3}\p{Lu}", value) and len(value.split()) <= 12:
            return outlet_name(value), ()
        return None
    m = OPENER_SOURCE_RE.fullmatch(line)
    if m is not None and m["opener"].casefold() in lex.via_openers:
        return m["value"], ()
    if not last:
        return None
    if line.rstrip(" :：").casefold() in lex.source_openers:
        return None, ()  # "Source" alone: a link label whose link is gone
    if m is not None and m["opener"].casefold() in lex.source_openers:
        return m["value"], ()
    m = THEO_RE.fullmatch(line)
    if m is not None and m["outlet"][:1].isupper():
        names = split_names(m["author"]) if m["author"] else ()
        if names is not None:
            return m["outlet"].strip(), names
    composite = read_cjk_composite(line)  # before the bracketed outlet: "（综合自港口日報）"
    if composite is not None:
        return composite, ()
    m = CJK_BRACKET_OUTLET_RE.fullmatch(line) if line[:1] in "（(" else None
    if m is not None and not m["name"].endswith(CJK_ORDINARY_ENDINGS):
        return m["name"], ()
    owner = copyright_owner(line) if line[:1] in "©(Cc" else None
    if owner is not None:
        return owner, ()
    core = line.strip(WRAP)
    agencies = _bare_agencies(core)
    if agencies is not None:
        return agencies, ()
    with_agencies = _with_agencies(core)
    if with_agencies is not None:
        return with_agencies, ()
    bulleted = line.lstrip()[:1] in "•·*–—"
    if (
        bulleted
        and is_organisation(core)
        and any(w.casefold() in lex.agency_words for w in core.split())
    ):
        return core, ()
    if DOMAIN_RE.fullmatch(core) and core == line:
        return core, ()
    if is_desk(core):  # "Haber Merkezi" closing the text: the desk that wrote it
        return core, ()
    return None


def _bare_agencies(core: str) -> str | None:
    """The (first) agency of a line that is only agencies' names: "Reuters", "（ＡＦＰ）"'s
    core, "dpa/AFP", "AP, Reuters", "dpa/AFP/sk" (an editor's initials beside them).

    >>> _bare_agencies("ＡＦＰ"), _bare_agencies("dpa/AFP/sk"), _bare_agencies("AP, Reuters")
    ('ＡＦＰ', 'dpa', 'AP')
    >>> _bare_agencies("Port Authority"), _bare_agencies("ab/cd")
    (None, None)
    """
    lex = lexicon()
    # full-width letters as Japanese pages write an agency ("（ＡＦＰ）") fold to Latin
    folded = unicodedata.normalize("NFKC", core).casefold()
    if folded in lex.agencies:
        return lex.canonical.get(folded, core)
    parts = [p.strip() for p in AGENCY_LIST_RE.split(core)]
    if "/" in core and len(parts) > 1:
        # an editor's initials after (or before) the agencies: "dpa/AFP/sk", "(jbe/dpa)"
        parts = [
            p for p in parts if p in lex.agencies or not DESK_INITIALS_RE.fullmatch(p)
        ] or parts
    if parts != [core] and all(_agency(p) for p in parts):
        return lex.canonical.get(parts[0].casefold(), parts[0])  # "dpa/AFP", "AP, Reuters"
    return None


def _agencies_under_stamp(draft: Draft) -> list[tuple[int, str]]:
    """Agency lines right under (or over) the page's stamp: ``(index, agency)``.

    Japanese and German pages credit the wire on a line of its own beside the date
    ("2026年7月14日 18時05分" / "共同通信", "14.07.2026" / "dpa"), below navigation lines that
    push it past the first body lines :func:`source_credit` reads. The stamp (taken by the
    dateline step among the first ``STAMP_HEAD_LINES`` lines) vouches for it; an agency's
    name alone elsewhere in the head may be a heading or a label.

    >>> d = Draft.from_text("a\\nb\\nc\\nd\\n2026年7月14日\\n時事通信\\nx")
    >>> d = d.take([4], rule="extract.datelines", kind="extracted")
    >>> _agencies_under_stamp(d)
    [(5, '時事通信')]
    """
    lines = [(i, line) for i, line in enumerate(draft.lines) if line.text.strip()]
    found: list[tuple[int, str]] = []
    for n, (_, stamp) in enumerate(lines[:STAMP_HEAD_LINES]):
        if stamp.state != "extracted" or stamp.rule != DATELINE_RULE:
            continue
        for i, line in lines[max(n - 1, 0) : n + 2]:
            agency = _bare_agencies(line.text.strip(WRAP)) if line.is_body else None
            if agency is not None and (i, agency) not in found:
                found.append((i, agency))
    return found


def _agency(name: str) -> bool:
    """The name is a news agency's, its full-width letters folded ("ＡＦＰ")."""
    return unicodedata.normalize("NFKC", name).casefold() in lexicon().agencies


def _with_agencies(core: str) -> str | None:
    """The first agency of a closing "with" credit ("with AFP", "mit dpa", "avec AFP et
    Reuters"): the story was written with their copy. Only agencies may follow the word, so
    that a sentence's last words ("with the board") are none.

    >>> _with_agencies("mit dpa"), _with_agencies("With AFP and Reuters")
    ('dpa', 'AFP')
    >>> _with_agencies("Mit Material der dpa"), _with_agencies("mit Material der Stadt")
    ('dpa', None)
    >>> _with_agencies("with the harbour board"), _with_agencies("mit")
    (None, None)
    """
    word, _, rest = core.partition(" ")
    if word.casefold() not in lexicon().with_openers or not rest.strip():
        return None
    rest = rest.strip()
    for filler in reversed(lexicon().with_fillers):  # longest first: "mit Material der dpa"
        if rest.casefold().startswith(filler + " "):
            rest = rest[len(filler) :].strip()
            break
    parts = [p.strip() for p in AGENCY_LIST_RE.split(rest)]
    if not all(_agency(p) for p in parts):
        return None
    return lexicon().canonical.get(parts[0].casefold(), parts[0])


def read_cjk_composite(line: str) -> str | None:
    """The outlets of a Chinese composite credit ("（新华社、中新网综合）" -> "新华社、中新网"), or
    ``None``. "综合" stands once, before the outlets or after them; with a single outlet and no
    bracket the line is too like a phrase to be read ("资源综合" is none).

    >>> read_cjk_composite("全球储能网、新能源网综合）"), read_cjk_composite("（综合自港口日报）")
    ('全球储能网、新能源网', '港口日报')
    >>> read_cjk_composite("（本报综合）"), read_cjk_composite("秸秆资源综合")
    (None, None)
    >>> read_cjk_composite("盘活秸秆资源 综合利用释放效益") is None
    True
    """
    if "综合" not in line and "綜合" not in line:
        return None
    m = CJK_COMPOSITE_RE.fullmatch(line)
    if m is None or (m["pre"] is None) == (m["post"] is None):
        return None
    names = [n.strip() for n in regex.split(r"[、，,/／]", m["names"])]
    if any(n in CJK_COMPOSITE_NOT_NAMES or not n for n in names):
        return None
    bracketed = line[:1] in "（(" or line.rstrip("。. \t")[-1:] in "）)"
    if len(names) < 2 and not bracketed:
        return None
    return "、".join(names)


def copyright_owner(line: str) -> str | None:
    """The news agency a copyright line names ("© 2024 Reuters" -> "Reuters", "©
    dpa-infocom, dpa:…" -> "dpa"), or ``None`` for any other owner: the site's own
    copyright ("© 2024 Harbour Media Ltd.") says less than an agency's credit elsewhere,
    and a photo agency or a person owns no story.

    >>> copyright_owner("Copyright 2024 The Associated Press. All rights reserved.")
    'Associated Press'
    >>> copyright_owner("© 2024 Harbour Times"), copyright_owner("© Jane Roe 2024")
    (None, None)
    >>> copyright_owner("© 2024 Getty Images"), copyright_owner("Copy the link below.")
    (None, None)
    """
    m = COPYRIGHT_RE.fullmatch(line)
    if m is None:
        return None
    name = m["name"].strip()
    lex = lexicon()
    folded = name.casefold()
    head = folded.split("-", 1)[0]  # "dpa-infocom", "dpa-AFX": the agency's service
    for key in (folded, head):
        if key in lex.agencies:
            return lex.canonical.get(key, name if key == folded else name.split("-", 1)[0])
    return None


def _stronger(known: str | None, credited: str | None) -> str | None:
    """The source once a credit line is read: the first found wins, but a desk's name signing
    the story ("Haber Merkezi" under the headline: the site's own newsroom) yields to a credit
    naming another outlet ("Kaynak: İHA").

    >>> _stronger("Haber Merkezi", "İHA"), _stronger("Reuters", "AP"), _stronger(None, "AP")
    ('İHA', 'Reuters', 'AP')
    """
    if known is None or (credited and is_desk(known) and not is_desk(credited)):
        return credited
    return known


@step("extract.credits")
def source_credit(draft: Draft) -> Draft:
    """Take source and agency credit lines into ``source`` (the first found wins; a desk's
    name read from the byline yields to a credit naming another outlet).

    ``Source: X`` and ``Via X`` lines count anywhere near the edges; a bare agency name, a
    bulleted agency, ``Theo X``, a bare domain or an empty ``Source`` label only among the
    last lines; a Chinese composite credit ("（新华社、中新网综合）") among the last
    ``COMPOSITE_TAIL_LINES``. A domain glued after the last sentence (``…he said./example.com``)
    is cut from it when no source is known yet.
    """
    source, authors = draft.fields.source, draft.fields.authors
    body = list(draft.body())
    last = {i for i, _ in body[-TAIL_LINES:]}
    taken: list[int] = []
    for i, line in edges(draft, HEAD_LINES, TAIL_LINES):
        found = read_source(line.text, last=i in last)
        if found is None:
            continue
        taken.append(i)
        source = _stronger(source, found[0])
        authors = authors or found[1]
    for i, agency in _agencies_under_stamp(draft):  # "2026年7月14日" / "共同通信"
        if i not in taken:
            taken.append(i)
            source = _stronger(source, agency)
    # a composite credit is its own evidence: it may sit above a longer footer of furniture
    for i, line in body[max(len(body) // 2, len(body) - COMPOSITE_TAIL_LINES) :]:
        composite = read_cjk_composite(line.text) if i not in taken else None
        if composite is not None:
            taken.append(i)
            source = source or composite
    if body and source is None:
        i, line = body[-1]
        m = GLUED_DOMAIN_RE.search(line.text) if "/" in line.text[-60:] else None
        if m is not None and m.start() > 0:
            draft = draft.rewrite(
                i, [(m.start(), len(line.text), "")], rule=SOURCE_RULE, kind="extracted"
            )
            source = m["domain"]
    if not taken:
        return draft.set_fields(source=source) if source != draft.fields.source else draft
    return draft.take(taken, rule=SOURCE_RULE, kind="extracted", source=source, authors=authors)


def read_categories(text: str) -> tuple[str, ...] | None:
    """Read a category or tag line into its items, or ``None`` when it is not one.

    >>> read_categories("Filed under: War on Yemen, Yemen |")
    ('War on Yemen', 'Yemen')
    >>> read_categories("Category 1: CHINA; Category 2: DIPLOMACY"), read_categories("Темы:")
    (('CHINA', 'DIPLOMACY'), ())
    >>> read_categories("Topics: we discussed many, and none were settled.") is None
    True
    """
    line = text.strip()
    m = _category_re().fullmatch(line)
    if m is None:
        return None
    items: list[str] = []
    for chunk in TAGGED_RE.split(m["value"]):
        for part in CATEGORY_SEP_RE.split(chunk):
            inner = _category_re().fullmatch(part.strip())
            item = (inner["value"] if inner else part).strip(" .|")
            if not item:
                continue
            if len(item) > MAX_CATEGORY_CHARS or regex.search(
                r"[.!?][ \t]|\p{Ll}{2,}[ \t]\p{Ll}{2,}[ \t]\p{Ll}{2,}[ \t]\p{Ll}{2,}", item
            ):
                return None
            items.append(item)
    if m["key"][:1].islower() and items and not any(i[:1].isupper() for i in items):
        return None  # "tags: we ..." in lower case everywhere reads as prose
    return tuple(dict.fromkeys(items))


@step("extract.categories")
def categories(draft: Draft) -> Draft:
    """Take category and tag lines near the top or in the footer into ``categories``."""
    found = list(draft.fields.categories)
    taken: list[int] = []
    for i, line in edges(draft, HEAD_LINES, CATEGORY_TAIL_LINES):
        items = read_categories(line.text)
        if items is None:
            continue
        taken.append(i)
        found.extend(items)
    if not taken:
        return draft
    return draft.take(
        taken, rule=CATEGORY_RULE, kind="extracted", categories=tuple(dict.fromkeys(found))
    )


def is_contact_line(text: str) -> bool:
    """True for a line that opens an author contact footer: an e-mail address alone, or a
    contact opener of the lexicon ("Contact the writer: …", "للتواصل …").

    >>> is_contact_line("jane.roe@example.com"), is_contact_line("Contact: jane@example.com")
    (True, True)
    >>> is_contact_line("Contacts between the two sides resumed in May.")
    False
    """
    line = text.strip()
    if EMAIL_RE.fullmatch(line):
        return True
    openers = lexicon().contact_openers
    # casefolding is character by character: the head of the line is enough to test it
    folded = line[: max(map(len, openers), default=0) + 1].casefold()
    if not folded.startswith(openers):
        return False
    for opener in openers:
        if folded.startswith(opener) and folded[len(opener) : len(opener) + 1] in (" ", ":"):
            return len(line) <= MAX_CONTACT_CHARS and not line.endswith(".")
    return False


def is_contact_data(text: str) -> bool:
    """True for a line of contact data only (:data:`CONTACT_DATA_RE`, :data:`NAMED_EMAIL_RE`).

    >>> is_contact_data("Tel.: +49 421 178 45 4121; E-Mail: presse@example.org")
    True
    >>> is_contact_data("• Harbour Office: Jane Roe, jane.roe@example.org")
    True
    >>> is_contact_data("From: Jane Roe <jane@example.org>"), is_contact_data("Tel Aviv: 2020")
    (False, False)
    >>> is_contact_data("Cc: Jane Roe, jane@example.org")  # a mail header quoted in a story
    False
    """
    line = text.strip()
    if len(line) > MAX_CONTACT_CHARS or ("@" not in line and not _has_digit(line)):
        return False
    return bool(CONTACT_DATA_RE.fullmatch(line) or NAMED_EMAIL_RE.fullmatch(line))


def _has_digit(line: str) -> bool:
    """Whether a character of ``line`` is a digit (:meth:`str.isdigit`): on an ASCII line,
    whose only digits are 0-9, ten substring tests in C; on another, each character's test
    in C (no generator frame a character: most lines tested are prose without one).

    >>> _has_digit("Tel. 0421"), _has_digit("Harbour Office"), _has_digit("Zone ²")
    (True, False, True)
    """
    if line.isascii():
        return any(map(line.__contains__, "0123456789"))
    return any(map(str.isdigit, line))


@step("extract.contacts")
def contact_footer(draft: Draft) -> Draft:
    """Take an author contact footer (e-mail, "contact the writer", SMS codes) at the end,
    and lines of contact data only anywhere (:func:`is_contact_data`: "Tel.: …; E-Mail: …",
    "• Harbour Office: Jane Roe, jane@example.org").

    The footer starts at a contact line among the last lines and must run to the end with
    short lines only; e-mail addresses go to ``metadata["contact"]``.
    """
    taken = [i for i, line in draft.body() if is_contact_data(line.text)]
    body = list(draft.body())[-CONTACT_TAIL_LINES:]
    for n, (_, line) in enumerate(body):
        if not is_contact_line(line.text):
            continue
        rest = body[n:]
        if all(
            len(t.text.strip()) <= MAX_CONTACT_CHARS
            and (
                is_contact_line(t.text)
                or SHORT_CODE_RE.fullmatch(t.text.strip())
                or not t.text.rstrip().endswith((".", "!", "?"))
            )
            for _, t in rest
        ):
            taken = sorted({*taken, *(i for i, _ in rest)})
            break
    if not taken:
        return draft
    emails = [m.group() for i in taken for m in EMAIL_RE.finditer(draft.lines[i].text)]
    draft = draft.take(taken, rule=CONTACT_RULE, kind="extracted")
    return draft.add_metadata({"contact": ", ".join(dict.fromkeys(emails))}) if emails else draft

"""Meta lines that state several fields at once, read by ``extract.bylines``: a stamp with
labelled parts ("2023-08-22 18:58 來源：聯合報 作者：王小明", "發布時間：2023/08/22 來源：港口日報")
and a blog's "Posted on <date> by <name>" line, with or without its date."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata

import attrs
import regex

from copydesk._lazy import lazy_regex
from copydesk.dates import parse_date
from copydesk.extract._cjk_credits import credit_names
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import URL_RE, split_names
from copydesk.extract.reported import is_outlet

__all__ = [
    "MetaLine",
    "prose_credited",
    "read_glued_agency",
    "read_labelled_parts",
    "read_posted_by",
    "read_signed",
    "read_stamp_outlet",
]

#: A line longer than this is prose, not a meta line.
MAX_META_CHARS = 120
#: An outlet named after a source label has at most this many characters.
MAX_SOURCE_CHARS = 40
# Labels of an editor, read over but not kept: the editor is no author ("責任編輯：X").
EDITOR_LABELS = frozenset({"責任編輯", "责任编辑", "編輯", "编辑", "責編", "责编", "editor"})
# Labels of a photographer, read over too: a photo credit names no author ("攝影／X").
PHOTO_LABELS = frozenset({"圖", "图", "攝影", "摄影", "照片", "写真", "影像", "photo", "photos"})
# Separators between the parts of a meta line: white space, bars, middle dots. Bounded.
PART_SEP = " \t\u3000|｜丨·•"
# A blog's stamp line: "Posted on <date> by <name>", the date possibly lost ("Posted on by
# willyloman"). The label is one of a few fixed words; the date part is bounded and the name
# part is the rest of a short line. False positives ("Posted on Facebook by the council")
# are refused when the middle is not a date and the tail is no name.
POSTED_BY_RE = lazy_regex(
    r"(?i)^(?P<label>posted|published|publicado|publié|veröffentlicht|yayınlanma)"
    r"(?:[ \t]{1,2}(?:on|am|el|em|le))?[ \t]{0,2}:?[ \t]{0,2}(?P<date>[^\n]{0,50}?)"
    r"[ \t]{0,2}\b(?:by|von|por|par)[ \t]{1,2}(?P<names>[^\n]{1,60})$"
)
# A user name written as one token ("willyloman", "jane_roe"), only after "Posted … by".
HANDLE_RE = lazy_regex(r"[\p{L}\p{N}][\p{L}\p{N}_.\-]{2,29}")

# An agency's name in brackets glued after a CJK paragraph's last sentence ("…寸断された。
# （共同）", "…恢复正常。（新华社）"); the name is looked up in the lexicon. Bounded.
# A bare stamp closing a line of labelled parts, after a space: a year of four digits first
# ("… 作者：王小明 2024-05-06 14:30", "… 2024年5月6日 14:30"). Bounded.
TRAILING_STAMP_RE = lazy_regex(r"[ \t　]{1,3}(?P<stamp>\d{4}[-/.年][^\n]{3,30})$")
# Between the agencies of a joint credit in brackets ("ロイター＝共同", "ＡＦＰ＝時事").
JOINT_CREDIT_RE = lazy_regex(r"[ \t]{0,2}[＝=/／、][ \t]{0,2}")
CJK_GLUED_AGENCY_RE = lazy_regex(
    r"(?<=[。！？」』”])[ \t]{0,2}[（(][ \t]{0,2}"
    r"(?P<agency>[^（）()\n]{1,16}?)[ \t]{0,2}[）)][ \t]{0,2}$"
)
# An editor's initials beside an agency in a German credit ("dpa/sk"): lower case, 2-4.
EDITOR_INITIALS_RE = lazy_regex(r"\p{Ll}{2,4}")
# The same credit after a sentence in a script with spaces ("… ernst genommen. (dpa)", "…
# söylemişti. (AA)", "… said. (Reuters)"): a sentence's end, a space or none, the bracket
# closing the text. Bounded.
GLUED_AGENCY_RE = lazy_regex(
    r"(?<=[.!?…][\"'”’»]{0,2})[ \t]{0,2}\([ \t]{0,2}"
    r"(?P<agency>[^()\n]{1,24}?)[ \t]{0,2}\)[ \t]{0,2}$"
)

# A CJK outlet's name: Han, kana or Latin letters (2-16) ending with what outlets call
# themselves ("新华网", "聯合報", "朝日新聞デジタル", "中央社", "NHKニュース"). Bounded.
CJK_OUTLET_NAME_RE = lazy_regex(
    r"[\p{Han}\p{Hiragana}\p{Katakana}A-Za-z]{1,14}"
    r"(?:[網网報报社台]|新聞|新闻|日報|日报|通信|デジタル|ニュース|新聞社|電視台|电视台|週刊|周刊)"
)

# A name and how to reach the person, alone on a line ("Jane Roe, jroe@example.com",
# "Jane Roe | @janeroe", "Jane Roe (jroe@example.com)"). Anchored and bounded.
NAME_CONTACT_RE = lazy_regex(
    r"^(?P<names>[^\n,|()@/–—]{3,60}?)[ \t]{0,2}(?:[,|/–—(]|[ \t]-)[ \t]{0,2}"
    r"(?P<contact>[\w.+\-]{1,40}@[\w\-]{1,40}(?:\.[\w\-]{1,20}){1,4}|@\w{2,30})\)?[ \t.]{0,2}"
)
# A person and their job alone on a line ("Jane Roe, Senior Reporter", "Anna Roe,
# Redakteurin", "Jane Roe — Political Correspondent"): two or three name words, a comma or a
# dash between spaces, one to four words. Anchored, bounded.
NAME_ROLE_RE = lazy_regex(
    r"^(?P<names>[^\s,]{1,30}(?:[ \t][^\s,]{1,30}){1,2})(?:,[ \t]{1,2}|[ \t]{1,2}[-–—][ \t]{1,2})"
    r"(?P<role>[^\s,]{1,30}(?:[ \t][^\s,]{1,30}){0,3})"
)
# A signature on a line of its own after the text ("— Jane Roe"). Bounded.
SIGNED_RE = lazy_regex(r"^[—–][ \t]{0,2}(?P<names>[^\n—–]{3,60}?)[ \t.]{0,2}")
# A Chinese or Japanese reporter credit without a colon ("本报记者 王小明", "記者 王小明、李大同"),
# in brackets on a line of its own ("（记者 王小明）"), or after the outlet whose reporter it is
# ("新华社记者 王小明": a name ending in 社, 台, 报, 网, 新闻 or 通信). Bounded.
REPORTER_SPACED_RE = lazy_regex(
    r"^(?P<open>[（(〔［\[])?[ \t]{0,2}(?:本[报報]|特[约約]|[实實][习習]"
    r"|(?P<outlet>\p{Han}{1,8}?(?:社|台|[报報]|[网網]|新[闻聞]|通信)))?[記记]者[ \t\u3000]{1,2}"
    r"(?P<names>\p{Han}{2,4}(?:[、，, \t]{1,2}\p{Han}{2,4}){0,4})[ \t]{0,2}"
    r"(?(open)[）)〕］\]])"
)

# "報導" closing a Chinese reporter credit ("記者 王小明 報導"): cut before the names are read.
REPORTED_END_RE = lazy_regex(r"[ \t]{0,2}(?:[報报]導|[報报]道)$")


@attrs.frozen
class MetaLine:
    """What a meta line states."""

    authors: tuple[str, ...] = ()
    source: str | None = None
    published: dt.date | None = None


def fold_label(text: str) -> str:
    """A label as the table keys it: casefolded, with Turkish dotless and dotted i folded to
    "i". The label pattern matches case-insensitively, so "YAYINLANMA" matches the label
    "yayınlanma", whose casefold keeps its "ı"; both must find the same key.

    >>> fold_label("YAYINLANMA") == fold_label("yayınlanma") == fold_label("Yayınlanma")
    True
    >>> fold_label("İlk yayın")
    'ilk yayin'
    """
    return text.casefold().replace("ı", "i").replace("\u0307", "")


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Every label a part may open with, casefolded, to the field it names."""
    lex = lexicon()
    out: dict[str, str] = {}
    for key, field in lex.header_keys.items():
        if field in ("authors", "published", "source"):
            out[key] = field
    for words, field in (
        (lex.cjk_byline_labels, "authors"),
        (lex.date_labels | lex.byline_date_labels, "published"),
        (lex.byline_source_labels, "source"),
        (EDITOR_LABELS, "editor"),
        (PHOTO_LABELS, "editor"),
    ):
        for w in words:
            out.setdefault(w.casefold(), field)
    return out


@functools.lru_cache(maxsize=1)
def _folded_labels() -> dict[str, str]:
    """:func:`_labels` keyed by :func:`fold_label`: what a match of :func:`_label_re` is
    looked up by, whatever case it was written in."""
    return {fold_label(label): field for label, field in _labels().items()}


@functools.lru_cache(maxsize=1)
def _label_re() -> regex.Pattern[str]:
    # A label and its colon (or, after a CJK label, a slash: "文／X 攝影／Y"); longest first,
    # so that "資料來源" wins over "來源". Bounded.
    labels = sorted(_labels(), key=len, reverse=True)
    alternation = "|".join(regex.escape(w) for w in labels)
    return regex.compile(
        rf"(?i)(?P<label>{alternation})[ \t]{{0,2}}"
        r"(?:[:：]|(?<=[^\x00-\x7f][ \t]{0,2})[／/])[ \t]{0,2}"
    )


#: What a label's match ends with (before at most two spaces or tabs).
_LABEL_ENDS = ":：／/"


@functools.lru_cache(maxsize=1)
def _longest_label() -> int:
    return max(map(len, _labels()))


def _label_span(line: str) -> tuple[int, int]:
    """Where in ``line`` :func:`_label_re` can match: from the longest label and two spaces
    before its first colon or slash, to two spaces after its last one.

    Each match is a label, up to two spaces or tabs, a colon or a slash and up to two more
    spaces or tabs, and the pattern (version 0, without full case folding) matches a label
    character for character. It tries its hundred-odd labels at every position it scans,
    about a microsecond a position: scanning only the span, about half of a short line, finds
    the same matches at half the cost.

    >>> _label_span("Jane Roe and Jo Lee | Source: Harbour Times")[1]
    31
    """
    first = min(i for i in map(line.find, _LABEL_ENDS) if i >= 0)
    last = max(map(line.rfind, _LABEL_ENDS))
    return max(0, first - _longest_label() - 2), min(len(line), last + 3)


def read_labelled_parts(text: str) -> MetaLine | None:
    """A line of two or more parts, each a label and its value, the first possibly a bare
    stamp; ``None`` unless every part reads as its field.

    >>> read_labelled_parts("2023-08-22 18:58 來源：聯合報 作者：王小明")
    MetaLine(authors=('王小明',), source='聯合報', published=datetime.datetime(2023, 8, 22, 18, 58))
    >>> read_labelled_parts("發布時間：2023/08/22 | 來源：港口日報").source
    '港口日報'
    >>> read_labelled_parts("Author: Jane Roe | Published: 21 March 2023").authors
    ('Jane Roe',)
    >>> read_labelled_parts("文／王小明　攝影／李大同").authors
    ('王小明',)
    >>> read_labelled_parts("来源：新华网 作者：王小明 2024-05-06 14:30")
    MetaLine(authors=('王小明',), source='新华网', published=datetime.datetime(2024, 5, 6, 14, 30))

    A label inside prose, or a part that is not its field, makes no meta line:

    >>> read_labelled_parts("來源：聯合報") is None  # one part: a credit's reader takes it
    True
    >>> read_labelled_parts("他說：政府的來源：不明確") is None
    True
    """
    line = text.strip()
    if not 6 <= len(line) <= MAX_META_CHARS or not any(c in line for c in _LABEL_ENDS):
        return None
    marks = []
    for m in _label_re().finditer(line, *_label_span(line)):
        start = m.start()
        if start and line[start - 1].isalpha() and line[start].isascii():
            continue  # a Latin label inside a word ("Datasource:")
        marks.append(m)
    if not marks:
        return None
    head = line[: marks[0].start()].strip(PART_SEP)
    published = parse_date(head) if head else None
    if head and published is None:
        return None
    # a bare stamp closing the line, after the last value ("来源：新华网 作者：王小明
    # 2024-05-06 14:30"): a part of its own
    tail = TRAILING_STAMP_RE.search(line, marks[-1].end())
    tail_date = parse_date(tail["stamp"]) if tail is not None else None
    end_of_values = tail.start() if tail is not None and tail_date is not None else len(line)
    if len(marks) + bool(head) + (end_of_values < len(line)) < 2:
        return None
    labels = _folded_labels()
    authors: list[str] = []
    source: str | None = None
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else end_of_values
        value = line[m.end() : end].strip(PART_SEP)
        field = labels.get(fold_label(m["label"]))
        if not value or field is None:
            return None
        if field == "published":
            date = parse_date(value)
            if date is None:
                return None
            published = published or date
        elif field == "source":
            if source is not None or len(value) > MAX_SOURCE_CHARS or URL_RE.search(value):
                return None
            source = value
        elif field == "authors":
            credit = value
            value = regex.sub(r"^(?:[記记]者|reporter)[ \t]{0,2}", "", value, flags=regex.I)
            cjk = any("\u3040" <= ch <= "\u9fff" for ch in value)  # kana and Han
            names = credit_names(value, credit) if cjk else split_names(value)
            if names is None:
                return None
            authors.extend(names)
    return MetaLine(tuple(dict.fromkeys(authors)), source, published or tail_date)


def read_posted_by(text: str) -> MetaLine | None:
    """A blog's "Posted on <date> by <name>" line; the date may be missing, the name may be a
    user name.

    >>> read_posted_by("Posted on March 21, 2023 by Jane Roe")
    MetaLine(authors=('Jane Roe',), source=None, published=datetime.date(2023, 3, 21))
    >>> read_posted_by("Posted on by harbourwatch").authors
    ('harbourwatch',)
    >>> read_posted_by("Veröffentlicht am 21.03.2023 von Anna Müller").authors
    ('Anna Müller',)
    >>> read_posted_by("Posted on Facebook by the harbour council") is None
    True
    """
    line = text.strip()
    if len(line) > MAX_META_CHARS:
        return None
    m = POSTED_BY_RE.match(line)
    if m is None:
        return None
    middle = m["date"].strip(" \t,|")
    published = parse_date(middle) if middle else None
    if middle and published is None:
        return None
    value = m["names"].strip(" \t.|")
    names = split_names(value)
    if names is None and HANDLE_RE.fullmatch(value):
        names = (value,)
    if names is None:
        return None
    return MetaLine(names, None, published)


def read_glued_agency(text: str) -> tuple[int, str] | None:
    """A known agency in brackets glued after a CJK paragraph's last sentence: ``(cut, agency)``.

    >>> read_glued_agency("台風は東部に上陸し、道路が寸断された。（共同）")
    (19, '共同')
    >>> read_glued_agency("他说会议将在下周举行。（李大同）") is None  # a name, not an agency
    True

    A joint credit names the agency whose copy another carries first ("（ロイター＝共同）",
    "（ＡＦＰ＝時事）", full-width letters folded): the first is the source.

    >>> read_glued_agency("道路が寸断された。（ＡＦＰ＝時事）")
    (9, 'ＡＦＰ')

    In a script with spaces the credit follows a sentence's end ("… said. (Reuters)",
    "… genommen. (dpa)"); "(AP)" inside a sentence or closing one without a stop is none.

    >>> read_glued_agency("The port stays shut, officials said. (Reuters)")
    (36, 'Reuters')
    >>> read_glued_agency("The port was closed by the agency (AP)") is None
    True
    >>> read_glued_agency("Der Hafen bleibt zu, hieß es. (dpa/sk)")
    (29, 'dpa')
    """
    if not text.rstrip().endswith((")", "）")):
        return None
    m = CJK_GLUED_AGENCY_RE.search(text, max(len(text) - 30, 0))
    latin = m is None
    if m is None:
        m = GLUED_AGENCY_RE.search(text, max(len(text) - 40, 0))
    if m is None or m.start() == 0:
        return None
    lex = lexicon()
    parts = [p.strip() for p in JOINT_CREDIT_RE.split(m["agency"].strip())]
    if len(parts) > 1 and latin:
        # an editor's initials beside the agency in a German credit ("(dpa/sk)", "(mk/dpa)")
        parts = [p for p in parts if p in lex.agencies or not EDITOR_INITIALS_RE.fullmatch(p)]
    if not parts or not all(
        unicodedata.normalize("NFKC", p).casefold() in lex.agencies for p in parts
    ):
        return None
    return m.start(), lex.canonical.get(parts[0].casefold(), parts[0])


def prose_credited(text: str) -> bool:
    """A paragraph of running text, an agency's credit glued after its last sentence or none
    ("… said. (Reuters)" reads as prose without its credit).

    >>> prose_credited("The port stays shut for repairs after the storm, officials said. (AP)")
    True
    >>> prose_credited("Storm closes port (AP)")
    False
    """
    from copydesk.extract.title import reads_as_prose

    if reads_as_prose(text):
        return True
    glued = read_glued_agency(text) if text.rstrip().endswith((")", "）")) else None
    return glued is not None and reads_as_prose(text[: glued[0]])


def read_stamp_outlet(text: str) -> MetaLine | None:
    """A CJK stamp and an outlet's name on one line, without labels ("2023年03月21日 15:41
    新华网", "朝日新聞 2023/3/21 15:41"): the outlet must read as one (a known agency, or a name
    ending as outlets' names do).

    >>> read_stamp_outlet("2023年03月21日 15:41 港口网")
    MetaLine(authors=(), source='港口网', published=datetime.datetime(2023, 3, 21, 15, 41))
    >>> read_stamp_outlet("港口新聞 2023/3/21 15:41").source
    '港口新聞'
    >>> read_stamp_outlet("2023年03月21日 15:41 北京") is None  # a place, not an outlet
    True
    """
    line = text.strip()
    if not 8 <= len(line) <= MAX_META_CHARS or line.isascii():
        return None
    parts = line.split()
    if len(parts) < 2:
        return None
    agencies = lexicon().agencies
    for stamp, outlet in ((" ".join(parts[:-1]), parts[-1]), (" ".join(parts[1:]), parts[0])):
        outlet = outlet.strip("|｜丨·•")
        if outlet.isascii() or not (
            outlet.casefold() in agencies or CJK_OUTLET_NAME_RE.fullmatch(outlet)
        ):
            continue
        date = parse_date(stamp.strip(PART_SEP))
        if date is not None:
            return MetaLine((), outlet, date)
    return None


def _is_role(text: str) -> bool:
    """A job title ("Senior Reporter", "Redakteurin"): a word of the lexicon's bio roles."""
    words = {w.strip(".,").casefold() for w in text.split()}
    return bool(words & lexicon().bio_roles)


def read_signed(text: str) -> MetaLine | None:
    """A person named with a way to reach them ("Jane Roe, jroe@example.com"), a signature
    after a dash ("— Jane Roe", "— Jane Roe, Harbour Times" with the outlet), or a Chinese
    reporter credit without a colon ("本报记者 王小明"), alone on a line.

    >>> read_signed("Jane Roe, jroe@example.com").authors, read_signed("— Jo Lee").authors
    (('Jane Roe',), ('Jo Lee',))
    >>> read_signed("本报记者 王小明").authors, read_signed("記者 王小明 報導").authors
    (('王小明',), ('王小明',))
    >>> read_signed("新华社记者 王小明"), read_signed("（记者 王小明）").authors
    (MetaLine(authors=('王小明',), source='新华社', published=None), ('王小明',))
    >>> read_signed("Jane Roe, Senior Reporter").authors
    ('Jane Roe',)
    >>> read_signed("Jane Roe — Political Correspondent").authors
    ('Jane Roe',)
    >>> read_signed("Port Closes — Harbour Board Says") is None  # no job
    True
    >>> read_signed("— Jo Lee, Harbour Times")
    MetaLine(authors=('Jo Lee',), source='Harbour Times', published=None)
    >>> read_signed("— and then the port closed.") is None
    True
    >>> read_signed("Harbour Times, news desk") is None  # no person
    True
    """
    line = text.strip()
    if not 4 <= len(line) <= MAX_META_CHARS:
        return None
    names: tuple[str, ...] | None = None
    # Each pattern is tried only on a line holding what every match of it holds (an "@", a
    # comma, an opening dash, "者"): a test of a character instead of a regex call, and none
    # of the patterns on most lines.
    if "@" in line and (m := NAME_CONTACT_RE.fullmatch(line)) is not None:
        names = split_names(m["names"].strip())
    elif (
        ("," in line or " - " in line or "–" in line or "—" in line[1:])
        and (m := NAME_ROLE_RE.fullmatch(line)) is not None
        and _is_role(m["role"])
        and m["names"].split()[0].casefold() not in lexicon().byline_prefixes  # "By X, …"
    ):
        names = split_names(m["names"])
        names = names if names is not None and len(names) == 1 else None
    elif line[0] in "—–" and (m := SIGNED_RE.fullmatch(line)) is not None:
        value = m["names"].strip()
        head, comma, outlet = value.rpartition(",")
        if comma and is_outlet(outlet.strip()) and len(head.split()) <= 8:
            signed = split_names(head.strip())  # "— Jane Roe, Harbour Times"
            return None if signed is None else MetaLine(signed, outlet.strip())
        names = split_names(value) if len(value.split()) <= 4 else None
    elif "者" in line and (m := REPORTER_SPACED_RE.fullmatch(REPORTED_END_RE.sub("", line))):
        names = credit_names(m["names"], line)
        if names is not None and m["outlet"]:
            return MetaLine(names, m["outlet"])  # "新华社记者 王小明": the agency's reporter
    return None if names is None else MetaLine(names)

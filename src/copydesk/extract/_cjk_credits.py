"""Chinese credit lines: byline labels ("文／王小明", "文｜《中国科学报》记者 孙滔"), a reporter
credit in brackets opening the lede ("〔記者王小明／台北報導〕…") or closing the last paragraph
("…。（记者 杨湛菲）"), and an outlet in title brackets or corner quotes. Used by
``extract.attribution``."""

from __future__ import annotations

import functools

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import split_names

__all__ = [
    "CJK_OPENING_RE",
    "CJK_QUOTED_RE",
    "cjk_names",
    "credit_names",
    "is_label_outlet",
    "ja_names",
    "read_cjk_repost",
    "read_desk_credit",
    "read_glued_reporter",
    "read_ja_place_opening",
    "read_ja_sign_off",
    "read_label_byline",
    "read_reporter_line",
]

# A Chinese byline label and its value: "文／王小明", "圖、文：王小明", "作者：X",
# "文｜《中国科学报》记者 孙滔". The labels are the lexicon's; bounded value.
CJK_LABEL_PATTERN = r"(?:{labels})[ \t]{{0,2}}[：:／/｜|＝=][ \t]{{0,2}}(?P<rest>[^\n]{{1,60}})"
# An outlet in Chinese title brackets or corner quotes ("《中国科学报》", "「端傳媒」").
CJK_QUOTED_RE = lazy_regex(r"[《「『“〈](?P<name>[^《》「」『』“”〈〉\n]{1,40})[》」』”〉]")
# A reporter's rank before "記者": senior, intern, contract, trainee, local, chief, the paper's
# own ("資深記者", "實習記者", "特約記者", "見習記者", "駐地記者", "首席記者", "本報記者").
REPORTER_RANK = r"(?:[資资]深|[實实][習习]|特[約约]|[見见][習习]|[駐驻]地|首席|本[報报])?"
# A reporter credit in brackets opening a paragraph ("〔記者王小明／台北報導〕今天…",
# "（記者王小明、李大同/台北報導）", or after a wire dateline cut before it, "（记者张三）"),
# the reporter's rank before "記者" ("〔資深記者王小明／台北報導〕"): names of 2-4 Han
# characters, then a place of 1-8 and "報導" when stated. Bounded.
CJK_OPENING_RE = lazy_regex(
    r"(?:本[报報刊台网網][讯訊])?[〔［\[【（(][ \t]{0,2}"
    + REPORTER_RANK
    + r"[記记]者[ \t／/：:]{0,2}"
    r"(?P<names>\p{Han}{2,4}(?:[、，, ][ \t]{0,2}\p{Han}{2,4}){0,4})"
    r"(?:[ \t]{0,2}[／/][ \t]{0,2}\p{Han}{1,8}(?:[報报][導导道]|[電电]))?"
    r"[ \t]{0,2}[〕］\]】）)][ \t]{0,2}"
)
# A Japanese dateline credit opening the lede or alone on a line: the place, "＝", the
# reporters ("【ワシントン＝山田太郎】…", "（ロンドン＝山田 太郎、鈴木花子）"). Bounded.
JA_PLACE_RE = lazy_regex(
    r"[【（(〔][ \t]{0,2}[\p{Han}\p{Katakana}ー・]{1,12}[＝=][ \t]{0,2}"
    r"(?P<names>\p{Han}{2,5}(?:[ \t　]\p{Han}{1,3})?"
    r"(?:[、，,][ \t]{0,2}\p{Han}{2,5}(?:[ \t　]\p{Han}{1,3})?){0,3})[ \t]{0,2}[】）)〕][ \t]{0,2}"
)
# A reporter line of its own: an outlet or "本报" before "记者", the names, and the place
# the report is from ("记者王小明／台北报导", "本报记者 王小明 李大同", "新华社记者王小明、李大同");
# or a Japanese name before "記者" ("山田太郎記者", "山田 太郎 記者"). Bounded; matched whole
# on a short line.
REPORTER_LINE_RE = lazy_regex(
    r"(?:(?P<outlet>\p{Han}{1,8}(?:社|[报報]|网|網|台))|本[报報刊台网網])?[記记]者"
    r"(?P<sep>[ \t：:／/]{0,2})"
    r"(?P<names>\p{Han}{2,4}(?:[、，, \t]{1,2}\p{Han}{2,4}){0,4})"
    r"(?P<place>[ \t]{0,2}[／/][ \t]{0,2}\p{Han}{1,8}(?:[報报][導导道]|[電电]))?"
    r"|(?P<ja>\p{Han}{2,5}(?:[ \t　]\p{Han}{1,3})?)[ \t]{0,2}記者"
)
# A wire agency's dateline credit naming its reporters: the agency, "記者", the names, then
# the place glued to the last name and the day ("中央社記者陳志明東京14日專電", "新华社记者
# 王小明北京7月14日电", in brackets or not). The last name is tried at three characters, the
# commonest, then two, then four; the place keeps two at least. Bounded.
WIRE_REPORTER_RE = lazy_regex(
    r"[（(]?[ \t]{0,2}(?P<outlet>\p{Han}{1,6}社)[記记]者[ \t]{0,2}"
    r"(?P<names>(?:\p{Han}{2,4}[、，][ \t]{0,2}){0,4}(?:\p{Han}{3}|\p{Han}{2}|\p{Han}{4}))"
    r"[ \t]{0,2}(?P<place>\p{Han}{2,8}?)[ \t]{0,2}(?:\d{1,2}月)?\d{1,2}日[專专]?[電电]"
    r"[ \t]{0,2}[）)]?"
)
#: The longest reporter line read by :func:`read_reporter_line`.
REPORTER_LINE_CHARS = 40
# A reporter credit glued after a paragraph's last sentence (Xinhua's "…线索。（记者 杨湛菲）").
# Bounded.
CJK_GLUED_RE = lazy_regex(
    r"(?<=[。！？”』」.!?])[ \t]{0,2}[（(][ \t]{0,2}[記记]者[ \t／/：:]{0,2}"
    r"(?P<names>\p{Han}{2,4}(?:[、，,  \t]{1,2}\p{Han}{2,4}){0,4})[ \t]{0,2}[）)][ \t]{0,2}$"
)
# A Japanese reporter credit closing the last paragraph: "…した。（ロンドン＝山田太郎）", the
# desk or the job before "・" ("（経済部・山田太郎）", "（編集委員・山田太郎）"), or the names
# alone in brackets, "…した。（山田太郎、鈴木花子）" (a Japanese paper's sign-off). Bounded.
JA_GLUED_RE = lazy_regex(
    r"(?<=[。！？」』])[ \t]{0,2}[（(](?:(?P<place>[\p{Han}\p{Katakana}ー・]{1,12})[＝=]"
    r"|(?P<role>[\p{Han}\p{Katakana}ー]{0,10}(?:部|委員|記者|支局|総局|特派員|局|班))・)?"
    r"(?P<names>\p{Han}{2,5}(?:[ \t　]\p{Han}{1,3})?"
    r"(?:[、，,][ \t]{0,2}\p{Han}{2,5}(?:[ \t　]\p{Han}{1,3})?){0,3})"
    r"[）)][ \t]{0,2}$"
)
# A Chinese repost credit naming the outlet without quotes: "本文转载自港口日报",
# "（转自：海岸新闻）", "文章轉載自端傳媒。", or a repost notice opening with "声明：" and going on
# with the rights ("声明：本文转载自港口日报，版权归原作者所有，如有侵权请联系删除。"). The outlet
# is one word of Han, Latin letters or digits, bounded; a quoted outlet is read from the
# lexicon's republication words instead. Bounded notice.
CJK_REPOST_RE = lazy_regex(
    r"[（(]?[ \t]{0,2}(?:[声聲]明[：:][ \t]{0,2})?(?:本文|文章|本篇)?(?:[转轉][载載]|[转轉])自"
    r"[ \t]{0,2}[：:]?[ \t]{0,2}(?P<name>[\p{Han}A-Za-z0-9·]{2,20})[ \t]{0,2}[）)]?"
    r"(?:[，,；;][^\n]{1,80}?)?[。.]?"
)
# The writer after "文・" (Japanese "text by", "文・山田太郎"): one name of three to five Han,
# or two parts split by a space; two Han after the dot are a heading ("文・芸術", "Arts").
JA_DOT_WRITER_RE = lazy_regex(r"\p{Han}{3,5}|\p{Han}{1,3}[ \t　]\p{Han}{1,3}")
# Kana: the text is Japanese.
KANA_RE = lazy_regex(r"[\p{Hiragana}\p{Katakana}]")
#: Endings of an office's, a party's, a bank's, a school's, a place's or an outlet's name,
#: which no person's name has: "（気象庁）", "（自民党）", "（横浜市）", "（時事通信）" close a
#: paragraph as a credit or a note, not a reporter's sign-off.
NOT_NAME_ENDINGS = (
    "省", "庁", "局", "党", "府", "県", "都", "道", "市", "町", "村", "区", "銀行", "大学",
    "学院", "病院", "会", "社", "所", "署", "団", "部", "課", "軍", "院", "校", "館", "通信",
    "新聞", "放送", "報", "港", "駅", "島", "州",
)  # fmt: skip
# Words of a closing note in brackets that is no name ("（完）", "（未完待续）", "（本文完）").
NOT_NAME_CHARS = frozenset("完续續待終终略続")
# One part of a Japanese name written with a space ("山田", "健"), and the most characters
# such a name has in all.
SPACED_PART_RE = lazy_regex(r"\p{Han}{1,3}")
SPACED_NAME_CHARS = 5
# The simplified form of "記" (in "记者", reporter): only Chinese is written with it.
SIMPLIFIED_REPORTER = "记"
# Names in a Chinese credit: Han runs of 2-4 characters split at "、", "，" or spaces.
CJK_NAME_RE = lazy_regex(r"\p{Han}{2,4}")
#: Endings of an outlet's name a credit label's value may have besides the lexicon's
#: ([reported] cjk_suffixes: "新聞", "日報", "網", "社"…): "聯合報", "民視電台", "今周刊" is in
#: the lexicon already. Two Han or more stand before the ending.
LABEL_OUTLET_ENDINGS = (
    "報", "报", "台", "雜誌", "杂志", "傳媒", "传媒", "媒體", "媒体", "新聞雲", "新闻云",
)  # fmt: skip
# An outlet's name in Latin letters after a credit label: one word holding two capitals or
# more ("CTWANT", "ETtoday", "NOWnews"); a person's name has a space ("Jane Roe") or one
# capital ("Jane"). Bounded.
LABEL_BRAND_RE = lazy_regex(r"(?=(?:[^A-Z]{0,20}[A-Z]){2})[A-Za-z][A-Za-z0-9&.\-]{1,20}")
# A desk's credit: the desk ("財經中心", "國際中心", "生活中心"), a slash, then a composite
# report ("綜合報導": the desk compiled it, the credit is the source) or a reporter's name and
# "報導" ("生活中心／柯美儀報導": the author). Bounded.
DESK_CREDIT_RE = lazy_regex(
    r"(?P<desk>\p{Han}{1,6}(?:中心|新聞部|新闻部|編譯組|编译组))[ \t]{0,2}[／/][ \t]{0,2}"
    r"(?:(?P<composite>[綜综]合(?:[報报][導导道]|[外編编]電|整理))"
    r"|(?P<names>\p{Han}{2,4}(?:[、，,]\p{Han}{2,4}){0,4})[ \t]{0,2}[報报][導导道])"
)


@functools.lru_cache(maxsize=1)
def _label_re() -> regex.Pattern[str]:
    labels = sorted(lexicon().cjk_byline_labels, key=len, reverse=True)
    return regex.compile(CJK_LABEL_PATTERN.format(labels="|".join(map(regex.escape, labels))))


def credit_names(names: str, credit: str) -> tuple[str, ...] | None:
    """:func:`cjk_names` of the ``names`` a reporter ``credit`` gives; a credit written in
    simplified Chinese ("记者", not "記者") is a mainland page's, whose names apart are two
    Chinese persons, never one Japanese name with a space.

    >>> credit_names("王小明 李芳", "（记者 王小明 李芳）")
    ('王小明', '李芳')
    >>> credit_names("山田 太郎", "（記者 山田 太郎）")
    ('山田 太郎',)
    """
    return cjk_names(names, chinese=SIMPLIFIED_REPORTER in credit)


def cjk_names(text: str, *, chinese: bool = False) -> tuple[str, ...] | None:
    """Names in a Chinese or Japanese credit value: Han names (2-4 characters), one name
    written with a space between family and given names ("山田 太郎", five characters at most:
    two Chinese names are six), or Latin names. A news agency's name is no person's: in
    "（ロイター＝共同）" Kyodo carries Reuters' copy, where "（ロンドン＝山田太郎）" names the
    reporter. In a credit known to be Chinese (``chinese``), names apart are two persons:
    "王小明 李芳" is no Japanese name.

    >>> cjk_names("山田 太郎"), cjk_names("杨湛菲 李大同"), cjk_names("王小明、李大同")
    (('山田 太郎',), ('杨湛菲', '李大同'), ('王小明', '李大同'))
    >>> cjk_names("共同"), cjk_names("時事"), cjk_names("新华社")
    (None, None, None)
    >>> cjk_names("王小明 李芳"), cjk_names("王小明 李芳", chinese=True)
    (('王小明 李芳',), ('王小明', '李芳'))
    >>> cjk_names("王小明 通讯员 李芳", chinese=True)  # a role between the names
    ('王小明', '李芳')
    """
    text = text.strip(" \t。.")
    if not text:
        return None
    if text.isascii():
        return split_names(text)
    spaced = text.split()
    if (
        not chinese
        and len(spaced) == 2
        and all(SPACED_PART_RE.fullmatch(p) for p in spaced)
        and len(spaced[0]) + len(spaced[1]) <= SPACED_NAME_CHARS
    ):
        return (" ".join(spaced),)  # a Japanese name, family and given apart: "山田 太郎"
    roles = lexicon().cjk_credit_roles
    parts = [p for p in regex.split(r"[、，,\s]+", text) if p and p not in roles]
    if not parts or len(parts) > 5 or not all(CJK_NAME_RE.fullmatch(p) for p in parts):
        return None
    if any(p in lexicon().agencies for p in parts):
        return None
    return tuple(dict.fromkeys(parts))


def read_label_byline(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """A Chinese byline line: "文／王小明", "圖、文：王小明", "作者：X",
    "文｜《中国科学报》记者 孙滔"; in Japanese, "文・山田太郎".

    >>> read_label_byline("圖、文：王小明")
    (('王小明',), None)
    >>> read_label_byline("文｜《中国科学报》记者 孙滔")
    (('孙滔',), '中国科学报')
    >>> read_label_byline("（文＝山田太郎）")
    (('山田太郎',), None)
    >>> read_label_byline("文・山田太郎"), read_label_byline("文・芸術")  # a heading "Arts"
    ((('山田太郎',), None), None)
    >>> read_label_byline("文化部：今年預算增加") is None
    True
    >>> read_label_byline("圖、文／CTWANT"), read_label_byline("文／永續新聞網")
    (((), 'CTWANT'), ((), '永續新聞網'))
    """
    line = text.strip()
    if len(line) > 70 or line.isascii():
        return None
    if line[:1] in "（(【" and line[-1:] in "）)】":
        line = line[1:-1].strip()  # a credit in brackets on its own line: "（文＝山田太郎）"
    if line.startswith("文・") and JA_DOT_WRITER_RE.fullmatch(line[2:]):
        line = "文／" + line[2:]  # Japanese "文・山田太郎": the writer after a middle dot
    m = _label_re().fullmatch(line)
    if m is None:
        return None
    rest = m["rest"].strip()
    source = None
    quoted = CJK_QUOTED_RE.match(rest)
    if quoted is not None:
        source = quoted["name"]
        rest = rest[quoted.end() :].strip()
    if source is None and rest and is_label_outlet(rest):
        return (), rest  # "圖、文／CTWANT", "文／永續新聞網": the outlet wrote the story
    rest = regex.sub(r"^(?:[記记]者|特約記者|特约记者|實習記者|实习记者)", "", rest).strip()
    names = cjk_names(rest)
    if names is None:
        return None
    return names, source


def is_label_outlet(value: str) -> bool:
    """True when a credit label's value names an outlet, not a person: a Han name ending as
    an outlet's does ("永續新聞網", "聯合報"; two Han or more before the ending), or one Latin
    word of two capitals or more ("CTWANT"). A person's name of two to four Han ("王小明")
    or in Latin words ("Jane Roe") is none.

    >>> is_label_outlet("永續新聞網"), is_label_outlet("CTWANT"), is_label_outlet("聯合報")
    (True, True, True)
    >>> is_label_outlet("王小明"), is_label_outlet("Jane Roe"), is_label_outlet("Jane")
    (False, False, False)
    """
    value = value.strip(" \t。.")
    if value.isascii():
        return LABEL_BRAND_RE.fullmatch(value) is not None
    if not regex.fullmatch(r"[\p{Han}A-Za-z0-9]{3,16}", value):
        return False
    endings = (*lexicon().outlet_suffixes, *LABEL_OUTLET_ENDINGS)
    return any(value.endswith(end) and len(value) >= len(end) + 2 for end in endings)


def read_desk_credit(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """A desk's credit line: ``(names, source)``. A composite report names the desk's credit
    as the source ("財經中心／綜合報導"); a reporter's report names the reporter.

    >>> read_desk_credit("財經中心／綜合報導"), read_desk_credit("生活中心／柯美儀報導")
    (((), '財經中心／綜合報導'), (('柯美儀',), None))
    >>> read_desk_credit("研究中心／今年預算增加") is None
    True
    """
    line = text.strip()
    if line[:1] in "（(【" and line[-1:] in "）)】":
        line = line[1:-1].strip()
    m = DESK_CREDIT_RE.fullmatch(line)
    if m is None:
        return None
    if m["composite"] is not None:
        return (), line
    names = cjk_names(m["names"])
    return None if names is None else (names, None)


def read_glued_reporter(text: str) -> tuple[int, tuple[str, ...]] | None:
    """A reporter credit glued after a paragraph's last sentence: ``(cut, names)``.

    >>> read_glued_reporter("欢迎广大网民积极投诉举报。（记者 杨湛菲）")
    (13, ('杨湛菲',))
    >>> read_glued_reporter("线索。(记者/张佳欣)")
    (3, ('张佳欣',))
    >>> read_glued_reporter("他说（记者 杨湛菲）还在路上") is None
    True
    """
    if len(text) < 8 or not text.rstrip().endswith((")", "）")):
        return None
    m = CJK_GLUED_RE.search(text, max(len(text) - 40, 0))
    if m is None:
        return None
    names = credit_names(m["names"], m.group())
    return None if names is None else (m.start(), names)


def read_cjk_repost(text: str) -> str | None:
    """The outlet a Chinese repost credit names without quotes, or ``None``.

    >>> read_cjk_repost("本文转载自港口日报"), read_cjk_repost("（转自：海岸新闻）")
    ('港口日报', '海岸新闻')
    >>> read_cjk_repost("声明：本文转载自港口日报，版权归原作者所有，如有侵权请联系删除。")
    '港口日报'
    >>> read_cjk_repost("他转自己的钱给港口日报。") is None  # a sentence, no credit
    True
    """
    m = CJK_REPOST_RE.fullmatch(text.strip())
    return None if m is None else m["name"]


def ja_names(text: str) -> tuple[str, ...] | None:
    """The names of a Japanese credit listed with "、", each read apart ("山田太郎、佐藤 一郎":
    a name may be written with a space between family and given names).

    >>> ja_names("山田太郎、佐藤 一郎"), ja_names("山田太郎、共同")
    (('山田太郎', '佐藤 一郎'), None)
    """
    read = [cjk_names(p) for p in regex.split(r"[、，,][ \t]{0,2}", text.replace("　", " "))]
    if any(r is None for r in read):
        return None
    return tuple(n for r in read if r is not None for n in r)


def read_ja_sign_off(text: str) -> tuple[int, tuple[str, ...]] | None:
    """A Japanese reporter's sign-off closing the paragraph: ``(cut, names)``. Without a
    place the name alone needs three characters or more in a Japanese paragraph (kana in
    it), and no closing note's character ("（完）", "（続く）").

    >>> read_ja_sign_off("港は閉鎖された。（ロンドン＝山田太郎）")
    (8, ('山田太郎',))
    >>> read_ja_sign_off("港は閉鎖された。（山田 太郎）")
    (8, ('山田 太郎',))
    >>> read_ja_sign_off("港は閉鎖された。（経済部・山田太郎）")
    (8, ('山田太郎',))
    >>> read_ja_sign_off("港は閉鎖された。（ロンドン＝山田太郎、鈴木花子）")
    (8, ('山田太郎', '鈴木花子'))
    >>> read_ja_sign_off("港は閉鎖された。（未完待続）"), read_ja_sign_off("港口关闭了。（王小明）")
    (None, None)
    >>> read_ja_sign_off("港は閉鎖された。（東京、大阪）") is None
    True
    >>> read_ja_sign_off("港は閉鎖された。（気象庁）"), read_ja_sign_off("港は閉鎖。（時事通信）")
    (None, None)
    """
    m = JA_GLUED_RE.search(text, max(len(text) - 40, 0))
    if m is None or not KANA_RE.search(text[: m.start()]):
        return None
    name = m["names"].replace("　", " ")
    parts = regex.split(r"[、，,][ \t]{0,2}", name)
    if (
        m["place"] is None
        and m["role"] is None
        and (
            # every name of three characters or more: "（東京、大阪）" lists places
            any(len(p.replace(" ", "")) < 3 for p in parts)
            or set(name) & NOT_NAME_CHARS
            or any(p.endswith(NOT_NAME_ENDINGS) for p in parts)
        )
    ):
        return None
    names = ja_names(name)
    return None if names is None else (m.start(), names)


def read_reporter_line(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """A reporter credit on a line of its own: ``(names, outlet)``.

    The names need a second sign that they are names: the place the report is from, an
    outlet or "本报" before "记者", a space or a slash after it, or (Japanese) the name before
    "記者"; a heading that merely opens with "记者" ("记者观察") is no credit.

    >>> read_reporter_line("记者王小明／台北报导")
    (('王小明',), None)
    >>> read_reporter_line("新华社记者 王小明、李大同")
    (('王小明', '李大同'), '新华社')
    >>> read_reporter_line("山田太郎記者"), read_reporter_line("【ロンドン＝山田 太郎】")
    ((('山田太郎',), None), (('山田 太郎',), None))
    >>> read_reporter_line("记者观察") is None, read_reporter_line("记者会见在北京举行") is None
    (True, True)
    >>> read_reporter_line("中央社記者陳志明東京14日專電")
    (('陳志明',), '中央社')
    """
    line = text.strip()
    if not 4 <= len(line) <= REPORTER_LINE_CHARS or line.isascii():
        return None
    place = JA_PLACE_RE.fullmatch(line)
    if place is not None:
        names = ja_names(place["names"])
        return None if names is None else (names, None)
    wire = WIRE_REPORTER_RE.fullmatch(line)
    if wire is not None:  # "中央社記者陳志明東京14日專電": the agency's reporter
        names = cjk_names(wire["names"], chinese=True)
        return None if names is None else (names, wire["outlet"])
    if line[:1] in "（(【〔" and line[-1:] in "）)】〕":
        line = line[1:-1].strip()
    m = REPORTER_LINE_RE.fullmatch(line)
    if m is None:
        return None
    if m["ja"] is not None:
        names = cjk_names(m["ja"].replace("　", " "))
        return None if names is None else (names, None)
    outlet = m["outlet"] if m["outlet"] and not m["outlet"].startswith("本") else None
    if not (m["place"] or outlet or line.startswith("本") or m["sep"]):
        return None
    names = credit_names(m["names"], line)
    return None if names is None else (names, outlet)


def read_ja_place_opening(text: str) -> tuple[int, tuple[str, ...]] | None:
    """A Japanese dateline credit opening a paragraph: ``(end, names)`` of the part to cut.

    >>> read_ja_place_opening("【ワシントン＝山田太郎】米政府は…")
    (12, ('山田太郎',))
    >>> read_ja_place_opening("【ロンドン＝山田太郎、鈴木花子】港は…")[1]
    ('山田太郎', '鈴木花子')
    >>> read_ja_place_opening("【速報】米政府は…") is None
    True
    """
    m = JA_PLACE_RE.match(text)
    if m is None or not text[m.end() :].strip():
        return None
    names = ja_names(m["names"])
    return None if names is None else (m.end(), names)

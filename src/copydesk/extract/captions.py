"""Photo captions and credits on lines of their own: ``… Photo: Courtesy of …``,
``… | Getty Images``, ``(Ty Wright/Getty Images)``, ``(Jo Lee/The Harbour Post)``,
``Featured image via …``, ``(圖／…)``, ``▲…（圖／…）`` (a triangle pointing at the photo); and a
caption with the next headline glued after its credit (``… | AP Photo Storm closes port``),
where the headline stays in the body."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from copydesk._lazy import lazy_regex
from copydesk.article import Caption
from copydesk.draft import Draft, Line
from copydesk.extract._lexicon import lexicon, norm_key
from copydesk.extract._meta_lines import read_glued_agency
from copydesk.extract._names import is_person, split_names
from copydesk.extract._window import last_credited_prose
from copydesk.extract.credits import read_source
from copydesk.extract.title import looks_like_prose
from copydesk.pipeline import step
from copydesk.rules.literals import fold

__all__ = ["Found", "caption", "read_caption", "read_found", "split_label"]

# "<text> Photo: <credit>" / "<text> (Foto: <credit>)" / "Ảnh: <credit>": a caption marker of
# the lexicon with a colon, then a short credit without brackets; "(Photo: X) <text>" has the
# credit first. Example: "Zhang Xiao Photo: Courtesy of Chinese Embassy". False positive: a
# sentence quoting a label ("the file was named Photo: ..."), rare; the credit must then still
# be short. Built at first use from the lexicon; every repeat is bounded.
MARKER_PATTERN = (
    r"(?P<text>.{{0,250}}?)[ \t]{{0,3}}[(\[]?[ \t]{{0,2}}"
    r"(?<!\p{{L}})(?P<marker>{markers})[ \t]{{0,2}}[:：]"
    r"[ \t]{{0,3}}(?P<credit>[^()\[\]\n]{{2,120}}?)[ \t]{{0,2}}[)\]]?[ \t]{{0,2}}\.?"
)
# "(Photo: <credit>) <text>": the credit first. A short label of page furniture may come
# before it ("Expand | Collapse (Photo: …) …"): up to 30 characters, no brackets and no
# sentence punctuation; it leaves the body with the caption.
LEADING_PATTERN = (
    r"(?:[^()\[\].!?\n]{{1,30}}?[ \t]{{1,3}})?"
    r"[(\[](?P<marker>{markers})[ \t]{{0,2}}[:：][ \t]{{0,3}}(?P<credit>[^()\[\]]{{2,120}})[)\]]"
    r"[ \t]{{1,3}}(?P<text>.{{2,250}})"
)

# "Photo: <text> (<credit>)": the marker opens the line, the credit closes it in brackets.
# Example: "Photo: The ferry leaves port. (Coastal Desk / Ines Faro)". The bracketed credit is
# required, so a bare "Photo: <something>" is never guessed at. Bounded repeats; the text is
# lazy up to 250 and may not hold brackets.
OPENING_PATTERN = (
    r"(?P<marker>{markers})[ \t]{{0,2}}[:：][ \t]{{0,3}}(?P<text>[^()\[\]]{{2,250}}?)"
    r"[ \t]{{1,3}}[(\[](?P<credit>[^()\[\]]{{2,80}})[)\]]\.?"
)


@functools.lru_cache(maxsize=1)
def _marker_res() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    words = sorted(lexicon().caption_markers, key=len, reverse=True)
    markers = "|".join(regex.escape(w).replace("\\ ", "[ \t]") for w in words)
    return (
        lazy_regex(LEADING_PATTERN.format(markers=markers), regex.I),
        lazy_regex(MARKER_PATTERN.format(markers=markers), regex.I),
        lazy_regex(OPENING_PATTERN.format(markers=markers), regex.I),
    )


# "<text> | <credit>" where the credit ends in a photo agency ("Drew Angerer/Getty Images").
PIPE_RE = lazy_regex(r"\A(?P<text>.{2,250}?)[ \t]{1,3}\|[ \t]{1,3}(?P<credit>[^|]{2,80})")
# "<text> (<credit>)" where the credit names an agency after a slash ("Ty Wright/Getty Images").
PAREN_RE = lazy_regex(r"\A(?P<text>.{2,250}?)[ \t]{1,3}\((?P<credit>[^()]{2,80})\)\.?")


def _pipe_may_match(line: str) -> bool:
    """False when PIPE_RE cannot match the whole line: its credit, after the last "|" and
    up to three blanks, is at most 80 characters, so that "|" is among the last 84."""
    return "|" in line[-84:]


@functools.lru_cache(maxsize=1)
def _folded_markers() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon().caption_markers)


def _marker_may_match(line: str) -> bool:
    """False when the marker pattern cannot match the whole line: a marker word of the
    lexicon, in any case, ends at most two blanks before one of its colons.

    Compared casefolded (the regex module's case-insensitive match of a word implies equal
    casefolds, but for the Turkish dotted and dotless i: a line with one is always tried).

    >>> _marker_may_match("The ferry. PHOTO : Ines Faro"), _marker_may_match("He said: no.")
    (True, False)
    """
    folded = fold(line)
    if folded is None:
        return True
    folded = folded.replace("\t", " ")
    markers = _folded_markers()
    for colon in (":", "："):
        pos = folded.find(colon)
        while pos >= 0:
            if folded[:pos].rstrip(" ").endswith(markers):
                return True
            pos = folded.find(colon, pos + 1)
    return False


def _paren_may_match(line: str) -> bool:
    """False when PAREN_RE cannot match the whole line: it ends with ")" or ")."."""
    return line.endswith((")", ").")) and "(" in line


# Taiwanese photo credit: "<text>（圖／<credit>）".
CJK_RE = lazy_regex(
    r"\A(?P<text>.{0,250}?)[ \t]{0,2}[（(][圖图][ \t]{0,2}[／/][ \t]{0,2}"
    r"(?P<credit>[^（()）]{1,60})[)）]"
)
# A photo credit closing a short Chinese or Japanese caption, with no marker before it:
# "杨旭在课堂上。受访者供图", "渡轮码头 新华社记者 王小明 摄", "腾讯供图，下同",
# "港の朝＝山田太郎撮影".
# The credit is the last segment (after the last stop, space or "＝"), up to 24 characters,
# ending in 供图 ("picture provided by"), 摄 ("photographed by") or 撮影; "拍摄" (to film) is
# a verb of prose. The caption before it is at most MAX_TRAILING_CAPTION characters, so a
# paragraph ending in a credit is left alone. Bounded repeats; the credit cannot hold a stop.
CJK_TRAILING_RE = lazy_regex(
    r"\A(?:(?P<text>.{0,120}?[。．！？!?＝=]|.{0,120}?[ \t\u3000])[ \t\u3000]{0,2})??"
    r"(?P<credit>[^。．！？!?＝=\s][^。．！？!?＝=\n]{0,23}?(?<!拍)(?:供图|供圖|摄|攝|撮影))"
    r"(?:[，,、 ]?[（(]?下同[)）]?)?[。.]?"
)
MAX_TRAILING_CAPTION = 120
# A credit for the words as well ("记者马俊峰/文 受访者供图", "文：X 图：Y"): a byline, left to
# extract.bylines.
TEXT_CREDIT_RE = lazy_regex(r"[/／][ \t]?文|文[ \t]?[/／:：]")
# A figure's caption: "图2. 渡轮航线示意图", "圖3：…", "Figure 1: The ferry route", "Fig. 2. …",
# "Abb. 3: …", "Рис. 1. …". In Latin and Cyrillic scripts a stop, colon, pipe or dash must
# follow the number ("Figure 1 shows the route" is prose); a Chinese or Japanese label may
# be followed by a space ("图1 四种…"), never directly by a word ("图1显示…" is prose).
FIGURE_RE = lazy_regex(
    r"(?:(?:[图圖図]|Figure|Fig\.|Abbildung|Abb\.|Рисунок|Рис\.|Şekil|Hình|Figura)"
    r"[ \t]?\d{1,3}[a-z]?(?:[ \t]?[.:：|–—、．][ \t]?)"
    r"|[图圖図][ \t]?\d{1,3}[ \t\u3000])"
    r"(?P<text>\S.{1,250})",
    regex.I,
)
# A slash with spaces around it, parting a stamp from an agency ("Reuters / 14.07.2026"),
# not the slashes of a date ("2026/07/14"). Bounded.
SPACED_SLASH_RE = lazy_regex(r"[ \t]{1,3}/[ \t]{1,3}")

# Marks that open a caption on Chinese and Taiwanese sites, pointing at the photo above or
# below: "▲市長出席記者會。（圖／記者王小明攝）", "▼▲…". Korean and Chinese articles also use
# them as list bullets and market arrows ("▲ 복지 예산은…", "▲ 恒生指数上涨1.2%"), so the line
# must close with a bracketed photo credit: BULLET_CREDIT_RE.
CAPTION_BULLETS = "▲△▼▽"
MAX_BULLET_CAPTION = 200
# "（<label>／<credit>）" closing a triangle line, the label naming a photo or a picture
# (圖, 示意圖, 攝影, 照片) before a slash or colon; the caption's text is what comes before it.
# Example: "市長出席。（示意圖／Pixabay）". False positive: a bracketed "(图/表)" aside closing a
# list item, rare. Searched for: each try fails at its first character unless it is a bracket,
# and every repeat is bounded.
BULLET_CREDIT_RE = lazy_regex(
    r"[（(](?P<label>[^（()）／/：:]{0,6}[圖图攝摄照][^（()）／/：:]{0,3})"
    r"[ \t]{0,2}[／/：:][ \t]{0,2}(?P<credit>[^（()）]{1,60})[)）]\Z"
)
# A caption opened by a photo marker in brackets: "［写真］記者会見する長官＝4日（ロイター）",
# "【写真】…", "[Photo] The minister in Washington. (Reuters)", "(FOTO) …". The label must be a
# caption marker of the lexicon (checked after the match). A credit in brackets closing it
# is split off (TAG_CREDIT_RE). False positive: a bracketed "[Photo]" link label over a
# gallery, which is furniture too. Bounded label, text and spaces.
MARKER_TAG_RE = lazy_regex(
    r"[\[［【(（][ \t]{0,2}(?P<label>[^\]］】)）\n]{1,12}?)[ \t]{0,2}[\]］】)）][ \t\u3000]{0,2}"
    r"(?P<text>\S.{1,250})"
)
# A credit in brackets closing a caption: "（ロイター）", "(Reuters)", "(Foto: AP)". Bounded.
TAG_CREDIT_RE = lazy_regex(r"[ \t]{0,2}[(（](?P<credit>[^()（）\n]{2,60})[)）]\Z")
# A credit-only line: "<who>/<agency>" ("Andres Kudacki/AP Photo"). Bounded.
SLASH_CREDIT_RE = lazy_regex(r"[^/\n]{2,60}(?:[ \t]{0,2}/[ \t]{0,2}[^/\n]{2,60}){1,3}")
# "<text> | <credit><headline>": the text after the pipe, where a photo agency's name opens
# and a headline glued to it follows ("… FBI. | AP Photo 28-year-old man sought"). Bounded
# text; the rest is the line's tail (no repeat can backtrack into it).
PIPE_HEAD_RE = lazy_regex(r"\A(?P<text>.{2,250}?)[ \t]{1,3}\|[ \t]{1,3}(?P<rest>[^|]{4,})")
# A headline starts with a capital, a digit or an opening quote.
HEADLINE_START_RE = lazy_regex(r"[\p{Lu}\p{N}\"'“‘]")
#: How far into the text after a pipe a photo agency's credit may end.
MAX_HEAD_CREDIT = 60
# A sentence break inside a credit means the credit swallowed prose. A stop after an initial
# or a short capitalised abbreviation ("George W. Bush", "Gov. Ann Lee", "U.S. Army") is
# not a break. Bounded lookbehind ({0,2}).
SENTENCE_BREAK_RE = lazy_regex(r"(?<!(?:^|[\s(.])\p{Lu}\p{Ll}{0,2})[.!?…][ \t]{1,3}\p{Lu}\p{Ll}")
MAX_LINE_CHARS = 320
#: The marker's colon lies at most this far from the end of a caption line: the longest credit
#: and the spaces, bracket and stop the marker pattern allows after it (3 + 120 + 2 + 1 + 2 + 1).
COLON_TAIL = 130
RULE = "extract.captions"
#: A page's footer below the story's closing credit: at most this many lines, each short.
FOOTER_LINES = 6
FOOTER_CHARS = 40


# A credit's label alone on a line ("| Copyright:", "Photo:", "(Bildquelle:)"): an opening
# bar, bullet or bracket, the label, a colon, nothing after it but a closing bracket. Every
# repeat is bounded (the pattern is run on whole lines of at most 32 characters).
SPLIT_LABEL_RE = lazy_regex(
    r"[|•·(\[ \t]{0,4}(?P<label>[^:：|()\[\]\s][^:：|()\[\]]{0,23}?)[ \t]{0,3}[:：][ \t]{0,3}[)\]]?"
)
#: The value under a split label (a name, an outlet, "© Acme GmbH."): this many words and
#: characters at most.
SPLIT_VALUE_WORDS = 8
SPLIT_VALUE_CHARS = 80


def split_label(text: str) -> str | None:
    """What a line holding only a credit's label labels: ``"photo"`` (a caption marker or a
    rights label: "Photo:", "| Copyright:", "Bildnachweis:"), ``"source"`` ("Quelle:",
    "Source:"), or ``None`` for any other line.

    >>> split_label("| Copyright:"), split_label("Photo :"), split_label("| Quelle:")
    ('photo', 'photo', 'source')
    >>> split_label("Photo: Jane Roe") is None, split_label("Read more:") is None
    (True, True)
    """
    line = text.strip()
    if not 2 <= len(line) <= 32 or line[-1] not in ":：)]":
        return None
    m = SPLIT_LABEL_RE.fullmatch(line)
    if m is None:
        return None
    key = norm_key(m["label"])
    lex = lexicon()
    if key in lex.split_credit_labels:
        return "photo"
    return "source" if key in lex.split_source_labels else None


def _split_value(text: str) -> bool:
    """Whether a line can be the value under a split credit label: short, one sentence at
    most, not itself a label."""
    line = text.strip()
    return (
        2 <= len(line) <= SPLIT_VALUE_CHARS
        and len(line.split()) <= SPLIT_VALUE_WORDS
        and SENTENCE_BREAK_RE.search(line) is None
        and not line.endswith((":", "："))
    )


def _split_credits(draft: Draft) -> tuple[list[int], list[Caption]]:
    """The lines of split credits (:func:`split_label`) and the captions they give.

    A run of labels on consecutive lines ("| Quelle:", "| Copyright:") goes with the value
    on the line after it when the value is short (:func:`_split_value`): one caption whose
    credit is the value. A run without such a value goes alone: a label is never the
    story's text. A run of source labels only is left to the source readers.
    """
    taken: list[int] = []
    found: list[Caption] = []
    where = [i for i, line in enumerate(draft.lines) if line.state != "blank"]
    k = 0
    while k < len(where):
        line = draft.lines[where[k]]
        kind = split_label(line.text) if line.state == "body" else None
        if kind is None:
            k += 1
            continue
        run, kinds = [where[k]], [kind]
        k += 1
        while k < len(where) and draft.lines[where[k]].state == "body":
            more = split_label(draft.lines[where[k]].text)
            if more is None:
                break
            run.append(where[k])
            kinds.append(more)
            k += 1
        if "photo" not in kinds:
            continue
        taken.extend(run)
        if k < len(where) and draft.lines[where[k]].state == "body":
            value = draft.lines[where[k]].text.strip()
            if _split_value(value):
                taken.append(where[k])
                found.append(Caption("", value))
                k += 1
    return taken, found


def _agency_credit(credit: str) -> bool:
    """True when the credit's last part names a photo agency ("Drew Angerer/Getty Images")."""
    agencies = lexicon().photo_agencies
    parts = [p.strip(" .").casefold() for p in regex.split(r"/|\bvia\b", credit)]
    return bool(parts) and (parts[-1] in agencies or parts[0] in agencies)


def _person_credit(credit: str) -> bool:
    """True for "<photographer>/<outlet>" ("Jo Lee/The Harbour Post"): a name of two words
    or more, a slash, then one to five capitalised words. "Smith/Jones" (a citation) and
    "either/or" are not credits.

    >>> _person_credit("Jo Lee/The Harbour Post"), _person_credit("Smith/Jones")
    (True, False)
    """
    parts = [p.strip(" .") for p in credit.split("/")]
    if len(parts) != 2 or len(parts[0].split()) < 2 or not is_person(parts[0]):
        return False
    words = parts[1].split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _names_only(text: str) -> bool:
    """The text is only one or two persons' names ("Jane Roe", "Jane Roe and Jo Lee"): what
    stands before an agency on a byline.

    >>> _names_only("Jane Roe"), _names_only("Ships wait at the quay")
    (True, False)
    """
    names = split_names(text.strip())
    return names is not None and len(names) <= 2 and all(2 <= len(n.split()) <= 3 for n in names)


def _photo_credit(credit: str) -> bool:
    return _agency_credit(credit) or _person_credit(credit)


def _good_credit(credit: str) -> bool:
    return 2 <= len(credit) <= 120 and SENTENCE_BREAK_RE.search(credit) is None


@attrs.frozen
class Found:
    """A caption read from a line, and how the line holds it.

    ``kind`` is ``"marker"`` when a marker word ("Photo:") introduced the credit, ``"bullet"``
    when a triangle opened the line ("▲…"), ``"figure"`` for a figure's caption ("Figure 1:
    …", kept whole as the caption's text), ``"credit"``
    for a credit-only line or a bracketed or piped agency credit (the whole line is the
    caption), ``"headline"`` when a headline is glued after the credit: ``rest`` is then where
    the headline starts in the stripped line.
    """

    caption: Caption
    kind: str = "credit"
    rest: int | None = None


def read_caption(text: str) -> Caption | None:
    """Read a caption line into a :class:`~copydesk.Caption`, or ``None`` when it is not one.

    >>> read_caption("Chinese Ambassador Zhang Xiao Photo: Courtesy of Chinese Embassy")
    Caption(text='Chinese Ambassador Zhang Xiao', credit='Courtesy of Chinese Embassy')
    >>> read_caption("A rally in Pittsburgh. (Jeff Swensen/Getty Images)")
    Caption(text='A rally in Pittsburgh.', credit='Jeff Swensen/Getty Images')
    >>> read_caption("Featured image via Franco Origlia/Getty Images.")
    Caption(text='', credit='Franco Origlia/Getty Images')
    >>> read_caption("Photo: The ferry leaves port. (Coastal Desk / Ines Faro)")
    Caption(text='The ferry leaves port.', credit='Coastal Desk / Ines Faro')
    >>> read_caption("The ferry at dawn. | AP Photo Storm closes the port")
    Caption(text='The ferry at dawn.', credit='AP Photo')
    >>> read_caption("He said (in a statement) that the photo was fake.") is None
    True
    >>> read_caption("Photo: the mayor said (again) that it was fine.") is None
    True
    """
    found = read_found(text)
    return None if found is None else found.caption


def read_found(text: str) -> Found | None:
    """Like :func:`read_caption`, and also say how the line holds the caption."""
    line = text.strip()
    if not 2 <= len(line) <= MAX_LINE_CHARS:
        return None
    bullet = (
        _bullet_caption(line.lstrip(CAPTION_BULLETS + " \t"))
        if line[0] in CAPTION_BULLETS
        else None
    )
    if bullet is not None:
        return bullet
    lex = lexicon()
    tagged = _tagged_caption(line) if line[0] in "[［【(（" else None
    if tagged is not None:
        return tagged
    # Openers are compared with the line's opening only, so only that much is casefolded:
    # each character casefolds on its own, to one character or more, so the casefolded
    # opening is the beginning of the casefolded line, one character longer than any opener.
    longest = len(lex.credit_openers[0]) if lex.credit_openers else 0
    folded = line.strip("()[]")[: longest + 1].casefold()
    # one C-level test for all openers first; most lines start with none of them
    openers = lex.credit_openers if folded.startswith(lex.credit_openers) else ()
    for opener in openers:
        if folded.startswith(opener) and len(line) > len(opener):
            credit = line.strip("()[]")[len(opener) :].strip(" :.")
            if credit and _good_credit(credit) and not folded[len(opener)].isalnum():
                return Found(Caption("", credit))
    # Cheap guards first: each pattern needs a character that most lines lack.
    tail = line[-COLON_TAIL - 1 :]
    leading, marker, opening = _marker_res()
    patterns = (leading,) if "(" in line[:34] or "[" in line[:34] else ()
    if (
        line[-1] in ")]."
        and ("(" in line or "[" in line)
        and (":" in line[:40] or "：" in line[:40])
    ):
        patterns = (*patterns, opening)
    if (":" in tail or "：" in tail) and _marker_may_match(line):
        patterns = (*patterns, marker)
    for pattern in patterns:
        m = pattern.fullmatch(line)
        if m is not None and not m["marker"][0].islower():  # "the photo: ..." is prose
            credit, text = m["credit"].strip(" ."), m["text"].strip()
            if text.endswith("（") and credit.endswith("）"):  # "港の朝（写真：山田太郎）"
                credit, text = credit[:-1].rstrip(), text[:-1].rstrip()
            if _good_credit(credit):
                return Found(Caption(text, credit), "marker")
    m = CJK_RE.fullmatch(line) if "圖" in line or "图" in line else None
    if m is not None:
        return Found(Caption(m["text"].strip(), m["credit"].strip()), "marker")
    trailing = _trailing_credit(line)
    if trailing is not None:
        return trailing
    m = FIGURE_RE.fullmatch(line) if line[0] in "图圖図FfAaРрŞşHh" else None
    if m is not None:
        return Found(Caption(line, None), "figure")
    for pattern, may in ((PIPE_RE, _pipe_may_match), (PAREN_RE, _paren_may_match)):
        m = pattern.fullmatch(line) if may(line) else None
        if (
            m is not None
            # "Jane Roe | Reuters": a byline; a photographer's credit makes it a caption
            and not ("/" not in m["credit"] and _names_only(m["text"]))
            and not _stamped(m["text"])  # "July 14, 2026 | Reuters": the story's stamp
            and _good_credit(m["credit"])
            and (
                (_agency_credit(m["credit"]) and (pattern is PIPE_RE or "/" in m["credit"]))
                or _person_credit(m["credit"])
            )
        ):
            return Found(Caption(m["text"].strip(), m["credit"].strip(" .")))
    if "|" in line:
        found = _headline_after_credit(line)
        if found is not None:
            return found
    if (
        len(line) <= 100
        and SLASH_CREDIT_RE.fullmatch(line)
        and _agency_credit(line)
        # "July 14, 2026 / Reuters", "Reuters / 14.07.2026": the story's stamp and agency
        and not _stamped_credit(SPACED_SLASH_RE.split(line))
    ):
        return Found(Caption("", line.rstrip(" .")))
    return None


def _stamped_credit(parts: list[str]) -> bool:
    """The parts of a slashed line are a stamp and an agency ("July 14, 2026 / 10:20 AM /
    Reuters"): every part but the agencies' reads as one stamp. A caption with a date in it
    ("Ships in the harbour / July 14, 2026 / Reuters") is none.

    >>> _stamped_credit(["July 14, 2026", "10:20 AM", "Reuters"])
    True
    >>> _stamped_credit(["Ships in the harbour", "July 14, 2026", "Reuters"])
    False
    """
    rest = [p for p in parts if not _agency_credit(p.strip(" ."))]
    return 0 < len(rest) < len(parts) and _stamped(" ".join(rest))


def _stamped(text: str) -> bool:
    """The text beside a credit is a time stamp ("July 14, 2026", "14.07.2026 10:20"): the
    line dates the story and names its agency, no picture's.

    >>> _stamped("July 14, 2026 "), _stamped("Ships in the harbour")
    (True, False)
    """
    from copydesk.extract.datelines import read_stamp

    text = text.strip()
    return bool(text) and text[0].isalnum() and read_stamp(text) is not None


def _trailing_credit(line: str) -> Found | None:
    """A short Chinese or Japanese caption closed by a photo credit without a marker
    (:data:`CJK_TRAILING_RE`).

    >>> _trailing_credit("杨旭在课堂上。受访者供图").caption
    Caption(text='杨旭在课堂上。', credit='受访者供图')
    >>> _trailing_credit("新华社记者 王小明 摄").caption
    Caption(text='', credit='新华社记者 王小明 摄')
    >>> _trailing_credit("记者在现场进行拍摄") is None
    True
    >>> _trailing_credit("河南商报记者马俊峰/文受访者供图") is None
    True
    """
    if not line.rstrip("。.）)下同，,、 ").endswith(("图", "圖", "摄", "攝", "影")):
        return None
    m = CJK_TRAILING_RE.fullmatch(line)
    if m is None:
        return None
    text = (m["text"] or "").strip(" \t\u3000＝=")
    if len(text) > MAX_TRAILING_CAPTION or TEXT_CREDIT_RE.search(m["credit"]):
        return None
    return Found(Caption(text, m["credit"].strip()), "credit")


def _tagged_caption(line: str) -> Found | None:
    """The caption after a photo marker in brackets opening the line, with the credit in
    brackets closing it when there is one; ``None`` when the label is no caption marker.

    >>> _tagged_caption("［写真］記者会見する米商務長官＝4日、ワシントン（ロイター）").caption
    Caption(text='記者会見する米商務長官＝4日、ワシントン', credit='ロイター')
    >>> _tagged_caption("[Photo] The minister speaks to reporters. (Reuters)").caption
    Caption(text='The minister speaks to reporters.', credit='Reuters')
    >>> _tagged_caption("(Update) The port reopened on Monday.") is None
    True
    """
    m = MARKER_TAG_RE.fullmatch(line)
    if m is None or m["label"].strip().casefold() not in lexicon().caption_markers:
        return None
    text = m["text"].strip()
    credit = TAG_CREDIT_RE.search(text)
    if credit is None:
        return Found(Caption(text, None))
    return Found(Caption(text[: credit.start()].strip(), credit["credit"].strip()))


def _bullet_caption(text: str) -> Found | None:
    """The caption after a triangle mark, when a bracketed photo credit closes it; ``None``
    otherwise, or when the text is too long for a caption.

    >>> _bullet_caption("市長出席記者會。（圖／記者王小明攝）").caption
    Caption(text='市長出席記者會。', credit='記者王小明攝')
    >>> _bullet_caption("ETF仍是小額投資人最愛。（示意圖／Pixabay）").caption
    Caption(text='ETF仍是小額投資人最愛。', credit='Pixabay')
    >>> _bullet_caption("恒生指数上涨1.2%") is None
    True
    """
    m = BULLET_CREDIT_RE.search(text) if len(text) <= MAX_BULLET_CAPTION + 80 else None
    if m is None or m.start() > MAX_BULLET_CAPTION:
        return None
    return Found(Caption(text[: m.start()].strip(), m["credit"].strip()), "bullet")


def _headline_after_credit(line: str) -> Found | None:
    """ "<text> | AP Photo <headline>": the longest opening of the text after the pipe that
    names a photo agency is the credit; the headline after it must start like one."""
    m = PIPE_HEAD_RE.fullmatch(line)
    if m is None:
        return None
    rest = m["rest"]
    ends = [n for n, ch in enumerate(rest[: MAX_HEAD_CREDIT + 1]) if ch == " "]
    for end in reversed(ends):
        credit, headline = rest[:end].rstrip(" ."), rest[end:].lstrip()
        if not _agency_credit(credit):
            continue
        # The longest agency name decides: "AP Photo Storm" is never "AP" + "Photo Storm".
        if HEADLINE_START_RE.match(headline) is None or len(headline.split()) < 2:
            return None
        start = m.start("rest") + len(rest) - len(headline)
        return Found(Caption(m["text"].strip(), credit), "headline", start)
    return None


def _wire_credit(read: Found, line: str) -> bool:
    """A credit-only line of news agencies alone ("dpa/AFP", "AFP/dpa/rtr"): under a photo it
    credits the photo, closing the text it credits the story.

    >>> _wire_credit(read_found("dpa/AFP"), "dpa/AFP")
    True
    >>> _wire_credit(read_found("Andres Kudacki/AP Photo"), "Andres Kudacki/AP Photo")
    False
    """
    if read.kind != "credit" or read.caption.text:
        return False
    credited = read_source(line, last=True)
    return credited is not None and credited[0] is not None


def _closes_story(body: Sequence[tuple[int, Line]], n: int) -> bool:
    """Whether body line ``n`` closes the story: the last line, or right under a paragraph
    with only a page's footer below it (a few short lines, no prose: "Artikel teilen",
    "Mehr zum Thema"), which the residue steps after this one remove.

    >>> from copydesk.draft import Draft
    >>> prose = "Die Polizei ermittelt noch, die Ursache des Feuers ist weiter unklar."
    >>> body = list(Draft.from_text(f"{prose}\\ndpa/AFP\\nArtikel teilen\\nMehr").body())
    >>> _closes_story(body, 1), _closes_story(body, 0)
    (True, False)
    """
    if n == len(body) - 1:
        return True
    below = [line.text.strip() for _, line in body[n + 1 :]]
    return (
        n > 0
        and looks_like_prose(body[n - 1][1].text.strip())
        and len(below) <= FOOTER_LINES
        and all(len(text) <= FOOTER_CHARS and not looks_like_prose(text) for text in below)
    )


def _glued(line: str, text: str) -> bool:
    """True when a caption's "text" is a paragraph: several sentences, or a sentence with the
    credit marker glued to its final stop ("…familia.Foto: X")."""
    if SENTENCE_BREAK_RE.search(text):
        return True
    after = line[len(text) : len(text) + 1] if line.startswith(text) else " "
    return looks_like_prose(text) and not after.isspace()


@step("extract.captions")
def caption(draft: Draft) -> Draft:
    """Take stand-alone caption and photo-credit lines into ``captions``.

    When the caption text is a prose sentence, the line is a paragraph with a credit glued
    to its end: only the credit is cut out. When a headline is glued after an agency credit
    (``… | AP Photo <headline>``), the caption and credit are cut out and the headline stays.
    A caption whose credit is bracketed or piped and names an agency or a photographer is
    taken whole, even when its text runs to several sentences. A line whose "caption" is the
    story's own source credit (``Source: X; Image Source: Y``) gives ``source`` X and a
    caption with the credit Y only. A credit's label alone on a line and its value on the
    next ("| Copyright:" then "© Acme GmbH.") are one caption (:func:`split_label`).
    """
    taken, found = _split_credits(draft)
    split = set(taken)
    source = draft.fields.source
    body = list(draft.body())
    last_prose = last_credited_prose(draft)
    for n, (i, line) in enumerate(body):
        if i in split:
            continue
        read = read_found(line.text)
        if read is None:
            continue
        if _closes_story(body, n) and _wire_credit(read, line.text):
            continue  # "dpa/AFP" closing the text credits the story: extract.credits reads it
        if i == last_prose and read_glued_agency(line.text) is not None:
            continue  # "… hieß es. (dpa/AFP)" closing the story: extract.attribution cuts it
        cap = read.caption
        lead = len(line.text) - len(line.text.lstrip())
        if read.rest is not None:
            # "<caption> | AP Photo <headline>": the headline stays in the body.
            draft = draft.rewrite(i, [(0, lead + read.rest, "")], rule=RULE, kind="extracted")
            found.append(cap)
            continue
        if read.kind == "marker" and cap.text and _glued(line.text.strip(), cap.text):
            # "...a su familia.Foto: Facebook": the text is a body sentence; cut the credit only.
            m = _marker_res()[1].fullmatch(line.text.strip())
            if m is None:
                continue
            cut = lead + m.end("text")
            draft = draft.rewrite(i, [(cut, len(line.text), "")], rule=RULE, kind="extracted")
            found.append(Caption("", cap.credit))
            continue
        taken.append(i)
        credited = read_source(cap.text) if cap.text and cap.credit else None
        if credited is not None and credited[0]:
            # "Source: X; Image Source: Y": the text is the story's source, Y the photo's
            source = source or credited[0]
            cap = Caption("", cap.credit)
        found.append(cap)
    if not found and not taken:
        return draft
    captions = (*draft.fields.captions, *found)
    return draft.take(taken, rule=RULE, kind="extracted", captions=captions, source=source)

"""The title as a line of its own: short, unpunctuated, and followed by prose."""

from __future__ import annotations

import functools
import itertools
import unicodedata

from copydesk._lazy import lazy_regex, search_end
from copydesk.article import Caption
from copydesk.draft import Draft, Line
from copydesk.extract._under_headline import UNDER_LINES, read_header_under
from copydesk.pipeline import step

__all__ = [
    "first_line_title",
    "header_lines",
    "is_headline",
    "is_kicker",
    "late_title",
    "looks_like_prose",
    "menu_lines",
    "page_headline",
    "page_title_lines",
    "reads_as_prose",
    "without_site",
]

TITLE_MAX_CHARS = 150
#: Marks a line opens with when it runs on from the line above: a comma or a closing
#: bracket, in CJK or Latin ("…電影徵收" over "，聲稱…").
RUN_ON_MARKS = frozenset("，、,；;）)」』")
TITLE_MAX_WORDS = 20
#: How many body lines after the candidate may be looked at for prose.
LOOKAHEAD = 3
#: ...and after the first line under a menu of section links: its deck, a byline and a stamp
#: may stand between that headline and the lede.
MENU_LOOKAHEAD = 5

# A title starts with an upper-case letter, a digit, an opening quote (German "„…“" and
# "»…«" too), a letter of a script without case (CJK, Arabic...), or a CJK bracket opening
# a tag ("【数据】…"); it never starts with a bullet or a lower-case word.
TITLE_START_RE = lazy_regex(r"[\p{Lu}\p{Lt}\p{Lo}\p{N}\"'“‘«»„‚‹›¿¡【「『《〔［]")
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
PROSE_END_RE = lazy_regex(r"[.!?…。！？][\"'”’»)\]]{0,3}$")
TITLE_BAD_END = ".!?…:;,。！？：；，-–—|"


#: A line at least this long reads as running text whatever its end.
PROSE_LONG_CHARS = 200


def looks_like_prose(text: str) -> bool:
    """A line a reader reads as running text: long enough and ending a sentence.

    >>> looks_like_prose("The port closed on Monday after a storm hit the coast.")
    True
    >>> looks_like_prose("Storm closes port")
    False
    """
    return len(text) >= 50 and (
        search_end(PROSE_END_RE, text, 4) is not None or len(text) >= PROSE_LONG_CHARS
    )


# A headline's last word may carry "!" or "?" ("Suspect SUED Police!", "Will It Rain?"), and
# a title-case headline a stop; a sentence end inside it ("…ended. Then…") makes it prose,
# but not the stop of an abbreviation ("U.S. Supply", "Dr. Ray") nor of an ordinal, a number
# of one or two digits standing alone ("Am 2. Juni", "3. Liga'da", "1. FC Köln").
HEADLINE_END_RE = lazy_regex(r"[!?！？؟]{1,4}[\"'”’»」』]{0,2}:?$|[^.]\.{3}$")
INNER_STOP_RE = lazy_regex(
    r"(?:(?<=\p{Ll}\p{Ll}|\d{3}|[^\s\d]\d{1,2}|\))\.|[!?。！？])[\"'”’»]{0,2}[ \t]{1,3}\p{Lu}"
)
# An ellipsis after a space: a headline cut short by the page ("Port talks resume …"), in
# any case; "…hope…" glued to its word ends a sentence.
TRUNCATED_END_RE = lazy_regex(r"[ \t](?:\.{3}|…)$")
# The "?" or "!" ending a headline written in sentence case, closing quotes allowed.
QUESTION_END_RE = lazy_regex(r"[?!？！؟]{1,3}[\"'”’»」』]{0,2}$")
# A topic before a colon opening a headline ("Sturm in Hamburg: …"): two to six words, so
# that an interview's speaker ("Q: …?", "JMF: …?") is no topic.
TOPIC_RE = lazy_regex(r"[^\s:：]{1,30}(?:[ \t][^\s:：]{1,30}){1,5}[:：][ \t]{1,2}\S")
#: The rules whose lines (a byline, a stamp) sign the headline above them.
BYLINE_RULES = frozenset({"extract.bylines", "extract.datelines", "extract.attribution"})
# A page title: the headline, a separator, the site ("Storm closes port | News | Harbour
# Times", "港口关闭-新华网"). The head is only trusted when it is a line of its own too.
PAGE_TITLE_SEP_RE = lazy_regex(r"[ \t]{1,3}[|–—\-·][ \t]{1,3}|(?<=\p{Han}|[”」》？！])(?:--|[-_|])")
# A character of a script written without spaces.
CJK_CHAR_RE = lazy_regex(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A CJK full stop closing a sentence, closing quotes or brackets after it allowed.
CJK_SENTENCE_END_RE = lazy_regex(r"[。！？][”’」』）)]{0,2}$")
#: Marks between the clauses of a CJK sentence.
CJK_CLAUSE_MARKS = ("，", "、", "；")
#: A short CJK sentence holds at least this many CJK characters.
CJK_SENTENCE_CHARS = 12
# A tag closing a headline: "[VIDEO]", "(PHOTOS)", "[Updated]". Bounded.
TRAILING_TAG_RE = lazy_regex(r"[ \t]{1,2}[\[(][\p{L} ]{2,20}[\])]$")
# The CJK brackets a headline's tag opens and closes with ("【独家】…").
CJK_OPEN, CJK_CLOSE = "【「『《〔［", "】」』》〕］"
#: A page title's headline may stand alone this many body lines further down.
PAGE_TITLE_REACH = 25
#: A page title's site names the source when it has at most this many words.
PAGE_SITE_WORDS = 5
# The bar between a page title's parts ("Storm closes port | Harbour Times"), spaced; a
# full-width bar may stand without spaces ("台風で旧港を閉鎖｜港湾新聞").
BAR_RE = lazy_regex(r"[ \t]{1,3}\|[ \t]{1,3}|[ \t]{0,3}｜[ \t]{0,3}")
# The site's name after a dash ("… - Hafenzeitung") or, glued to a CJK headline, after a
# colon, a dash, an underscore or a bar ("港口关闭-新华网", "台風で旧港を閉鎖：港湾新聞",
# "港口关闭|人民网"). Bounded.
SITE_TAIL_RE = lazy_regex(
    r"(?:[ \t]{1,3}[-–—][ \t]{1,3}|(?<=[\p{Han}\p{Hiragana}\p{Katakana}」』”）])[：:\-_－|])"
    r"(?P<site>[^-–—|｜：:_\n]{2,40})$"
)
# Words of a share widget line ("Share Facebook", "Tweet Pin Email").
WIDGET_WORDS = frozenset(
    {"share", "shares", "facebook", "twitter", "tweet", "pin", "pinterest", "email", "e-mail",
     "whatsapp", "linkedin", "reddit", "print", "telegram", "messenger", "copy", "link", "x",
     "sms", "compartir", "partager", "teilen", "compartilhar", "поделиться"}
)  # fmt: skip
# A headline in sentence case glued to the lede or summary after it: a word ending the
# headline, a space, then an article or pronoun that opens a sentence and a word in lower
# case ("… in Khammam The victim's body …", "… funding impasse A total of …"). In sentence
# case these words are capitalised only at a sentence start; a German article is followed
# by a capitalised noun ("… Reparaturen Der Rat sagte …"). Bounded; matched with finditer
# on one line.
GLUED_LEDE_RE = lazy_regex(
    r"(?<=[\p{L}\p{N}'’”\)])[ \t](?:(?:The|A|An|This|These|It|He|She|They|We|El|La|Los|Las"
    r"|Un|Una|O|Os|As|Um|Uma|Le|Les|Une)[ \t](?=[\p{Ll}\d$€£])"
    r"|(?:Der|Die|Das|Ein|Eine)[ \t](?=\p{L}))"
)
# Words after which a capital article is no sentence start: the article is a letter or a
# name after them ("vitamin A", "blood type O", "hepatitis A", "Group A", "Plan B", "der
# Zeitung Die Welt"), or it follows a lowercase function word ("… of A …").
NAMING_WORDS = frozenset(
    {"vitamin", "vitamins", "type", "types", "hepatitis", "group", "groups", "class", "grade",
     "plan", "category", "level", "section", "division", "league", "series", "tier", "block",
     "gate", "terminal", "platform", "row", "wing", "ward", "phase", "stage", "option",
     "exhibit", "appendix", "annex", "figure", "table", "part", "pool", "zone", "route",
     "model", "size", "blood", "influenza", "flu", "strain", "variant", "team", "letter",
     "zeitung", "zeitschrift", "wochenzeitung", "tageszeitung", "magazin", "blatt", "sender",
     "film", "buch", "roman", "band", "serie", "partei", "sendung", "album", "titel",
     "the", "a", "an", "of", "in", "on", "at", "to", "by", "for", "from", "with", "that",
     "and", "or", "as", "than", "de", "da", "do", "em", "e", "y", "el", "la", "der", "die",
     "das", "des", "dem", "den", "und", "von", "mit", "im", "zu", "le", "les", "du", "et"}
)  # fmt: skip
# Words that never follow an article opening a sentence: a conjunction or a verb of being
# or having ("vitamin A and zinc", "type O are", "Group A were"). Folded.
NOT_AFTER_ARTICLE = frozenset(
    {"and", "or", "und", "oder", "e", "y", "et", "ou", "o", "nor", "but", "is", "are", "was",
     "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "shall",
     "should", "must", "does", "did", "be", "been", "ist", "sind", "war", "hat", "é", "es",
     "est"}
)  # fmt: skip
# A headline ending with "?" or "!" glued to the text after it by a stop that no sentence
# ends with: "… meus filhos?’. Presidente desabafou …", "Порт закроют?. Власти…", "港口会关闭吗？。
# 当局…": a scraper's join of the headline and the text with ". ". Bounded.
QUESTION_GLUE_RE = lazy_regex(
    r"[?!？！؟][\"'”’»」』]{0,2}(?P<stop>\.|。)[ \t]{0,2}(?=[\p{Lu}\p{Lo}\"'“‘«„])"
)
#: A one-letter article ("A", "O") opening a lede is followed by this many lower-case words.
ONE_LETTER_LEDE_WORDS = 2
#: A headline glued to its lede has at least this many words, the lede after it too.
GLUED_MIN_WORDS = 4
GLUED_LEDE_WORDS = 6
#: A title-case headline ending with a colon has at least this many words.
COLON_TITLE_WORDS = 6
#: A dek above the headline has at least this many words; the headline under it at most
#: this share of them.
DEK_MIN_WORDS = 10
DEK_RATIO = 0.6
# A relative time or an update note ("Updated 5 min ago", "vor 3 Stunden", "2 saat önce",
# "3時間前", "5分钟前"): a line holding one is a stamp, not a headline under a dek. Bounded.
RELATIVE_TIME_RE = lazy_regex(
    r"(?i:\b(?:ago|updated|aktualisiert|güncellendi|vor[ \t]\d{1,3})\b"
    r"|\d{1,3}[ \t]?(?:min|mins|minutes?|hours?|hrs?|days?|stunden?|minuten?|saat|dakika|gün)"
    r"\.?[ \t](?:ago|read|önce)\b)"
    r"|\d{1,3}[ \t]?(?:分钟|分鐘|分|小时|小時|時間|天|日)前"
)
#: How many lines before the first prose line may be looked at for the title.
HEAD_SCAN = 5
#: How many first lines a menu of section links and the headline under it may fill.
MENU_SCAN = 16
#: How many first lines a site's header (widgets, a menu, the headline, its deck, byline,
#: stamps and a player) may fill above the lede, for the readers of fields to look at.
HEADER_SCAN = 24
#: A menu above the headline has at least this many links.
MENU_LINKS = 2
#: A kicker above the headline has at most this many words, in CJK this many characters.
KICKER_WORDS = 3
CJK_KICKER_CHARS = 4
#: A list of sections above the headline is at most this long, of at most this many items.
SECTION_LIST_CHARS = 60
SECTION_LIST_ITEMS = 4
# What parts the sections of such a list: a comma, a slash, a bar or a middle dot. Bounded.
SECTION_SEP_RE = lazy_regex(r"[ \t]{0,3},[ \t]{1,3}|[ \t]{1,3}[/|·][ \t]{1,3}")
# One section: a capitalised word, or a word cut at its hyphen ("Forschungs-"). Bounded.
SECTION_ITEM_RE = lazy_regex(r"\p{Lu}[\p{L}\p{M}&]{1,30}-?")
#: The most words a headline of exclamations and questions has ("Feliz Ano Novo! Será?").
EXCLAIMED_WORDS = 6
# The space after an exclamation or a question mark, where such a headline's parts meet.
EXCLAIMED_SPLIT_RE = lazy_regex(r"(?<=[!?])[ \t]+")


@functools.lru_cache(maxsize=256)
def _exclaimed(text: str) -> bool:
    """A short headline of exclamations and questions only ("Feliz Ano Novo! Será?", "Port
    reopens! Or not?"): every part ends with "!" or "?", six words at most in all.

    >>> _exclaimed("Feliz Ano Novo! Será?"), _exclaimed("Help! The port closed on Monday.")
    (True, False)
    """
    parts = [p for p in EXCLAIMED_SPLIT_RE.split(text.strip()) if p]
    return (
        len(text.split()) <= EXCLAIMED_WORDS
        and len(parts) > 1
        and all(p.rstrip("\"'”’»")[-1:] in "!?" for p in parts)
    )


def _unstopped(text: str) -> bool:
    """A line whose sentences inside end with "!" or "?" only, and whose end is no stop: a
    headline's exclamation or question before its statement ("Fırtına sonrası flaş karar!
    Eski liman kapatılıyor", "Is the port safe? Experts weigh in"), where prose ends with a
    stop ("Help! The port closed on Monday.").

    >>> _unstopped("Flaş karar! Eski liman kapatılıyor"), _unstopped("Help! The port closed.")
    (True, False)
    >>> _unstopped("Port closed. Ships wait! Then what")
    False
    """
    end = text.rstrip("\"'”’»")[-1:]
    return end not in ".。" and not any(
        m.group()[0] not in "!?" for m in INNER_STOP_RE.finditer(text)
    )


def _section_list(text: str) -> bool:
    """A list of a story's sections or categories, one word each, parted by commas, slashes,
    bars or middle dots, two to four of them in 60 characters at most ("Forschungsprojekte,
    Kooperationen", "Politics / World / Europe"); a German word cut at its hyphen
    ("Forschungs- / Wissenstransfer") counts. A headline may have that shape too ("Eat, Pray,
    Love"): the title's readers pass such a line over only for a headline under it.

    >>> _section_list("Forschungsergebnisse, Forschungs- / Wissenstransfer")
    True
    >>> _section_list("Storm, floods close port"), _section_list("Storm closes port")
    (False, False)
    """
    if len(text) > SECTION_LIST_CHARS or not SECTION_SEP_RE.search(text):
        return False
    items = SECTION_SEP_RE.split(text.strip())
    return 2 <= len(items) <= SECTION_LIST_ITEMS and all(
        SECTION_ITEM_RE.fullmatch(item) for item in items
    )


def _is_candidate(text: str) -> bool:
    text = text.strip()
    if not (3 <= len(text) <= TITLE_MAX_CHARS):
        return False
    inner = INNER_STOP_RE.search(text)
    if inner is not None and not (
        inner.group()[0] in "!?" and (_title_case(text) or _exclaimed(text) or _unstopped(text))
    ):
        return False  # a sentence inside; a title-case headline may shout ("CHAOS! NC Mob …")
    if "。" in text.rstrip("。」』”） \t"):
        return False  # a Chinese or Japanese sentence inside ("…零食。這些…"): prose
    tag = search_end(TRAILING_TAG_RE, text, 24)
    if tag is not None and tag.start() > 0:
        text = text[: tag.start()]  # "… Helps!? [VIDEO]": the end is before the tag
    if text[-1] in TITLE_BAD_END and not (
        (search_end(HEADLINE_END_RE, text, 7) and (_title_case(text) or not _cased(text)))
        or _exclaimed(text)  # "Feliz Ano Novo! Será?"
        or (text[-1] == "." and _title_case(text))
        # a title-case headline with a colon at its end ("Harbour Pilot: Port Is Still Open
        # Despite Storm:"); a label or an intro is short or in sentence case
        or (text[-1] in ":：" and len(text.split()) >= COLON_TITLE_WORDS and _title_case(text))
        or search_end(TRUNCATED_END_RE, text, 4)  # a page title cut short: "Port talks resume ..."
    ):
        return False
    words = text.split()
    if not 2 <= len(words) <= TITLE_MAX_WORDS and not (
        # a headline in a script written without spaces ("台風で旧港を一時閉鎖"); one word of
        # a cased script is a section's name ("GÜNDEM", "Wirtschaft"), no headline
        len(words) == 1 and len(text) >= 4 and (CJK_CHAR_RE.search(text) or not _cased(text))
    ):
        return False
    if text[0] in CJK_OPEN and text[-1] in CJK_CLOSE:
        return False  # a tag alone ("【广告】"), not a tag opening a headline
    return TITLE_START_RE.match(text) is not None


def is_headline(text: str) -> bool:
    """A line shaped as a headline: short, no sentence inside, no share widget.

    >>> is_headline("Storm closes the old port"), is_headline("The port closed. Ships left.")
    (True, False)
    """
    return _is_candidate(text) and not is_widget(text)


def reads_as_prose(text: str) -> bool:
    """:func:`looks_like_prose`, a CJK character counting twice: the script says in 25
    characters what Latin says in 50.

    >>> reads_as_prose("港务局周一表示，由于风暴，旧港将于周二关闭，维修费用尚未确定。")
    True
    >>> reads_as_prose("港口关闭")
    False
    """
    text = text.strip()
    cjk = len(CJK_CHAR_RE.findall(text[:60])) if not text.isascii() else 0
    return (
        looks_like_prose(text)
        or (cjk > 0 and looks_like_prose(" " * cjk + text))
        or (cjk >= CJK_SENTENCE_CHARS and _cjk_sentence(text))
    )


def _cjk_sentence(text: str) -> bool:
    """A short CJK sentence: clauses apart ("，", "、", "；") and a full stop closing it, as
    wire copy's short paragraphs are written ("受强降雨影响，南方多地交通受阻，航班取消。");
    a CJK headline has no full stop at its end.

    >>> _cjk_sentence("受强降雨影响，南方多地交通受阻，部分航班取消。")
    True
    >>> _cjk_sentence("暴雨来袭，多地交通受阻"), _cjk_sentence("预计年底前正式投入运营。")
    (False, False)
    """
    return CJK_SENTENCE_END_RE.search(text[-3:]) is not None and any(
        mark in text[:-1] for mark in CJK_CLAUSE_MARKS
    )


def _prose(text: str) -> bool:
    """A line read as running text, never one that is a headline candidate itself."""
    return reads_as_prose(text) and not _is_candidate(text.strip())


def _cased(text: str) -> bool:
    """The text is written in a script with capitals (Latin, Cyrillic, Greek...)."""
    return any(c.isupper() for c in text)


def _label(text: str) -> bool:
    """A short label line ending with a colon ("According to sgsnews:"), never a headline."""
    text = text.strip()
    return text.endswith((":", "：")) and len(text) <= 40 and len(text.split()) <= 5


def _kicker(text: str) -> bool:
    """A section kicker above a headline: a word or three, no sentence ("Battery"); in a
    script without spaces, where a "word" is a whole phrase, a section's name of at most
    four characters ("社会", "経済", "国际").

    >>> _kicker("Battery"), _kicker("社会"), _kicker("台風で旧港を一時閉鎖")
    (True, True, False)
    """
    text = text.strip()
    if CJK_CHAR_RE.search(text[-1:]):
        return len(text) <= CJK_KICKER_CHARS and " " not in text and text.isalnum()
    return (
        0 < len(text.split()) <= KICKER_WORDS
        and len(text) <= 30
        and search_end(PROSE_END_RE, text, 4) is None
    )


def _link(text: str) -> bool:
    """A section's link or kicker, by its length alone: one to three words, or in a script
    without spaces a section's name of at most four characters ("スポーツ", "国际"); a CJK
    headline is one "word" too, but a longer one.

    >>> _link("Son dakika haberleri"), _link("スポーツ"), _link("“非升即走”武大上岸后，他说")
    (True, True, False)
    """
    text = text.strip()
    # more words than a link has is no link in any script (a CJK link has no space); split
    # no further than that, so a long paragraph costs no more than a short line
    if not text or len(text.split(None, KICKER_WORDS)) > KICKER_WORDS:
        return False
    if CJK_CHAR_RE.search(text):
        return len(text) <= CJK_KICKER_CHARS and text.isalnum()
    return True


def is_kicker(text: str) -> bool:
    """A section's kicker or a menu's link above a headline (see :func:`_kicker`).

    >>> is_kicker("Gündem"), is_kicker("Feribot seferleri beş yıl daha sürecek")
    (True, False)
    """
    return _kicker(text)


def _title_case(text: str) -> bool:
    """Most words of four letters or more capitalised: a headline, even ending in a stop."""
    # letters counted in C, and only in words long enough to hold four
    long = [w for w in text.split() if len(w) >= 4 and sum(map(str.isalpha, w)) >= 4]
    return len(long) >= 4 and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


def is_widget(text: str) -> bool:
    """A share widget's line ("Share Facebook", "Tweet | Email"), never a title.

    >>> is_widget("Share Facebook"), is_widget("Share prices fall")
    (True, False)
    """
    words = [w.strip("|•·,:()").casefold() for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and all(w in WIDGET_WORDS for w in words)


def glued_headline_end(text: str) -> int | None:
    """Where a sentence-case headline glued to the lede after it ends, or ``None``.

    The headline is a title candidate of four words or more, not in title case (where every
    word is capitalised and an article says nothing); the lede after it has six words or
    more.

    >>> text = "Port board seeks deal on harbour repairs A total of $2 million is set aside."
    >>> text[: glued_headline_end(text)]
    'Port board seeks deal on harbour repairs'
    >>> glued_headline_end("The port closed on Monday. The board met on Tuesday after it.")
    >>> glued_headline_end("Storm Closes The Harbour Port The board met on Tuesday after it.")
    """
    if len(text) < 40 or " " not in text[:60]:
        return None
    for m in GLUED_LEDE_RE.finditer(text, 0, TITLE_MAX_CHARS + 1):
        head, rest = text[: m.start()].strip(), text[m.end() :]
        if len(head.split()) < GLUED_MIN_WORDS or len(rest.split()) < GLUED_LEDE_WORDS - 1:
            continue
        if _is_candidate(head) and not _title_case(head) and not is_widget(head):
            return m.start() if _opens_lede(head, m.group().strip(), rest) else None
        return None  # the first glue point decides: a sentence may hold several articles
    return None


def glued_question_end(text: str) -> tuple[int, int] | None:
    """``(end of the headline, start of the text)`` when a headline ending with "?" or "!"
    is glued to the text after it by a stop ("…filhos?’. Presidente…"), or ``None``. The
    headline is a title candidate, the text after it prose.

    >>> text = "Will the old port reopen?. The board met on Monday to vote on the costly repairs."
    >>> glued_question_end(text)
    (25, 27)
    >>> glued_question_end("Will it ever reopen? The board met on Monday to vote on the repairs.")
    >>> glued_question_end("He asked: why?. The board met on Monday to vote on the costly repairs.")
    """
    if not any(mark in text[: TITLE_MAX_CHARS + 4] for mark in "?!？！؟"):
        return None  # most first lines: no question or exclamation mark
    m = QUESTION_GLUE_RE.search(text, 0, TITLE_MAX_CHARS + 4)
    if m is None:
        return None
    head, rest = text[: m.start("stop")], text[m.end() :]
    bare = head[: m.start()].rstrip()  # without its "?" and quotes, which the glue signs
    short = len(head.split()) < GLUED_MIN_WORDS and not CJK_CHAR_RE.search(head)
    if short or not _is_candidate(bare) or is_widget(head):
        return None
    return (m.start("stop"), m.end()) if reads_as_prose(rest) else None


def _opens_lede(head: str, article: str, rest: str) -> bool:
    """Whether ``article`` after ``head`` opens a sentence, the lede: not a letter or a name
    after a word that takes one ("vitamin A", "der Zeitung Die Welt"), nor after a function
    word, nor followed by a conjunction or a verb ("type O are"); a one-letter article is
    followed by two lower-case words or a number and a word ("A total of", "O conselho
    disse", "A 40-year-old man")."""
    before = head.rsplit(None, 1)[-1].casefold().strip("'’”)")
    if before in NAMING_WORDS:
        return False
    after = rest.split(None, ONE_LETTER_LEDE_WORDS)[:ONE_LETTER_LEDE_WORDS]
    if after and after[0].casefold().strip(",;:") in NOT_AFTER_ARTICLE:
        return False
    if len(article) == 1:
        # "A total of", "A 40-year-old man": a lower-case word or a number, then a word
        return (
            len(after) == ONE_LETTER_LEDE_WORDS
            and (after[0][:1].islower() or after[0][:1] in "0123456789$€£")
            and after[1][:1].islower()
        )
    return True


def _page_title(text: str, heads: list[str]) -> tuple[str, str] | None:
    """``(headline, site)`` when ``text`` is a page title whose headline is one of ``heads``."""
    text = " ".join(text.split())
    for head in heads:
        head = " ".join(head.split())
        if head != text and text.startswith(head):
            m = PAGE_TITLE_SEP_RE.match(text, len(head))
            if m is not None and text[m.end() :].strip():
                return head, text[m.end() :].strip()
    return None


@step("extract.title")
def first_line_title(draft: Draft) -> Draft:
    """Take the headline among the first body lines as the title.

    The headline is short, has no sentence inside it, and comes before the first prose line
    (it may end with "!" or "?", and with a stop when written in title case). Share widgets
    ("Share Facebook") and lines ending with a colon above it are passed over; a kicker of
    at most three words above a longer headline ("Battery", "PRESS RELEASE") is too. A line
    that stands again further down, alone or as the head of a page title ("Headline | Site"),
    is the headline whatever its place. A page title at the top whose headline is a line of
    its own leaves the body with it; its site names the ``source`` when none is known.

    Does nothing when an earlier step already found a title.

    >>> prose = "The port closed on Monday after a storm hit the coast."
    >>> d = first_line_title(Draft.from_text("Storm closes port\\n\\n" + prose))
    >>> d.fields.title, d.lines[0].state
    ('Storm closes port', 'extracted')
    >>> first_line_title(Draft.from_text("Storm closes port.\\n" + prose)).fields.title is None
    True
    >>> first_line_title(Draft.from_text("Share Facebook\\nStorm Closes Harbour Port!\\n" + prose)
    ...                  ).fields.title
    'Storm Closes Harbour Port!'
    """
    return _take_title(draft, "extract.title")


@step("extract.title_late")
def late_title(draft: Draft) -> Draft:
    """:func:`first_line_title` again, after the line model: furniture it removed ("Prioritise
    Us", "on Google", a photo credit) may have stood between the headline and the lede.

    Does nothing when a title is known.

    >>> prose = "The port closed on Monday after a storm hit the coast."
    >>> late_title(Draft.from_text("Storm closes port\\n\\n" + prose)).edits[-1].rule
    'extract.title_late'
    """
    return _take_title(draft, "extract.title_late")


def _take_title(draft: Draft, rule: str) -> Draft:
    """The headline among the first body lines, taken by ``rule`` (see
    :func:`first_line_title`)."""
    if draft.fields.title is not None:
        return draft
    body = list(draft.body())
    if len(body) < 2:
        return draft
    prose_at = next(
        (
            n
            for n, (i, line) in enumerate(body[: HEAD_SCAN + LOOKAHEAD])
            if _prose(line.text) and not _signed_question(draft, i, line.text)
        ),
        None,
    )
    if prose_at == 0:
        return _glued_headline(draft, body[0][0], rule)
    found = _page_headline(body) or _choose(draft, body, prose_at)
    menu: list[int] = []
    credited: list[tuple[int, str]] = []
    # a menu's link chosen, or none: the headline may stand under the menu, further down
    if (found is None or _link(body[found[0]][1].text)) and (under := _below_menu(body)):
        found = under
        menu = [j for j, _ in body[: found[0]]]  # the links above the headline: furniture
        credited = _credits_under(body[found[0] + 1 : found[0] + 1 + LOOKAHEAD])
    if found is None:
        return draft
    if not menu and _menu_above(body[: found[0]]):
        menu = [j for j, _ in body[: found[0]]]
    n, taken = found
    i, line = body[n]
    source = draft.fields.source
    if menu:
        draft = draft.take(menu, rule=rule, kind="removed")
    if credited:
        source = source or credited[0][1]
        taken = [*taken, *(j for j, _ in credited)]
    title, site = (_clean(line), None) if len(taken) > 1 else without_site(_clean(line))
    source = source or site
    for j in taken[1:]:
        page = _page_title(draft.lines[j].text, [line.text])
        if page is not None and len(page[1].split()) <= PAGE_SITE_WORDS:
            source = source or page[1]
    published, authors = draft.fields.published, draft.fields.authors
    if n >= HEAD_SCAN and not _stamped_above(draft, i):
        # a headline deep in the page, its stamp and byline right under it: they beat a
        # date read from the foot (a list of events, a footer)
        below = ((j, other) for j, other in enumerate(draft.lines) if j > i and other.text.strip())
        header = read_header_under(list(itertools.islice(below, UNDER_LINES)))
        taken = [*taken, *header.indices]
        published = header.published or published
        authors = authors or header.authors
    return draft.take(
        taken,
        rule=rule,
        kind="extracted",
        title=title,
        source=source,
        published=published,
        authors=authors,
    )


def _stamped_above(draft: Draft, index: int) -> bool:
    """A date stamp was taken above line ``index``: the header's date is known."""
    return any(line.rule == "extract.datelines" for line in draft.lines[:index])


def _glued_headline(draft: Draft, index: int, rule: str) -> Draft:
    """Cut a headline glued to the lede from the first body line into ``title``; the lede
    stays in the body."""
    line = draft.lines[index]
    lead = len(line.text) - len(line.text.lstrip())
    end = glued_headline_end(line.text[lead:])
    cut = lead + (end or 0) + 1  # the space before the lede goes with the headline
    if end is None:
        glued = glued_question_end(line.text[lead:])
        if glued is None:
            return draft
        end, cut = glued[0], lead + glued[1]  # "…?’. " leaves with the headline
    words = line.text[lead : lead + end].split()
    draft = draft.rewrite(index, [(0, cut, "")], rule=rule, kind="extracted")
    credit = _photo_credit_opening(words)
    if credit:  # "AP Photo McConnell seeks …": the credit of a photo the page lost
        captions = (*draft.fields.captions, Caption("", " ".join(words[:credit])))
        return draft.set_fields(title=" ".join(words[credit:]), captions=captions)
    return draft.set_fields(title=" ".join(words))


def _photo_credit_opening(words: list[str]) -> int:
    """How many of the first words are a photo agency's credit of two words or three ("AP
    Photo", "Getty Images"), or 0. A one-word agency ("Reuters") may open a headline."""
    from copydesk.extract._lexicon import lexicon

    agencies = lexicon().photo_agencies
    for n in (3, 2):
        if len(words) > n + 2 and " ".join(words[:n]).casefold() in agencies:
            return n
    return 0


def page_headline(draft: Draft) -> int | None:
    """The index of the body line that a page title among the first lines ("Headline |
    Site") repeats as its headline, or ``None``: the headline, whatever furniture is around it.

    >>> text = "Port reopens | Harbour Times\\nSign in\\nPort reopens\\nShips sailed again."
    >>> page_headline(Draft.from_text(text))
    2
    >>> page_headline(Draft.from_text("Port reopens\\nSign in\\nShips sailed again.")) is None
    True
    >>> text = "Harbour Times Weekend | Harbour Times\\nSign in\\nHarbour Times Weekend\\nShips."
    >>> page_headline(Draft.from_text(text)) is None  # a site's own name
    True
    """
    found = page_title_lines(draft)
    return found[0] if found else None


def page_title_lines(draft: Draft) -> tuple[int, ...]:
    """The indices of the headline a page title among the first lines repeats and of that
    page title ("Headline - Site" ... "Headline"), or none: both are the story's header,
    whatever furniture stands around them, and the page title names the site.

    >>> text = "Port reopens - Harbour Times\\nSkip to content\\nPort reopens\\nShips sailed again."
    >>> page_title_lines(Draft.from_text(text))
    (2, 0)
    >>> page_title_lines(Draft.from_text("Port reopens\\nSign in\\nShips sailed again."))
    ()
    """
    found = _page_headline(list(draft.body()))
    return () if found is None else tuple(found[1])


#: The characters one of which every match of PAGE_TITLE_SEP_RE holds.
PAGE_TITLE_SEP_MARKS = "|–—-·_"


def _has_page_title_sep(text: str) -> bool:
    """Whether ``text`` holds a page title's separator (:data:`PAGE_TITLE_SEP_RE`), the
    pattern tried only on a line holding one of its marks: its lookbehind makes it test
    every position of a line, where a few substring tests rule most lines out.

    >>> _has_page_title_sep("Storm closes port | Harbour Times"), _has_page_title_sep("Ships.")
    (True, False)
    """
    return any(c in text for c in PAGE_TITLE_SEP_MARKS) and (
        PAGE_TITLE_SEP_RE.search(text) is not None
    )


def _page_headline(body: list[tuple[int, Line]]) -> tuple[int, list[int]] | None:
    """A page title among the first lines ("Headline | Site") whose headline stands alone
    further down: ``(position of the headline, [its index, the page title's index])``. A
    site's name line whose "headline" opens with its "site" is none."""
    reach: list[str] | None = None  # the lines below, listed when a page title is seen
    for n, (j, line) in enumerate(body[:HEAD_SCAN]):
        if not _has_page_title_sep(line.text) or not _is_candidate(line.text):
            continue
        if reach is None:
            reach = [" ".join(other.text.split()) for _, other in body[:PAGE_TITLE_REACH]]
        page = _page_title(line.text, reach[n + 1 :])
        # "Harbour University Medical School | Harbour University" is a site's own name and
        # its part, no page title (a headline may end with the site's name, or hold it)
        if page is not None and not page[0].casefold().startswith(page[1].casefold()):
            m = reach.index(page[0], n + 1)
            return m, [body[m][0], j]
    return None


def _signed_question(draft: Draft, index: int, text: str) -> bool:
    """A headline in sentence case ending with "?" or "!" ("Was bedeutet das für den
    Hafen?", "Liman ne zaman açılacak?"), which only title case makes a candidate alone: it
    needs a topic before a colon ("Sturm in Hamburg: Was …?") or a byline or stamp taken
    right below it. A question opening the body has neither. (Not a sentence ending with a
    stop: a summary line ends so above a date stamp too, and is the story's.)"""
    text = text.strip()
    end = search_end(QUESTION_END_RE, text, 5)
    if end is None or end.start() < 3 or not _is_candidate(text[: end.start()]):
        return False
    if TOPIC_RE.match(text) is not None:
        return True
    below = next((line for line in draft.lines[index + 1 :] if line.text.strip()), None)
    return below is not None and below.state == "extracted" and below.rule in BYLINE_RULES


def _choose(
    draft: Draft, body: list[tuple[int, Line]], prose_at: int | None
) -> tuple[int, list[int]] | None:
    """The headline among the lines above the first prose line: ``(position, [index])``."""
    head = body[: min(prose_at, HEAD_SCAN)] if prose_at is not None else body[:HEAD_SCAN]
    candidates = [
        (n, i, line)
        for n, (i, line) in enumerate(head)
        if (_is_candidate(line.text) or _signed_question(draft, i, line.text))
        and not is_widget(line.text)
        # a section's name in a script without spaces ("スポーツ", "国际") is no headline
        and not (CJK_CHAR_RE.search(line.text) and _link(line.text))
    ]
    if len(candidates) > 1 and _section_list(candidates[0][2].text.strip()):
        candidates = candidates[1:]  # the story's sections above its headline
    if not candidates:
        return None
    first = candidates[0][2].text
    repeated = candidates[:1] if sum(line.text == first for line in draft.lines) > 1 else []
    if repeated:  # a headline repeated further down (the rest of the copy was removed)
        n = repeated[0][0]
        return (n, [repeated[0][1]]) if prose_at is not None or n == 0 else None
    if prose_at is None:
        return None
    # widgets, labels, kickers and lists of sections above the headline are passed over,
    # nothing else
    chosen = candidates[0]
    for m, (_, line) in enumerate(head[: chosen[0]]):
        text = line.text
        if not (is_widget(text) or _label(text) or _kicker(text) or _section_list(text.strip())):
            # a dek too long to be a candidate, right above the headline above the lede
            dek = m + 1 == chosen[0] == prose_at - 1 and not search_end(PROSE_END_RE, line.text, 4)
            if not (dek and _dek_above(line.text, chosen[2].text)):
                return None
    # (a list of sections is never the headline under another candidate)
    later = [
        c for c in candidates[1:] if not _link(c[2].text) and not _section_list(c[2].text.strip())
    ]
    if (
        later
        and _link(chosen[2].text)
        # only links between ("Son dakika haberleri" / "Gündem" / the headline)
        and all(_kicker(line.text) for _, line in head[chosen[0] + 1 : later[0][0]])
    ):
        chosen = later[0]
    elif (
        later
        and later[0][0] == chosen[0] + 1 == prose_at - 1
        and not search_end(PROSE_END_RE, chosen[2].text, 4)  # a sentence ending "!" is no dek
        and _dek_above(chosen[2].text, later[0][2].text)
    ):
        chosen = later[0]  # a dek above the headline, the headline right above the lede
    n = chosen[0]
    after = body[n + 1][1].text.lstrip()[:1] if n + 1 < len(body) else ""
    between = [line.text for _, line in body[n + 1 : prose_at]]
    far = prose_at - n > LOOKAHEAD and not _furnished(chosen[2].text, between)
    if far or after.islower() or after in RUN_ON_MARKS:
        return None  # prose too far below, or the line runs on into the next one ("，聲稱…")
    return n, [chosen[1]]


def _below_menu(body: list[tuple[int, Line]]) -> tuple[int, list[int]] | None:
    """The headline under a menu of section links: the last line above the first prose line
    that is longer than a kicker (four words or more; in a script without spaces more than
    a section's name) and ends no sentence, when every line above it is a link of one to
    three words ("Son dakika haberleri", "Gündem", "スポーツ") and the lede follows within
    :data:`LOOKAHEAD` lines. A link itself is never the title.

    >>> body = list(Draft.from_text("Gündem\\nSpor\\nFeribot seferleri beş yıl daha sürecek\\n"
    ...     "Haber Merkezi\\nBelediye meclisi feribot seferlerinin sürmesine karar verdi.").body())
    >>> _below_menu(body)
    (2, [2])

    Failing that, the first line under the menu, when the lede follows within
    :data:`MENU_LOOKAHEAD` lines: a deck and a byline with its stamp may stand between the
    headline and the lede ("Ayşe Demir | 28.11.2026 14:05"), and they stay for the readers of
    their own.

    >>> body = list(Draft.from_text("Gündem\\nSpor\\nFeribot seferleri beş yıl daha sürecek\\n"
    ...     "Yolcular yeni tarifeyi bekliyor\\nAyşe Demir | 28.11.2026 14:05\\n"
    ...     "Belediye meclisi feribot seferlerinin sürmesine karar verdi.").body())
    >>> _below_menu(body)
    (2, [2])
    """
    prose_at = next((n for n, (_, line) in enumerate(body[:MENU_SCAN]) if _prose(line.text)), None)
    if prose_at is None or prose_at < 2:
        return None
    texts = [line.text.strip() for _, line in body[:prose_at]]
    others = [n for n in range(prose_at) if not (_link(texts[n]) or texts[n][:1].isdigit())]
    if not others:
        return None
    for target, reach in dict.fromkeys([(others[-1], LOOKAHEAD), (others[0], MENU_LOOKAHEAD)]):
        if not (
            target == 0
            or prose_at - target > reach
            or PROSE_END_RE.search(texts[target])
            or not is_headline(texts[target])
            or _stamp_like(texts[target])
            or not all(
                _link(t) and _kicker(t) and not (is_widget(t) or _label(t)) for t in texts[:target]
            )
        ):
            return target, [body[target][0]]
    return None


def menu_lines(body: list[tuple[int, Line]]) -> int:
    """How many of the first body lines are a menu of section links (two or more, each a
    link of one to three words and no sentence, as :func:`_menu_above` reads them), or 0.

    The readers of fields that look at a document's first lines look that much further down:
    a site's menu pushes the byline and the stamp under the headline out of their reach.

    >>> def menu(text):
    ...     return menu_lines(list(Draft.from_text(text).body()))
    >>> menu("Gündem\\nSpor\\nEkonomi\\nMerkez Bankası faizi sabit tuttu")
    3
    >>> menu("Politics\\nMerkez Bankası faizi sabit tuttu")  # a kicker alone is no menu
    0
    """
    n = next(
        (n for n, (_, line) in enumerate(body[:MENU_SCAN]) if not _menu_link(line.text)),
        min(len(body), MENU_SCAN),
    )
    return n if n >= MENU_LINKS else 0


def header_lines(body: list[tuple[int, Line]], head: int) -> int:
    """How many first body lines the readers of a document's header look at, for ``head``
    wanted: ``head`` more than a menu of section links at the top (:func:`menu_lines`), and
    at least every line above the lede when it starts within :data:`HEADER_SCAN` lines (a
    site's header of links, widgets, a deck, the byline and stamps may fill them).

    >>> def header(text, head):
    ...     return header_lines(list(Draft.from_text(text).body()), head)
    >>> header("Skip to main content\\nSign in\\nWorld\\nUS\\nStorm closes port\\n"
    ...        "By Jane Roe\\nThe port closed on Monday after a storm hit the coast.", 2)
    6
    >>> header("The port closed on Monday after a storm hit the coast.\\nBy Jane Roe", 2)
    2
    """
    lede = next(
        (n for n, (_, line) in enumerate(body[:HEADER_SCAN]) if reads_as_prose(line.text)), 0
    )
    return max(head + menu_lines(body), lede)


def _menu_link(text: str) -> bool:
    """A link of a site's menu: a kicker's length, no widget, no label."""
    return _link(text) and _kicker(text) and not (is_widget(text) or _label(text))


def _menu_above(lines: list[tuple[int, Line]]) -> bool:
    """The lines above a headline are a menu: two links or more, each of one to three words
    and no sentence ("Son dakika haberleri", "Gündem", "Spor"); a single kicker is no menu,
    and stays.

    >>> _menu_above(list(Draft.from_text("Gündem\\nSpor").body()))
    True
    >>> _menu_above(list(Draft.from_text("Gündem").body()))
    False
    """
    return len(lines) >= MENU_LINKS and all(_menu_link(line.text) for _, line in lines)


def _stamp_like(text: str) -> bool:
    """A date line, or a line of parts between bars ("Dec 19, 2025|Last updated on …|xx min
    read"): a header's stamp or a page title, never the plain headline under a menu."""
    from copydesk.extract.datelines import read_stamp

    return "|" in text or RELATIVE_TIME_RE.search(text) is not None or read_stamp(text) is not None


def _credits_under(lines: list[tuple[int, Line]]) -> list[tuple[int, str]]:
    """The credits among the short lines between a headline and its lede: a known agency's
    name alone ("共同通信", "Reuters") or a news desk's ("Haber Merkezi"), with the source each
    names; the lines stop at the first that reads as prose."""
    from copydesk.extract._lexicon import lexicon
    from copydesk.extract._names import is_desk

    lex = lexicon()
    found: list[tuple[int, str]] = []
    for j, line in lines:
        text = " ".join(line.text.split())
        if _prose(text):
            break
        folded = unicodedata.normalize("NFKC", text).casefold()
        if folded in lex.agencies:
            found.append((j, lex.canonical.get(folded, text)))
        elif is_desk(text):
            found.append((j, text))
    return found


def _furnished(headline: str, between: list[str]) -> bool:
    """A headline in title case whose lede is further down than :data:`LOOKAHEAD` lines,
    under the furniture a page puts between them: a section, a date line, "KEY TAKEAWAYS",
    a photo's caption, a dek. A reader still takes the title-case line as the headline when
    none of the lines between is a title-case line too (a second headline, a teaser, a menu
    of sections), which would leave the choice open, nor ends a sentence (the text has begun:
    the line above it was its opening shout). A page title ("Headline | Site") is not
    trusted so far from the lede: its headline may stand alone further down.

    >>> dek = "A long summary of the story in sentence case with no stop at its end"
    >>> _furnished("Storm Closes The Harbour Port", ["World News", dek])
    True
    >>> _furnished("Storm Closes The Harbour Port", ["Ships Sail Again From Harbour", dek])
    False
    >>> _furnished("Storm Closes The Harbour Port", ["A photo of 2015.", dek])
    False
    >>> _furnished("Storm closes the harbour port", ["World News", dek])
    False
    >>> _furnished("Storm Closes The Harbour Port | Harbour Times", ["World News", dek])
    False
    """
    return (
        _title_case(headline)
        and PAGE_TITLE_SEP_RE.search(headline) is None
        and not any(
            PROSE_END_RE.search(text.rstrip()) or (_title_case(text) and _is_candidate(text))
            for text in between
        )
    )


def _dek_above(upper: str, lower: str) -> bool:
    """The upper of two stacked candidates is a dek, the lower the headline: the dek is a
    long line in sentence case, the headline at most ``DEK_RATIO`` of its words.

    >>> _dek_above("A new kind of sea wall could keep the old harbour open through storms",
    ...            "Sea wall could save the harbour")
    True
    >>> _dek_above("Storm closes port", "Engineers will inspect the sea wall before it opens")
    False
    >>> _dek_above("A new kind of sea wall could keep the old harbour open through storms",
    ...            "Updated 5 min ago")
    False
    """
    up, low = len(upper.split()), len(lower.split())
    if RELATIVE_TIME_RE.search(lower):
        return False  # "Updated 5 min ago" under a long headline is a stamp, no headline
    return up >= DEK_MIN_WORDS and low <= DEK_RATIO * up and not _title_case(upper)


def without_site(title: str) -> tuple[str, str | None]:
    """A page title taken as the headline without the site's name: ``(headline, outlet)``,
    the outlet when the part cut off names one.

    After a bar ("Storm closes port | Harbour Times", "台風で旧港を閉鎖｜港湾新聞"): no headline is
    written with a bar, a page title's parts are. Every part after the first is at most
    :data:`PAGE_SITE_WORDS` words long and shorter than the first ("Head | Section |
    Site"; a CJK character counts half a word); a short part before a longer one is a
    section opening the headline ("Budget 2026 | Port board wins its repairs"), which stays,
    and so does a site's own name line, whose first part opens with its last ("Harbour
    University Medical School | Harbour University"). After a dash or a CJK colon, where
    headlines go on ("Storm closes port – ships sail north"), only an outlet's name is cut
    ("Alter Hafen schließt - Hafenzeitung", "台風で旧港を閉鎖：港湾新聞"). An outlet's name
    after a bar is the site however long it is beside the headline ("旧港、閉鎖へ｜港湾新聞
    オンライン").

    >>> without_site("Storm closes the old port | Harbour Times")
    ('Storm closes the old port', 'Harbour Times')
    >>> without_site("Tools for the port in 2026 | Cranes, Tugs & Pilots | Acme")
    ('Tools for the port in 2026', None)
    >>> without_site("Budget 2026 | Port board wins money for its repairs")[0]
    'Budget 2026 | Port board wins money for its repairs'
    >>> without_site("Harbour University Medical School | Harbour University")[0]
    'Harbour University Medical School | Harbour University'
    >>> without_site("台風で旧港を一時閉鎖｜港湾新聞"), without_site("港口关闭-新华网")
    (('台風で旧港を一時閉鎖', '港湾新聞'), ('港口关闭', '新华网'))
    >>> without_site("Alter Hafen wird geschlossen - Hafenzeitung")
    ('Alter Hafen wird geschlossen', 'Hafenzeitung')
    >>> without_site("Storm closes the port – ships sail north")
    ('Storm closes the port – ships sail north', None)
    >>> without_site("旧港、閉鎖へ｜港湾新聞オンライン")  # a site longer than its headline
    ('旧港、閉鎖へ', '港湾新聞オンライン')
    """
    from copydesk.extract.reported import is_outlet

    head, *rest = BAR_RE.split(title)
    size = _size(head)
    own = bool(rest) and head.casefold().startswith(rest[-1].casefold())
    if rest and not own and all(_size(p) <= min(PAGE_SITE_WORDS, size - 1) for p in rest):
        return head, rest[-1] if is_outlet(rest[-1]) else None
    if len(rest) == 1 and not own and size > 1 and is_outlet(rest[0]):
        return head, rest[0]  # an outlet after the bar is the site, however short the head
    m = SITE_TAIL_RE.search(title)
    if m is not None and m.start() > 0 and is_outlet(m["site"]) and _size(title[: m.start()]) > 1:
        return title[: m.start()], m["site"]
    return title, None


def _size(text: str) -> int:
    """A text's length in words, a CJK character counting half a word (a headline of ten
    characters says what five words do)."""
    return len(text.split()) + len(CJK_CHAR_RE.findall(text)) // 2


def _clean(line: Line) -> str:
    return " ".join(line.text.split())

"""What the line model reads: the words of a line, its shape, and its neighbours.

Two kinds of features, each a plain function that can be called on one line and tested alone:

- :func:`line_tokens`: the sparse part, the words and word pairs of a line (casefolded, digits
  folded to ``0``), each character of a script written without spaces (CJK, Thai) as a word
  of its own so that its pairs are character bigrams, punctuation marks, and the line's first
  and last word marked as such. They work the same in every script; right-to-left text is
  tokenised in logical order like any other.
- :func:`shape_rows`: the dense part, per line of a document: length, punctuation, case,
  digits, links, position in the document, the run of short lines it sits in, whether the
  text repeats, and what the rules already did with the line (the *evidence*).

The model (:mod:`copydesk.classify.model`) adds the context: the word scores of the
neighbouring lines.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Sequence

from copydesk._lazy import lazy_re

__all__ = [
    "AROUND",
    "CLASSES",
    "EVIDENCE",
    "MAX_TOKENS",
    "SHAPE_NAMES",
    "Read",
    "anchor_rows",
    "cohesion_rows",
    "ends_sentence",
    "evidence_group",
    "feature_names",
    "line_tokens",
    "list_rows",
    "numbered_rows",
    "read_line",
    "segment_rows",
    "shape_rows",
    "spaceless_letter",
    "topic_words",
]

#: Only the first tokens of a line are read: a line longer than this is prose by its length,
#: which the shape features say; the cap keeps a 45,000-character line as cheap as a short one.
MAX_TOKENS = 16
#: Word pairs are taken among the first tokens only: a line's opening says most of what it is.
PAIR_TOKENS = 8
#: How many characters of a line are read for its words and shape (generously over
#: ``MAX_TOKENS`` words)...
PREFIX = 240
#: ...and of a line that ends a sentence.
SENTENCE_PREFIX = 64

# One token: a run of letters, a run of digits, or one other visible character (stdlib ``re``:
# its ``\w`` is Unicode-aware and it is faster here than ``regex``). Example: "Photo: AP 2021"
# -> Photo, :, AP, 2021. Letters of scripts written without spaces come as one run and are cut
# into characters afterwards (see _words). Each repeat is one character class: linear.
TOKEN_RE = lazy_re(r"[^\W\d_]+|\d+|[^\w\s]")
# TOKEN_RE on casefolded ASCII text, whose letters are a-z and digits 0-9: the same tokens,
# found about a third faster by plain ranges. Example: "photo: ap 2021" -> photo, :, ap, 2021.
_ASCII_TOKEN_RE = lazy_re(r"[a-z]+|[0-9]+|[^\w\s]")
# Characters that end a sentence, in the scripts of the corpus (closing quotes are skipped
# before looking, see ends_sentence).
SENTENCE_END = frozenset(".!?…。！？؟।")
CLOSERS = "\"'”’»)]」』）"
# Separators of menus, breadcrumbs and credit lines.
SEPARATORS = frozenset("|•·»›/>–—-:")


def _has_link(text: str) -> bool:
    """A mark of a web or e-mail address (plain substring tests are the cheapest)."""
    return "http" in text or "www." in text or "@" in text or ".com" in text or ".org" in text


def spaceless_letter(c: str) -> bool:
    """True for a letter of a script written without spaces (CJK, kana, Thai, Lao, Khmer)."""
    return (
        "\u2e80" <= c <= "\u9fff"
        or "\uf900" <= c <= "\ufaff"
        or "\uac00" <= c <= "\ud7af"
        or "\u0e00" <= c <= "\u0eff"
        or "\u1780" <= c <= "\u17ff"
        or "\u3400" <= c <= "\u4dbf"
    )


def _words(prefix: str) -> tuple[list[str], tuple[int, int, int, int]]:
    """The first ``MAX_TOKENS`` tokens of a casefolded prefix, digits folded to ``0``, each
    character of a spaceless script a token of its own; and what they hold: letters, digits,
    separators, and characters of spaceless scripts."""
    out: list[str] = []
    letters = digits = separators = spaceless = 0
    tokens = (_ASCII_TOKEN_RE if prefix.isascii() else TOKEN_RE).findall(prefix)
    for t in tokens:
        c = t[0]
        if c.isdigit():
            out.append("0")
            digits += len(t)
        elif c.isalpha():
            letters += len(t)
            if not t.isascii() and spaceless_letter(c):
                out.extend(t)
                spaceless += len(t)
            else:
                out.append(t)
        else:
            out.append(t)
            separators += c in SEPARATORS
        if len(out) >= MAX_TOKENS:
            del out[MAX_TOKENS:]
            break
    return out, (letters, digits, separators, spaceless)


#: The classes of a line, in the order of the model's probability columns.
CLASSES = ("body", "title", "meta", "residue")

#: What the rules did with a line, in groups that mean the same to the model. A line still in
#: the body is group 0; ``evidence_group`` maps a line's state and rule to its group.
EVIDENCE = (
    "body",
    "strip",
    "strip.duplicates",
    "strip.residue_blocks",
    "strip.stray_script",
    "extract.header",
    "extract.byline",
    "extract.caption",
    "extract.credit",
    "extract.title",
    "extract.other",
)
_EVIDENCE_INDEX = {name: i for i, name in enumerate(EVIDENCE)}
#: Per evidence group, its one-hot columns (:func:`shape_rows`).
_ONE_HOT = tuple(tuple(float(i == g) for i in range(len(EVIDENCE))) for g in range(len(EVIDENCE)))
#: Evidence groups that end a segment: furniture the rules took.
_TITLE = _EVIDENCE_INDEX["extract.title"]
_BREAKS = frozenset({_EVIDENCE_INDEX["strip"], _EVIDENCE_INDEX["strip.residue_blocks"]})
_EXTRACT_GROUPS = {
    "extract.headers": "extract.header",
    "extract.front_matter": "extract.header",
    "extract.bylines": "extract.byline",
    "extract.datelines": "extract.byline",
    "extract.outlet_lines": "extract.byline",  # 'Outlet – City' datelines, '(OUTLET) …'
    "extract.captions": "extract.caption",
    "extract.credits": "extract.credit",
    "extract.contacts": "extract.credit",
    "extract.categories": "extract.credit",
}


#: Where the model reads each line's word scores: the line itself, its neighbours one and two
#: lines away, the window of three lines on each side, and the whole document.
CONTEXT = ("self", "prev", "next", "prev2", "next2", "window", "document")


def feature_names() -> tuple[str, ...]:
    """The names of the model's second-stage input columns, in order: word scores in each
    :data:`CONTEXT`, the line's largest ones, the share of known features, and the shape."""
    k = len(CLASSES)
    scores = tuple(f"{where}:{c}" for where in CONTEXT for c in CLASSES)
    peaks = tuple(f"peak:{c}" for c in CLASSES)
    return (*scores[:k], *peaks, *scores[k:], "known", "prev:known", "next:known", *SHAPE_NAMES)


def evidence_group(state: str, rule: str | None) -> int:
    """The :data:`EVIDENCE` group of a line that the rules left in ``state`` by ``rule``.

    >>> EVIDENCE[evidence_group("removed", "strip.share_prompt")]
    'strip'
    >>> EVIDENCE[evidence_group("extracted", "extract.datelines")]
    'extract.byline'
    >>> EVIDENCE[evidence_group("body", None)]
    'body'
    """
    if state == "body" or rule is None:
        return 0
    if rule in _EVIDENCE_INDEX:
        return _EVIDENCE_INDEX[rule]
    if rule.startswith("extract."):
        return _EVIDENCE_INDEX[_EXTRACT_GROUPS.get(rule, "extract.other")]
    return _EVIDENCE_INDEX["strip"]


def _features(words: list[str]) -> list[str]:
    """A line's words, its first and last word marked, and the pairs of its first words.

    The pairs are joined by ``map``, without a Python-level loop (the same strings as
    ``a + " " + b`` a pair).

    >>> _features(["share", "on", "facebook"])
    ['share', 'on', 'facebook', '^share', 'facebook$', 'share on', 'on facebook']
    """
    if not words:
        return []
    firsts = words[:PAIR_TOKENS]
    return [*words, "^" + words[0], words[-1] + "$", *map(" ".join, itertools.pairwise(firsts))]


def line_tokens(text: str) -> list[str]:
    """The sparse features of one line: words, word pairs, marks, first and last word.

    Words are casefolded and runs of digits become ``0``; a feature is listed as often as it
    occurs.

    >>> line_tokens("Share on Facebook")
    ['share', 'on', 'facebook', '^share', 'facebook$', 'share on', 'on facebook']
    >>> line_tokens("記者王小明")[:6]
    ['記', '者', '王', '小', '明', '^記']
    >>> line_tokens("")
    []
    """
    return read_line(text)[0]


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with a sentence's end mark, closing quotes and brackets aside.

    >>> ends_sentence("He said: “Enough.”"), ends_sentence("Read more")
    (True, False)
    """
    end = text.rstrip(CLOSERS)
    return bool(end) and end[-1] in SENTENCE_END


#: What :func:`shape_rows` repeats of the line before and of the line after each line: runs
#: of furniture (a list of teasers, a contact block) look alike and share few words with the
#: story.
NEIGHBOUR_NAMES = ("log_chars", "ends_sentence", "title_case", "cohesion", "cohesion_core")

#: Names of the columns :func:`shape_rows` returns, in order.
SHAPE_NAMES = (
    "log_chars",
    "log_words",
    "ends_sentence",
    "ends_colon",
    "letters",
    "digits",
    "all_caps",
    "title_case",
    "starts_upper",
    "spaceless",
    "link",
    "separators",
    "position",
    "position_from_end",
    "log_index",
    "log_index_from_end",
    "log_lines",
    "share_of_longest",
    "text_before",
    "log_short_run",
    "repeats",
    "first_body",
    "log_prose_before",
    "log_prose_after",
    "before_first_prose",
    "after_last_prose",
    "log_prose_distance",
    *(f"evidence={name}" for name in EVIDENCE),
    "removed_before",
    "removed_after",
    "removed_around",
    "cohesion",
    "cohesion_before",
    "cohesion_after",
    "cohesion_vs_prose",
    "cohesion_window",
    "segment_prose_share",
    "before_main_segment",
    "after_main_segment",
    "numbered",
    "numbered_around",
    "cohesion_core",
    "cohesion_title",
    *(f"{side}:{name}" for side in ("prev", "next") for name in NEIGHBOUR_NAMES),
    "log_headline_run",
    "same_opening_around",
    "length_like_around",
)

_LOG_SHORT_WORDS = math.log1p(8)
_LOG_PROSE_WORDS = math.log1p(12)
#: How many lines on each side make a line's window, in the features and the model's context.
AROUND = 3


#: Documents of up to this many lines keep their windows (:func:`_around`) for the next one.
AROUND_KEPT = 512


def _around(n: int) -> tuple[tuple[int, int, int], ...]:
    """Per line of a document of ``n`` lines, the window of ``AROUND`` lines on each side:
    ``(lo, hi, others)``, ``texts[lo:hi]`` holding the line and ``others`` (at least 1) the
    count of the others. Four features read these windows; a line count recurs from document
    to document, so the windows of up to ``AROUND_KEPT`` lines are kept (at most 128 counts,
    a few MB at worst), not worked out again by seven calls a line.

    >>> _around(2)
    ((0, 2, 1), (0, 2, 1))
    """
    return _kept_around(n) if n <= AROUND_KEPT else _spans(n)


def _spans(n: int) -> tuple[tuple[int, int, int], ...]:
    spans = []
    for k in range(n):
        lo, hi = max(0, k - AROUND), min(n, k + AROUND + 1)
        spans.append((lo, hi, max(1, hi - lo - 1)))
    return tuple(spans)


_kept_around = functools.lru_cache(maxsize=128)(_spans)


#: What :func:`read_line` returns: a line's sparse features and its shape.
Read = tuple[list[str], tuple[float, ...]]


def read_line(text: str) -> Read:
    """One line's sparse features (:func:`line_tokens`) and the shape part of its dense ones.

    One pass over the first ``PREFIX`` characters serves both, so that a line is read once.
    """
    n = len(text) or 1
    ends = ends_sentence(text)
    # A line ending a sentence is read by its opening only: that is what tells a sentence of
    # furniture ("Click here to ...") from the story's, and it makes prose, most lines of a
    # document, cheap to read.
    prefix = text[:SENTENCE_PREFIX] if ends else text[:PREFIX]
    words, (letters, digits, separators, spaceless) = _words(prefix.casefold())
    p = len(prefix) or 1
    return _features(words), (
        math.log1p(n),
        # words by their spaces (no list is built; a 45,000-character line costs one count)
        math.log1p(text.count(" ") + 1 + spaceless),
        float(ends),
        float(text.endswith((":", "："))),
        letters / p,
        digits / p,
        float(text.isupper()),
        float(text.istitle()),
        float(text[:1].isupper()),
        spaceless / max(1, len(words)),
        float(_has_link(prefix)),
        math.log1p(separators),
    )


def _is_short(shape: tuple[float, ...]) -> bool:
    """Fewer than eight words (a spaceless character counts as one) and no sentence end."""
    return shape[1] < _LOG_SHORT_WORDS and not shape[2]


def _is_prose(shape: tuple[float, ...]) -> bool:
    """A sentence of twelve words or more (a spaceless character counts as one)."""
    return shape[1] >= _LOG_PROSE_WORDS and bool(shape[2])


#: A line's topic words: words of four letters or more, and runs of a script written without
#: spaces (Chinese, Japanese, Korean), read as character pairs.
_SPACELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_TOPIC_WORD_RE = lazy_re(rf"[^\W\d_{_SPACELESS}]{{4,}}")
_SPACELESS_RUN_RE = lazy_re(rf"[{_SPACELESS}]{{2,}}")
# One character of a spaceless script: a line without one has no runs of them. One class.
_SPACELESS_RE = lazy_re(rf"[{_SPACELESS}]")
# _TOPIC_WORD_RE on casefolded ASCII text, whose letters are a-z: the same words, found about a
# third faster by a plain range. Example: "the ferry runs" -> ferry, runs. One class repeated.
_ASCII_TOPIC_WORD_RE = lazy_re(r"[a-z]{4,}")
# A word character beyond ASCII (a letter, a digit of another script). A casefolded line
# without one holds no letter but a-z and none of a spaceless script, whatever its curly quotes
# and dashes: _ASCII_TOPIC_WORD_RE finds its topic words. Example: "é" in "café"; not "’" or
# "—". One character, no repeat.
_NON_ASCII_WORD_RE = lazy_re(r"[^\W\x00-\x7f]")
#: How much of a line its topic words are read from.
TOPIC_PREFIX = 400


def topic_words(text: str) -> set[str]:
    """The words by which a line shares its subject with the rest of its story.

    >>> sorted(topic_words("The ferry runs on Monday"))
    ['ferry', 'monday', 'runs']
    >>> sorted(topic_words("渡轮运营"))
    ['渡轮', '轮运', '运营']
    """
    text = text[:TOPIC_PREFIX].casefold()
    # no letter beyond a-z, none of a spaceless script (most lines of English news: the
    # Unicode pattern costs about twice as much)
    if text.isascii() or _NON_ASCII_WORD_RE.search(text) is None:
        return set(_ASCII_TOPIC_WORD_RE.findall(text))
    out = set(_TOPIC_WORD_RE.findall(text))
    # most lines beyond ASCII (Cyrillic, accented Latin) hold no spaceless character: one
    # search for any rules out the runs, and is cheaper than looking for runs of two
    if _SPACELESS_RE.search(text) is not None:
        for run in _SPACELESS_RUN_RE.findall(text):
            out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def _shares_seen(words: Sequence[set[str]]) -> list[float]:
    """Per line, the share of its words found in the lines before it (:func:`_seen_before`
    without the words met twice, which a caller that only wants the shares need not
    gather)."""
    seen: set[str] = set()
    out = []
    for ws in words:
        out.append(len(ws & seen) / len(ws) if ws else 0.0)
        seen |= ws
    return out


def _met_twice(words: Sequence[set[str]]) -> set[str]:
    """The words found in two lines or more (:func:`_seen_before` without the shares)."""
    seen: set[str] = set()
    many: set[str] = set()
    for ws in words:
        many |= ws & seen
        seen |= ws
    return many


def _seen_before(words: Sequence[set[str]]) -> tuple[list[float], set[str]]:
    """:func:`_shares_seen`, and the words found in two lines or more: each line's words
    met before are both, so one pass (one set intersection a line) gives the two."""
    seen: set[str] = set()
    many: set[str] = set()
    out = []
    for ws in words:
        met = ws & seen
        out.append(len(met) / len(ws) if ws else 0.0)
        many |= met
        seen |= ws
    return out, many


def cohesion_rows(
    texts: Sequence[str], prose: Sequence[bool], words: Sequence[set[str]] | None = None
) -> list[tuple[float, float, float, float, float]]:
    """How much each line is about what the rest of its document is about.

    Per line, of its :func:`topic_words`: the share found in any other line, in the lines
    before it, in the lines after it; the first of these minus its mean over the prose lines;
    and its mean over the three lines on each side. A teaser of another story, a promotion or
    a widget shares few words with the article around it, in any language. ``words`` are the
    lines' topic words when the caller has them.

    >>> rows = cohesion_rows(["Ferry votes", "The ferry votes again", "Cats sleep"], [1, 1, 1])
    >>> [round(r[0], 2) for r in rows]
    [1.0, 0.67, 0.0]
    """
    n = len(texts)
    if words is None:
        words = [topic_words(t) for t in texts]
    before, many = _seen_before(words)
    shares = [len(ws & many) / len(ws) if ws else 0.0 for ws in words]
    after = _shares_seen(words[::-1])[::-1]
    in_prose = [shares[k] for k in range(n) if prose[k]]
    base = sum(in_prose) / len(in_prose) if in_prose else 0.0
    rows = []
    for k, (lo, hi, others) in enumerate(_around(n)):
        window = (sum(shares[lo:hi]) - shares[k]) / others
        rows.append((shares[k], before[k], after[k], shares[k] - base, window))
    return rows


def anchor_rows(
    words: Sequence[set[str]], core: Sequence[bool], title: int
) -> list[tuple[float, float]]:
    """Per line, the share of its topic words found in the ``core`` lines (the article's main
    prose; the line itself aside) and in the line ``title`` (the headline; -1: none).

    >>> anchor_rows([{"ferry"}, {"ferry", "vote"}, {"volcano"}], [False, True, False], 0)
    [(1.0, 1.0), (0.0, 0.5), (0.0, 0.0)]
    """
    # a core line's word is in the core elsewhere when two core lines hold it: the words met
    # again (_met_twice, one set operation a line rather than a count a word)
    in_core = [ws for ws, c in zip(words, core, strict=True) if c]
    twice = _met_twice(in_core)
    head = words[title] if title >= 0 else set()
    elsewhere = (twice, set().union(*in_core))
    rows = []
    for ws, c in zip(words, core, strict=True):
        if not ws:
            rows.append((0.0, 0.0))
            continue
        rows.append((len(ws & elsewhere[not c]) / len(ws), len(ws & head) / len(ws)))
    return rows


def segment_rows(
    lengths: Sequence[int], prose: Sequence[bool], evidence: Sequence[int]
) -> list[tuple[float, float, float]]:
    """Where each line stands against the article's main stretch of prose.

    The rules' removals of furniture cut a document into segments. Per line: the share of the
    document's prose (in characters) in its segment, and whether its segment comes before or
    after the one holding the most (the article, usually): the related stories under a
    newsletter prompt the rules took sit in a segment after it.

    >>> [(round(a, 2), b, c) for a, b, c in segment_rows([50, 20, 10], [1, 0, 1], [0, 1, 0])]
    [(0.83, 0.0, 0.0), (0.17, 0.0, 1.0), (0.17, 0.0, 1.0)]
    """
    n = len(lengths)
    seg = [0] * n
    s = 0
    for k in range(n):
        if k and evidence[k] in _BREAKS:
            s += 1
        seg[k] = s
    mass = [0.0] * (s + 1)
    for k in range(n):
        if prose[k]:
            mass[seg[k]] += lengths[k]
    total = sum(mass) or 1.0
    main = max(range(s + 1), key=mass.__getitem__)
    return [(mass[seg[k]] / total, float(seg[k] < main), float(seg[k] > main)) for k in range(n)]


#: A number opening a line, as a list item or a table's row number: "3.", "3)", "3、", "3".
_ITEM_RE = lazy_re(r"(\d{1,3})(?:[.)、:：]|\s|$)")
#: How many lines away the next item of a list may stand (a table row of several cells).
_ITEM_REACH = 4


def numbered_rows(texts: Sequence[str]) -> list[tuple[float, float]]:
    """Per line: whether it is an item of a numbered list or table -- it opens with a number
    that follows one a few lines before or precedes one a few lines after -- and the share of
    such items within three lines on each side (a ranking table's name and value cells).

    >>> [r[0] for r in numbered_rows(["1. Oslo", "2. Lima", "Photo 2", "12 dead"])]
    [1.0, 1.0, 0.0, 0.0]
    """
    n = len(texts)
    number: list[int | None] = []
    for text in texts:
        m = _ITEM_RE.match(text)
        number.append(int(m.group(1)) if m else None)
    item = [0.0] * n
    for k, v in enumerate(number):
        if v is None:
            continue
        for j in range(k + 1, min(n, k + _ITEM_REACH + 1)):
            if number[j] == v + 1:
                item[k] = item[j] = 1.0
    rows = []
    for k, (lo, hi, others) in enumerate(_around(n)):
        rows.append((item[k], (sum(item[lo:hi]) - item[k]) / others))
    return rows


def _run_lengths(flags: Sequence[bool]) -> list[int]:
    """Per item, the length of the run of true ``flags`` it stands in (0 where false).

    >>> _run_lengths([True, True, False, True])
    [2, 2, 0, 1]
    """
    n = len(flags)
    out = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and flags[j] == flags[i]:
            j += 1
        if flags[i]:
            out[i:j] = [j - i] * (j - i)
        i = j
    return out


def _opening(text: str) -> str:
    """A line's first token, casefolded (in a script written without spaces, its first two
    characters)."""
    m = TOKEN_RE.search(text[:40])
    if m is None:
        return ""
    word = m.group().casefold()
    return word[:2] if spaceless_letter(word[0]) else word


def list_rows(texts: Sequence[str], log_chars: Sequence[float]) -> list[tuple[float, float]]:
    """Per line, of the three lines on each side: the share that open with the same token
    ("Tel.:", "E-Mail:"; a list of links or of contacts) and the share about as long (within
    a factor of 1.35 in characters; a list of teasers), signs of a list in any language.

    >>> rows = list_rows(["Tel.: 0681", "Tel.: 0682", "A story"], [2.4, 2.4, 2.0])
    >>> [(round(a, 2), round(b, 2)) for a, b in rows]
    [(0.5, 0.5), (0.5, 0.5), (0.0, 0.0)]
    """
    n = len(texts)
    opening = [_opening(t) for t in texts]
    rows = []
    for k, (lo, hi, others) in enumerate(_around(n)):
        same = opening[lo:hi].count(opening[k]) - 1 if opening[k] else 0
        here = log_chars[k]
        like = sum([abs(c - here) < 0.3 for c in log_chars[lo:hi]]) - 1
        rows.append((same / others, like / others))
    return rows


def shape_rows(
    texts: Sequence[str],
    evidence: Sequence[int],
    shapes: Sequence[tuple[float, ...]] | None = None,
) -> list[list[float]]:
    """The dense features of every line of one document, in :data:`SHAPE_NAMES` order.

    ``texts`` are the document's non-blank lines (stripped), ``evidence`` their
    :func:`evidence_group` numbers, ``shapes`` their :func:`read_line` shapes when the
    caller has them already.

    >>> rows = shape_rows(["Home", "The port closed on Monday, officials said."], [0, 0])
    >>> dict(zip(SHAPE_NAMES, rows[1]))["ends_sentence"], len(rows[0]) == len(SHAPE_NAMES)
    (1.0, True)
    """
    n = len(texts)
    if n == 0:
        return []
    lengths = [len(t) for t in texts]
    longest = max(lengths) or 1
    total = sum(lengths) or 1
    counts = Counter(texts)
    if shapes is None:
        shapes = [read_line(t)[1] for t in texts]
    short = [_is_short(shape) for shape in shapes]
    run = _run_lengths(short)
    prose = [_is_prose(shape) for shape in shapes]
    # runs of lines neither short nor prose: a list of teasers (headlines), a contact block
    headline_run = _run_lengths([not short[k] and not prose[k] for k in range(n)])
    prose_at = [k for k in range(n) if prose[k]]
    first_prose, last_prose = (prose_at[0], prose_at[-1]) if prose_at else (n, -1)
    # lines to the nearest prose line, from the left and from the right
    near = [n] * n
    last = -n
    for k in range(n):
        last = k if prose[k] else last
        near[k] = k - last
    last = 2 * n
    for k in range(n - 1, -1, -1):
        last = k if prose[k] else last
        near[k] = min(near[k], last - k)
    removed = [e != 0 for e in evidence]
    first_body = next((k for k in range(n) if not removed[k]), -1)
    words = [topic_words(t) for t in texts]
    cohesion = cohesion_rows(texts, prose, words)
    segments = segment_rows(lengths, prose, evidence)
    numbered = numbered_rows(texts)
    core = [prose[k] and not (segments[k][1] or segments[k][2]) for k in range(n)]
    title = next((k for k in range(n) if evidence[k] == _TITLE), first_body)
    anchors = anchor_rows(words, core, title)
    side = [(*shapes[k][:3:2], shapes[k][7], cohesion[k][0], anchors[k][0]) for k in range(n)]
    none = (0.0,) * len(NEIGHBOUR_NAMES)
    lists = list_rows(texts, [shape[0] for shape in shapes])
    rows: list[list[float]] = []
    before = 0
    prose_before = 0
    # Every count below (a position, a run, a distance) lies in [0, n]: their log1p are
    # looked up, n + 1 calls a document instead of seven a line; the same floats.
    log1p = [math.log1p(i) for i in range(n + 1)]
    for (k, text), (lo, hi, others) in zip(enumerate(texts), _around(n), strict=True):
        around = sum(removed[lo:hi]) - removed[k]
        rows.append(
            [
                *shapes[k],
                k / n,
                (n - 1 - k) / n,
                log1p[k],
                log1p[n - 1 - k],
                log1p[n],
                lengths[k] / longest,
                before / total,
                log1p[run[k]],
                float(counts[text] > 1),
                float(k == first_body),
                log1p[prose_before],
                log1p[len(prose_at) - prose_before - prose[k]],
                float(k < first_prose),
                float(k > last_prose),
                log1p[min(near[k], n)],
                *_ONE_HOT[evidence[k]],
                float(k > 0 and removed[k - 1]),
                float(k + 1 < n and removed[k + 1]),
                around / others,
                *cohesion[k],
                *segments[k],
                *numbered[k],
                *anchors[k],
                *(side[k - 1] if k > 0 else none),
                *(side[k + 1] if k + 1 < n else none),
                log1p[headline_run[k]],
                *lists[k],
            ]
        )
        before += lengths[k]
        prose_before += prose[k]
    return rows

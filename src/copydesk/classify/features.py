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

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

__all__ = [
    "CLASSES",
    "EVIDENCE",
    "MAX_TOKENS",
    "SHAPE_NAMES",
    "ends_sentence",
    "evidence_group",
    "line_tokens",
    "read_line",
    "shape_rows",
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
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# Characters that end a sentence, in the scripts of the corpus (closing quotes are skipped
# before looking, see ends_sentence).
SENTENCE_END = frozenset(".!?…。！？؟।")
CLOSERS = "\"'”’»)]」』）"
# Separators of menus, breadcrumbs and credit lines.
SEPARATORS = frozenset("|•·»›/>–—-:")


def _has_link(text: str) -> bool:
    """A mark of a web or e-mail address (plain substring tests are the cheapest)."""
    return "http" in text or "www." in text or "@" in text or ".com" in text or ".org" in text


def _spaceless(c: str) -> bool:
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
    for t in TOKEN_RE.findall(prefix):
        c = t[0]
        if c.isdigit():
            out.append("0")
            digits += len(t)
        elif c.isalpha():
            letters += len(t)
            if not t.isascii() and _spaceless(c):
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
_EXTRACT_GROUPS = {
    "extract.headers": "extract.header",
    "extract.front_matter": "extract.header",
    "extract.bylines": "extract.byline",
    "extract.datelines": "extract.byline",
    "extract.captions": "extract.caption",
    "extract.credits": "extract.credit",
    "extract.contacts": "extract.credit",
    "extract.categories": "extract.credit",
}


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
    if not words:
        return []
    feats = [*words, "^" + words[0], words[-1] + "$"]
    feats.extend([a + " " + b for a, b in itertools.pairwise(words[:PAIR_TOKENS])])
    return feats


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
)

_LOG_SHORT_WORDS = math.log1p(8)
_LOG_PROSE_WORDS = math.log1p(12)
_AROUND = 3


def read_line(text: str) -> tuple[list[str], tuple[float, ...]]:
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
    run = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j] == short[i]:
            j += 1
        for k in range(i, j):
            run[k] = (j - i) if short[i] else 0
        i = j
    prose = [_is_prose(shape) for shape in shapes]
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
    rows: list[list[float]] = []
    before = 0
    prose_before = 0
    groups = len(EVIDENCE)
    for k, text in enumerate(texts):
        one_hot = [0.0] * groups
        one_hot[evidence[k]] = 1.0
        lo, hi = max(0, k - _AROUND), min(n, k + _AROUND + 1)
        around = sum(removed[lo:hi]) - removed[k]
        rows.append(
            [
                *shapes[k],
                k / n,
                (n - 1 - k) / n,
                math.log1p(k),
                math.log1p(n - 1 - k),
                math.log1p(n),
                lengths[k] / longest,
                before / total,
                math.log1p(run[k]),
                float(counts[text] > 1),
                float(k == first_body),
                math.log1p(prose_before),
                math.log1p(len(prose_at) - prose_before - prose[k]),
                float(k < first_prose),
                float(k > last_prose),
                math.log1p(min(near[k], n)),
                *one_hot,
                float(k > 0 and removed[k - 1]),
                float(k + 1 < n and removed[k + 1]),
                around / max(1, hi - lo - 1),
            ]
        )
        before += lengths[k]
        prose_before += prose[k]
    return rows

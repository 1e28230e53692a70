"""The pipeline step ``classify.lines``: the line model's decisions, written to the ledger.

The weights are loaded on the first document that needs them, not when copydesk is imported;
a process that reads a few small documents reads them without numpy
(:mod:`copydesk.classify.plain`).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from copydesk._identity import IdentityCache
from copydesk.classify.features import (
    CLASSES,
    Read,
    ends_sentence,
    evidence_group,
    read_line,
    spaceless_letter,
)
from copydesk.classify.weights import TailRule
from copydesk.draft import Draft
from copydesk.errors import PipelineError
from copydesk.pipeline import Phase
from copydesk.rules import KEEP, Rule
from copydesk.strip import active_rules

if TYPE_CHECKING:
    from copydesk.classify.model import LineModel

__all__ = ["ClassifyLines", "head_end", "lines", "list_start", "tail_start"]

_BODY, _TITLE, _META, _RESIDUE = range(len(CLASSES))
#: A sentence of at least this many words (a character of a spaceless script counts as one)
#: is the model's to remove only beside a line it removes (:func:`_run_takes`): a teaser
#: headline with a full stop in a list of teasers. Anywhere else it stays, which keeps made-up
#: prose safe from a model that never saw any. Out of fold, taking such sentences with their
#: run removed 5 more corpus residue and meta lines and 1.8% more whole-page residue, and no
#: more corpus body lines (taking them anywhere below the threshold lost one).
PROSE_WORDS = 4
_LOG_PROSE_WORDS = math.log1p(PROSE_WORDS)
#: A document of more non-blank lines than this (the longest training page had 1,671) is read
#: by its first and last EDGE_LINES lines only; the lines between are left to the rules.
MAX_LINES = 2000
EDGE_LINES = 1000


@attrs.frozen(slots=True)
class Cuts:
    """A model's threshold and the rules of its cuts at the article's edges: ``tail`` and
    ``list_tail`` at its end (:func:`tail_start`, :func:`list_start`), ``head`` at its start
    (:func:`head_end`); ``None``: no such cut."""

    threshold: float
    tail: TailRule | None
    head: TailRule | None
    list_tail: TailRule | None

    @classmethod
    def of(cls, model: _WithCuts) -> Cuts:
        """The cuts of a :class:`~copydesk.classify.model.LineModel` or a plain model."""
        return cls(model.threshold, model.tail, model.head, model.list_tail)


class _WithCuts(Protocol):
    @property
    def threshold(self) -> float: ...
    @property
    def tail(self) -> TailRule | None: ...
    @property
    def head(self) -> TailRule | None: ...
    @property
    def list_tail(self) -> TailRule | None: ...


def _check_threshold(_: object, __: object, value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise PipelineError(f"threshold must be between 0 and 1 (or None), got {value!r}")


def _surely_sentence(text: str) -> bool:
    """A quick :func:`_is_sentence`: a line that ends a sentence with three spaces or more."""
    return text.count(" ") >= PROSE_WORDS - 1 and ends_sentence(text)


def _is_sentence(text: str) -> bool:
    """A line of at least ``PROSE_WORDS`` words that ends a sentence."""
    return _sentence_shape(read_line(text)[1])


def _sentence_shape(shape: tuple[float, ...]) -> bool:
    """:func:`_is_sentence` from the line's shape (:func:`read_line`)."""
    return shape[1] >= _LOG_PROSE_WORDS and bool(shape[2])


def _sentence_as_it_stands(text: str, stripped: str, read: Read) -> bool:
    """:func:`_is_sentence` of a line as it stands, spaces around it included, given the
    :func:`read_line` of its ``stripped`` text.

    A line with spaces after its end mark ends no sentence as it stands
    (:func:`~copydesk.classify.features.ends_sentence`), so it is not read a second time;
    only a line with spaces before it alone is.

    >>> line = "The port closed on Monday, officials said.  "
    >>> _sentence_as_it_stands(line, line.strip(), read_line(line.strip()))
    False
    >>> _sentence_as_it_stands("  " + line.strip(), line.strip(), read_line(line.strip()))
    True
    """
    if text == stripped:
        return _sentence_shape(read[1])
    return ends_sentence(text) and _is_sentence(text)


@attrs.frozen(slots=True)
class ClassifyLines:
    """Remove the body lines the line model calls residue or meta.

    A body line leaves the body when its probability of being body or title is below
    ``threshold`` (``None``: the model's own, chosen in training so that 98.5% of body
    lines score above it out of fold; with the guards below, 99.5% stay): as
    ``classify.residue`` or ``classify.meta``, whichever is likelier, each ledger entry
    carrying the probability of that class. Raise ``threshold`` to remove
    more, lower it to keep more; ``0`` removes nothing.

    Then the article's end (``classify.tail``): the model's tail rule, chosen in training
    (:func:`tail_start`), cuts the body lines after the earliest point past which the model
    doubts them as a whole, sentences included (comments, teasers of other stories written
    as sentences, footers): they average a low probability of being body or title and none
    reaches the rule's peak. Each ledger entry carries the line's probability of not being
    body or title. A line a user keeps and a table row count as sure body, so the cut only
    starts after them, and they stay.

    The same ledger name holds the list cut (:func:`list_start`), when training chose one:
    after the article's last sentence, a run of lines that end no sentence (headlines of
    other stories, a footer's links), at least ``lines`` of them, none above ``peak``,
    averaging at most the list rule's ``mean``.

    And the article's start (``classify.head``), the same cut mirrored: the model's head rule
    (:func:`head_end`) cuts the body lines before the latest point up to which the model
    doubts them as a whole (a site's menu, its section links, a login prompt above the
    story). A line a user keeps and a table row stop it in the same way, and so does the
    line right above the first sentence, where a headline not yet taken stands; the
    document's last body line never goes.

    When in doubt, keep: lines the rules already took stay as the rules left them (they are
    the model's evidence about their neighbours); a sentence of four words or more stays
    unless the model removes a line next to it and scores the sentence below the threshold
    too (a teaser of another story in a list of teasers); a line that a user's rule of
    category ``keep`` names stays; so do the rows of a table flattened to a cell a line
    (:func:`table_rows`); and the model never removes the last body line of a document.
    A document of more than 2,000 lines is read by its first and last 1,000.
    """

    model: LineModel | None = attrs.field(default=None, eq=False, repr=False)
    threshold: float | None = attrs.field(default=None, validator=_check_threshold)
    name: str = "classify.lines"
    phase: Phase = "lines"
    rules: tuple[str, ...] = (
        "classify.residue",
        "classify.meta",
        "classify.tail",
        "classify.head",
    )

    def __call__(self, draft: Draft) -> Draft:
        where = [i for i, line in enumerate(draft.lines) if line.state != "blank"]
        body = [i for i in where if draft.lines[i].state == "body"]
        prose = {i for i in body if _surely_sentence(draft.lines[i].text)}
        if len(prose) == len(body):
            return draft  # nothing the model may remove: no need to ask it
        kept_by_user = _keep_rules(draft)
        residue: dict[int, float] = {}
        meta: dict[int, float] = {}
        tail: dict[int, float] = {}
        head: dict[int, float] = {}
        threshold = self.threshold
        windows = _windows(where)
        for window in windows:
            lines = [draft.lines[i] for i in window]
            texts = [line.text.strip() for line in lines]
            table = table_rows(texts)
            # Each line is read once (read_line), for the sentence test here and for the
            # model; only when some line is asked about are the others read too.
            reads: list[Read | None] = [None] * len(lines)
            sentence = [False] * len(lines)  # open to the model, but a sentence
            asked = []
            for k, line in enumerate(lines):
                if (
                    line.state != "body"
                    or k in table
                    or (
                        kept_by_user and any(r.fires(line.text, at_edge=True) for r in kept_by_user)
                    )
                ):
                    continue
                if window[k] in prose:
                    sentence[k] = True
                    continue
                read = reads[k] = read_line(texts[k])
                if _sentence_as_it_stands(line.text, texts[k], read):
                    sentence[k] = True
                    continue
                asked.append(k)
            if not asked:
                continue
            beside = _beside(sentence, asked)
            # the article-end cut reads every body line of the document's last window, the
            # article-start cut every body line of its first
            cut = window is windows[-1] and draft.enabled("classify.tail")
            cut_head = window is windows[0] and draft.enabled("classify.head")
            wanted = asked + (
                [k for k, s in enumerate(sentence) if s] if cut or cut_head else beside
            )
            probs, cuts = self._probabilities(
                texts,
                [evidence_group(line.state, line.rule) for line in lines],
                sorted(set(wanted)),
                [r if r is not None else read_line(t) for r, t in zip(reads, texts, strict=True)],
            )
            if threshold is None:
                threshold = cuts.threshold
            took = {k for k in asked if _takes(probs[k], threshold)}
            run = [k for k in beside if _run_takes(k, took) and _takes(probs[k], threshold)]
            for k in sorted([*took, *run]):
                p = probs[k]
                if p[_RESIDUE] >= p[_META]:
                    residue[window[k]] = round(p[_RESIDUE], 4)
                else:
                    meta[window[k]] = round(p[_META], 4)
            # a line the model may not read (a table row, a line a user keeps) counts as sure
            # body: the article reaches at least that far
            at = [k for k, line in enumerate(lines) if line.state == "body"]
            keep = [_keep(probs[k]) if k in probs else 1.0 for k in at]
            said = [sentence[k] for k in at]
            start = _earliest(
                tail_start(keep, cuts.tail) if cut and cuts.tail is not None else None,
                list_start(keep, said, cuts.list_tail) if cut and cuts.list_tail else None,
            )
            end = (
                head_end(_headline_kept(keep, said), cuts.head)
                if cut_head and cuts.head is not None
                else None
            )
            edges = (
                (tail, at[start:] if start is not None else []),
                (head, at[: end if start is None else min(end, start)] if end is not None else []),
            )
            for cut_lines, ks in edges:
                for k in ks:
                    if k in probs and window[k] not in residue and window[k] not in meta:
                        cut_lines[window[k]] = round(1.0 - _keep(probs[k]), 4)
        if len(residue) + len(meta) + len(tail) + len(head) == len(body):
            return draft  # never the whole body: when the model doubts all of it, keep it
        if residue and draft.enabled("classify.residue"):
            draft = draft.take(residue, rule="classify.residue", kind="removed", scores=residue)
        if meta and draft.enabled("classify.meta"):
            draft = draft.take(meta, rule="classify.meta", kind="removed", scores=meta)
        if tail:
            draft = draft.take(tail, rule="classify.tail", kind="removed", scores=tail)
        if head:
            draft = draft.take(head, rule="classify.head", kind="removed", scores=head)
        return draft

    def _probabilities(
        self, texts: list[str], evidence: list[int], asked: list[int], reads: list[Read]
    ) -> tuple[dict[int, tuple[float, ...]], Cuts]:
        """The class probabilities of the lines ``asked`` and the model's threshold and edge
        rules: from :class:`copydesk.classify.plain.PlainModel` while
        :func:`_plain_affordable`, from the numpy model otherwise (the same probabilities to
        within rounding)."""
        if self.model is None and _plain_affordable(len(asked)):
            from copydesk.classify.plain import plain_model

            plain = plain_model()
            probs = plain.predict(texts, evidence, asked, reads=reads)
            return probs, Cuts.of(plain)
        from copydesk.classify.model import default_model

        model = self.model or default_model()
        # one conversion of the whole array: the same floats as converting row by row
        rows = model.predict(texts, evidence, reads=reads).tolist()
        return {k: tuple(rows[k]) for k in asked}, Cuts.of(model)


#: Lines the plain-Python model may be asked about in one process before numpy is imported
#: instead: at about 0.25 ms a line, as long as numpy's import takes (about 0.13 s) on a
#: 2-core machine. (The model reads every line of a document; it computes its second stage
#: only for the lines asked about, which is the cost that grows.)
PLAIN_LINES = 500
_plain_lines_read = [0]


def _plain_affordable(lines: int) -> bool:
    """Whether the next document's ``lines`` (those asked about) are cheaper in plain
    Python than importing numpy: numpy is not loaded yet and the process has asked the plain
    model about no more than :data:`PLAIN_LINES` lines, these included. A choice of speed
    only: both models decide alike."""
    if "numpy" in sys.modules or _plain_lines_read[0] + lines > PLAIN_LINES:
        return False
    _plain_lines_read[0] += lines
    return True


def _keep(probs: tuple[float, ...]) -> float:
    """A line's probability of being body or title."""
    return probs[_BODY] + probs[_TITLE]


def _takes(probs: tuple[float, ...], threshold: float) -> bool:
    """Whether a line of these class probabilities leaves the body at ``threshold``."""
    return _keep(probs) < threshold


def tail_start(keep: Sequence[float], rule: TailRule) -> int | None:
    """Where the article ends: the first of the lines that the tail cut removes, each line
    after it included, or ``None`` when it removes none.

    ``keep`` holds the body lines' probabilities of being body or title, in order. The cut
    is the earliest point after which at least ``rule.lines`` lines remain, none above
    ``rule.peak``, averaging at most ``rule.mean``: a tail of comments, teasers and footers
    that the model doubts as a whole even where it doubts no line enough to remove it alone.
    The first line never goes. Sums run from the last line back, in the order training
    sums them (:func:`copydesk.classify.train.tail_starts`).

    >>> rule = TailRule(mean=0.1, peak=0.5, lines=2)
    >>> tail_start([0.9, 0.95, 0.45, 0.01, 0.02, 0.05], rule)
    3
    >>> tail_start([0.9, 0.95, 0.3, 0.6, 0.02], rule) is None  # a likely body line near the end
    True
    """
    total, peak, start = 0.0, 0.0, None
    for j in range(len(keep) - 1, 0, -1):
        total += keep[j]
        peak = max(peak, keep[j])
        if peak > rule.peak:
            break
        count = len(keep) - j
        if count >= rule.lines and total <= rule.mean * count:
            start = j
    return start


#: A probability above any rule's peak (at most 1): the lines up to the last sentence stand
#: as this for the list cut, so that it never reaches them.
WALL = 2.0


def list_start(keep: Sequence[float], sentence: Sequence[bool], rule: TailRule) -> int | None:
    """Where a list of other stories' headlines after the article starts: the first line
    the cut removes, or ``None``.

    :func:`tail_start` over the lines after the last sentence only (``sentence`` flags the
    lines that are one). After an article's last sentence, a run of short lines that end
    no sentence (headlines of other stories, section links, a site's footer) is doubted as a
    list: training may allow it a higher mean than the tail rule allows lines that read as
    text. None when the document has no sentence.

    >>> rule = TailRule(mean=0.2, peak=0.5, lines=3)
    >>> keep = [0.9, 0.95, 0.1, 0.3, 0.15, 0.2]
    >>> list_start(keep, [True, True, False, False, False, False], rule)
    2
    >>> list_start(keep, [True, True, False, False, True, False], rule) is None
    True
    """
    last = max((j for j, s in enumerate(sentence) if s), default=None)
    if last is None:
        return None
    return tail_start([WALL] * (last + 1) + list(keep[last + 1 :]), rule)


def _earliest(*starts: int | None) -> int | None:
    """The earliest of the cuts that start somewhere (``None``: none does)."""
    found = [s for s in starts if s is not None]
    return min(found) if found else None


def head_end(keep: Sequence[float], rule: TailRule) -> int | None:
    """Where the article starts: the number of lines the head cut removes from the start, or
    ``None`` when it removes none.

    :func:`tail_start` read from the other end: the cut is the latest point before which at
    least ``rule.lines`` lines stand, none above ``rule.peak``, averaging at most
    ``rule.mean`` (a site's menu above the story that the model doubts as a whole even where
    it doubts no line enough to remove it alone). The last line never goes. Sums run from the
    first line on.

    >>> rule = TailRule(mean=0.1, peak=0.5, lines=2)
    >>> head_end([0.01, 0.02, 0.05, 0.45, 0.95, 0.9], rule)
    3
    >>> head_end([0.02, 0.6, 0.3, 0.95, 0.9], rule) is None  # a likely body line near the top
    True
    """
    start = tail_start(keep[::-1], rule)
    return None if start is None else len(keep) - start


def _headline_kept(keep: Sequence[float], sentence: Sequence[bool]) -> list[float]:
    """``keep`` for the head cut: the line right above the first sentence stands as
    :data:`WALL`, so that the cut stops before it. It is where a headline stands when no reader has
    taken one yet, and ``extract.title_late`` still looks for it there.

    >>> _headline_kept([0.1, 0.2, 0.9, 0.8], [False, False, True, True])
    [0.1, 2.0, 0.9, 0.8]
    """
    first = next((j for j, s in enumerate(sentence) if s), None)
    out = list(keep)
    if first:
        out[first - 1] = WALL
    return out


def _beside(sentence: list[bool], asked: list[int]) -> list[int]:
    """The sentences (positions where ``sentence`` is true) next to a line ``asked`` about:
    those the model may take with a run it removes (:func:`_run_takes`)."""
    near = {j for k in asked for j in (k - 1, k + 1)}
    return [k for k in sorted(near) if 0 <= k < len(sentence) and sentence[k]]


def _run_takes(k: int, took: set[int]) -> bool:
    """Whether the sentence at ``k`` sits beside a line the model removes: the one way a
    sentence of ``PROSE_WORDS`` words leaves with the model (its own probability must be
    below the threshold too). One step only: a sentence it takes does not carry the next.

    >>> _run_takes(3, {2}), _run_takes(3, {4}), _run_takes(3, {1, 5})
    (True, True, False)
    """
    return k - 1 in took or k + 1 in took


#: A flattened table's cells: at most this many words and characters each.
CELL_WORDS = 4
CELL_CHARS = 40
#: Row numbers stand this many lines apart at most (the table's columns, number included).
MAX_COLUMNS = 8
#: A table has at least this many numbered rows.
MIN_ROWS = 3


def _row_number(text: str) -> int | None:
    """The number of a line that holds only a row number ("7", "7."), else ``None``."""
    digits = text.strip().removesuffix(".")
    if 0 < len(digits) <= 3 and digits.isdecimal() and digits.isascii():
        return int(digits)
    return None


#: Characters of a script written without spaces that count as one word of a cell: a Chinese
#: or Japanese word is two characters on average, so a cell of four words holds eight at
#: most. A company's name ("トヨタ自動車", "宁德时代") fits; a headline in a "most read" list
#: ("人気歌手が結婚を発表", "暴雨导致多条高速公路封闭": ten characters or more) does not,
#: as an English headline of five words does not.
SPACELESS_PER_WORD = 2


def _cell_words(text: str) -> int:
    """The words of a cell, each ``SPACELESS_PER_WORD`` characters of a spaceless script
    (CJK, kana, Thai) within a word counted as one more.

    >>> _cell_words("CATL"), _cell_words("40.7 per cent"), _cell_words("トヨタ自動車")
    (1, 3, 3)
    >>> _cell_words("人気歌手が結婚を発表"), _cell_words("LG新能源 13%")
    (5, 3)
    """
    words = 0
    for word in text.split():
        spaceless = 0 if word.isascii() else sum(map(spaceless_letter, word))
        words += max(1, -(-spaceless // SPACELESS_PER_WORD))
    return words


def _cell(text: str) -> bool:
    """Whether a line reads as a table cell: short (at most ``CELL_WORDS`` words, counted
    by :func:`_cell_words`), not a row number, not a sentence."""
    text = text.strip()
    return (
        0 < len(text) <= CELL_CHARS
        and _cell_words(text) <= CELL_WORDS
        and _row_number(text) is None
        and not ends_sentence(text)
    )


def table_rows(texts: list[str]) -> set[int]:
    """The lines of a table flattened to one cell a line, which the model leaves alone.

    A ranking or a market-share table scraped from a page loses its grid: each cell becomes a
    line of its own, and the rows read as a run of very short lines, which is the shape of a
    menu. What a menu lacks is the row numbers: lines holding only ``n``, ``n + 1``,
    ``n + 2``... (at least :data:`MIN_ROWS`), a constant stride of 2 to :data:`MAX_COLUMNS`
    lines apart, with short cells between them that are not all alike, under a header row of
    as many short cells. Those lines, header included, stay in the body, whatever the model
    says (a rule may still remove them); "when in doubt, keep" for a shape that is content in
    a news story. Pagination ("1", "2", "3" on consecutive lines) and star ratings (numbers
    between the numbers) have no such rows.

    >>> table_rows(["Shares in 2025", "Rank", "Maker", "Share",
    ...             "1", "Acme", "31%", "2", "Globex", "22%", "3", "Initech", "9%",
    ...             "Acme kept its lead, the report said."])
    {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
    >>> table_rows(["1", "2", "3", "Next"])
    set()
    """
    numbers = {k: n for k, t in enumerate(texts) if (n := _row_number(t)) is not None}
    rows: set[int] = set()
    for first, n in numbers.items():
        for stride in range(2, MAX_COLUMNS + 1):
            if numbers.get(first - stride) == n - 1 or first < stride:
                continue  # not the first row at this stride, or no room for a header
            run = [first]
            while numbers.get(run[-1] + stride) == numbers[run[-1]] + 1:
                run.append(run[-1] + stride)
            end = min(run[-1] + stride, len(texts))
            numbered = set(run)
            cells = [texts[j].strip() for j in range(first, end) if j not in numbered]
            header = range(first - stride, first)
            if (
                len(run) >= MIN_ROWS
                and all(_cell(c) for c in cells)
                and len(set(cells)) > 1
                and all(_cell(texts[j]) for j in header)
            ):
                rows.update(range(first - stride, end))
    return rows


def _windows(where: list[int]) -> list[list[int]]:
    """The runs of lines the model reads at once: the whole document, or, in one longer than
    ``MAX_LINES`` lines, its first and last ``EDGE_LINES`` (where furniture sits), so that a
    document of 100,000 lines costs the model no more than one of 2,000."""
    if len(where) <= MAX_LINES:
        return [where]
    return [where[:EDGE_LINES], where[-EDGE_LINES:]]


#: Per tuple of active rules (by identity): those of category ``keep``.
_KEEP: IdentityCache[tuple[Rule, ...], tuple[Rule, ...]] = IdentityCache(64)


def _keep_rules(draft: Draft) -> tuple[Rule, ...]:
    """The active rules of category ``keep``: the lines they name stay whatever the model says.

    Picked once per tuple of active rules (the same tuple, document after document, unless
    rules are scoped to sites), not by a look at each of the hundred-odd rules per document.
    """
    active = active_rules(draft)
    return _KEEP.get(active, None, lambda: tuple(r for r in active if r.category == KEEP))


#: The step with the shipped model and its threshold.
lines = ClassifyLines()

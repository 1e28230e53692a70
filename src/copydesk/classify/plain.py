"""The line model in plain Python, for a process that reads only a few small documents.

Importing numpy costs a fresh process about twice what ``ftfy`` costs to import and fix a
whole document, while the model's arithmetic for one small document is a few thousand
multiply-adds per line. :class:`PlainModel` does that arithmetic with floats and lists, from
the same weights and in the same order as :class:`copydesk.classify.model.LineModel`, so the
two give the same probabilities to within rounding (a few units in the last place; the test
suite checks both on every corpus document), and the step ``classify.lines`` uses it until
reading more lines would cost more than importing numpy.

It computes the second stage only for the lines asked for: the step asks only about the body
lines it may remove.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from operator import mul
from pathlib import Path

import attrs

from copydesk.classify.features import (
    AROUND,
    CLASSES,
    Read,
    feature_names,
    read_line,
    shape_rows,
)
from copydesk.classify.weights import MODEL_PATH, TailRule, Weights, shipped_weights

__all__ = ["PlainModel", "plain_model"]

_K = len(CLASSES)
_ZEROS = (0.0,) * _K

Row = tuple[float, ...]


@attrs.frozen(slots=True, eq=False)
class PlainModel:
    """A :class:`copydesk.classify.model.LineModel` computed without numpy.

    ``hidden`` and ``out`` hold the layers' weights one unit per row (the columns of the
    numpy model's matrices), so that each unit is one dot product.
    """

    vocab: dict[str, int] = attrs.field(repr=False)
    ratios: Sequence[float] = attrs.field(repr=False)  # (V * 4,) row after row
    mean: Row = attrs.field(repr=False)
    scale: Row = attrs.field(repr=False)
    hidden: tuple[Row, ...] = attrs.field(repr=False)  # (H, D)
    hidden_b: Row = attrs.field(repr=False)
    out: tuple[Row, ...] = attrs.field(repr=False)  # (4, H)
    out_b: Row = attrs.field(repr=False)
    threshold: float = 0.5
    tail: TailRule | None = None
    head: TailRule | None = None
    list_tail: TailRule | None = None

    @classmethod
    def from_weights(cls, weights: Weights, path: Path = MODEL_PATH) -> PlainModel:
        """The model of a weight file as read by
        :func:`copydesk.classify.weights.read_weights` (``path`` names it in errors)."""
        d = len(feature_names())
        _, h = weights.check(d, path)
        arrays = {name: values for name, (values, _) in weights.arrays.items()}
        ratios, hidden_w, out_w = arrays["ratios"], arrays["hidden_w"], arrays["out_w"]
        mean, scale, hidden_b, out_b = (
            arrays["mean"],
            arrays["scale"],
            arrays["hidden_b"],
            arrays["out_b"],
        )
        return cls(
            vocab=weights.vocab,
            ratios=ratios,
            mean=tuple(mean),
            scale=tuple(scale),
            hidden=_columns(hidden_w, d, h),
            hidden_b=tuple(hidden_b),
            out=_columns(out_w, h, _K),
            out_b=tuple(out_b),
            threshold=float(weights.header["threshold"]),
            tail=TailRule.of(weights.header.get("tail"), path),
            head=TailRule.of(weights.header.get("head"), path, "head"),
            list_tail=TailRule.of(weights.header.get("list_tail"), path, "list_tail"),
        )

    def word_scores(self, feats: Sequence[str]) -> tuple[Row, Row, float]:
        """One line's mean and largest log count ratio per class over its known features,
        and the share of its features known (as ``LineModel.word_scores``)."""
        get = self.vocab.get
        ratios = self.ratios
        total = [0.0] * _K
        peak = [-math.inf] * _K
        hits = 0
        for feat in feats:
            i = get(feat, -1)
            if i < 0:
                continue
            hits += 1
            at = i * _K
            for c in range(_K):
                value = ratios[at + c]
                total[c] += value
                if value > peak[c]:
                    peak[c] = value
        if not hits:
            return _ZEROS, _ZEROS, 0.0
        return tuple(t / hits for t in total), tuple(peak), hits / len(feats)

    def inputs(
        self, texts: Sequence[str], evidence: Sequence[int], reads: Sequence[Read] | None = None
    ) -> list[list[float]]:
        """The second stage's input rows of one document (as ``LineModel.inputs``)."""
        n = len(texts)
        read = [read_line(t) for t in texts] if reads is None else reads
        words = [self.word_scores(r[0]) for r in read]
        shapes = shape_rows(texts, evidence, [r[1] for r in read])
        scores = [w[0] for w in words]
        known = [w[2] for w in words]
        cums = [_ZEROS]
        for row in scores:
            cums.append(tuple(a + b for a, b in zip(cums[-1], row, strict=True)))
        doc = tuple(c / n for c in cums[-1]) if n else _ZEROS

        def at(i: int) -> Row:
            return scores[i] if 0 <= i < n else _ZEROS

        rows = []
        for i in range(n):
            lo, hi = max(i - AROUND, 0), min(i + AROUND + 1, n)
            width = max(hi - lo - 1, 1)
            window = [
                (a - b - s) / width for a, b, s in zip(cums[hi], cums[lo], scores[i], strict=True)
            ]
            rows.append(
                [
                    *scores[i],
                    *words[i][1],
                    *at(i - 1),
                    *at(i + 1),
                    *at(i - 2),
                    *at(i + 2),
                    *window,
                    *doc,
                    known[i],
                    known[i - 1] if i > 0 else 0.0,
                    known[i + 1] if i + 1 < n else 0.0,
                    *shapes[i],
                ]
            )
        return rows

    def forward(self, x: Sequence[float]) -> Row:
        """The class probabilities of one input row (as ``LineModel.forward``)."""
        xs = [(v - m) / s for v, m, s in zip(x, self.mean, self.scale, strict=True)]
        h = [
            math.tanh(sum(map(mul, xs, unit)) + b)
            for unit, b in zip(self.hidden, self.hidden_b, strict=True)
        ]
        z = [sum(map(mul, h, unit)) + b for unit, b in zip(self.out, self.out_b, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return tuple(v / total for v in e)

    def predict(
        self,
        texts: Sequence[str],
        evidence: Sequence[int] | None = None,
        rows: Iterable[int] | None = None,
        *,
        reads: Sequence[Read] | None = None,
    ) -> dict[int, Row]:
        """The class probabilities (:data:`CLASSES` order) of the lines ``rows`` of a
        document (all of them when omitted), by line number.

        ``texts`` are its non-blank lines in order; ``evidence`` what the rules did with each
        (all body when omitted); ``reads`` their :func:`copydesk.classify.features.read_line`,
        when the caller has them. The model reads every line, whichever are asked about.
        """
        if not texts:
            return {}
        ev = [0] * len(texts) if evidence is None else evidence
        x = self.inputs(texts, ev, reads)
        wanted = range(len(texts)) if rows is None else rows
        return {i: self.forward(x[i]) for i in wanted}


def _columns(flat: Sequence[float], rows: int, cols: int) -> tuple[Row, ...]:
    """The columns of a ``rows`` × ``cols`` matrix stored row after row."""
    return tuple(tuple(flat[c : rows * cols : cols]) for c in range(cols))


@functools.lru_cache(maxsize=1)
def plain_model() -> PlainModel:
    """The model shipped with copydesk, for :class:`PlainModel`, loaded once on first use."""
    return PlainModel.from_weights(shipped_weights())

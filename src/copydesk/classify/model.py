"""The line model: per line of a document, the probability of body, title, meta and residue.

Two stages, each small enough to read:

1. **Word scores.** For each class, the mean of the line's known features'
   one-vs-rest log count ratios (a naive-Bayes log-ratio table over the features of
   :func:`copydesk.classify.features.line_tokens`), plus the share of the line's features the
   table knows. Only features seen on several sites are in the table, so that it learns what
   furniture says in general rather than one site's menu.
2. **A small network** over those scores, the same scores of the neighbouring lines (one and
   two lines away, the window of three lines on each side, the whole document), and the
   line's shape and evidence (:func:`copydesk.classify.features.shape_rows`): one hidden
   layer of ``tanh`` units and a softmax over the four classes.

The weights are a ``.npz`` file, read without unpickling anything
(:func:`copydesk.classify.weights.read_weights`); it names its format version and the code
refuses a file of another version. :func:`default_model` loads the one shipped in the package,
once, on first use. :mod:`copydesk.classify.plain` runs the same model without numpy.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from copydesk.classify.features import (
    AROUND,
    CLASSES,
    Read,
    feature_names,
    read_line,
    shape_rows,
)
from copydesk.classify.weights import (
    FORMAT,
    MODEL_PATH,
    ModelError,
    TailRule,
    Weights,
    read_weights,
    shipped_weights,
)

__all__ = [
    "CLASSES",
    "FORMAT",
    "MODEL_PATH",
    "LineModel",
    "ModelError",
    "assemble",
    "default_model",
    "feature_names",
]

#: Any numpy array (the model's arrays are float64, ids intp, masks bool).
Array = npt.NDArray[Any]

_K = len(CLASSES)


@attrs.frozen(slots=True, eq=False)
class LineModel:
    """A trained line model; :meth:`predict` gives the class probabilities of lines.

    ``threshold`` is the default strictness of :func:`copydesk.classify.lines`: a line leaves
    the body when its probability of being body or title falls below it. ``tail`` and
    ``head`` are the article-end and article-start cuts training chose, ``list_tail`` the
    cut of a list after the last sentence (``None``: none).
    """

    vocab: dict[str, int] = attrs.field(repr=False)
    ratios: Array = attrs.field(repr=False)  # (V, 4): log count ratio per feature and class
    mean: Array = attrs.field(repr=False)  # (D,): input standardisation
    scale: Array = attrs.field(repr=False)  # (D,)
    hidden_w: Array = attrs.field(repr=False)  # (D, H)
    hidden_b: Array = attrs.field(repr=False)  # (H,)
    out_w: Array = attrs.field(repr=False)  # (H, 4)
    out_b: Array = attrs.field(repr=False)  # (4,)
    threshold: float = 0.5
    tail: TailRule | None = None
    head: TailRule | None = None
    list_tail: TailRule | None = None
    info: dict[str, Any] = attrs.field(factory=dict, repr=False)

    # -- stage 1 -------------------------------------------------------------------------
    def word_scores(self, feats: Sequence[Sequence[str]]) -> tuple[Array, Array]:
        """Per line (given its features), the mean and the largest log count ratio per class
        of the known features (:func:`mean_rows`), and the share of its features known."""
        # every line's features looked up by one map over them all, not a list extended a
        # line; one conversion, not a numpy element set a line
        all_feats = itertools.chain.from_iterable(feats)
        ids = list(map(self.vocab.get, all_feats, itertools.repeat(-1)))
        sizes = np.fromiter(map(len, feats), dtype=np.intp, count=len(feats))
        found = np.asarray(ids, dtype=np.intp)
        hit = found >= 0
        owners = np.repeat(np.arange(len(feats)), sizes)
        hits = np.bincount(owners[hit], minlength=len(feats)).astype(np.float64)
        known = np.divide(hits, sizes, out=np.zeros(len(feats)), where=sizes > 0)
        return mean_rows(self.ratios, found[hit], hits), known

    # -- stage 2 -------------------------------------------------------------------------
    def inputs(
        self, texts: Sequence[str], evidence: Sequence[int], reads: Sequence[Read] | None = None
    ) -> Array:
        """The second stage's input rows (:func:`feature_names` columns) for one document;
        ``reads`` are the lines' :func:`read_line` when the caller has them already."""
        if not texts:
            return np.zeros((0, len(feature_names())))
        read = [read_line(t) for t in texts] if reads is None else reads
        scores, known = self.word_scores([r[0] for r in read])
        shapes = shape_rows(texts, evidence, [r[1] for r in read])
        return assemble(scores, known, shapes)

    def forward(self, x: Array) -> Array:
        """Class probabilities for input rows ``x`` (as built by :meth:`inputs`)."""
        h = np.tanh(rows_times((x - self.mean) / self.scale, self.hidden_w) + self.hidden_b)
        z = h @ self.out_w + self.out_b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs: Array = e / e.sum(axis=1, keepdims=True)
        return probs

    def predict(
        self,
        texts: Sequence[str],
        evidence: Sequence[int] | None = None,
        *,
        reads: Sequence[Read] | None = None,
    ) -> Array:
        """The ``(len(texts), 4)`` class probabilities (:data:`CLASSES` order) of a document.

        ``texts`` are its non-blank lines in order; ``evidence`` what the rules did with each
        (:func:`copydesk.classify.features.evidence_group`; all body when omitted); ``reads``
        their :func:`copydesk.classify.features.read_line`, when the caller has them.
        """
        if not texts:
            return np.zeros((0, _K))
        ev = [0] * len(texts) if evidence is None else evidence
        return self.forward(self.inputs(texts, ev, reads))

    # -- files ---------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the model to ``path`` (``.npz``, no pickled objects)."""
        words = sorted(self.vocab, key=self.vocab.__getitem__)
        blob = "\n".join(words).encode("utf-8")
        header = {
            "format": FORMAT,
            "threshold": self.threshold,
            "tail": None if self.tail is None else self.tail.to_json(),
            "head": None if self.head is None else self.head.to_json(),
            "list_tail": None if self.list_tail is None else self.list_tail.to_json(),
            "info": self.info,
        }
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                header=np.frombuffer(json.dumps(header, sort_keys=True).encode(), np.uint8),
                vocab=np.frombuffer(blob, dtype=np.uint8),
                ratios=self.ratios.astype(np.float32),
                mean=self.mean,
                scale=self.scale,
                hidden_w=self.hidden_w,
                hidden_b=self.hidden_b,
                out_w=self.out_w,
                out_b=self.out_b,
            )

    @classmethod
    def load(cls, path: Path) -> LineModel:
        """Read a model written by :meth:`save`; :class:`ModelError` names what is wrong."""
        return cls.from_weights(read_weights(path), path)

    @classmethod
    def from_weights(cls, weights: Weights, path: Path = MODEL_PATH) -> LineModel:
        """The model of a weight file as read by :func:`read_weights` (``path`` names it in
        errors)."""

        weights.check(len(feature_names()), path)

        def get(name: str) -> Array:
            values, shape = weights.arrays[name]
            return np.frombuffer(values, dtype=values.typecode).reshape(shape)

        model = cls(
            vocab=weights.vocab,
            ratios=get("ratios").astype(np.float64),
            mean=get("mean"),
            scale=get("scale"),
            hidden_w=get("hidden_w"),
            hidden_b=get("hidden_b"),
            out_w=get("out_w"),
            out_b=get("out_b"),
            threshold=float(weights.header["threshold"]),
            tail=TailRule.of(weights.header.get("tail"), path),
            head=TailRule.of(weights.header.get("head"), path, "head"),
            list_tail=TailRule.of(weights.header.get("list_tail"), path, "list_tail"),
            info=weights.header.get("info", {}),
        )
        return model


#: Rows of the hidden layer's input multiplied at once (see :func:`rows_times`).
PRODUCT_ROWS = 64


def rows_times(x: Array, w: Array) -> Array:
    """``x @ w``, computed ``PRODUCT_ROWS`` rows at a time, with the same bits.

    Why: OpenBLAS splits a product of more than about a million multiply-adds (here, more than
    about 100 lines) over threads, and on a loaded two-core machine the threads' hand-off and
    their spinning afterwards cost far more CPU than the product: 8 ms for a document of 514
    lines instead of 0.2 ms, and spinning threads slow the steps that follow. Blocks of 64
    rows stay on one thread. Each element of a matrix product (gemm) is the same dot product
    whatever the number of rows, so the result is bit for bit that of ``x @ w`` (checked in
    ``tests/classify/test_model.py``), except for a block of a single row, which numpy sends
    to the matrix-vector product (gemv), which sums in another order: a last row alone joins
    the block before it.
    """
    n = len(x)
    if n <= PRODUCT_ROWS:
        return x @ w
    cuts = list(range(0, n, PRODUCT_ROWS))
    if n - cuts[-1] == 1:
        cuts.pop()
    cuts.append(n)
    return np.concatenate([x[a:b] @ w for a, b in itertools.pairwise(cuts)])


def mean_rows(table: Array, ids: Array, hits: Array) -> Array:
    """Per line, the mean and the largest of ``table``'s rows ``ids``, side by side: the ids
    listed line after line, ``hits[i]`` of them for line ``i`` (a line without any gets
    zeros). The largest lets one telling word count in a line of ordinary ones."""
    k = table.shape[1]
    out = np.zeros((len(hits), 2 * k))
    full = hits > 0
    if ids.size:
        starts = np.concatenate([[0], np.cumsum(hits[full])[:-1]]).astype(np.intp)
        rows = table[ids]
        out[full, :k] = np.add.reduceat(rows, starts, axis=0) / hits[full][:, None]
        out[full, k:] = np.maximum.reduceat(rows, starts, axis=0)
    return out


def assemble(scores: Array, known: Array, shapes: Sequence[Sequence[float]] | Array) -> Array:
    """The second stage's input rows of a document from its lines' word scores and shapes.

    ``scores``/``known`` come from :meth:`LineModel.word_scores`, ``shapes`` from
    :func:`copydesk.classify.features.shape_rows`.

    Each block is written straight into its columns of one array: stacking padded copies
    and then the blocks side by side cost a copy of every block twice over, for the same
    values.
    """
    n = len(scores)
    shape = np.asarray(shapes, dtype=np.float64)
    mine = scores[:, :_K]
    out = np.empty((n, 8 * _K + 3 + shape.shape[1]))
    out[:, : 2 * _K] = scores  # the line's own scores, then its peaks
    column = 2 * _K
    # the previous line, the next, two lines before, two lines after (zeros past the ends)
    for shift in (1, -1, 2, -2):
        block = out[:, column : column + _K]
        if shift > 0:
            block[:shift] = 0.0
            block[shift:] = mine[: max(n - shift, 0)]
        else:
            block[shift:] = 0.0
            block[:shift] = mine[-shift:]
        column += _K
    cums = np.empty((n + 1, _K))
    cums[0] = 0.0
    np.cumsum(mine, axis=0, out=cums[1:])
    lo, hi, others = _window_bounds(n)
    out[:, column : column + _K] = (cums[hi] - cums[lo] - mine) / others
    column += _K
    out[:, column : column + _K] = mine.mean(axis=0)
    column += _K
    out[:, column] = known
    out[:1, column + 1] = 0.0
    out[1:, column + 1] = known[:-1]
    out[-1:, column + 2] = 0.0
    out[:-1, column + 2] = known[1:]
    out[:, column + 3 :] = shape
    return out


#: Documents of up to this many lines keep their window bounds for the next one.
BOUNDS_KEPT = 512


def _window_bounds(n: int) -> tuple[Array, Array, Array]:
    """Per line of a document of ``n`` lines, the window of ``AROUND`` lines on each side:
    its first line, the line after its last, and the count of the others (at least 1, as a
    column). They depend on ``n`` alone, which recurs from document to document: up to
    ``BOUNDS_KEPT`` lines they are kept (read-only), not worked out again by seven numpy
    calls a document."""
    return _kept_bounds(n) if n <= BOUNDS_KEPT else _bounds(n)


def _bounds(n: int) -> tuple[Array, Array, Array]:
    idx = np.arange(n)
    lo = np.maximum(idx - AROUND, 0)
    hi = np.minimum(idx + AROUND + 1, n)
    others = np.maximum(hi - lo - 1, 1)[:, None]
    for array in (lo, hi, others):
        array.flags.writeable = False
    return lo, hi, others


_kept_bounds = functools.lru_cache(maxsize=128)(_bounds)


@functools.lru_cache(maxsize=1)
def default_model() -> LineModel:
    """The model shipped with copydesk, loaded once on first use."""
    return LineModel.from_weights(shipped_weights())

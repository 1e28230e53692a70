"""Decoders over the line model's probabilities, measured out of fold at the line level.

Usage: ``python benchmarks/decoders.py [--shared PATH] [--folds K] [--cache FILE]``

For each site-grouped fold (the folds of ``quality.py --cv``), a model is fitted on the other
folds (:func:`copydesk.classify.train.fit`), and two sets of probabilities are kept: the held-out
documents' (what is scored) and the training documents' *inner* out-of-fold ones (what a
decoder's parameters and every threshold are fitted on, as ``fit`` picks its own threshold).
Then each decoder turns probabilities into a keep score per line, its threshold keeps 99.5% of
the training folds' corpus body lines, and the held-out lines are scored as the step would
decide them (a line the rules took counts as removed; the model decides the body lines that
are not sentences of four words, and a decoder's sentence rule the sentences):

- ``line``: the network's P(body) + P(title), line by line (the shipped decision);
- ``chain``: forward-backward marginals of a linear chain over the four classes, the network's
  probabilities divided by their mean on the training lines as emissions (raised to ``alpha``),
  transitions and first-line probabilities counted on the training folds' labels;
- ``chain keep/remove``: the same over two states, keep (body, title) and remove;
- ``block``: a logistic regression, fitted on the training folds, over the line's log-odds,
  the mean log-odds of the other lines of its run (the lines between two sentences) and the
  run's length;
- ``runs``: ``line``, and a sentence goes when the model removes a line beside it and scores
  the sentence below the threshold too (what ``classify.lines`` does).

These are line-level figures (lines matched at the model's step), not ``quality.py``'s; they
rank decoders against each other. Fitting the folds takes about ten minutes; ``--cache`` keeps
the probabilities for another run.
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from copydesk.classify import train
from copydesk.classify.step import _is_sentence, _surely_sentence

ROOT = Path(__file__).resolve().parent.parent
K = 4
RECALL = 0.995
Scores = dict[int, np.ndarray]


def fold_probabilities(shared: Path, k: int) -> dict[str, Any]:
    """Per fold: the training documents' inner out-of-fold probabilities, the held-out
    documents' probabilities and the fold model's threshold; per document: its labels."""
    docs = train.prepare(shared)
    fold_of = train.folds(docs, k)
    tokens = train._Tokens.of(docs)
    info = [
        {
            "origin": d.origin,
            "lang": d.lang,
            "labels": d.labels,
            "ruled": np.array(d.evidence) != 0,
            "sentence": np.array([_surely_sentence(t) or _is_sentence(t) for t in d.texts], bool),
        }
        for d in docs
    ]
    folds = []
    for f in range(k):
        chosen = [i for i, g in enumerate(fold_of) if g != f]
        x, y, w, doc_of, row_fold = train._rows(docs, tokens, chosen, "")
        labelled = y >= 0
        weights = np.zeros(len(y))
        weights[labelled] = train._class_weights(y[labelled], w[labelled])
        inner = np.zeros((len(y), K))
        for g in range(train.INNER_FOLDS):
            test = row_fold == g
            arrays = train._ensemble(
                x[labelled & ~test], y[labelled & ~test], weights[labelled & ~test]
            )
            net = train._with_network(train._empty_model({}, np.zeros((0, K))), arrays)
            inner[test] = net.forward(x[test])
        model = train.fit(docs, chosen)
        held = {
            i: model.predict(list(docs[i].texts), list(docs[i].evidence))
            for i, g in enumerate(fold_of)
            if g == f and docs[i].texts
        }
        folds.append(
            {
                "threshold": model.threshold,
                "inner": {d: inner[doc_of == d] for d in chosen},
                "held": held,
            }
        )
        print(f"fold {f}: threshold {model.threshold:.4f}", flush=True)
    return {"docs": info, "folds": folds}


def _asked(doc: dict[str, Any]) -> np.ndarray:
    return ~doc["ruled"] & ~doc["sentence"]


def _log_odds(probs: np.ndarray) -> np.ndarray:
    keep = np.clip(probs[:, 0] + probs[:, 1], 1e-6, 1 - 1e-6)
    return np.log(keep / (1 - keep))


def threshold(docs: list[dict[str, Any]], scores: Scores, recall: float = RECALL) -> float:
    """The largest threshold that keeps ``recall`` of the corpus's body and title lines."""
    body = np.sort(
        np.concatenate(
            [
                s[(docs[d]["labels"] == 0) | (docs[d]["labels"] == 1)]
                for d, s in scores.items()
                if docs[d]["origin"] == "corpus"
            ]
        )
    )
    return float(min(0.5, body[int(np.floor((1.0 - recall) * len(body)))]))


# -- decoders: (data, fold, documents' probabilities) -> keep score per line ------------------
def line(data: dict[str, Any], f: int, probs: dict[int, np.ndarray]) -> Scores:
    """The network's P(body) + P(title)."""
    return {d: p[:, 0] + p[:, 1] for d, p in probs.items()}


def forward_backward(
    probs: np.ndarray, prior: np.ndarray, trans: np.ndarray, first: np.ndarray, alpha: float
) -> np.ndarray:
    """The marginals of a linear chain with emissions ``(probs / prior) ** alpha``."""
    n = len(probs)
    emit = (probs / prior) ** alpha
    fwd, bwd = np.empty(probs.shape), np.ones(probs.shape)
    v = first * emit[0]
    fwd[0] = v / v.sum()
    for t in range(1, n):
        v = (fwd[t - 1] @ trans) * emit[t]
        fwd[t] = v / v.sum()
    for t in range(n - 2, -1, -1):
        v = trans @ (emit[t + 1] * bwd[t + 1])
        bwd[t] = v / v.sum()
    both = fwd * bwd
    out: np.ndarray = both / both.sum(axis=1, keepdims=True)
    return out


def chain(alpha: float, *, corpus_only: bool = False) -> Callable[..., Scores]:
    """The chain decoder, transitions counted on the training folds (pages weigh 0.6)."""

    def decode(data: dict[str, Any], f: int, probs: dict[int, np.ndarray]) -> Scores:
        inner = data["folds"][f]["inner"]
        counts, firsts = np.ones((K, K)), np.ones(K)
        for d in inner:
            doc = data["docs"][d]
            if corpus_only and doc["origin"] != "corpus":
                continue
            w = 1.0 if doc["origin"] == "corpus" else train.PAGE_WEIGHT
            y = doc["labels"]
            if len(y) and y[0] >= 0:
                firsts[y[0]] += w
            ok = (y[:-1] >= 0) & (y[1:] >= 0)
            np.add.at(counts, (y[:-1][ok], y[1:][ok]), w)
        trans = counts / counts.sum(axis=1, keepdims=True)
        prior = np.concatenate(list(inner.values())).mean(axis=0)
        out = {}
        for d, p in probs.items():
            g = forward_backward(p, prior, trans, firsts / firsts.sum(), alpha)
            out[d] = g[:, 0] + g[:, 1]
        return out

    return decode


def chain2(data: dict[str, Any], f: int, probs: dict[int, np.ndarray]) -> Scores:
    """The chain decoder over two states, keep (body, title) and remove (meta, residue)."""
    inner = data["folds"][f]["inner"]
    counts, firsts = np.ones((2, 2)), np.ones(2)
    for d in inner:
        doc = data["docs"][d]
        w = 1.0 if doc["origin"] == "corpus" else train.PAGE_WEIGHT
        y = np.where(doc["labels"] < 0, -1, (doc["labels"] >= 2).astype(np.int64))
        if len(y) and y[0] >= 0:
            firsts[y[0]] += w
        ok = (y[:-1] >= 0) & (y[1:] >= 0)
        np.add.at(counts, (y[:-1][ok], y[1:][ok]), w)
    trans = counts / counts.sum(axis=1, keepdims=True)
    seen = np.concatenate(list(inner.values()))
    prior = np.array([seen[:, :2].sum(axis=1).mean(), seen[:, 2:].sum(axis=1).mean()])
    out = {}
    for d, p in probs.items():
        two = np.column_stack([p[:, 0] + p[:, 1], p[:, 2] + p[:, 3]])
        out[d] = forward_backward(two, prior, trans, firsts / firsts.sum(), 1.0)[:, 0]
    return out


def _block_rows(doc: dict[str, Any], probs: np.ndarray) -> np.ndarray:
    """Per line: its log-odds, the mean log-odds of the other lines of its run (lines between
    two sentences; its own when alone), the log of the run's length, and 1."""
    lo = _log_odds(probs)
    prose = ~doc["ruled"] & doc["sentence"]
    run = np.cumsum(prose) * 2 + (~prose)  # a sentence is a run of its own
    _, ids = np.unique(run, return_inverse=True)
    sums = np.bincount(ids, weights=lo)
    sizes = np.bincount(ids).astype(np.float64)
    others = np.where(sizes[ids] > 1, (sums[ids] - lo) / np.maximum(sizes[ids] - 1, 1), lo)
    return np.column_stack([lo, others, np.log(sizes[ids]), np.ones(len(lo))])


def block(data: dict[str, Any], f: int, probs: dict[int, np.ndarray]) -> Scores:
    """A logistic regression over the line's and its run's log-odds, fitted on the training
    folds' asked lines (Newton's method, a little L2)."""
    rows, ys, ws = [], [], []
    for d, p in data["folds"][f]["inner"].items():
        doc = data["docs"][d]
        use = _asked(doc) & (doc["labels"] >= 0)
        rows.append(_block_rows(doc, p)[use])
        ys.append((doc["labels"][use] <= 1).astype(np.float64))
        ws.append(np.full(use.sum(), 1.0 if doc["origin"] == "corpus" else train.PAGE_WEIGHT))
    x, y, w = np.vstack(rows), np.concatenate(ys), np.concatenate(ws)
    beta = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-(x @ beta)))
        grad = x.T @ (w * (p - y)) + 1e-3 * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(x.shape[1])
        beta -= np.linalg.solve(hess, grad)
    return {
        d: 1 / (1 + np.exp(-(_block_rows(data["docs"][d], p) @ beta))) for d, p in probs.items()
    }


def evaluate(
    data: dict[str, Any], decode: Callable[..., Scores], *, runs: bool = False, recall: float
) -> str:
    """Held-out body recall, residue and meta removal, corpus and whole pages, one line;
    thresholds keep ``recall`` of the training folds' corpus body lines."""
    docs = data["docs"]
    counts = {o: np.zeros((3, 2)) for o in ("corpus", "pages")}
    cuts = []
    for f, fold in enumerate(data["folds"]):
        cut = threshold(docs, decode(data, f, fold["inner"]), recall)
        cuts.append(round(cut, 4))
        for d, s in decode(data, f, fold["held"]).items():
            doc = docs[d]
            model = _asked(doc) & (s < cut)
            removed = doc["ruled"] | model
            if runs:
                beside = np.zeros_like(model)
                beside[1:] |= model[:-1]
                beside[:-1] |= model[1:]
                removed |= ~doc["ruled"] & doc["sentence"] & beside & (s < cut)
            for row, c in enumerate((0, 3, 2)):
                sel = doc["labels"] == c
                counts[doc["origin"]][row] += [np.count_nonzero(removed[sel]), sel.sum()]
    out = []
    for origin, c in counts.items():
        share = c[:, 0] / np.maximum(c[:, 1], 1)
        out.append(f"{origin} {1 - share[0]:.4f} {share[1]:.3f} {share[2]:.3f}")
    return " | ".join(out) + f"  thresholds {cuts}"


def main(argv: list[str] | None = None) -> int:
    """Fit the folds (or read them from ``--cache``) and print one line per decoder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache", type=Path, help="a pickle of the fold probabilities")
    args = parser.parse_args(argv)
    if args.cache and args.cache.is_file():
        with args.cache.open("rb") as fh:  # a file this script wrote
            data = pickle.load(fh)
    else:
        data = fold_probabilities(args.shared, args.folds)
        if args.cache:
            with args.cache.open("wb") as fh:
                pickle.dump(data, fh)
    print("decoder                  body recall / residue / meta removed: corpus | pages")
    decoders: list[tuple[str, Callable[..., Scores], bool, float]] = [
        ("line", line, False, RECALL),
        ("chain alpha 1", chain(1.0), False, RECALL),
        ("chain alpha 1 corpus", chain(1.0, corpus_only=True), False, RECALL),
        ("chain alpha 0.5", chain(0.5), False, RECALL),
        ("chain keep/remove", chain2, False, RECALL),
        ("block", block, False, RECALL),
        ("line + runs", line, True, RECALL),
        # a higher threshold for the per-line decision: the curve the others must beat
        ("line, keeping 99.3%", line, False, 0.993),
        ("line, keeping 99%", line, False, 0.99),
        ("block, keeping 99.3%", block, False, 0.993),
    ]
    for name, decode, runs, recall in decoders:
        print(f"{name:<24} {evaluate(data, decode, runs=runs, recall=recall)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

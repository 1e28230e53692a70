"""Train the line model on the labelled data of ``../shared``.

Run ``python -m copydesk.classify.train [--shared PATH] [--out FILE]``.

Deterministic: the same data gives the same weight file, byte for byte, on the same platform.
Only numpy is needed (no training-only tools), so that the tests can train on a small sample.

The data (see ``docs/model-card.md``):

- ``corpus/labels.jsonl``: real scraped documents labelled line by line by hand;
- ``train/*.jsonl``: whole web pages flattened to text, labelled automatically (WCXB, CC-BY-4.0,
  and a Chinese set, MIT).

Each document is run through the default pipeline up to the model's step, so that the model
sees its lines as it will in use, with what the rules did to them as evidence; its lines are
then matched to the labelled lines (lines the repairs changed beyond matching, and ``unsure``
lines, are left out).

How it fits, in :func:`fit`:

1. the word table (stage 1) from feature counts per class, keeping features seen on at least
   ``min_sites`` sites;
2. word scores for every training line *out of fold* (site-grouped folds), so that the network
   learns how far to trust word scores on sites the table has not seen;
3. the network (stage 2) by mini-batch Adam with a fixed seed;
4. the threshold: the body-or-title probability below which a line leaves the body, chosen so
   that ``recall`` of the body lines of the corpus is kept out of fold;
5. the tail rule (:func:`copydesk.classify.step.tail_start`): of the candidate rules, the one
   that removes the most residue and meta lines out of fold (a whole-page line counting
   ``TAIL_PAGE_GAIN`` of a corpus line) while losing at most ``TAIL_LOSS`` of the body lines
   of the corpus and of the whole pages;
6. the head rule (:func:`copydesk.classify.step.head_end`): the same choice for the cut at
   the article's start, among the same candidates, within :data:`HEAD_LOSS`;
7. the list rule (:func:`copydesk.classify.step.list_start`): the same for the cut of the
   lines after the article's last sentence, beyond the tail rule's, within
   :data:`LIST_LOSS`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import numpy as np

from copydesk._lazy import lazy_regex
from copydesk.classify.features import evidence_group, read_line, shape_rows
from copydesk.classify.model import (
    CLASSES,
    MODEL_PATH,
    Array,
    LineModel,
    assemble,
    feature_names,
    mean_rows,
)
from copydesk.classify.step import WALL, _headline_kept, _is_sentence, table_rows
from copydesk.classify.weights import TailRule

__all__ = ["Doc", "fit", "folds", "head_ends", "load_docs", "main", "prepare", "tail_starts"]

#: Weight of a line of the whole-page sets against a hand-labelled corpus line.
PAGE_WEIGHT = 0.6
#: A feature must be seen on this many sites to enter the word table.
MIN_SITES = 3
#: Additive smoothing of the count ratios.
ALPHA = 0.5
HIDDEN = 32
#: Networks fitted from as many seeds, their logits averaged (one network of SEEDS * HIDDEN).
SEEDS = 3
EPOCHS = 6
BATCH = 256
LEARNING_RATE = 3e-3
L2 = 1e-4
INNER_FOLDS = 3
#: Share of the corpus's body lines the threshold keeps out of fold. The step's guards (a
#: sentence stays unless the model removes a line beside it; table rows; the last body line)
#: keep more: at 0.985, 99.5% of the body lines of sites held out in cross-validation stay,
#: as at 0.995 before (99.6%), while residue removal rises from 0.51 to 0.58 and whole-page
#: F1 from 0.895 to 0.904; at 0.975 German and Chinese lose 2-6% of their body lines.
RECALL = 0.985
#: The tail rules training chooses among: (mean, peak, lines) of :class:`TailRule`.
TAIL_RULES = tuple(
    TailRule(mean, peak, lines)
    for mean in (0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
    for peak in (0.1, 0.2, 0.3, 0.4, 0.5)
    for lines in (1, 2, 3)
    if peak >= mean
)
#: The head rules training chooses among: a menu's lines average at most 0.1. Looser means
#: (0.2, 0.3), chosen where the training folds lost no corpus body line, took three ledes
#: and a kicker of the held-out folds in cross-validation.
HEAD_RULES = tuple(rule for rule in TAIL_RULES if rule.mean <= 0.1)
#: The list rules training chooses among: a list holds two lines at least.
LIST_RULES = tuple(rule for rule in TAIL_RULES if rule.lines >= 2)
#: The largest share of body and title lines the tail cut may remove out of fold, beyond
#: what the threshold removes: of the corpus's, and of the whole pages' (labelled
#: automatically, so less sure).
TAIL_LOSS = {"corpus": 0.0005, "pages": 0.01}
#: The same for the cut at the article's start, which may not remove a single body or title
#: line of the corpus out of fold: above a scraped article stand its headline and lede, which
#: the model doubts more often than the paragraphs under them (allowed the tail's losses, the
#: cut took two ledes and a headline in cross-validation for five residue lines).
HEAD_LOSS = {"corpus": 0.0, "pages": 0.01}
#: The same for the cut of a list after the article's last sentence
#: (:func:`copydesk.classify.step.list_start`), whose lines all end no sentence.
LIST_LOSS = {"corpus": 0.0, "pages": 0.005}
#: What a whole-page residue or meta line that the cut removes counts against a corpus one.
TAIL_PAGE_GAIN = 0.1

_LABEL = {name: i for i, name in enumerate(CLASSES)}

#: A made-up document whose probabilities each weight file records (``info["check"]``), so
#: that a test can tell whether this platform computes them bit for bit as training did.
CHECK_LINES = (
    "Harbour town votes to keep its last ferry",
    "By Jane Roe | 8 December 2022, Thursday",
    "The council voted on Monday to keep the ferry running for another five years, "
    "after a campaign by residents who said the island would be cut off without it.",
    "Share on Facebook",
    "Photo: Courtesy of the harbour office",
    "渡轮将继续运营五年，市议会周一表示。",
    "قال المجلس إن العبارة ستواصل العمل خمس سنوات أخرى.",
    "Related stories",
    "Newsletter: sign up for our morning briefing",
)
# What lines are compared by when matching a document's lines to the labelled ones.
_IGNORED_RE = lazy_regex(r"[\s\p{Cf}\p{Cc}]+")


@attrs.frozen(eq=False)
class Doc:
    """One labelled document, as the model sees it at its step."""

    id: str
    site: str
    lang: str
    origin: str  # "corpus" or "pages"
    raw: bytes
    texts: tuple[str, ...]  # the non-blank lines at the model's step
    evidence: tuple[int, ...]
    labels: Array  # class index per line; -1 where unknown or unsure
    labelled: tuple[dict[str, Any], ...]  # the label file's lines
    shapes: Array  # the lines' shape_rows

    @property
    def weight(self) -> float:
        """The weight of each of this document's lines in training."""
        return 1.0 if self.origin == "corpus" else PAGE_WEIGHT


def _key(text: str) -> str:
    return _IGNORED_RE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def load_docs(shared: Path) -> Iterator[tuple[str, str, str, str, bytes, list[dict[str, Any]]]]:
    """Yield ``(id, site, lang, origin, raw bytes, labelled lines)`` for every usable document."""
    corpus = shared / "corpus"
    manifest = {
        d["id"]: d
        for d in (
            json.loads(x)
            for x in (corpus / "manifest.jsonl").read_text("utf-8").split("\n")
            if x.strip()
        )
    }
    for line in (corpus / "labels.jsonl").read_text("utf-8").split("\n"):
        if not line.strip():
            continue
        label = json.loads(line)
        if label.get("skip"):
            continue
        meta = manifest[label["id"]]
        raw = (corpus / "docs" / f"{label['id']}.txt").read_bytes()
        yield label["id"], meta["site"], meta["lang"], "corpus", raw, label["lines"]
    for path in sorted((shared / "train").glob("*.jsonl")):
        for line in path.read_text("utf-8").split("\n"):
            if not line.strip():
                continue
            page = json.loads(line)
            raw = "\n".join(x["text"] for x in page["lines"]).encode("utf-8")
            site = _host(page.get("url") or page["id"])
            yield page["id"], site, page.get("lang", ""), "pages", raw, page["lines"]


def _prefix_pipeline() -> Any:
    from copydesk.default import DEFAULT
    from copydesk.pipeline import Pipeline

    names = DEFAULT.names
    end = names.index("classify.lines") if "classify.lines" in names else len(names)
    return Pipeline(DEFAULT.steps[:end])


def model_view(raw: bytes, pipeline: Any = None) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The non-blank lines of ``raw`` and their evidence, as the model's step sees them."""
    from copydesk.clean import start

    draft = (pipeline or _prefix_pipeline()).apply(start(raw))
    lines = [line for line in draft.lines if line.state != "blank"]
    return (
        tuple(line.text.strip() for line in lines),
        tuple(evidence_group(line.state, line.rule) for line in lines),
    )


def _align(texts: Sequence[str], labelled: Sequence[dict[str, Any]]) -> Array:
    """The label of each line of ``texts``, from the labelled lines it matches (-1: none)."""
    ours = [_key(t) for t in texts]
    theirs = [_key(x["text"]) for x in labelled]
    out = np.full(len(texts), -1, dtype=np.int64)
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            out[a + k] = _LABEL.get(labelled[b + k]["label"], -1)
    return out


def prepare(shared: Path, *, limit: int | None = None) -> list[Doc]:
    """Load and align every labelled document under ``shared`` (the first ``limit`` only)."""
    pipeline = _prefix_pipeline()
    docs = []
    for n, (doc_id, site, lang, origin, raw, labelled) in enumerate(load_docs(shared)):
        if limit is not None and n >= limit:
            break
        texts, evidence = model_view(raw, pipeline)
        labels = _align(texts, labelled)
        shapes = np.asarray(shape_rows(texts, evidence), dtype=np.float64)
        docs.append(
            Doc(doc_id, site, lang, origin, raw, texts, evidence, labels, tuple(labelled), shapes)
        )
    return docs


def folds(docs: Sequence[Doc], k: int, *, salt: str = "") -> list[int]:
    """A site-grouped fold number in ``range(k)`` for each document (stable across runs)."""
    return [int(hashlib.sha1((salt + d.site).encode()).hexdigest(), 16) % k for d in docs]


# -- stage 1: the word table ------------------------------------------------------------------
@attrs.frozen(eq=False)
class _Tokens:
    """Every document's line features as ids into one shared feature list."""

    names: list[str]
    ids: list[Array]  # per document: feature ids, line after line
    owners: list[Array]  # per document: the line of each id

    @classmethod
    def of(cls, docs: Sequence[Doc]) -> _Tokens:
        index: dict[str, int] = {}
        ids: list[Array] = []
        owners: list[Array] = []
        for doc in docs:
            flat: list[int] = []
            own: list[int] = []
            for i, text in enumerate(doc.texts):
                for f in read_line(text)[0]:
                    flat.append(index.setdefault(f, len(index)))
                    own.append(i)
            ids.append(np.asarray(flat, dtype=np.int64))
            owners.append(np.asarray(own, dtype=np.int64))
        return cls(list(index), ids, owners)


def _table(docs: Sequence[Doc], tokens: _Tokens, chosen: Sequence[int]) -> tuple[Array, Array]:
    """Count ratios over all features (rows of unkept features are NaN) from ``chosen`` docs."""
    size = len(tokens.names)
    counts = np.zeros((size, len(CLASSES)))
    site_ids: dict[str, set[int]] = {}
    totals = np.zeros(len(CLASSES))
    for d in chosen:
        doc = docs[d]
        line_labels = doc.labels[tokens.owners[d]]
        known = line_labels >= 0
        for c in range(len(CLASSES)):
            sel = tokens.ids[d][known & (line_labels == c)]
            counts[:, c] += np.bincount(sel, minlength=size) * doc.weight
            totals[c] += np.count_nonzero(doc.labels == c) * doc.weight
        site_ids.setdefault(doc.site, set()).update(tokens.ids[d][known].tolist())
    sites = np.zeros(size)
    for ids in site_ids.values():
        sites[np.fromiter(ids, dtype=np.int64, count=len(ids))] += 1
    keep = sites >= MIN_SITES
    rest = counts.sum(axis=1, keepdims=True) - counts
    rest_totals = totals.sum() - totals
    ratios = np.log((counts + ALPHA) / (totals + ALPHA)) - np.log(
        (rest + ALPHA) / (rest_totals + ALPHA)
    )
    ratios[~keep] = np.nan
    return ratios, keep


def _scores(ratios: Array, ids: Array, owners: Array, n: int) -> tuple[Array, Array]:
    """Word scores of one document's lines from a table over all feature ids (as
    :meth:`LineModel.word_scores` with the table's kept features as its vocabulary)."""
    feats = np.bincount(owners, minlength=n).astype(np.float64)
    hit = ~np.isnan(ratios[ids, 0])
    hits = np.bincount(owners[hit], minlength=n).astype(np.float64)
    known = np.divide(hits, feats, out=np.zeros(n), where=feats > 0)
    return mean_rows(ratios, ids[hit], hits), known


# -- stage 2: the network ---------------------------------------------------------------------
def _train_network(
    x: Array, y: Array, w: Array, *, seed: int = 0
) -> tuple[Array, Array, Array, Array, Array, Array]:
    """Fit the one-hidden-layer network with mini-batch Adam; returns its arrays."""
    rng = np.random.default_rng(seed)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    xs = (x - mean) / scale
    d, k = x.shape[1], len(CLASSES)
    params = [
        rng.normal(0.0, 1.0 / np.sqrt(d), (d, HIDDEN)),
        np.zeros(HIDDEN),
        rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, k)),
        np.zeros(k),
    ]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    onehot = np.eye(k)[y]
    step = 0
    for _ in range(EPOCHS):
        order = rng.permutation(len(xs))
        for at in range(0, len(order), BATCH):
            idx = order[at : at + BATCH]
            xb, yb, wb = xs[idx], onehot[idx], w[idx]
            h = np.tanh(xb @ params[0] + params[1])
            z = h @ params[2] + params[3]
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            dz = (p - yb) * (wb / wb.sum())[:, None]
            dh = (dz @ params[2].T) * (1.0 - h * h)
            grads = [
                xb.T @ dh + L2 * params[0],
                dh.sum(axis=0),
                h.T @ dz + L2 * params[2],
                dz.sum(axis=0),
            ]
            step += 1
            for j, g in enumerate(grads):
                m[j] = 0.9 * m[j] + 0.1 * g
                v[j] = 0.999 * v[j] + 0.001 * g * g
                mhat = m[j] / (1 - 0.9**step)
                vhat = v[j] / (1 - 0.999**step)
                params[j] = params[j] - LEARNING_RATE * mhat / (np.sqrt(vhat) + 1e-8)
    return mean, scale, params[0], params[1], params[2], params[3]


def _ensemble(x: Array, y: Array, w: Array) -> tuple[Array, ...]:
    """``SEEDS`` networks fitted from different seeds, as one network that averages their
    logits: their hidden layers side by side, their output weights divided by their number."""
    nets = [_train_network(x, y, w, seed=seed) for seed in range(SEEDS)]
    mean, scale = nets[0][0], nets[0][1]
    return (
        mean,
        scale,
        np.hstack([n[2] for n in nets]),
        np.concatenate([n[3] for n in nets]),
        np.vstack([n[4] for n in nets]) / SEEDS,
        np.mean([n[5] for n in nets], axis=0),
    )


def _empty_model(vocab: dict[str, int], ratios: Array) -> LineModel:
    d = len(feature_names())
    return LineModel(
        vocab=vocab,
        ratios=ratios,
        mean=np.zeros(d),
        scale=np.ones(d),
        hidden_w=np.zeros((d, HIDDEN)),
        hidden_b=np.zeros(HIDDEN),
        out_w=np.zeros((HIDDEN, len(CLASSES))),
        out_b=np.zeros(len(CLASSES)),
    )


def _rows(
    docs: Sequence[Doc], tokens: _Tokens, chosen: Sequence[int], salt: str
) -> tuple[Array, Array, Array, Array, Array]:
    """Network inputs of every line of the ``chosen`` documents, word scores out of fold.

    Returns ``(x, y, weights, doc, inner_fold)`` per line (``y`` is -1 where unlabelled),
    documents one after the other.
    """
    inner_folds = folds([docs[d] for d in chosen], INNER_FOLDS, salt=salt + "in")
    inner = dict(zip(chosen, inner_folds, strict=True))
    tables = [
        _table(docs, tokens, [d for d in chosen if inner[d] != f])[0] for f in range(INNER_FOLDS)
    ]
    xs, ys, ws, ds, fs = [], [], [], [], []
    for d in chosen:
        doc, f = docs[d], inner[d]
        n = len(doc.texts)
        scores, known = _scores(tables[f], tokens.ids[d], tokens.owners[d], n)
        xs.append(assemble(scores, known, doc.shapes))
        ys.append(doc.labels)
        ws.append(np.full(n, doc.weight))
        ds.append(np.full(n, d))
        fs.append(np.full(n, f))
    return (
        np.vstack(xs),
        np.concatenate(ys),
        np.concatenate(ws),
        np.concatenate(ds),
        np.concatenate(fs),
    )


def _class_weights(y: Array, w: Array) -> Array:
    """Weights that give each class the same total, softened by a square root."""
    totals = np.bincount(y, weights=w, minlength=len(CLASSES))
    factor = np.sqrt(totals.sum() / np.maximum(totals, 1e-9) / len(CLASSES))
    out: Array = w * factor[y]
    return out


def _threshold(keep_prob: Array, y: Array) -> float:
    """The largest threshold that keeps ``RECALL`` of the body lines (title counts as body)."""
    body = np.sort(keep_prob[(y == _LABEL["body"]) | (y == _LABEL["title"])])
    if len(body) == 0:
        return 0.5
    return float(min(0.5, body[int(np.floor((1.0 - RECALL) * len(body)))]))


def tail_starts(keep: Array, rule: TailRule) -> int | None:
    """:func:`copydesk.classify.step.tail_start` with numpy, summing in the same order."""
    if len(keep) < 2:
        return None
    backward = keep[::-1]
    total = np.cumsum(backward)[::-1]
    peak = np.maximum.accumulate(backward)[::-1]
    count = np.arange(len(keep), 0, -1)
    ok = (count >= rule.lines) & (total <= rule.mean * count)
    ok[0] = False
    # only as far back as no line above the peak: the step stops at the first one
    above = np.flatnonzero(peak > rule.peak)
    if above.size:
        ok[: above[-1] + 1] = False
    found = np.flatnonzero(ok)
    return int(found[0]) if found.size else None


def head_ends(keep: Array, rule: TailRule) -> int | None:
    """:func:`copydesk.classify.step.head_end` with numpy: :func:`tail_starts` of the lines
    read from the other end."""
    start = tail_starts(keep[::-1], rule)
    return None if start is None else len(keep) - start


def _edge_rule(
    docs: Sequence[tuple[Doc, Array]],
    threshold: float,
    edge: str = "tail",
    tail: TailRule | None = None,
) -> TailRule | None:
    """The rule of :data:`TAIL_RULES` (:data:`HEAD_RULES`, :data:`LIST_RULES`) whose cut at the
    article's ``edge`` ("tail": its end, "head": its start, "list": the lines after its last
    sentence) removes the most residue and meta lines of ``docs`` (each with its lines'
    body-or-title probabilities out of fold) beyond what the threshold removes (and, for the
    list, the ``tail`` rule), within :data:`TAIL_LOSS` (:data:`HEAD_LOSS`,
    :data:`LIST_LOSS`); ``None`` when none removes any. The head is chosen as the tail is,
    on the lines read from the other end; the list on the lines after the last sentence
    (:func:`copydesk.classify.step.list_start`)."""
    losses = {"head": HEAD_LOSS, "list": LIST_LOSS}.get(edge, TAIL_LOSS)
    body_lines = dict.fromkeys(losses, 0)
    prepared = []
    for doc, keep in docs:
        at = np.asarray([i for i, e in enumerate(doc.evidence) if e == 0], dtype=np.intp)
        labels = doc.labels[at]
        body_lines[doc.origin] += int(np.count_nonzero((labels == 0) | (labels == 1)))
        table = table_rows(list(doc.texts))
        fixed = np.asarray([i in table for i in at], dtype=bool)
        sentence = np.asarray([_is_sentence(doc.texts[i]) for i in at], dtype=bool)
        shown = np.where(fixed, 1.0, keep[at])
        removed = ~fixed & ~sentence & (shown < threshold)
        stays = fixed | removed
        if edge == "head":
            # as the step cuts: the line above the first sentence stops the cut
            shown = np.asarray(_headline_kept(shown.tolist(), sentence.tolist()))
            shown, labels, stays = shown[::-1], labels[::-1], stays[::-1]
        elif edge == "list":
            # as the step cuts: nothing up to the last sentence, nothing the tail cut takes
            said = np.flatnonzero(sentence)
            last = int(said[-1]) + 1 if said.size else len(shown)
            start = tail_starts(shown, tail) if tail is not None else None
            if start is not None:
                stays = stays.copy()
                stays[start:] = True
            shown = shown.copy()
            shown[:last] = WALL
        prepared.append((doc.origin, shown, labels, stays))
    best: tuple[float, TailRule] | None = None
    for rule in {"head": HEAD_RULES, "list": LIST_RULES}.get(edge, TAIL_RULES):
        lost = dict.fromkeys(losses, 0)
        gain = 0.0
        for origin, shown, labels, stays in prepared:
            start = tail_starts(shown, rule)
            if start is None:
                continue
            cut = labels[start:][~stays[start:]]
            lost[origin] += int(np.count_nonzero((cut == 0) | (cut == 1)))
            found = np.count_nonzero(cut >= 2)
            gain += found * (1.0 if origin == "corpus" else TAIL_PAGE_GAIN)
        if all(lost[o] <= losses[o] * body_lines[o] for o in losses) and gain > (
            best[0] if best else 0.0
        ):
            best = (gain, rule)
    return None if best is None else best[1]


def fit(docs: Sequence[Doc], chosen: Sequence[int] | None = None, *, salt: str = "") -> LineModel:
    """Train a model on the ``chosen`` documents (all when None)."""
    chosen = list(range(len(docs))) if chosen is None else list(chosen)
    tokens = _Tokens.of(docs)
    x, y, w, doc_of, row_fold = _rows(docs, tokens, chosen, salt)
    labelled = y >= 0
    weights = np.zeros(len(y))
    weights[labelled] = _class_weights(y[labelled], w[labelled])
    # The threshold out of fold: networks fitted on two inner folds score the third.
    probs = np.zeros((len(y), len(CLASSES)))
    for f in range(INNER_FOLDS):
        test = row_fold == f
        fit_on = labelled & ~test
        arrays = _ensemble(x[fit_on], y[fit_on], weights[fit_on])
        net = _with_network(_empty_model({}, np.zeros((0, 4))), arrays)
        probs[test] = net.forward(x[test])
    keep_prob = probs[:, :2].sum(axis=1)
    corpus = np.array([docs[d].origin == "corpus" for d in doc_of]) & labelled
    threshold = _threshold(keep_prob[corpus], y[corpus])
    edges = [(docs[d], keep_prob[doc_of == d]) for d in chosen]
    tail = _edge_rule(edges, threshold, "tail")
    head = _edge_rule(edges, threshold, "head")
    list_tail = _edge_rule(edges, threshold, "list", tail)
    arrays = _ensemble(x[labelled], y[labelled], weights[labelled])
    ratios, keep = _table(docs, tokens, chosen)
    kept = np.flatnonzero(keep)
    vocab = {tokens.names[i]: j for j, i in enumerate(kept)}
    info: dict[str, Any] = {
        "documents": len(chosen),
        "lines": int(labelled.sum()),
        "corpus_lines": int(corpus.sum()),
        "features": len(vocab),
        "recall_target": RECALL,
    }
    # stored as float32 (half the file): the model computes with what the file will hold
    base = _empty_model(vocab, ratios[kept].astype(np.float32).astype(np.float64))
    model = attrs.evolve(
        _with_network(base, arrays),
        threshold=threshold,
        tail=tail,
        head=head,
        list_tail=list_tail,
        info=info,
    )
    check = model.predict(CHECK_LINES).tobytes().hex()
    info["check"] = {"lines": list(CHECK_LINES), "probs": check}
    return model


def _with_network(model: LineModel, arrays: tuple[Array, ...]) -> LineModel:
    """``model`` with the network arrays of :func:`_train_network`."""
    mean, scale, hidden_w, hidden_b, out_w, out_b = arrays
    return attrs.evolve(
        model,
        mean=mean,
        scale=scale,
        hidden_w=hidden_w,
        hidden_b=hidden_b,
        out_w=out_w,
        out_b=out_b,
    )


def main(argv: Iterable[str] | None = None) -> int:
    """Train on everything under ``--shared`` and write the weight file."""
    parser = argparse.ArgumentParser(prog="python -m copydesk.classify.train", description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(None if argv is None else list(argv))
    if not (args.shared / "corpus" / "labels.jsonl").is_file():
        print(f"no labelled corpus under {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    docs = prepare(args.shared)
    model = fit(docs)
    model.save(args.out)
    print(
        f"written: {args.out} ({model.info['features']} features, threshold {model.threshold:.3f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

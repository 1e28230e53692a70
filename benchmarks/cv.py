"""Site-grouped cross-validation of the line model: ``python benchmarks/quality.py --cv 5``.

Every labelled document of ``../shared`` (the hand-labelled corpus and the whole pages of
``train/``) falls in one of ``k`` folds by its site, so no site is ever both in what a model is
fitted on and in what it is scored on. For each fold a model is trained on the other folds
(:func:`copydesk.classify.train.fit`, threshold and edge rules included) and the fold's
documents are cleaned twice: with the rules only (``DEFAULT.without("classify.lines")``) and
with that model.

Scored, on the held-out documents only:

- corpus documents: content_recall, residue_removed, meta_removed (as ``quality.py``), overall
  and per language, and the field accuracies;
- whole pages: the F1 of the cleaned body's 4-word shingles against the page's body lines'.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quality import LABELS, Body, _ratio, around, field_hits, key, score

from copydesk import DEFAULT, clean_article
from copydesk.classify import train
from copydesk.classify.step import ClassifyLines

SYSTEMS = ("rules", "model")
SHINGLE = 4


def shingles(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """The 4-word shingles of ``texts`` joined, words casefolded."""
    words = " ".join(texts).casefold().split()
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def shingle_f1(got: Iterable[str], want: Iterable[str]) -> float:
    """Shingle F1 of a cleaned body against the gold body lines."""
    a, b = shingles(got), shingles(want)
    if not a or not b:
        return float(a == b)
    both = len(a & b)
    if both == 0:
        return 0.0
    p, r = both / len(a), both / len(b)
    return 2 * p * r / (p + r)


def cross_validate(shared: Path, k: int) -> dict[str, Any]:
    """Run the k-fold site-grouped cross-validation; returns the figures."""
    began = time.process_time()
    docs = train.prepare(shared)
    fold_of = train.folds(docs, k)
    cells: dict[str, dict[str, dict[str, dict[str, list[int]]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(lambda: [0, 0]))
    )
    fields: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    f1: dict[str, list[float]] = defaultdict(list)
    thresholds = []
    tails = []
    heads = []
    lists = []
    for f in range(k):
        chosen = [i for i, g in enumerate(fold_of) if g != f]
        model = train.fit(docs, chosen)
        thresholds.append(model.threshold)
        tails.append(None if model.tail is None else model.tail.to_json())
        heads.append(None if model.head is None else model.head.to_json())
        lists.append(None if model.list_tail is None else model.list_tail.to_json())
        pipelines = {
            "rules": DEFAULT.without("classify.lines"),
            "model": DEFAULT.replace("classify.lines", ClassifyLines(model=model)),
        }
        for i, doc in enumerate(docs):
            if fold_of[i] != f:
                continue
            for name, pipeline in pipelines.items():
                article = clean_article(doc.raw, pipeline=pipeline)
                if doc.origin == "pages":
                    gold = [x["text"] for x in doc.labelled if x["label"] in ("body", "title")]
                    f1[name].append(shingle_f1(article.paragraphs, gold))
                    continue
                label = {"title": None, "authors": [], "published": None, "source": None}
                for fname, ok in field_hits(article, _fields(shared, doc.id, label)).items():
                    fields[name][fname][0] += ok
                    fields[name][fname][1] += 1
                body = Body(article.paragraphs)
                keys = [key(x["text"]) for x in doc.labelled]
                for n, (x, k_) in enumerate(zip(doc.labelled, keys, strict=True)):
                    if x["label"] not in LABELS:
                        continue
                    loose = not any(k_ in o for o in keys if o != k_)
                    kept = body.has(x["text"], loose=loose, **around(doc.labelled, n))
                    for group in ("all", doc.lang):
                        cell = cells[group][name][x["label"]]
                        cell[0] += kept
                        cell[1] += 1
    return {
        "folds": k,
        "documents": {
            "corpus": sum(d.origin == "corpus" for d in docs),
            "pages": sum(d.origin == "pages" for d in docs),
        },
        "thresholds": [round(t, 4) for t in thresholds],
        "tail_rules": tails,
        "head_rules": heads,
        "list_rules": lists,
        "lines": {g: {s: score(c) for s, c in by.items()} for g, by in sorted(cells.items())},
        "fields": {
            s: {f: {"accuracy": _ratio(*c), "labelled": c[1]} for f, c in by.items()}
            for s, by in fields.items()
        },
        "pages_f1": {s: round(sum(v) / len(v), 4) for s, v in f1.items() if v},
        "cpu_seconds": round(time.process_time() - began, 1),
    }


_LABEL_CACHE: dict[str, dict[str, Any]] = {}


def _fields(shared: Path, doc_id: str, default: dict[str, Any]) -> dict[str, Any]:
    """The labelled fields of corpus document ``doc_id``."""
    if not _LABEL_CACHE:
        import json

        for raw in (shared / "corpus" / "labels.jsonl").read_text("utf-8").split("\n"):
            if raw.strip():
                d = json.loads(raw)
                _LABEL_CACHE[d["id"]] = d
    return _LABEL_CACHE.get(doc_id, default)


def cv_report(results: dict[str, Any]) -> str:
    """The cross-validation figures as plain-text tables."""
    docs = results["documents"]
    out = [
        f"site-grouped {results['folds']}-fold cross-validation: "
        f"{docs['corpus']} corpus documents, {docs['pages']} whole pages; "
        f"thresholds chosen on the training folds: {results['thresholds']}; "
        f"tail rules [mean, peak, lines]: {results.get('tail_rules')}",
        f"head rules [mean, peak, lines]: {results.get('head_rules')}; "
        f"list rules: {results.get('list_rules')}",
        "",
        f"{'':<10}"
        + "".join(f"{m:>18}" for m in ("content_recall", "residue_removed"))
        + f"{'meta_removed':>18}   lines b/r/m",
    ]
    for group, by in results["lines"].items():
        for s in SYSTEMS:
            r = by.get(s)
            if r is None:
                continue
            vals = "".join(
                f"{'-' if r[m] is None else format(r[m], '.3f'):>18}"
                for m in ("content_recall", "residue_removed", "meta_removed")
            )
            n = r["lines"]
            out.append(f"{group:<7}{s:<6}{vals}   {n['body']}/{n['residue']}/{n['meta']}")
    out.append("")
    out.append(
        "whole pages, 4-word shingle F1 of the body: "
        + ", ".join(f"{s} {v:.3f}" for s, v in results["pages_f1"].items())
    )
    out.append("fields (corpus, held-out folds): ")
    for s, by in results["fields"].items():
        out.append(
            f"  {s:<6} "
            + "  ".join(f"{f} {r['accuracy']:.3f} (n={r['labelled']})" for f, r in by.items())
        )
    out.append(f"cpu seconds: {results['cpu_seconds']}")
    return "\n".join(out)

"""Does learning a site's boilerplate from the batch help? Score with and without it.

Usage: ``python benchmarks/learn.py [--shared PATH] [--out FILE] [--rules FILE]``

Learns rules over every document of ../shared/corpus (grouped by the manifest's ``site``),
then cleans the labelled documents twice, without and with the learned rules, and scores both
with the scoring of benchmarks/quality.py (content_recall, residue_removed, meta_removed).
Targets: residue_removed rises by 5 points or more; content_recall stays >= 0.99.

It also lists the labelled residue lines still in the body after learning, with the number of
their site's documents, and of all the corpus's documents, that hold them: a line that occurs
in one document only is out of the reach of learning by repetition, whatever its thresholds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
try:
    import copydesk
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))
    import copydesk

from quality import LABELS, Body, around, key, score  # noqa: E402

from copydesk.learn import learn_rules, rules_to_toml  # noqa: E402
from copydesk.rules import Rules, builtin_rules, rules_from_mapping  # noqa: E402


def run(shared: Path) -> tuple[dict[str, Any], Rules]:
    """Learn over the whole corpus, then score the labelled documents without and with."""
    corpus = shared / "corpus"
    manifest = [
        json.loads(x) for x in (corpus / "manifest.jsonl").read_text("utf-8").split("\n") if x
    ]
    started = time.perf_counter()
    docs_ = [(d["site"], (corpus / "docs" / f"{d['id']}.txt").read_bytes()) for d in manifest]
    site_of = {d["id"]: d["site"] for d in manifest}
    # each site's documents as sets of line keys: in how many does a missed residue line occur?
    site_keys: dict[str, list[set[str]]] = defaultdict(list)
    for (site, data), _ in zip(docs_, manifest, strict=True):
        site_keys[site].append({key(x) for x in data.decode("utf-8", "replace").splitlines()})
    learned = learn_rules(docs_)
    seconds = time.perf_counter() - started
    # The ablation: no built-in residue rule at all, so learning must find everything itself.
    off = {"disable": list(builtin_rules().names)}
    alone = learn_rules(docs_, known=Rules())
    no_builtin = rules_from_mapping(off)
    alone_rules = Rules(alone.rules, no_builtin.disable)
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    removed_by: dict[str, int] = defaultdict(int)
    missed: list[dict[str, Any]] = []
    docs = 0
    for raw in (corpus / "labels.jsonl").read_text("utf-8").splitlines():
        label = json.loads(raw)
        if label.get("skip"):
            continue
        docs += 1
        data = (corpus / "docs" / f"{label['id']}.txt").read_bytes()
        keys = [key(line["text"]) for line in label["lines"]]
        loose = [not any(k in o for o in keys if o != k) for k in keys]
        systems = (
            ("without", None),
            ("learned", learned),
            ("no_builtin", no_builtin),
            ("no_builtin_learned", alone_rules),
        )
        for name, rules in systems:
            article = copydesk.clean_article(data, rules=rules, site=site_of[label["id"]])
            body = Body(article.paragraphs)
            if name == "learned":
                for edit in article.edits:
                    if edit.rule.startswith("strip.learned_"):
                        removed_by[edit.rule] += 1
            for n, (line, is_loose) in enumerate(zip(label["lines"], loose, strict=True)):
                if line["label"] in LABELS:
                    cell = counts[name][line["label"]]
                    kept = body.has(line["text"], loose=is_loose, **around(label["lines"], n))
                    cell[0] += kept
                    cell[1] += 1
                    if name == "learned" and kept and line["label"] == "residue":
                        site = site_of[label["id"]]
                        k = key(line["text"])
                        missed.append(
                            {
                                "site": site,
                                "documents_of_site": len(site_keys[site]),
                                "documents_with_line": sum(k in d for d in site_keys[site]),
                                "corpus_documents_with_line": sum(
                                    k in d for ds in site_keys.values() for d in ds
                                ),
                            }
                        )
    results = {
        "documents_learned": len(manifest),
        "documents_scored": docs,
        "learned_rules": len(learned),
        "learn_seconds": round(seconds, 2),
        "without": score(counts["without"]),
        "learned": score(counts["learned"]),
        "no_builtin": score(counts["no_builtin"]),
        "no_builtin_learned": score(counts["no_builtin_learned"]),
        "learned_rules_without_builtin": len(alone),
        "labelled_lines_removed_by_learned_rules": sum(removed_by.values()),
        # Residue lines still in the body after learning, and how many of their site's
        # documents hold them: a line in one document only is out of reach of learning.
        "residue_missed_after_learning": missed,
    }
    return results, learned


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the figures and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "learn.json")
    parser.add_argument("--rules", type=Path, help="also write the learned rules (TOML) here")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus" / "labels.jsonl").is_file():
        print(
            f"no labelled corpus at {args.shared / 'corpus'}; pass --shared PATH", file=sys.stderr
        )
        return 0
    results, learned = run(args.shared)
    for name in ("without", "learned", "no_builtin", "no_builtin_learned"):
        r = results[name]
        print(
            f"{name:<18} content_recall {r['content_recall']:.4f}  "
            f"residue_removed {r['residue_removed']:.4f}  meta_removed {r['meta_removed']:.4f}"
        )
    print(
        f"{results['learned_rules']} rules learned from {results['documents_learned']} documents "
        f"in {results['learn_seconds']}s; scored on {results['documents_scored']}"
    )
    missed = results["residue_missed_after_learning"]
    repeating = [m for m in missed if m["documents_with_line"] >= 2]
    anywhere = [m for m in missed if m["corpus_documents_with_line"] >= 2]
    print(
        f"{len(missed)} labelled residue lines are still in the body after learning; "
        f"{len(repeating)} of them occur in two or more documents of their site, "
        f"{len(anywhere)} in two or more documents of the whole corpus"
    )
    if args.rules:
        args.rules.write_text(rules_to_toml(learned), "utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

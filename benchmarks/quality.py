"""Score copydesk against the hand labels of ../shared/corpus, beside two baselines.

Usage: ``python benchmarks/quality.py [--shared PATH] [--out FILE]``

Each labelled document is cleaned; each labelled line is then looked up in the cleaned body
(lines compare modulo white space, Unicode compatibility forms and encoding repair, as
LABELS.md says). Reported, for copydesk and for two baselines -- ``raw`` (the text unchanged)
and ``c4`` (a C4-style line filter, with a 3-word and a 5-word minimum) -- overall, by
language and by site:

- content_recall: share of ``body`` lines still in the body (target >= 0.99);
- residue_removed: share of ``residue`` lines no longer in the body (target >= 0.90);
- meta_removed: share of ``meta`` lines no longer in the body;
- field accuracy for title, authors, published and source where labelled (copydesk only), over
  every document of labels.jsonl (skipped ones too: a field needs no line structure). A title
  is right when equal modulo case, spaces and compatibility forms; authors when equal as a set
  of names modulo case and spaces; published when the date (``YYYY-MM-DD``) is equal; source
  when one contains the other modulo case and spaces.

The results also go to benchmarks/results/quality.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import ftfy
import regex

ROOT = Path(__file__).resolve().parent.parent
try:
    import copydesk
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))
    import copydesk

# Everything that does not count when comparing lines: white space of any kind, and format
# characters (zero-width spaces, bidi marks). Example: "a\u200b b" compares as "ab".
IGNORED_RE = regex.compile(r"[\s\p{Cf}\p{Cc}]+")
# C4's terminal punctuation: a line must end with one of these (closing quotes allowed).
C4_END_RE = regex.compile(r"[.!?][\"'”’]{0,2}$")
C4_BAD = ("javascript", "lorem ipsum", "cookie", "terms of use", "privacy policy", "{")
LABELS = ("body", "residue", "meta")
METRICS = ("content_recall", "residue_removed", "meta_removed")
FIELDS = ("title", "authors", "published", "source")


def key(text: str) -> str:
    """The form lines are compared in: encoding repaired, NFKC, no white space."""
    fixed = ftfy.fix_text(text, normalization="NFKC")
    return IGNORED_RE.sub("", unicodedata.normalize("NFKC", fixed))


def decode(data: bytes) -> str:
    """Decode like LABELS.md: UTF-8, else cp1252; CRLF and CR become LF."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def raw_lines(data: bytes) -> list[str]:
    """Baseline ``raw``: every non-blank line, as it is."""
    return [line.strip() for line in decode(data).split("\n") if line.strip()]


def c4_filter(min_words: int) -> Callable[[bytes], list[str]]:
    """Baseline ``c4``: C4's line heuristics (terminal punctuation, word count, bad words)."""

    def run(data: bytes) -> list[str]:
        out = []
        for line in raw_lines(data):
            low = line.casefold()
            if C4_END_RE.search(line) is None or len(line.split()) < min_words:
                continue
            if any(bad in low for bad in C4_BAD) or "}" in line:
                continue
            out.append(line)
        return out

    return run


class Body:
    """A cleaned body, ready for 'is this labelled line in it?' questions."""

    def __init__(self, paragraphs: Iterable[str]) -> None:
        self.keys = [key(p) for p in paragraphs]
        self.exact = set(self.keys)
        self.joined = "".join(self.keys)
        self.bounds: set[int] = {0}
        pos = 0
        for k in self.keys:
            pos += len(k)
            self.bounds.add(pos)

    def has(self, line: str, *, loose: bool = True, before: str = "", after: str = "") -> bool:
        """True when ``line`` is in the body; ``loose`` also accepts it inside a paragraph.

        ``before`` and ``after`` are the labelled lines around it: a line that the cleaner
        joined to one of them (a hard-wrapped paragraph reflowed, ``repair.hard_wraps``)
        stays in the body when the two stand together, in order, inside one paragraph,
        however short the line (a short line alone would match any paragraph that contains
        its words).

        >>> body = Body(["The loan was signed on Monday in Hong Kong by six banks."])
        >>> body.has("by six banks.", before="in Hong Kong"), body.has("by six banks.")
        (True, False)
        >>> body.has("Share", before="in Hong Kong")
        False
        """
        k = key(line)
        if not k:
            return False
        if self._beside(k, key(before), key(after)):
            return True
        if k in self.exact:
            return True
        start = self.joined.find(k)
        while start != -1:  # a line the cleaner split into several paragraphs
            if start in self.bounds and start + len(k) in self.bounds:
                return True
            start = self.joined.find(k, start + 1)
        # a long line changed in place (a glued caption cut out) or glued to a neighbour;
        # not for a line that another labelled line contains (a pull quote of a sentence)
        return (
            loose
            and len(k) >= 40
            and any(k in p or (len(p) >= 0.8 * len(k) and p in k) for p in self.keys)
        )

    def _beside(self, k: str, before: str, after: str) -> bool:
        """Whether ``k`` stands right after ``before`` or right before ``after`` (keys) inside
        one paragraph of the body."""
        pairs = [x for x in (before + k if before else "", k + after if after else "") if x]
        return any(pair in p for pair in pairs for p in self.keys if len(p) >= len(pair))


def around(lines: Sequence[dict[str, Any]], n: int) -> dict[str, str]:
    """The texts of the labelled lines before and after line ``n``, for :meth:`Body.has`."""
    return {
        "before": lines[n - 1]["text"] if n > 0 else "",
        "after": lines[n + 1]["text"] if n + 1 < len(lines) else "",
    }


def _fold(value: object) -> str:
    """A field value as fields compare: NFKC, casefolded, no white space at all."""
    return IGNORED_RE.sub("", unicodedata.normalize("NFKC", str(value)).casefold())


def title_hit(got: str | None, want: str) -> bool:
    """Titles are equal modulo case, spaces and compatibility forms.

    >>> title_hit("Storm  closes PORT", "storm closes port"), title_hit(None, "Storm")
    (True, False)
    """
    return got is not None and _fold(got) == _fold(want)


def authors_hit(got: Iterable[str], want: Iterable[str]) -> bool:
    """Authors are equal as a set of names, each modulo case and spaces.

    >>> authors_hit(("Jane  Roe", "Jo Lee"), ["jo lee", "Jane Roe"]), authors_hit((), ["Jo"])
    (True, False)
    """
    return {_fold(a) for a in got} == {_fold(a) for a in want}


def published_hit(got: object, want: str) -> bool:
    """Published dates are equal on the date (``YYYY-MM-DD``), whatever the time.

    >>> import datetime as dt
    >>> published_hit(dt.datetime(2020, 4, 17, 2, 12), "2020-04-17T09:00")
    True
    """
    return isinstance(got, dt.date) and got.isoformat()[:10] == want[:10]


def source_hit(got: str | None, want: str) -> bool:
    """A source is right when one contains the other, modulo case and spaces.

    >>> source_hit("The Associated Press", "Associated Press"), source_hit("AP", "Reuters")
    (True, False)
    >>> source_hit("", "Reuters")
    False
    """
    if not got:
        return False
    a, b = _fold(got), _fold(want)
    return bool(a) and bool(b) and (a in b or b in a)


def field_hits(article: copydesk.Article, label: dict[str, Any]) -> dict[str, bool]:
    """For each field the label states, whether copydesk found the same value."""
    hits: dict[str, bool] = {}
    if label.get("title"):
        hits["title"] = title_hit(article.title, label["title"])
    if label.get("authors"):
        hits["authors"] = authors_hit(article.authors, label["authors"])
    if label.get("published"):
        hits["published"] = published_hit(article.published, label["published"])
    if label.get("source"):
        hits["source"] = source_hit(article.source, label["source"])
    return hits


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def score(counts: dict[str, list[int]]) -> dict[str, Any]:
    """Metrics from ``{label: [kept_in_body, total]}``."""
    body, res, meta = counts["body"], counts["residue"], counts["meta"]
    return {
        "content_recall": _ratio(body[0], body[1]),
        "residue_removed": _ratio(res[1] - res[0], res[1]),
        "meta_removed": _ratio(meta[1] - meta[0], meta[1]),
        "lines": {lab: counts[lab][1] for lab in LABELS},
    }


def run(shared: Path) -> dict[str, Any]:
    """Clean every labelled document and score copydesk and the baselines."""
    corpus = shared / "corpus"
    manifest = {
        d["id"]: d
        for d in map(json.loads, (corpus / "manifest.jsonl").read_text("utf-8").splitlines())
    }
    systems: dict[str, Callable[[bytes], list[str]]] = {
        "copydesk": lambda data: list(copydesk.clean_article(data).paragraphs),
        "raw": raw_lines,
        "c4": c4_filter(3),
        "c4_5w": c4_filter(5),
    }
    groups: dict[str, dict[str, dict[str, dict[str, list[int]]]]] = {
        g: defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
        for g in ("all", "language", "site")
    }
    fields: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    misses: list[dict[str, str]] = []
    docs = 0
    for raw in (corpus / "labels.jsonl").read_text("utf-8").splitlines():
        label = json.loads(raw)
        data = (corpus / "docs" / f"{label['id']}.txt").read_bytes()
        article = copydesk.clean_article(data)
        for f, ok in field_hits(article, label).items():  # fields: every labelled document
            fields[f][0] += ok
            fields[f][1] += 1
        if label.get("skip"):
            continue
        docs += 1
        meta = manifest[label["id"]]
        keys = [key(line["text"]) for line in label["lines"]]
        loose = [not any(k in o for o in keys if o != k) for k in keys]
        for name, system in systems.items():
            body = Body(system(data))
            for n, (line, is_loose) in enumerate(zip(label["lines"], loose, strict=True)):
                lab = line["label"]
                if lab not in LABELS:
                    continue
                kept = body.has(line["text"], loose=is_loose, **around(label["lines"], n))
                for group, value in (
                    ("all", "all"),
                    ("language", meta["lang"]),
                    ("site", meta["site"]),
                ):
                    cell = groups[group][value][name][lab]
                    cell[0] += kept
                    cell[1] += 1
                if name == "copydesk" and kept != (lab == "body"):
                    misses.append({"id": label["id"], "label": lab, "text": line["text"][:120]})
    return {
        "documents": docs,
        "copydesk_version": copydesk.__version__,
        "results": {
            g: {v: {s: score(c) for s, c in by_sys.items()} for v, by_sys in sorted(vals.items())}
            for g, vals in groups.items()
        },
        "fields": {f: {"accuracy": _ratio(*fields[f]), "labelled": fields[f][1]} for f in FIELDS},
        "copydesk_misses": misses,
    }


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def report(results: dict[str, Any]) -> str:
    """The results as plain-text tables."""
    out = [f"{results['documents']} labelled documents (copydesk {results['copydesk_version']})"]
    systems = ("copydesk", "raw", "c4", "c4_5w")
    for group in ("all", "language", "site"):
        out.append("")
        head = f"{group:<24}" + "".join(f"{m[:14]:>30}" for m in METRICS) + "   lines b/r/m"
        out.append(head)
        out.append(
            f"{'':<24}"
            + "".join(f"{' '.join(s[:6].rjust(6) for s in systems):>30}" for _ in METRICS)
        )
        for value, by_sys in results["results"][group].items():
            row = f"{value[:24]:<24}"
            for m in METRICS:
                row += f"{' '.join(_fmt(by_sys[s][m]) for s in systems):>30}"
            n = by_sys["copydesk"]["lines"]
            row += f"   {n['body']}/{n['residue']}/{n['meta']}"
            out.append(row)
    out.append("")
    out.append("field accuracy (copydesk, where labelled):")
    for f, r in results["fields"].items():
        out.append(f"  {f:<10} {_fmt(r['accuracy'])}  (n={r['labelled']})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; prints tables and writes the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "quality.json"
    )
    parser.add_argument("--misses", action="store_true", help="also print copydesk's wrong lines")
    parser.add_argument(
        "--cv",
        type=int,
        metavar="K",
        help="site-grouped K-fold cross-validation of the line model, rules only vs model "
        "(benchmarks/cv.py); results to benchmarks/results/quality_cv.json",
    )
    args = parser.parse_args(argv)
    if not (args.shared / "corpus" / "labels.jsonl").is_file():
        print(
            f"no labelled corpus at {args.shared / 'corpus'}; pass --shared PATH", file=sys.stderr
        )
        return 0
    if args.cv:
        from cv import cross_validate, cv_report

        cv = cross_validate(args.shared, args.cv)
        print(cv_report(cv))
        out = args.out.with_name("quality_cv.json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(cv, ensure_ascii=False, indent=1), "utf-8")
        print(f"\nwritten: {out}")
        return 0
    results = run(args.shared)
    print(report(results))
    if args.misses:
        for miss in results["copydesk_misses"]:
            print(f"  {miss['id']} {miss['label']:<8} {miss['text']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

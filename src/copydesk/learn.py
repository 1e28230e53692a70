"""Learn a site's boilerplate from the batch itself, and write it as ordinary user rules.

No rule table knows every site's footer, but in a batch a site's furniture repeats: the same
promo line under every article of one site, ``21.2k SHARES`` / ``131.1k SHARES`` over every
article of another. :func:`learn_rules` groups documents by site, turns each line into a
*template* (numbers, dates and counts abstracted) and keeps the templates that recur in many
of a site's documents, far more than article text ever does. Each one becomes a
``match = "line"`` rule named ``learned_<site>_<n>`` and scoped to its site (``sites``: what
one site repeats is no evidence about another's pages), which :func:`rules_to_toml` writes in
the format of ``docs/rules.md`` for a person to review.

Guards against learning article text:

- near-duplicate documents (one story syndicated or scraped twice) count once: a document's
  fingerprint is a hash of its three longest lines, and a site counts each fingerprint once;
- a template must be in at least ``min_docs`` (3) documents AND ``min_share`` (30%) of the
  site's distinct documents;
- short lines (under 10 characters) and single words under 15 characters are never learned:
  a lone "Politics" or "Comments" is as likely a heading of the story as furniture;
- prose-like lines (12 words or more, ending in a full stop) need ``prose_share`` (60%) of a
  site's documents: a disclaimer sentence under every article qualifies, a sentence of one
  story quoted by a few others never does;
- lines that a built-in rule already removes are not learned again.

Memory is bounded whatever the batch size: per site, at most ``max_templates`` (5,000)
templates are counted, with Misra-Gries eviction (when the table is full, every count drops
by one and zeros leave; a kept count is a lower bound, short by at most documents/5,000), each
with at most 3 examples, and at most ``max_fingerprints`` (50,000) recent fingerprints are
remembered for deduplication. The whole state is O(sites x (max_templates + max_fingerprints)).

>>> stories = ["The port closed on Monday.", "Rain fell all week.", "A bridge reopened."]
>>> docs = [("example.com", f"{s}\\nPost readers: {i * 7}.{i}k") for i, s in enumerate(stories)]
>>> learned = learn_rules(docs)
>>> [r.name for r in learned]
['learned_example_com_1']
>>> learned.get("learned_example_com_1").fires("Post readers: 1,204", at_edge=False)
True
>>> learned.get("learned_example_com_1").fires("Rain fell all week.", at_edge=False)
False
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

import attrs
import regex

from copydesk._lazy import lazy_regex
from copydesk._orphan import exit_with_parent
from copydesk.decode import decode_bytes
from copydesk.rules import (
    DEFAULT_MAX_CHARS,
    Rules,
    builtin_rules,
    coerce_rules,
    normalise,
    rules_from_mapping,
)
from copydesk.sites import HEADER_CHARS, fields_site, header_site, site_key

__all__ = [
    "DocTemplates",
    "doc_templates",
    "learn_from_records",
    "learn_rules",
    "record_site",
    "rules_to_toml",
    "template",
    "with_learned",
]

# A number, a date or a time: digit runs joined by . , : / - and an optional k/m/b count
# suffix. Examples: "21.2k", "2016-09-21", "10:30", "1,204". Bounded runs; never letters.
NUM_RE = lazy_regex(r"\d{1,12}(?:[.,:/-]\d{1,12}){0,4}(?:[kmb](?![\p{L}]))?", regex.I)
# An English month name or its abbreviation, a date part when the line also holds a number.
# Example: "Sept. 21, 2016". Whole words only ("mayor" stays). The false positive "may" in
# "You may also like 3 stories" is harmless: the month is only abstracted when the line also
# holds a number. Bounded by the alternation.
MONTH_RE = lazy_regex(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?",
    regex.I,
)
# A prose sentence's end: a full stop, "!" or "?", then up to two closing quotes.
PROSE_END_RE = lazy_regex(r"[.!?][\"'”’»)]{0,2}$")
# What a placeholder becomes in a rule's pattern (bounded classes, as docs/rules.md asks).
NUM_PATTERN = r"\d{1,12}(?:[.,:/-]\d{1,12}){0,4}[kmb]?"
MONTH_PATTERN = MONTH_RE.pattern
_NUM, _MONTH = "\x00", "\x01"
# A site name as a rule-name slug: runs of anything but a-z0-9 become one "_".
SLUG_RE = lazy_regex(r"[^a-z0-9]+")

MIN_CHARS = 10
MAX_LINE = 400
PROSE_WORDS = 12
EXAMPLES = 3
FINGERPRINT_LINES = 3


def template(line: str) -> str:
    """The key a line is counted under: normalised, casefolded, numbers and dates abstracted.

    >>> template("21.2k SHARES") == template("131.1k  shares")
    True
    >>> template("Posted Sept. 21, 2016") == template("Posted Oct 3, 2017")
    True
    >>> template("You may also like") == template("You june also like")
    False
    """
    text = normalise(line).lower()
    out = NUM_RE.sub(_NUM, text)
    if out != text:
        out = MONTH_RE.sub(_MONTH, out)
    return out


def template_pattern(key: str) -> str:
    """The regex source that matches every line of template ``key`` (escaped, bounded)."""
    parts = regex.split(f"([{_NUM}{_MONTH}])", key)
    out = []
    for part in parts:
        if part == _NUM:
            out.append(NUM_PATTERN)
        elif part == _MONTH:
            out.append(MONTH_PATTERN)
        elif part:
            out.append(regex.escape(part, special_only=True, literal_spaces=True))
    return "".join(out)


def learnable(line: str) -> bool:
    """True when a normalised line may become a rule at all (not too short, not one word).

    >>> learnable("Story Continued Below"), learnable("Politics"), learnable("12")
    (True, False, False)
    """
    if not MIN_CHARS <= len(line) <= MAX_LINE or not regex.search(r"\p{L}", line):
        return False
    return " " in line or len(line) >= 15


def is_prose(line: str) -> bool:
    """True for a line that reads like article text: 12+ words ending like a sentence."""
    return len(line.split()) >= PROSE_WORDS and PROSE_END_RE.search(line) is not None


@attrs.frozen(slots=True)
class DocTemplates:
    """One document's contribution: its site, fingerprint, and ``{template: example line}``."""

    site: str
    fingerprint: str
    templates: dict[str, str]


def doc_templates(site: str, text: str | bytes) -> DocTemplates:
    """Split one document into its distinct line templates (the parallel part of learning)."""
    if isinstance(text, bytes):
        text = decode_bytes(text)[0]
    lines = [normalise(x) for x in text.splitlines()]
    lines = [x for x in lines if x]
    longest = sorted(lines, key=lambda x: (-len(x), x))[:FINGERPRINT_LINES]
    digest = hashlib.blake2b("\n".join(longest).lower().encode(), digest_size=8).hexdigest()
    found: dict[str, str] = {}
    for line in lines:
        if learnable(line):
            found.setdefault(template(line), line)
    return DocTemplates(site, digest, found)


class _SiteCounter:
    """Bounded per-site counts: Misra-Gries over templates, a recent-fingerprint window."""

    def __init__(self, max_templates: int, max_fingerprints: int) -> None:
        self.max_templates = max_templates
        self.max_fingerprints = max_fingerprints
        self.docs = 0
        self.counts: dict[str, int] = {}
        self.examples: dict[str, list[str]] = {}
        self.seen: OrderedDict[str, None] = OrderedDict()

    def add(self, doc: DocTemplates) -> None:
        if doc.fingerprint in self.seen:  # a near-duplicate: counted once
            self.seen.move_to_end(doc.fingerprint)
            return
        self.seen[doc.fingerprint] = None
        if len(self.seen) > self.max_fingerprints:
            self.seen.popitem(last=False)
        self.docs += 1
        for key, example in doc.templates.items():
            if key in self.counts:
                self.counts[key] += 1
            elif len(self.counts) < self.max_templates:
                self.counts[key] = 1
            else:  # Misra-Gries: everyone loses one, zeros leave, the newcomer is dropped
                self.counts = {k: c - 1 for k, c in self.counts.items() if c > 1}
                self.examples = {k: v for k, v in self.examples.items() if k in self.counts}
                continue
            shown = self.examples.setdefault(key, [])
            if len(shown) < EXAMPLES and example not in shown:
                shown.append(example)


def _slug(site: str) -> str:
    return SLUG_RE.sub("_", site.casefold()).strip("_")[:36].strip("_") or "batch"


def _toml_string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _finish(
    sites: dict[str, _SiteCounter],
    min_docs: int,
    min_share: float,
    prose_share: float,
    known: Rules,
) -> Rules:
    builtin = [r for r in known if r.enabled]
    tables: list[dict[str, Any]] = []
    for site in sorted(sites):
        counter = sites[site]
        found = []
        for key, count in counter.counts.items():
            examples = counter.examples.get(key, [])
            if not examples or count < min_docs:
                continue
            share = count / counter.docs
            if share < (prose_share if is_prose(examples[0]) else min_share):
                continue
            if any(r.fires(examples[0], at_edge=True) for r in builtin):
                continue  # a built-in rule already removes it
            found.append((-count, key, examples))
        for n, (neg, key, examples) in enumerate(sorted(found), 1):
            longest = max(len(e) for e in examples)
            table: dict[str, Any] = {
                "name": f"learned_{_slug(site)}_{n}",
                "category": "other",
                "description": f"learned from {site or 'the batch'}: "
                f"in {-neg} of {counter.docs} documents",
                "patterns": [template_pattern(key)],
                "match": "line",
                "examples": examples,
            }
            if site_key(site):  # "": the batch had no sites, and the rule is for all of it
                table["sites"] = [site]
            if longest + 40 > DEFAULT_MAX_CHARS:
                table["max_chars"] = longest + 40
            tables.append(table)
    return rules_from_mapping({"rule": tables}, origin="learned")


def learn_rules(
    docs: Iterable[tuple[str, str | bytes] | DocTemplates],
    *,
    min_docs: int = 3,
    min_share: float = 0.3,
    prose_share: float = 0.6,
    max_templates: int = 5000,
    max_fingerprints: int = 50_000,
    known: Rules | None = None,
) -> Rules:
    """Learn boilerplate rules from ``(site, text)`` pairs (or precomputed :class:`DocTemplates`).

    A line template is learned for a site when it is in at least ``min_docs`` of the site's
    distinct documents and at least ``min_share`` of them (``prose_share`` for prose-like
    lines). Memory: per site at most ``max_templates`` counted templates (Misra-Gries) and
    ``max_fingerprints`` remembered fingerprints, whatever the number of documents.
    Lines that a rule of ``known`` (default: the built-in rules) removes are not learned.
    """
    sites: dict[str, _SiteCounter] = {}
    for doc in docs:
        item = doc if isinstance(doc, DocTemplates) else doc_templates(*doc)
        counter = sites.get(item.site)
        if counter is None:
            counter = sites[item.site] = _SiteCounter(max_templates, max_fingerprints)
        counter.add(item)
    known = builtin_rules() if known is None else known
    return _finish(sites, min_docs, min_share, prose_share, known)


def rules_to_toml(rules: Rules) -> str:
    """The rules as a TOML user-rules file (``docs/rules.md``), each with a comment.

    >>> print(rules_to_toml(rules_from_mapping({"rule": [{"name": "x_1", "patterns": ['a"b']}]})))
    # Learned by copydesk; review, edit, and load with --rules.
    <BLANKLINE>
    # x_1
    [[rule]]
    name = "x_1"
    category = "other"
    patterns = ["a\\"b"]
    match = "line"
    <BLANKLINE>
    """
    out = ["# Learned by copydesk; review, edit, and load with --rules.\n"] if rules else []
    for r in rules:
        out.append(f"# {r.description or r.name}")
        out.append("[[rule]]")
        out.append(f"name = {_toml_string(r.name)}")
        out.append(f"category = {_toml_string(r.category)}")
        if r.description:
            out.append(f"description = {_toml_string(r.description)}")
        out.append(f"patterns = [{', '.join(_toml_string(p.pattern) for p in r.patterns)}]")
        out.append(f"match = {_toml_string(r.match)}")
        if r.max_chars != DEFAULT_MAX_CHARS:
            out.append(f"max_chars = {r.max_chars}")
        if r.sites:
            out.append(f"sites = [{', '.join(_toml_string(x) for x in sorted(r.sites))}]")
        if r.examples:
            out.append(f"examples = [{', '.join(_toml_string(e) for e in r.examples)}]")
        out.append("")
    return "\n".join(out)


def with_learned(learned: Rules, user: object | None) -> Rules:
    """Learned rules with the user's (a :class:`Rules`, mapping or path) on top.

    A user rule of the same name replaces a learned one; the user's ``disable`` list still
    switches built-in and learned rules off.
    """
    mine = coerce_rules(user)
    if mine is None:
        return learned
    by_name = {r.name: r for r in learned.rules}
    by_name.update((r.name, r) for r in mine.rules)
    return Rules(tuple(by_name.values()), mine.disable | learned.disable)


def record_site(record: Any, site_field: str | None = None) -> str:
    """The site of a batch record: ``site_field``, else a ``url`` field's host, else a
    ``URL Source:``-style header line's host, else ``""`` (one group)."""
    site = fields_site(record, site_field)
    if site is not None:
        return site
    raw = getattr(record, "raw", None)
    if isinstance(raw, bytes):
        raw = raw[:HEADER_CHARS].decode("utf-8", "replace")
    return header_site(raw) if isinstance(raw, str) else ""


def _templates_chunk(items: Sequence[tuple[str, str | bytes]]) -> list[DocTemplates]:
    return [doc_templates(site, text) for site, text in items]


def _pairs(records: Iterable[Any], site_field: str | None) -> Iterator[tuple[str, str | bytes]]:
    for record in records:
        if record.error is None and record.raw is not None:
            yield record_site(record, site_field), record.raw


def _parallel(
    pairs: Iterator[tuple[str, str | bytes]], jobs: int, chunksize: int
) -> Iterator[DocTemplates]:
    """Template sets computed in a process pool, in order, at most ``2 * jobs`` chunks queued."""
    chunks = iter(lambda: list(islice(pairs, chunksize)), [])
    first = next(chunks, [])
    if jobs <= 1 or len(first) < chunksize:
        yield from _templates_chunk(first)
        for chunk in chunks:
            yield from _templates_chunk(chunk)
        return
    with ProcessPoolExecutor(jobs, initializer=exit_with_parent) as pool:  # no orphans
        pending: deque[Future[list[DocTemplates]]] = deque([pool.submit(_templates_chunk, first)])
        for chunk in chunks:
            pending.append(pool.submit(_templates_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def learn_from_records(
    records: Iterable[Any],
    *,
    site_field: str | None = None,
    jobs: int = 1,
    chunksize: int = 64,
    **options: Any,
) -> Rules:
    """:func:`learn_rules` over batch records (:func:`copydesk.batch.iter_records`).

    Records that could not be read are skipped. With ``jobs > 1`` the per-document templates
    are computed in a process pool, ``chunksize`` documents at a time; counting stays in this
    process, bounded as :func:`learn_rules` says.
    """
    return learn_rules(_parallel(_pairs(records, site_field), jobs, chunksize), **options)

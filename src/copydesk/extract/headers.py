"""Header blocks at the top of a text: ``Key: value`` lines, Jina Reader headers, YAML front
matter. Known keys fill fields; unknown keys go to ``metadata``; placeholders go nowhere."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from copydesk._lazy import lazy_regex
from copydesk.dates import parse_date
from copydesk.draft import Draft, Line
from copydesk.extract._lexicon import lexicon, norm_key
from copydesk.extract._names import outlet_name, split_names
from copydesk.pipeline import step

__all__ = ["front_matter", "header_block", "parse_pairs"]

# One "Key: value" pair: a key of at most 40 characters starting with a letter, a colon (or
# full-width colon), and the value. Example: "Published Time: 2022-06-07". False positives:
# interview turns ("GT: ...") and notes ("Note: ..."); a block needs a known key to count.
# Repeats are bounded ({0,39}, {0,8}); the value is the rest of the line. Anchored: it is only
# ever matched on a whole line, and a scan for it in a long text must not try every position.
PAIR_RE = lazy_regex(
    r"^[ \t]{0,8}(?P<key>\p{L}[\p{L}\p{M}\p{N} _\-.&/]{0,39}?)[ \t]{0,3}[:：](?:[ \t]{1,3}|$)"
    r"(?P<value>.*)",
    regex.DOTALL,
)
# A YAML list item under a key ("  - politics"). Bounded indentation.
YAML_ITEM_RE = lazy_regex(r"[ \t]{0,8}-[ \t]{1,3}(?P<value>.{1,200})")
# Segments of a line holding several pairs: "Category 1: CHINA; Category 2: DIPLOMACY".
SEGMENT_SEP_RE = lazy_regex(r"[ \t]{0,3};[ \t]{0,3}")
# Separators between list items in a category or tag value; brackets and quotes of a list.
LIST_SEP_RE = lazy_regex(r"[ \t]{0,3}[,;|·•][ \t]{0,3}")
MAX_KEY_WORDS = 4
#: A value longer than this is prose, not a header value (unless the key starts the body).
MAX_VALUE_CHARS = 300
#: How many lines front matter may span before its closing "---".
MAX_FRONT_MATTER_LINES = 60
RULE = "extract.headers"


def parse_pairs(text: str) -> list[tuple[str, str]] | None:
    """The ``(key, value)`` pairs of a header line, or ``None`` when it is not one.

    >>> parse_pairs("Category 1: CHINA; Category 2: DIPLOMACY")
    [('Category 1', 'CHINA'), ('Category 2', 'DIPLOMACY')]
    >>> parse_pairs("Text: ")
    [('Text', '')]
    >>> parse_pairs("https://example.com/a") is None, parse_pairs("he said: go") is None
    (True, True)
    """
    segments = SEGMENT_SEP_RE.split(text)
    if len(segments) > 1:
        pairs = [_pair(s) for s in segments]
        if all(p is not None for p in pairs):
            return [p for p in pairs if p is not None]
    pair = _pair(text)
    return None if pair is None else [pair]


def _pair(text: str, *, lower_keys: bool = False) -> tuple[str, str] | None:
    m = PAIR_RE.fullmatch(text)
    if m is None:
        return None
    key = m["key"].strip()
    folded = key.casefold()
    if len(key.split()) > MAX_KEY_WORDS or folded in ("http", "https", "ftp", "mailto"):
        return None
    if not lower_keys and key[0].islower() and norm_key(key) not in lexicon().header_keys:
        return None  # "he said: ..." is prose
    return key, m["value"].strip()


def _field(key: str) -> str | None:
    return lexicon().header_keys.get(norm_key(key))


def _apply(draft: Draft, pairs: list[tuple[str, str]]) -> Draft:
    """Put each pair in its field (first value wins), or in ``metadata`` under its key."""
    lex = lexicon()
    f = draft.fields
    extra: dict[str, str] = {}
    values: dict[str, object] = {}
    for key, raw in pairs:
        value = raw.strip().strip("\"'").strip()
        field = _field(key)
        if lex.is_placeholder(value) or field == "body":
            continue
        if field == "title" and f.title is None and "title" not in values:
            values["title"] = " ".join(value.split())
        elif field == "authors" and (names := split_names(value)) is not None:
            values["authors"] = (*values.get("authors", f.authors), *names)  # type: ignore[misc]
        elif (
            field == "published"
            and f.published is None
            and "published" not in values
            and (date := parse_date(value))
        ):
            values["published"] = date
        elif field == "source" and f.source is None and "source" not in values:
            values["source"] = outlet_name(value)
        elif field == "categories":
            items = [i.strip("\"'[] ") for i in LIST_SEP_RE.split(value.strip("[]"))]
            have = values.get("categories", f.categories)
            values["categories"] = (*have, *(i for i in items if i))  # type: ignore[misc]
        else:
            extra[key] = value
    if "authors" in values:
        values["authors"] = tuple(dict.fromkeys(values["authors"]))  # type: ignore[call-overload]
    if "categories" in values:
        values["categories"] = tuple(dict.fromkeys(values["categories"]))  # type: ignore[call-overload]
    return draft.set_fields(**values).add_metadata(extra) if values else draft.add_metadata(extra)


def _known(pairs: list[tuple[str, str]]) -> bool:
    return any(_field(k) not in (None, "body") for k, _ in pairs)


@step("extract.front_matter")
def front_matter(draft: Draft) -> Draft:
    """Take YAML front matter (``---`` … ``---`` at the very top), as trafilatura writes it.

    >>> d = front_matter(Draft.from_text("---\\ntitle: Port closes\\nlang: en\\n---\\nText."))
    >>> d.fields.title, dict(d.fields.metadata), [l.state for l in d.lines][-1]
    ('Port closes', {'lang': 'en'}, 'body')
    >>> front_matter(Draft.from_text("---\\nA line of prose.\\n---")).fields.title is None
    True
    """
    body = list(draft.body())
    if not body or body[0][1].text.strip() != "---":
        return draft
    start = body[0][0]
    pairs: list[tuple[str, str]] = []
    last_key: str | None = None
    for i in range(start + 1, min(len(draft.lines), start + MAX_FRONT_MATTER_LINES)):
        line = draft.lines[i]
        text = line.text.rstrip()
        if line.state == "blank":
            continue
        if line.state != "body":
            return draft
        if text.strip() == "---":
            if not pairs or not _known(pairs):
                return draft
            draft = draft.take(range(start, i + 1), rule=RULE, kind="extracted")
            return _apply(draft, pairs)
        item = YAML_ITEM_RE.fullmatch(text)
        if item is not None and last_key is not None:
            pairs.append((last_key, item["value"]))
            continue
        pair = _pair(text, lower_keys=True)  # YAML keys are lower case by custom
        if pair is None:
            return draft
        last_key = pair[0]
        if pair[1]:
            pairs.append(pair)
    return draft


def _block(draft: Draft, start: int) -> Iterator[tuple[int, Line, list[tuple[str, str]]]]:
    """The header lines from ``start`` on, blank lines allowed between them."""
    for i in range(start, len(draft.lines)):
        line = draft.lines[i]
        if line.state == "blank":
            continue
        if line.state != "body":
            return
        pairs = parse_pairs(line.text)
        if pairs is None:
            return
        body_key = any(_field(k) == "body" for k, _ in pairs)
        if any(len(v) > MAX_VALUE_CHARS for _, v in pairs) and not body_key:
            return
        yield i, line, pairs
        if body_key:
            return


@step("extract.headers")
def header_block(draft: Draft) -> Draft:
    """Take a block of ``Key: value`` lines at the top (scraper headers, Jina Reader output).

    A block counts when it has two keys of known fields (title, author, date, source,
    categories, URL); a lone line counts only for a title, author, date or URL key. So a
    headline with a colon above an injected "Headline: ..." promo is not a header.

    >>> d = header_block(Draft.from_text("Title: Port closes\\nAuthor: N/A\\nText: \\nIt closed."))
    >>> d.fields.title, d.fields.authors, d.fields.metadata, [l.state for l in d.lines]
    ('Port closes', (), (), ['extracted', 'extracted', 'extracted', 'body'])
    >>> header_block(Draft.from_text("GT: Why?\\nZhang: Because.")).lines[0].state
    'body'
    """
    body = list(draft.body())
    if not body:
        return draft
    block = list(_block(draft, body[0][0]))
    pairs = [p for _, _, ps in block for p in ps]
    known = [f for f in (_field(k) for k, _ in pairs) if f not in (None, "body")]
    fielded = [k for k, _ in pairs if _field(k) != "body"]
    lone = len(fielded) == 1 and bool(set(known) & {"title", "authors", "published", "url"})
    if len(known) < 2 and not lone:
        return draft
    take: list[int] = []
    for i, line, ps in block:
        value = ps[-1][1]
        if _field(ps[-1][0]) == "body" and value:
            # "Text: It closed." keeps its text in the body; only the key is cut out.
            cut = line.text.index(value)
            draft = draft.rewrite(i, [(0, cut, "")], rule=RULE, kind="extracted")
        else:
            take.append(i)
    return _apply(draft.take(take, rule=RULE, kind="extracted"), pairs)

"""Steps that remove residue lines: page furniture a scraper left in the article text.

Four steps, run in this order just before the title is taken:

- ``strip.residue`` applies the rule tables of :mod:`copydesk.rules` (built-in and the user's);
  each removal is recorded under the rule's own name, ``strip.<rule>``;
- ``strip.stray_script`` removes short lines at the top or bottom written in another script
  than the body (a Cyrillic "recommend to a friend" under an English article);
- ``strip.duplicates`` removes a line that repeats another body line (a teaser, a pull quote);
- ``strip.residue_blocks`` removes short, unpunctuated lines that sit inside a block of
  residue (between two removed lines, or between one and the end of the text), which no rule
  names: the headlines under a "Related:" label, the buttons of a share bar.

Every step only removes whole lines, and only lines still in the body.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import regex

from copydesk._identity import IdentityCache
from copydesk._lazy import lazy_re, lazy_regex, search_end
from copydesk.draft import Draft, Line
from copydesk.extract.title import PROSE_LONG_CHARS, looks_like_prose, page_title_lines
from copydesk.pipeline import step
from copydesk.rules import KEEP, Rule, Rules, builtin_rules, coerce_rules, normalise
from copydesk.rules.prefilter import Prefilter, prefilter
from copydesk.scripts import ascii_letters, dominant_script, script_counts
from copydesk.sites import header_site

__all__ = ["duplicates", "residue", "residue_blocks", "stray_script"]

#: A line is at an edge while fewer than this many prose lines separate it from an end.
EDGE_PROSE = 2
#: Longest line (in words / characters) taken as a stray-script line.
STRAY_MAX_WORDS = 8
STRAY_MAX_CHARS = 80
#: Share of a stray line's letters allowed in the body's own script.
STRAY_MAX_OWN_SHARE = 0.2
#: Least share of the body's letters its dominant script must hold for stray lines to count.
BODY_MIN_SHARE = 0.75
BODY_MIN_LETTERS = 200
#: Shortest line (characters) that counts as a duplicate of another.
DUPLICATE_MIN_CHARS = 40
DUPLICATE_MIN_WORDS = 8
#: Longest line looked for inside other lines (a pull quote is a sentence or two).
PULL_QUOTE_MAX_CHARS = 400
#: Above this many candidate lines, containment is looked up through a word index (linear)
#: rather than between signatures of every pair of lines (quadratic); both give the same
#: answer.
INDEX_FROM_LINES = 64
#: Lines longer than this (before white space is collapsed) are never matched by rules.
LONGEST_CHECKED = 4000
#: Longest run of unnamed lines that ``strip.residue_blocks`` removes, and their shape.
BLOCK_MAX_RUN = 3
#: ...and under a related-stories label ("Related", "関連ニュース", "Mehr zum Thema"), where a
#: list of other stories' headlines runs to the end of the text or to the next removed line.
RELATED_MAX_RUN = 12
BLOCK_MAX_WORDS = 15
BLOCK_MAX_CHARS = 120
#: Longest related-story label ("Read more", "Leia também:") that owns the headline after it.
LABEL_MAX_WORDS = 4

# A line that ends a sentence with a full stop (possibly before closing quotes/brackets);
# residue blocks never swallow such a line. Example: 'He left.' / 'Он ушёл».'. Bounded {0,3}.
SENTENCE_END_RE = lazy_regex(r"[.。…:;][\"'”’»)\]]{0,3}$")
# Lines that belong to the metadata steps (extract.*), not to a residue block: bylines,
# credits, datelines, time stamps. Example: 'By Ann Lee', 'Source: Reuters', '20:37'.
# Known false positive: a headline starting "Source of ...". Bounded: literal words, {1,2}.
META_HINT_RE = lazy_regex(
    r"^(?:by|source|photo|image|featured image|credit|posted|published|updated|filed under"
    r"|tags?|edited by|written by)\b|\d{1,2}:\d{2}",
    regex.IGNORECASE,
)
# Characters that never matter when comparing lines for duplicates: anything but letters
# and digits. Example: '“Yes,” he said.' and 'Yes he said' compare equal.
NON_WORD_RE = lazy_regex(r"[^\p{L}\p{N}]+")


@lru_cache(maxsize=32)
def _merge(user: Rules | None) -> Rules:
    return builtin_rules() if user is None else builtin_rules().merged(user)


#: Per rule set (by identity) and set of names switched off: the rules left on, and whether
#: any of them is scoped to sites.
_ACTIVE: IdentityCache[Rules, tuple[tuple[Rule, ...], bool]] = IdentityCache(64)


def active_rules(draft: Draft) -> tuple[Rule, ...]:
    """The rules that may fire on ``draft``: built-in merged with ``draft.rules``, minus the
    ones switched off by the user or the pipeline, and minus the ones scoped to other sites
    than the draft's (``draft.site``, else its ``URL Source:`` header's host)."""
    rules = _merge(coerce_rules(draft.rules))

    def build() -> tuple[tuple[Rule, ...], bool]:
        active = tuple(r for r in rules if r.enabled and draft.enabled(r.dotted))
        # keep rules first: the first rule that names a line decides, and keep wins
        active = tuple(sorted(active, key=lambda r: r.category != KEEP))
        return active, any(r.sites for r in active)

    active, scoped = _ACTIVE.get(rules, draft.disabled, build)
    if not scoped:
        return active
    site = draft.site if draft.site is not None else header_site(draft.original)
    return tuple(r for r in active if r.applies_to(site))


#: Per merged rule set (by identity): its dotted names, and each one's category.
_NAMED: IdentityCache[Rules, tuple[frozenset[str], dict[str, str]]] = IdentityCache(64)


def _named(rules: Rules) -> tuple[frozenset[str], dict[str, str]]:
    """The dotted names of a merged rule set, and each one's category."""
    return _NAMED.get(
        rules,
        None,
        lambda: (frozenset(r.dotted for r in rules), {r.dotted: r.category for r in rules}),
    )


#: Punctuation often glued to the ends of a word; none of it is a letter or a digit (tested).
EDGE_PUNCTUATION = (
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…¿¡·•„‚‹›「」『』《》，。、；：！？（）"
)


#: ASCII letters and digits stay, every other byte becomes a space (for ASCII lines, whose
#: letters and digits are exactly those, and whose casefold is ``lower``).
_ASCII_WORD_BYTES = bytes(b if chr(b).isalnum() and b < 128 else 32 for b in range(256))


def _key(text: str) -> str:
    """``text`` as duplicates compare it: its runs of letters and digits, casefolded, one
    space apart. The same as ``NON_WORD_RE.sub(" ", text).casefold().strip()``, built word
    by word: most white-space tokens are all letters and digits already (``str.isalnum``,
    which agrees with the pattern's classes: tested over all of Unicode), and most others
    only have punctuation at their ends, so the pattern runs on few of them.

    >>> _key("“Yes,” he said — U.S.-led talks.")
    'yes he said u s led talks'
    """
    if text.isascii():  # one pass in C: every byte but a letter or a digit becomes a space
        return " ".join(text.encode().translate(_ASCII_WORD_BYTES).decode().split()).lower()
    out: list[str] = []
    for token in text.split():
        if not token.isalnum():
            token = token.strip(EDGE_PUNCTUATION)
            if not token.isalnum():
                token = NON_WORD_RE.sub(" ", token).strip()
                if not token:
                    continue
        out.append(token)
    return " ".join(out).casefold()


#: ASCII bytes that are neither letters nor digits: what a line's signature leaves out.
_ASCII_NON_WORD = bytes(b for b in range(128) if not chr(b).isalnum())


def _signature(text: str) -> bytes:
    """The ASCII letters and digits of ``text.casefold()``, in order, in three C passes.

    They are those of ``_key(text)`` too: no character outside NON_WORD_RE's classes
    casefolds to an ASCII letter or digit (tested over all of Unicode). So lines with equal
    keys have equal signatures, and a key inside another key has its signature inside the
    other's signature: a necessary condition that rules most lines out before any key is
    built.

    >>> _signature("“Yes,” he said — U.S.-led talks.")
    b'yeshesaidusledtalks'
    """
    return text.casefold().encode("ascii", "ignore").translate(None, _ASCII_NON_WORD)


def repeated(texts: Sequence[str]) -> set[int]:
    """Positions of lines that repeat an earlier line, or that a longer line contains.

    The first of two equal lines stays; a short line inside a longer one (a pull quote,
    a teaser) goes. The first two lines (a title, a standfirst) neither go for being inside
    a longer line nor make a line go for being inside them: a teaser that runs the lede
    together with the title must not take the lede with it. Short lines never count: "Q:"
    may well repeat.

    >>> sorted(repeated(["Storm closes the port on the coast today", "Ships wait.",
    ...                  "Storm closes the port on the coast today"]))
    [2]
    >>> repeated(["Yes.", "Yes."])
    set()
    """
    long = [j for j, t in enumerate(texts) if len(t) >= DUPLICATE_MIN_CHARS]
    if len(long) > INDEX_FROM_LINES:
        return _repeated_indexed(texts)
    # A line can only go when its signature occurs in another line's (or twice in its own):
    # one count over all signatures rules out most lines, and keys are built for the rest
    # and for the lines whose signatures hold theirs.
    signatures = {j: _signature(texts[j]) for j in long}
    blob = b"\n".join(signatures.values())
    suspects = [j for j, s in signatures.items() if blob.count(s) >= 2]
    keys: dict[int, str] = {}

    def key(j: int) -> str:
        k = keys.get(j)
        if k is None:
            k = keys[j] = _key(texts[j])
        return k

    def contained(i: int, k: str) -> bool:
        s = signatures[i]
        return any(
            j > 1 and j != i and s in signatures[j] and len(key(j)) > len(k) and k in key(j)
            for j in long
        )

    return _scan(suspects, key, contained)


def _repeated_indexed(texts: Sequence[str]) -> set[int]:
    """:func:`repeated` for many lines, in time linear in their number: every key is built,
    and containment is looked up through a word index."""
    keys = [_key(t) if len(t) >= DUPLICATE_MIN_CHARS else "" for t in texts]
    postings: dict[str, list[int]] = {}

    def contained(i: int, k: str) -> bool:
        # Where ``k`` sits inside a longer line, its inner words are whole words of that
        # line (the outer two may be cut): only lines with its rarest inner word hold it.
        if not postings:
            postings.update(_postings(keys))
        lines = min((postings.get(w, []) for w in k.split()[1:-1]), key=len)
        return any(j != i and len(keys[j]) > len(k) and k in keys[j] for j in lines)

    return _scan(range(len(keys)), keys.__getitem__, contained)


def _scan(
    order: Iterable[int], key: Callable[[int], str], contained: Callable[[int, str], bool]
) -> set[int]:
    """The lines of ``order`` (ascending) that :func:`repeated` names, given each line's key
    and a test of whether a line's key lies inside a longer line's."""
    out: set[int] = set()
    seen: set[str] = set()
    for i in order:
        k = key(i)
        if len(k) < DUPLICATE_MIN_CHARS or k.count(" ") + 1 < DUPLICATE_MIN_WORDS:
            continue  # a key's words are one space apart
        if k in seen:
            out.add(i)
            continue
        seen.add(k)
        # title and standfirst stay (see repeated); a pull quote is short
        if i > 1 and len(k) <= PULL_QUOTE_MAX_CHARS and contained(i, k):
            out.add(i)
    return out


def _postings(keys: Sequence[str]) -> dict[str, list[int]]:
    """For each word, the lines after the first two whose key holds it as a whole word."""
    out: dict[str, list[int]] = {}
    for j, key in enumerate(keys):
        if j > 1 and key:
            for word in set(key.split()):
                out.setdefault(word, []).append(j)
    return out


def _edges(texts: Sequence[str], skip: set[int]) -> list[str | bool]:
    """For each line: ``"top"``/``"bottom"`` when fewer than EDGE_PROSE prose lines lie
    between it and that end (the nearer end when both hold), else False."""
    prose = [
        i not in skip
        and (_surely_longer(t, PROSE_LONG_CHARS - 1) or looks_like_prose(normalise(t)))
        for i, t in enumerate(texts)
    ]
    n = len(texts)
    top, bottom = [False] * n, [False] * n
    seen = 0
    for i in range(n):
        top[i] = seen < EDGE_PROSE
        seen += prose[i]
    seen = 0
    for i in range(n - 1, -1, -1):
        bottom[i] = seen < EDGE_PROSE
        seen += prose[i]
    out: list[str | bool] = []
    for i in range(n):
        if top[i] and (not bottom[i] or 2 * i < n):
            out.append("top")
        else:
            out.append("bottom" if bottom[i] else False)
    return out


#: Characters :func:`~copydesk.rules.normalise` turns into spaces that ``str.split`` keeps.
ZERO_WIDTHS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
# White space other than the plain space (what ``str.split`` splits on: stdlib ``re``'s \s is
# ``str.isspace``), and the zero widths: with the plain spaces, what is not solid in a line.
OTHER_BLANKS_RE = lazy_re("[^\\S ]|[" + "".join(ZERO_WIDTHS) + "]")


def _surely_longer(text: str, longest: int) -> bool:
    """True when ``normalise(text)`` is longer than ``longest``, judged without normalising:
    its length is at least the count of characters that are neither white space nor zero
    width (every other character ``normalise`` collapses is one ``str.split`` splits on)."""
    if len(text) <= longest:
        return False
    solid = len(text) - text.count(" ")
    if solid <= longest:
        return False
    # Every character OTHER_BLANKS_RE matches is unprintable (tested over all of Unicode):
    # on a printable line, one C pass instead of the scan says there are none.
    return text.isprintable() or solid - len(OTHER_BLANKS_RE.findall(text)) > longest


#: Per tuple of active rules (by identity): the longest line any of them looks at.
_LONGEST: IdentityCache[tuple[Rule, ...], int] = IdentityCache(64)


def _first_firing(
    rules: Sequence[Rule], pre: Prefilter, longest: int, text: str, *, at_edge: bool | str
) -> Rule | None:
    size = len(text)
    if size > LONGEST_CHECKED or (size > longest and _surely_longer(text, longest)):  # prose
        return None
    line = normalise(text)
    if len(line) > longest or not pre.may_fire(line):
        return None
    folded = line.casefold()
    for rule in rules:
        if rule.fires_normalised(line, folded, at_edge=at_edge):
            return rule
    return None


@step("strip.residue", rules=tuple(r.dotted for r in builtin_rules()))
def residue(draft: Draft) -> Draft:
    """Remove lines that a residue rule names; each goes to the ledger as ``strip.<rule>``.

    Edge rules fire only near the top or the bottom: fewer than two prose lines away.

    >>> text = "Port reopens\\nShips sailed again on Monday after the storm.\\nAdvertisement\\n"
    >>> d = residue(Draft.from_text(text + "Comments from the mayor were welcome."))
    >>> [(line.text, line.rule) for line in d.lines if line.state == "removed"]
    [('Advertisement', 'strip.ad_marker')]
    """
    rules = active_rules(draft)
    if not rules:
        return draft
    pre = prefilter(_merge(coerce_rules(draft.rules)))
    longest = _LONGEST.get(rules, None, lambda: max(r.max_chars for r in rules))
    body = list(draft.body())
    texts = [line.text for _, line in body]
    # Lines repeat (a hostile document may be 50,000 copies of one line): look each up once.
    seen: dict[str, Rule | None] = {}
    optimistic = [
        seen[t]
        if t in seen
        else seen.setdefault(t, _first_firing(rules, pre, longest, t, at_edge=True))
        for t in texts
    ]
    edges: list[str | bool] = []
    if any(r is not None and r.where != "anywhere" for r in optimistic):
        skip = {i for i, r in enumerate(optimistic) if r is not None} | repeated(texts)
        edges = _edges(texts, skip)
    by_rule: dict[str, list[int]] = {}
    for pos, ((index, _line), t, hit) in enumerate(zip(body, texts, optimistic, strict=True)):
        if hit is None:
            continue
        # an "anywhere" rule fires wherever the line is; an edge rule needs a second look
        rule = (
            hit
            if hit.where == "anywhere"
            else _first_firing(rules, pre, longest, t, at_edge=edges[pos])
        )
        if rule is not None and rule.category != KEEP:
            by_rule.setdefault(rule.dotted, []).append(index)
    for name, indices in by_rule.items():
        draft = draft.take(indices, rule=name, kind="removed")
    return draft


def _stray_candidate(line: str) -> str | None:
    """The dominant script of a line (normalised) that is stray under a body written in
    another script, or None for a line stray under none (too long, a contact or link,
    without letters)."""
    if len(line) > STRAY_MAX_CHARS or len(line.split()) > STRAY_MAX_WORDS:
        return None
    if "@" in line or "://" in line or "www." in line.casefold():
        return None  # contacts and links are metadata, not a stray footer
    return dominant_script(line)


def _is_stray(text: str, body_script: str) -> bool:
    line = normalise(text)
    script = _stray_candidate(line)
    if script is None or script == body_script:
        return False
    counts = script_counts(line)
    total = sum(counts.values())
    own = counts.get(body_script, 0)
    return total >= 2 and own <= STRAY_MAX_OWN_SHARE * total


def _body_script(text: str) -> str | None:
    counts = script_counts(text)
    total = sum(counts.values())
    if total < BODY_MIN_LETTERS:
        return None
    script, own = counts.most_common(1)[0]
    if counts.get("Hiragana", 0) + counts.get("Katakana", 0):
        return None  # Japanese mixes scripts on purpose: no stray lines there
    return script if own >= BODY_MIN_SHARE * total else None


@step("strip.stray_script")
def stray_script(draft: Draft) -> Draft:
    """Remove short lines at the top or bottom written in another script than the body.

    Only whole lines at the very edges go, and only when the body keeps to one script; a
    foreign name quoted inside a body line is never touched.

    >>> prose = "The talks ended on Friday with a joint statement on trade and transport. "
    >>> d = stray_script(Draft.from_text(prose * 4 + "\\nрекомендовать другу"))
    >>> [line.text for line in d.lines if line.state == "removed"]
    ['рекомендовать другу']
    >>> d = stray_script(Draft.from_text(prose * 4 + "\\nThe book «Война и мир» sold out."))
    >>> [line.text for line in d.lines if line.state == "removed"]
    []
    """
    body = list(draft.body())
    if len(body) < 2:
        return draft  # no end to look at: each end is at most half the body
    if not any(len(line.text) <= STRAY_MAX_CHARS * 2 for _, line in (body[0], body[-1])):
        return draft  # neither end is short: nothing to look at
    # Each end's outermost line decides whether that end is looked at further.
    outer = {_stray_candidate(normalise(line.text)) for _, line in (body[0], body[-1])} - {None}
    if not outer:
        return draft
    text = "\n".join(line.text for _, line in body)
    if outer == {"Latin"} and 4 * ascii_letters(text) > len(text):
        # More than a quarter of the characters are ASCII letters: no other script can hold
        # the three quarters of the letters a body script needs, and a Latin line is not
        # stray under a Latin body (or under none).
        return draft
    script = _body_script(text)
    if script is None:
        return draft
    take: list[int] = []
    for ordered in (body, body[::-1]):
        for index, line in ordered[: len(ordered) // 2]:
            if not _is_stray(line.text, script):
                break
            take.append(index)
    return draft.take(take, rule="strip.stray_script", kind="removed")


@step("strip.duplicates")
def duplicates(draft: Draft) -> Draft:
    """Remove a body line that repeats an earlier one, or that a longer body line contains.

    >>> lede = "Ships sailed again on Monday after the storm passed the coast."
    >>> d = duplicates(Draft.from_text(f"Port reopens\\n{lede}\\nMore ships came.\\n{lede}"))
    >>> [i for i, line in enumerate(d.lines) if line.state == "removed"]
    [3]
    """
    body = list(draft.body())
    texts = [line.text for _, line in body]
    take = [body[pos][0] for pos in sorted(repeated(texts))]
    return draft.take(take, rule="strip.duplicates", kind="removed")


def _furniture(text: str) -> bool:
    if _surely_longer(text, BLOCK_MAX_CHARS):
        return False
    line = normalise(text)
    return (
        len(line) <= BLOCK_MAX_CHARS
        and len(line.split()) <= BLOCK_MAX_WORDS
        and search_end(SENTENCE_END_RE, line, 4) is None
        and META_HINT_RE.search(line) is None
    )


@step("strip.residue_blocks")
def residue_blocks(draft: Draft) -> Draft:
    """Remove short unpunctuated lines caught inside a block of removed residue.

    A run of at most three such lines goes when a line removed by a residue rule sits on
    both sides of it, or on one side with the end of the text on the other. A bare
    related-story label ("RELATED:") also takes the headline-shaped line right after it.
    Lines between the body's prose, and the first lines of the text (the title), stay, and
    so do a headline that a page title above it repeats ("Headline | Site") and that page
    title.

    >>> text = "Ships sailed again on Monday after the storm.\\nRelated:\\nPort reopens"
    >>> d = residue_blocks(residue(Draft.from_text(text)))
    >>> [line.text for line in d.lines if line.state == "removed"]
    ['Related:', 'Port reopens']
    >>> prose = "Ships will wait for the tide, the harbour master said."
    >>> d = residue_blocks(residue(Draft.from_text(text.replace("Port reopens", prose))))
    >>> [line.text for line in d.lines if line.state == "removed"]
    ['Related:']
    """
    # The sequence that matters: body lines and lines removed by strip rules, in order.
    named, categories = _named(_merge(coerce_rules(draft.rules)))
    if not any(line.state == "removed" and line.rule in named for line in draft.lines):
        return draft  # no block without a removed line beside it, and no label
    seq = [
        (i, line)
        for i, line in enumerate(draft.lines)
        if line.state == "body" or (line.state == "removed" and line.rule in named)
    ]
    if all(line.state == "body" for _, line in seq):
        return draft  # no block without a removed line beside it, and no label
    take: list[int] = []
    pos = 0
    while pos < len(seq):
        if not seq[pos][1].is_body:
            pos += 1
            continue
        end = pos
        while end < len(seq) and seq[end][1].is_body and _furniture(seq[end][1].text):
            end += 1
        if end == pos:  # a body line that is not furniture
            pos += 1
            continue
        left = pos > 0 and not seq[pos - 1][1].is_body
        right = end == len(seq) or not seq[end][1].is_body
        right_removed = end < len(seq) and not seq[end][1].is_body
        # under a related-stories label, a list of other stories' headlines as long as any
        longest = (
            RELATED_MAX_RUN
            if left and categories.get(seq[pos - 1][1].rule or "") == "related"
            else BLOCK_MAX_RUN
        )
        if end - pos <= longest and left and (right or right_removed):
            take.extend(i for i, _ in seq[pos:end])
        pos = max(end, pos + 1)
    take.extend(_labelled_headlines(draft, seq))
    # the headline that a page title above repeats ("Headline | Site" ... "Headline") is the
    # story's, however much furniture (sign-in and paywall prompts) stands around it, and so
    # is the page title: it names the site
    header = page_title_lines(draft) if take else ()
    take = [i for i in take if i not in header]
    return draft.take(take, rule="strip.residue_blocks", kind="removed")


def _labelled_headlines(draft: Draft, seq: Sequence[tuple[int, Line]]) -> list[int]:
    """The furniture-shaped line right after a bare related-story label ("RELATED:")."""
    categories = _named(_merge(coerce_rules(draft.rules)))[1]
    out: list[int] = []
    for (_, line), (j, after) in itertools.pairwise(seq):
        if line.is_body or categories.get(line.rule or "") != "related":
            continue
        label_only = len(normalise(line.text).split()) <= LABEL_MAX_WORDS
        if label_only and after.is_body and _furniture(after.text):
            out.append(j)
    return out

"""The line model's document-context features: cohesion, segments, numbered items, lists.

Each is a law over generated documents, in every script the model reads: what a line shares
with the rest of its document, where it stands against the main stretch of prose, and whether
it is an item of a numbered list or table.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.classify.features import (
    _ASCII_TOKEN_RE,
    _SPACELESS_RUN_RE,
    _TOPIC_WORD_RE,
    EVIDENCE,
    NEIGHBOUR_NAMES,
    SHAPE_NAMES,
    TOKEN_RE,
    cohesion_rows,
    list_rows,
    numbered_rows,
    read_line,
    segment_rows,
    shape_rows,
    topic_words,
)

from ..strategies import any_text

#: Words in four scripts (Latin, Cyrillic, Arabic, Chinese), from which lines are built.
WORDS = ("harbour", "ferry", "council", "паром", "совет", "العبارة", "المجلس", "渡轮", "议会")
_STRIP = EVIDENCE.index("strip")
#: How far a mean of floats may stray past its bound by rounding alone.
ROUNDING = 1e-9

lines = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
documents = st.lists(lines | any_text(), min_size=1, max_size=12)


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_topic_words_are_those_of_the_general_pattern(text: str) -> None:
    """On ASCII text the fast path finds exactly what the general pattern finds."""
    assert topic_words(text) == set(_TOPIC_WORD_RE.findall(text[:400].casefold()))


#: ASCII, punctuation beyond it, and characters that casefold into ASCII letters (Kelvin
#: sign, long s, a ligature) or are letters beyond it: the fast path's edge.
EDGE = st.text(st.sampled_from([*"abcdXYZ 1_.", *"’“”—–…«»\u00a0", *"\u212aſﬁéİ²渡轮"]))


@given(EDGE)
@example("don’t stop—ever")  # the fast path: no word character beyond ASCII
@example("\u212aelvin")  # casefolds to "kelvin": the fast path finds it
@example("café crème")  # a letter beyond ASCII: the general pattern
def test_topic_words_are_those_of_the_general_patterns(text: str) -> None:
    """Whatever path a line takes, its topic words are those the general patterns find."""
    folded = text[:400].casefold()
    expected = set(_TOPIC_WORD_RE.findall(folded))
    for run in _SPACELESS_RUN_RE.findall(folded):
        expected.update(run[i : i + 2] for i in range(len(run) - 1))
    assert topic_words(text) == expected


@given(documents)
def test_cohesion_is_bounded_and_mirrors_when_the_document_is_reversed(texts: list[str]) -> None:
    """Shares lie in [0, 1]; read backwards, 'found before' and 'found after' swap. The
    window's mean is a sum less one of its terms, so it may pass 1 by a rounding error."""
    prose = [True] * len(texts)
    rows = cohesion_rows(texts, prose)
    back = cohesion_rows(texts[::-1], prose)[::-1]
    for (share, before, after, rel, window), other in zip(rows, back, strict=True):
        assert 0.0 <= min(share, before, after) <= max(share, before, after) <= 1.0
        assert -ROUNDING <= window <= 1.0 + ROUNDING
        assert -1.0 <= rel <= 1.0
        assert (before, after) == (other[2], other[1])
        assert share == other[0]
        assert share >= max(before, after)


@given(lines, st.lists(lines, max_size=6))
def test_a_line_told_twice_is_fully_cohesive(line: str, others: list[str]) -> None:
    """A line whose every topic word stands in another line has cohesion 1, in any script."""
    texts = [line, *others, line]
    rows = cohesion_rows(texts, [True] * len(texts))
    assert rows[0][0] == rows[-1][0] == 1.0
    assert rows[0][2] == rows[-1][1] == 1.0


def test_a_teaser_of_another_story_shares_nothing() -> None:
    """The made-up article's lines share words; the teaser under it shares none."""
    texts = [
        "Harbour council votes to keep the ferry",
        "The council voted on Monday to keep the harbour ferry running.",
        "Residents said the ferry was the island's only link.",
        "Volcano erupts near remote mountain village",
    ]
    rows = cohesion_rows(texts, [False, True, True, False])
    assert rows[-1][0] == 0.0 < rows[1][0]
    assert sorted(topic_words("渡轮运营")) == ["渡轮", "轮运", "运营"]


@given(st.lists(st.tuples(st.integers(0, 400), st.booleans(), st.booleans()), min_size=1))
def test_segments(cells: list[tuple[int, bool, bool]]) -> None:
    """Shares lie in [0, 1] and the segments' shares sum to 1 when there is prose; the main
    segment's lines are neither before nor after it; a line is never both."""
    lengths = [c[0] for c in cells]
    prose = [c[1] for c in cells]
    evidence = [_STRIP if c[2] else 0 for c in cells]
    rows = segment_rows(lengths, prose, evidence)
    assert all(0.0 <= share <= 1.0 and not (before and after) for share, before, after in rows)
    starts = [0, *(k for k in range(1, len(cells)) if evidence[k] == _STRIP)]
    total = sum(rows[k][0] for k in starts)
    if any(p and n for p, n in zip(prose, lengths, strict=True)):
        assert abs(total - 1.0) < 1e-9
    assert any(before == after == 0.0 for _, before, after in rows)


@given(
    st.integers(1, 50),
    st.integers(2, 12),
    st.integers(0, 3),
    st.sampled_from([". ", ") ", "、", " ", ""]),
    st.sampled_from(WORDS),
)
def test_numbered_items(first: int, count: int, cells: int, mark: str, word: str) -> None:
    """A list or table numbered in order, with up to three cells per row between the numbers,
    is read as items in any script; the cells beside them have items around them."""
    texts = []
    for v in range(first, first + count):
        texts.append(f"{v}{mark}{word}" if mark else str(v))
        texts.extend([word] * cells)
    rows = numbered_rows(texts)
    numbered = [r[0] for k, r in enumerate(rows) if k % (cells + 1) == 0]
    assert numbered == [1.0] * count
    assert all(r[0] == 0.0 and r[1] > 0.0 for k, r in enumerate(rows) if k % (cells + 1))


@given(st.lists(st.integers(0, 999), max_size=10))
def test_numbers_out_of_order_are_not_items(values: list[int]) -> None:
    """Numbers that never follow each other within reach are not a list."""
    texts = [f"{v} people" for v in values]
    rows = numbered_rows(texts)
    for k, v in enumerate(values):
        follows = any(values[j] == v + 1 for j in range(k + 1, min(len(values), k + 5)))
        preceded = any(values[j] == v - 1 for j in range(max(0, k - 4), k))
        assert rows[k][0] == float(follows or preceded)


@given(documents)
def test_list_shares_are_bounded_and_mirror_when_the_document_is_reversed(
    texts: list[str],
) -> None:
    """Shares of alike lines around lie in [0, 1] and do not depend on the reading direction."""
    chars = [read_line(t)[1][0] for t in texts]
    rows = list_rows(texts, chars)
    assert rows == list_rows(texts[::-1], chars[::-1])[::-1]
    assert all(0.0 <= v <= 1.0 for row in rows for v in row)


def test_a_contact_block_is_a_list_in_any_script() -> None:
    """Lines that open alike are a list ('Tel.:', '电话：'); a story's lines are not."""
    texts = ["Tel.: 0681 302", "E-Mail: a@b.de", "Tel.: 0681 303", "电话：0681", "电话：0682"]
    rows = list_rows(texts, [read_line(t)[1][0] for t in texts])
    assert [r[0] > 0 for r in rows] == [True, False, True, True, True]
    story = ["The ferry runs.", "A council voted on Monday.", "Residents had campaigned."]
    assert all(r[0] == 0 for r in list_rows(story, [read_line(t)[1][0] for t in story]))


@given(documents)
def test_a_line_reads_its_neighbours_shape(texts: list[str]) -> None:
    """The prev:/next: columns repeat the neighbouring lines' own columns (zeros at the ends)."""
    rows = shape_rows(texts, [0] * len(texts))
    col = SHAPE_NAMES.index
    for k, row in enumerate(rows):
        for name in NEIGHBOUR_NAMES:
            before = rows[k - 1][col(name)] if k > 0 else 0.0
            after = rows[k + 1][col(name)] if k + 1 < len(rows) else 0.0
            assert row[col(f"prev:{name}")] == before
            assert row[col(f"next:{name}")] == after


@given(st.text(st.characters(max_codepoint=127)))
@example("Photo: AP 2021 x_y\x1c")  # a separator that is white space in Unicode only
def test_ascii_tokens_are_those_of_the_general_pattern(text: str) -> None:
    """On casefolded ASCII text the plain ranges find exactly the general pattern's tokens."""
    folded = text.casefold()
    assert _ASCII_TOKEN_RE.findall(folded) == TOKEN_RE.findall(folded)

"""Property tests: residue generated in several languages goes, the generated body stays."""

from __future__ import annotations

import re

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import DEFAULT, Draft, Pipeline, clean_article, strip
from copydesk.rules import normalise
from copydesk.scripts import dominant_script, script_counts

from .strategies_residue import documents

STRIP = Pipeline((strip.residue, strip.stray_script, strip.duplicates, strip.residue_blocks))


def _body(text: str) -> list[str]:
    draft = STRIP.apply(Draft.from_text(text))
    return [line.text for _, line in draft.body()]


@given(documents())
@example(
    (
        "Read More\nItem0 the river bridge budget farmers harbour market winter school.\n"
        "Item1 the river bridge budget farmers harbour market winter school village.\n"
        "Item2 the river bridge budget farmers harbour market winter school village.\n"
        "Item3 the river bridge budget farmers harbour market winter school village.",
        [
            "Item0 the river bridge budget farmers harbour market winter school.",
            "Item1 the river bridge budget farmers harbour market winter school village.",
            "Item2 the river bridge budget farmers harbour market winter school village.",
            "Item3 the river bridge budget farmers harbour market winter school village.",
        ],
    )
)
def test_strip_recovers_the_generated_body(doc: tuple[str, list[str]]) -> None:
    """The strip steps return exactly the generated paragraphs, in order."""
    text, body = doc
    assert _body(text) == body


@given(documents())
def test_default_pipeline_keeps_the_generated_body(doc: tuple[str, list[str]]) -> None:
    """Through clean_article (without the title step) the body is the generated one."""
    text, body = doc
    article = clean_article(text, pipeline=DEFAULT.without("extract.title"))
    assert list(article.paragraphs) == body


@given(documents())
def test_every_removal_is_one_ledger_edit_with_a_strip_rule(doc: tuple[str, list[str]]) -> None:
    """Each line the strip steps remove is one 'removed' edit named strip.<rule>."""
    text, _ = doc
    draft = STRIP.apply(Draft.from_text(text))
    removed = [line for line in draft.lines if line.state == "removed"]
    edits = [e for e in draft.edits if e.kind == "removed"]
    assert len(edits) == len(removed)
    assert all(e.rule.startswith("strip.") and e.old == text[e.start : e.end] for e in edits)


@given(documents())
def test_strip_is_idempotent_on_its_output(doc: tuple[str, list[str]]) -> None:
    """Cleaning the cleaned body again removes nothing more."""
    text, _ = doc
    once = "\n\n".join(_body(text))
    assert "\n\n".join(_body(once)) == once


def _repeated_pairwise(texts: list[str]) -> set[int]:
    """The plain quadratic reading of :func:`strip.repeated`, the reference for the index."""
    keys = [strip._key(t) if len(t) >= strip.DUPLICATE_MIN_CHARS else "" for t in texts]
    out: set[int] = set()
    seen: set[str] = set()
    for i, k in enumerate(keys):
        if len(k) < strip.DUPLICATE_MIN_CHARS or len(k.split()) < strip.DUPLICATE_MIN_WORDS:
            continue
        if k in seen:
            out.add(i)
            continue
        seen.add(k)
        if i <= 1 or len(k) > strip.PULL_QUOTE_MAX_CHARS:
            continue
        if any(j > 1 and j != i and len(o) > len(k) and k in o for j, o in enumerate(keys)):
            out.add(i)
    return out


SNIPPETS = st.sampled_from(
    ["the port", "ships sailed", "airport", "again on Monday", "—", "storm’s", "Ärger", "42,"]
)
LINES = st.lists(SNIPPETS, min_size=1, max_size=14).map(" ".join)


@given(st.lists(LINES, min_size=60, max_size=120))
@example(["Port reopens"] * 2 + ["the port closes as ships sailed again on Monday x"] * 70)
def test_indexed_repeated_matches_the_pairwise_reading(texts: list[str]) -> None:
    """Above INDEX_FROM_LINES lines the word index finds exactly the pairwise duplicates."""
    assert strip.repeated(texts) == _repeated_pairwise(texts)


# Words with punctuation glued on, marks, digits, Turkish and Greek letters, zero widths.
TRICKY_WORDS = st.sampled_from(
    ["said.", "“Yes,”", "U.S.-led", "(AP)", "—", "42%", "l’été", "İstanbul", "ᾳβ", "x\u200by",
     "e\u0301t\u00e9", "...", "«Nyet»", "ǅemal", "²", "Ⅻ", "a_b", "Straße", "STRASSE",
     "\ufb01le", "FILE", "\u212a", "k", "ŉ", "ʼn"]
)  # fmt: skip


def test_isalnum_is_the_key_pattern_word_class() -> None:
    """``_key`` keeps a token ``str.isalnum`` accepts as it is: over all of Unicode, every
    such character is a letter or digit of NON_WORD_RE, and no EDGE_PUNCTUATION one is."""
    word = regex.compile(r"[\p{L}\p{N}]")
    for code in range(0x110000):
        c = chr(code)
        if c.isalnum():
            assert word.match(c), hex(code)
    assert not any(word.match(c) for c in strip.EDGE_PUNCTUATION)


def test_no_separator_casefolds_to_an_ascii_letter_or_digit() -> None:
    """What ``_signature`` relies on: over all of Unicode, a character NON_WORD_RE treats as
    a separator has nothing in its casefold that the signature keeps."""
    for code in range(0x110000):
        c = chr(code)
        if strip.NON_WORD_RE.fullmatch(c):
            assert strip._signature(c) == b"", hex(code)


@given(st.lists(TRICKY_WORDS, min_size=1, max_size=10).map(" ".join), st.data())
@example("Straße", None)
def test_signature_follows_the_key(text: str, data: st.DataObject | None) -> None:
    """The signature is the ASCII letters and digits of the key: so equal keys have equal
    signatures, and a key inside another key has its signature inside the other's."""
    key = strip._key(text)
    assert strip._signature(text) == bytes(c for c in key.encode() if chr(c).isalnum() and c < 128)
    if data is not None:
        other = data.draw(st.lists(TRICKY_WORDS, max_size=4).map(" ".join))
        longer = f"{other} {text} {other}"
        assert strip._key(text) in strip._key(longer)
        assert strip._signature(text) in strip._signature(longer)


@given(
    st.text(max_size=40)
    | st.text(st.characters(max_codepoint=127), max_size=40)
    | st.lists(TRICKY_WORDS, max_size=12).map(" ".join)
)
@example("“Yes,” he said — U.S.-led talks.")
@example("U.S.-led TALKS (AP) a_b\x1cc 42% ...")
@example("a\u200bb ,,, x\x1cy")
def test_key_is_the_non_word_pattern(text: str) -> None:
    """Word by word, the key is exactly the one pattern substitution over the line."""
    assert strip._key(text) == strip.NON_WORD_RE.sub(" ", text).casefold().strip()


@given(st.lists(LINES | st.lists(TRICKY_WORDS, min_size=6, max_size=14).map(" ".join), max_size=30))
@example(
    [
        "Port reopens",
        "Standfirst line",
        "the port again on Monday ships sailed airport x",
        "x the port again on Monday ships sailed airport x y",
    ]
)
@example(["Port reopens", "Standfirst line", "Die Straße am Hafen bleibt bis Montag für alle zu",
          "DIE STRASSE AM HAFEN BLEIBT BIS MONTAG FÜR ALLE ZU"])  # fmt: skip
def test_repeated_matches_the_pairwise_reading(texts: list[str]) -> None:
    """Up to INDEX_FROM_LINES lines (signatures first, keys only where they meet) the
    duplicates are exactly the pairwise ones."""
    assert strip.repeated(texts) == _repeated_pairwise(texts)


def _surely_longer_by_split(text: str, longest: int) -> bool:
    """The plain reading: the characters ``str.split`` keeps, less the zero widths."""
    solid = sum(map(len, text.split())) - sum(map(text.count, strip.ZERO_WIDTHS))
    return len(text) > longest and solid > longest


@given(
    st.text(alphabet="ab é\t\n\x0b\x1c\u00a0\u2003\u3000\u200b\u200d\ufeff", max_size=30),
    st.integers(min_value=0, max_value=30),
)
def test_surely_longer_counts_like_split(text: str, longest: int) -> None:
    """Counting blanks with one scan gives what splitting the line gives."""
    assert strip._surely_longer(text, longest) == _surely_longer_by_split(text, longest)


def test_re_white_space_is_str_isspace() -> None:
    """OTHER_BLANKS_RE relies on stdlib re's \\s being str.isspace, over all of Unicode."""
    space = re.compile(r"\s")
    for code in range(0x110000):
        if not 0xD800 <= code < 0xE000:
            assert (space.match(chr(code)) is not None) == chr(code).isspace(), hex(code)


def test_other_blanks_are_unprintable() -> None:
    """_surely_longer skips the OTHER_BLANKS_RE scan on a printable line: every character the
    pattern matches must be one ``str.isprintable`` refuses, over all of Unicode."""
    every = "".join(chr(c) for c in range(0x110000))
    matched = {m.group() for m in strip.OTHER_BLANKS_RE.finditer(every)}
    assert matched
    assert sorted(f"U+{ord(c):04X}" for c in matched if c.isprintable()) == []


def _is_stray_plain(text: str, body_script: str) -> bool:
    """The plain reading of one line: short, no contact or link, mostly another script."""
    line = normalise(text)
    if len(line) > strip.STRAY_MAX_CHARS or len(line.split()) > strip.STRAY_MAX_WORDS:
        return False
    if "@" in line or "://" in line or "www." in line.casefold():
        return False
    counts = script_counts(line)
    if not counts or dominant_script(line) == body_script:
        return False
    total = sum(counts.values())
    return total >= 2 and counts.get(body_script, 0) <= strip.STRAY_MAX_OWN_SHARE * total


def _stray_plain(texts: list[str]) -> list[int]:
    """The plain reading of strip.stray_script: the body's script from all its letters, then
    each end's lines while they are stray."""
    counts = script_counts("\n".join(texts))
    total = sum(counts.values())
    script = None
    if total >= strip.BODY_MIN_LETTERS and not counts["Hiragana"] + counts["Katakana"]:
        top, own = counts.most_common(1)[0]
        script = top if own >= strip.BODY_MIN_SHARE * total else None
    if script is None:
        return []
    out: list[int] = []
    for order in (range(len(texts)), range(len(texts) - 1, -1, -1)):
        for i in list(order)[: len(texts) // 2]:
            if not _is_stray_plain(texts[i], script):
                break
            out.append(i)
    return sorted(out)


STRAY_LINES = st.sampled_from(
    ["The talks ended on Friday with a joint statement on trade and transport today.",
     "Переговоры завершились в пятницу совместным заявлением о торговле и транспорте.",
     "Οι συνομιλίες έληξαν την Παρασκευή με κοινή δήλωση για το εμπόριο σήμερα.",
     "рекомендовать другу", "Share this", "Ελληνικά", "中文版", "日本語ページへ", "12 34",
     "mail@example.com", "Port", "Порт и Port"]
)  # fmt: skip


@given(st.lists(STRAY_LINES, max_size=14))
@example(
    ["Port"]
    + ["The talks ended on Friday with a joint statement on trade and transport today."] * 4
    + ["рекомендовать другу"]
)
@example(["Переговоры завершились в пятницу совместным заявлением о торговле и транспорте."] * 4
         + ["Share this"])  # fmt: skip
def test_stray_script_matches_the_plain_reading(texts: list[str]) -> None:
    """With its shortcuts (the ends first, a count of ASCII letters), the step removes
    exactly the lines the plain reading does."""
    draft = strip.stray_script(Draft.from_text("\n".join(texts)))
    removed = [i for i, line in enumerate(draft.lines) if line.state == "removed"]
    assert removed == _stray_plain(texts)


#: Related-story labels of several languages that a strip rule names, and headline words.
RELATED_LABELS = [
    "Related",
    "Read more",
    "Mehr zum Thema",
    "İlgili Haberler",
    "関連ニュース",
    "相关新闻",
]
HEADLINE_WORDS = ["Harbour", "mayor", "ferry", "fares", "rise", "storm", "港口", "新政策", "Hafen",
                  "Liman", "Fähre", "pier", "council", "budget"]  # fmt: skip
STORY = [
    "The harbour reopened on Monday after the storm, and ships sailed again at noon.",
    "Officials said repairs to the northern pier would take at least three more weeks.",
]
MORE = ["Fishermen, who lost a week of work, asked the council for help with their losses."]


@given(
    st.sampled_from(RELATED_LABELS),
    st.lists(
        st.lists(st.sampled_from(HEADLINE_WORDS), min_size=1, max_size=8).map(" ".join),
        min_size=1,
        max_size=12,
        unique=True,
    ),
    st.booleans(),
)
def test_a_related_list_closing_the_text_goes_whole(
    label: str, headlines: list[str], story_goes_on: bool
) -> None:
    """Under a related-stories label, other stories' headlines that run to the end of the
    text go, however many (up to twelve); when the story goes on under the list, only the
    headline right under the label goes, and the story stays whole."""
    lines = [*STORY, label, *headlines, *(MORE if story_goes_on else [])]
    body = _body("\n".join(lines))
    assert [line for line in STORY if line in body] == STORY
    if story_goes_on:
        assert body == [*STORY, *headlines[1:], *MORE]
    else:
        assert body == STORY

"""Tests of the whole-text repair steps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import Draft, clean_article
from copydesk.ledger import replay_repairs
from copydesk.repair import (
    CONTROL_RE,
    LINE_BREAK_CHARS,
    LINE_BREAK_RE,
    ODD_SPACE_RE,
    _sub_with_edits,
    controls,
    line_breaks,
    lost_newlines,
    mojibake,
    spaces,
    unicode_nfc,
)


@pytest.mark.parametrize(
    ("step", "raw", "want"),
    [
        (line_breaks, "a\r\nb\rc\u2028d\x85e", "a\nb\nc\nd\ne"),
        (line_breaks, "no breaks", "no breaks"),
        (mojibake, "CafÃ© crÃ¨me", "Café crème"),
        (mojibake, "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"),
        (mojibake, "â€œQuotedâ€\x9d and â€™", "“Quoted” and ’"),
        (mojibake, "“Curly” quotes ‘stay’", "“Curly” quotes ‘stay’"),
        (mojibake, "ﬁne ligature and ＡＢＣ width", "ﬁne ligature and ＡＢＣ width"),
        (mojibake, "Ça va? Très bien, à bientôt.", "Ça va? Très bien, à bientôt."),
        (mojibake, "&amp; entities stay", "&amp; entities stay"),
        # A line ends at "\r" or U+2028 too: the clean line does not keep ftfy from the other.
        (mojibake, "Что?\rР¤РµСЂРјРµСЂР°Рј РјРёРЅРёСЃС‚\x07СЂ?", "Что?\rФермерам минист\x07р?"),
        (
            mojibake,
            "Что?\u2028Р¤РµСЂРјРµСЂР°Рј РјРёРЅРёСЃС‚\x07СЂ",
            "Что?\u2028Фермерам минист\x07р",
        ),
        (controls, "a\x00b\x07c\u200bd\u200ee\ufeff", "abcde"),
        (controls, "زن\u200cها and 👩\u200d💻", "زن\u200cها and 👩\u200d💻"),
        (controls, "tab\tand\nnewline", "tab\tand\nnewline"),
        (controls, "lone \ud800 surrogate", "lone \ufffd surrogate"),
        (spaces, "a\u00a0b\u2009c\u202fd", "a b c d"),
        (spaces, "ideographic\u3000space stays", "ideographic\u3000space stays"),
        (unicode_nfc, "cafe\u0301", "café"),
        (unicode_nfc, "ﬁ ＡＢＣ", "ﬁ ＡＢＣ"),
    ],
)
def test_repairs(step: object, raw: str, want: str) -> None:
    """Each repair makes the fix it names and leaves what it must not touch."""
    draft = step(Draft.from_text(raw))  # type: ignore[operator]
    assert draft.text == want
    assert replay_repairs(raw, draft.edits) == want
    assert all(e.kind == "replaced" for e in draft.edits)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Он сказал.nОна ушла.nВсё.", "Он сказал.\nОна ушла.\nВсё."),
        ("one\\ntwo\\nthree", "one\ntwo\nthree"),
        ("A single one.nHere only once.", "A single one.nHere only once."),
        ("Has a line.\nAnd later.nSomething.nElse.", "Has a line.\nAnd later.nSomething.nElse."),
        # Cyrillic: a Latin "n" between sentences, before a quote or a one-letter word
        ('Он ушёл.n"Мы ждём", сказал он.nВ среду.', 'Он ушёл.\n"Мы ждём", сказал он.\nВ среду.'),
        # ...and where a link's text was cut out: a space inside a sentence, none before a stop
        ("Объявлено оnсозданииnфонда «Порт»n.", "Объявлено о создании фонда «Порт»."),
        ("Море.nЗдесь\nлинии есть.nТам тоже.", "Море.\nЗдесь\nлинии есть.\nТам тоже."),
        # Arabic and Greek write no Latin "n" either
        ("قال الوزير.nالحكومة في المنطقة.nفي", "قال الوزير.\nالحكومة في المنطقة.\nفي"),
        # not CJK, where Latin letters sit between characters on purpose ("n型")
        ("本周n型硅料价格持平。n型颗粒硅上涨。", "本周n型硅料价格持平。n型颗粒硅上涨。"),
        # not a Latin word in a Cyrillic text, nor a single seam
        ("Компания Nokia и Siemens.", "Компания Nokia и Siemens."),
        ("Один шов.nИ всё.", "Один шов.nИ всё."),
    ],
)
def test_lost_newlines_only_in_one_line_exports(raw: str, want: str) -> None:
    """Lost line breaks are restored where unambiguous: one-line Latin exports with two seams
    or more, and any text of a script without the letter "n"; each with its ledger entry."""
    draft = lost_newlines(Draft.from_text(raw))
    assert draft.text == want
    assert replay_repairs(raw, draft.edits) == want
    assert all(e.rule == "repair.lost_newlines" for e in draft.edits)
    assert bool(draft.edits) == (raw != want)


def test_nbsp_and_mojibake_leave_the_body_clean() -> None:
    """End to end, NBSP, zero-width junk and mojibake do not reach the body."""
    article = clean_article(
        "Les prix ont baissÃ© de 5\u00a0% cette\u200b semaine, selon lâ€™agence."
    )
    assert article.body == "Les prix ont baissé de 5 % cette semaine, selon l’agence."


def _every_code_point() -> str:
    return "".join(chr(c) for c in range(0x110000))


def test_every_control_and_odd_space_is_unprintable() -> None:
    """The fast path of repair.controls and repair.spaces is sound: every character their
    patterns match is one ``str.isprintable`` refuses, over all of Unicode."""
    every = _every_code_point()
    matched = {c for m in CONTROL_RE.finditer(every) for c in m.group()}
    matched |= {c for m in ODD_SPACE_RE.finditer(every) for c in m.group()}
    assert matched
    assert [f"U+{ord(c):04X}" for c in sorted(matched) if c.isprintable()] == []


def test_line_break_chars_are_every_start_of_a_line_break() -> None:
    """repair.line_breaks skips a text without LINE_BREAK_CHARS: no match starts elsewhere."""
    every = _every_code_point()
    starts = {m.group()[0] for m in LINE_BREAK_RE.finditer(every)}
    assert starts <= set(LINE_BREAK_CHARS)
    assert {m.group()[0] for m in LINE_BREAK_RE.finditer("".join(LINE_BREAK_CHARS))} == set(
        LINE_BREAK_CHARS
    )


_ODD = st.sampled_from(
    [
        "\r",
        "\r\n",
        "\x85",
        "\u2028",
        "\x0b",
        "\x00",
        "\u200b",
        "\xa0",
        "\t",
        "\u2009",
        "\ufeff",
        "\u00ad",
        "\n",
        " ",
        "é",
        "👩",
        "\ud800",
    ]
)


@settings(max_examples=300)
@given(st.lists(st.one_of(st.text(max_size=8), _ODD), max_size=30).map("".join))
def test_fast_paths_change_nothing(text: str) -> None:
    """A step that skips a text on its pre-check is one whose pattern finds nothing in it."""
    draft = Draft.from_text(text)
    for step, pattern in (
        (line_breaks, LINE_BREAK_RE),
        (controls, CONTROL_RE),
        (spaces, ODD_SPACE_RE),
    ):
        got = step(draft)
        if got is draft:
            assert pattern.search(draft.text) is None
        draft = got


_BREAKS = st.sampled_from(["\r\n", "\r", "\n", "\x85", "\u2028", "\x0c", "\r\r\n", "a", "é "])


@settings(max_examples=300)
@given(st.lists(st.one_of(_BREAKS, st.text(max_size=5)), max_size=25).map("".join))
def test_line_breaks_fast_path_is_the_pattern(text: str) -> None:
    """repair.line_breaks gives the text and ledger the plain pattern gives, fast path or not."""
    want_text, want_edits = _sub_with_edits(
        LINE_BREAK_RE, text, "repair.line_breaks", lambda m: "\n"
    )
    got = line_breaks(Draft.from_text(text))
    assert got.text == want_text
    assert list(got.edits) == want_edits

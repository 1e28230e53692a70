"""Tests of the whole-text repair steps."""

from __future__ import annotations

import pytest

from copydesk import Draft, clean_article
from copydesk.ledger import replay_repairs
from copydesk.repair import controls, line_breaks, lost_newlines, mojibake, spaces, unicode_nfc


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
    ],
)
def test_lost_newlines_only_in_one_line_exports(raw: str, want: str) -> None:
    """Lost line breaks are restored only in one-line documents with at least two seams."""
    assert lost_newlines(Draft.from_text(raw)).text == want


def test_nbsp_and_mojibake_leave_the_body_clean() -> None:
    """End to end, NBSP, zero-width junk and mojibake do not reach the body."""
    article = clean_article(
        "Les prix ont baissÃ© de 5\u00a0% cette\u200b semaine, selon lâ€™agence."
    )
    assert article.body == "Les prix ont baissé de 5 % cette semaine, selon l’agence."

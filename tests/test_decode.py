"""Tests of byte decoding."""

from __future__ import annotations

import codecs

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk import decode as decode_module
from copydesk.decode import LONE_FOREIGN_RE, decode_bytes

from .strategies import paragraphs


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        ("Café “au lait” – s’il vous plaît, très bien", "cp1252", "cp1252"),
        ("Новая политика поможет фермерам региона", "cp1251", "cp1251"),
        ("中华人民共和国政府表示新政策将帮助农民", "gb18030", "gb18030"),
        ("中華民國政府表示新政策將幫助農民", "big5", "big5"),
        ("plain ascii stays utf-8", "utf-8", "utf-8"),
        ("ünïcödé in UTF-8 is UTF-8", "utf-8", "utf-8"),
    ],
)
def test_legacy_code_pages_are_recognised(text: str, codec: str, name: str) -> None:
    """Text in a legacy code page decodes back to itself and names the code page."""
    assert decode_bytes(text.encode(codec)) == (text, name)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_boms_are_honoured_and_dropped(bom: bytes, codec: str) -> None:
    """A BOM selects its encoding and does not reach the text."""
    text, _ = decode_bytes(bom + "Grüße, мир".encode(codec))
    assert text == "Grüße, мир"


def test_mixed_file_is_decoded_line_by_line() -> None:
    """A file of UTF-8 lines with one cp1252 line keeps the UTF-8 lines and fixes the other."""
    data = "naïve one\n".encode() + "café two".encode("cp1252") + "\nthree ü".encode()
    assert decode_bytes(data) == ("naïve one\ncafé two\nthree ü", "utf-8+cp1252")


@given(st.binary(max_size=500))
def test_decode_never_raises(data: bytes) -> None:
    """Any bytes decode to some text and a codec name."""
    text, name = decode_bytes(data)
    assert isinstance(text, str)
    assert name


@given(paragraphs())
def test_utf8_round_trip(text: str) -> None:
    """UTF-8 bytes of any generated paragraph decode to the paragraph."""
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_article_reports_encoding() -> None:
    """The Article says how its bytes were decoded, and 'str' when it was given text."""
    assert clean_article("Привет, мир".encode("cp1251")).encoding == "cp1251"
    assert clean_article("text").encoding == "str"


@pytest.mark.parametrize("bad", [1, 2.5, None, ["text"], {"text": "x"}])
def test_wrong_type_is_a_type_error_naming_the_fix(bad: object) -> None:
    """A non-text input raises NotTextError, a TypeError that says what to pass."""
    from copydesk import CopydeskError, NotTextError

    with pytest.raises(NotTextError, match="takes str or bytes") as info:
        clean_article(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, CopydeskError)


# The plain reading of LONE_FOREIGN_RE: a character of the class with none of the class on
# either side, written with the lookbehind first (as it was before the engine-friendly form).
_G = "[\u0370-\u052f]"
_C = "[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]"
LONE_PLAIN_RE = regex.compile(f"(?<!{_G}){_G}(?!{_G})|(?<!{_C}){_C}(?!{_C})")


@given(st.text(alphabet="a .\u0416\u0430\u0370\u052f\u0530\u4e2d\u3000\uac00\uffef\u2fff\u00e9"))
@example("Ј15.8m")
@example("中文 ｣15")
def test_lone_foreign_matches_its_plain_reading(text: str) -> None:
    """The class-first form finds exactly the lone characters the plain form finds."""
    assert LONE_FOREIGN_RE.findall(text) == LONE_PLAIN_RE.findall(text)


def _score_every_code_page(data: bytes) -> tuple[str, str]:
    """The legacy choice read plainly: every code page that decodes, least implausible
    first, then the earlier in the list."""
    scored = []
    for rank, name in enumerate(decode_module._LEGACY):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        scored.append((decode_module._implausibility(text), rank, text, name))
    if not scored:
        return data.decode("latin-1"), "latin-1"
    _, _, text, name = min(scored)
    return text, name


@given(st.binary(max_size=60) | paragraphs().map(lambda p: p.encode("cp1252", "replace")))
@example("Café “au lait” — 5€".encode("cp1252"))
@example("Привет, как дела у всех?".encode("cp1251"))
def test_legacy_choice_is_the_least_implausible_code_page(data: bytes) -> None:
    """The legacy decoder stops at the first code page that scores zero; it chooses what
    scoring every code page chooses."""
    assert decode_module._decode_legacy(data) == _score_every_code_page(data)

"""Hostile and broken inputs, one kind per row: each must clean without error, keep the laws,
and finish quickly.

These are the faults counted in RELIABILITY.md; the fuzzer looks for more.
"""

from __future__ import annotations

import time

import pytest

from copydesk import DEFAULT, Article, clean_article
from copydesk.clean import finish, start
from copydesk.ledger import ledger_problems

HOSTILE_BYTES: dict[str, bytes] = {
    "empty": b"",
    "NUL only": b"\x00" * 1000,
    "every byte value": bytes(range(256)) * 4,
    "0xFF run": b"\xff" * 5000,
    "UTF-8 BOM only": b"\xef\xbb\xbf",
    "two BOMs": b"\xef\xbb\xbf\xef\xbb\xbfText after two BOMs.",
    "UTF-16 BOM, odd length": b"\xff\xfeA\x00B\x00C",
    "UTF-16 BOM, lone high surrogate": b"\xff\xfeA\x00\x3d\xd8B\x00",
    "UTF-32 BOM, garbage": b"\xff\xfe\x00\x00\xff\xff\xff\xff\x41",
    "UTF-8 cut mid-character": "Café at the end: é".encode()[:-1],
    "overlong UTF-8": b"over\xc0\xaflong \xe0\x80\xafslash",
    "CESU-8 surrogates": b"pair \xed\xa0\xbd\xed\xb8\x80 here",
    "mixed UTF-8 and cp1251 lines": "Привет\n".encode() + "Привет\n".encode("cp1251"),
    "Latin-1 with C1 controls": b"Caf\xe9 \x85 \x96 \x9d done",
    "UTF-16-LE without a BOM": "A plain sentence here.".encode("utf-16-le"),
    "CR only": b"\r" * 5000,
    "escape sequences": b"\x1b[31mred\x1b[0m text \x1b]0;title\x07",
}

HOSTILE_TEXT: dict[str, str] = {
    "lone surrogates": "a\ud800b\udfffc\ud83d",
    "combining marks on one letter": "e" + "\u0301" * 50_000,
    "zalgo words": " ".join("w" + "\u0300\u0316\u0336" * 30 for _ in range(2000)),
    "bidi overrides": "\u202eevil\u202c \u2066iso\u2069 \u200f" * 3000,
    "emoji ZWJ chain": "\U0001f469\u200d" * 20_000,
    "nested brackets": "(" * 50_000 + ")" * 50_000,
    "one 100k-character word": "x" * 100_000,
    "private use and unassigned": "\ue000\U000f0000\u0378\uffff" * 5000,
    "many tiny lines": "a\n" * 50_000,
    "blank lines of junk": "\u200b\u00a0\t\n" * 20_000,
    "quotes and dots": "“.”" * 30_000,
    "literal backslash-n": "Sentence one.\\nSentence two." * 3000,
    "half a surrogate pair per line": "\ud800\n\udc00\n" * 5000,
}


def check(raw: str | bytes) -> Article:
    """Clean ``raw`` and assert the laws: ledger replay and an exact JSON round-trip."""
    draft = DEFAULT.apply(start(raw))
    assert ledger_problems(draft) == []
    article = finish(draft)
    assert Article.from_json(article.to_json()) == article
    return article


# A hang detector, not a speed target: CI machines are shared and noisy (2 cores), so a tight
# bound here would fail for reasons that are not the code's. Speed lives in benchmarks/, and
# linear growth on these inputs is asserted by tests/test_redos.py.
HANG_SECONDS = 15.0


@pytest.mark.parametrize("name", sorted(HOSTILE_BYTES))
def test_hostile_bytes(name: str) -> None:
    """Broken or hostile bytes decode to some text, keep the laws and finish (no hang)."""
    began = time.perf_counter()
    article = check(HOSTILE_BYTES[name])
    assert article.encoding
    assert time.perf_counter() - began < HANG_SECONDS


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXT))
def test_hostile_text(name: str) -> None:
    """Hostile strings keep the laws and finish (no hang)."""
    began = time.perf_counter()
    check(HOSTILE_TEXT[name])
    assert time.perf_counter() - began < HANG_SECONDS


@pytest.mark.parametrize("kind", [bytearray, memoryview])
def test_bytes_like_inputs(kind: type) -> None:
    """bytearray and memoryview are cleaned as their bytes."""
    data = b"Storm closes port\n\nThe port closed on Monday."
    assert clean_article(kind(data)) == clean_article(data)


def test_lone_surrogates_never_reach_the_body() -> None:
    """Lone surrogates, which cannot be written as UTF-8, become U+FFFD, so JSON export works."""
    article = clean_article(HOSTILE_TEXT["lone surrogates"])
    assert article.to_json().encode("utf-8")
    assert "\ufffd" in article.body

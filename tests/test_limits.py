"""Tests of the size limit: where inputs are cut, how the cut is recorded, what is decoded."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import DEFAULT, Article, PipelineError, clean_article
from copydesk import clean as clean_module
from copydesk.clean import start
from copydesk.decode import decode_bytes
from copydesk.ledger import ledger_problems, replay_repairs
from copydesk.limits import DEFAULT_MAX_CHARS, LIMIT_RULE, cap_bytes, cut_point, truncation

from .strategies import any_text, paragraphs


@pytest.mark.parametrize(
    ("text", "max_chars", "cut"),
    [
        ("Line one.\nLine two.", 10, 9),  # break right at the limit
        ("Line one.\r\nLine two.", 10, 9),  # CRLF goes with the cut text
        ("Line one.\rLine two.", 10, 9),  # a bare CR is a break too
        ("a" * 95 + "\n" + "b" * 20, 100, 95),  # break inside the last 10 %
        ("a" * 50 + "\n" + "b" * 80, 100, 100),  # break too far back: hard cut
        ("abcdefghij", 4, 4),  # no break at all
        ("cafe\u0301s", 4, 3),  # a hard cut keeps the accent with its letter
        ("short", 10, 5),  # negative: fits, nothing cut
        ("exactly ten", 11, 11),  # negative: exactly at the limit
        ("", 0, 0),  # negative: empty
    ],
)
def test_cut_point(text: str, max_chars: int, cut: int) -> None:
    """The cut prefers a late line break, else the limit, and never cuts text that fits."""
    assert cut_point(text, max_chars) == cut


@given(any_text(), st.integers(0, 120))
@example("\r\n" * 30, 11)
@example("e" + "\u0301" * 80, 5)
def test_truncation_keeps_at_most_max_chars(text: str, max_chars: int) -> None:
    """A cut keeps at most max_chars characters, most of them, and the edit holds the rest."""
    edit = truncation(text, max_chars)
    if len(text) <= max_chars:
        assert edit is None
        return
    assert edit is not None
    assert (edit.rule, edit.kind, edit.end, edit.new) == (LIMIT_RULE, "removed", len(text), "")
    assert edit.start <= max_chars
    assert edit.start >= max_chars - max(1, max_chars // 10) - 1 - 32
    assert text[: edit.start] + edit.old == text


@given(any_text(), st.integers(0, 200))
@example("Title\n\nBody one.\r\n\r\nBody two.It goes on.", 20)
def test_ledger_law_holds_after_a_cut(text: str, max_chars: int) -> None:
    """With any limit, the cut plus the pipeline's edits still replay onto the decoded text."""
    draft = DEFAULT.apply(start(text, max_chars=max_chars))
    assert ledger_problems(draft) == []
    assert draft.original == text
    cut = [e for e in draft.edits if e.rule == LIMIT_RULE]
    assert len(cut) == (len(text) > max_chars)
    if cut:
        assert draft.edits[0] is cut[0]


@given(st.lists(paragraphs(), min_size=2, max_size=6), st.integers(20, 400))
def test_article_says_when_it_was_truncated(paras: list[str], max_chars: int) -> None:
    """Article.truncated is True exactly when the input was longer than max_chars, and survives JSON."""
    text = "\n\n".join(paras)
    article = clean_article(text, max_chars=max_chars)
    assert article.truncated == (len(text) > max_chars)
    assert Article.from_json(article.to_json()) == article
    assert clean_article(text, max_chars=None).truncated is False


def test_clean_article_default_limit() -> None:
    """The default limit is five million characters, and text of that size is kept whole."""
    assert DEFAULT_MAX_CHARS == 5_000_000
    article = clean_article("a" * (DEFAULT_MAX_CHARS + 7))
    assert article.truncated
    assert len(article.body) == DEFAULT_MAX_CHARS
    assert not clean_article("a" * DEFAULT_MAX_CHARS).truncated


@pytest.mark.parametrize("bad", [-1, True, 1.5, "10"])
def test_bad_max_chars_is_refused(bad: object) -> None:
    """A limit that is not a non-negative int or None raises PipelineError naming it."""
    with pytest.raises(PipelineError, match="max_chars"):
        clean_article("text", max_chars=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("ok", [None, 0, 1])
def test_edge_limits_are_accepted(ok: int | None) -> None:
    """No limit, and limits of zero or one character, clean without error."""
    article = clean_article("Some text.\nMore text.", max_chars=ok)
    assert article.truncated == (ok is not None)


# Texts whose encodings take 1 to 4 bytes a character; paragraphs end in a newline, so a
# safe cut byte is always near (CJK legacy codecs rely on that; see cap_bytes).
ENCODED = [
    ("Café au lait, s’il vous plaît.\n", "utf-8"),
    ("Привет, как дела у всех?\n", "utf-8"),
    ("政府表示新政策将帮助农民。\n", "utf-8"),
    ("\U0001f600" * 40 + "\n", "utf-8"),
    ("Café au lait, s’il vous plaît.\n", "utf-16"),
    ("\U0001f600" * 40 + "\n", "utf-16"),
    ("\U0001f600" * 40 + "\n", "utf-32"),
    ("Привет, как дела у всех?\n", "cp1251"),
    ("Café au lait, s’il vous plaît.\n", "cp1252"),
    ("政府表示新政策将帮助农民。\n", "gb18030"),
]


@pytest.mark.parametrize(("unit", "codec"), ENCODED)
@pytest.mark.parametrize("max_chars", [0, 50, 3000])
def test_capped_bytes_decode_to_a_prefix(unit: str, codec: str, max_chars: int) -> None:
    """The capped bytes decode with the same codec to a prefix of the whole text, still too long."""
    data = (unit * (20_000 // len(unit))).encode(codec)
    full, encoding = decode_bytes(data)
    head = cap_bytes(data, max_chars)
    assert len(head) < len(data)
    text, head_encoding = decode_bytes(head)
    assert head_encoding == encoding
    assert full.startswith(text)
    assert len(text) > max_chars  # so the text cut, and its ledger edit, always happen
    assert clean_article(data, max_chars=max_chars).truncated


def test_cap_bytes_without_a_safe_byte_backs_out_of_utf8() -> None:
    """With no ASCII byte near the cap, the cut still falls between UTF-8 characters."""
    data = ("\U0001f600" * 3000 + "é" * 9000).encode()
    for n in range(5):
        head = cap_bytes(data[: len(data) - n], 10)
        assert head.decode("utf-8")


@pytest.mark.parametrize("data", [b"", b"short", "é".encode() * 10])
def test_cap_bytes_leaves_small_inputs_alone(data: bytes) -> None:
    """Inputs within the cap, or with no limit at all, are returned whole."""
    assert cap_bytes(data, 10) == data
    assert cap_bytes(data * 10_000, None) == data * 10_000


def test_huge_bytes_are_not_decoded_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 64 MB input with a small limit decodes only a small prefix, quickly."""
    seen: list[int] = []

    def spy(data: bytes) -> tuple[str, str]:
        seen.append(len(data))
        return decode_bytes(data)

    monkeypatch.setattr(clean_module, "decode_bytes", spy)
    data = b"The port closed on Monday.\n" * (64 * 2**20 // 27)
    began = time.perf_counter()
    article = clean_article(data, max_chars=10_000)
    assert time.perf_counter() - began < 5.0
    assert seen == [len(cap_bytes(data, 10_000))]
    assert seen[0] < 4 * 10_000 + 8192
    assert article.truncated
    assert sum(map(len, article.paragraphs)) <= 10_000 < len(data)


def test_replay_rebuilds_the_kept_text_from_the_decoded_text() -> None:
    """replay_repairs on the original gives the cut and repaired text the steps worked on."""
    text = "Title\r\n\r\nFirst\u00a0line.\r\nSecond line.\r\nThird line."
    draft = DEFAULT.apply(start(text, max_chars=30))
    assert replay_repairs(text, draft.edits) == draft.text
    assert "Third" not in draft.text

"""Tests of the in-line tidy steps."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import Draft
from copydesk.ledger import ledger_problems
from copydesk.tidy import GLUED_HINT_RE, GLUED_RE, SEAM_NEXT, glued_sentences, spaces


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("peaceful means.External forces", "peaceful means. External forces"),
        ("take sides.The year 2022", "take sides. The year 2022"),
        ("он сказал.Она ответила", "он сказал. Она ответила"),
        ('he said."The next', 'he said." The next'),
        ("Really?Yes it is", "Really? Yes it is"),
        # must not be touched
        ("The U.S. economy grew", "The U.S. economy grew"),
        ("It cost $19.88 in total", "It cost $19.88 in total"),
        ("Source:Globaltimes.cn reported", "Source:Globaltimes.cn reported"),
        (
            "see https://news.example.com/World.Html now",
            "see https://news.example.com/World.Html now",
        ),
        ("write to john.Smith@example.com today", "write to john.Smith@example.com today"),
        ("version 2.4.1 is out", "version 2.4.1 is out"),
        ("wait...Then it came", "wait...Then it came"),
        ("e.g.The first one", "e.g.The first one"),
        ("Mr.Smith arrived", "Mr.Smith arrived"),
        ("at 3 p.m.Police said", "at 3 p.m.Police said"),
    ],
)
def test_glued_sentences(raw: str, want: str) -> None:
    """Glued sentences get a space; initials, decimals, domains, URLs and e-mails do not."""
    draft = glued_sentences(Draft.from_text(raw))
    assert draft.lines[0].text == want
    assert ledger_problems(draft) == []


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Chinese  on Tuesday", "Chinese on Tuesday"),
        ("  leading and trailing   ", "leading and trailing"),
        ("many     spaces    here", "many spaces here"),
        ("single spaces stay", "single spaces stay"),
    ],
)
def test_spaces(raw: str, want: str) -> None:
    """Runs of spaces collapse to one and line ends are trimmed, with offsets in the ledger."""
    draft = spaces(Draft.from_text(raw))
    assert draft.lines[0].text == want
    assert ledger_problems(draft) == []


def test_tidy_edits_compose_on_one_line() -> None:
    """Spaces then glued sentences on the same line keep a replayable ledger."""
    draft = glued_sentences(spaces(Draft.from_text("  One  end.Next  one  ")))
    assert draft.lines[0].text == "One end. Next one"
    assert ledger_problems(draft) == []


def test_every_upper_case_letter_is_a_hint_letter() -> None:
    """SEAM_NEXT, GLUED_HINT_RE's last class, takes every character GLUED_RE's \\p{Lu} does, over all
    of Unicode (regex's tables may be newer than stdlib re's): so the hint is a necessary
    condition of a seam."""
    upper = regex.compile(r"\p{Lu}")
    letter = re.compile(SEAM_NEXT)
    for code in range(0x110000):
        c = chr(code)
        if upper.match(c):
            assert letter.match(c), hex(code)


@given(
    st.lists(
        st.sampled_from(["ab", "cd.", "!", "?", "”", ")", "Ef", "É", "Ωx", " ", "4", "_"])
    ).map("".join)
)
@example("sides.The")
@example("сообщении.»Срок")
def test_glued_hint_is_a_necessary_condition(text: str) -> None:
    """A line where GLUED_RE finds a seam always holds the hint."""
    if GLUED_RE.search(text) is not None:
        assert GLUED_HINT_RE.search(text) is not None

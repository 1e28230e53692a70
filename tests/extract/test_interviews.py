"""Tests for a written interview's questioner, named by its speaker labels (full name at the
first turn, initials after it), as the author (extract.attribution)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.extract._interviews import initials

from ..strategies import WORDS
from ..strategies_meta import FAMILY, GIVEN, Doc

#: The scripts with capitals, where turns are labelled by names and initials.
LANGS = {"latin": "en", "cyrillic": "ru"}
PEOPLE = {
    "latin": [f"{g} {f}" for g in GIVEN[:6] for f in FAMILY[:6]],
    "cyrillic": ["Анна Петрова", "Иван Смирнов", "Ольга Козлова", "Сергей Орлов"],
}
INTRO = {
    "latin": "The harbour master spoke to us about the storm, the repairs and the ships.",
    "cyrillic": "Начальник порта рассказал нам о шторме, ремонте и о судах этой весной.",
}


def _sentences(script: str, count: int) -> st.SearchStrategy[list[str]]:
    """``count`` distinct orderings of the script's words, none a part of another (a line
    inside another is a duplicate the cleaner drops, whatever its label)."""
    orders = st.permutations(WORDS[LANGS[script]]).map(lambda ws: " ".join(ws).capitalize())
    return st.lists(orders, min_size=count, max_size=count, unique=True)


@st.composite
def interview_doc(draw: st.DrawFn, *, initialled: bool = True) -> Doc:
    """An intro, then a Q&A in Latin or Cyrillic: the asker's and the answerer's first turns
    labelled with their full names, the later ones with their initials (or, without
    ``initialled``, with the full names again). Every turn of the asker asks."""
    script = draw(st.sampled_from(sorted(LANGS)))
    asker, answerer = draw(
        st.lists(st.sampled_from(PEOPLE[script]), min_size=2, max_size=2, unique_by=initials)
    )
    rounds = draw(st.integers(3, 5))
    said = draw(_sentences(script, 2 * rounds))
    questions, answers = [f"{q}?" for q in said[:rounds]], [f"{a}." for a in said[rounds:]]
    turns: list[str] = []
    for n, (q, a) in enumerate(zip(questions, answers, strict=True)):
        later = initialled and n > 0
        turns.append(f"{initials(asker) if later else asker}: {q}")
        turns.append(f"{initials(answerer) if later else answerer}: {a}")
    paragraphs = (INTRO[script], *turns)
    return Doc("\n\n".join(paragraphs), paragraphs, authors=(asker,))


@given(interview_doc())
def test_interviewer_is_the_author(doc: Doc) -> None:
    """The questioner of a written Q&A is the author, in Latin and Cyrillic; every turn stays
    in the body, the name has its ``read`` edit."""
    article = clean_article(doc.text)
    assert article.authors == doc.authors
    assert article.paragraphs == doc.body
    assert any(e.kind == "read" and e.new == doc.authors[0] for e in article.edits)


@given(interview_doc(initialled=False))
def test_full_names_on_every_turn_name_no_author(doc: Doc) -> None:
    """Full names on every turn and no initials: a transcript, not an edited Q&A; no author."""
    article = clean_article(doc.text)
    assert article.authors == ()
    assert article.paragraphs == doc.body


QA = [
    "Jane Roe: Three weeks ago you said the port had a year left. Are you more worried now?",
    "Tom Ley: Let me answer in three parts. The first is that the storm changed nothing at all.",
    "The second is that the board has not met since the spring, and the third is the money.",
    "JR: Let us talk about the board. How did it take the news of the closure in the end?",
    "TL: Badly. They voted to wait another year before spending anything on the old docks.",
    "JR: The ships have gone to the north already. What would bring them back to the port?",
    "TL: A dredged channel and lower fees, in that order, and neither is coming this year.",
    "JR: You have written that the port town needs the ships more than they need the town.",
    "TL: I did, and I stand by it, whatever the board says about the summer season ahead.",
]


def test_example_interview() -> None:
    """A Q&A whose asker also puts a point without a question is still read."""
    article = clean_article("\n\n".join(QA))
    assert article.authors == ("Jane Roe",)
    assert article.paragraphs == tuple(QA)


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        ([line.replace("JR:", "WALLACE:").replace("TL:", "LEY:").replace("Jane Roe:", "WALLACE:")
          .replace("Tom Ley:", "LEY:") for line in QA], "a broadcast transcript: names in capitals"),
        ([line.replace("JR:", "TL:") if line.startswith("JR:") else line for line in QA],
         "one speaker asks and answers"),
        ([line.replace("?", ".") for line in QA], "nobody asks"),
        (QA[:5], "too few turns"),
        ([*QA, "AB: A third voice joins the talk and asks nothing of anyone?",
          "AB: And asks again, about the ships and the docks and the fees?",
          "AB: And a third time, about the board, the money and the summer?"],
         "three speakers: a panel"),
        (["Note: The port closed on Monday. Will it open again before the summer season?",
          "Update: The board met on Tuesday and voted to keep the old port closed for now.",
          "Ships will call at the northern harbour instead, the harbour master said today."],
         "labels of prose, no turns"),
        (["س: متى سيعاد فتح الميناء القديم بعد العاصفة التي ضربت الساحل هذا الشهر؟",
          "ج: قال الوزير إن الحكومة ستساعد المزارعين في المنطقة بعد العاصفة.",
          "س: وماذا عن السفن التي غادرت إلى الشمال منذ بداية الشهر الماضي؟",
          "ج: قال الوزير إن السفن ستعود عندما يتم إصلاح الميناء القديم.",
          "س: ومتى يجتمع المجلس للتصويت على تكاليف الإصلاح في الميناء؟",
          "ج: قال الوزير إن المجلس سيجتمع في الأسبوع المقبل في المنطقة."], "Arabic role labels"),
        (["记者：旧港什么时候重新开放？政府表示将帮助地区农民，部长周一表示新政策？",
          "王小明：部长周一表示，新政策将帮助地区农民，旧港明年重新开放。",
          "记者：船只什么时候回来？政府表示将帮助农民，部长周一表示新政策？",
          "王小明：政府表示船只将在明年回来，新政策将帮助地区农民。",
          "记者：董事会怎么看？部长周一表示新政策将帮助地区农民和渔民？",
          "王小明：董事会周一表示将等待一年，新政策将帮助地区农民。"], "Chinese role labels"),
    ],
)  # fmt: skip
def test_lookalikes_name_no_interviewer(lines: list[str], why: str) -> None:
    """Turns that do not make an edited Q&A with one asker name no author."""
    article = clean_article("\n\n".join(lines))
    assert article.authors == (), why
    assert not [e for e in article.edits if e.kind == "read" and e.rule == "extract.attribution"]


def test_a_byline_beats_the_interviewer() -> None:
    """A byline names the author; the turns add no one."""
    article = clean_article("\n\n".join(["By Ana Ruiz", *QA]))
    assert article.authors == ("Ana Ruiz",)
    assert set(QA) <= set(article.paragraphs)


def test_initials() -> None:
    """Initials leave particles out and keep the script."""
    assert initials("Ana de Silva") == "AS"
    assert initials("Иван Смирнов") == "ИС"

"""The line model's runs: a sentence leaves the body only with a line the model removes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import DEFAULT, Draft
from copydesk.classify.step import ClassifyLines, _is_sentence
from copydesk.clean import start
from copydesk.pipeline import Pipeline

from ..strategies import scraped_text

FURNITURE = ("Share on Facebook", "Read more", "Most popular", "Related stories", "Home | News")

_BEFORE_MODEL = Pipeline(DEFAULT.steps[: DEFAULT.names.index("classify.lines")])


class _Scripted:
    """A stand-in for the line model: P(body) is 0.01 for the lines it names, 0.9 otherwise;
    the rest is residue; no tail rule."""

    threshold = 0.05
    tail = None
    head = None
    list_tail = None

    def __init__(self, furniture: Sequence[str]) -> None:
        self.furniture = set(furniture)

    def predict(
        self, texts: Sequence[str], evidence: Sequence[int] | None = None, **_: object
    ) -> np.ndarray:
        body = np.array([0.01 if t in self.furniture else 0.9 for t in texts])
        none = np.zeros_like(body)
        return np.column_stack([body, none, none, 1.0 - body])


def _taken(draft: Draft) -> list[str]:
    return [line.text.strip() for line in draft.lines if (line.rule or "").startswith("classify.")]


def test_a_teaser_sentence_leaves_with_its_run_and_one_step_only() -> None:
    """A sentence the model doubts goes when it sits beside a line the model removes; the
    sentence after it (beside only that sentence) stays, and so does a doubted sentence
    beside a line the model reads but keeps ("Timetable")."""
    lines = [
        "The council voted on Monday to keep the ferry running for five more years.",
        "Residents had campaigned for a year to save the last boat to the mainland.",
        "More stories",
        "Storm closes the harbour for a week.",
        "Mayor opens the new bridge on Friday.",
        "The ferry carried two hundred people a day last summer, the office said.",
        "Timetable",
        "Schools reopen after the long holiday.",
        "The island's council meets again in March to set next year's fares.",
    ]
    doubted = {lines[2], lines[3], lines[4], lines[7]}
    step = ClassifyLines(model=_Scripted(doubted))  # type: ignore[arg-type]
    taken = _taken(step(Draft.from_text("\n".join(lines))))
    assert taken == ["More stories", "Storm closes the harbour for a week."]


def test_a_doubted_sentence_stays_when_its_neighbour_is_kept_by_a_user_rule() -> None:
    """A line a user's keep rule names is not removed, so it carries no sentence with it."""
    lines = [
        "The council voted on Monday to keep the ferry running for five more years.",
        "Ferry timetable",
        "Storm closes the harbour for a week.",
        "Residents had campaigned for a year to save the last boat to the mainland.",
    ]
    rules = {"rule": [{"name": "keep_it", "category": "keep", "patterns": ["Ferry timetable"],
                       "match": "start", "max_chars": 100}]}  # fmt: skip
    doubted = {lines[1], lines[2]}
    step = ClassifyLines(model=_Scripted(doubted))  # type: ignore[arg-type]
    draft = start("\n".join(lines), rules=rules)
    assert _taken(step(draft)) == []


@settings(deadline=None)
@given(scraped_text(), st.lists(st.sampled_from(FURNITURE), max_size=4), st.floats(0.0, 1.0))
def test_every_sentence_the_model_takes_sits_beside_a_line_it_takes(
    text: str, furniture: list[str], threshold: float
) -> None:
    """Law, at any threshold: a sentence of four words or more that the model removes by its
    probability (not with the edges it cuts, ``classify.tail`` and ``classify.head``) is next
    (among the non-blank lines) to a line that is not such a sentence and that it removes."""
    raw = "\n".join([*furniture, text, *furniture[:1]])
    before = _BEFORE_MODEL.apply(start(raw))
    after = ClassifyLines(threshold=threshold)(before)
    where = [i for i, line in enumerate(before.lines) if line.state != "blank"]
    took = [
        after.lines[i].state != before.lines[i].state
        and before.lines[i].state == "body"
        and after.lines[i].rule not in ("classify.tail", "classify.head")
        for i in where
    ]
    sentence = [_is_sentence(before.lines[i].text) for i in where]
    for k, (taken, is_sentence) in enumerate(zip(took, sentence, strict=True)):
        if taken and is_sentence:
            assert any(
                0 <= j < len(where) and took[j] and not sentence[j] for j in (k - 1, k + 1)
            ), before.lines[where[k]].text

"""The article-edge cuts: the tail (or the head) of a document that the model doubts as a whole
goes at once."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk import DEFAULT, Draft
from copydesk.classify.model import MODEL_PATH, LineModel, ModelError
from copydesk.classify.plain import PlainModel
from copydesk.classify.step import ClassifyLines, head_end, list_start, tail_start
from copydesk.classify.train import head_ends, tail_starts
from copydesk.classify.weights import TailRule, read_weights
from copydesk.clean import start

from ..strategies import bodies, sentences

RULE = TailRule(mean=0.1, peak=0.4, lines=1)
#: A tail rule that no list of the tests fits (their lines are doubted above its mean).
RULE_STRICT = TailRule(mean=0.05, peak=0.4, lines=1)

rules = st.builds(
    lambda a, b, k: TailRule(min(a, b), max(a, b), k),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.integers(1, 4),
)
probabilities = st.lists(
    st.one_of(st.floats(0.0, 1.0), st.sampled_from([0.0, 0.01, 0.1, 0.4, 1.0])), max_size=20
)


def _fits(keep: Sequence[float], j: int, rule: TailRule) -> bool:
    """Whether the lines from ``j`` on make a tail ``rule`` cuts (sums from the end)."""
    total = 0.0
    for value in reversed(keep[j:]):
        total += value
    tail = keep[j:]
    return len(tail) >= rule.lines and max(tail) <= rule.peak and total <= rule.mean * len(tail)


@settings(max_examples=300)
@given(probabilities, rules)
@example([0.9, 0.02, 0.5, 0.0], TailRule(0.2, 0.4, 1))  # a line above the peak stops the cut
def test_the_cut_is_the_earliest_tail_that_fits(keep: list[float], rule: TailRule) -> None:
    """Law: the cut starts at the earliest line after the first from which the lines fit
    the rule (few enough, none above the peak, a low enough mean); none when none fits."""
    found = tail_start(keep, rule)
    fitting = [j for j in range(1, len(keep)) if _fits(keep, j, rule)]
    assert found == (fitting[0] if fitting else None)


@settings(max_examples=300)
@given(probabilities, rules)
def test_training_cuts_where_the_step_cuts(keep: list[float], rule: TailRule) -> None:
    """Law: the numpy version training chooses its rule with gives the step's cut."""
    assert tail_starts(np.asarray(keep, dtype=np.float64), rule) == tail_start(keep, rule)


def _fits_head(keep: Sequence[float], j: int, rule: TailRule) -> bool:
    """Whether the lines before ``j`` make a head ``rule`` cuts (sums from the start)."""
    head = keep[:j]
    return (
        len(head) >= rule.lines
        and max(head) <= rule.peak
        and sum(head, 0.0) <= rule.mean * len(head)
    )


@settings(max_examples=300)
@given(probabilities, rules)
@example([0.0, 0.5, 0.02, 0.9], TailRule(0.2, 0.4, 1))  # a line above the peak stops the cut
def test_the_head_cut_is_the_latest_start_that_fits(keep: list[float], rule: TailRule) -> None:
    """Law: the head cut removes the longest run of lines from the first on that fits the
    rule, never the last line; none when none fits. Training's numpy version agrees."""
    found = head_end(keep, rule)
    fitting = [j for j in range(1, len(keep)) if _fits_head(keep, j, rule)]
    assert found == (fitting[-1] if fitting else None)
    assert head_ends(np.asarray(keep, dtype=np.float64), rule) == found


class _Scripted:
    """A stand-in for the line model: P(body) as ``doubt`` names it, 0.9 for other lines;
    the rest is residue; the tail rule ``tail`` and the head rule ``head``."""

    threshold = 0.005

    def __init__(
        self,
        doubt: Mapping[str, float],
        tail: TailRule | None = RULE,
        head: TailRule | None = None,
        list_tail: TailRule | None = None,
    ) -> None:
        self.doubt = doubt
        self.tail = tail
        self.head = head
        self.list_tail = list_tail

    def predict(
        self, texts: Sequence[str], evidence: Sequence[int] | None = None, **_: object
    ) -> np.ndarray:
        body = np.array([self.doubt.get(t, 0.9) for t in texts])
        none = np.zeros_like(body)
        return np.column_stack([body, none, none, 1.0 - body])


def _cut(draft: Draft, rule: str = "classify.tail") -> list[str]:
    return [line.text for line in draft.lines if line.rule == rule]


@st.composite
def articles_with_tails(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """An article (paragraphs) and a tail after it: a boundary line and teaser sentences."""
    article = draw(bodies())
    teasers = draw(st.lists(sentences(), min_size=0, max_size=6, unique=True))
    teasers = [t for t in teasers if t not in article and not any(t in p for p in article)]
    return article, ["More stories", *teasers]


@settings(deadline=None)
@given(articles_with_tails(), st.floats(0.01, 0.09))
def test_a_tail_of_teasers_is_cut(doc: tuple[list[str], list[str]], doubt: float) -> None:
    """An article followed by a tail the model doubts (a boundary line, teaser sentences it
    would never remove alone) loses the tail, each line in the ledger as ``classify.tail``
    with a score; the article stays whole."""
    article, tail = doc
    model = _Scripted(dict.fromkeys(tail, doubt))
    after = ClassifyLines(model=model)(Draft.from_text("\n".join(article + tail)))  # type: ignore[arg-type]
    assert _cut(after) == tail
    assert [line.text for line in after.lines if line.state == "body"] == article
    cut = [e for e in after.edits if e.rule == "classify.tail"]
    assert [e.old for e in cut] == tail
    assert all(e.kind == "removed" and e.score == round(1.0 - doubt, 4) for e in cut)


@settings(deadline=None)
@given(articles_with_tails())
def test_an_article_without_a_tail_is_untouched(doc: tuple[list[str], list[str]]) -> None:
    """An article the model trusts to its last line (a furniture line inside it, not at its
    end) loses nothing to the cut."""
    article, _ = doc
    lines = [*article[:1], "More stories", *article[1:]]
    model = _Scripted({"More stories": 0.5})  # read, doubted, but not below the peak
    after = ClassifyLines(model=model)(Draft.from_text("\n".join(lines)))  # type: ignore[arg-type]
    assert _cut(after) == []


@settings(deadline=None)
@given(articles_with_tails())
def test_the_cut_is_idempotent(doc: tuple[list[str], list[str]]) -> None:
    """A second pass of the step finds no tail left to cut."""
    article, tail = doc
    step = ClassifyLines(model=_Scripted(dict.fromkeys(tail, 0.01)))  # type: ignore[arg-type]
    once = step(Draft.from_text("\n".join(article + tail)))
    assert step(once) == once


KEEP = {"rule": [{"name": "keep_it", "category": "keep", "patterns": ["Ferry timetable"],
                  "match": "start", "max_chars": 100}]}  # fmt: skip


@settings(deadline=None)
@given(articles_with_tails(), st.data())
def test_the_cut_never_removes_a_line_a_user_keeps(
    doc: tuple[list[str], list[str]], data: st.DataObject
) -> None:
    """A line a user's keep rule names stays, wherever it sits in the tail: the article
    reaches at least that far, and only the lines after it may go."""
    article, tail = doc
    at = data.draw(st.integers(0, len(tail)))
    tail = [*tail[:at], "Ferry timetable", *tail[at:]]
    step = ClassifyLines(model=_Scripted(dict.fromkeys(tail, 0.01)))  # type: ignore[arg-type]
    after = step(start("\n".join(article + tail), rules=KEEP))
    assert "Ferry timetable" not in _cut(after)
    assert _cut(after) == tail[at + 1 :]


def test_the_cut_is_a_rule_that_can_be_switched_off() -> None:
    """``classify.tail`` is a rule of the step: switched off, the tail stays."""
    article = ["The council voted on Monday to keep the ferry running for five more years."] * 2
    tail = ["More stories", "Storm closes the harbour for a week."]
    step = ClassifyLines(model=_Scripted(dict.fromkeys(tail, 0.01)))  # type: ignore[arg-type]
    assert "classify.tail" in DEFAULT.rule_names
    draft = Draft.from_text("\n".join(article + tail))
    assert _cut(step(draft)) == tail
    off = DEFAULT.replace("classify.lines", step).without("classify.tail")
    assert _cut(off.apply(Draft.from_text("\n".join(article + tail)))) == []


def test_no_rule_no_cut() -> None:
    """A model without a tail rule cuts nothing."""
    tail = ["More stories", "Storm closes the harbour for a week."]
    step = ClassifyLines(model=_Scripted(dict.fromkeys(tail, 0.01), tail=None))  # type: ignore[arg-type]
    article = ["The council voted on Monday to keep the ferry running for five more years."]
    assert _cut(step(Draft.from_text("\n".join(article * 2 + tail)))) == []


def _fits_list(keep: Sequence[float], said: Sequence[bool], j: int, rule: TailRule) -> bool:
    """Whether the lines from ``j`` on make a list ``rule`` cuts: none a sentence, and a
    tail the rule cuts."""
    return not any(said[j:]) and _fits(keep, j, rule)


@settings(max_examples=300)
@given(st.data(), rules)
def test_the_list_cut_is_the_earliest_run_of_non_sentences_that_fits(
    data: st.DataObject, rule: TailRule
) -> None:
    """Law: the list cut starts at the earliest line after the last sentence from which the
    lines fit the rule; none when none fits or the document has no sentence."""
    keep = data.draw(probabilities)
    said = data.draw(st.lists(st.booleans(), min_size=len(keep), max_size=len(keep)))
    found = list_start(keep, said, rule)
    fitting = [j for j in range(1, len(keep)) if _fits_list(keep, said, j, rule)]
    assert found == (fitting[0] if fitting and any(said) else None)


@st.composite
def articles_with_lists(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """An article (paragraphs) and a list after it: other stories' headlines, no full stop."""
    article = draw(bodies())
    heads = draw(
        st.lists(
            st.from_regex(r"[A-Z][a-z]{2,9}(?: [a-z]{2,9}){2,7}", fullmatch=True),
            min_size=3,
            max_size=6,
            unique=True,
        )
    )
    return article, [h for h in heads if h not in article]


LIST = TailRule(mean=0.2, peak=0.5, lines=3)


@settings(deadline=None)
@given(articles_with_lists(), st.floats(0.1, 0.2))
def test_a_list_of_headlines_after_the_article_is_cut(
    doc: tuple[list[str], list[str]], doubt: float
) -> None:
    """A list of headlines after the last sentence that the model doubts as a list (too
    little for the tail rule, each line above the threshold) goes as ``classify.tail``; the
    same lines between two sentences of the article stay."""
    article, heads = doc
    model = _Scripted(dict.fromkeys(heads, doubt), tail=RULE_STRICT, list_tail=LIST)
    step = ClassifyLines(model=model)  # type: ignore[arg-type]
    after = step(Draft.from_text("\n".join(article + heads)))
    assert _cut(after) == (heads if len(heads) >= LIST.lines else [])
    assert [line.text for line in after.lines if line.state == "body"][: len(article)] == article
    inside = step(Draft.from_text("\n".join([*article[:1], *heads, *article])))
    assert _cut(inside) == []


@st.composite
def articles_with_heads(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A site's menu (short section links, a sign-in prompt) and an article under it."""
    article = draw(bodies())
    menu = draw(
        st.lists(
            st.sampled_from(["Home", "World", "Business", "Sport", "Opinion", "Sign in"]),
            min_size=1,
            max_size=6,
            unique=True,
        )
    )
    return [m for m in menu if m not in article], article


HEADLINE = "Harbour town votes to keep its last ferry"


def _head_model(menu: Sequence[str], doubt: float = 0.01) -> _Scripted:
    return _Scripted(dict.fromkeys(menu, doubt), tail=None, head=RULE)


@settings(deadline=None)
@given(articles_with_heads(), st.floats(0.01, 0.09))
def test_a_head_of_menu_lines_is_cut(doc: tuple[list[str], list[str]], doubt: float) -> None:
    """A menu above an article that the model doubts as a whole (each line above the step's
    threshold, so no line would go alone) goes at once, each line in the ledger as
    ``classify.head`` with a score; the article stays whole."""
    menu, article = doc
    step = ClassifyLines(model=_head_model(menu, doubt))  # type: ignore[arg-type]
    after = step(Draft.from_text("\n".join([*menu, HEADLINE, *article])))
    assert _cut(after, "classify.head") == menu
    assert [line.text for line in after.lines if line.state == "body"] == [HEADLINE, *article]
    cut = [e for e in after.edits if e.rule == "classify.head"]
    assert all(e.kind == "removed" and e.score == round(1.0 - doubt, 4) for e in cut)
    assert step(after) == after  # nothing left to cut on a second pass


@settings(deadline=None)
@given(articles_with_heads(), st.data())
def test_the_head_cut_stops_at_a_line_a_user_keeps(
    doc: tuple[list[str], list[str]], data: st.DataObject
) -> None:
    """A line a user's keep rule names stays, wherever it sits in the menu: the article
    starts there at the latest, and only the lines before it may go."""
    menu, article = doc
    at = data.draw(st.integers(0, len(menu)))
    menu = [*menu[:at], "Ferry timetable", *menu[at:]]
    step = ClassifyLines(model=_head_model(menu))  # type: ignore[arg-type]
    after = step(start("\n".join([*menu, HEADLINE, *article]), rules=KEEP))
    assert _cut(after, "classify.head") == menu[:at]


@settings(deadline=None)
@given(articles_with_heads())
def test_the_head_cut_leaves_the_line_above_the_first_sentence(
    doc: tuple[list[str], list[str]],
) -> None:
    """The line right above the article's first sentence stays, however much the model
    doubts it: a headline no reader has taken yet stands there, for ``extract.title_late``."""
    menu, article = doc
    step = ClassifyLines(model=_head_model([*menu, HEADLINE]))  # type: ignore[arg-type]
    after = step(Draft.from_text("\n".join([*menu, HEADLINE, *article])))
    assert _cut(after, "classify.head") == menu


def test_the_head_cut_is_a_rule_that_can_be_switched_off() -> None:
    """``classify.head`` is a rule of the step: switched off, the menu stays."""
    menu = ["Home", "World", "Sign in"]
    article = [HEADLINE] + [
        "The council voted on Monday to keep the ferry running for five more years."
    ] * 2
    step = ClassifyLines(model=_head_model(menu))  # type: ignore[arg-type]
    assert "classify.head" in DEFAULT.rule_names
    assert _cut(step(Draft.from_text("\n".join(menu + article))), "classify.head") == menu
    off = DEFAULT.replace("classify.lines", step).without("classify.head")
    assert _cut(off.apply(Draft.from_text("\n".join(menu + article))), "classify.head") == []


def test_a_head_cut_never_takes_the_whole_body() -> None:
    """A document the model doubts from its first line to its last keeps its last line."""
    lines = ["Home", "World", "Sign in"]
    after = ClassifyLines(model=_head_model(lines))(Draft.from_text("\n".join(lines)))  # type: ignore[arg-type]
    assert [line.text for line in after.lines if line.state == "body"] == ["Sign in"]


# -- the weight file --------------------------------------------------------------------------


def _with_header(path: Path, change: Mapping[str, object], drop: Sequence[str] = ()) -> Path:
    """A copy of the shipped weights whose header has ``change`` applied, and the keys
    ``drop`` removed."""
    with zipfile.ZipFile(MODEL_PATH) as src:
        header = json.loads(np.load(io.BytesIO(src.read("header.npy"))).tobytes())
        header.update(change)
        for key in drop:
            header.pop(key, None)
        buf = io.BytesIO()
        np.save(buf, np.frombuffer(json.dumps(header).encode(), np.uint8))
        with zipfile.ZipFile(path, "w") as out:
            for info in src.infolist():
                blob = buf.getvalue() if info.filename == "header.npy" else src.read(info)
                out.writestr(info.filename, blob)
    return path


@pytest.mark.parametrize("edge", ["tail", "head", "list_tail"])
@pytest.mark.parametrize(
    "rule", ["0.1", [0.5, 0.1, 1], [0.1, 0.5], [0.1, 0.5, 0], [0.1, 0.5, 1.5], [True, 0.5, 1]]
)
def test_a_damaged_edge_rule_is_refused(tmp_path: Path, edge: str, rule: object) -> None:
    """A tail or head rule that is not ``[mean, peak, lines]`` with
    ``0 <= mean <= peak <= 1`` and ``lines >= 1`` is a ModelError for both models, naming
    which rule."""
    path = _with_header(tmp_path / "m.npz", {edge: rule})
    with pytest.raises(ModelError, match=f"{edge} rule"):
        LineModel.load(path)
    with pytest.raises(ModelError, match=f"{edge} rule"):
        PlainModel.from_weights(read_weights(path))


@pytest.mark.parametrize("edge", ["tail", "head", "list_tail"])
@pytest.mark.parametrize("rule", [None, [0.05, 0.5, 1]])
def test_the_edge_rules_are_read_and_written(
    tmp_path: Path, edge: str, rule: list[float] | None
) -> None:
    """Both models read the rule a file holds (none: no cut), and saving writes it back."""
    path = _with_header(tmp_path / "m.npz", {edge: rule})
    model = LineModel.load(path)
    expected = None if rule is None else TailRule(*rule)  # type: ignore[arg-type]
    plain = PlainModel.from_weights(read_weights(path))
    assert getattr(model, edge) == getattr(plain, edge) == expected
    model.save(tmp_path / "again.npz")
    assert getattr(LineModel.load(tmp_path / "again.npz"), edge) == expected


def test_a_file_without_a_head_rule_has_none(tmp_path: Path) -> None:
    """A weight file written before the head cut existed (no ``head`` in its header) reads
    as a model without one."""
    path = _with_header(tmp_path / "old.npz", {}, drop=["head"])
    assert LineModel.load(path).head is None
    assert PlainModel.from_weights(read_weights(path)).head is None

"""Tests of Pipeline composition and of the Step contract."""

from __future__ import annotations

import pickle

import pytest

from copydesk import DEFAULT, Draft, Pipeline, PipelineError, clean_article, step
from copydesk.repair import line_breaks
from copydesk.tidy import glued_sentences


@step("test.upper_first")
def upper_first(draft: Draft) -> Draft:
    """Upper-case the first letter of every body line (a test step)."""
    for i, line in draft.body():
        draft = draft.rewrite(i, [(0, 1, line.text[:1].upper())], rule="test.upper_first")
    return draft


def test_names_are_stable_and_ordered() -> None:
    """DEFAULT exposes its step names in order, repair steps first."""
    names = DEFAULT.names
    assert names[0].startswith("repair.")
    assert names.index("tidy.spaces") < names.index("language.detect")
    assert len(set(names)) == len(names)


def test_without_removes_only_the_named_step() -> None:
    """without() returns a new pipeline without the step; DEFAULT is unchanged."""
    p = DEFAULT.without("tidy.glued_sentences")
    assert "tidy.glued_sentences" not in p.names
    assert "tidy.glued_sentences" in DEFAULT.names
    assert clean_article("Ok then.Next one starts here", pipeline=p).body == (
        "Ok then.Next one starts here"
    )


@pytest.mark.parametrize("bad", ["tidy.nope", "", "glued_sentences"])
def test_unknown_names_raise_pipeline_error(bad: str) -> None:
    """Editing by an unknown name raises PipelineError listing the real names."""
    with pytest.raises(PipelineError, match="the steps are"):
        DEFAULT.without(bad)
    with pytest.raises(PipelineError):
        DEFAULT.replace(bad, upper_first)


def test_insert_and_replace() -> None:
    """insert_before/after and replace put a step exactly where asked."""
    p = DEFAULT.insert_after("tidy.spaces", upper_first)
    assert p.names[p.names.index("tidy.spaces") + 1] == "test.upper_first"
    p = DEFAULT.insert_before("tidy.spaces", upper_first)
    assert p.names[p.names.index("tidy.spaces") - 1] == "test.upper_first"
    p = DEFAULT.replace("tidy.glued_sentences", upper_first)
    assert "tidy.glued_sentences" not in p.names
    assert "test.upper_first" in p.names
    article = clean_article("the port closed on Monday.", pipeline=p)
    assert article.body == "The port closed on Monday."
    assert "test.upper_first" in [e.rule for e in article.edits]


def test_text_step_after_line_step_is_refused() -> None:
    """A repair (text) step placed after a line step is a PipelineError."""
    with pytest.raises(PipelineError, match="text step"):
        Pipeline((glued_sentences, line_breaks))


def test_duplicate_step_is_refused() -> None:
    """The same step name twice is a PipelineError."""
    with pytest.raises(PipelineError, match="twice"):
        Pipeline((glued_sentences, glued_sentences))


def test_non_step_is_refused() -> None:
    """Something that is not a step is refused with a message saying what a step needs."""
    with pytest.raises(PipelineError, match="not a step"):
        Pipeline((print,))  # type: ignore[arg-type]


def test_pipeline_is_callable_on_text() -> None:
    """A pipeline called on text is clean_article with that pipeline."""
    p = DEFAULT.without("language.detect")
    assert p("Hello  there, friends of the port.") == clean_article(
        "Hello  there, friends of the port.", pipeline=p
    )


def test_pipelines_and_steps_pickle_by_reference() -> None:
    """Pipelines survive pickling (process pools and distributed engines need it)."""
    p = DEFAULT.without("tidy.glued_sentences").append(upper_first)
    back = pickle.loads(pickle.dumps(p))
    assert back.names == p.names
    assert back.steps[-1] is upper_first

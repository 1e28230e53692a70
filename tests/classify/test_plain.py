"""The line model without numpy: the same weights, the same probabilities, the same decisions."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.classify import step
from copydesk.classify.model import MODEL_PATH, LineModel, ModelError, default_model
from copydesk.classify.plain import PlainModel, plain_model
from copydesk.classify.weights import read_weights, shipped_weights

from ..strategies import paragraphs, scraped_text

#: How far apart the two models' probabilities may be: a few units in the last place of
#: numbers below 1 (BLAS and Python add in different orders).
TOLERANCE = 1e-12

FURNITURE = (
    "Share on Facebook",
    "Read more",
    "Most popular",
    "Sign up for our newsletter",
    "Advertisement",
    "Photo: harbour office",
    "By Jane Roe",
    "Updated 3 December 2022 18:05",
    "關注我們",
    "اقرأ أيضا",
    "Читайте также",
    "Home | News | Sport",
)


def _assert_close(plain: dict[int, tuple[float, ...]], probs: np.ndarray) -> None:
    assert sorted(plain) == list(range(len(probs)))
    for i, row in plain.items():
        assert len(row) == probs.shape[1]
        assert math.isclose(sum(row), 1.0, abs_tol=1e-12)
        for a, b in zip(row, probs[i], strict=True):
            assert abs(a - b) <= TOLERANCE, (i, row, probs[i])


def test_plain_model_reproduces_the_shipped_check() -> None:
    """On the lines training checked, the plain model gives the numpy model's probabilities."""
    check = default_model().info["check"]
    expected = np.frombuffer(bytes.fromhex(check["probs"])).reshape(len(check["lines"]), -1)
    _assert_close(plain_model().predict(check["lines"]), expected)


documents = st.lists(st.one_of(st.sampled_from(FURNITURE), paragraphs()), min_size=1, max_size=14)


@settings(max_examples=60, deadline=None)
@given(documents, st.data())
def test_plain_and_numpy_models_agree(lines: list[str], data: st.DataObject) -> None:
    """Law: on any document, with any evidence, the two models give the same probabilities,
    and the plain one computes only the lines asked about."""
    evidence = data.draw(st.lists(st.integers(0, 4), min_size=len(lines), max_size=len(lines)))
    probs = default_model().predict(lines, evidence)
    _assert_close(plain_model().predict(lines, evidence), probs)
    asked = data.draw(st.sets(st.integers(0, len(lines) - 1)))
    some = plain_model().predict(lines, evidence, sorted(asked))
    assert set(some) == asked
    _assert_close({**some, **{i: tuple(probs[i]) for i in set(range(len(lines))) - asked}}, probs)


def _with_path(monkeypatch: pytest.MonkeyPatch, plain: bool) -> None:
    monkeypatch.setattr(step, "_plain_affordable", lambda lines: plain)


@settings(max_examples=40, deadline=None)
@given(scraped_text(), st.lists(st.sampled_from(FURNITURE), max_size=4))
def test_both_paths_clean_alike(text: str, furniture: list[str]) -> None:
    """Law: ``clean_article`` gives the same article, ledger and scores included, whichever
    model the step reads."""
    raw = "\n".join([*furniture, text, *furniture[:1]])
    with pytest.MonkeyPatch.context() as mp:
        _with_path(mp, plain=True)
        plain = clean_article(raw)
        _with_path(mp, plain=False)
        numpy = clean_article(raw)
    assert plain == numpy


def test_both_paths_clean_the_corpus_alike(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every corpus document is cleaned identically by both paths, scores included."""
    docs = sorted((shared / "corpus" / "docs").glob("*.txt"))
    differ, removed = [], 0
    for path in docs:
        raw = path.read_bytes()
        _with_path(monkeypatch, plain=False)
        numpy = clean_article(raw)
        removed += any(e.rule.startswith("classify.") for e in numpy.edits)
        _with_path(monkeypatch, plain=True)
        if clean_article(raw) != numpy:
            differ.append(path.stem)
    assert differ == []
    assert removed >= 20  # the model did remove lines: the comparison is not vacuous


def test_the_plain_path_is_chosen_while_it_is_cheaper(monkeypatch: pytest.MonkeyPatch) -> None:
    """Numpy not loaded: plain for the first PLAIN_LINES lines, numpy from then on;
    numpy already loaded (as in this test process): numpy at once."""
    monkeypatch.setattr(step, "_plain_lines_read", [0])
    assert not step._plain_affordable(1)  # this test process has imported numpy
    monkeypatch.delitem(sys.modules, "numpy")
    assert step._plain_affordable(step.PLAIN_LINES - 10)
    assert step._plain_affordable(10)
    assert not step._plain_affordable(1)
    monkeypatch.setattr(step, "_plain_lines_read", [0])
    assert not step._plain_affordable(step.PLAIN_LINES + 1)


def test_a_fresh_process_cleans_a_small_document_without_numpy() -> None:
    """The cold start: one small document the model reads, and numpy is never imported,
    while the article equals the one the numpy model gives."""
    prose = "The council voted on Monday to keep the ferry running for five more years."
    head = ["Ferry to keep sailing", prose, prose.replace("Monday", "Tuesday")]
    tails = (
        ["Weather", "Jane Roe", "Editor: John Doe", "Harbour fees rise again"],
        ["Ferry | Island | Council", "Weather", "Jane Roe"],
        ["Weather", "Jane Roe", "Ferry schedule", "Island ferries", "Editor: John Doe"],
        ["Tags", "Ferry", "Island", "Council"],
    )
    raws = ["\n\n".join(head + tail) for tail in tails]
    # The first of these small documents the model removes a line from (in this process).
    raw = next(
        (r for r in raws if any(e.rule.startswith("classify.") for e in clean_article(r).edits)),
        None,
    )
    assert raw is not None, "the model removes nothing from any of these documents"
    code = (
        "import sys, json, copydesk\n"
        "a = copydesk.clean_article(sys.stdin.read())\n"
        "print(json.dumps(['numpy' in sys.modules, a.to_dict()]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=raw, capture_output=True, text=True, check=True
    )
    numpy_loaded, article = json.loads(done.stdout)
    expected = clean_article(raw)
    assert not numpy_loaded
    assert article == json.loads(json.dumps(expected.to_dict()))


# -- the weight file --------------------------------------------------------------------------


def test_both_models_read_the_same_weights() -> None:
    """The numpy model built from the shared reading equals one loaded from the file."""
    loaded = LineModel.load(MODEL_PATH)
    shared = default_model()
    for name in ("ratios", "mean", "scale", "hidden_w", "hidden_b", "out_w", "out_b"):
        assert np.array_equal(getattr(loaded, name), getattr(shared, name))
    assert loaded.vocab == shared.vocab == shipped_weights().vocab
    assert loaded.threshold == plain_model().threshold


def _rewrite(path: Path, name: str, blob: bytes) -> Path:
    """A copy of the shipped weights with member ``name`` replaced by ``blob``."""
    with zipfile.ZipFile(MODEL_PATH) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = blob if info.filename == f"{name}.npy" else src.read(info)
            out.writestr(info.filename, data)
    return path


@pytest.mark.parametrize(
    ("array", "match"),
    [
        (np.zeros(4, dtype=np.int64), "unknown kind"),  # a dtype the model never writes
        (np.asfortranarray(np.zeros((88, 96))), "unknown kind"),
        (np.zeros((2, 2)), "do not fit|does not fit"),
        (np.array(["a"], dtype=object), "unknown kind"),  # would need a pickle
    ],
)
def test_a_damaged_array_is_refused(tmp_path: Path, array: np.ndarray, match: str) -> None:
    """An array of another kind or shape is a ModelError, for both models; nothing is
    unpickled."""
    import io

    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=True)
    path = _rewrite(tmp_path / "m.npz", "hidden_w", buf.getvalue())
    with pytest.raises(ModelError, match=match):
        LineModel.load(path)
    with pytest.raises(ModelError, match=match):
        PlainModel.from_weights(read_weights(path))


def test_a_truncated_array_is_refused(tmp_path: Path) -> None:
    """An array whose data is cut short names the array and its count."""
    import io

    buf = io.BytesIO()
    np.save(buf, np.zeros(96))
    path = _rewrite(tmp_path / "m.npz", "hidden_b", buf.getvalue()[:-8])
    with pytest.raises(ModelError, match="hidden_b holds 95 values, not 96"):
        read_weights(path)
    path = _rewrite(tmp_path / "n.npz", "hidden_b", b"not an array")
    with pytest.raises(ModelError, match=r"hidden_b is not a \.npy array"):
        read_weights(path)


def test_an_array_cut_inside_a_value_is_refused(tmp_path: Path) -> None:
    """A member cut to a length that is no whole number of values is a ModelError, and the
    plain model names the file it was given."""
    import io

    buf = io.BytesIO()
    np.save(buf, np.zeros(96))
    path = _rewrite(tmp_path / "m.npz", "hidden_b", buf.getvalue()[:-3])
    with pytest.raises(ModelError, match="hidden_b is cut inside a value"):
        read_weights(path)
    buf = io.BytesIO()
    np.save(buf, np.zeros((2, 2)))
    path = _rewrite(tmp_path / "n.npz", "hidden_w", buf.getvalue())
    with pytest.raises(ModelError, match=r"n\.npz does not fit"):
        PlainModel.from_weights(read_weights(path), path)

"""The line model: its features, its weight file, its training, and the step that uses it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import DEFAULT, Draft, clean_article
from copydesk.classify import train
from copydesk.classify.features import (
    EVIDENCE,
    MAX_TOKENS,
    PREFIX,
    SHAPE_NAMES,
    ends_sentence,
    evidence_group,
    line_tokens,
    shape_rows,
)
from copydesk.classify.model import (
    CLASSES,
    FORMAT,
    MODEL_PATH,
    LineModel,
    ModelError,
    default_model,
    feature_names,
    rows_times,
)
from copydesk.classify.step import EDGE_LINES, MAX_LINES, ClassifyLines, _is_sentence
from copydesk.clean import start
from copydesk.errors import PipelineError
from copydesk.ledger import ledger_problems

from ..strategies import any_text, paragraphs, scraped_text

# -- features ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Share on Facebook", ["share", "on", "facebook", "^share", "facebook$"]),
        ("Updated 2023/08/22", ["updated", "0", "/", "0", "/", "0", "^updated", "0$", "updated 0"]),
        ("記者王", ["記", "者", "王", "^記", "王$", "記 者", "者 王"]),
        ("قال المجلس", ["قال", "المجلس", "^قال", "المجلس$", "قال المجلس"]),
        ("", []),
        ("   ", []),
    ],
)
def test_line_tokens(line: str, expected: list[str]) -> None:
    """Words casefolded, digits folded, spaceless scripts cut into characters, in every script."""
    assert line_tokens(line)[: len(expected)] == expected


@given(any_text(), any_text())
@example("a " * PREFIX, "tail that is never read")
@example("0" * 238 + ":", ".")
def test_line_tokens_read_only_the_prefix(head: str, tail: str) -> None:
    """Features are total, bounded, and depend only on the first PREFIX characters and on
    whether the line ends a sentence (then only its first SENTENCE_PREFIX are read)."""
    feats = line_tokens(head + tail)
    assert len(feats) <= 3 * MAX_TOKENS + 1
    if len(head) >= PREFIX:
        end = "." if ends_sentence(head + tail) else "x"
        assert feats == line_tokens(head[:PREFIX] + end)


def test_evidence_groups() -> None:
    """Every rule family of the default pipeline falls in a named group; body lines in 0."""
    assert evidence_group("body", None) == 0
    assert EVIDENCE[evidence_group("removed", "strip.duplicates")] == "strip.duplicates"
    assert EVIDENCE[evidence_group("removed", "strip.some_user_rule")] == "strip"
    assert EVIDENCE[evidence_group("extracted", "extract.captions")] == "extract.caption"
    assert EVIDENCE[evidence_group("extracted", "extract.new_step")] == "extract.other"


@given(st.lists(any_text().filter(str.strip), max_size=12))
def test_shape_rows_are_finite_and_complete(texts: list[str]) -> None:
    """One finite row per line, as many columns as SHAPE_NAMES, for any lines."""
    rows = shape_rows([t.strip() for t in texts], [0] * len(texts))
    assert len(rows) == len(texts)
    assert all(len(r) == len(SHAPE_NAMES) for r in rows)
    assert np.isfinite(np.asarray(rows, dtype=float)).all()


# -- the weight file --------------------------------------------------------------------------


def test_shipped_model_reproduces_its_check_bit_for_bit() -> None:
    """The shipped weights give, on this platform, exactly the probabilities training saw."""
    model = default_model()
    check = model.info["check"]
    probs = model.predict(check["lines"])
    assert probs.tobytes().hex() == check["probs"]
    assert probs.shape == (len(check["lines"]), len(CLASSES))
    assert 0.0 < model.threshold <= 0.5


@pytest.mark.parametrize("n", [1, 2, 63, 64, 65, 66, 127, 128, 129, 130, 514, 1000])
def test_products_in_blocks_are_bit_for_bit(n: int) -> None:
    """The hidden layer's product taken 64 rows at a time has the bits of the whole one."""
    model = default_model()
    x = np.random.default_rng(n).normal(size=(n, model.hidden_w.shape[0]))
    assert rows_times(x, model.hidden_w).tobytes() == (x @ model.hidden_w).tobytes()


def test_shipped_model_is_small_and_versioned() -> None:
    """A few MB at most, read without pickle, naming its format and training data."""
    assert MODEL_PATH.stat().st_size < 4_000_000
    with np.load(MODEL_PATH, allow_pickle=False) as data:
        header = json.loads(data["header"].tobytes())
    assert header["format"] == FORMAT
    assert header["info"]["documents"] > 0


def test_save_load_round_trip(tmp_path: Path) -> None:
    """A saved model loads back with the same probabilities."""
    model = default_model()
    path = tmp_path / "m.npz"
    model.save(path)
    again = LineModel.load(path)
    lines = ["Read more", "The council met on Monday and voted to keep the ferry."]
    assert np.array_equal(again.predict(lines), model.predict(lines))


def test_refuses_other_formats_and_damage(tmp_path: Path) -> None:
    """A file of another format, a damaged one, or a missing one is a ModelError naming it."""
    other = tmp_path / "other.npz"
    header = json.dumps({"format": "something-else/9", "threshold": 0.1}).encode()
    np.savez(other, header=np.frombuffer(header, np.uint8))
    with pytest.raises(ModelError, match="something-else/9"):
        LineModel.load(other)
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="cannot read"):
        LineModel.load(broken)
    with pytest.raises(ModelError, match="cannot read"):
        LineModel.load(tmp_path / "missing.npz")
    short = tmp_path / "short.npz"
    header = json.dumps({"format": FORMAT, "threshold": 0.1}).encode()
    np.savez(short, header=np.frombuffer(header, np.uint8))
    with pytest.raises(ModelError, match="damaged"):
        LineModel.load(short)


# -- training ---------------------------------------------------------------------------------

PROSE = (
    "The council voted on Monday to keep the ferry running for five more years.",
    "Residents had said the island would be cut off without the daily crossing.",
    "The harbour master said the timetable would stay the same through the winter.",
    "Officials expect the new boat to arrive from the yard early next spring.",
)
FURNITURE = ("Share on Facebook", "Read more", "Sign up for our newsletter", "Advertisement")
META = ("By Jane Roe", "Photo: harbour office", "Updated 3 December 2022")


def _synthetic_docs() -> list[train.Doc]:
    """Twelve small labelled documents from six made-up sites."""
    docs = []
    for n in range(12):
        lines = [(f"Ferry vote number {n}", "title"), (META[n % 3], "meta")]
        lines += [(PROSE[(n + k) % 4], "body") for k in range(3)]
        lines += [(FURNITURE[(n + k) % 4], "residue") for k in range(2)]
        raw = "\n".join(t for t, _ in lines).encode()
        texts, evidence = train.model_view(raw)
        labelled = [{"text": t, "label": lab} for t, lab in lines]
        labels = train._align(texts, labelled)
        shapes = np.asarray(shape_rows(texts, evidence))
        docs.append(
            train.Doc(
                f"s{n}", f"site{n % 6}.example", "en", "corpus", raw, texts, evidence, labels,
                tuple(labelled), shapes,
            )
        )  # fmt: skip
    return docs


def _arrays(model: LineModel) -> list[bytes]:
    names = ("ratios", "mean", "scale", "hidden_w", "hidden_b", "out_w", "out_b")
    return [getattr(model, a).tobytes() for a in names] + [repr(model.threshold).encode()]


def test_training_is_deterministic() -> None:
    """Training twice on the same small sample gives the same weights, byte for byte."""
    docs = _synthetic_docs()
    first, second = train.fit(docs), train.fit(docs)
    assert _arrays(first) == _arrays(second)
    assert first.vocab == second.vocab
    assert first.info["check"] == second.info["check"]


def test_training_learns_the_sample() -> None:
    """Trained on the sample, the word table scores furniture words as residue, prose as body."""
    model = train.fit(_synthetic_docs())
    body, residue = CLASSES.index("body"), CLASSES.index("residue")
    for word in ("newsletter", "^advertisement", "read more"):
        row = model.ratios[model.vocab[word]]
        assert row[residue] > 0 > row[body]
    row = model.ratios[model.vocab["ferry"]]
    assert row[body] > 0 > row[residue]
    assert len(feature_names()) == model.mean.shape[0]


def test_folds_group_sites() -> None:
    """Documents of one site always share a fold."""
    docs = _synthetic_docs()
    fold = train.folds(docs, 3)
    by_site: dict[str, set[int]] = {}
    for d, f in zip(docs, fold, strict=True):
        by_site.setdefault(d.site, set()).add(f)
    assert all(len(f) == 1 for f in by_site.values())


@pytest.mark.corpus
def test_prepare_aligns_corpus_lines(shared: Path) -> None:
    """On real documents nearly every labelled line finds its line at the model's step."""
    docs = train.prepare(shared, limit=30)
    labelled = sum(int((d.labels >= 0).sum()) for d in docs)
    wanted = sum(sum(x["label"] in CLASSES for x in d.labelled) for d in docs)
    assert labelled >= 0.95 * wanted


# -- the step ---------------------------------------------------------------------------------


def test_threshold_is_checked() -> None:
    """A threshold outside [0, 1] is refused with the value named."""
    with pytest.raises(PipelineError, match=r"1\.5"):
        ClassifyLines(threshold=1.5)


@given(scraped_text())
def test_threshold_zero_removes_nothing(text: str) -> None:
    """With threshold 0 the model removes no line: the output is the rules-only output."""
    zero = DEFAULT.replace("classify.lines", ClassifyLines(threshold=0.0))
    got = clean_article(text, pipeline=zero)
    assert not [e for e in got.edits if e.rule in ("classify.residue", "classify.meta")]


@given(scraped_text())
def test_model_edits_carry_their_probability(text: str) -> None:
    """Every edit of the model names its class and carries a probability; rules' do not."""
    for edit in clean_article(text).edits:
        if edit.rule.startswith("classify."):
            assert edit.score is not None
            assert 0.0 <= edit.score <= 1.0
        else:
            assert edit.score is None


@given(st.lists(paragraphs(lang="en"), min_size=2, max_size=6), st.data())
def test_user_keep_rule_beats_the_model(paras: list[str], data: st.DataObject) -> None:
    """A line a user's keep rule names stays in the body even when the model removes all."""
    kept = data.draw(st.sampled_from(paras))
    rules = {"rule": [{"name": "keep_it", "category": "keep", "patterns": [regex.escape(kept[:40])],
                       "match": "start", "max_chars": 100_000}]}  # fmt: skip
    everything = DEFAULT.replace("classify.lines", ClassifyLines(threshold=1.0))
    article = clean_article("\n\n".join(paras), pipeline=everything, rules=rules)
    model_took = [e.old for e in article.edits if e.rule.startswith("classify.")]
    assert kept not in model_took
    # at threshold 1 the model takes every other line it may: only what the keep rule names
    # and long sentences are left
    assert all(p.startswith(kept[:40]) or _is_sentence(p) for p in article.paragraphs)


@given(any_text())
def test_ledger_law_with_the_model_removing_everything(text: str) -> None:
    """Even when the model removes every line it may, the ledger rebuilds the input."""
    everything = DEFAULT.replace("classify.lines", ClassifyLines(threshold=1.0))
    assert ledger_problems(everything.apply(start(text))) == []


def test_switching_the_model_off() -> None:
    """DEFAULT.without('classify.lines') is the rules-only pipeline: no classify edits."""
    text = "Ferry vote\n\nThe council voted to keep the ferry.\n\nRead more\n\nShare this"
    rules_only = clean_article(text, pipeline=DEFAULT.without("classify.lines"))
    assert not [e for e in rules_only.edits if e.rule.startswith("classify.")]


@given(st.lists(paragraphs(), min_size=1, max_size=6))
def test_the_model_never_removes_a_sentence_nor_the_whole_body(paras: list[str]) -> None:
    """In a document of sentences, even at threshold 1: sentences of four words stay (the
    model takes one only beside another line it removes), and some body always stays."""
    everything = DEFAULT.replace("classify.lines", ClassifyLines(threshold=1.0))
    article = clean_article("\n\n".join(paras), pipeline=everything)
    took = [e.old for e in article.edits if e.rule.startswith("classify.")]
    assert not [t for t in took if _is_sentence(t)]
    assert article.paragraphs or article.title


def test_step_is_total_on_an_empty_draft() -> None:
    """A draft with no line is returned as it is."""
    draft = Draft.from_text("")
    assert ClassifyLines()(draft) is draft


def test_a_long_document_is_read_by_its_edges() -> None:
    """In a document of more than MAX_LINES lines, the model reads the first and last
    EDGE_LINES only: even at threshold 1, no line between them is its to remove."""
    n = MAX_LINES + 500
    text = "\n".join(f"Item {i}" for i in range(n))
    everything = DEFAULT.replace("classify.lines", ClassifyLines(threshold=1.0))
    took = {
        e.old
        for e in clean_article(text, pipeline=everything).edits
        if e.rule.startswith("classify.")
    }
    middle = {f"Item {i}" for i in range(EDGE_LINES, n - EDGE_LINES)}
    assert took
    assert not took & middle

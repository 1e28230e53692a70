"""Tests of copydesk.learn: templates, guards, bounded counting, TOML output and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from copydesk import clean_article
from copydesk.batch import Record, clean_records
from copydesk.cli import main
from copydesk.learn import (
    _SiteCounter,
    doc_templates,
    learn_from_records,
    learn_rules,
    learnable,
    record_site,
    rules_to_toml,
    template,
    with_learned,
)
from copydesk.rules import builtin_rules, load_rules, rules_from_mapping

from .strategies_learn import Batch, batches


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("21.2k SHARES", "131.1k SHARES", True),
        ("Posted on Sept. 21, 2016", "Posted on Oct 3, 2017", True),
        ("Edition 12 of 2016-09-21", "Edition 7 of 2017-01-02", True),
        ("21.2k SHARES", "21.2k LIKES", False),
        ("The mayor said 3 things", "The june said 3 things", False),
        ("You may also like", "You june also like", False),
    ],
)
def test_template(a: str, b: str, same: bool) -> None:
    """Numbers, dates and counts are abstracted; words (and words like months) are not."""
    assert (template(a) == template(b)) is same


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        ("Story Continued Below", True),
        ("Unterstützen Sie unseren Journalismus", True),
        ("Politics", False),
        ("Comments", False),
        ("12 34 56 78", False),
        ("short one", False),
    ],
)
def test_learnable(line: str, ok: bool) -> None:
    """Short lines, single common words and lines without letters are never learned."""
    assert learnable(line) is ok


def _fires(rules: object, line: str) -> bool:
    return any(r.fires(line, at_edge=False) for r in rules)  # type: ignore[attr-defined]


@settings(max_examples=40, deadline=None)
@given(batches())
def test_learning_finds_furniture_and_no_story_line(batch: Batch) -> None:
    """Every site's furniture is learned; no story line is, syndicated or not."""
    assert not any(_fires(builtin_rules(), f) for f in batch.furniture)  # the test is fair
    learned = learn_rules(batch.docs)
    missed = [f for f in batch.furniture if not _fires(learned, f)]
    assert not missed
    taken = [s for s in batch.story_lines if _fires(learned, s)]
    assert not taken


@settings(max_examples=20, deadline=None)
@given(batches())
def test_toml_round_trip(batch: Batch) -> None:
    """rules_to_toml writes a file the loader reads back to the same rules."""
    learned = learn_rules(batch.docs)
    again = rules_from_mapping(__import__("tomllib").loads(rules_to_toml(learned)))
    assert [(r.name, r.patterns, r.examples, r.sites) for r in again] == [
        (r.name, r.patterns, r.examples, r.sites) for r in learned
    ]
    assert len(set(again.names)) == len(again)


@settings(max_examples=25, deadline=None)
@given(batches())
def test_learned_rules_touch_only_their_own_site(batch: Batch) -> None:
    """Each learned rule is scoped to the site it was learned from: a document of any other
    site, or of an unknown one, comes out exactly as it does without the learned rules."""
    learned = learn_rules(batch.docs)
    sites = {site for site, _ in batch.docs}
    assert all(len(r.sites) == 1 and next(iter(r.sites)) in sites for r in learned)
    for site, text in batch.docs[:6]:
        for other in ("elsewhere.example", None):
            assert clean_article(text, rules=learned, site=other) == clean_article(text, site=other)
        # the site may also come from the document's own URL header line
        headed = f"URL Source: https://www.{site}/story\n\n{text}"
        on_site = clean_article(headed, rules=learned)
        by_name = clean_article(headed, rules=learned, site=site)
        assert on_site == by_name


@settings(max_examples=25, deadline=None)
@given(batches())
def test_a_sites_furniture_is_kept_in_another_sites_story(batch: Batch) -> None:
    """A line learned as one site's furniture is removed on that site only."""
    learned = learn_rules(batch.docs)
    sites = sorted({site for site, _ in batch.docs})
    story = "Councillors met on the pier on Tuesday to vote on the new budget for the ferry."
    for rule in learned:
        (own,) = rule.sites
        line = rule.examples[0]
        doc = (
            f"Ferry budget vote\n\n{story}\n\n{line}\n\nThe vote will be held next week, they said."
        )
        for site in sites:
            kept = line in clean_article(doc, rules=learned, site=site).paragraphs
            assert kept is (site != own and line in clean_article(doc, site=site).paragraphs)


def test_clean_records_reads_the_site_field() -> None:
    """Batch cleaning scopes learned rules by the --site-field, a url field, or the header."""
    learned = rules_from_mapping(
        {
            "rule": [
                {
                    "name": "learned_a_1",
                    "patterns": ["harbour post tip line"],
                    "sites": ["a.example"],
                }
            ]
        }
    )
    text = "Harbour Post tip line\n\nCouncillors met on the pier on Tuesday to vote."
    records = [
        Record(1, text, {"site": "a.example"}),
        Record(2, text, {"site": "b.example"}),
        Record(3, text, {"url": "https://news.a.example/x"}),
        Record(4, "URL Source: https://a.example/y\n\n" + text),
        Record(5, text),
    ]
    results = list(clean_records(records, rules=learned, jobs=1, site_field="site"))
    kept = ["Harbour Post tip line" in r.article["body"] for r in results]  # type: ignore[index]
    assert kept == [False, True, False, False, True]


def test_syndicated_story_counted_once() -> None:
    """The same story scraped four times is one document: its heading is not learned."""
    story = "The harbour question\n\nThe council met on the pier to vote on the new budget."
    others = [f"Other heading {w}\n\nA different story about {w} and more." for w in "abc"]
    docs = [("s", story)] * 4 + [("s", o) for o in others]
    assert not _fires(learn_rules(docs), "The harbour question")


def test_prose_needs_a_higher_share() -> None:
    """A prose sentence in 40% of a site's documents is kept; a short line there is learned."""
    sentence = "The views expressed in this column are those of the author and nobody else."
    docs = [
        ("s", f"Heading {w}\n\nStory {w} text here.\n\n{sentence}\n\nHarbour tip line open")
        for w in ("alpha", "beta")
    ] + [("s", f"Heading {w}\n\nStory {w} text here.") for w in ("gamma", "delta", "epsilon")]
    learned = learn_rules(docs, min_docs=2)
    assert _fires(learned, "Harbour tip line open")
    assert not _fires(learned, sentence)


def test_counter_is_bounded() -> None:
    """The per-site table never holds more than max_templates, and still finds frequent lines."""
    counter = _SiteCounter(max_templates=8, max_fingerprints=4)
    for i in range(300):
        token = "".join(chr(97 + int(d)) for d in str(i))  # letters: not abstracted like digits
        counter.add(doc_templates("s", f"Unique line number {token} here\nHarbour Post tip line"))
        assert len(counter.counts) <= 8
        assert len(counter.seen) <= 4
    assert counter.counts[template("Harbour Post tip line")] > 200


@pytest.mark.parametrize(
    ("record", "site"),
    [
        (Record(1, "x", {"site": "Harbour Post"}), "Harbour Post"),
        (Record(1, "x", {"url": "https://www.example.org/a/b"}), "example.org"),
        (Record(1, "Title: A\nURL Source: https://news.example/x\n\nBody"), "news.example"),
        (Record(1, "The story cites https://news.example/x in its text."), ""),
        (Record(1, "x", {"site": 3}), ""),
    ],
)
def test_record_site(record: Record, site: str) -> None:
    """The site comes from the site field, a url field, a URL header line, else one group."""
    assert record_site(record, "site") == site


def test_with_learned_keeps_user_rules_on_top() -> None:
    """A user rule of the same name wins, and the user's disable list is kept."""
    learned = rules_from_mapping({"rule": [{"name": "learned_a_1", "patterns": ["x"]}]})
    user = {"rule": [{"name": "learned_a_1", "patterns": ["y"]}], "disable": ["ad_marker"]}
    merged = with_learned(learned, user)
    assert merged.get("learned_a_1").patterns[0].pattern == "y"
    assert "ad_marker" in merged.disable


def _write_batch(path: Path) -> None:
    rows = []
    for i, w in enumerate(("ferry", "tram", "roof", "market", "budget")):
        text = (
            f"Council debates the {w}\n\nCouncillors met to discuss the {w} on Tuesday.\n\n"
            f"Harbour Post weekend quiz no. {i * 17 + 3}\n\nThe vote on the {w} is next week."
        )
        rows.append(json.dumps({"id": f"d{i}", "text": text, "site": "harbourpost"}))
    path.write_text("\n".join(rows) + "\n", "utf-8")


def test_cli_learn_writes_loadable_rules(tmp_path: Path) -> None:
    """`copydesk learn` writes a rules file that load_rules reads, naming the site."""
    src, out = tmp_path / "in.jsonl", tmp_path / "learned.toml"
    _write_batch(src)
    code = main(["learn", str(src), "--site-field", "site", "-o", str(out), "-j", "1", "-q"])
    assert code == 0
    rules = load_rules(out)
    assert rules.names == ("learned_harbourpost_1",)
    assert rules.get("learned_harbourpost_1").fires(
        "Harbour Post weekend quiz no. 999", at_edge=False
    )
    assert "harbourpost" in out.read_text("utf-8")


def test_cli_clean_learn_names_the_learned_rule(tmp_path: Path) -> None:
    """`copydesk clean --learn` removes the furniture and the ledger names the learned rule."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_batch(src)
    code = main(["clean", "--learn", str(src), "--site-field", "site", "-o", str(out), "-q"])
    assert code == 0
    records = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert all("quiz" not in r["article"]["body"] for r in records)
    assert all("Councillors met" in r["article"]["body"] for r in records)
    rules = {e["rule"] for r in records for e in r["article"]["edits"] if "quiz" in e["old"]}
    assert rules == {"strip.learned_harbourpost_1"}


def test_cli_learn_refuses_stdin() -> None:
    """Learning reads the inputs twice, so '-' is a usage error."""
    assert main(["learn", "-", "-q"]) == 2


def test_parallel_pass_learns_what_the_serial_one_does() -> None:
    """Templates computed in a process pool give the same rules as the serial pass."""
    words = ("ferry", "tram", "roof", "market", "budget", "river", "clinic", "canal")
    records = [
        Record(
            i,
            f"Debate on the {a} and the {b}\n\nHarbour Post tip line, desk {i}\n\n"
            f"Councillors discussed the {a} near the {b} at length.",
            {"url": f"https://harbourpost.example/{i}"},
        )
        for i, (a, b) in enumerate((a, b) for a in words for b in words for _ in range(3))
    ]
    serial = learn_from_records(records, jobs=1)
    parallel = learn_from_records(records, jobs=2, chunksize=64)
    assert serial.names == parallel.names == ("learned_harbourpost_example_1",)
    assert serial.get(serial.names[0]).description == parallel.get(serial.names[0]).description

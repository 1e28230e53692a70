"""The rule tables: every rule's own examples and counter-examples, the loader, and merging."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import DEFAULT, PipelineError, RulesError, clean_article
from copydesk.rules import (
    LANGUAGE_FILES,
    SPACES_RE,
    SPLIT_DISAGREES_RE,
    Rule,
    Rules,
    builtin_rules,
    load_rules,
    normalise,
    rules_from_mapping,
)

RULES = builtin_rules()
POSITIVE = [(r.name, e) for r in RULES for e in r.examples]
NEGATIVE = [(r.name, e) for r in RULES for e in r.counter_examples]
PROSE = "The harbour reopened on Monday after the storm, and ships sailed again at noon."


@pytest.mark.parametrize(("name", "line"), POSITIVE)
def test_rule_fires_on_its_examples(name: str, line: str) -> None:
    """Each example listed in a rule's table is residue for that rule."""
    assert RULES.get(name).fires(line, at_edge=True)


@pytest.mark.parametrize(("name", "line"), NEGATIVE)
def test_rule_spares_its_counter_examples(name: str, line: str) -> None:
    """Each counter-example listed in a rule's table is left alone, even at an edge."""
    assert not RULES.get(name).fires(line, at_edge=True)


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.name)
def test_every_rule_has_examples_and_counter_examples(rule: Rule) -> None:
    """Every built-in rule documents itself with positive and negative rows."""
    assert rule.examples
    assert rule.counter_examples


@pytest.mark.parametrize(
    ("line", "fires"),
    [
        ("Please enable JavaScript to view the comments.", True),
        ("JavaScript developers met in Lisbon this week.", False),  # C4's bare-word mistake
        ("We use cookies. Accept all cookies", True),
        ("Her cookie recipe won the county prize.", False),
    ],
)
def test_notice_rules_need_their_conditions(line: str, fires: bool) -> None:
    """JavaScript and cookie notices need the notice's wording, not the bare word."""
    assert any(r.fires(line, at_edge=True) for r in RULES) is fires


def test_edge_rules_do_not_fire_in_the_middle() -> None:
    """An edge-only rule (comment prompts) keeps quiet away from the edges."""
    rule = RULES.get("comment_prompt")
    assert rule.fires("Please leave us a comment below.", at_edge="bottom")
    assert not rule.fires("Please leave us a comment below.", at_edge=False)


def test_bottom_rules_do_not_fire_at_the_top() -> None:
    """A bottom-only rule (promoted headlines) spares the top, where the title is."""
    rule = RULES.get("promo_headline")
    line = "BREAKING: Senator Quits After Secret Recording Surfaces"
    assert rule.fires(line, at_edge="bottom")
    assert not rule.fires(line, at_edge="top")


def test_builtin_tables_cover_the_languages() -> None:
    """There is a table per language, each with at least one rule."""
    origins = {r.origin.rsplit("/", 1)[-1].removesuffix(".toml") for r in RULES}
    assert origins == set(LANGUAGE_FILES)


def test_every_builtin_rule_is_known_to_the_default_pipeline() -> None:
    """Pipeline knows every rule name, so that without('strip.<rule>') works."""
    assert {r.dotted for r in RULES} <= set(DEFAULT.rule_names)


def test_pipeline_without_switches_a_rule_off() -> None:
    """DEFAULT.without('strip.disqus') keeps the Disqus line; DEFAULT removes it."""
    text = f"{PROSE}\n{PROSE} Again.\n{PROSE} Once more.\nblog comments powered by Disqus"
    assert "Disqus" not in clean_article(text).body
    assert "Disqus" in clean_article(text, pipeline=DEFAULT.without("strip.disqus")).body


@pytest.mark.parametrize(
    ("user", "line", "gone"),
    [
        (
            {"rule": [{"name": "house_promo", "patterns": ["Get the Harbour app"]}]},
            "Get the Harbour app",
            True,
        ),
        ({"disable": ["ad_marker"]}, "Advertisement", False),
        ({"disable": ["strip.ad_marker"]}, "Advertisement", False),
        ({"rule": [{"name": "ad_marker", "patterns": ["Sponsored"]}]}, "Advertisement", False),
        ({"rule": [{"name": "ad_marker", "patterns": ["Sponsored"]}]}, "Sponsored", True),
        ({"rule": [{"name": "house_promo", "patterns": ["x"], "enabled": False}]}, "x", False),
    ],
)
def test_user_rules_add_disable_and_override(
    user: dict[str, object], line: str, gone: bool
) -> None:
    """A user's mapping adds a rule, switches one off by name, or replaces it by name.

    Rules only: the line model judges a line such as 'Advertisement' by itself once no rule
    took it (a rule of category ``keep`` is how a user keeps a line from the model, see
    tests/classify/test_model.py).
    """
    text = f"{PROSE}\n{line}\n{PROSE} Again."
    article = clean_article(text, rules=user, pipeline=DEFAULT.without("classify.lines"))
    assert (line not in article.paragraphs) is gone


#: A user rule scoped to one site.
SCOPED = {
    "rule": [
        {
            "name": "house_promo",
            "patterns": ["Get the Harbour app"],
            "sites": ["harbourpost.example"],
        }
    ]
}


@pytest.mark.parametrize(
    ("site", "gone"),
    [
        ("harbourpost.example", True),
        ("WWW.HarbourPost.example", True),
        ("news.harbourpost.example", True),
        ("valleyledger.example", False),
        ("notharbourpost.example", False),
        ("", False),
        (None, False),
    ],
)
def test_rules_scoped_to_sites(site: str | None, gone: bool) -> None:
    """A rule with ``sites`` fires only on documents of those sites (and their subdomains)."""
    text = f"{PROSE}\nGet the Harbour app\n{PROSE} Again."
    article = clean_article(text, rules=SCOPED, site=site)
    assert ("Get the Harbour app" not in article.paragraphs) is gone


@pytest.mark.parametrize(
    ("header", "gone"),
    [
        ("URL Source: https://www.harbourpost.example/2024/a-story", True),
        ("URL Source: https://valleyledger.example/a-story", False),
        ("Title: No address here", False),
    ],
)
def test_scoped_rules_read_the_site_from_the_header(header: str, gone: bool) -> None:
    """Without ``site=``, the host of the document's URL header line is its site."""
    text = f"{header}\n\n{PROSE}\nGet the Harbour app\n{PROSE} Again."
    article = clean_article(text, rules=SCOPED)
    assert ("Get the Harbour app" not in article.paragraphs) is gone


def test_site_must_be_a_string() -> None:
    """``site=`` of another type is a clear error, not a silent unscoped run."""
    with pytest.raises(PipelineError, match="site must be a str"):
        clean_article("text", site=3)  # type: ignore[arg-type]


def test_load_rules_reads_a_file(tmp_path: Path) -> None:
    """load_rules reads a TOML file into Rules that clean_article accepts."""
    path = tmp_path / "house.toml"
    path.write_text(
        'disable = ["comments_header"]\n\n[[rule]]\nname = "house_footer"\ncategory = "promo"\n'
        'patterns = ["Harbour Post: news you can trust"]\n',
        "utf-8",
    )
    rules = load_rules(path)
    assert isinstance(rules, Rules)
    assert rules.names == ("house_footer",)
    text = f"{PROSE}\nComments\n{PROSE} Again.\nHarbour Post: news you can trust"
    # the rules alone: the line model would take "Comments" whatever the rules say
    article = clean_article(text, rules=rules, pipeline=DEFAULT.without("classify.lines"))
    assert article.paragraphs == (PROSE, "Comments", f"{PROSE} Again.")
    assert ("strip.house_footer", "removed") in {(e.rule, e.kind) for e in article.edits}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[rule]\nname = 'x'", "not valid TOML"),
        ("[[rule]]\nname = 'Bad Name'\npatterns = ['x']", "lower_snake_case"),
        ("[[rule]]\nname = 'x'", "at least one pattern"),
        ("[[rule]]\nname = 'x'\npatterns = ['(']", "does not compile"),
        ("[[rule]]\nname = 'x'\npatterns = ['(?V1)x']", "does not compile"),
        ("[[rule]]\nname = 'x'\npatterns = ['x']\nwhere = 'middle'", "where 'middle'"),
        ("[[rule]]\nname = 'x'\npatterns = ['x']\ncolour = 'red'", "unknown key"),
        ("[[rule]]\nname = 'x'\npatterns = ['x']\nmax_chars = -1", "non-negative"),
        ("[[rule]]\nname = 'x'\npatterns = ['x']\n[[rule]]\nname = 'x'\npatterns = ['y']", "twice"),
        ("rules = 1", "unknown top-level"),
        ("[[rule]]\nname = 'x'\npatterns = ['x']\nsites = [3]", "'sites' must be a string"),
        ("[[rule]]\nname = 'x'\npatterns = ['x']\nsites = [' ']", "empty site name"),
    ],
)
def test_load_rules_errors_name_file_rule_and_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    """A bad rules file raises RulesError naming the file, the rule and the problem."""
    path = tmp_path / "bad.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(RulesError, match=problem) as info:
        load_rules(path)
    assert str(path) in str(info.value)


def test_load_rules_error_names_the_rule(tmp_path: Path) -> None:
    """The message names the offending rule."""
    path = tmp_path / "bad.toml"
    path.write_text("[[rule]]\nname = 'my_rule'\npatterns = ['(']\n", "utf-8")
    with pytest.raises(RulesError, match="rule 'my_rule'"):
        load_rules(path)


def test_load_rules_missing_file(tmp_path: Path) -> None:
    """A missing file is a RulesError, not an OSError."""
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "absent.toml")


def test_rules_from_mapping_rejects_non_mappings() -> None:
    """Passing a list instead of a mapping is a clear RulesError."""
    with pytest.raises(RulesError, match="mapping"):
        rules_from_mapping([], origin="x")  # type: ignore[arg-type]


def test_split_agrees_with_the_spaces_pattern_outside_its_exceptions() -> None:
    """``normalise`` takes ``str.split`` for SPACES_RE where no character of
    SPLIT_DISAGREES_RE is in the line: over all of Unicode, those are the only characters on
    which the two disagree."""
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        c = chr(code)
        if SPLIT_DISAGREES_RE.match(c) is None:
            assert (SPACES_RE.fullmatch(c) is not None) == c.isspace(), hex(code)


def test_printable_text_holds_no_white_space_but_the_plain_space() -> None:
    """Over all of Unicode: a character that SPACES_RE collapses or ``str.split`` splits on
    is unprintable, the plain space apart. So a printable line without a double space or a
    space at either end is its own normal form."""
    for code in range(0x110000):
        c = chr(code)
        if c != " " and (c.isspace() or SPACES_RE.fullmatch(c) is not None):
            assert not c.isprintable(), hex(code)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
@example("a\u200b b\x1c c\u00a0 ")
@example("printable words, single spaces")
@example(" lead")
@example("double  space")
def test_normalise_is_the_spaces_pattern(text: str) -> None:
    """The fast path gives exactly what SPACES_RE collapsing and stripping gives."""
    assert normalise(text) == SPACES_RE.sub(" ", text).strip()

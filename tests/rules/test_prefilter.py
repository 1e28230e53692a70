"""The prefilter of ``strip.residue``: it must never rule out a line that a rule names."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import assume, example, given
from hypothesis import strategies as st

from copydesk.errors import RulesError
from copydesk.rules import builtin_rules, normalise, rules_from_mapping
from copydesk.rules import prefilter as prefilter_module
from copydesk.rules.prefilter import prefilter

from .patterns import ALPHABET, PATTERNS

RULES = builtin_rules()
LINES = [e for r in RULES for e in (*r.examples, *r.counter_examples)]


@pytest.fixture(autouse=True)
def _tiers_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests of this module test the tiers: no line is answered one by one first."""
    monkeypatch.setattr(prefilter_module, "WARM_UP_LINES", 0)


def fires(line: str) -> bool:
    """Whether any built-in rule names ``line`` at an edge (the widest position)."""
    return any(r.fires(line, at_edge=True) for r in RULES)


@pytest.mark.parametrize("line", LINES)
def test_prefilter_keeps_every_example_a_rule_names(line: str) -> None:
    """A line that a rule names (its examples) always passes the prefilter."""
    if fires(line):
        assert prefilter(RULES).may_fire(normalise(line))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Advertisement", True),
        ("Comments powered by Disqus", True),
        ("ВСЕ ПРАВА ЗАЩИЩЕНЫ", True),
        ("Ships sailed again on Monday after the storm.", False),
        ("The council met in the village hall to vote on the budget", False),
    ],
)
def test_prefilter_table(line: str, expected: bool) -> None:
    """Residue passes the prefilter, plain prose does not."""
    assert prefilter(RULES).may_fire(normalise(line)) is expected


@given(st.text(max_size=60) | st.sampled_from(LINES).map(lambda s: s.upper() + " 12"))
@example("12 shares")
@example("©")
def test_prefilter_never_rules_out_a_firing_line(text: str) -> None:
    """When the prefilter says no rule can fire, indeed none does."""
    line = normalise(text)
    if not prefilter(RULES).may_fire(line):
        assert not fires(text)


def test_unsafe_user_pattern_turns_the_prefilter_off() -> None:
    """A back reference cannot be joined: every line is then tried rule by rule."""
    user = rules_from_mapping({"rule": [{"name": "twice", "patterns": [r"(\w+) \1"]}]})
    pre = prefilter(RULES.merged(user))
    assert not pre.exact
    assert pre.may_fire("Ships sailed again on Monday after the storm.")


@pytest.mark.parametrize("source", [r"(?i)tip jar", r"(?V0)tip jar", r"(?iV0)tip jar"])
def test_global_flags_turn_the_prefilter_off(source: str) -> None:
    """A global flag, the version flag included, would change every pattern joined with it."""
    user = rules_from_mapping({"rule": [{"name": "flagged", "patterns": [source]}]})
    assert not prefilter(RULES.merged(user)).exact


def test_user_rules_join_the_prefilter() -> None:
    """A user's rule is part of the merged set's prefilter, built once per set."""
    user = rules_from_mapping({"rule": [{"name": "tip_jar", "patterns": ["tip jar"]}]})
    merged = RULES.merged(user)
    assert prefilter(merged).exact
    assert prefilter(merged).may_fire("Tip jar")
    assert not prefilter(RULES).may_fire("Tip jar")
    assert prefilter(merged) is prefilter(merged)


@given(st.sampled_from(LINES), st.integers(min_value=0, max_value=420), st.booleans())
def test_prefilter_tiers_by_length(line: str, pad: int, pad_left: bool) -> None:
    """Padded out to any length around the rules' ``max_chars``, a line the rules name still
    passes the prefilter: the tier a length picks holds every rule that may fire on it."""
    filler = ("x " * pad)[:pad]
    text = filler + line if pad_left else line + " " + filler
    if fires(text):
        assert prefilter(RULES).may_fire(normalise(text))


def test_longer_than_every_rule_looks_at() -> None:
    """A line longer than every rule's ``max_chars`` is ruled out at once."""
    longest = max(r.max_chars for r in RULES)
    assert not prefilter(RULES).may_fire("Advertisement " + "x" * longest)


def test_patterns_that_do_not_join_let_every_line_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should patterns fail to compile as one alternation, every line they are chosen for is
    tried rule by rule."""

    def refuse(sources: list[str], flags: int) -> regex.Pattern[str]:
        raise regex.error("cannot join")

    monkeypatch.setattr(prefilter_module, "_compile_joined", refuse)
    prefilter_module._joined_test.cache_clear()  # alternations compiled by earlier tests
    try:
        user = rules_from_mapping({"rule": [{"name": "tip_jar_2", "patterns": ["tip jar"]}]})
        pre = prefilter(RULES.merged(user))
        assert pre.exact
        assert pre.may_fire("Ships sailed again on Monday after the storm.")
    finally:
        prefilter_module._joined_test.cache_clear()


def test_a_line_is_tried_only_against_the_patterns_it_may_open() -> None:
    """A line is tried against the alternation of the patterns whose openings its first
    character matches (case ignored as the patterns ignore it), and of those without."""
    user = rules_from_mapping(
        {
            "rule": [
                {"name": "tip", "patterns": ["tip jar"]},
                {"name": "kelvin", "patterns": ["k-rated"]},
                {"name": "opening_unknown", "patterns": [r"\bzz top"]},
            ]
        }
    )
    pre = prefilter(RULES.merged(user))
    assert pre.may_fire("TIP JAR")
    assert pre.may_fire("\u212a-RATED")  # the Kelvin sign matches k when case is ignored
    assert pre.may_fire("zz top")
    tier = pre._tiers[0]
    assert tier is not None
    (line_ignoring_case,) = [j for j in tier.joined if j.match == "line" and j.flags & regex.I]
    chosen = line_ignoring_case._by_first["T"]
    assert chosen is not None
    assert "tip jar" in chosen.__self__.pattern
    assert "k-rated" not in chosen.__self__.pattern
    assert r"\bzz top" in chosen.__self__.pattern


#: A user's rules with lookarounds, anchors and classes at the start of their patterns.
TRICKY = RULES.merged(
    rules_from_mapping(
        {
            "rule": [
                {"name": "ahead", "patterns": [r"(?=s)share (?:it|this)"]},
                {"name": "behind", "patterns": [r"(?<!x)\bpress kit\b"], "match": "start"},
                {"name": "classy", "patterns": [r"[^a-r\s]ubscribe now", r"\p{Lu}{2}\d only"]},
                {"name": "spaced", "patterns": [r"\s?-\s?more\s?-"], "case_sensitive": True},
                # boundaries and lookarounds after the first character, a reversed pattern
                {"name": "caps", "patterns": [r"[A-Z]\B[A-Z]+"], "case_sensitive": True},
                {"name": "dash", "patterns": [r"-\b", r"a(?!$)"], "match": "start"},
                {"name": "reversed", "patterns": [r"(?r:abc)", r"(?!\w\b)\w.*"]},
                {"name": "long", "patterns": ["lorem ipsum " * 15], "match": "search"},
            ]
        }
    )
)


@given(
    st.sampled_from(
        [
            *LINES,
            "share this",
            "Press kit",
            "Subscribe now",
            "AB1 only",
            " -more-",
            "ZZTOP",
            "-x",
            "ab",
            "abc",
            "lorem ipsum " * 16,
        ]
    ),
    st.text(alphabet=" !#(-.:0AaBbSsXx~é", max_size=2),
    st.booleans(),
)
@example("share this", "", False)
@example("ZZTOP", "", False)
@example("abc", "", True)
@example("lorem ipsum " * 16, "", False)
def test_prefilter_never_rules_out_a_user_rule(line: str, affix: str, upper: bool) -> None:
    """With a user's rules that look around, test boundaries, read backwards or need a long
    literal, a line the prefilter rules out is named by no rule."""
    text = affix + (line.upper() if upper else line)
    if not prefilter(TRICKY).may_fire(normalise(text)):
        assert not any(r.fires(text, at_edge=True) for r in TRICKY)


#: One to four user rules of generated patterns, each meeting lines in any of the three ways
#: and with or without case: every part of a tier gets patterns (joined, screened by casefolded
#: or by exact literals, searched unscreened).
GENERATED_RULES = st.lists(
    st.fixed_dictionaries(
        {
            "patterns": st.lists(PATTERNS, min_size=1, max_size=2),
            "match": st.sampled_from(["line", "start", "search"]),
            "case_sensitive": st.booleans(),
        }
    ),
    min_size=1,
    max_size=4,
)


#: Rule sets and lines on which review found a prefilter (an earlier one, or one tried during
#: development) ruling out a line that a rule names: a case-sensitive negated property beside
#: a pattern ignoring case, a backtracking verb, a scoped full-case flag, a property escape
#: without braces, a case property that ignores case (which the regex module matches
#: differently inside an alternation).
REVIEWED = [
    (
        [
            {"patterns": [r"\P{Ll}+"], "match": "line", "case_sensitive": True},
            {"patterns": ["^sponsored by"], "match": "start", "case_sensitive": False},
        ],
        "ZDF",
    ),
    (
        [
            {"patterns": ["sponsored(*PRUNE) content"], "match": "start", "case_sensitive": False},
            {"patterns": [r"Sponsored by \w+"], "match": "line", "case_sensitive": True},
        ],
        "Sponsored by Acme",
    ),
    ([{"patterns": ["(?f:ß)"], "match": "line", "case_sensitive": False}], "ß"),
    ([{"patterns": [r"\p."], "match": "line", "case_sensitive": False}], "pa"),
    ([{"patterns": [r"\p."], "match": "line", "case_sensitive": True}], "pa"),
    ([{"patterns": [r"\p?"], "match": "start", "case_sensitive": True}], "x"),
    ([{"patterns": [r"\p{Lu}+"], "match": "line", "case_sensitive": False}], "ĸ"),
    (
        [
            {"patterns": [r"\p{Lu}+"], "match": "line", "case_sensitive": False},
            {"patterns": [r"\bzz"], "match": "line", "case_sensitive": False},
        ],
        "ĸ",
    ),
    (
        [
            {"patterns": ["sponsored(*PRUNE) content"], "match": "start", "case_sensitive": False},
            {"patterns": [r"sponsored by \w+"], "match": "start", "case_sensitive": False},
        ],
        "Sponsored by Acme",
    ),
    ([{"patterns": [r"[a-c]|[İ]{0,2}[\p{Lu}]"], "match": "line", "case_sensitive": False}], "ǰ"),
    ([{"patterns": ["[[:upper:]]+"], "match": "line", "case_sensitive": False}], "ĸ"),
    (
        [
            {"patterns": [r"\P{Ll}\d", r"(?i:a)"], "match": "start", "case_sensitive": True},
        ],
        "I1",
    ),
    ([{"patterns": ["ı"], "match": "search", "case_sensitive": False}], "kI"),
    ([{"patterns": ["[kK]İ"], "match": "search", "case_sensitive": False}], "äki"),
]


@pytest.mark.parametrize(("entries", "line"), REVIEWED)
@pytest.mark.parametrize("merged", [False, True])
def test_prefilter_lets_through_what_review_found(
    entries: list[dict[str, Any]], line: str, merged: bool
) -> None:
    """Each reviewed line is named by a rule of its set, and the prefilter lets it through,
    alone or merged with the built-in rules."""
    user = rules_from_mapping(
        {"rule": [{"name": f"reviewed_{i}", **e} for i, e in enumerate(entries)]}
    )
    rules = RULES.merged(user) if merged else user
    assert any(r.fires(line, at_edge=True) for r in rules)
    assert prefilter(rules).may_fire(normalise(line))


@given(GENERATED_RULES, st.text(ALPHABET, max_size=30), st.booleans())
@example([{"patterns": ["i"], "match": "search", "case_sensitive": False}], "\u0130", False)
@example([{"patterns": ["Ib"], "match": "search", "case_sensitive": True}], "a Ib", False)
@example([{"patterns": [r"\s?\.\p{L}"], "match": "search", "case_sensitive": False}], ".a", False)
def test_prefilter_of_generated_rules_never_rules_out_a_firing_line(
    entries: list[dict[str, Any]], line: str, merged: bool
) -> None:
    """The law on generated rule sets, alone or merged with the built-in rules: a line the
    prefilter rules out is named by no rule."""
    try:
        rules = rules_from_mapping(
            {"rule": [{"name": f"generated_{i}", **e} for i, e in enumerate(entries)]}
        )
    except RulesError:
        assume(False)
        return
    if merged:
        rules = RULES.merged(rules)
    if not prefilter(rules).may_fire(normalise(line)):
        assert not any(r.fires(line, at_edge=True) for r in rules)


def test_choices_per_first_character_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text in a script of thousands of characters cannot grow the kept choices without
    bound: past the limit they start over, and answers stay the same."""
    monkeypatch.setattr(prefilter_module, "FIRST_CHARACTERS_KEPT", 3)
    user = rules_from_mapping({"rule": [{"name": "bounded", "patterns": ["广告位"]}]})
    pre = prefilter(RULES.merged(user))
    lines = [chr(0x4E00 + i) + "字" for i in range(10)] + ["广告位"]
    assert [pre.may_fire(line) for line in lines] == [False] * 10 + [True]
    tier = pre._tiers[0]
    assert tier is not None
    assert all(len(j._by_first) <= 3 for j in tier.joined)


@given(
    st.sampled_from(LINES)
    | st.text(alphabet=ALPHABET, max_size=60)
    | st.sampled_from(LINES).map(lambda s: "  " + s.upper() + " 12")
)
@example("Advertisement")
@example("Ships sailed again on Monday after the storm.")
def test_the_warm_up_answers_as_the_tiers_do(text: str) -> None:
    """Before its tiers are built, a prefilter tries the patterns one by one and gives the
    answer the tiers give, for the built-in rules and for tricky user rules."""
    line = normalise(text)
    for rules in (RULES, TRICKY):
        one_by_one, tiers = prefilter_module._join(rules), prefilter_module._join(rules)
        one_by_one._warm[0] = -(10**9)  # still warming up, whatever WARM_UP_LINES is
        assert one_by_one.may_fire(line) is tiers.may_fire(line)
        assert not one_by_one._tiers


def test_tiers_are_built_once_the_warm_up_is_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first WARM_UP_LINES lines compile nothing; the next builds the tier it needs."""
    monkeypatch.setattr(prefilter_module, "WARM_UP_LINES", 3)
    pre = prefilter_module._join(RULES)
    for line in ("Advertisement", "Ships sailed on.", "Share this"):
        pre.may_fire(line)
    assert not pre._tiers
    assert pre.may_fire("Advertisement")
    assert pre._tiers


@given(
    st.sampled_from(LINES)
    | st.text(alphabet=ALPHABET + "责編辑：／【】>›»→", max_size=40)
    | st.sampled_from(LINES).map(lambda s: "  " + s.upper() + " 12")
)
@example("Home > News > World")
@example("责任编辑：王小明")
@example("")
@example("*** ")
@example("【责任编辑：王小明】")
@example("Home › Sport")
def test_lone_patterns_chosen_by_first_character_answer_as_rules_do(text: str) -> None:
    """A tier tries a lone pattern (symbols only, breadcrumbs, Chinese editor credits) only on
    a line whose first character may open a match: it answers as trying the rules one by
    one does, for the built-in rules and for tricky user rules."""
    line = normalise(text)
    for rules in (RULES, TRICKY):
        tiers, one_by_one = prefilter_module._join(rules), prefilter_module._join(rules)
        one_by_one._warm[0] = -(10**9)  # still warming up: the rules one by one
        assert tiers.may_fire(line) is one_by_one.may_fire(line)

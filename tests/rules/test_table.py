"""The built-in rules' table read in advance, and the screened, lazily compiled patterns it
gives: the same rules as the TOML files, and the same answers as the patterns tried plainly."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import copydesk.rules as rules_module
from copydesk._lazy import LazyPattern
from copydesk.rules import (
    TABLE_PATH,
    Rule,
    Rules,
    _read_builtin,
    builtin_rules,
    matcher,
    normalise,
    pattern_test,
    rules_from_mapping,
    screen,
)
from copydesk.rules import _table as table_module
from copydesk.rules import prefilter as prefilter_module

from .patterns import ALPHABET, PATTERNS

RULES = builtin_rules()
LINES = [e for r in RULES for e in (*r.examples, *r.counter_examples)]
#: Lines with what casefolding and the regex module's case-insensitive matching may treat
#: differently: the Turkish i, the sharp s and its capital, the Kelvin sign, the long s.
ODD = "İıIKſßẞ"


def _fields(rule: Rule) -> dict[str, object]:
    """A rule's fields, its patterns as what they are compiled from and into."""
    out = {f.name: getattr(rule, f.name) for f in attrs.fields(Rule) if f.init}
    out["patterns"] = [(p.pattern, p.flags) for p in rule.patterns]
    return out


def test_the_table_is_up_to_date() -> None:
    """The shipped table is what the TOML files give now."""
    assert TABLE_PATH.read_text("utf-8") == table_module.render(), (
        "the built-in TOML files changed: run python -m copydesk.rules._table"
    )


def test_the_table_gives_the_rules_the_toml_files_give() -> None:
    """Every field of every rule, and every pattern's source and compiled flags."""
    from_toml = _read_builtin(from_table=False)
    from_table = _read_builtin()
    assert all(isinstance(p, LazyPattern) for r in from_table for p in r.patterns)
    assert all(not isinstance(p, LazyPattern) for r in from_toml for p in r.patterns)
    assert [_fields(r) for r in from_table] == [_fields(r) for r in from_toml]
    assert from_table.disable == from_toml.disable
    # flags known before compiling are the compiled pattern's flags
    for rule in from_table:
        for pattern in rule.patterns:
            assert isinstance(pattern, LazyPattern)
            assert pattern.compiled().flags == pattern.flags


def test_the_table_holds_each_patterns_screen() -> None:
    table = json.loads(TABLE_PATH.read_text("utf-8"))
    for source, _flags, compiled_flags, literals, ignores_case in table["patterns"]:
        found = screen(source, compiled_flags)
        assert found == (None if literals is None else (tuple(literals), ignores_case))


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t["fingerprint"]["en"].__setitem__(1, 0),
        lambda t: t.__setitem__("regex", "1.0"),
        lambda t: t.__setitem__("format", "copydesk built-in rules 0"),
    ],
)
def test_a_stale_table_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: object
) -> None:
    """A table made from other TOML files, another regex or in another format is passed
    over: the TOML files are read and compiled, as without a table."""
    table = json.loads(TABLE_PATH.read_text("utf-8"))
    change(table)  # type: ignore[operator]
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps(table), "utf-8")
    monkeypatch.setattr(rules_module, "TABLE_PATH", stale)
    read = _read_builtin()
    assert all(not isinstance(p, LazyPattern) for r in read for p in r.patterns)
    assert [_fields(r) for r in read] == [_fields(r) for r in RULES]


def test_a_missing_or_broken_table_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    for path in (tmp_path / "missing.json", broken):
        monkeypatch.setattr(rules_module, "TABLE_PATH", path)
        assert [_fields(r) for r in _read_builtin()] == [_fields(r) for r in RULES]


def test_a_new_process_compiles_no_rule_pattern_until_a_line_needs_it() -> None:
    """Importing compiles none of the built-in patterns; cleaning prose compiles only those
    whose screens one of its short lines passes."""
    code = (
        "import copydesk\n"
        "from copydesk.rules import builtin_rules\n"
        "patterns = [p for r in builtin_rules() for p in r.patterns]\n"
        "before = sum(p.is_compiled for p in patterns)\n"
        "copydesk.clean_article('Harbour reopens\\n\\nShips sailed again on Monday.\\n"
        "Read more: storms\\n')\n"
        "print(before, sum(p.is_compiled for p in patterns), len(patterns))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    before, after, total = map(int, out)
    assert before == 0
    assert 0 < after < total // 10


def test_lazy_patterns_pickle() -> None:
    rule = RULES.get("disqus")
    again = pickle.loads(pickle.dumps(rule))
    assert [(p.pattern, p.flags) for p in again.patterns] == [
        (p.pattern, p.flags) for p in rule.patterns
    ]
    assert again.fires("blog comments powered by Disqus", at_edge=True)
    assert pickle.loads(pickle.dumps(again)).fires("Comments powered by Disqus", at_edge=True)


def _plainly(rule: Rule, line: str) -> bool:
    """Whether a pattern of ``rule`` meets ``line``, each tried without a screen."""
    return any(matcher(p, rule.match)(line) is not None for p in rule.patterns)


LINE_TEXT = (
    st.sampled_from(LINES)
    | st.sampled_from(LINES).map(str.upper)
    | st.text(alphabet=ALPHABET + ODD, max_size=30)
    | st.tuples(st.sampled_from(LINES), st.text(alphabet=ODD, min_size=1, max_size=3)).map(
        lambda t: t[1] + t[0].replace("i", t[1][0])
    )
)


@given(LINE_TEXT)
@example("ADVERTİSEMENT")
@example("advertisement")
@example("Read more: storms")
def test_screened_patterns_answer_as_the_patterns(text: str) -> None:
    """A built-in rule's screened, lazily compiled patterns meet a line exactly when the
    patterns tried one by one do."""
    line = normalise(text)
    folded = line.casefold()
    for rule in RULES:
        assert rule.meets(line, folded) is _plainly(rule, line), (rule.name, line)


@given(PATTERNS, st.booleans(), st.text(alphabet=ALPHABET + ODD, max_size=12))
@example("abc", False, "xABCx")
@example("ab", False, "xİABx")
@example("ı", True, "I")
def test_a_screen_never_turns_a_match_away(source: str, case_sensitive: bool, line: str) -> None:
    """For any pattern a user may write, the screened test says what the pattern says."""
    try:
        pattern = regex.compile(source, regex.V0 if case_sensitive else regex.V0 | regex.I)
    except (regex.error, ValueError):
        return
    for match in ("line", "start", "search"):
        expected = matcher(pattern, match)(line) is not None  # type: ignore[arg-type]
        assert pattern_test(pattern, match)(line, line.casefold()) is expected  # type: ignore[arg-type]


def _first(rules: Rules, text: str, pre: prefilter_module.Prefilter | None) -> str | None:
    """The first rule that names ``text`` at an edge, behind ``pre`` when one is given."""
    line = normalise(text)
    if pre is not None and not pre.may_fire(line):
        return None
    folded = line.casefold()
    for rule in rules:
        if rule.fires_normalised(line, folded, at_edge=True):
            return rule.name
    return None


@given(st.lists(LINE_TEXT, min_size=1, max_size=4))
@example(["Advertisement", "Ships sailed again on Monday after the storm."])
def test_the_prefilter_off_warming_up_and_built_decides_alike(texts: list[str]) -> None:
    """Without a prefilter, with one answering line by line (its warm-up), and with its
    tiers built, the same rule names each line."""
    user = rules_from_mapping({"rule": [{"name": "tip_jar", "patterns": ["tip jar"]}]})
    merged = RULES.merged(user)
    warming = prefilter_module._join(merged)
    built = prefilter_module._join(merged)
    built._warm[0] = prefilter_module.WARM_UP_LINES  # as after a long warm-up
    for text in [*texts, "Tip jar"]:
        expected = _first(merged, text, None)
        assert _first(merged, text, warming) == expected
        assert _first(merged, text, built) == expected
        line = normalise(text)
        assert warming.may_fire(line) is built.may_fire(line)
    assert warming.exact
    assert warming._tiers == {}
    assert built._tiers != {}


TURKIC = "aıİIiK s"


@given(
    st.text(alphabet=TURKIC, min_size=1, max_size=6),
    st.sampled_from(["", "?", "+"]),
    st.text(alphabet=TURKIC + "ßẞıİ", max_size=12),
)
@example("hakları", "", "HAKLARI")
@example("İstanbul", "", "istanbul")
@example("ıI", "", "II")
def test_a_literal_with_a_turkish_i_screens_by_the_rest(
    literal: str, quantifier: str, line: str
) -> None:
    """Ignoring case, a literal holding a Turkish ``İ``/``ı`` screens by its longest part
    without them: the screened test still says what the pattern says."""
    source = regex.escape(literal) + quantifier
    pattern = regex.compile(source, regex.V0 | regex.I)
    for match in ("line", "start", "search"):
        expected = matcher(pattern, match)(line) is not None  # type: ignore[arg-type]
        assert pattern_test(pattern, match)(line, line.casefold()) is expected  # type: ignore[arg-type]

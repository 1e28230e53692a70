"""Tests for the "About X" block of a press release (extract.outlet_lines): the organisation
the heading names, over a paragraph opening with the same name, is the story's source."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.extract._about import about_source, read_about

from ..strategies import WORDS
from ..strategies_fields import SCRIPTS, prose
from ..strategies_meta import Doc

#: Per script: organisations, "About" headings, and how their paragraph opens.
ORGANISATIONS = {
    "latin": ["Harbour Energy", "Coastline Robotics GmbH", "Tidewater Labs"],
    "cyrillic": ["Портовик", "Речные системы"],
    "arabic": ["شركة الميناء", "مجموعة الساحل"],
    "cjk": ["港口集团", "海岸能源"],
}
HEADINGS = {
    "latin": ["About {org}", "About {org}:", "Über die {org}"],
    "cyrillic": ["О компании «{org}»", "О компании {org}"],
    "arabic": ["نبذة عن {org}", "عن {org}"],
    "cjk": ["关于{org}", "關於{org}"],
}
OPENINGS = {
    "latin": "{org} {words}.",
    "cyrillic": "«{org}» — {words}.",
    "arabic": "{org} {words}.",
    "cjk": "{org}{words}。",
}


def _words(script: str) -> st.SearchStrategy[str]:
    sep = "" if script == "cjk" else " "
    return st.lists(st.sampled_from(WORDS[SCRIPTS[script]]), min_size=14, max_size=18).map(sep.join)


def _head_line(script: str) -> st.SearchStrategy[str]:
    """A short line of a release's head, no sentence: a kicker, a takeaway, a place."""
    sep = "" if script == "cjk" else " "
    return st.lists(st.sampled_from(WORDS[SCRIPTS[script]]), min_size=2, max_size=4).map(sep.join)


@st.composite
def about_doc(draw: st.DrawFn, *, head_lines: int = 0) -> Doc:
    """A press release closed by an "About X" heading and the paragraph on X, in any script;
    with ``head_lines``, that many short lines or more (a kicker, key takeaways) above the
    story, so that its lede stands below the head's first lines."""
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    more = 2 if head_lines else 0
    head = draw(st.lists(_head_line(script), min_size=head_lines, max_size=head_lines + more))
    story = draw(prose(script))
    org = draw(st.sampled_from(ORGANISATIONS[script]))
    heading = draw(st.sampled_from(HEADINGS[script])).format(org=org)
    about = OPENINGS[script].format(org=org, words=draw(_words(script)))
    text = "\n\n".join([*head, *story, heading, about])
    return Doc(text, (*story, about), source=org)


@given(about_doc())
def test_about_block_gives_the_source(doc: Doc) -> None:
    """The organisation of a closing "About X" block is the source, in Latin, Cyrillic,
    Arabic and CJK; the heading leaves the body with its ledger entry, the paragraph stays."""
    article = clean_article(doc.text)
    assert article.source == doc.source
    assert article.paragraphs == doc.body
    assert any(
        e.rule == "extract.outlet_lines" and e.kind == "extracted" and doc.source in e.old
        for e in article.edits
    )


@given(about_doc(head_lines=7))
def test_about_block_under_a_long_head_gives_the_source(doc: Doc) -> None:
    """The "About X" block closes the release whatever opens it: seven short lines or more
    above the lede (a kicker, a date, key takeaways) still leave it the source; the story's
    paragraphs and the paragraph on X stay in the body."""
    article = clean_article(doc.text)
    assert article.source == doc.source
    assert set(doc.body) <= set(article.paragraphs)
    assert any(e.rule == "extract.outlet_lines" and doc.source in e.old for e in article.edits)


STORY = (
    "The port authority said on Monday that the new tidal turbines would power the docks.",
    "Engineers will test the machines over the summer before the harbour opens to ships.",
)


@pytest.mark.parametrize(
    ("tail", "why"),
    [
        (["About the author", "Jane Roe is a columnist with The Harbour Times in Portville."],
         "no name"),
        (["About Jane Roe", "Jane Roe is a columnist with The Harbour Times in Portville."],
         "a person's bio"),
        (["About Portville", "Ships leave Portville every hour for the islands and back."],
         "the paragraph does not open with the name"),
        (["About Harbour Energy", "Harbour Energy is a maker of tidal turbines for ports.",
          "About Coast Ltd", "Coast Ltd is a builder of sea walls along the northern coast."],
         "two unrelated names: partners, no issuer"),
        (["Overall Harbour", "Overall Harbour numbers rose by a third in the spring quarter."],
         "a word that starts like an opener"),
        (["О Портовске", "Корабли уходят из Портовска каждый час на острова и обратно."],
         "an inflected place, no name repeated"),
    ],
)  # fmt: skip
def test_about_lookalikes_give_no_source(tail: list[str], why: str) -> None:
    """Headings that look like an "About X" block but name no issuer give no source."""
    article = clean_article("\n\n".join([*STORY, *tail]))
    assert article.source is None, why
    assert not [e for e in article.edits if e.rule == "extract.outlet_lines"], why


#: Short lines above the lede of a release: a kicker, a date, key takeaways.
LONG_HEAD = ["PRESS RELEASE", "Tidal power plan for the docks", "Clean Energy", "March 3, 2026",
             "KEY TAKEAWAYS", "Turbines for every pier", "Tests over the summer", "Portville"]  # fmt: skip


def test_about_block_under_a_long_head() -> None:
    """A release whose lede stands under eight short lines is still closed by its issuer."""
    tail = ["About Harbour Energy", "Harbour Energy is a maker of tidal turbines for ports."]
    article = clean_article("\n\n".join([*LONG_HEAD, *STORY, *tail]))
    assert article.source == "Harbour Energy"
    assert set(STORY) <= set(article.paragraphs)


def test_partners_under_a_long_head_give_no_source() -> None:
    """Two unrelated "About" blocks under a long head are partners': no issuer, no source."""
    tail = ["About Harbour Energy", "Harbour Energy is a maker of tidal turbines for ports.",
            "About Coast Ltd", "Coast Ltd is a builder of sea walls along the northern coast."]  # fmt: skip
    article = clean_article("\n\n".join([*LONG_HEAD, *STORY, *tail]))
    assert article.source is None
    assert not [e for e in article.edits if e.rule == "extract.outlet_lines"]


def test_about_heading_in_the_top_half_is_a_subheading() -> None:
    """An "About X" line in the story's upper half is a subheading: it stays, no source."""
    text = "\n\n".join(
        ["About Harbour Energy", "Harbour Energy is a maker of tidal turbines for the ports.",
         *STORY, STORY[0].replace("Monday", "Tuesday")]
    )  # fmt: skip
    article = clean_article(text)
    assert article.source is None
    assert not [e for e in article.edits if e.rule == "extract.outlet_lines"]


@pytest.mark.parametrize(
    ("heading", "below", "want"),
    [
        ("About BloomWave", "BloomWave (BW) is a research provider covering the ports.", "BloomWave"),
        ("Über das Hafenamt", "Das Hafenamt ist eine Behörde der Stadt Portville am Meer.",
         "Hafenamt"),
        ("À propos de Portéo", "Portéo est un fabricant de turbines pour les ports de la côte.",
         "Portéo"),
        ("About Harbour", "Harbourside Ltd is a maker of tidal turbines for the ports.", None),
        ("About us", "We are a maker of tidal turbines for the ports of the north coast.", None),
        ("About Harbour Energy", "Harbour Energy", None),  # no prose under it
    ],
)  # fmt: skip
def test_read_about(heading: str, below: str, want: str | None) -> None:
    """The heading's name counts only when the paragraph under it opens with it whole."""
    assert read_about(heading, below) == want


def test_about_source_takes_the_longest_of_nested_names() -> None:
    """A parent and its unit ("Bloom", "BloomWave") agree on the unit; strangers do not."""
    assert about_source(["Bloom", "BloomWave"]) == "BloomWave"
    assert about_source(["Bloom", "Tidewater"]) is None
    assert about_source([]) is None

"""Invented multi-site batches for the learning tests: furniture per site, distinct stories.

Every site has its own furniture lines (with counts that change from page to page); every
story is made of sentences drawn at random from an invented vocabulary, so that two stories
never share a line unless the batch syndicates the story on purpose.
"""

from __future__ import annotations

import random

import attrs
from hypothesis import strategies as st

_WORDS = [
    "council",
    "harbour",
    "ferry",
    "tram",
    "roof",
    "market",
    "vote",
    "budget",
    "mayor",
    "river",
    "bridge",
    "school",
    "storm",
    "winter",
    "farmers",
    "museum",
    "library",
    "clinic",
    "police",
    "station",
    "street",
    "festival",
    "artists",
    "railway",
    "tenants",
    "landlord",
    "court",
    "judge",
    "witness",
    "drought",
    "canal",
    "lighthouse",
    "orchard",
    "bakery",
    "union",
    "strike",
    "teachers",
    "nurses",
    "hospital",
    "airport",
    "runway",
    "cargo",
    "fishing",
    "quota",
    "island",
    "village",
    "valley",
    "mountain",
    "glacier",
    "engineers",
    "survey",
    "report",
    "inquiry",
    "minister",
    "election",
    "campaign",
]
_BRANDS = ("Harbour Post", "Valley Ledger", "Northern Crier", "Tarsk Gazette", "Oriel Times")
# Furniture templates: {b} is the site's brand, {n}/{m} change from page to page.
_FURNITURE = (
    "{b} Daily Briefing, edition {n}",
    "{n}.{m}k readers follow {b}",
    "Printed from the {b} archive",
    "Tip line: {b} desk, room {n}",
    "{b} weekend quiz no. {n}",
)


@attrs.frozen
class Batch:
    """Documents as (site, text), the furniture lines and the story lines that went in."""

    docs: list[tuple[str, str]]
    furniture: list[str]
    story_lines: list[str]


def _story(rng: random.Random) -> list[str]:
    """A heading (short, no full stop) and 3-5 prose sentences of invented words."""
    heading = " ".join(rng.choice(_WORDS) for _ in range(4)).capitalize()
    sentences = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(10, 22))).capitalize() + "."
        for _ in range(rng.randint(3, 5))
    ]
    return [heading, *sentences]


@st.composite
def batches(draw: st.DrawFn) -> Batch:
    """Two to four sites of 4-10 documents each; some stories syndicated within and across."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    n_sites = draw(st.integers(2, 4))
    docs: list[tuple[str, str]] = []
    furniture: list[str] = []
    story_lines: list[str] = []
    shared_story = _story(rng)  # one agency story run by every site
    story_lines += shared_story
    for s in range(n_sites):
        site, brand = f"site{s}.example", _BRANDS[s]
        templates = draw(st.lists(st.sampled_from(_FURNITURE), min_size=1, max_size=3, unique=True))
        n_docs = draw(st.integers(4, 10))
        repeats = draw(st.integers(0, 3))  # copies of one story, scraped again and again
        stories = [_story(rng) for _ in range(n_docs)]
        stories += [stories[0]] * repeats + [shared_story]
        for story in stories:
            story_lines += story
            lines = [
                t.format(b=brand, n=rng.randint(1, 999), m=rng.randint(0, 9)) for t in templates
            ]
            furniture += lines
            docs.append((site, "\n\n".join([story[0], lines[0], *story[1:], *lines[1:]])))
    return Batch(docs, furniture, story_lines)


#: A learned rule scoped to the site "a.example", and a document holding its line between two
#: story paragraphs (for the tests of site scoping in batches and on the engines).
SCOPED_RULES = {
    "rule": [{"name": "learned_a_1", "patterns": ["harbour post tip line"], "sites": ["a.example"]}]
}
SCOPED_TEXT = (
    "Councillors met on the pier on Tuesday to vote on the budget.\n\nHarbour Post tip line"
    "\n\nThe vote on the budget is next week, the clerk said."
)

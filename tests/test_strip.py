"""The strip steps on whole documents: what goes, and the look-alikes that must stay."""

from __future__ import annotations

import attrs
import pytest

from copydesk import Draft, Pipeline, strip
from copydesk.rules import coerce_rules

STRIP = Pipeline((strip.residue, strip.stray_script, strip.duplicates, strip.residue_blocks))
P1 = "The harbour reopened on Monday after the storm, and ships sailed again at noon."
P2 = "Officials said repairs to the northern pier would take at least three more weeks."
P3 = "Fishermen, who lost a week of work, asked the council for help with their losses."
P4 = "The council will vote on an emergency fund for the harbour on Thursday evening."


def removed(text: str) -> list[tuple[str, str | None]]:
    """(text, rule) of every line the strip steps removed."""
    draft = STRIP.apply(Draft.from_text(text))
    return [(line.text, line.rule) for line in draft.lines if line.state == "removed"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # widgets and markers, at the edges and in the middle
        (
            f"{P1}\n{P2}\n{P3}\nblog comments powered by Disqus",
            [("blog comments powered by Disqus", "strip.disqus")],
        ),
        (
            f"21.2k SHARES SHARE THIS STORY\n{P1}\n{P2}",
            [("21.2k SHARES SHARE THIS STORY", "strip.share_counter")],
        ),
        (f"{P1}\nAdvertisement\n{P2}\n{P3}\n{P4}", [("Advertisement", "strip.ad_marker")]),
        (f"{P1}\n{P2}\n// انتهى //", [("// انتهى //", "strip.end_marker_ar")]),
        # a label and the linked headline under it
        (
            f"{P1}\n{P2}\nRELATED:\nMayor Opens New Harbour Museum\n{P3}\n{P4}",
            [
                ("RELATED:", "strip.related_header"),
                ("Mayor Opens New Harbour Museum", "strip.residue_blocks"),
            ],
        ),
        # a list of other stories under a related label, to the end of the text: the whole
        # list, however long; in the middle of the story only the headline under the label
        (
            f"{P1}\n{P2}\nRelated\nMayor opens harbour museum\nFerry fares rise again\n"
            "Storm season ends early\nNew pier plan unveiled\nSchools reopen",
            [("Related", "strip.related_header")]
            + [
                (h, "strip.residue_blocks")
                for h in (
                    "Mayor opens harbour museum",
                    "Ferry fares rise again",
                    "Storm season ends early",
                    "New pier plan unveiled",
                    "Schools reopen",
                )
            ],
        ),
        (
            f"{P1}\n{P2}\nRelated\nMayor opens harbour museum\nFerry fares rise again\n"
            f"Storm season ends early\nNew pier plan unveiled\n{P3}",
            [
                ("Related", "strip.related_header"),
                ("Mayor opens harbour museum", "strip.residue_blocks"),
            ],
        ),
        # a share bar at the end: buttons no rule names, caught inside the block
        (
            f"{P1}\n{P2}\n{P3}\nShare this:\nMastodon\nBluesky",
            [
                ("Share this:", "strip.share_prompt"),
                ("Mastodon", "strip.residue_blocks"),
                ("Bluesky", "strip.residue_blocks"),
            ],
        ),
        # a stray footer in another script
        (
            f"{P1}\n{P2}\n{P3}\n{P4}\nотправить по почте",
            [("отправить по почте", "strip.stray_script")],
        ),
        # a pull quote repeating a body sentence
        (
            f"{P1}\n{P2}\nasked the council for help with their losses\n{P3}\n{P4}",
            [("asked the council for help with their losses", "strip.duplicates")],
        ),
        # look-alikes that stay: a category line the metadata steps own, next to residue
        (
            f"{P1}\n{P2}\n{P3}\nPosted in: DIPLOMACY\nblog comments powered by Disqus",
            [("blog comments powered by Disqus", "strip.disqus")],
        ),
        # in-story subheadings, interview turns and list items
        (f"{P1}\nA long wait\n{P2}\nGT: What comes next?\nZhang: More talks.\n{P3}", []),
        (f"{P1}\n{P2}\nWhat they asked for:\n- a fund\n- a new pier\n{P3}\n{P4}", []),
        # a foreign name quoted inside a body line, and a foreign-script line mid-body
        (f"{P1}\n{P2}\nThe ship «Адмирал» left first, he said.\n{P3}\n{P4}", []),
        (f"{P1}\n{P2}\nотправить по почте\n{P3}\n{P4}", []),
        # words residue rules look for, used in prose
        (
            f"{P1}\nThe fund sold 3,000 shares on Friday.\n"
            f"JavaScript developers met on Monday.\n{P2}",
            [],
        ),
        (f"Comments from the mayor drew criticism.\n{P1}\n{P2}", []),
        # an asterisk section break belongs to the story
        (f"{P1}\n{P2}\n* * *\n{P3}\n{P4}", []),
        # a standfirst that the lede repeats stays
        (f"Harbour reopens\n{P1}\n{P1} {P2}\n{P3}", []),
    ],
)
def test_strip_removes_residue_and_spares_look_alikes(
    text: str, want: list[tuple[str, str]]
) -> None:
    """Residue lines go under their rule's name; look-alike body lines stay."""
    assert removed(text) == want


def test_edge_rule_spares_the_middle() -> None:
    """A comment prompt deep inside the article is a body line, not residue."""
    middle = f"{P1}\n{P2}\n{P3}\nPlease leave us a comment below.\n{P4}\n{P1} More.\n{P2} More."
    assert removed(middle) == []
    assert removed(f"{P1}\n{P2}\n{P3}\nPlease leave us a comment below.") == [
        ("Please leave us a comment below.", "strip.comment_prompt")
    ]


def test_stray_script_needs_a_single_script_body() -> None:
    """A mixed-script body (a bilingual text) has no stray lines."""
    ru = "Гавань открылась в понедельник после шторма, и корабли снова вышли в море."
    ru2 = "Ремонт северного причала займёт ещё как минимум три недели, сказали власти."
    assert removed(f"{P1}\n{ru}\n{P2}\n{ru2}\nотправить по почте") == []


def test_exact_duplicate_keeps_the_first() -> None:
    """Of two equal long lines, the later one goes."""
    assert removed(f"{P1}\n{P2}\n{P3}\n{P2}") == [(P2, "strip.duplicates")]


def test_user_rules_travel_on_the_draft() -> None:
    """Rules set on the draft (draft.rules) fire under their own name."""
    import attrs

    draft = attrs.evolve(
        Draft.from_text(f"{P1}\nHarbour Post app\n{P2}"),
        rules={"rule": [{"name": "house_app", "patterns": ["Harbour Post app"]}]},
    )
    out = STRIP.apply(draft)
    assert [(line.text, line.rule) for line in out.lines if line.state == "removed"] == [
        ("Harbour Post app", "strip.house_app")
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [("Advertisement", True), ("Read more", False)],
)
def test_a_keep_rule_beats_the_residue_rules(line: str, kept: bool) -> None:
    """A line a user's keep rule names stays, even where a built-in rule would remove it."""
    rules = {"rule": [{"name": "keep_ads", "category": "keep", "patterns": ["advertisement"]}]}
    text = f"The port reopened on Monday after the storm, officials said.\n{line}"
    draft = strip.residue(attrs.evolve(Draft.from_text(text), rules=coerce_rules(rules)))
    assert (line in [t.text for _, t in draft.body()]) is kept

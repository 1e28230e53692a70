"""Tests for copydesk.extract.datelines: wire datelines that open the first paragraph."""

from __future__ import annotations

import pytest

from copydesk.draft import Draft
from copydesk.extract.datelines import Wire, dateline, read_wire

PROSE = "The port closed on Monday after a storm hit the coast, officials said."


@pytest.mark.parametrize(
    ("dateline", "text", "source", "place"),
    [
        ("PORTVILLE (Reuters) - ", "The port closed.", "Reuters", "PORTVILLE"),
        ("NORTH BAY, D.C. (AP) — ", "The port closed.", "AP", "NORTH BAY, D.C."),
        ("Lake Heights, Ohio (CNN) ", "The port closed.", "CNN", "Lake Heights, Ohio"),
        ("Rio de Janeiro (AFP) - ", "O porto fechou.", "AFP", "Rio de Janeiro"),
        ("(HarbourNews) ", "The port closed.", "HarbourNews", None),
        ("Nov 2 (Reuters) - ", "Oil prices rose.", "Reuters", None),
        ("ПОРТОВСК, 9 августа. /ТАСС/. ", "Порт закрыт.", "ТАСС", "ПОРТОВСК"),
        ("ПОРТОВСК, 10 авг - РИА Новости.", "", "РИА Новости", "ПОРТОВСК"),
        ("Портовск. 14 мая. INTERFAX.RU - ", "Порт закрыт.", "INTERFAX.RU", "Портовск"),
    ],
)
def test_read_wire(dateline: str, text: str, source: str, place: str | None) -> None:
    """Wire datelines give where they end, the agency and the place when stated."""
    assert read_wire(dateline + text) == Wire(len(dateline), source, place)


@pytest.mark.parametrize(
    "line",
    [
        "The Associated Press (AP) reported the closure.",
        "Senator Ann Lee (R-Texas) said the port closed.",
        "(Laughter) The crowd stood up.",
        "(UPDATE) The port reopened.",
        "PORTVILLE — The port closed on Monday.",  # a bare place stays in the body
        "Prices rose (Reuters) and fell again.",
        "He said - Reuters. Then he left.",
        "PORTVILLE (Reuters) - and then the port closed.",  # no sentence after it
        PROSE,
    ],
)
def test_read_wire_refuses(line: str) -> None:
    """An agency named inside a sentence, or brackets that name no agency, are no dateline."""
    assert read_wire(line) is None


def test_wire_dateline_is_cut_from_the_first_paragraph() -> None:
    """The dateline leaves the paragraph, goes to source and metadata, and is in the ledger."""
    d = dateline(Draft.from_text(f"Port closes\n\nPORTVILLE (Reuters) - {PROSE}\n\n{PROSE}"))
    assert [line.text for _, line in d.body()] == ["Port closes", PROSE, PROSE]
    assert d.fields.source == "Reuters"
    assert dict(d.fields.metadata) == {"dateline": "PORTVILLE"}
    assert [(e.rule, e.kind, e.old) for e in d.edits] == [
        ("extract.datelines", "extracted", "PORTVILLE (Reuters) - ")
    ]


def test_wire_dateline_alone_on_its_line() -> None:
    """A dateline line with nothing after it leaves the body whole."""
    d = dateline(Draft.from_text(f"ПОРТОВСК, 10 авг - РИА Новости.\n{PROSE}"))
    assert [line.state for line in d.lines] == ["extracted", "body"]
    assert d.fields.source == "РИА Новости"


def test_wire_dateline_deep_in_the_text_stays() -> None:
    """Only the first few paragraphs may open with a wire dateline."""
    text = "\n".join([PROSE] * 6 + [f"PORTVILLE (Reuters) - {PROSE}"])
    assert dateline(Draft.from_text(text)).edits == ()

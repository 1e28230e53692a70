"""Golden tests: the five documents in ../shared/examples against expected.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from copydesk import Article, clean_article

from .conftest import SHARED

_EXPECTED_FILE = SHARED / "examples" / "expected.json"
EXPECTED: dict[str, dict[str, Any]] = (
    json.loads(_EXPECTED_FILE.read_text("utf-8")) if _EXPECTED_FILE.is_file() else {}
)
NAMES = sorted(EXPECTED) or ["(../shared absent)"]

# Field checks that wait on later issues (metadata extraction, residue stripping). Each is a
# strict xfail: it must start failing the xfail the day the feature lands.
PENDING: set[tuple[str, str]] = set()


def _clean(shared: Path, name: str) -> Article:
    return clean_article((shared / "examples" / name).read_bytes())


def _expect(name: str, field: str) -> Any:
    if (name, field) in PENDING:
        pytest.xfail(f"{field} of {name} comes with a later issue")
    return EXPECTED[name][field]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "field", ["title", "authors", "published", "source", "categories", "language", "captions"]
)
def test_field(shared: Path, name: str, field: str) -> None:
    """Each metadata field equals the expected value (published compared as ISO text)."""
    article = _clean(shared, name)
    got = article.to_dict()[field]
    assert got == _expect(name, field)


@pytest.mark.parametrize("name", NAMES)
def test_body_edges(shared: Path, name: str) -> None:
    """The body starts and ends where expected."""
    body = _clean(shared, name).body
    assert body.startswith(_expect(name, "body_starts_with"))
    assert body.endswith(_expect(name, "body_ends_with"))


@pytest.mark.parametrize("name", NAMES)
def test_body_contains_and_excludes(shared: Path, name: str) -> None:
    """Required passages are in the body; residue and metadata are not."""
    body = _clean(shared, name).body
    for passage in _expect(name, "body_contains"):
        assert passage in body
    for residue in _expect(name, "body_excludes"):
        assert residue not in body, residue


@pytest.mark.parametrize("name", NAMES)
def test_paragraph_count(shared: Path, name: str) -> None:
    """Where expected.json gives a paragraph count, the body has exactly that many."""
    want = EXPECTED[name].get("body_paragraphs")
    if want is None:
        pytest.skip("no paragraph count given for this document")
    assert len(_clean(shared, name).paragraphs) == want


@pytest.mark.parametrize("name", NAMES)
def test_listed_lines_leave_the_body(shared: Path, name: str) -> None:
    """Every line expected.json lists as removed or extracted is in the ledger, not the body."""
    article = _clean(shared, name)
    taken = {e.old.strip() for e in article.edits if e.kind in ("removed", "extracted")}
    for line in _expect(name, "removed_or_extracted_lines"):
        assert line.strip() in taken, line
        assert line.strip() not in article.paragraphs

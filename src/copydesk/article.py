"""The frozen records copydesk returns: :class:`Article`, :class:`Caption` and :class:`Edit`.

These are plain data with exact JSON round-trips; the machinery that fills them lives in
``draft`` and ``pipeline``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs

from copydesk._lazy import lazy_re
from copydesk.errors import RecordError

__all__ = ["Article", "Caption", "Edit", "EditKind"]

EditKind = Literal["removed", "extracted", "replaced", "read"]
_KINDS: frozenset[str] = frozenset(("removed", "extracted", "replaced", "read"))


@attrs.frozen(slots=True)
class Edit:
    """One entry of the ledger: a change a named rule made to the text.

    ``start``/``end`` are offsets of ``old`` in the text the step received: for ``repair.*``
    steps that is the text before that step; for every later step it is the repaired text.
    ``kind`` is ``removed`` (residue dropped), ``extracted`` (moved into a field),
    ``replaced`` (an in-line fix; ``start == end`` for an insertion) or ``read`` (a field's
    value read from text that stays in the body, unchanged: ``old`` is the span read, ``new``
    the value the field got; replaying the ledger skips it).
    ``score`` is the line model's probability for the decision, on the model's edits only
    (:mod:`copydesk.classify`); rules leave it None.
    """

    rule: str
    kind: EditKind
    start: int
    end: int
    old: str
    new: str = ""
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of this edit (``score`` only when there is one)."""
        d: dict[str, Any] = {
            "rule": self.rule,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "old": self.old,
            "new": self.new,
        }
        if self.score is not None:
            d["score"] = self.score
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Edit:
        """Rebuild an edit from :meth:`to_dict` output."""
        try:
            kind = d["kind"]
            if kind not in _KINDS:
                raise RecordError(f"edit kind {kind!r} is not one of {sorted(_KINDS)}")
            return cls(
                rule=str(d["rule"]),
                kind=kind,
                start=int(d["start"]),
                end=int(d["end"]),
                old=str(d["old"]),
                new=str(d.get("new", "")),
                score=None if d.get("score") is None else float(d["score"]),
            )
        except KeyError as exc:
            raise RecordError(f"edit record is missing the field {exc.args[0]!r}") from None


@attrs.frozen(slots=True)
class Caption:
    """A photo caption taken out of the body, with its credit when one is stated."""

    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of this caption."""
        return {"text": self.text, "credit": self.credit}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Caption:
        """Rebuild a caption from :meth:`to_dict` output."""
        if "text" not in d:
            raise RecordError("caption record is missing the field 'text'")
        credit = d.get("credit")
        return cls(text=str(d["text"]), credit=None if credit is None else str(d["credit"]))


# A lone surrogate (U+D800-U+DFFF): not encodable as UTF-8. In JSON text made by json.dumps
# it can only stand inside a string. Single characters: no repeats to bound.
_SURROGATE_RE = lazy_re("[\ud800-\udfff]")


def _freeze_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _date_to_str(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_from_str(value: object) -> dt.date | None:
    """Parse what :func:`_date_to_str` wrote: a date when there is no time part."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(f"published must be an ISO 8601 string or null, got {value!r}")
    try:
        if "T" in value or " " in value:
            return dt.datetime.fromisoformat(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"published {value!r} is not an ISO 8601 date or datetime") from None


@attrs.frozen(slots=True)
class Article:
    """A cleaned article: the body, typed metadata fields, and the ledger of every change.

    >>> from copydesk import clean_article
    >>> a = clean_article("Storm closes port\\n"
    ...     "The port closed on Monday as the storm hit the coast.")
    >>> a.title, a.paragraphs
    ('Storm closes port', ('The port closed on Monday as the storm hit the coast.',))
    >>> Article.from_dict(a.to_dict()) == a
    True
    """

    body: str = ""
    paragraphs: tuple[str, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    source: str | None = None
    categories: tuple[str, ...] = ()
    language: str | None = None
    captions: tuple[Caption, ...] = ()
    metadata: Mapping[str, str] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_freeze_mapping, hash=False
    )
    encoding: str = "utf-8"
    edits: tuple[Edit, ...] = ()
    #: True when the input was longer than ``max_chars`` and only its head was cleaned; the
    #: cut text is the ledger's ``limit.max_chars`` edit.
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; ``published`` as ISO 8601, tuples as lists."""
        return {
            "title": self.title,
            "authors": list(self.authors),
            "published": _date_to_str(self.published),
            "source": self.source,
            "categories": list(self.categories),
            "language": self.language,
            "captions": [c.to_dict() for c in self.captions],
            "body": self.body,
            "paragraphs": list(self.paragraphs),
            "metadata": dict(self.metadata),
            "encoding": self.encoding,
            "edits": [e.to_dict() for e in self.edits],
            "truncated": self.truncated,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise to JSON text (non-ASCII kept as is), always encodable as UTF-8.

        The ledger keeps the input exactly, so it can hold lone surrogates; those alone are
        written as ``\\udXXX`` escapes, which :meth:`from_json` reads back unchanged.

        >>> a = Article(edits=(Edit("repair.controls", "replaced", 0, 1, "\\ud800", "\\ufffd"),))
        >>> '"\\\\ud800"' in a.to_json(), Article.from_json(a.to_json()) == a
        (True, True)
        """
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        if _SURROGATE_RE.search(text) is None:
            return text
        return _SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

    def __reduce__(self) -> tuple[Any, ...]:
        # The read-only metadata view cannot be pickled; go through the exact dict form, so
        # articles cross process pools and distributed engines.
        return (Article.from_dict, (self.to_dict(),))

    def to_text(self) -> str:
        """Render as plain text: the title (if any), a blank line, then the body."""
        if self.title:
            return f"{self.title}\n\n{self.body}" if self.body else self.title
        return self.body

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output (exact round-trip)."""
        if not isinstance(d, Mapping):
            raise RecordError(f"an Article record must be a mapping, got {type(d).__name__}")
        truncated = d.get("truncated", False)
        if not isinstance(truncated, bool):
            raise RecordError(f"truncated must be true or false, got {truncated!r}")
        try:
            return cls(
                title=d.get("title"),
                authors=tuple(d.get("authors", ())),
                published=_date_from_str(d.get("published")),
                source=d.get("source"),
                categories=tuple(d.get("categories", ())),
                language=d.get("language"),
                captions=tuple(Caption.from_dict(c) for c in d.get("captions", ())),
                body=d.get("body", ""),
                paragraphs=tuple(d.get("paragraphs", ())),
                metadata=dict(d.get("metadata", {})),
                encoding=d.get("encoding", "utf-8"),
                edits=tuple(Edit.from_dict(e) for e in d.get("edits", ())),
                truncated=truncated,
            )
        except (TypeError, AttributeError) as exc:
            raise RecordError(f"malformed Article record: {exc}") from None

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

"""JSON and text that can always be written as UTF-8, whatever Python strings they hold.

A Python ``str`` can hold a lone surrogate (U+D800-U+DFFF): ``json.loads('"\\\\ud800"')`` makes
one, and so does a file name read with ``surrogateescape``. UTF-8 cannot encode it, so a writer
that encodes such a string raises ``UnicodeEncodeError`` and loses the record. Everything the
batch writers and the engines' columns emit goes through here: in JSON a lone surrogate becomes
its ``\\udXXX`` escape (which ``json.loads`` reads back as the same string, as
:meth:`copydesk.Article.to_json` does); in plain text and Arrow string cells, the same six
characters, spelled out.
"""

from __future__ import annotations

import json
import re
from typing import Any

from copydesk._lazy import lazy_re

__all__ = ["dumps", "utf8_text"]

# A lone surrogate (U+D800-U+DFFF). In JSON text made by json.dumps it can only stand inside
# a string, where its escape means the same code point. Single characters: nothing to bound.
_SURROGATE_RE = lazy_re("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(value: Any, *, indent: int | None = None) -> str:
    r"""``json.dumps`` with non-ASCII kept as is and lone surrogates escaped: always UTF-8.

    >>> dumps({"id": "a\ud800"})
    '{"id": "a\\ud800"}'
    >>> json.loads(dumps({"id": "a\ud800"})) == {"id": "a\ud800"}
    True
    >>> dumps(["é"])  # a character that is not a surrogate stays itself
    '["é"]'
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub(_escape, text)


def utf8_text(text: str) -> str:
    r"""``text`` with each lone surrogate spelled as its ``\udXXX`` escape: encodable as UTF-8.

    For plain-text output and Arrow string cells, which have no escapes of their own.

    >>> utf8_text("id-\udcff"), utf8_text("plain")
    ('id-\\udcff', 'plain')
    """
    if _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub(_escape, text)

"""Write the built-in rules' table (:data:`copydesk.rules.TABLE_PATH`) from the TOML files.

A new process reads the table rather than parsing the TOML files and compiling every
pattern (about 40 ms of a 4 KB document's cold start): it holds what the files hold, and
each pattern's compiled flags and screen (:func:`copydesk.rules.screen`), so that a pattern
is compiled only when a line passes its screen. ``copydesk.rules`` uses it only while its
fingerprint matches the TOML files and the regex module compiles the rules' flags as the one
it was made with (:func:`copydesk.rules.regex_behaviour`; not its version, which a fresh
install moves on);
otherwise it reads the TOML files as before. After editing a built-in TOML file, run::

    python -m copydesk.rules._table

(``tests/rules/test_table.py`` fails until the table is written again.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import regex

from copydesk.rules import (
    LANGUAGE_FILES,
    TABLE_FORMAT,
    TABLE_PATH,
    builtin_sources,
    fingerprint,
    regex_behaviour,
    screen,
    toml_parser,
)

__all__ = ["build", "render", "write"]


def build() -> dict[str, Any]:
    """The table of the TOML files as they are now."""
    sources = builtin_sources()
    loads = toml_parser().loads
    files = {lang: loads(sources[lang].decode("utf-8")) for lang in LANGUAGE_FILES}
    patterns: dict[tuple[str, int], list[Any]] = {}
    for data in files.values():
        for rule in data.get("rule", []):
            sources_of = rule.get("patterns", [])
            flags = regex.V0 if rule.get("case_sensitive", False) else regex.V0 | regex.IGNORECASE
            for source in [sources_of] if isinstance(sources_of, str) else sources_of:
                compiled = regex.compile(source, flags).flags
                found = screen(source, compiled)
                literals = None if found is None else list(found[0])
                ignores_case = found is not None and found[1]
                row = [source, int(flags), compiled, literals, ignores_case]
                patterns[source, int(flags)] = row
    return {
        "format": TABLE_FORMAT,
        "regex": regex_behaviour(),
        "fingerprint": fingerprint(sources),
        "files": files,
        "patterns": list(patterns.values()),
    }


def render() -> str:
    """The table as the file holds it."""
    return json.dumps(build(), ensure_ascii=False, indent=1) + "\n"


def write(path: Path = TABLE_PATH) -> int:
    """Write the table to ``path``; return its size in bytes."""
    data = render().encode("utf-8")
    path.write_bytes(data)
    return len(data)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE_PATH
    print(f"wrote {out} ({write(out):,} bytes)")

"""Which writing system a piece of text is in, counted in one regex pass.

Used by language detection (to sample only lines in the body's own script, and to decide
from the script alone where it is unambiguous) and by the stray-script residue rule.
"""

from __future__ import annotations

from collections import Counter

import regex

__all__ = ["SCRIPTS", "dominant_script", "script_counts"]

#: Scripts told apart, in the order of the groups of ``SCRIPT_RUN_RE``.
SCRIPTS: tuple[str, ...] = (
    "Latin", "Cyrillic", "Arabic", "Han", "Hiragana", "Katakana", "Hangul", "Greek",
    "Hebrew", "Thai", "Devanagari", "Armenian", "Georgian", "Bengali", "Tamil",
)  # fmt: skip

# Runs of letters of one script; each alternative is one property class repeated, so the
# match is linear. Example: "Привет world" -> a Cyrillic run of 6, a Latin run of 5.
SCRIPT_RUN_RE = regex.compile("|".join(rf"(\p{{{s}}}+)" for s in SCRIPTS))


def script_counts(text: str) -> Counter[str]:
    """Count the letters of each script in ``text``.

    >>> sorted(script_counts("Привет, world!").items())
    [('Cyrillic', 6), ('Latin', 5)]
    """
    counts: Counter[str] = Counter()
    for m in SCRIPT_RUN_RE.finditer(text):
        idx = m.lastindex
        if idx is not None:
            counts[SCRIPTS[idx - 1]] += m.end() - m.start()
    return counts


def dominant_script(text: str) -> str | None:
    """The script with the most letters in ``text``; ``None`` when it has no letters.

    Kana and Han count together as Japanese when any kana is present.

    >>> [dominant_script(t) for t in ("Le président a parlé", "1234 !!", "東京タワーへ行く")]
    ['Latin', None, 'Japanese']
    """
    counts = script_counts(text)
    if not counts:
        return None
    kana = counts.pop("Hiragana", 0) + counts.pop("Katakana", 0)
    if kana:
        counts["Japanese"] = kana + counts.pop("Han", 0)
    return counts.most_common(1)[0][0]

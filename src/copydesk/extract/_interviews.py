"""An interview's questioner named by its speaker labels: in a written Q&A, the one who asks
is the one who wrote it. Used by ``extract.attribution``.

A written interview labels each turn with its speaker, the full name at the first turn and
the initials after it::

    Jane Roe: Three weeks ago you said the port had a year left. Are you more worried now?
    Tom Ley: Let me answer in three parts. …
    JR: How did the board take it?
    TL: Badly. …

The questioner is the interviewer: half of their turns or more ask something (the rest put
a point to answer), the other person's at most half as often. The initials are the sign of
an edited Q&A; a broadcast transcript repeats each speaker's name ("WALLACE:"), and a name
alone before a colon opens a quote as often. So a questioner counts only when their full
name labels a turn and their initials label at least two more, with exactly two speakers
taking turns (a label heading one line alone, "Photo Credit: …", takes none). Scripts
without capitals (Arabic, CJK) label turns by role ("س:", "记者："), naming no one: the form
is read in cased scripts only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from copydesk._lazy import lazy_regex
from copydesk.draft import Line
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import split_names

__all__ = ["initials", "read_interviewer"]

# A speaker's label opening a turn: capitalised words or initials, a colon, then the turn
# ("Jane Roe: Three weeks ago…", "JR: How…", "Анна Петрова: Скажите…"). Bounded; matched at
# the start of a line only.
SPEAKER_RE = lazy_regex(
    r"(?P<who>\p{Lu}[\p{L}\p{M}'’.\-]{0,30}(?:[ \t]\p{L}[\p{L}\p{M}'’.\-]{0,30}){0,3})"
    r"[ \t]{0,2}:[ \t]{1,3}(?=\S)"
)
#: Initials label a turn with two to four capitals ("JR", "JMF"); one letter is "Q" or "A".
INITIALS_CHARS = (2, 4)
#: A full name labelling a turn has two to four words.
NAME_WORDS = (2, 4)
#: Each of the two speakers takes at least this many turns.
MIN_TURNS = 3
#: The questioner's initials label at least this many turns.
MIN_INITIALLED = 2
#: The least share of the questioner's turns that ask (the rest put a point to answer, or
#: ask in the paragraph under the label); the other's share is at most half of theirs.
ASKS_SHARE = 0.5
QUESTION_MARKS = "?¿؟？"


def initials(name: str) -> str:
    """The initials of a full name, particles left out ("Ana de Silva" -> "AS").

    >>> initials("Jane Roe"), initials("Ana de Silva"), initials("Анна Петрова")
    ('JR', 'AS', 'АП')
    """
    particles = lexicon().particles
    return "".join(w[0] for w in name.split() if w.casefold() not in particles).upper()


def _speaker(text: str) -> tuple[str, str | None, int, int] | None:
    """``(key, full name or None, start, end of the label's name)`` of a turn's speaker: the
    key is the initials, read from the label or made from the full name."""
    m = SPEAKER_RE.match(text)
    if m is None:
        return None
    who = m["who"]
    if " " not in who:
        lo, hi = INITIALS_CHARS
        if not (lo <= len(who) <= hi and who.isupper()):
            return None
        return who, None, m.start("who"), m.end("who")
    lo, hi = NAME_WORDS
    if not lo <= len(who.split()) <= hi or split_names(who) != (who,) or who.isupper():
        return None
    return initials(who), who, m.start("who"), m.end("who")


def read_interviewer(body: Sequence[tuple[int, Line]]) -> tuple[int, int, int, str] | None:
    """The questioner of a written Q&A, ``(line index, start, end, name)`` where the full name
    labels a turn, or ``None`` (see the module's docstring).

    >>> def lines(*texts):
    ...     return [(i, Line(0, len(t), t)) for i, t in enumerate(texts)]
    >>> turns = lines(
    ...     "Jane Roe: You said the port had a year left. Are you more worried now?",
    ...     "Tom Ley: No. I am as worried as I was in the spring, when the storm hit.",
    ...     "JR: How did the board take the news?", "TL: Badly. They voted to wait.",
    ...     "JR: Will the ships come back?", "TL: Some will, in time.")
    >>> read_interviewer(turns)
    (0, 0, 8, 'Jane Roe')
    >>> read_interviewer(turns[:2] + turns[3:4] + turns[5:])  # no initials of the asker's
    """
    turns: dict[str, list[bool]] = defaultdict(list)
    named: dict[str, tuple[int, int, int, str]] = {}
    initialled: dict[str, int] = defaultdict(int)
    for index, line in body:
        found = _speaker(line.text)
        if found is None:
            continue
        key, name, start, end = found
        turns[key].append(any(mark in line.text[end:] for mark in QUESTION_MARKS))
        if name is not None:
            named.setdefault(key, (index, start, end, name))
        else:
            initialled[key] += 1
    # a label heading one line alone ("Photo Credit: …", "Update: …") takes no turns
    speakers = [(key, asked) for key, asked in turns.items() if len(asked) > 1]
    if len(speakers) != 2 or any(len(asked) < MIN_TURNS for _, asked in speakers):
        return None
    (key_a, asked_a), (key_b, asked_b) = speakers
    for key, asks, other in ((key_a, asked_a, asked_b), (key_b, asked_b, asked_a)):
        if (
            key in named
            and initialled[key] >= MIN_INITIALLED
            and sum(asks) >= ASKS_SHARE * len(asks)
            and 2 * sum(other) / len(other) <= sum(asks) / len(asks)
        ):
            return named[key]
    return None

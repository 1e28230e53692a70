"""Closing bios: an author's ("Jane Roe is a columnist with The Example Times.") and an
outlet's ("LifeNews.com is an independent news agency …"). Used by ``extract.attribution``
on the last lines of a text."""

from __future__ import annotations

import functools
from collections.abc import Callable

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_organisation, outlet_name, split_names

__all__ = ["DOMAIN_NAME_RE", "read_bio", "read_outlet_bio", "read_stranger_bio"]

# A name's e-mail address or handle, which marks a closing line as an author's contact/bio.
CONTACT_MARK_RE = lazy_regex(r"[\w.+\-]{1,64}@[\w\-]{1,63}\.\w|(?<![\w@])@\w{2,30}")
# A bio: names, then a verb of the lexicon ("is", "has been", "writes"). The dash that may
# open it ("— Tom Rogan is …") is cut first. Bounded head.
BIO_PATTERN = r"(?P<names>[^\n,;:]{{2,60}}?)[ \t]{{1,2}}(?:{verbs})[ \t]"
# An outlet named by its web domain ("LifeNews.com") or as one word with inner capitals
# ("HarbourNews"). Bounded parts.
DOMAIN_NAME_RE = lazy_regex(r"(?:[\w\-]{1,40}\.){1,3}\p{L}{2,10}")
CAMEL_NAME_RE = lazy_regex(r"\p{Lu}\p{Ll}{1,20}(?:\p{Lu}\p{Ll}{1,20}){1,3}")
#: A bio (one or two sentences) is at most this long.
BIO_MAX_CHARS = 400
#: Verbs that make a bio without a role word a writer's ("Jo Lee has authored two books").
WRITING_VERBS = frozenset({"authored", "written", "published", "writes"})
#: A bio without a role word says at least this many words about the person.
STRANGER_BIO_WORDS = 5
# A word of a text, for the check that a name is not in the story. Bounded.
STORY_WORD_RE = lazy_regex(r"[\p{L}\p{M}'’\-]{1,40}")
# A copyright sign-off closing a line of the story ("… unknown. copyright by: Jane Roe",
# "© 2024 Jane Roe", "(c) Анна Петрова"): the writer's credit, no mention of the person.
# The name's words are capitalised, short particles aside ("Ana de la Cruz"); a sentence
# after "Copyright" ("Copyright law protects …") is none. Bounded; matched at line ends.
SIGN_OFF_RE = lazy_regex(
    r"(?:©|\([cC]\)|(?i:copyright))(?:[ \t]{1,2}(?i:by))?[ \t]{0,2}:?[ \t]{0,2}"
    r"(?:\d{4}[ \t]{1,2})?\p{Lu}[\p{L}\p{M}.'’\-]{0,30}"
    r"(?:[ \t]{1,2}(?:\p{Lu}[\p{L}\p{M}.'’\-]{0,30}|\p{Ll}{1,4})){0,4}[ \t]{0,2}$",
    regex.M,
)


@functools.lru_cache(maxsize=1)
def _bio_re() -> regex.Pattern[str]:
    verbs = sorted(lexicon().bio_verbs, key=len, reverse=True)
    alts = "|".join(regex.escape(v).replace("\\ ", "[ \\t]{1,2}") for v in verbs)
    return regex.compile(BIO_PATTERN.format(verbs=alts))


def read_bio(text: str) -> tuple[str, ...] | None:
    """The author named by a bio closing the text, or ``None``.

    A bio opens with the names and a verb ("is", "has been", "writes") and says what the
    person does for a living (a role of the lexicon) or how to reach them (an e-mail address
    or handle): "— Tom Rogan is a writer and a fellow at the Example Institute."

    >>> read_bio("Jane Roe is a columnist with The Example Times.")
    ('Jane Roe',)
    >>> read_bio("Jo Lee has been covering energy since 2009. Reach her at jo@example.com.")
    ('Jo Lee',)
    >>> read_bio("Jane Roe is a candidate for mayor in the spring election.") is None
    True
    >>> read_bio("He was also a longtime contributor to the Harbour Review.") is None
    True
    """
    line = text.strip().lstrip("—–- \t")
    if not 10 <= len(line) <= BIO_MAX_CHARS:
        return None
    m = _bio_re().match(line)
    if m is None:
        return None
    names = split_names(m["names"])
    lex = lexicon()
    if names is None or len(names) > 2 or any(n.casefold() in lex.bio_pronouns for n in names):
        return None  # "He was also a contributor to …": someone named above, not the writer
    rest = line[m.end() :]
    words = {w.strip(".,;:()").casefold() for w in rest.split()[:14]}
    if words & lex.bio_roles or CONTACT_MARK_RE.search(line):
        return names
    return None


def read_stranger_bio(text: str, story: str | Callable[[], str]) -> tuple[str, ...] | None:
    """The author named by a closing bio of someone the story never mentions, or ``None``.

    Where :func:`read_bio` needs a role word ("columnist"), this reads a bio giving a title in
    capitals or a verb of writing ("Jane Roe is Commander of the harbour pilots' guild.",
    "Jo Lee has authored two books.") of a person
    named in full (two words or more) when no word of the name is in ``story``, the text
    above: a person the story is about is named in it; the one who wrote it is not, but may
    sign it with a copyright closing a line ("… unknown. copyright by: Jo Lee"). ``story``
    may be a call that returns that text: it is made only for a line that reads as such a
    bio, which spares most documents joining the lines above each of their last lines.

    >>> read_stranger_bio("Jane Roe is Commander of the harbour pilots' guild.", "The port shut.")
    ('Jane Roe',)
    >>> read_stranger_bio("Jo Lee has authored two books on the sea.", "The port shut.")
    ('Jo Lee',)
    >>> read_stranger_bio("Jo Lee has authored two books on the sea.", "… shore. © Jo Lee")
    ('Jo Lee',)
    >>> read_stranger_bio("Jane Roe is expected in court on Monday.", "Roe was arrested.") is None
    True
    >>> read_stranger_bio("Roe is commander of the harbour pilots' guild.", "The port.") is None
    True
    >>> read_stranger_bio("South Western is one of the leading makers of pumps.", "") is None
    True
    """
    line = text.strip().lstrip("—–- \t")
    if not 10 <= len(line) <= BIO_MAX_CHARS:
        return None
    m = _bio_re().match(line)
    rest = line[m.end() :].split() if m is not None else []
    if m is None or len(rest) < STRANGER_BIO_WORDS:
        return None
    # what the person is: a title in capitals ("is Commander of …", "is the Director of …"),
    # or a verb of writing ("has authored …"); "X is one of the leading …" says neither
    verb = line[m.end("names") : m.end()].split()
    title = rest[1] if rest[0].casefold() in ("a", "an", "the") else rest[0]
    if not (title[:1].isupper() or verb[-1].casefold() in WRITING_VERBS):
        return None
    names = split_names(m["names"])
    if names is None or len(names) > 2 or any(len(n.split()) < 2 for n in names):
        return None
    if not isinstance(story, str):
        story = story()
    said = {w.casefold() for w in STORY_WORD_RE.findall(SIGN_OFF_RE.sub("", story))}
    for name in names:
        if any(len(w) > 2 and w.casefold().strip(".") in said for w in name.split()):
            return None
    return names


def read_outlet_bio(text: str) -> str | None:
    """The outlet a closing self-description names ("X.com is an independent news agency"),
    or ``None``.

    >>> read_outlet_bio("HarbourNews.com is an independent news agency devoted to ports.")
    'HarbourNews.com'
    >>> read_outlet_bio("Harbour Council is a body that meets on Mondays.") is None
    True
    """
    line = text.strip()
    if not 10 <= len(line) <= BIO_MAX_CHARS:
        return None
    head, sep, rest = line.partition(" is ")
    if not sep or not 1 <= len(head.split()) <= 5:
        return None
    if not (
        DOMAIN_NAME_RE.fullmatch(head) or is_organisation(head) or CAMEL_NAME_RE.fullmatch(head)
    ):
        return None
    words = {w.strip(".,;:()").casefold() for w in rest.split()[:8]}
    return outlet_name(head) if words & lexicon().outlet_words else None

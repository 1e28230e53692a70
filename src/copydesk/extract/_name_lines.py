"""A person's name alone on a line, taken as the byline only with a second sign beside it.

A line such as "Sandra Roe" reads the same as a two-word heading ("Migraine Nightmare"), so
the name alone is never enough. One of these must hold too: the line before is a bare byline
opener ("By"); the next line is an outlet's name with the date stamp under it ("Jane Roe" /
"CNN" / "Updated …"; the outlet is the source); a neighbouring line was taken as the date
stamp (unless the name line is
the first of the body, where a headline stands); the next line is a bio
opening with the same first name ("Sandra has covered …"); or the same line stands again
elsewhere (a byline and an author box). In scripts without capitals (Arabic, CJK), where
any short line passes for a name, only the first two signs count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from copydesk._lazy import lazy_regex
from copydesk.draft import Draft, Line
from copydesk.extract._lexicon import lexicon
from copydesk.extract._names import is_desk, is_organisation, outlet_by_name, split_names
from copydesk.extract.datelines import read_stamp

__all__ = ["name_lines", "next_to_stamp", "read_name_stamp"]

#: A name line is at most this long; a bare opener at most OPENER_CHARS; an outlet's line
#: under a name at most OUTLET_CHARS.
OUTLET_CHARS = 40
NAME_LINE_CHARS = 60
OPENER_CHARS = 12
DATE_RULE = "extract.datelines"
#: A line of names beside a stamp or an outlet is at most this long.
NAME_STAMP_CHARS = 90
# Where names and a stamp or an outlet meet: a pipe, a dash, a bullet, a slash, a comma, or
# "by" ("Jane Roe | March 3, 2023", "Posted on March 3, 2023 by Jane Roe"). Bounded.
NAME_STAMP_SEP_RE = lazy_regex(
    r"[ \t]{0,2}[|•·/,][ \t]{0,2}|[ \t]{1,2}[-–—][ \t]{1,2}|[ \t]by[ \t]"
)
#: A date stamp is a byline's sign only among the first lines (a footer lists dated links).
HEAD_LINES = 8
#: A job under a name line has at most this many words ("Senior Political Reporter").
ROLE_LINE_WORDS = 4
# A social handle after the name ("Jane Roe @janeroe", "Jane Roe | @jroe"): the name line of
# an author box. Bounded.
HANDLE_AFTER_RE = lazy_regex(r"[ \t]{0,2}[|•·][ \t]{0,2}@[\w.]{2,30}$|[ \t]{1,2}@[\w.]{2,30}$")
# The reporter's place and name on one line, as Turkish pages write it under the headline
# ("İstanbul - Ayşe Kaya", "ANKARA – Mehmet Demir"): one capitalised word, or words in
# capitals, then a dash and the name. Bounded.
PLACE_PATTERN = (
    r"(?P<place>\p{Lu}[\p{Ll}\p{M}'’\-]{1,30}|\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}"
    r"(?:[ \t]\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}){0,2})"
)
PLACE_NAME_RE = lazy_regex(PLACE_PATTERN + r"[ \t]{1,2}[-–—][ \t]{1,2}(?P<name>[^\n]{4,60})")
# The same line with the name first, the place then in capitals ("Ayşe Kaya - İSTANBUL"):
# a capitalised word after a name may end a headline ("Port Closes - Today"). Bounded; the
# name opens with a visible character (lines are stripped first), so that a long run of
# spaces is passed over at once.
NAME_PLACE_RE = lazy_regex(
    r"(?P<name>\S[^\n]{3,59}?)[ \t]{1,2}[-–—][ \t]{1,2}"
    r"(?P<place>\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}(?:[ \t]\p{Lu}[\p{Lu}\p{M}'’.\-]{1,30}){0,2})"
)
# A roman numeral ("Part II"): a heading's part, never a word of a bare name line.
ROMAN_RE = lazy_regex(r"[IVXLC]{1,6}")
# A word written all in lower case, in any cased script ("aid", "prep", "помощь"). Bounded.
LOWER_WORD_RE = lazy_regex(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]{0,40}(?![\p{L}\p{M}])")
#: A headline above a bare name line has more words than a kicker.
HEADLINE_WORDS = 4
#: The one word after a name and a comma ("Jane Roe, Portville") is at most this long.
TAIL_WORD_CHARS = 30
#: Words after a name and a comma that are a person's standing, not a place or an outlet
#: ("Jane Roe, Jr.", "Jo Lee, Esq."). Folded.
TAIL_NOT_PLACES = frozenset({"jr", "sr", "esq", "phd", "md", "ceo", "founder", "president",
                             "chairman", "director", "minister", "senator", "mayor"})  # fmt: skip
# An outlet's web domain ("HarbourNews.com", "example.co.uk"). Bounded parts.
DOMAIN_TAIL_RE = lazy_regex(r"(?:[\w\-]{1,40}\.){1,3}\p{Ll}{2,10}")
# A one-word brand with inner capitals ("TruthOut", "HarbourNews"). Bounded.
CAMEL_TAIL_RE = lazy_regex(r"\p{Lu}\p{Ll}{1,20}(?:\p{Lu}\p{Ll}{1,20}){1,3}")


def _is_opener(text: str) -> bool:
    """A byline opener alone on its line ("By", "Por:", "Автор")."""
    folded = text.strip().rstrip(":：").strip().casefold()
    return len(folded) <= OPENER_CHARS and folded in lexicon().byline_prefixes


def _names(text: str) -> tuple[str, ...] | None:
    text = text.strip()
    if not 4 <= len(text) <= NAME_LINE_CHARS or text.isupper():
        return None
    names = split_names(text)
    if names is None or len(names) > 2 or not all(2 <= len(n.split()) <= 3 for n in names):
        return None  # a person is named in two or three words; four make a heading
    return names


def read_handle_name(text: str) -> tuple[str, ...] | None:
    """A name with its social handle after it, the handle dropped ("Jane Roe @janeroe").

    >>> read_handle_name("Jane Roe @janeroe"), read_handle_name("Jane Roe | @jroe")
    (('Jane Roe',), ('Jane Roe',))
    >>> read_handle_name("Follow us @harbourtimes") is None, read_handle_name("@janeroe")
    (True, None)
    """
    text = text.strip()
    m = HANDLE_AFTER_RE.search(text) if "@" in text else None
    if m is None or m.start() == 0:
        return None
    names = _names(text[: m.start()])
    return names if names is not None and all(map(_plain_name, names)) else None


def read_place_name(text: str) -> tuple[str, str] | None:
    """``(place, name)`` from a reporter's line giving the place and the name ("İstanbul -
    Ayşe Kaya", "Ayşe Kaya - İSTANBUL"); the place is one capitalised word or words in
    capitals (only capitals after the name), so that two names
    ("Jane Roe - Jo Lee") or a headline ("Storm - Port Closes Today") are refused.

    >>> read_place_name("İstanbul - Ayşe Kaya"), read_place_name("NEW YORK – Jane Roe")
    (('İstanbul', 'Ayşe Kaya'), ('NEW YORK', 'Jane Roe'))
    >>> read_place_name("Ayşe Kaya - İSTANBUL")
    ('İSTANBUL', 'Ayşe Kaya')
    >>> read_place_name("Jane Roe - Jo Lee"), read_place_name("Storm - Port Closes Today")
    (None, None)
    >>> read_place_name("Jane Roe - Reuters"), read_place_name("Port Closes - Today")
    (None, None)
    """
    text = text.strip()
    if len(text) > NAME_LINE_CHARS:
        return None
    m = PLACE_NAME_RE.fullmatch(text) or NAME_PLACE_RE.fullmatch(text)
    if m is None:
        return None
    place, name = m["place"], m["name"]
    lex = lexicon()
    if place.casefold() in lex.agencies or place.casefold() in lex.byline_prefixes:
        return None
    names = _names(name)
    if names is None or len(names) != 1 or not _plain_name(names[0]):
        return None
    return place, names[0]


def _headline_above(body: Sequence[tuple[int, Line]], n: int) -> bool:
    """The line above position ``n`` is the first of the body and reads as a headline of
    more words than a kicker, and the line below is running text: the name line between
    them is the byline under the headline."""
    from copydesk.extract.title import is_headline, looks_like_prose

    if n != 1 or n + 1 >= len(body):
        return False
    above, below = body[0][1].text.strip(), body[n + 1][1].text.strip()
    return len(above.split()) >= HEADLINE_WORDS and is_headline(above) and looks_like_prose(below)


def _under_headline(body: Sequence[tuple[int, Line]], n: int) -> bool:
    """:func:`_headline_above`, or, more loosely for a desk's name: a headline stands above
    position ``n`` with only section links above it ("Gündem", "Spor") and only short lines
    between (a stamp), and running text comes right under ``n``.

    >>> from copydesk.draft import Draft
    >>> lines = "Gündem\\nSpor\\nFeribot seferleri beş yıl daha sürecek\\nHaber Merkezi\\n"
    >>> lede = "Belediye meclisi pazartesi günü feribot seferlerinin sürmesine karar verdi."
    >>> _under_headline(list(Draft.from_text(lines + lede).body()), 3)
    True
    >>> lines = "Feribot seferleri beş yıl daha sürecek\\nHaber Merkezi\\nÖzel haber\\n"
    >>> _under_headline(list(Draft.from_text(lines + lede).body()), 1)
    False
    """
    from copydesk.extract.title import is_headline, is_kicker, looks_like_prose

    if _headline_above(body, n):
        return True
    if n < 1 or n + 1 >= len(body) or not looks_like_prose(body[n + 1][1].text.strip()):
        return False
    for h in range(n - 1, -1, -1):
        text = body[h][1].text.strip()
        if len(text.split()) >= HEADLINE_WORDS and not text[:1].isdigit():
            return is_headline(text) and all(is_kicker(line.text) for _, line in body[:h])
        if looks_like_prose(text):
            return False
    return False


def _lede(body: Sequence[tuple[int, Line]]) -> int:
    """The position of the first line of running text among the first lines."""
    from copydesk.extract.title import looks_like_prose

    return next(
        (n for n, (_, line) in enumerate(body[:HEAD_LINES]) if looks_like_prose(line.text)),
        HEAD_LINES,
    )


def next_to_stamp(draft: Draft, index: int) -> bool:
    """A line next to ``index`` (blank lines skipped) was taken as the date stamp."""
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(draft.lines) and draft.lines[j].state == "blank":
            j += step
        if 0 <= j < len(draft.lines) and draft.lines[j].rule == DATE_RULE:
            return True
    return False


def _lower_words(texts: Sequence[str]) -> frozenset[str]:
    """The words ``texts`` write all in lower case ("aid", "see"; not "Aid")."""
    return frozenset(w for w in LOWER_WORD_RE.findall(" ".join(texts)))


def _ordinary_words(names: Sequence[str], lower: frozenset[str]) -> bool:
    """True when the document writes every word of ``names`` in lower case elsewhere: a menu
    item or a heading in title case ("Financial Aid", "Partner With Us"), not a person; a
    person's name is written with its capitals wherever it stands.

    >>> _ordinary_words(["Financial Aid"], frozenset({"financial", "aid", "the"}))
    True
    >>> _ordinary_words(["Jane Roe"], frozenset({"jane", "the"}))
    False
    """
    return all(w.casefold() in lower for name in names for w in name.split())


def _plain_name(name: str) -> bool:
    """Two words, or three with an initial or a particle in the middle ("Michael C. Roe",
    "Ana de Silva"): the shapes of a name that a three-word heading rarely has."""
    words = name.split()
    return len(words) == 2 or (
        len(words) == 3 and (words[1].endswith(".") or words[1].casefold() in lexicon().particles)
    )


def _outlet(line: Line) -> str | None:
    """An outlet's name alone on a line ("CNN", "Harbour Times", "Associated Press")."""
    return _outlet_text(line.text)


def _outlet_text(text: str) -> str | None:
    text = text.strip()
    if not 2 <= len(text) <= OUTLET_CHARS:
        return None
    lex = lexicon()
    if text.casefold() in lex.agencies:
        return lex.canonical.get(text.casefold(), text)
    return text if is_organisation(text) else None


def _role_line(text: str) -> bool:
    """A job alone on a line ("Senior Reporter", "Redakteurin"): at most four words, one of
    them a role of the lexicon, no digit."""
    words = text.split()
    if not 1 <= len(words) <= ROLE_LINE_WORDS or any(c.isdigit() for c in text):
        return False
    return bool({w.strip(".,").casefold() for w in words} & lexicon().bio_roles)


def _bio_follows(names: tuple[str, ...], after: Line | None) -> bool:
    """The next line is a bio of the same person ("Sandra has been with …")."""
    if after is None or len(names) != 1:
        return False
    first = names[0].split()[0]
    words = after.text.split()
    return len(words) > 3 and words[0] in (first, names[0].split()[-1]) and words[1].islower()


def read_name_stamp(text: str) -> tuple[tuple[str, ...], dt.date | None, str | None] | None:
    """A byline without "By": names beside a stamp or an outlet, ``(names, date, outlet)``.

    >>> read_name_stamp("Jane Roe | March 3, 2023")
    (('Jane Roe',), datetime.date(2023, 3, 3), None)
    >>> read_name_stamp("Posted on March 3, 2023 by Jane Roe")[:2]
    (('Jane Roe',), datetime.date(2023, 3, 3))
    >>> read_name_stamp("Jane Roe / Harbour Times")
    (('Jane Roe',), None, 'Harbour Times')
    >>> read_name_stamp("Storm Closes Port | March 3, 2023") is None
    True
    >>> read_name_stamp("Senior Reporter, Harbour Times") is None
    True
    >>> read_name_stamp("Anadolu Ajansı | March 3, 2023")
    ((), datetime.date(2023, 3, 3), 'Anadolu Ajansı')
    >>> read_name_stamp("March 3, 2023 10:20 AM | Harbour Times")
    ((), datetime.datetime(2023, 3, 3, 10, 20), 'Harbour Times')
    """
    text = text.strip()
    if not 6 <= len(text) <= NAME_STAMP_CHARS:
        return None
    for m in NAME_STAMP_SEP_RE.finditer(text):
        a, b = text[: m.start()].strip(), text[m.end() :].strip()
        by = m.group().strip().casefold() == "by"
        for names_part, other in ((b, a),) if by else ((a, b), (b, a)):
            agency = names_part.casefold() in lexicon().agencies or outlet_by_name(names_part)
            if agency and not by and (stamp := read_stamp(other)) is not None and not stamp[2]:
                # "Anadolu Ajansı | 03.12.2024 18:05", "March 3, 2023 | Harbour Times": an
                # agency or an outlet beside the stamp, no person
                return (), stamp[0], _outlet_text(names_part) or names_part
            names = _names(names_part)
            if names is None or not other or not (by or all(map(_plain_name, names))):
                continue
            if _role_line(names_part):
                continue  # "Senior Reporter, Harbour Times": a job, no person
            stamp = read_stamp(other)
            if stamp is not None and not stamp[2]:
                return names, stamp[0], None
            if not by and (outlet := _outlet_text(other)) is not None:
                return names, None, outlet
            if names_part == a and m.group().strip() == "," and _one_word_tail(other):
                # "Jane Roe, Portville", "Jo Lee, Truthdig": the reporter's place or outlet
                return names, None, other if _brand(other) else None
    return None


def _one_word_tail(text: str) -> bool:
    """One capitalised word after a name and a comma: the reporter's place or outlet; not a
    job ("Jane Roe, Reporter", "Jo Lee, CEO"), a month, a day or a number."""
    word = text.strip()
    if " " in word or not 3 <= len(word) <= TAIL_WORD_CHARS or not word[0].isupper():
        return False
    if word.isupper() or not all(c.isalpha() or c in ".-'’" for c in word):
        return False  # "CEO", "MP", "2023", "Jo Lee, @jolee"
    folded = word.casefold().strip(".")
    lex = lexicon()
    return not (
        folded in lex.bio_roles
        or folded in lex.author_roles
        or folded in lex.months
        or folded in lex.weekdays
        or folded in TAIL_NOT_PLACES
    )


def _brand(word: str) -> bool:
    """An outlet's one-word name by its shape: a web domain ("HarbourNews.com") or a word
    with inner capitals ("TruthOut"); a place has neither."""
    return DOMAIN_TAIL_RE.fullmatch(word) is not None or CAMEL_TAIL_RE.fullmatch(word) is not None


def name_lines(
    draft: Draft, window: Sequence[tuple[int, Line]]
) -> list[tuple[list[int], tuple[str, ...], str | None]]:
    """The name lines of ``window`` with a second sign: ``([indices], names, outlet)``, the
    indices holding the name line and a bare opener before it or an outlet's line after it
    (the outlet is then the third item)."""
    body = list(draft.body())
    position = {i: n for n, (i, _) in enumerate(body)}
    texts: list[str] | None = None  # every line's text, listed when first needed
    lower: frozenset[str] = frozenset()  # the words the document writes in lower case
    found: list[tuple[list[int], tuple[str, ...], str | None]] = []
    lede = _lede(body)
    for i, line in window:
        n = position[i]
        if n < min(HEAD_LINES, lede):  # above the lede: an embedded post's handle is not
            # "Jane Roe @janeroe", "İstanbul - Ayşe Kaya": the line signs itself
            signed = read_handle_name(line.text)
            if signed is None and (placed := read_place_name(line.text)) is not None:
                signed = (placed[1],)
            if signed is not None:
                found.append(([i], signed, None))
                continue
        names = _names(line.text)
        if names is None:
            if is_desk(line.text) and _under_headline(body, n):
                found.append(([i], (), " ".join(line.text.split())))  # "Haber Merkezi"
            continue
        before = body[n - 1] if n > 0 else None
        after = body[n + 1][1] if n + 1 < len(body) else None
        if before is not None and _is_opener(before[1].text):
            found.append(([before[0], i], names, None))
            continue
        outlet = _outlet(after) if after is not None and 0 < n < HEAD_LINES else None
        if outlet is not None and (
            next_to_stamp(draft, body[n + 1][0])
            or (after is not None and after.text.strip().casefold() in lexicon().agencies)
        ):
            # "Jane Roe" / "CNN" / "Updated 3:41 PM EDT, …": the name, its outlet, the stamp;
            # a news agency under the name needs no stamp ("Jane Roe" / "Reuters")
            found.append(([i, body[n + 1][0]], names, outlet))
            continue
        if after is not None and 0 < n < HEAD_LINES and _role_line(after.text):
            # "Anna Roe" / "Redakteurin": the name and the job under it
            found.append(([i, body[n + 1][0]], names, None))
            continue
        cased = any(c.isupper() for c in line.text)
        if cased and texts is None:
            texts = [" ".join(line.text.split()) for line in draft.lines if line.text.strip()]
            lower = _lower_words(texts)
        if cased and _ordinary_words(names, lower):
            continue  # "Financial Aid", "See All": the page writes each word as a word
        if (
            # by a date in the header, but not first: that is the headline's place
            (0 < n < HEAD_LINES and next_to_stamp(draft, i))
            # under the headline and above the lede: "Storm closes the old port" / "Jane Roe"
            or (
                cased
                and all(map(_plain_name, names))
                and not any(ROMAN_RE.fullmatch(w) for name in names for w in name.split())
                and _headline_above(body, n)
            )
            or (cased and _bio_follows(names, after))
            or (cased and texts is not None and texts.count(" ".join(line.text.split())) > 1)
        ):
            found.append(([i], names, None))
    return found

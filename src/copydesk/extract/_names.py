"""Person names in bylines and header values: split a list of names, and tell a person from
an organisation or a date."""

from __future__ import annotations

from urllib.parse import urlsplit

import regex

from copydesk._lazy import lazy_regex
from copydesk.extract._lexicon import lexicon

__all__ = ["URL_RE", "is_organisation", "is_person", "outlet_by_name", "outlet_name", "split_names"]

# Separators between names: ";" or "," (not inside "Jr."), and the joiner words of the
# lexicon ("and", "y", "und", "и"). Words are matched whole; the lists are short.
LIST_SEP_RE = lazy_regex(r"\s{0,3}[;,，、/]\s{0,3}|\s{1,3}&\s{1,3}")
# One word of a name: a capitalised word ("O'Neil", "Jean-Luc", "M.Đ", "SYRMOPOULOS"), an
# initial ("J."), or a word of a script without case (CJK, Arabic). Bounded by the line.
NAME_WORD_RE = lazy_regex(r"(?:\p{Lu}[\p{L}\p{M}'’.\-]{0,30}|\p{Lo}[\p{Lo}\p{M}·]{0,12}|\p{Lu}\.)")
#: Joiners that are also name particles ("José Ortega y Gasset"): split only when both sides
#: have two words or more.
AMBIGUOUS_JOINERS = frozenset({"y", "e"})
# A web domain inside a word ("Liveanddare.com"): a site, never a person.
DOMAIN_RE = lazy_regex(r"\.\p{Ll}{2,}")
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"})
MAX_NAME_WORDS = 5
# A Han word that is a phrase, no part of a name: Han characters with a hiragana particle
# between them ("東京で猛暑日", "熱中症に警戒": a headline's two phrases apart by a full-width
# space), or a run of Chinese or Japanese characters longer than any name ("国家安全委员会",
# "地方銀行の再編加速へ": a name is two to four characters, six with a long Japanese family
# name and no space, "長谷川美奈子"). False positives: given names mixing kanji and kana
# ("千とせ" after a family name), rare in bylines. Repeats are bounded by the word.
HAN_PHRASE_RE = lazy_regex(r"\p{Han}\p{Hiragana}{1,20}\p{Han}|[\p{Han}\p{Hiragana}\p{Katakana}]{7}")
# A web address given as a source ("http://www.example.com/2017/06/story.html"): its host is
# the outlet. Bounded parts; matched whole.
URL_RE = lazy_regex(r"(?:https?://|www\.)[^\s]{1,300}", regex.I)


#: A desk's name signing a story has at most this many words ("Dış Haberler Servisi").
DESK_WORDS = 4


def outlet_by_name(name: str) -> bool:
    """:func:`copydesk.extract.reported.is_outlet`, for the readers that module imports
    itself (imported when first called, so that the modules can import each other).

    >>> outlet_by_name("Harbour Times"), outlet_by_name("Jane Roe")
    (True, False)
    """
    from copydesk.extract.reported import is_outlet

    return is_outlet(name)


def is_desk(text: str) -> bool:
    """A news desk's name signing the story in place of a person ("Haber Merkezi", "Dış
    Haberler Servisi", "Business Desk"): two to four capitalised words, the last a desk's
    word of the lexicon; a desk that writes no news ("Support Desk") is none.

    >>> is_desk("Haber Merkezi"), is_desk("Dış Haberler Servisi"), is_desk("Desk")
    (True, True, False)
    >>> is_desk("The port reopened at the desk"), is_desk("Support Desk")
    (False, False)
    """
    # split no further than a word past the longest desk: a line of prose is not cut whole
    words = text.split(None, DESK_WORDS)
    lex = lexicon()
    return (
        2 <= len(words) <= DESK_WORDS
        and all(w[:1].isupper() for w in words)
        and words[-1].casefold() in lex.desk_words
        and not any(w.casefold() in lex.service_desk_words for w in words[:-1])
    )


def is_person(name: str) -> bool:
    """True when ``name`` reads as a person's name: capitalised words and particles only.

    >>> is_person("Ludwig van Beethoven"), is_person("Deng Xiaoci"), is_person("Reuters")
    (True, True, False)
    >>> is_person("Associated Press"), is_person("8 December 2022"), is_person("the team")
    (False, False, False)

    A Han word with a particle inside, or a run of seven CJK characters, is a phrase, where
    a name's parts are not:

    >>> is_person("山田 太郎"), is_person("長谷川美奈子"), is_person("東京で猛暑日 熱中症に警戒")
    (True, True, False)
    >>> is_person("地方銀行の再編加速へ 金融庁が検討")
    False
    """
    lex = lexicon()
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(ch.isdigit() for ch in name):
        return False
    if DOMAIN_RE.search(name):
        return False
    caps = 0
    for i, word in enumerate(words):
        folded = word.casefold().strip(".,")
        if folded in lex.organisation_words:
            return False
        if folded in lex.months and not _given_month(words, i):
            return False
        if i > 0 and (folded in lex.particles or folded in SUFFIXES or word.startswith("al-")):
            continue
        if NAME_WORD_RE.fullmatch(word) is None or folded.endswith(("'s", "’s")):
            return False
        if HAN_PHRASE_RE.search(word):
            return False  # a headline's phrase: "東京で猛暑日　熱中症に警戒"
        caps += 1
    return caps >= 1


def _given_month(words: list[str], i: int) -> bool:
    """Whether the month name ``words[i]`` is a given name: it opens a name of two words or
    more, written out (no abbreviating stop), and is a month a person may be named after
    ("Jan Weber", "May Lee"); no other word of the name is a month ("June July").

    >>> _given_month(["Jan", "Weber"], 0), _given_month(["May", "Lee"], 0)
    (True, True)
    >>> _given_month(["Jan.", "Weber"], 0), _given_month(["March", "Lee"], 0)
    (False, False)
    >>> _given_month(["Lee", "May"], 1), _given_month(["June", "July"], 0)
    (False, False)
    """
    lex = lexicon()
    return (
        i == 0
        and len(words) >= 2
        and words[0].casefold() in lex.given_name_months
        and all(w.casefold().strip(".,") not in lex.months for w in words[1:])
    )


def split_names(text: str) -> tuple[str, ...] | None:
    """Split ``"A, B and C"`` into names, or ``None`` when any part is not a person's name.

    Names are kept as written; a particle ("van", "de", "bin", "al-") is never a split point.

    >>> split_names("Yu Xi and Zhang Changyue")
    ('Yu Xi', 'Zhang Changyue')
    >>> split_names("Ana de la Cruz, Pedro Ruiz y Luis Gómez")
    ('Ana de la Cruz', 'Pedro Ruiz', 'Luis Gómez')
    >>> split_names("José Ortega y Gasset")
    ('José Ortega y Gasset',)
    >>> split_names("Staff and wire reports") is None
    True
    """
    lex = lexicon()
    names: list[str] = []
    for part in LIST_SEP_RE.split(text.strip()):
        names.extend(_split_joiners(part.strip(), lex.joiners))
    names = [n.strip(" .:") for n in names if n.strip(" .:")]
    if not names or not all(is_person(n) for n in names):
        return None
    return tuple(dict.fromkeys(names))


def _split_joiners(part: str, joiners: frozenset[str]) -> list[str]:
    words = part.split()
    out: list[str] = []
    current: list[str] = []
    for i, word in enumerate(words):
        folded = word.casefold()
        if folded in joiners and current and i + 1 < len(words):
            if folded in AMBIGUOUS_JOINERS and (len(current) < 2 or len(words) - i - 1 < 2):
                current.append(word)
                continue
            out.append(" ".join(current))
            current = []
            continue
        current.append(word)
    if current:
        out.append(" ".join(current))
    return out


def is_organisation(name: str) -> bool:
    """True for a capitalised name of an agency or outlet ("Reuters", "Free Wood Post").

    >>> is_organisation("Reuters"), is_organisation("Anadolu Agency"), is_organisation("Jane Roe")
    (True, True, False)
    >>> is_organisation("the news team")
    False
    """
    lex = lexicon()
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    if name.casefold() in lex.agencies:
        return True
    return all(w[:1].isupper() or w[:1].isdigit() for w in words) and any(
        w.casefold().strip(".,") in lex.organisation_words for w in words
    )


def outlet_name(value: str) -> str:
    """An outlet's name from a source value: a web address gives its host, without ``www.``.

    >>> outlet_name("http://www.thedailysheeple.com/economic-warning_032017")
    'thedailysheeple.com'
    >>> outlet_name("Associated Press"), outlet_name("example.com")
    ('Associated Press', 'example.com')
    """
    value = value.strip()
    if URL_RE.fullmatch(value) is None:
        return value
    host = urlsplit(value if "//" in value else "//" + value).hostname or value
    return host[4:] if host.startswith("www.") else host

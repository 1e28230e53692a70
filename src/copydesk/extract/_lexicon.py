"""The metadata lexicons (``rules/metadata.toml``), loaded once and normalised for lookup."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import regex

from copydesk._lazy import lazy_regex
from copydesk.rules import toml_parser

__all__ = ["LEXICON_PATH", "Lexicon", "first_words", "lexicon", "norm_key"]

#: The packaged lexicon file, in the package beside the rule tables.
LEXICON_PATH = Path(__file__).parent.parent / "rules" / "metadata.toml"


@functools.lru_cache(maxsize=16)
def first_words(phrases: frozenset[str]) -> frozenset[str]:
    """The first word of each phrase (words split at a space or a tab): a line that one of
    the phrases opens opens with one of these. A cheap test before the phrases are tried.

    >>> sorted(first_words(frozenset({"posted by", "by", "updated on"})))
    ['by', 'posted', 'updated']
    """
    return frozenset(regex.split(r"[ \t]", p, maxsplit=1)[0] for p in phrases)


def dotted_forms(folded: str) -> tuple[str, ...]:
    """A folded name and the forms a Turkish capital "İ" folds to ("İHA" -> "i̇ha"), so that
    "İHA" and "İhlas Haber Ajansı" are found as written in capitals.

    >>> len(dotted_forms("iha")), "İHA".casefold() in dotted_forms("iha")
    (2, True)
    >>> "İhlas Haber Ajansı".casefold() in dotted_forms("ihlas haber ajansı")
    True
    """
    if "i" not in folded:
        return (folded,)
    every = folded.replace("i", "i\u0307")
    initials = regex.sub(r"(?<!\w)i", "i\u0307", folded)
    return tuple(dict.fromkeys((folded, every, initials)))


# Runs of spaces, underscores and hyphens inside a header key: "Published_Time" ~ "published time".
KEY_SPACE_RE = lazy_regex(r"[\s_\-]+")


def norm_key(text: str) -> str:
    """Fold a key for lookup: lower case, one space between words, no trailing digits or colon.

    >>> norm_key("  Published_Time ")
    'published time'
    >>> norm_key("Category 2:")
    'category'
    >>> norm_key("Title")
    'title'
    """
    key = KEY_SPACE_RE.sub(" ", text.casefold()).strip(" :")
    return key.rstrip("0123456789").strip()


def _folded(table: Mapping[str, Any], name: str) -> frozenset[str]:
    """A word list folded for lookup, punctuation kept ("e-mail", "h/t")."""
    return frozenset(" ".join(str(w).casefold().split()) for w in table.get(name, ()))


def _words(table: Mapping[str, Any], name: str) -> frozenset[str]:
    return frozenset(norm_key(str(w)) for w in table.get(name, ()))


@attrs.frozen
class Lexicon:
    """Every word list of ``metadata.toml``, folded with :func:`norm_key`."""

    placeholders: frozenset[str]
    header_keys: Mapping[str, str]  # normalised key -> field
    byline_prefixes: frozenset[str]
    contributor_prefixes: frozenset[str]
    credit_prefixes: frozenset[str]
    contact_openers: tuple[str, ...]  # folded, longest first
    joiners: frozenset[str]
    particles: frozenset[str]
    organisation_words: frozenset[str]
    desk_words: frozenset[str]
    service_desk_words: frozenset[str]
    given_name_months: frozenset[str]
    agency_reporter_words: frozenset[str]
    byline_source_labels: frozenset[str]
    byline_date_labels: frozenset[str]
    date_labels: frozenset[str]
    update_labels: frozenset[str]
    calendar_links: tuple[str, ...]  # longest first
    caption_markers: frozenset[str]
    split_credit_labels: frozenset[str]
    split_source_labels: frozenset[str]
    credit_openers: tuple[str, ...]  # longest first
    photo_agencies: frozenset[str]
    agencies: frozenset[str]
    canonical: Mapping[str, str]
    agency_words: frozenset[str]
    source_openers: frozenset[str]
    via_openers: frozenset[str]
    with_openers: frozenset[str]
    with_fillers: tuple[str, ...]
    category_keys: frozenset[str]
    months: Mapping[str, int]
    weekdays: frozenset[str]
    fillers: frozenset[str]
    local_zones: Mapping[str, int]
    # credit lines (extract.attribution); all folded
    author_roles: frozenset[str] = frozenset()
    contributed_phrases: frozenset[str] = frozenset()
    contact_verbs: frozenset[str] = frozenset()
    bio_verbs: frozenset[str] = frozenset()
    bio_roles: frozenset[str] = frozenset()
    bio_pronouns: frozenset[str] = frozenset()
    outlet_words: frozenset[str] = frozenset()
    cjk_byline_labels: frozenset[str] = frozenset()
    cjk_credit_roles: frozenset[str] = frozenset()
    republished_openers: frozenset[str] = frozenset()
    byline_colon_prefixes: frozenset[str] = frozenset()
    republished_words: frozenset[str] = frozenset()
    republished_closers: frozenset[str] = frozenset()
    intro_openers: frozenset[str] = frozenset()
    # names credited in prose (extract.reported)
    outlet_name_words: frozenset[str] = frozenset()
    outlet_brands: frozenset[str] = frozenset()
    outlet_generic_words: frozenset[str] = frozenset()
    outlet_suffixes: tuple[str, ...] = ()  # longest first
    outlet_editions: tuple[str, ...] = ()  # longest first
    outlet_compound_endings: tuple[str, ...] = ()
    about_openers: tuple[str, ...] = ()  # folded, longest first

    @classmethod
    def from_toml(cls, data: Mapping[str, Any]) -> Lexicon:
        """Build the lexicon from the parsed TOML document."""
        keys: dict[str, str] = {}
        for field, words in data["header_keys"].items():
            for w in words:
                keys.setdefault(norm_key(w), field)
        months: dict[str, int] = {}
        for table in data["months"].values():
            for name, number in table.items():
                months.setdefault(name.casefold(), int(number))
        by, dl, cap, cr = data["bylines"], data["datelines"], data["captions"], data["credits"]
        at = data.get("attribution", {})
        return cls(
            placeholders=frozenset(
                " ".join(v.casefold().split()) for v in data["placeholders"]["values"]
            ),
            header_keys=keys,
            byline_prefixes=_words(by, "prefixes"),
            byline_colon_prefixes=_words(by, "colon_prefixes"),
            contributor_prefixes=_words(by, "contributor_prefixes"),
            credit_prefixes=_words(by, "credit_prefixes"),
            contact_openers=tuple(
                sorted({w.casefold() for w in by["contact_openers"]}, key=len, reverse=True)
            ),
            joiners=frozenset(w.casefold() for w in by["joiners"]),
            particles=frozenset(w.casefold() for w in by["particles"]),
            organisation_words=frozenset(w.casefold() for w in by["organisation_words"]),
            desk_words=frozenset(w.casefold() for w in by["desk_words"]),
            service_desk_words=frozenset(w.casefold() for w in by["service_desk_words"]),
            given_name_months=_folded(by, "given_name_months"),
            agency_reporter_words=_folded(by, "agency_reporter_words"),
            byline_source_labels=_words(by, "source_labels"),
            byline_date_labels=_words(by, "date_labels"),
            date_labels=_words(dl, "labels"),
            update_labels=_words(dl, "update_labels"),
            calendar_links=tuple(sorted(dl["calendar_links"], key=len, reverse=True)),
            caption_markers=_words(cap, "markers"),
            split_credit_labels=_words(cap, "split_credit_labels") | _words(cap, "markers"),
            split_source_labels=_words(cap, "split_source_labels"),
            credit_openers=tuple(
                sorted({w.casefold() for w in cap["credit_openers"]}, key=len, reverse=True)
            ),
            photo_agencies=frozenset(w.casefold() for w in cap["photo_agencies"]),
            agencies=frozenset(v for w in cr["agencies"] for v in dotted_forms(w.casefold())),
            canonical={k.casefold(): v for k, v in cr["canonical"].items()},
            agency_words=frozenset(w.casefold() for w in cr["agency_words"]),
            source_openers=frozenset(w.casefold() for w in cr["source_openers"]),
            via_openers=frozenset(w.casefold() for w in cr["via_openers"]),
            with_openers=frozenset(w.casefold() for w in cr["with_openers"]),
            with_fillers=tuple(sorted((w.casefold() for w in cr["with_fillers"]), key=len)),
            category_keys=_words(data["categories"], "keys"),
            months=months,
            weekdays=frozenset(w.casefold() for w in data["dates"]["weekdays"]),
            fillers=frozenset(w.casefold() for w in data["dates"]["fillers"]),
            local_zones={
                " ".join(k.casefold().split()): int(v)
                for k, v in data["dates"]["local_zones"].items()
            },
            author_roles=_folded(at, "author_roles"),
            contributed_phrases=_folded(at, "contributed_phrases"),
            contact_verbs=_folded(at, "contact_verbs"),
            bio_verbs=frozenset(str(w) for w in at.get("bio_verbs", ())),
            bio_roles=_folded(at, "bio_roles"),
            bio_pronouns=_folded(at, "bio_pronouns"),
            outlet_words=_folded(at, "outlet_words"),
            cjk_byline_labels=frozenset(str(w) for w in at.get("cjk_byline_labels", ())),
            cjk_credit_roles=frozenset(str(w) for w in at.get("cjk_credit_roles", ())),
            republished_openers=_folded(at, "republished_openers"),
            republished_words=frozenset(str(w) for w in at.get("republished_words", ())),
            republished_closers=_folded(at, "republished_closers"),
            intro_openers=_folded(at, "intro_openers"),
            outlet_name_words=_folded(data.get("reported", {}), "name_words"),
            outlet_brands=_folded(data.get("reported", {}), "brands"),
            outlet_generic_words=_folded(data.get("reported", {}), "generic_words"),
            outlet_compound_endings=tuple(
                w.casefold() for w in data.get("reported", {}).get("compound_endings", ())
            ),
            outlet_suffixes=tuple(
                sorted(data.get("reported", {}).get("cjk_suffixes", ()), key=len, reverse=True)
            ),
            outlet_editions=tuple(
                sorted(data.get("reported", {}).get("cjk_edition_words", ()), key=len, reverse=True)
            ),
            about_openers=tuple(
                sorted(
                    {w.casefold() for w in data.get("reported", {}).get("about_openers", ())},
                    key=len,
                    reverse=True,
                )
            ),
        )

    def is_placeholder(self, value: str) -> bool:
        """True for values that mean "no value" (``N/A``, ``null``, ``Author details not found``).

        >>> lexicon().is_placeholder(" N/A "), lexicon().is_placeholder("Jane Roe")
        (True, False)
        """
        return " ".join(value.casefold().split()).strip(" .") in self.placeholders or not any(
            ch.isalnum() for ch in value
        )


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, read from ``copydesk/rules/metadata.toml`` once per process."""
    return Lexicon.from_toml(toml_parser().loads(LEXICON_PATH.read_text("utf-8")))

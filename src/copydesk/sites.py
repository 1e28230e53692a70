"""Which site a document comes from, and whether a site-scoped rule applies to it.

A learned rule (:mod:`copydesk.learn`) is evidence about one site's pages: ``Story Continued
Below`` under every article of one site says nothing about another site, where the same words
may be a line of a story. So a rule may carry ``sites``, and it then fires only on documents
of those sites. A document's site is what the caller says (``clean_article(..., site=...)``,
the batch's ``--site-field`` or ``url`` field), else the host of a ``URL Source:``-style
header line at the top of the document, else unknown: a scoped rule never fires on a
document whose site is unknown.

Sites compare as hosts do: case-insensitively, without a leading ``www.``, and a subdomain
belongs to its parent (``news.example.com`` is of ``example.com``).

>>> site_key(" WWW.Example.com ")
'example.com'
>>> in_scope("news.example.com", frozenset({"example.com"}))
True
>>> in_scope("notexample.com", frozenset({"example.com"}))
False
>>> header_site("Title: Rain\\nURL Source: https://www.example.com/a/b\\n\\nRain fell.")
'example.com'
"""

from __future__ import annotations

import urllib.parse

import regex

from copydesk._lazy import lazy_regex

__all__ = ["fields_site", "header_site", "in_scope", "site_key", "url_host"]

# A URL header line at the top of a scraped document. Example: "URL Source: https://x.com/a".
# Bounded: a key of up to 20 characters, a host of up to 253.
URL_LINE_RE = lazy_regex(
    r"(?:url|source|link|original url)[ \w]{0,12}:\s{0,4}(https?://[^\s/]{1,253})", regex.I
)
#: How far into a document a URL header line is looked for: characters, then lines.
HEADER_CHARS = 4000
HEADER_LINES = 15


def site_key(site: str) -> str:
    """The form sites are compared in: stripped, casefolded, without a leading ``www.``."""
    return site.strip().casefold().removeprefix("www.")


def in_scope(site: str | None, sites: frozenset[str]) -> bool:
    """True when a document of ``site`` is one of ``sites`` (already :func:`site_key`-ed),
    or one of their subdomains. An unknown site (``None`` or ``""``) is in no scope."""
    if not site:
        return False
    key = site_key(site)
    return key in sites or any(key.endswith("." + s) for s in sites if s)


def url_host(url: str) -> str:
    """The host of ``url`` as a site (``""`` when it has none or does not parse)."""
    try:
        host = urllib.parse.urlsplit(url.strip()).hostname
    except ValueError:  # a malformed URL, such as an unclosed IPv6 bracket
        return ""
    return site_key(host) if host else ""


def header_site(text: str) -> str:
    """The host named by a ``URL Source:``-style line among a document's first lines, or
    ``""`` when there is none."""
    for line in text[:HEADER_CHARS].splitlines()[:HEADER_LINES]:
        found = URL_LINE_RE.match(line.strip())
        if found:
            host = url_host(found[1])
            if host:
                return host
    return ""


def fields_site(record: object, site_field: str | None = None) -> str | None:
    """The site a batch record's fields name: ``site_field``, else a ``url`` field's host;
    ``None`` when they name none (the document's header may still name one)."""
    fields = getattr(record, "fields", {}) or {}
    if site_field and isinstance(fields.get(site_field), str):
        return str(fields[site_field])
    url = fields.get("url")
    if isinstance(url, str):
        return url_host(url) or None
    return None

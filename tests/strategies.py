"""Shared hypothesis strategies: the raw material of scraped documents.

Domain alphabets, not only ``st.text()``: sentences in several languages and scripts,
the invisible and broken characters scrapers leave (NBSP, zero-width and bidi marks, BOM,
NUL, lone surrogates, CR/LF mixtures), and mojibake made by really mis-decoding text.
"""

from __future__ import annotations

import regex
from hypothesis import strategies as st

# Word lists per language, invented for tests (no corpus text).
WORDS: dict[str, tuple[str, ...]] = {
    "en": ("government", "minister", "said", "on", "Monday", "the", "new", "policy", "would",
           "help", "farmers", "across", "region", "officials", "expect", "rain", "market"),
    "pt": ("governo", "ministro", "disse", "que", "nova", "política", "vai", "ajudar",
           "agricultores", "região", "são", "ação", "informação"),
    "es": ("gobierno", "ministro", "dijo", "que", "nueva", "política", "ayudará", "región",
           "año", "niños", "según", "más"),
    "de": ("Regierung", "Minister", "sagte", "dass", "neue", "Politik", "Bauern", "helfen",
           "würde", "Straße", "größer", "über"),
    "ru": ("правительство", "министр", "заявил", "что", "новая", "политика", "поможет",
           "фермерам", "региона", "в", "понедельник"),
    "ar": ("الحكومة", "قال", "الوزير", "إن", "السياسة", "الجديدة", "ستساعد", "المزارعين",
           "في", "المنطقة"),
    "zh": ("政府", "部长", "表示", "新政策", "将", "帮助", "农民", "地区", "周一"),
    "vi": ("chính", "phủ", "bộ", "trưởng", "cho", "biết", "chính", "sách", "mới", "sẽ",
           "giúp", "nông", "dân"),
}  # fmt: skip
LANGS = tuple(WORDS)


@st.composite
def sentences(draw: st.DrawFn, lang: str | None = None) -> str:
    """One sentence: capitalised words of one language and a full stop."""
    lang = lang or draw(st.sampled_from(LANGS))
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=4, max_size=14))
    if lang == "zh":
        return "".join(words) + "。"
    text = " ".join(words)
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", ".", "!", "?"]))


@st.composite
def paragraphs(draw: st.DrawFn, lang: str | None = None) -> str:
    """A paragraph of one to four sentences in one language."""
    lang = lang or draw(st.sampled_from(LANGS))
    return " ".join(draw(st.lists(sentences(lang), min_size=1, max_size=4)))


@st.composite
def bodies(draw: st.DrawFn) -> list[str]:
    """The paragraphs of an article body in one language.

    No paragraph repeats or contains another: that is what ``strip.duplicates`` removes
    (a teaser or pull quote), so a body that has one is not a clean body.
    """
    lang = draw(st.sampled_from(LANGS))
    paras = st.lists(paragraphs(lang), min_size=1, max_size=8, unique=True)
    return draw(paras.filter(lambda ps: not overlapping(ps)))


def overlapping(paras: list[str] | tuple[str, ...]) -> bool:
    """True when one paragraph equals or contains another (letters and digits compared)."""
    keys = [" ".join(regex.findall(r"[\p{L}\p{N}]+", p.casefold())) for p in paras]
    return any(i != j and a in b for i, a in enumerate(keys) for j, b in enumerate(keys))


#: Characters scrapers leave that must be repaired or removed.
JUNK = (
    "\u00a0", "\u200b", "\u200e", "\u200f", "\u202a", "\u202c", "\ufeff", "\x00", "\x07",
    "\u2028", "\r", "\r\n", "\t", "  ", "\u00ad", "\u2009", "\x85",
)  # fmt: skip


def junk() -> st.SearchStrategy[str]:
    """One piece of invisible or broken text."""
    return st.sampled_from(JUNK)


@st.composite
def mojibake(draw: st.DrawFn, text: str) -> str:
    """``text`` encoded as UTF-8 and mis-decoded as cp1252, Latin-1 or cp1251 (when possible)."""
    codec = draw(st.sampled_from(["cp1252", "latin-1", "cp1251"]))
    try:
        return text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return text


#: The pieces of :data:`JUNK` that are line breaks (``repair.line_breaks`` makes them ``"\\n"``).
JUNK_BREAKS = frozenset(("\u2028", "\r", "\r\n"))


@st.composite
def scraped_text(draw: st.DrawFn, *, breaks_in_paragraphs: bool = True) -> str:
    """A document-like string: paragraphs joined by assorted line breaks, with junk sprinkled in.

    ``breaks_in_paragraphs=False``: the junk put inside a paragraph is never a line break.
    """
    paras = draw(bodies())
    seps = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n \n", "\n\n\n"])
    inner = (
        junk()
        if breaks_in_paragraphs
        else st.sampled_from([j for j in JUNK if j not in JUNK_BREAKS])
    )
    pieces: list[str] = []
    for p in paras:
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(p)))
            p = p[:cut] + draw(inner) + p[cut:]
        if draw(st.integers(0, 4)) == 0:
            p = draw(mojibake(p))
        pieces.append(p)
        pieces.append(draw(seps))
    return "".join(pieces)


def any_text() -> st.SearchStrategy[str]:
    """Anything a caller might pass as text, from arbitrary Unicode to document-like strings."""
    return st.one_of(
        st.text(),
        st.text(alphabet=st.characters(codec=None), max_size=300),
        scraped_text(),
        st.lists(st.one_of(junk(), st.sampled_from([".", "A", "a", " ", "\n"]))).map("".join),
    )

"""Hypothesis strategies for documents with metadata whose values are known in advance.

Each strategy draws a value and the text a scraper would have left for it, so that a test can
clean the text and compare. Alphabets are domain words, not arbitrary text.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from copydesk.article import Caption

from .strategies import overlapping

GIVEN = ["Jane", "John", "Ana", "Luis", "Yu", "Deng", "Maria", "Pedro", "Olga", "Ahmed", "Kofi"]
FAMILY = ["Roe", "Doe", "Ruiz", "Xi", "Xiaoci", "Silva", "Sanz", "Petrova", "Haddad", "Mensah"]
PARTICLES = ["van", "de", "da", "bin", "von"]
WORDS = [
    "port",
    "storm",
    "coast",
    "officials",
    "market",
    "river",
    "council",
    "budget",
    "plan",
    "city",
    "trade",
    "harbour",
    "weather",
    "ships",
    "workers",
    "prices",
    "week",
    "report",
]
TITLE_WORDS = [
    "Port",
    "Storm",
    "Council",
    "Budget",
    "River",
    "Trade",
    "Workers",
    "City",
    "Talks",
    "Closes",
    "Rises",
    "Falls",
    "Opens",
    "Plan",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AGENCIES = ["Anadolu Agency", "Reuters", "Xinhua", "Europa Press"]
WIRE_AGENCIES = ["Reuters", "AP", "AFP", "Xinhua", "HarbourNews"]
PLACES = ["PORTVILLE", "NORTH BAY, D.C.", "Lake Heights, Ohio", "Rio de Janeiro", "ПОРТОВСК"]
CATEGORIES = ["DIPLOMACY", "CHINA", "Economy", "Sport", "World"]  # fmt: skip


@st.composite
def person(draw: st.DrawFn) -> str:
    """A person's name, sometimes with a particle ("Ana de Silva")."""
    parts = [draw(st.sampled_from(GIVEN))]
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(PARTICLES)))
    parts.append(draw(st.sampled_from(FAMILY)))
    return " ".join(parts)


def authors() -> st.SearchStrategy[tuple[str, ...]]:
    """One to three distinct persons."""
    return st.lists(person(), min_size=1, max_size=3, unique=True).map(tuple)


def join_names(names: tuple[str, ...]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A plain prose sentence of 11 to 18 words (long enough to read as prose)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=10, max_size=17))
    return "The " + " ".join(words) + "."


def body() -> st.SearchStrategy[tuple[str, ...]]:
    """Two to five paragraphs of one to three sentences."""
    para = st.lists(sentence(), min_size=1, max_size=3).map(" ".join)
    # No paragraph repeats or contains another: strip.duplicates would rightly take it.
    return (
        st.lists(para, min_size=2, max_size=5, unique=True)
        .filter(lambda ps: not overlapping(ps))
        .map(tuple)
    )


def title() -> st.SearchStrategy[str]:
    """A short headline without final punctuation."""
    return st.lists(st.sampled_from(TITLE_WORDS), min_size=3, max_size=6).map(" ".join)


def days() -> st.SearchStrategy[dt.date]:
    """A plausible publication date."""
    return st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2024, 12, 31))


@st.composite
def written_date(draw: st.DrawFn) -> tuple[dt.date, str]:
    """A date and one way a page writes it."""
    day = draw(days())
    month = MONTHS[day.month - 1]
    forms = [
        day.isoformat(),
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"| {day.day} {month} {day.year}, {day.strftime('%A')} |",
        f"{day.year}年{day.month}月{day.day}日",
    ]
    return day, draw(st.sampled_from(forms))


@attrs.frozen
class Doc:
    """A generated document and the values hidden in it."""

    text: str
    body: tuple[str, ...]
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    source: str | None = None
    categories: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()


@st.composite
def header_doc(draw: st.DrawFn) -> Doc:
    """A scraper header block (keys in any order and case) above the body."""
    t, names, (day, _), paras = draw(title()), draw(authors()), draw(written_date()), draw(body())
    cats = tuple(draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=2, unique=True)))
    lines = [
        f"Published Time: {day.isoformat()}",
        f"Title: {t}",
        "; ".join(f"Category {n}: {c}" for n, c in enumerate(cats, 1)),
        f"Author: {join_names(names)}",
        f"Author title: {draw(st.sampled_from(['Author details not found', 'N/A', 'null', '-']))}",
    ]
    lines = draw(st.permutations(lines))
    if draw(st.booleans()):
        # keys in upper case and with doubled spaces: matched case- and space-insensitively
        lines = [
            "; ".join(f"{k.upper().replace(' ', '  ')}:{v}" for k, v in
                      (seg.split(":", 1) for seg in ln.split("; ")))
            for ln in lines
        ]  # fmt: skip
    text = "\n".join([*lines, "Text: ", *paras])
    return Doc(text, paras, t, names, day, None, cats)


@st.composite
def byline_doc(draw: st.DrawFn) -> Doc:
    """Title, byline, dateline, caption, paragraphs, agency credit and category footer.

    The byline is "By A, B and C" or a lone name with its family name in capitals; the
    caption's credit is piped or bracketed, and the headline may be glued after an agency
    credit ("<caption> | AP Photo <headline>").
    """
    t, names, paras = draw(title()), draw(authors()), draw(body())
    day, written = draw(written_date())
    agency = draw(st.sampled_from(AGENCIES))
    cat = draw(st.sampled_from(CATEGORIES))
    if draw(st.booleans()):
        opener = draw(st.sampled_from(["By", "By", "Text:", "Words:", "Von"]))
        # a job, a handle or nothing after the names ("By A, Senior Reporter", "By A @a")
        tail = draw(st.sampled_from(["", "", ", Senior Reporter", " @harbourdesk"]))
        line = f"{opener} {join_names(names)}{tail}"
    else:  # "Ana de SILVA"; "Jane XI" would read as a numeral, not a family name
        given, *family = draw(person().filter(lambda n: not n.endswith(" Xi"))).split()
        names = (" ".join([given, *family[:-1], family[-1].upper()]),)
        line = names[0]
    form = draw(st.sampled_from(["pipe", "bracket", "headline"]))
    if form == "pipe":
        cap = Caption(draw(title()), f"{draw(person())}/Getty Images")
        top = [t, f"{cap.text} | {cap.credit}"]
    elif form == "bracket":
        cap = Caption(draw(title()) + ".", f"{draw(person())}/The Harbour Post")
        top = [t, f"{cap.text} ({cap.credit})"]
    else:
        cap = Caption(draw(title()) + ".", draw(st.sampled_from(["AP Photo", "Getty Images"])))
        top = [f"{cap.text} | {cap.credit} {t}"]
    parts = [written, *top[:1], line, *top[1:], *paras]
    parts += [f"  • {agency}", f"Posted in: {cat}"]
    blank = draw(st.sampled_from(["\n", "\n\n"]))
    return Doc(blank.join(parts), paras, t, names, day, agency, (cat,), (cap,))


@st.composite
def wire_doc(draw: st.DrawFn) -> Doc:
    """A title, then a first paragraph opened by a wire dateline ("PORTVILLE (Reuters) - ")."""
    t, paras = draw(title()), draw(body())
    place = draw(st.none() | st.sampled_from(PLACES))
    form = draw(st.sampled_from(["bracket", "slash"]))
    if form == "bracket":
        agency = draw(st.sampled_from(WIRE_AGENCIES))
        # a joint credit of known agencies names the first ("PORTVILLE (AFP/dpa) - ")
        joint = agency + draw(st.sampled_from(["", "", "/dpa", "/AFP"]))
        joint = agency if joint in ("AFP/AFP", "HarbourNews/dpa", "HarbourNews/AFP") else joint
        dash = draw(st.sampled_from(["- ", "— ", "– ", "-- ", ""]))
        # a day after the place, its month written short ("PORTVILLE, Dec. 3 (Xinhua) -- ")
        day = draw(st.sampled_from(["", "", ", Dec. 3", ", Sept. 14"])) if place else ""
        head = f"{place}{day} ({joint}) {dash}" if place else f"({joint}) {dash}"
    else:  # "ПОРТОВСК, 9 августа. /ТАСС/. "
        agency, place = "ТАСС", place or "ПОРТОВСК"
        day = draw(st.integers(1, 28))
        head = f"{place}, {day} {draw(st.sampled_from(['мая', 'августа', 'янв']))}. /ТАСС/. "
    text = "\n\n".join([t, head + paras[0], *paras[1:]])
    meta = (("dateline", place),) if place else ()
    return Doc(text, paras, t, source=agency, metadata=meta)


SIGNATURES = ["Thu Hà", "Văn Đức", "Mỹ Hằng", "Hải Vân", "Анна Петрова"]


@st.composite
def stamp_doc(draw: st.DrawFn) -> Doc:
    """A stamp glued after the first paragraph ("… Jo Lee Updated Nov 2, 2022 | 01:36 PM
    IST"), or a date line at the top and a clock line at the end; and, sometimes, a
    signature glued after the last sentence ("… Thu Hà - Văn Đức")."""
    t, paras = draw(title()), list(draw(body()))
    day = draw(days())
    hour, minute = draw(st.integers(1, 12)), draw(st.integers(0, 59))
    names: tuple[str, ...] = ()
    if draw(st.booleans()):
        who = draw(person())
        names = (who,)
        stamp = f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year} | {hour:02}:{minute:02} PM IST"
        label = draw(st.sampled_from(["Updated", "Published", "Published on:"]))
        ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
        published: dt.date = dt.datetime.combine(day, dt.time(hour % 12 + 12, minute, tzinfo=ist))
        lines = [t, f"{paras[0]} {who} {label} {stamp}", *paras[1:]]
    else:
        published = dt.datetime.combine(day, dt.time(hour + 8, minute))
        lines = [day.isoformat(), t, *paras, f"{hour + 8:02}:{minute:02}"]
    signed = draw(st.lists(st.sampled_from(SIGNATURES), max_size=2, unique=True))
    if signed:
        last = lines.index(paras[-1])
        lines[last] = f"{paras[-1]} {' - '.join(signed)}"
        names = (*names, *signed)
    return Doc("\n\n".join(lines), tuple(paras), t, names, published)

"""Hypothesis strategies: article bodies in several languages with residue lines mixed in.

The hidden truth is the body: a test inserts residue at the top, in the middle and at the
bottom, cleans, and expects exactly the generated body back. All text here is invented.
"""

from __future__ import annotations

from hypothesis import strategies as st

#: Neutral words per script; none of them is a residue trigger.
WORDS = {
    "Latin": [
        "the",
        "council",
        "river",
        "bridge",
        "budget",
        "farmers",
        "harbour",
        "market",
        "winter",
        "school",
        "village",
        "minister",
        "road",
        "station",
        "museum",
        "report",
        "water",
        "energy",
        "train",
        "city",
        "north",
        "south",
        "island",
        "workers",
        "plan",
        "vote",
        "hospital",
        "prices",
        "weather",
        "forest",
        "coast",
        "talks",
    ],
    "Cyrillic": [
        "город",
        "река",
        "мост",
        "бюджет",
        "фермеры",
        "порт",
        "рынок",
        "зима",
        "школа",
        "деревня",
        "министр",
        "дорога",
        "станция",
        "музей",
        "доклад",
        "вода",
        "энергия",
        "поезд",
        "север",
        "юг",
        "остров",
        "план",
        "больница",
        "цены",
    ],
    "Arabic": [
        "المدينة",
        "النهر",
        "الجسر",
        "الميزانية",
        "المزارعون",
        "الميناء",
        "السوق",
        "الشتاء",
        "المدرسة",
        "القرية",
        "الوزير",
        "الطريق",
        "المحطة",
        "المتحف",
        "التقرير",
        "الماء",
        "الطاقة",
        "القطار",
        "الشمال",
        "الجنوب",
    ],
}
#: A distinct leading name per paragraph, so that no paragraph can contain another.
MARKERS = {
    "Latin": [f"Item{n}" for n in range(40)],
    "Cyrillic": [f"Пункт{n}" for n in range(40)],
    "Arabic": [f"البند{n}" for n in range(40)],
}

#: Residue that may sit anywhere: whole-line widgets, markers and labels.
ANYWHERE = (
    "Advertisement",
    "Advertising Advertising",
    "Story Continued Below",
    "Publicidade",
    "PUBLICIDAD",
    "Реклама",
    "إعلان",
    "Quảng cáo",
    "广告",
    "Anzeige",
    "Publicité",
    "blog comments powered by Disqus",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "12.4k SHARES SHARE THIS STORY",
    "880 SHARES Facebook Twitter",
    "Facebook Twitter Pinterest",
    "Read more: Flood defences to be rebuilt",
    "Leia também: Prefeitura anuncia obras",
    "Lee también: El puerto reabre mañana",
    "Читайте также: Мост откроют в мае",
    "Lire aussi : Le port rouvre",
    "Lesen Sie auch: Die Brücke ist offen",
    "Xem thêm: Giá xăng giảm",
    "相关阅读：城市新规",
    "اقرأ أيضا: افتتاح الجسر",
    "Subscribe to The Harbour Post for FREE",
    "{{^userSubscribed}} {{/userSubscribed}}",
    "[Ministers meet to discuss the new harbour]",
)
#: Residue that belongs at the edges of an article.
EDGES = (
    *ANYWHERE,
    "Comments",
    "Share this:",
    "Like this: Like Loading...",
    "Read More",
    "// انتهى //",
    "./.",
    "© 2020 Harbour Media Ltd. All rights reserved.",
    "Please leave us a comment below.",
    "The views expressed here are those of the author and do not necessarily reflect"
    " the views of the site.",
)
#: Short footers in another script than the body's, keyed by the body's script.
STRAY = {
    "Latin": ("рекомендовать другу", "поделиться с другом", "شارك الخبر"),
    "Cyrillic": ("recommend to a friend", "شارك الخبر"),
    "Arabic": ("рекомендовать другу", "send to a friend"),
}


@st.composite
def paragraph(draw: st.DrawFn, script: str, index: int) -> str:
    """One prose paragraph: a marker, 10-30 words, a full stop."""
    words = draw(st.lists(st.sampled_from(WORDS[script]), min_size=10, max_size=30))
    return f"{MARKERS[script][index]} {' '.join(words)}."


@st.composite
def bodies(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A body script and 4-10 prose paragraphs in it."""
    script = draw(st.sampled_from(sorted(WORDS)))
    n = draw(st.integers(min_value=4, max_value=10))
    return script, [draw(paragraph(script, i)) for i in range(n)]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A scraped document (text) and the body it hides (paragraphs, in order)."""
    script, body = draw(bodies())
    top = draw(st.lists(st.sampled_from(EDGES), max_size=3))
    bottom = draw(st.lists(st.sampled_from(EDGES), max_size=3))
    if draw(st.booleans()):
        bottom.append(draw(st.sampled_from(STRAY[script])))
    middle = draw(st.lists(st.sampled_from(ANYWHERE), max_size=2))
    lines = list(body)
    for item in middle:
        pos = draw(st.integers(min_value=1, max_value=len(lines) - 1))
        lines.insert(pos, item)
    blank = draw(st.sampled_from(["\n", "\n\n"]))
    return blank.join([*top, *lines, *bottom]), body

"""Hypothesis strategies for the field forms of issue 19, in four scripts.

Each strategy draws the values (authors, source, published, title) and writes them the way a
page of that script states them: credit lines ("Contact X at …", "X contributed to this
report.", "Reporting by X in …; Editing by Y", a closing bio), Chinese bylines ("文／X",
"〔記者X／台北報導〕…", "…（记者 X）", "（X、Y综合）"), republication credits ("Originally published on X",
"＊本文獲「X」授權轉載"), "CNN —" datelines, time stamps and headlines. Names, outlets and
words are invented here; no corpus text.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from .strategies import WORDS, overlapping
from .strategies_meta import GIVEN, Doc

#: The scripts every form is drawn in, and the language of the body text for each.
SCRIPTS = {"latin": "en", "cyrillic": "ru", "arabic": "ar", "cjk": "zh"}
FAMILY = ["Roe", "Lee", "Ruiz", "Mensah", "Haddad"]
NAMES = {
    "cyrillic": ["Анна Петрова", "Иван Смирнов", "Ольга Козлова", "Сергей Орлов"],
    "arabic": ["أحمد العرفج", "سارة الحربي", "ليلى حسن", "محمد القحطاني"],
    "cjk": ["王小明", "李大同", "杨湛菲", "陈美玲"],
}
OUTLETS = {
    "latin": ["The Harbour Times", "Coastline Weekly", "Riverside Post"],
    "cyrillic": ["Портовые вести", "Речной курьер"],
    "arabic": ["صحيفة الميناء", "أخبار الساحل"],
    "cjk": ["端傳媒", "港口日報", "海岸新聞"],
}
PLACES = {"latin": "Portville", "cyrillic": "Москве", "arabic": "الرياض", "cjk": "台北"}
#: A closing bio per script: "<name> is a columnist with <outlet>."
BIOS = {
    "latin": "{name} is a columnist with {outlet}.",
    "latin_de": "{name} ist Redakteurin bei {outlet}.",
    "cyrillic": "{name} является обозревателем издания {outlet}.",
    "arabic": "{name} هو كاتب صحفي في {outlet}.",
}
#: A job after a person's name on a line of its own ("Jane Roe, Senior Reporter").
ROLES = {"latin": "Senior Reporter", "cyrillic": "корреспондент"}
#: A republication credit per script.
REPUBLISHED = {
    "latin": [
        "Originally published on {outlet}.",
        "This story first appeared in {outlet}.",
        "— With files from {outlet}",
        "Dieser Artikel erschien zuerst bei {outlet}.",
    ],
    "cyrillic": ["Впервые опубликовано в {outlet}."],
    "arabic": ["نشر في الأصل على {outlet}."],
    "cjk": [
        "＊本文獲「{outlet}」授權轉載",
        "此篇文章由「{outlet}」最初發表於網站",
        "本文转载自{outlet}",
        "（转自：{outlet}）",
        "（本文来自微信公众号“{outlet}”）",
        "文章来源：{outlet}",
    ],
}


#: News agencies a copyright line closing the text may name, per script.
COPYRIGHT_AGENCIES = {
    "latin": ["Reuters", "Anadolu Agency"],
    "cyrillic": ["ТАСС", "Интерфакс"],
    "arabic": ["واس"],
    "cjk": ["新华社", "共同"],
}


def names(script: str) -> st.SearchStrategy[tuple[str, ...]]:
    """One or two distinct persons of ``script``."""
    if script == "latin":
        one = st.builds(lambda g, f: f"{g} {f}", st.sampled_from(GIVEN), st.sampled_from(FAMILY))
    else:
        one = st.sampled_from(NAMES[script])
    return st.lists(one, min_size=1, max_size=2, unique=True).map(tuple)


def joined(people: tuple[str, ...], script: str) -> str:
    """ "A and B" (Latin and Cyrillic frames are English), "A、B" in CJK."""
    return "、".join(people) if script == "cjk" else " and ".join(people)


@st.composite
def prose(draw: st.DrawFn, script: str, *, short: bool = False) -> tuple[str, ...]:
    """Two to four paragraphs of long sentences in the script's language; ``short`` CJK
    paragraphs are one sentence of 26 to 49 characters, as short ledes are written."""
    lang = SCRIPTS[script]
    sentence = st.lists(st.sampled_from(WORDS[lang]), min_size=10, max_size=14, unique=False)
    if script == "cjk" and short:
        para = (
            st.lists(st.sampled_from(WORDS[lang]), min_size=13, max_size=20)
            .map(lambda ws: "".join(ws) + "。")
            .filter(lambda s: 26 <= len(s) < 50)
        )
    elif script == "cjk":  # denser script: more sentences make a paragraph read as prose
        para = st.lists(sentence.map("".join), min_size=3, max_size=4).map(
            lambda ss: "。".join(ss) + "。"
        )
    else:
        para = st.lists(
            sentence.map(lambda ws: " ".join(ws).capitalize() + "."), min_size=2, max_size=3
        ).map(" ".join)
    # no paragraph contains another: strip.duplicates would rightly take it
    paras = draw(
        st.lists(para, min_size=2, max_size=4, unique=True).filter(lambda ps: not overlapping(ps))
    )
    return tuple(paras)


@st.composite
def credit_doc(draw: st.DrawFn) -> Doc:
    """A story whose authors or source are stated only in a credit line, in any script."""
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    paras = list(draw(prose(script)))
    body = list(paras)
    people = draw(names(script))
    outlet = draw(st.sampled_from(OUTLETS[script]))
    forms = ["contact", "contributed", "roles", "republished", "signed", "copyright"]
    forms += ["bio"] if script in BIOS else []
    forms += ["cjk_label", "cjk_opening", "cjk_glued", "cjk_agency", "cjk_composite"] * (
        script == "cjk"
    )
    form = draw(st.sampled_from(forms))
    authors: tuple[str, ...] = people
    source: str | None = None
    lines = list(paras)
    if form == "contact":
        lines.append(f"Contact {joined(people, script)} at desk@example.com.")
    elif form == "contributed":
        lines.append(f"{joined(people, script)} contributed to this report.")
    elif form == "roles":
        editor = draw(st.sampled_from(GIVEN)) + " Mensah"
        roles = f"Reporting by {joined(people, script)} in {PLACES[script]}; Editing by {editor}"
        shape = draw(st.sampled_from(["line", "bracketed", "glued"]))
        if shape == "line":
            lines.append(roles)
        elif shape == "bracketed":
            lines.append(f"({roles})")
        elif script != "cjk":  # a bracketed credit glued after the last sentence
            lines[-1] = f"{paras[-1]} ({roles})"
        else:
            lines[-1] = f"{paras[-1]}({roles})"
    elif form == "signed":  # one person signing after the text, or a name and an address
        authors = people[:1]
        if script == "cjk":
            # "本报记者 X" above the text; "（记者 X）" under it; "<outlet>记者 X" names the
            # outlet whose reporter signs
            sign = draw(st.sampled_from(["ours", "bracketed", "outlet"]))
            if sign == "ours":
                lines.insert(0, f"本报记者 {people[0]}")
            elif sign == "bracketed":
                lines.append(f"（记者 {people[0]}）")
            else:
                source = draw(st.sampled_from(["新华社", "港口日报", "海岸新闻"]))
                lines.insert(0, f"{source}记者 {people[0]}")
        elif script == "latin" and draw(st.booleans()):
            # a Turkish reporter's signature: the place in capitals after a slash
            place = draw(st.sampled_from(["İSTANBUL", "ANKARA", "PORTVILLE"]))
            agency = draw(st.sampled_from(["", " - DHA", ", (İHA)"]))
            lines.append(f"{people[0]} / {place}{agency}")
            source = agency.strip(" -,()") or None
        else:
            signs = [f"— {people[0]}", f"{people[0]}, desk@example.com"]
            signs += (
                [f"{people[0]}{sep}{ROLES[script]}" for sep in (", ", " — ", " - ")]
                if script in ROLES
                else []
            )
            signs += [f"— {people[0]}, {outlet}"] if script == "latin" else []  # and the outlet
            sign = draw(st.sampled_from(signs))
            lines.append(sign)
            source = outlet if sign.endswith(outlet) else None
    elif form == "bio":
        authors = people[:1]
        key = draw(st.sampled_from(["latin", "latin_de"])) if script == "latin" else script
        lines.append(BIOS[key].format(name=people[0], outlet=outlet))
    elif form == "copyright":  # "© 2024 Reuters" closing the text: the agency owns it
        authors = ()
        source = draw(st.sampled_from(COPYRIGHT_AGENCIES[script]))
        year = draw(st.integers(2005, 2030))
        lines.append(draw(st.sampled_from([f"© {year} {source}", f"Copyright {year} {source}."])))
    elif form == "republished":
        authors = ()
        source = outlet
        lines.append(draw(st.sampled_from(REPUBLISHED[script])).format(outlet=outlet))
    elif form == "cjk_label":
        label = draw(st.sampled_from(["文／", "圖、文：", "作者：", "撰文｜", "文＝"]))
        if draw(st.booleans()):
            photo = draw(st.sampled_from(["", "　攝影／李大同", " 圖／李大同"]))
            lines.insert(0, label + "、".join(people) + (photo if label == "文／" else ""))
        else:  # in brackets under the text: "（文＝山田太郎）"
            lines.append(f"（{label}{'、'.join(people)}）")
    elif form == "cjk_opening":  # the reporter's rank may stand before "記者"
        rank = draw(st.sampled_from(["", "資深", "實習", "特約", "駐地"]))
        credit = f"{rank}記者{'、'.join(people)}／{PLACES[script]}報導"
        if draw(st.booleans()):  # in brackets opening the lede, which stays
            lines[0] = f"〔{credit}〕" + paras[0]
        else:  # a line of its own above the text
            lines.insert(0, credit)
    elif form == "cjk_agency":  # an agency glued after the last sentence
        authors = ()
        source = draw(st.sampled_from(["共同", "新华社", "中央社"]))
        lines[-1] = paras[-1] + f"（{source}）"
    elif form == "cjk_composite":  # "（X、Y综合）": the outlets a story was compiled from
        authors = ()
        outlets = draw(
            st.lists(st.sampled_from(OUTLETS[script]), min_size=1, max_size=2, unique=True)
        )
        source = "、".join(outlets)
        shapes = [f"（{source}综合）", f"（综合自{source}）", f"（{source}综合报道）"]
        shapes += [f"{source}综合）", f"{source}综合"] if len(outlets) > 1 else []
        lines.append(draw(st.sampled_from(shapes)))
    else:  # cjk_glued
        lines[-1] = paras[-1] + f"（记者 {' '.join(people)}）"
    blank = draw(st.sampled_from(["\n", "\n\n"]))
    return Doc(blank.join(lines), tuple(body), None, authors, None, source)


ACRONYMS = {
    "latin": ["CNN", "NPR", "HTV", "HTV Business", "NPR News"],
    "cyrillic": ["РБК", "НТВ"],
}


#: Places a dateline may name before the outlet's acronym.
DATELINE_PLACES = {"latin": ["Portville", "Lake City"], "cyrillic": ["Портовск"]}


@st.composite
def outlet_dateline_doc(draw: st.DrawFn) -> Doc:
    """A story opened by an outlet's acronym and a dash ("CNN — The port…"), a place
    before it or not, on the lede's line or on lines of their own ("Lake City", "CNN", "—")."""
    script = draw(st.sampled_from(sorted(ACRONYMS)))
    paras = draw(prose(script))
    acronym = draw(st.sampled_from(ACRONYMS[script]))
    dash = draw(st.sampled_from(["—", "–"]))
    place = draw(st.none() | st.sampled_from(DATELINE_PLACES[script]))
    head = [place, acronym] if place else [acronym]
    if draw(st.booleans()):
        lines = [*head, f" {dash} ", *paras]
        text = "\n".join(lines[: -len(paras) + 1]) + "\n" + "\n\n".join(paras[1:])
    else:
        text = "\n\n".join([f"{' '.join(head)} {dash} {paras[0]}", *paras[1:]])
    return Doc(text, paras, source=acronym)


@st.composite
def stamp_line_doc(draw: st.DrawFn) -> Doc:
    """A time stamp alone on one of the first or last lines, in a form of issue 19."""
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    paras = draw(prose(script))
    day = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2024, 12, 28)))
    hour, minute = draw(st.integers(1, 12)), draw(st.integers(0, 59))
    month = day.strftime("%B")
    forms = [
        (f"{day.year}/{day.month:02}/{day.day:02} {hour + 6:02}:{minute:02}", hour + 6),
        (f"Published: {day.year}/{day.month}/{day.day} {hour}:{minute:02}:07", hour),
        (f"Updated {hour}:{minute:02} PM, {day.strftime('%a')} {month} {day.day}, {day.year}",
         hour % 12 + 12),
        # notes after the stamp: the clock, "Updated 2 hours ago", a reading time
        (f"{month} {day.day}, {day.year} / {hour}:{minute:02} PM / Updated {hour} hours ago",
         hour % 12 + 12),
    ]  # fmt: skip
    if script == "latin":  # Turkish and German stamps
        forms += [
            (f"Giriş: {day.day:02}.{day.month:02}.{day.year} {hour + 6:02}:{minute:02}", hour + 6),
            (
                f"Di {day.day:02}.{day.month:02}.{day.year} | {hour + 6:02}:{minute:02} Uhr",
                hour + 6,
            ),
        ]
    if script == "cjk":
        forms.append(
            (
                f"發布時間：{day.year}/{day.month:02}/{day.day:02} {hour + 6:02}:{minute:02}",
                hour + 6,
            )
        )
    n = draw(st.integers(0, len(forms) - 1))
    stamp, at = forms[n]
    published = dt.datetime.combine(day, dt.time(at, minute, 7 if n == 1 else 0))
    top = draw(st.booleans())
    lines = [stamp, *paras] if top else [*paras, stamp]
    return Doc("\n\n".join(lines), paras, published=published)


HEADLINES = {
    "latin": ["Storm Closes The Harbour Port", "Council Budget Talks Collapse Again"],
    "cyrillic": ["Шторм закрыл порт", "Совет принял новый бюджет"],
    "arabic": ["الحكومة تعلن خطة جديدة", "الوزير يزور المنطقة"],
    "cjk": ["港口因风暴关闭", "政府公布新政策"],
}
#: Headline endings a page may use, per script: Latin ones only on title-case headlines.
ENDINGS = {
    "latin": ["", "!", "?", " ..."],  # " ...": a headline the page cut short
    "cyrillic": ["", " …"],
    "arabic": ["", "؟"],
    "cjk": ["", "？", "！"],
}


#: Headlines in sentence case ending with "?" or "!", which only a sign around them makes
#: headlines: a topic before a colon, or a byline below.
QUESTIONS = {
    "latin": ["Was bedeutet der Sturm für den Hafen?", "Liman ne zaman açılacak?",
              "Der Hafen bleibt zu!"],
    "cyrillic": ["Когда откроют порт?"],
}  # fmt: skip
BYLINE_OPENERS = ["By", "Von", "Yazar:"]
#: Sign-in and subscription prompts of a paywalled page, around its headline.
PROMPTS = ["Subscribe", "Sign in", "Subscribe now", "Log in"]
TOPICS = {"latin": "Sturm in Portville", "cyrillic": "Шторм в Портовске"}


@st.composite
def headline_doc(draw: st.DrawFn) -> Doc:
    """A headline above prose, with a share widget or a page title ("Headline | Site") above
    it (sign-in prompts may stand around the repeated headline), or ending with "!" or "?";
    the page title gives the source."""
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    paras = draw(prose(script, short=draw(st.booleans())))
    headline = draw(st.sampled_from(HEADLINES[script])) + draw(st.sampled_from(ENDINGS[script]))
    if script == "cjk" and draw(st.booleans()):
        headline = draw(st.sampled_from(["【独家】", "【港口数据】", "「快讯」"])) + headline
    site = draw(st.sampled_from(OUTLETS[script]))
    forms = ["plain", "widget", "page_title"]
    forms += ["question"] if script in QUESTIONS else []
    forms += ["paywall"] if script == "latin" else []
    form = draw(st.sampled_from(forms))
    source = None
    if form == "question":  # sentence case: a byline below it, or a topic before a colon
        question = draw(st.sampled_from(QUESTIONS[script]))
        if draw(st.booleans()):
            person = draw(names(script))[0]
            byline = f"{draw(st.sampled_from(BYLINE_OPENERS))} {person}"
            text = "\n\n".join([question, byline, *paras])
            return Doc(text, tuple(paras), question, (person,))
        topic = f"{TOPICS[script]}: {question}"
        return Doc("\n\n".join([topic, *paras]), tuple(paras), topic)
    if form == "plain":
        lines = [headline, *paras]
    elif form == "widget":
        lines = [draw(st.sampled_from(["Share Facebook", "Tweet Email", "Share | Print"])),
                 headline, *paras]  # fmt: skip
    elif form == "paywall":  # the page title's headline again, amid sign-in prompts
        sep = draw(st.sampled_from([" | ", " - ", " — "]))
        above = draw(st.lists(st.sampled_from(PROMPTS), min_size=1, max_size=2, unique=True))
        below = draw(st.lists(st.sampled_from(PROMPTS), min_size=1, max_size=2, unique=True))
        lines = [f"{headline}{sep}{site}", *above, headline, *below, *paras]
        source = site
    else:
        sep = "-" if script == "cjk" else draw(st.sampled_from([" | ", " - "]))
        lines = [f"{headline}{sep}{site}", headline, *paras]
        source = site
    return Doc("\n\n".join(lines), tuple(paras), headline, source=source)


#: Labels of a meta line's parts, per script: (source, author).
META_LABELS = {
    "latin": ("Source: ", "Author: "),
    "cyrillic": ("Источник: ", "Автор: "),
    "arabic": ("المصدر: ", "الكاتب: "),
    "cjk": ("來源：", "作者："),
}


@st.composite
def meta_line_doc(draw: st.DrawFn) -> Doc:
    """A meta line of labelled parts at the top or the foot ("2023-08-22 18:58 來源：X 作者：Y"),
    or a blog's "Posted on <date> by <name>" line, whose date may be lost."""
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    paras = draw(prose(script))
    day = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2024, 12, 28)))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    published: dt.date | None = dt.datetime.combine(day, dt.time(hour, minute))
    stamp = f"{day.year}-{day.month:02}-{day.day:02} {hour:02}:{minute:02}"
    if script == "latin" and draw(st.booleans()):
        who = draw(st.sampled_from([*GIVEN])) + " Roe"
        handle = draw(st.booleans())
        name = who.replace(" ", "").lower() if handle else who
        dated = draw(st.booleans())
        line = f"Posted on {day.strftime('%B')} {day.day}, {day.year} by {name}"
        line = line if dated else f"Posted on by {name}"
        published = day if dated else None
        authors: tuple[str, ...] = (name,)
        source = None
    elif script == "cjk" and draw(st.booleans()):  # a stamp and an outlet, no labels
        source = draw(st.sampled_from(["港口日報", "海岸新聞", "港口网", "共同"]))
        authors = ()
        line = draw(st.sampled_from([f"{stamp} {source}", f"{source} {stamp}"]))
    else:
        source_label, author_label = META_LABELS[script]
        source = draw(st.sampled_from(OUTLETS[script]))
        authors = draw(names(script))[:1]
        sep = draw(st.sampled_from([" ", " | "]))
        parts = [stamp, f"{source_label}{source}"]
        if draw(st.booleans()):
            parts.append(f"{author_label}{authors[0]}")
        else:
            authors = ()
        line = sep.join(parts)
    top = draw(st.booleans())
    lines = [line, *paras] if top else [*paras, line]
    return Doc("\n\n".join(lines), paras, None, authors, published, source)


#: Headlines of four words and more, above a byline of a name alone.
LONG_HEADLINES = {
    "latin": ["Storm Closes The Harbour Port", "Council Budget Talks Collapse Again"],
    "cyrillic": ["Шторм закрыл старый порт города", "Совет принял новый бюджет района"],
    "arabic": ["الحكومة تعلن خطة جديدة للمزارعين", "الوزير يزور المنطقة الشرقية اليوم"],
}
#: Places a Turkish or Russian page writes before the reporter's name ("İstanbul - X").
NAME_PLACES = {"latin": ["İstanbul", "ANKARA", "Portville"], "cyrillic": ["Москва", "ПОРТОВСК"]}


@st.composite
def name_line_doc(draw: st.DrawFn) -> Doc:
    """A headline, then a byline of a name alone ("Jane Roe"), with its handle ("Jane Roe
    @janeroe", "Jane Roe | @jroe") or after the reporter's place ("İstanbul - Ayşe Kaya"),
    then the lede. A bare name is read only in scripts with capitals; in Arabic the name
    needs its handle. (CJK bylines name the reporter in the forms of ``credit_doc``.)"""
    script = draw(st.sampled_from(sorted(LONG_HEADLINES)))
    paras = draw(prose(script))
    headline = draw(st.sampled_from(LONG_HEADLINES[script]))
    person = draw(names(script))[0]
    forms = ["handle"] + (["bare", "place"] if script in NAME_PLACES else [])
    form = draw(st.sampled_from(forms))
    if form == "bare":
        line = person
    elif form == "place":  # the place first, or after the name in capitals
        place, dash = draw(st.sampled_from(NAME_PLACES[script])), draw(st.sampled_from("-–"))
        forward = draw(st.booleans())
        line = f"{place} {dash} {person}" if forward else f"{person} {dash} {place.upper()}"
    else:
        handle = draw(st.sampled_from(["harbourdesk", "jroe", "port.news"]))
        line = f"{person}{draw(st.sampled_from([' ', ' | ']))}@{handle}"
    blank = draw(st.sampled_from(["\n", "\n\n"]))
    return Doc(blank.join([headline, line, *paras]), paras, headline, (person,))


#: Japanese sentences for a story under a portal's stamp; "{year}" names the year.
JA_SENTENCES = [
    "港湾局は月曜日、嵐のため旧港を閉鎖すると発表した。",
    "修理の費用はまだ決まっていないという。",
    "船舶は北の港に移され、作業員が損傷した桟橋を点検した。",
    "市議会は来週、予算案について再び協議する予定だ。",
]
JA_OUTLETS = ["港湾新聞オンライン", "海岸テレビNEWS", "港町通信"]


@st.composite
def yearless_stamp_doc(draw: st.DrawFn) -> Doc:
    """A Japanese portal's stamp without a year under the headline ("12/3(火) 18:05配信"),
    the outlet after it on its line or the next; the story names the year, and sometimes
    another year whose calendar does not fit the weekday. Without a named year that fits,
    no date is read."""
    day = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2030, 12, 28)))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    weekday = "月火水木金土日"[day.weekday()]
    written = draw(
        st.sampled_from(
            [
                f"{day.month}/{day.day}({weekday}) {hour:02}:{minute:02}",
                f"{day.month}月{day.day}日（{weekday}）{hour}時{minute:02}分",
            ]
        )
    )
    outlet = draw(st.none() | st.sampled_from(JA_OUTLETS))
    year_named = draw(st.booleans())
    other = day.year - 1  # never the same weekday on the same day as the year after it
    sentences = draw(st.permutations(JA_SENTENCES))
    years = [f"{day.year}年の予算で修理される見込みだ。"] if year_named else []
    if draw(st.booleans()):
        years.append(f"{other}年にも同じ嵐があった。")
    paras = ("".join(sentences[:2]) + "".join(years), "".join(sentences[2:]))
    head = ["港が嵐で閉鎖された理由"]
    if outlet is None:
        head.append(written + draw(st.sampled_from(["", "配信", "更新"])))
    elif draw(st.booleans()):
        head.append(f"{written}配信 {outlet}")
    else:
        head += [f"{written}配信", outlet]
    published = dt.datetime.combine(day, dt.time(hour, minute)) if year_named else None
    return Doc("\n".join([*head, *paras]), paras, head[0], published=published, source=outlet)


#: Sentence-case headlines and the ledes glued after them, per language with articles that
#: open a sentence (Cyrillic, Arabic and CJK text has no such capitalised article).
GLUED = {
    "en": (
        ["Harbour board seeks deal on port repairs", "Portville council delays vote on budget"],
        ["The board said the cost of the work had not been settled.",
         "A total of 40 boats were moved to the north harbour this week."],
    ),
    "pt": (
        ["Conselho do porto busca acordo sobre reparos"],
        ["O conselho disse que o custo da obra ainda não foi definido."],
    ),
    "de": (
        ["Hafenrat sucht Einigung über teure Reparaturen"],
        ["Der Rat sagte, die Kosten der Arbeiten seien noch offen."],
    ),
}  # fmt: skip


@st.composite
def glued_headline_doc(draw: st.DrawFn) -> Doc:
    """A sentence-case headline glued to the lede on the first line ("… port repairs The
    board said …"), sometimes after a photo agency's credit ("AP Photo …")."""
    lang = draw(st.sampled_from(sorted(GLUED)))
    heads, ledes = GLUED[lang]
    headline, lede = draw(st.sampled_from(heads)), draw(st.sampled_from(ledes))
    paras = draw(prose("latin"))
    credit = draw(st.sampled_from(["", "", "AP Photo ", "Getty Images "]))
    text = "\n\n".join([f"{credit}{headline} {lede}", *paras])
    return Doc(text, (lede, *paras), headline)


#: Intro lines above a reposted story, per script with capitals: "{outlet}" is the source.
INTROS = {
    "latin": ["According to {outlet}:", "As reported by {outlet}…", "Según {outlet}:"],
    "cyrillic": ["Согласно {outlet}:", "По данным {outlet}:"],
    "cjk": ["据{outlet}报道：", "根据{outlet}统计数据——", "據{outlet}報導，"],
}
#: Outlets written in capitals, as intro lines name them.
INTRO_OUTLETS = {
    "latin": ["The Harbour Times", "Coastline Weekly", "Voice of the Harbour"],
    "cyrillic": ["Портовые Вести", "Речной Курьер"],
    "cjk": ["港口日报", "海岸新闻", "港湾研究院"],
}


@st.composite
def intro_doc(draw: st.DrawFn) -> Doc:
    """A reposted story under a line naming its outlet ("According to The Harbour Times:",
    "据港口日报报道："). (Arabic pages say it inside the sentence.)"""
    script = draw(st.sampled_from(sorted(INTROS)))
    paras = draw(prose(script))
    outlet = draw(st.sampled_from(INTRO_OUTLETS[script]))
    intro = draw(st.sampled_from(INTROS[script])).format(outlet=outlet)
    text = "\n\n".join([intro, *paras])
    return Doc(text, paras, source=outlet)


#: Navigation and lists of other stories above a headline deep in a page, per script.
NAV_LINES = {
    "latin": ["Advanced search", "Latest top stories", "Harbour fees rise again", "Events"],
    "cyrillic": ["Расширенный поиск", "Главные новости", "Тарифы порта снова растут"],
}


@st.composite
def deep_headline_doc(draw: st.DrawFn) -> Doc:
    """A page title at the top ("Headline | Site"), navigation, then the headline with its
    stamp and the author's name beside it (either order), the story, and a dated list of
    events at the foot, whose date is not the story's."""
    script = draw(st.sampled_from(sorted(NAV_LINES)))
    paras = draw(prose(script))
    headline = draw(st.sampled_from(HEADLINES[script]))
    site = draw(st.sampled_from(OUTLETS[script]))
    person = draw(names(script))[0]
    day = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2024, 12, 28)))
    stamp = f"{day.strftime('%b')} {day.day}, {day.year}"
    nav = draw(st.permutations(NAV_LINES[script]))
    under = [stamp, person] if draw(st.booleans()) else [person, stamp]
    lines = [f"{headline} | {site}", *nav, "Upcoming", headline, *under, *paras, "Events"]
    lines.append("Sep 17, 2030")
    return Doc("\n".join(lines), paras, headline, (person,), day, site)


#: Author labels a header line may hold after its teaser, per script with capitals.
GLUED_LABELS = {"latin": ["Author:", "Autorin:", "Yazar:"], "cyrillic": ["Автор:"]}
TEASERS = {
    "latin": "Harbour tariffs and what they cost the port (report)",
    "cyrillic": "Портовые сборы и их цена для города (доклад)",
}


@st.composite
def glued_author_doc(draw: st.DrawFn) -> Doc:
    """A teaser line under the headline with the author's label glued after it ("… (report)
    Author: Jane Roe, Senior Reporter"): the teaser stays in the body."""
    script = draw(st.sampled_from(sorted(GLUED_LABELS)))
    paras = draw(prose(script))
    headline = draw(st.sampled_from(LONG_HEADLINES[script]))
    person = draw(names(script))[0]
    label = draw(st.sampled_from(GLUED_LABELS[script]))
    job = draw(st.sampled_from(["", ", Senior Reporter and", " | 3 min"]))
    teaser = TEASERS[script]
    text = "\n\n".join([headline, f"{teaser} {label} {person}{job}", *paras])
    return Doc(text, (teaser, *paras), headline, (person,))


#: Outlets credited inside a sentence, per script, with the value the source takes.
REPORTING_OUTLETS = {
    "latin": ["Harbour Times", "Reuters", "Coastline Daily News", "BBC"],
    "cjk": ["港口日报", "海岸新闻", "新华社"],
}
#: Credits inside a sentence that cover the story: the outlet supplied it or its own reporter
#: gathered it. "{s}" is the sentence without its stop (or its first letter lowered), "{o}"
#: the outlet. Forms marked "^" count only in the lede ("据X报道，…" as a wire credit).
REPORTED_FORMS = {
    "latin": [
        "{s}. As informações são do {o}.",
        "{o} muhabirine konuşan yetkili, {l}.",
    ],
    "cjk": ["^据{o}报道，{s}。", "^{s}，{o}记者了解到。"],  # (the reporter's: first lines)
    "ja": ["^{o}によると、{s}。"],
}
#: Citations of one fact: the story cites the outlet, it does not come from it. No source.
CITED_FORMS = {
    "latin": [
        "{s}, {o} reported.",
        "According to {o}, {l}.",
        "{s}, laut {o}.",
        "{s}, berichtete die Nachrichtenagentur {o}.",
        "Según {o}, {l}.",
        "{o}'nin haberine göre {l}.",
        "According to a {o}/Siena poll, {l}.",
        "Selon {o}, {l}.",
        "{s}, rapporte {o}.",
        "Secondo quanto riferisce {o}, {l}.",
    ],
    "cjk": ["{s}，据{o}报道。"],
    "ja": ["{s}と{o}が報じた。"],
}
JA_OUTLETS = ["共同通信", "海岸テレビ", "港湾新聞"]


@st.composite
def reported_doc(draw: st.DrawFn) -> Doc:
    """A story whose source is credited only inside a sentence of its lede or its last
    paragraph ("…, Harbour Times reported.", "据港口日报报道，…", "共同通信によると、…"): the
    source is read and every paragraph stays whole."""
    script = draw(st.sampled_from(["latin", "cjk", "ja"]))
    paras = list(draw(prose("cjk" if script == "ja" else script)))
    outlet = draw(st.sampled_from(JA_OUTLETS if script == "ja" else REPORTING_OUTLETS[script]))
    form = draw(st.sampled_from(REPORTED_FORMS[script]))
    at = 0 if form.startswith("^") else draw(st.sampled_from([0, len(paras) - 1]))
    sentence = paras[at].rstrip("。.")
    lowered = sentence[:1].lower() + sentence[1:]
    paras[at] = form.lstrip("^").format(s=sentence, l=lowered, o=outlet)
    return Doc("\n\n".join(paras), tuple(paras), source=outlet)


@st.composite
def cited_doc(draw: st.DrawFn) -> Doc:
    """A story citing an outlet for one fact, in any paragraph ("…, Reuters reported",
    "according to the Harbour Times", "…，据港口日报报道。"): no source, every paragraph whole."""
    script = draw(st.sampled_from(["latin", "cjk", "ja"]))
    paras = list(draw(prose("cjk" if script == "ja" else script)))
    outlet = draw(st.sampled_from(JA_OUTLETS if script == "ja" else REPORTING_OUTLETS[script]))
    form = draw(st.sampled_from(CITED_FORMS[script]))
    at = draw(st.integers(0, len(paras) - 1))
    sentence = paras[at].rstrip("。.")
    lowered = sentence[:1].lower() + sentence[1:]
    paras[at] = form.format(s=sentence, l=lowered, o=outlet)
    return Doc("\n\n".join(paras), tuple(paras))


#: Outlets that open a story on a line of their own or in brackets, per script.
OPENING_OUTLETS = {
    "latin": ["Harbour Times", "Coastline Daily News", "HARBOUR TIMES", "Riverside Wire"],
    "arabic": ["صحيفة الميناء", "عين الساحل", "أخبار الميناء"],
}


@st.composite
def outlet_line_doc(draw: st.DrawFn) -> Doc:
    """A story opened by its outlet: an "Outlet – City" dateline line above the lede, a line
    introducing it ("Riverside Wire says…"), or the outlet in brackets opening the lede
    ("(HARBOUR TIMES) The port…"). The first two leave the body; the bracket is cut from the
    lede, which stays."""
    script = draw(st.sampled_from(sorted(OPENING_OUTLETS)))
    paras = list(draw(prose(script)))
    outlet = draw(st.sampled_from(OPENING_OUTLETS[script]))
    forms = ["dateline"] + (["says", "opening"] if script == "latin" else [])
    form = draw(st.sampled_from(forms))
    if form == "dateline":
        # (an outlet in capitals before a dash opens a wire dateline: "CNN — The port…")
        outlet = outlet.title() if outlet.isupper() else outlet
        dash = draw(st.sampled_from(["–", "—", "-"]))
        lines = [f"{outlet} {dash} {PLACES[script]}", *paras]
    elif form == "says":
        lines = [f"{outlet} says…", *paras]
    else:
        lines = [f"({outlet}) {paras[0]}", *paras[1:]]
    return Doc("\n\n".join(lines), tuple(paras), source=outlet)


#: Outlets a Chinese credit label names instead of a person ("圖、文／CTWANT"): a Latin brand
#: or a Han name ending as an outlet's does.
LABEL_OUTLETS = ["CTWANT", "ETtoday", "永續新聞網", "港口日報", "海岸時報", "聯合報", "海岸新闻网"]
#: Desks a Taiwanese credit names ("財經中心／綜合報導").
DESKS = ["財經中心", "國際中心", "生活中心", "娛樂中心"]


@st.composite
def cjk_outlet_label_doc(draw: st.DrawFn) -> Doc:
    """A Chinese story opened by a credit label naming an outlet ("圖、文／CTWANT", "文／永續
    新聞網") or by a desk's composite report ("財經中心／綜合報導"): the source. A person
    after the label or the desk ("文／王小明", "生活中心／王小明報導") is the author. The line
    leaves the body."""
    paras = list(draw(prose("cjk")))
    form = draw(st.sampled_from(["outlet", "person", "desk", "desk_person"]))
    label = draw(st.sampled_from(["文／", "圖、文／", "圖、文：", "撰文｜", "作者："]))
    person = draw(st.sampled_from(NAMES["cjk"]))
    desk = draw(st.sampled_from(DESKS))
    authors: tuple[str, ...] = ()
    source = None
    if form == "outlet":
        source = draw(st.sampled_from(LABEL_OUTLETS))
        line = label + source
    elif form == "person":
        line, authors = label + person, (person,)
    elif form == "desk":
        line = source = f"{desk}／{draw(st.sampled_from(['綜合報導', '综合报道']))}"
    else:
        line, authors = f"{desk}／{person}報導", (person,)
    return Doc("\n".join([line, *paras]), tuple(paras), None, authors, None, source)


#: Outlets a Russian story credits: agencies of the lexicon, a name after "ИА", a Latin one.
RU_OUTLETS = ["ТАСС", "РИА Новости", "Интерфакс", "ИА «Портовые вести»", "Reuters"]
#: Russian wire credits in the story's first lines: "{f}" is the lede's first sentence
#: without its stop, "{r}" the rest of the paragraph, "{s}" and "{l}" as in REPORTED_FORMS.
#: Forms marked "^" count in the lede only.
RU_CREDIT_FORMS = [
    "Как передает {o}, {l}.",
    "Как сообщает {o}, {l}.",
    "{s}. Об этом сообщает {o}.",
    "{s}, передает корреспондент {o}.",
    "^По данным {o}, {l}.",
    "^{f}, сообщает {o}. {r}",
    "Як передає {o}, {l}.",
    "{s}. Про це повідомляє {o}.",
    "^За даними {o}, {l}.",
]
#: Look-alikes that give no source: a common noun or a company after "как передает", an
#: authority after "по данным", a person's word, and a lede-only form further down.
RU_LOOKALIKE_FORMS = [
    "Как передает источник, {l}.",
    "Як передає джерело, {l}.",
    "^За даними МВС, {l}.",
    "Как сообщает «Портовик», {l}.",
    "Как сообщает пресс-служба МВД, {l}.",
    "^По данным МВД, {l}.",
    "{s}, сообщил Иван Смирнов.",
    "+{f}, сообщает {o}. {r}",
]


@st.composite
def ru_credit_doc(draw: st.DrawFn) -> Doc:
    """A Russian story credited to a wire in its first lines ("Как передает ИА «Регнум»,
    …", "…, сообщает ТАСС." closing the lede's first sentence): the source; or a look-alike
    (a common noun or a company after "как передает", "по данным МВД", the lede's form in a
    later paragraph): none. Every paragraph stays whole."""
    paras = list(draw(prose("cyrillic")))
    credited = draw(st.booleans())
    form = draw(st.sampled_from(RU_CREDIT_FORMS if credited else RU_LOOKALIKE_FORMS))
    outlet = draw(st.sampled_from(RU_OUTLETS))
    if form.startswith("^"):
        at = 0
    elif form.startswith("+"):
        at = draw(st.integers(1, len(paras) - 1))  # a later paragraph: not the lede
    else:
        at = draw(st.integers(0, min(len(paras), 4) - 1))
    sentence = paras[at].rstrip(".")
    first, _, rest = paras[at].partition(". ")
    paras[at] = form.lstrip("^+").format(
        s=sentence,
        l=sentence[:1].lower() + sentence[1:],
        o=outlet,
        f=first.rstrip("."),
        r=rest or "Подробности уточняются.",
    )
    return Doc("\n\n".join(paras), tuple(paras), source=outlet if credited else None)


#: Made-up organisations that issue press releases, and Portuguese outlets crediting a story.
ISSUERS = ["Hafenamt Portstadt", "Harbour Energy", "VDE und Universität Portstadt", "KÜSTE"]
CREDITING = ["G1 AM", "UOL", "Agência Porto", "Jornal do Cais"]


@st.composite
def issuer_line_doc(draw: st.DrawFn) -> Doc:
    """A story with a line of its own naming who issued it, between paragraphs or at the
    foot: a press release's issuer ("Gemeinsame Pressemitteilung von X", "Press release from
    X"), the organisation of a press contact ("X-Pressekontakt:", "Media contact for X:") or a
    Portuguese credit ("Do G1 AM", "Da Agência Porto, em Manaus"). The line leaves the body
    and names the source; the paragraphs stay whole. (The forms are written in Latin-script
    languages only.)"""
    form = draw(st.sampled_from(["release", "contact", "from"]))
    paras = list(draw(prose("latin")))
    if form == "from":  # a Portuguese credit, in a Portuguese story
        sentence = st.permutations(WORDS["pt"]).map(lambda ws: " ".join(ws).capitalize() + ".")
        para = st.tuples(sentence, sentence).map(" ".join)
        paras = draw(
            st.lists(para, min_size=2, max_size=3, unique=True).filter(
                lambda ps: not overlapping(ps)
            )
        )
        name = draw(st.sampled_from(CREDITING))
        opener = "Da" if name.startswith("Agência") else "Do"
        line = f"{opener} {name}" + draw(st.sampled_from(["", ", em Manaus", ", no Rio"]))
    else:
        name = draw(st.sampled_from(ISSUERS))
        templates = {
            "release": ["Gemeinsame Pressemitteilung von {}", "Press release from {}",
                        "Communiqué de presse de {}", "Nota de prensa de {}"],
            "contact": ["{}-Pressekontakt:", "Media contact for {}:", "Pressekontakt der {}:"],
        }  # fmt: skip
        line = draw(st.sampled_from(templates[form])).format(name)
    at = draw(st.integers(1, len(paras)))
    lines = [*paras[:at], line, *paras[at:]]
    return Doc("\n\n".join(lines), tuple(paras), source=name)


#: Chinese outlets that open a story with their own dateline, and the places they write from.
CJK_WIRE_OUTLETS = ["新华社", "中新网", "人民网", "港口日报", "海岸网", "中国新闻网"]
CJK_WIRE_PLACES = ["北京", "上海", "台北", ""]


@st.composite
def cjk_wire_doc(draw: st.DrawFn) -> Doc:
    """A Chinese story whose lede opens with its outlet's dateline: "中新网北京7月14日电
    （记者 王小明）", in 【】 or not, the paper's own ("本报北京7月14日电": no source), a
    news item ("央视网消息：", "人民网消息（新闻联播）：") or a composite report
    ("【环球时报综合报道】", "【海岸网报道 记者 王小明】"). The dateline is cut from the lede,
    which stays; the outlet is the source, the reporters the authors."""
    paras = list(draw(prose("cjk")))
    people = draw(st.lists(st.sampled_from(NAMES["cjk"]), min_size=1, max_size=2, unique=True))
    outlet: str | None = draw(st.sampled_from(CJK_WIRE_OUTLETS))
    reporters = draw(st.booleans())
    form = draw(st.sampled_from(["dateline", "own", "news", "composite"]))
    if form in ("dateline", "own"):
        place = draw(st.sampled_from(CJK_WIRE_PLACES))
        month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        outlet = outlet if form == "dateline" else None
        head = f"{outlet or '本报'}{place}{month}月{day}日电"
        if draw(st.booleans()) and not reporters:
            head = f"【{head}】"
        credit = (
            f"（记者{draw(st.sampled_from(['', ' ']))}{'、'.join(people)}）" if reporters else ""
        )
        dateline = head + draw(st.sampled_from(["", " "])) + credit
    elif form == "news":
        reporters = False
        program = draw(st.sampled_from(["", "（新闻联播）"]))
        dateline = f"{outlet}消息{program}："
    else:
        kind = draw(st.sampled_from(["综合报道", "报道"]))
        credit = f" 记者 {'、'.join(people)}" if reporters else ""
        dateline = f"【{outlet}{kind}{credit}】"
    lede = paras[0]
    text = "\n\n".join([dateline + lede, *paras[1:]])
    authors = tuple(people) if reporters else ()
    return Doc(text, tuple(paras), None, authors, None, outlet)

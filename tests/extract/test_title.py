"""extract.title: the headline among the first lines, in the shapes pages write it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from copydesk import DEFAULT, clean_article
from copydesk.extract.title import (
    SECTION_LIST_CHARS,
    glued_question_end,
    reads_as_prose,
    without_site,
)

from ..strategies_fields import prose
from ..strategies_meta import Doc

PROSE = "The harbour board said on Monday it would close the old port for repairs after the storm."
MORE = "Officials said the cost of the work had not been settled, and talks would resume soon."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Storm Closes The Harbour Port!\n{PROSE}\n{MORE}", "Storm Closes The Harbour Port!"),
        (f"CHAOS! Storm Mob Blocks The Harbour Road [VIDEO]\n{PROSE}",
         "CHAOS! Storm Mob Blocks The Harbour Road [VIDEO]"),
        (f"Share Facebook\nAccording to the board:\nWill The Harbour Port Reopen?\n{PROSE}",
         "Will The Harbour Port Reopen?"),
        (f"PRESS RELEASE\nHarbour board closes the old port for repairs\n{PROSE}",
         "Harbour board closes the old port for repairs"),
        (f"Battery\nGlobal harbour market grows by 9.1% in Q1\n{PROSE}",
         "Global harbour market grows by 9.1% in Q1"),
        (f"The Port Trap: Why Sequencing Matters for U.S. Supply Chains\n{PROSE}",
         "The Port Trap: Why Sequencing Matters for U.S. Supply Chains"),
        # a page title whose headline stands alone further down, past navigation lines
        (f"Port closes after storm | Harbour News | Harbour Times\nAdvanced search\nPolicy\n"
         f"Port closes after storm\n{PROSE}", "Port closes after storm"),
        (f"港口因风暴关闭-海岸新闻\n港口因风暴关闭\n{'政府表示新政策将帮助农民，部长周一在北京说明了细节和安排。' * 2}",
         "港口因风暴关闭"),
        # short CJK paragraphs are prose too: a character says what a Latin word does
        ("港口因风暴关闭 航班取消\n政府周一表示，港口将关闭三天以便清理航道，船只已改道北部港口停靠。\n部长说工程费用尚未确定，双方将在下周继续会谈。",
         "港口因风暴关闭 航班取消"),
        ("台風が上陸　道路寸断\n台風は昨日、東部の沿岸に上陸し、多くの道路が寸断された。\n鉄道はおおむね通常の運行に戻った。",
         "台風が上陸 道路寸断"),
        # a CJK headline opened by a bracketed tag
        ("【港口数据】上半年吞吐量减半，前五港口集中度超七成\n" + "政府表示新政策将帮助农民，部长周一在北京说明了细节和安排。" * 2,
         "【港口数据】上半年吞吐量减半，前五港口集中度超七成"),
        # a question in sentence case: a topic before a colon, or a byline below it
        (f"Sturm in Portville: Was bedeutet das für den Hafen?\n{PROSE}",
         "Sturm in Portville: Was bedeutet das für den Hafen?"),
        (f"Liman ne zaman açılacak?\nYazar: Ayşe Yılmaz\n{PROSE}", "Liman ne zaman açılacak?"),
        # a headline the page cut short, in sentence case
        (f"Declarar cerrado el puerto viejo y repararlo ...\n{PROSE}",
         "Declarar cerrado el puerto viejo y repararlo ..."),
        (f"Harbour board says the old port will close for …\n{PROSE}",
         "Harbour board says the old port will close for …"),
        # a title-case headline ending with a colon; a dek above the headline
        (f"Harbour Pilot: The Old Port Is Still Open Despite The Storm:\n{PROSE}",
         "Harbour Pilot: The Old Port Is Still Open Despite The Storm:"),
        (f"A new kind of sea wall could keep the old harbour open through the winter storms\n"
         f"Sea wall could save the harbour\n{PROSE}", "Sea wall could save the harbour"),
        (f"Storm damage and rising seas are threatening every harbour wall along the coast from "
         f"the north to the south of the country this winter\nSea wall could save the harbour\n"
         f"{PROSE}", "Sea wall could save the harbour"),
        (f"Sea wall could save the harbour\nEngineers will inspect the sea wall before the "
         f"harbour opens again\n{PROSE}", "Sea wall could save the harbour"),
        # a stamp under a long headline is no headline under a dek
        (f"A new kind of sea wall could keep the old harbour open through the winter storms\n"
         f"Updated 5 min ago\n{PROSE}",
         "A new kind of sea wall could keep the old harbour open through the winter storms"),
        ("Sturmflut: Der Alte Hafen Bleibt Trotz Der Schäden Weiter Geöffnet:\n"
         "Die Hafenbehörde teilte am Montag mit, dass der alte Hafen nach dem Sturm geöffnet bleibt.",
         "Sturmflut: Der Alte Hafen Bleibt Trotz Der Schäden Weiter Geöffnet:"),
        # a sentence ending with a stop above a stamp is the story's summary, not a headline
        (f"Port board agrees to close the old harbour for repairs next week.\nJune 24, 2026\n"
         f"{PROSE}", None),
        # negative rows: a question or a sentence opening the body is prose, not a headline
        (f"Here is what the harbour master told the board this week:\n{PROSE}", None),
        (f"The port board met on Monday. It agreed to close the old harbour.\nBy Jane Roe\n"
         f"{PROSE}", None),
        (f"The new year is a new beginning, full of hope…\n{PROSE}", None),  # glued: a sentence
        (f"Q: How long can a port stay closed, folks?\n{PROSE}", None),
        ("【广告】\n" + "政府表示新政策将帮助农民，部长周一在北京说明了细节和安排。" * 2, None),
        (f"How long can a port stay closed, folks?\n{PROSE}", None),
        (f"The port closed.\n{PROSE}", None),
        (f"I woke up this morning to find the same story all over my news feed:\n{PROSE}", None),
        (f"Storm closes port\nthat the board had kept open all winter.\n{PROSE}", None),
    ],
)  # fmt: skip
def test_headlines(text: str, title: str | None) -> None:
    """The headline is found past widgets, labels and kickers, with "!" or "?" and a tag at
    its end, or from a page title; prose opening the body never is."""
    article = clean_article(text)
    assert article.title == title
    if title is None:
        # the first line stays in the body, unless it is furniture the line model removes
        # (an ad marker such as "【广告】")
        first = text.split("\n")[0]
        removed = [e.old.strip() for e in article.edits if e.rule.startswith("classify.")]
        assert article.paragraphs[0] == first or first in removed


def test_page_title_names_the_source() -> None:
    """The site after a page title's headline is the source when none is known."""
    article = clean_article(
        f"Port closes after storm | Harbour Times\nPort closes after storm\n{PROSE}"
    )
    assert (article.title, article.source) == ("Port closes after storm", "Harbour Times")
    assert "Port closes after storm | Harbour Times" not in article.paragraphs


LEDE_EN = "The board said the cost of the work had not been settled and talks would resume."


@pytest.mark.parametrize(
    ("line", "title", "rest"),
    [
        (f"Harbour board seeks deal on port repairs {LEDE_EN}",
         "Harbour board seeks deal on port repairs", LEDE_EN),
        ("Portville: Couple pays Rs 8 lakh for the old boat in Lake City A total of 40 boats "
         "were sold at the harbour market this year.",
         "Portville: Couple pays Rs 8 lakh for the old boat in Lake City",
         "A total of 40 boats were sold at the harbour market this year."),
        ("AP Photo Harbour board seeks deal on port repairs A total of $2 million is set "
         "aside for the work.", "Harbour board seeks deal on port repairs",
         "A total of $2 million is set aside for the work."),
        ("Conselho do porto busca acordo sobre reparos O conselho disse que o custo ainda não "
         "foi definido.", "Conselho do porto busca acordo sobre reparos",
         "O conselho disse que o custo ainda não foi definido."),
        ("Hafenrat sucht Einigung über Reparaturen Der Rat sagte, die Kosten seien noch offen "
         "und die Gespräche gingen weiter.", "Hafenrat sucht Einigung über Reparaturen",
         "Der Rat sagte, die Kosten seien noch offen und die Gespräche gingen weiter."),
        ("Harbour board seeks deal on port repairs A 40-year-old man was hurt when the crane "
         "fell.", "Harbour board seeks deal on port repairs",
         "A 40-year-old man was hurt when the crane fell."),
        # negative rows: a lede, a title-case headline, a short head, a short rest
        (f"{PROSE} {MORE}", None, None),
        (f"Storm Closes The Harbour Port For Good {LEDE_EN}", None, None),
        (f"Port seeks deal {LEDE_EN}", None, None),
        ("Harbour board seeks deal on port repairs The board agreed.", None, None),
        (f"Harbour board met on Monday. It seeks a deal {LEDE_EN}", None, None),
        # a capital letter or name inside an ordinary first paragraph is no lede's article
        ("Foods rich in vitamin A and zinc help children grow, the health ministry said in a "
         "report on Monday.", None, None),
        ("Patients with blood type O are more likely to be universal donors, researchers said "
         "on Tuesday.", None, None),
        ("Officials confirmed that hepatitis A cases rose sharply in the region during the "
         "summer months.", None, None),
        ("Dozens of students from Group A were sent home early on Friday after the heating "
         "failed again.", None, None),
        ("Nach Angaben der Zeitung Die Welt hat der Minister am Montag seinen Rücktritt "
         "erklärt.", None, None),
    ],
)  # fmt: skip
def test_headline_glued_to_the_lede(line: str, title: str | None, rest: str | None) -> None:
    """A sentence-case headline glued to the lede after it is cut into the title; the lede
    stays in the body, and the cut has its ledger entry."""
    article = clean_article(f"{line}\n{MORE}\n{PROSE}")
    assert article.title == title
    if title is not None:
        assert article.paragraphs[0] == rest
        assert any(e.rule == "extract.title" and title in e.old for e in article.edits)
    else:
        assert article.paragraphs[0] == line


NAV = ["Advanced search", "Policy & Tenders", "Latest top stories", "Ships wait at the north quay",
       "Harbour fees rise again", "Upcoming events", "Port council meets on Friday"]  # fmt: skip


@pytest.mark.parametrize(
    ("under", "published", "authors"),
    [
        (["Jul 2, 2026, 6:12:14 PM", "Jane Roe"], "2026-07-02T18:12:14", ("Jane Roe",)),
        (["Jane Roe", "Jul 2, 2026"], "2026-07-02", ("Jane Roe",)),
        (["2 июля 2026", "Анна Петрова"], "2026-07-02", ("Анна Петрова",)),
        # a stamp right above the lede is the header's, even under a subheading; no name
        (["Onshore Wind Energy", "Jul 2, 2026"], "2026-07-02", ()),
        # negative row: a name without a stamp beside it
        (["Jane Roe"], None, ()),
    ],
)
def test_stamp_and_byline_under_a_deep_headline(
    under: list[str], published: str | None, authors: tuple[str, ...]
) -> None:
    """Under a headline found deep in a page (its page title at the top), the stamp and the
    name beside it are the header's: they beat a date read from the foot, whichever reader
    takes them (every line above the lede is the header's)."""
    text = "\n".join(
        ["Port closes after storm | Harbour News | Harbour Times", *NAV,
         "Port closes after storm", *under, PROSE, MORE, "Upcoming events", "Sep 17, 2026"]
    )  # fmt: skip
    article = clean_article(text)
    assert article.title == "Port closes after storm"
    got = article.published.isoformat() if article.published else None
    if published is not None:
        assert got == published
        assert article.authors == authors
        assert any(
            e.rule.startswith("extract.") and e.kind == "extracted" and e.old.strip() == under[-1]
            for e in article.edits
        )
    else:
        assert got != "2026-07-02"
        assert article.authors == ()


#: Headlines ending with "?" or "!" that a scraper glued to the text with ". ", per script.
GLUED_QUESTIONS = {
    "latin": ["Will the old harbour port reopen?", "Temer desabafa: ‘O que vou dizer aos filhos?’",
              "Der Hafen bleibt den ganzen Winter zu!"],
    "cyrillic": ["Когда же откроют старый порт?", "Порт закрыт на всю зиму!"],
    "arabic": ["متى يعاد فتح الميناء القديم؟"],
    "cjk": ["港口什么时候重新开放？", "港口全冬关闭！"],
}  # fmt: skip


@st.composite
def question_glued_doc(draw: st.DrawFn) -> Doc:
    """A headline ending with "?" or "!" glued to the story's first paragraph by a stop
    ("…reopen?. The board…", "…开放？。当局…"), in four scripts."""
    script = draw(st.sampled_from(sorted(GLUED_QUESTIONS)))
    headline = draw(st.sampled_from(GLUED_QUESTIONS[script]))
    paras = draw(prose(script))
    stop = "。" if script == "cjk" else ". "
    text = "\n\n".join([f"{headline}{stop}{paras[0]}", *paras[1:]])
    return Doc(text, paras, headline)


@given(question_glued_doc())
def test_question_glued_to_the_text_is_the_title(doc: Doc) -> None:
    """The headline and its glue leave the first line (extracted); the text stays."""
    article = clean_article(doc.text)
    assert article.title == doc.title
    assert article.paragraphs == doc.body
    assert any(e.rule.startswith("extract.title") and doc.title in e.old for e in article.edits)


@pytest.mark.parametrize(
    "line",
    [
        # a question and the next sentence, as prose writes them
        "Will the old harbour port reopen? The board met on Monday to vote on the repairs.",
        # a short question inside the text: too few words for a headline
        "He asked: why?. The board met on Monday to vote on the costly repairs of the port.",
        "Порт закроют? Власти обсудят это в понедельник на заседании городского совета.",
    ],
)
def test_question_glue_lookalikes(line: str) -> None:
    """A question followed by prose without the glue, or a short question, is no glued
    headline."""
    assert glued_question_end(line) is None


def test_exclamation_above_a_short_line_is_no_dek() -> None:
    """A line ending with "!" over a shorter one ending so is no dek over its headline: the
    paragraphs of a clean body all come back (tests/test_laws.py found this one)."""
    paras = [
        "الحكومة الحكومة الحكومة الحكومة الحكومة الحكومة الحكومة الحكومة الحكومة الحكومة!",
        "الحكومة الحكومة الحكومة الوزير!",
        "الحكومة الحكومة الحكومة الحكومة الحكومة الحكومة قال.",
    ]
    article = clean_article("\n\n".join(paras))
    assert ([article.title] if article.title else []) + list(article.paragraphs) == paras


def test_page_headline_amid_prompts() -> None:
    """A headline that a page title repeats stays for the title amid removed prompts; the
    page title's site is the source."""
    text = (
        f"Storm Closes Port | Harbour Times\nSubscribe\nStorm Closes Port\nSign in\n{PROSE}\n{MORE}"
    )
    article = clean_article(text)
    assert (article.title, article.source) == ("Storm Closes Port", "Harbour Times")
    assert article.paragraphs == (PROSE, MORE)


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_site_name_line_is_no_page_title(blank: str) -> None:
    """A site's name line whose first part opens with its last ("Harbour University Medical
    School | Harbour University") is no page title: its part is no headline, its last part
    no source."""
    part = "Harbour University Medical School"
    lines = [f"{part} | Harbour University", "Subscribe", part, "Sign in", PROSE, MORE]
    article = clean_article(blank.join(lines))
    assert article.title != part
    assert article.source is None
    assert article.paragraphs[-2:] == (PROSE, MORE)


#: Short exclamations and questions a headline is made of ("Feliz Ano Novo! Será?").
EXCLAIMED_PARTS = ["Feliz Ano Novo", "Será", "Port reopens", "At last", "Or not", "Why now"]


@given(
    st.lists(st.sampled_from(EXCLAIMED_PARTS), min_size=2, max_size=3, unique=True),
    st.lists(st.sampled_from("!?"), min_size=3, max_size=3),
    prose("latin"),
)
def test_a_headline_of_exclamations_is_the_title(
    parts: list[str], marks: list[str], paras: tuple[str, ...]
) -> None:
    """A short headline of exclamations and questions above the lede ("Feliz Ano Novo!
    Será?") is the title, in sentence case too; the lede stays whole."""
    headline = " ".join(p + m for p, m in zip(parts, marks, strict=False))
    if len(headline.split()) > 6:
        return
    article = clean_article(headline + "\n\n" + "\n\n".join(paras))
    assert article.title == headline
    assert article.paragraphs == paras


@pytest.mark.parametrize(
    "first",
    [
        "Help! The harbour board closed the old port on Monday after the storm.",  # a sentence
        "Why now? Because the board said so, and it will not change its mind again.",
    ],
)
def test_an_exclamation_opening_a_sentence_is_no_headline(first: str) -> None:
    """An exclamation or a question opening a longer sentence stays in the body."""
    paras = (first, "Officials said the cost of the work had not been settled, and talks resume.")
    article = clean_article("\n\n".join(paras))
    assert article.title is None
    assert article.paragraphs == paras


#: Furniture a page puts between a headline and its lede: a section, "KEY TAKEAWAYS", a date
#: line, a caption, a dek; none is a title-case line or ends a sentence.
FURNITURE = [
    "Clean Energy",
    "KEY TAKEAWAYS",
    "Portville, June 24, 2026",
    "Jane Roe, harbour master at the old port",
    "A new kind of sea wall could keep the old harbour open through the storms",
    "Advertisement",
]
TITLE_CASE_HEADLINES = [
    "New Study Shows Harbour Traffic Met Rising Demand in 2025 Despite Storms",
    "Scaling Excellence: Harbour Board Growth Across Europe",
]


@given(
    st.sampled_from(TITLE_CASE_HEADLINES),
    st.lists(st.sampled_from(FURNITURE), min_size=3, max_size=4, unique=True),
    prose("latin"),
)
def test_title_case_headline_over_furniture(
    headline: str, furniture: list[str], paras: tuple[str, ...]
) -> None:
    """A title-case headline is the title with up to four furniture lines between it and
    the lede; no paragraph of the text leaves the body. (Paragraphs of one word repeated,
    which the generator may draw, are no prose: the line model may take the last of them
    for a repeat of the one before, as it takes a teaser repeating the story.)"""
    assume(all(len({w.strip(".").casefold() for w in p.split()}) >= 3 for p in paras))
    article = clean_article("\n".join([headline, *furniture, *paras]))
    assert article.title == headline
    assert article.paragraphs[-len(paras) :] == paras


@pytest.mark.parametrize(
    "between",
    [
        # the text has begun: a short sentence under the shout
        ["A photo of the harbour in 2015.", "Clean Energy", "KEY TAKEAWAYS"],
        # a second title-case line: a teaser or a menu leaves the choice open
        ["Clean Energy", "Ships Return To The Harbour After Storm", "KEY TAKEAWAYS"],
    ],
)
def test_title_case_line_far_over_text_is_no_headline(between: list[str]) -> None:
    """Far over the lede, a title-case line is the headline only over furniture. (The rules
    alone: the line model may remove the section's name, "Clean Energy", which brings the
    lede within reach of the headline, and the choice is then a plain headline's.)"""
    headline = TITLE_CASE_HEADLINES[0]
    text = "\n".join([headline, *between, PROSE, MORE])
    article = clean_article(text, pipeline=DEFAULT.without("classify.lines"))
    assert article.title is None
    assert article.paragraphs[0] == headline


SITES = ["Harbour Times", "Portville Post", "Coast News | Harbour Times", "Opinion"]


@given(
    st.sampled_from([*TITLE_CASE_HEADLINES, "Storm closes the old harbour port for repairs"]),
    st.sampled_from(SITES),
    prose("latin"),
)
def test_page_title_taken_as_headline_loses_its_site(
    headline: str, site: str, paras: tuple[str, ...]
) -> None:
    """A page title over the lede ("Headline | Site") is the title without the parts after
    its bar; the lede stays whole."""
    article = clean_article(f"{headline} | {site}\n\n" + "\n\n".join(paras))
    assert article.title == headline
    assert article.paragraphs == paras


def test_section_before_a_bar_stays_in_the_headline() -> None:
    """A short section opening a headline ("Budget 2026 | …") is no site: it stays."""
    headline = "Budget 2026 | Port board wins money for its repairs"
    assert clean_article(f"{headline}\n\n{PROSE}\n\n{MORE}").title == headline


#: Headlines, outlets and story paragraphs in the hidden set's languages.
LANG_HEADLINES = {
    "ja": ["台風で旧港を一時閉鎖", "「旧港を閉鎖」港湾局が発表"],
    "tr": ["Fırtına nedeniyle eski liman kapatılıyor", "Eski liman ne zaman açılacak?"],
    "de": ["Alter Hafen wird wegen des Sturms geschlossen",
           "„Wir haben keine Wahl“: Alter Hafen schließt"],
}  # fmt: skip
LANG_OUTLETS = {
    "ja": ["港湾新聞", "共同通信"],
    "tr": ["Hürriyet"],
    "de": ["Hafenzeitung", "Spiegel"],
}
LANG_KICKERS = {
    "ja": ["社会", "経済"],
    "tr": ["GÜNDEM", "Ekonomi"],
    "de": ["Wirtschaft", "Hamburg"],
}
LANG_PARAS = {
    "ja": ("港湾局は六日、台風の影響で旧港を一時閉鎖すると発表した。修理費用はまだ決まっていない。",
           "関係者によると、船舶は北部の港に移動しており、運航は来週にも再開する見通しだ。"),
    "tr": ("Liman idaresi pazartesi günü yaptığı açıklamada, eski limanın onarım için "
           "kapatılacağını bildirdi.",
           "Yetkililer, onarım maliyetinin henüz belirlenmediğini ve görüşmelerin süreceğini "
           "söyledi."),
    "de": ("Die Hafenbehörde teilte am Montag mit, dass der alte Hafen für Reparaturen schließt.",
           "Die Kosten der Arbeiten seien noch nicht geklärt, die Gespräche gehen weiter, hieß es."),
}  # fmt: skip
SITE_SEPARATORS = {
    "ja": ["｜", " | ", " - ", "："],
    "tr": [" | ", " - "],
    "de": [" | ", " - ", " – "],
}


@st.composite
def page_title_doc(draw: st.DrawFn) -> tuple[str, str, str, tuple[str, ...]]:
    """A page title over the story, "Headline<separator>Outlet", in Japanese, Turkish or
    German, a section's kicker above it or not: ``(text, headline, outlet, paragraphs)``."""
    lang = draw(st.sampled_from(sorted(LANG_HEADLINES)))
    headline = draw(st.sampled_from(LANG_HEADLINES[lang]))
    outlet = draw(st.sampled_from(LANG_OUTLETS[lang]))
    sep = draw(st.sampled_from(SITE_SEPARATORS[lang]))
    kicker = draw(st.sampled_from(["", *LANG_KICKERS[lang]]))
    paras = LANG_PARAS[lang]
    lines = [kicker] if kicker else []
    return "\n\n".join([*lines, headline + sep + outlet, *paras]), headline, outlet, paras


@given(page_title_doc())
def test_page_title_in_the_hidden_languages(doc: tuple[str, str, str, tuple[str, ...]]) -> None:
    """The headline of a page title is the title and its outlet the source, after a bar, a
    dash or a CJK colon, under a section's kicker or not (passed over, it stays); the
    paragraphs stay whole."""
    text, headline, outlet, paras = doc
    article = clean_article(text)
    assert (article.title, article.source) == (headline, outlet)
    assert article.paragraphs[-len(paras) :] == paras
    assert len(article.paragraphs) <= len(paras) + 1


@pytest.mark.parametrize("kicker", ["GÜNDEM", "Wirtschaft", "社会"])
def test_one_word_section_is_no_headline(kicker: str) -> None:
    """A section's one word above a short headline ("GÜNDEM" over "Eski liman kapatılıyor")
    is passed over, and stays; in CJK a name of four characters at most is one."""
    headline = "台風で旧港を一時閉鎖" if kicker == "社会" else "Eski liman kapatılıyor"
    paras = LANG_PARAS["ja" if kicker == "社会" else "tr"]
    article = clean_article("\n\n".join([kicker, headline, *paras]))
    assert article.title == headline
    assert article.paragraphs in (paras, (kicker, *paras))


def test_headline_after_a_dash_goes_on() -> None:
    """After a dash only an outlet's name is the site: a headline going on stays whole."""
    headline = "Alter Hafen schließt - Reparaturen dauern bis zum Frühjahr"
    article = clean_article("\n\n".join([headline, *LANG_PARAS["de"]]))
    assert (article.title, article.source) == (headline, None)


@pytest.mark.parametrize("sep", ["|", "_", "-", " - "])
def test_chinese_page_title_with_its_site(sep: str) -> None:
    """A Chinese page title glued to its site's name ("台风导致旧港暂时关闭|人民网") gives the
    headline and the source."""
    paras = (
        "港口管理局周一表示，由于台风影响，旧港将暂时关闭进行维修，维修费用尚未确定。",
        "有关人士称，船只已转往北部港口停靠，航运预计下周恢复正常。",
    )
    article = clean_article("\n\n".join([f"台风导致旧港暂时关闭{sep}人民网", *paras]))
    assert (article.title, article.source) == ("台风导致旧港暂时关闭", "人民网")
    assert article.paragraphs == paras


MENU_LINKS = {
    "ja": ["ホーム", "ニュース", "政治", "経済", "国際", "スポーツ"],
    "tr": ["Son dakika haberleri", "Gündem", "Ekonomi", "Spor", "Dünya"],
    "de": ["Startseite", "Politik", "Wirtschaft", "Sport", "Panorama"],
}
MENU_STAMPS = {
    "ja": "2024年5月6日 14時30分",
    "tr": "05.12.2026 14:30",
    "de": "05.12.2026, 14:30 Uhr",
}
MENU_DESKS = {"ja": "共同通信", "tr": "Haber Merkezi", "de": "dpa"}


@st.composite
def menu_doc(draw: st.DrawFn) -> tuple[str, str, list[str], str | None, tuple[str, ...]]:
    """A menu of section links over the headline, then a stamp, a desk or an agency's name,
    or neither, then the story: ``(text, headline, links, credit, paragraphs)``."""
    lang = draw(st.sampled_from(sorted(MENU_LINKS)))
    links = draw(st.lists(st.sampled_from(MENU_LINKS[lang]), min_size=1, max_size=6, unique=True))
    headline = draw(st.sampled_from([h for h in LANG_HEADLINES[lang] if not h.endswith("?")]))
    stamp = draw(st.booleans())
    credit = MENU_DESKS[lang] if draw(st.booleans()) else None
    paras = LANG_PARAS[lang]
    lines = [
        *links,
        headline,
        *([MENU_STAMPS[lang]] if stamp else []),
        *([credit] if credit else []),
    ]
    return "\n".join([*lines, *paras]), headline, links, credit, paras


@given(menu_doc())
def test_headline_under_a_menu_of_section_links(
    doc: tuple[str, str, list[str], str | None, tuple[str, ...]],
) -> None:
    """The headline under a menu of short section links ("Son dakika haberleri", "Gündem",
    "スポーツ") is the title, never a link; a menu's links leave the body (a single kicker
    may stay), the paragraphs stay; a desk or an agency's name among the lines between the
    headline and the lede is the source."""
    from copydesk.extract._lexicon import lexicon

    text, headline, links, credit, paras = doc
    article = clean_article(text)
    assert article.title == headline
    assert article.paragraphs[-len(paras) :] == paras
    # a menu of two links or more leaves the body; a single kicker passed over may stay
    assert article.paragraphs == paras or (len(links) == 1 and article.paragraphs[0] in links)
    if credit is not None:
        folded = credit.casefold()
        assert article.source == lexicon().canonical.get(folded, credit)
        assert any(e.kind == "extracted" and e.old.strip() == credit for e in article.edits)


#: A deck under the headline, and a reporter of each language (made up).
MENU_DECKS = {
    "ja": "修理費用はまだ決まらず",
    "tr": "Onarım maliyeti henüz belli değil",
    "de": "Die Kosten sind noch offen",
}
MENU_REPORTERS = {"ja": None, "tr": "Ayşe Demir", "de": "Jana Weber"}
#: The update a stamp may carry, as a second part of its line.
MENU_UPDATES = {
    "ja": "（2024年5月6日 15時10分 更新）",
    "tr": " | Son Güncelleme: 05.12.2026 15:10",
    "de": " | Aktualisiert: 05.12.2026, 15:10 Uhr",
}


@given(st.sampled_from(sorted(MENU_LINKS)), st.data())
def test_headline_deck_and_byline_under_a_menu(lang: str, data: st.DataObject) -> None:
    """Under a menu of section links, the first line is the headline even with a deck, a
    byline and its stamp between it and the lede ("Ayşe Demir | 05.12.2026 14:30 | Son
    Güncelleme: …"); the byline's name and date are read however many links push it down,
    and the paragraphs stay."""
    links = data.draw(st.lists(st.sampled_from(MENU_LINKS[lang]), min_size=2, unique=True))
    headline = data.draw(st.sampled_from([h for h in LANG_HEADLINES[lang] if h[-1] not in "?"]))
    deck = [MENU_DECKS[lang]] if data.draw(st.booleans()) else []
    stamp = MENU_STAMPS[lang] + (MENU_UPDATES[lang] if data.draw(st.booleans()) else "")
    name = MENU_REPORTERS[lang]
    byline = f"{name} | {stamp}" if name else stamp
    paras = LANG_PARAS[lang]
    head = "\n".join([*links, headline, *deck, byline])
    article = clean_article("\n\n".join([head, *paras]))
    assert article.title == headline
    assert article.authors == ((name,) if name else ())
    day = dt.date(2024, 5, 6) if lang == "ja" else dt.date(2026, 12, 5)
    assert article.published is not None
    assert article.published.isoformat()[:10] == day.isoformat()
    assert article.paragraphs[-len(paras) :] == paras


#: A site's header above its menu, per language: skip links, sign-in and subscribe prompts.
HEADER_WIDGETS = {
    "en": ["Skip to main content", "Subscribe", "Sign in", "Log in to your account"],
    "de": ["Zum Inhalt springen", "Abonnieren", "Anmelden"],
}
#: ...and a player's widget under the stamp.
HEADER_PLAYERS = {"en": ["Listen to this article", "4 min"], "de": ["Artikel anhören", "3 Min."]}
HEADER_MENUS = {
    "en": ["World", "US", "Politics", "Business", "Health", "Local news"],
    "de": ["Politik", "Wirtschaft", "Panorama", "Sport"],
}
HEADER_STORY = {
    "en": ("City council approves flood defence plan", "The vote ends two years of debate",
           "By Jane Roe and Marcus Lee", ("Jane Roe", "Marcus Lee"),
           "Published 9:14 AM EST, Thu November 26, 2026",
           ("The city council on Wednesday approved a plan to build flood walls along the river.",
            "Construction is expected to begin next spring and take about three years.")),
    "de": ("Gewerkschaft kündigt neue Warnstreiks an", "Pendler müssen mit Ausfällen rechnen",
           "Von Jana Weber", ("Jana Weber",), "26.11.2026, 09:14 Uhr",
           ("Die Gewerkschaft hat für kommende Woche neue Warnstreiks im Bahnverkehr angekündigt.",
            "Die Verhandlungen waren am Freitag ohne Ergebnis abgebrochen worden, hieß es.")),
}  # fmt: skip


@given(st.sampled_from(sorted(HEADER_STORY)), st.data())
def test_byline_and_stamp_under_a_long_site_header(lang: str, data: st.DataObject) -> None:
    """Widgets and a menu above the headline (a site's header, up to ten lines) and a
    player's widget under the stamp push the byline and the stamp down; they are still read,
    since every line above the lede is looked at, and the paragraphs stay."""
    widgets = data.draw(st.lists(st.sampled_from(HEADER_WIDGETS[lang]), min_size=1, unique=True))
    links = data.draw(st.lists(st.sampled_from(HEADER_MENUS[lang]), min_size=2, unique=True))
    headline, deck, byline, authors, stamp, paras = HEADER_STORY[lang]
    decks = [deck] if data.draw(st.booleans()) else []
    player = HEADER_PLAYERS[lang] if data.draw(st.booleans()) else []
    head = "\n".join([*widgets, *links, headline, *decks, byline, stamp, *player])
    article = clean_article("\n\n".join([head, *paras]))
    assert article.authors == authors
    assert article.published is not None
    assert article.published.isoformat()[:10] == "2026-11-26"
    assert article.paragraphs[-len(paras) :] == paras


@given(
    st.sampled_from(sorted(MENU_LINKS)),
    st.lists(st.integers(0, 4), min_size=1, max_size=4, unique=True),
)
def test_a_menu_link_is_never_the_title(lang: str, picks: list[int]) -> None:
    """Over the lede, or a line that ends a sentence, links alone give no title: no menu
    link of one word ("スポーツ", "Gündem") is ever taken as the headline. (A line of three
    words alone over the lede may be a short headline: "Storm closes port".)"""
    links = [MENU_LINKS[lang][p] for p in picks if " " not in MENU_LINKS[lang][p]]
    paras = LANG_PARAS[lang]
    for tail in ([*paras], [f"{paras[0][:40]}.", *paras]):
        article = clean_article("\n".join([*links, *tail]))
        assert article.title not in MENU_LINKS[lang]


# Section names of a site's breadcrumb trail, per script (made up for tests).
CRUMBS = {
    "Latin": ("Home", "News", "World", "Politik", "Startseite", "Deportes", "Gündem", "Europe"),
    "Cyrillic": ("Главная", "Новости", "Политика", "Мир"),
    "CJK": ("首页", "新闻", "国内", "ホーム", "社会", "経済"),
}
SEPARATORS = {
    "Latin": (" > ", " › ", " » ", " / "),
    "Cyrillic": (" > ", " › ", " / "),
    "CJK": (" > ", "＞", " ＞ "),
}
HEADLINES = {
    "Latin": "Harbour board closes the old port for repairs",
    "Cyrillic": "Портовое управление закрывает старый порт",
    "CJK": "港口因风暴关闭 航班取消",
}
LEDES = {
    "Latin": PROSE,
    "Cyrillic": "Портовое управление в понедельник заявило, что закроет старый порт на ремонт после шторма.",
    "CJK": "政府周一表示，港口将关闭三天以便清理航道，船只已改道北部港口停靠。",
}


@st.composite
def breadcrumb(draw: st.DrawFn) -> tuple[str, str]:
    """A script and a breadcrumb trail in it: two to four sections joined by one separator
    (three at least for a slash, which two words alone may hold)."""
    script = draw(st.sampled_from(sorted(CRUMBS)))
    sep = draw(st.sampled_from(SEPARATORS[script]))
    least = 3 if sep.strip() == "/" else 2
    parts = draw(st.lists(st.sampled_from(CRUMBS[script]), min_size=least, max_size=4))
    return script, sep.join(parts) + draw(st.sampled_from(["", " >"] if sep == " > " else [""]))


@given(breadcrumb())
def test_a_breadcrumb_over_the_headline_is_no_title(case: tuple[str, str]) -> None:
    """A site's breadcrumb trail at the top ("Home > News > World", "首页＞新闻") leaves the
    body as navigation, and the headline under it is the title, in every script."""
    script, trail = case
    article = clean_article(f"{trail}\n{HEADLINES[script]}\n{LEDES[script]}\n{MORE}")
    assert article.title == HEADLINES[script]
    assert [e.old.strip() for e in article.edits if e.rule == "strip.breadcrumb"] == [trail]
    assert trail not in article.paragraphs


@pytest.mark.parametrize(
    "line",
    ["Er sagte »Nein« und ging nach Hause.", "Rates rose > 5% in May", "Yes / No"],
)
def test_a_line_with_a_separator_is_no_breadcrumb(line: str) -> None:
    """Prose with a quote mark or an angle, and two words around a slash, stay."""
    article = clean_article(f"{line}\n{PROSE}\n{MORE}")
    assert not [e for e in article.edits if e.rule == "strip.breadcrumb"]


# Wire copy's short CJK paragraphs: a sentence or two, clauses apart, under 50 characters.
SHORT_CJK = {
    "zh-hans": (
        "暴雨致多地交通受阻",
        [
            "受强降雨影响，南方多地交通受阻，部分航班取消。",
            "气象部门发布预警，提醒公众减少外出。",
            "铁路部门对部分列车采取限速运行措施，乘客需留意。",
            "多地启动应急响应，转移安置受灾群众。",
        ],
    ),
    "zh-hant": (
        "颱風逼近 北部停班停課",
        [
            "受颱風影響，北部多個縣市宣布停班停課。",
            "氣象局表示，颱風預計今晚登陸，雨勢將持續。",
            "交通部提醒民眾，避免前往山區與海邊。",
            "各地已開設收容所，安置撤離的居民。",
        ],
    ),
    "ja": (
        "台風で旧港を一時閉鎖",
        [
            "港湾局は６日、台風の影響で旧港を閉鎖すると発表した。",
            "船舶は北部の港に移動し、運航は来週再開する見通しだ。",
            "地元の漁業者からは、不安の声も上がっている。",
            "市は、被害状況の確認を急いでいる。",
        ],
    ),
}


@given(
    st.sampled_from(sorted(SHORT_CJK)),
    st.lists(st.sampled_from(["首页", "社会", "ホーム"]), max_size=2),
)
def test_headline_over_short_cjk_paragraphs(lang: str, nav: list[str]) -> None:
    """A CJK headline over short paragraphs of wire copy (zh simplified and traditional, ja),
    navigation above it or not, is the title; the paragraphs stay."""
    headline, paragraphs = SHORT_CJK[lang]
    article = clean_article("\n".join([*nav, headline, *paragraphs]))
    assert article.title == headline
    assert article.paragraphs[-3:] == tuple(paragraphs[-3:])


@pytest.mark.parametrize(
    "line", ["暴雨来袭，多地交通受阻", "预计年底前正式投入运营。", "港口关闭", "台風、旧港を閉鎖"]
)
def test_cjk_headlines_and_clauseless_lines_are_no_short_sentence(line: str) -> None:
    """A headline with a comma but no full stop, or a short line without clauses, is not
    read as a sentence of prose."""
    assert not reads_as_prose(line)


#: Phrases of Chinese and Japanese headlines, two joined by a full-width space make one.
CJK_PHRASES = ["地方銀行の再編加速へ", "金融庁が支援策を検討", "颱風逼近東部", "交通部啟動應變機制",
               "多地迎来今冬首场降雪", "交通运输部门全力保畅通", "旧港を一時閉鎖"]  # fmt: skip
CJK_STAMPS = ["2026/11/28 18:42", "2026.11.28", "2026年11月28日 18時42分", "2026-11-28 18:42"]


@given(
    st.lists(st.sampled_from(CJK_PHRASES), min_size=2, max_size=2, unique=True),
    st.sampled_from(CJK_STAMPS),
    st.booleans(),
)
def test_a_cjk_headline_over_a_stamp_is_no_name(phrases: list[str], stamp: str, menu: bool) -> None:
    """A Chinese or Japanese headline of two phrases apart by a full-width space, a stamp
    under it, is the title and never an author: no name runs to seven characters."""
    headline = "\u3000".join(phrases)
    paras = LANG_PARAS["ja"]
    lines = [*(["ホーム", "ニュース", "経済"] if menu else []), headline, stamp, *paras]
    article = clean_article("\n".join(lines))
    assert article.authors == ()
    assert article.title == " ".join(phrases)
    assert article.published is not None


# A page title ("Headline - Site") among furniture above the headline it repeats: both stay
# for extract.title, which reads the site as the source, in each script.
PAGE_TITLE_CASES = {
    "latin": [
        ("Bridge repairs to close river crossing", "The Harbour Times", "Skip to main content",
         "Advertisement", "Drivers face a month of detours after the city said it would shut "
         "the Old Mill bridge for urgent repairs starting next Monday, officials said."),
        ("Brücke wird für einen Monat gesperrt", "Hafenzeitung", "Anzeige", "Artikel anhören",
         "Autofahrer müssen sich auf einen Monat Umleitungen einstellen, nachdem die Stadt die "
         "alte Brücke wegen dringender Reparaturen sperrt."),
    ],
    "cyrillic": [
        ("Мост закроют на ремонт на месяц", "Портовые вести", "Реклама", "Реклама",
         "Водителям придётся месяц ездить в объезд: город закрывает старый мост на срочный "
         "ремонт со следующего понедельника, сообщили власти."),
    ],
    "arabic": [
        ("إغلاق الجسر القديم لمدة شهر للصيانة", "صحيفة الميناء", "إعلان", "إعلان",
         "سيواجه السائقون تحويلات لمدة شهر بعد أن قررت المدينة إغلاق الجسر القديم لإجراء "
         "إصلاحات عاجلة اعتبارا من الاثنين المقبل."),
    ],
    "cjk": [
        ("老桥封闭维修一个月", "海港日报", "广告", "广告",
         "市政部门表示，由于桥墩出现裂缝，老桥将从下周一起封闭维修一个月，车辆需绕行。"),
    ],
}  # fmt: skip
PAGE_TITLE_SEPS = {"latin": [" - ", " | ", " – "], "cyrillic": [" — ", " | "],
                   "arabic": [" | ", " - "], "cjk": ["_", "|", " - "]}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "title", "source"),
    [
        ("Skip to main content\nPort reopens after storm - Harbour Times\nPort reopens after "
         f"storm\nAdvertisement\n{PROSE}\n{MORE}", "Port reopens after storm", "Harbour Times"),
        ("Anzeige\nHafen öffnet wieder | Hafenzeitung\nHafen öffnet wieder\nAnzeige\n"
         "Der Hafen ist nach dem Sturm am Montag wieder geöffnet worden, teilte die Behörde mit.",
         "Hafen öffnet wieder", "Hafenzeitung"),
        # negative row: the page title's headline stands nowhere below: no site is read
        ("Skip to main content\nPort reopens after storm - Harbour Times\nSign in\n"
         f"Advertisement\n{PROSE}\n{MORE}", None, None),
    ],
)  # fmt: skip
def test_a_page_title_among_furniture_names_the_site(
    text: str, title: str | None, source: str | None
) -> None:
    """The page title above its headline, furniture around both, is no residue: its site
    is the source; a page title whose headline is not on the page gives no source."""
    article = clean_article(text)
    assert (article.title, article.source) == (title, source)
    assert PROSE.split()[1] in article.body or "Hafen ist" in article.body


@given(
    st.sampled_from(sorted(PAGE_TITLE_CASES)),
    st.data(),
)
def test_a_page_title_among_furniture_in_any_script(script: str, data: st.DataObject) -> None:
    """Whatever the script and the separator, a page title between removed furniture lines,
    its headline right below it, gives the headline as title and its site as source."""
    headline, site, above, below, lede = data.draw(st.sampled_from(PAGE_TITLE_CASES[script]))
    sep = data.draw(st.sampled_from(PAGE_TITLE_SEPS[script]))
    article = clean_article(f"{above}\n{headline}{sep}{site}\n{headline}\n{below}\n{lede}\n")
    assert article.title == headline
    assert article.source == site
    assert article.body == lede


# A page title whose site is an outlet's name longer than its short headline ("旧港、閉鎖へ｜
# 港湾新聞オンライン", "Port reopens | The Harbour Times Online"): the site is still cut off.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("旧港、閉鎖へ｜港湾新聞オンライン", ("旧港、閉鎖へ", "港湾新聞オンライン")),
        ("旧港、閉鎖へ｜港湾新聞デジタル", ("旧港、閉鎖へ", "港湾新聞デジタル")),
        ("Port reopens | The Harbour Times Online", ("Port reopens", "The Harbour Times Online")),
        # negative rows: a section before a headline, a site's own name, no outlet after the bar
        ("Budget 2026 | Port board wins money for its repairs", None),
        ("Harbour Times Weekend | Harbour Times", None),
        ("Port reopens | Ships sail again after the long storm", None),
    ],
)
def test_an_outlet_after_the_bar_is_the_site(text: str, want: tuple[str, str] | None) -> None:
    """After a bar, an outlet's name (its edition word allowed: "オンライン", "Online") is the
    site however short the headline; other parts stay in the title."""
    assert without_site(text) == (want or (text, None))


SHORT_HEADS = {
    "latin": ["Port reopens", "Ferry strike ends", "Bridge to close"],
    "cjk": ["旧港、閉鎖へ", "旧港将关闭", "新桥开通"],
}
LONG_SITES = {
    "latin": ["The Harbour Times Online", "Portville Daily News", "The Coastal Herald"],
    "cjk": ["港湾新聞オンライン", "港湾新聞デジタル", "海港日报网", "海岸テレビNEWS"],
}
SHORT_LEDES = {
    "latin": "The harbour board said on Monday it would reopen the old port after repairs.",
    "cjk": "港务局14日表示，旧港两座码头在风暴中受损，将关闭三个月进行维修。",
}


@given(st.sampled_from(sorted(SHORT_HEADS)), st.data())
def test_a_short_headline_before_a_long_site(script: str, data: st.DataObject) -> None:
    """Whatever the script (Latin, CJK), a page title opening the text with a short headline
    and a longer outlet's name after the bar gives the headline as title, the outlet as
    source."""
    head = data.draw(st.sampled_from(SHORT_HEADS[script]))
    site = data.draw(st.sampled_from(LONG_SITES[script]))
    bar = data.draw(st.sampled_from([" | ", "｜"] if script == "cjk" else [" | "]))
    lede = SHORT_LEDES[script]
    article = clean_article(f"{head}{bar}{site}\n{lede}\n")
    assert (article.title, article.source) == (head, site)
    assert article.body == lede


# A sentence-case headline with an exclamation or a question inside, its end no stop
# ("Fırtına sonrası flaş karar! Eski liman kapatılıyor"), in the cased scripts.
@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Fırtına sonrası flaş karar! Eski liman kapatılıyor", True),
        ("Son dakika: Eski liman üç ay kapalı kalacak! Liman idaresi açıkladı", True),
        ("Is the old port safe? Engineers weigh in", True),
        ("Schock am Hafen! Alter Anleger wird gesperrt", True),
        ("Шок в порту! Старый причал закроют на три месяца", True),
        # negative rows: prose ending with a stop, a stop inside, a sentence and a stop
        ("Help! The port closed on Monday after the storm.", False),
        ("Old port shut after storm. Here is what it means", False),
        ("Flaş karar! Eski liman kapatıldı. Gemiler bekliyor", False),
    ],
)
def test_an_exclamation_inside_a_sentence_case_headline(line: str, title: bool) -> None:
    """An exclamation or a question before the headline's statement keeps it a headline
    (tr, en, de, ru); a stop at its end or inside makes the line prose."""
    article = clean_article(f"{line}\n{PROSE}\n{MORE}")
    assert (article.title == line) is title


EXCLAIMS = {
    "latin": ["Flaş karar!", "Son dakika!", "Schock am Hafen!", "Is the port safe?", "Şok!"],
    "cyrillic": ["Шок в порту!", "Срочно!", "Что дальше?"],
}
STATEMENTS = {
    "latin": ["Eski liman kapatılıyor", "Alter Anleger wird gesperrt", "Engineers weigh in",
              "Liman idaresi üç ay kapalı kalacağını açıkladı"],
    "cyrillic": ["Старый причал закроют на три месяца", "Власти объявили о ремонте"],
}  # fmt: skip
EXCLAIM_LEDES = {
    "latin": PROSE,
    "cyrillic": "Власти порта в понедельник объявили о закрытии старого причала на ремонт.",
}


@given(st.sampled_from(sorted(EXCLAIMS)), st.data(), st.booleans())
def test_an_exclaimed_headline_in_any_cased_script(
    script: str, data: st.DataObject, kicker: bool
) -> None:
    """Whatever the cased script (Latin, Cyrillic) and a kicker above it, an exclamation or
    a question before the statement, no stop at the end, is the title."""
    line = f"{data.draw(st.sampled_from(EXCLAIMS[script]))} "
    line += data.draw(st.sampled_from(STATEMENTS[script]))
    head = "News\n" if kicker else ""
    article = clean_article(f"{head}{line}\n{EXCLAIM_LEDES[script]}\n")
    assert article.title == line
    assert article.body == EXCLAIM_LEDES[script]


#: Sections a page lists above its headline, in two cased scripts.
SECTIONS = ["Forschungsprojekte", "Kooperationen", "Wissenstransfer", "Politics", "World",
            "Экономика", "Общество", "Forschungs-"]  # fmt: skip


@example(
    ["Forschungsprojekte", "Kooperationen", "Politics", "World"],
    ", ",
    "Neue Fähre verbindet die Inseln ab dem kommenden Sommer wieder mit dem Festland",
    False,
)
@given(
    st.lists(st.sampled_from(SECTIONS), min_size=2, max_size=4, unique=True).filter(
        lambda items: not items[-1].endswith("-")
    ),
    st.sampled_from([", ", " / ", " | "]),
    st.sampled_from(
        [
            "Storm Closes The Harbour Port",
            "Шторм закрыл старый порт в городе",
            # a long headline in sentence case, which a list under it could take for a dek
            "Neue Fähre verbindet die Inseln ab dem kommenden Sommer wieder mit dem Festland",
        ]
    ),
    st.booleans(),
)
def test_a_list_of_sections_above_the_headline_is_passed_over(
    items: list[str], sep: str, headline: str, model: bool
) -> None:
    """A line listing the story's sections ("Forschungsprojekte, Kooperationen",
    "Politics / World") is no headline: the headline under it is the title, with the line
    model or without it, and again when the article is cleaned a second time."""
    assume(len(sep.join(items)) <= SECTION_LIST_CHARS)
    pipeline = DEFAULT if model else DEFAULT.without("classify.lines")
    text = f"{sep.join(items)}\n{headline}\n{PROSE}\n{MORE}"
    article = clean_article(text, pipeline=pipeline)
    assert article.title == headline
    assert article.paragraphs[-2:] == (PROSE, MORE)
    # read again, the list left in the body under the headline is no headline under a dek
    # (the prose is English: read again, a Cyrillic headline over it is a stray line)
    if not any("\u0400" <= c <= "\u04ff" for c in headline):
        assert clean_article(article.to_text(), pipeline=pipeline).title == headline


@pytest.mark.parametrize(
    "headline",
    [
        "Am 2. Juni öffnet der Hafen wieder für alle Schiffe",
        "1. FC Hafenstadt steigt in die 3. Liga ab",
        "Liman 3. Lig maçı için yeniden açılıyor",
    ],
)
def test_an_ordinal_is_no_sentence_end(headline: str) -> None:
    """An ordinal's stop ("2. Juni", "3. Liga") ends no sentence: the line is a headline."""
    article = clean_article(f"{headline}\n\n{PROSE}\n\n{MORE}")
    assert article.title == headline
    assert article.paragraphs == (PROSE, MORE)


def test_a_number_ending_a_sentence_inside_still_makes_prose() -> None:
    """A year or a score closing a sentence inside the line ("…in 2019. Ships…") is a stop:
    the line is no headline."""
    line = "The port closed in 2019. Ships now wait off the coast"
    assert clean_article(f"{line}\n\n{PROSE}").title is None


@pytest.mark.parametrize("headline", ["Eat, Pray, Love", "Hitze, Dürre, Waldbrände"])
def test_a_headline_shaped_as_a_list_is_the_title_when_alone(headline: str) -> None:
    """A headline of single words between commas is a list of sections only above another
    headline: alone above the lede it is the title."""
    assert clean_article(f"{headline}\n\n{PROSE}\n\n{MORE}").title == headline

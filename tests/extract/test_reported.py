"""extract.reported: the source named in the story's own words, read and left in place."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given

from copydesk import DEFAULT, Draft, clean_article
from copydesk.article import Edit
from copydesk.extract._ru_credits import read_ru_credit
from copydesk.extract.reported import (
    is_outlet,
    read_opening_outlet,
    read_outlet_dateline,
    read_outlet_says,
    read_reported,
    read_story_credit,
)
from copydesk.ledger import ledger_problems

from ..strategies_fields import (
    cited_doc,
    issuer_line_doc,
    outlet_line_doc,
    reported_doc,
    ru_credit_doc,
)
from ..strategies_meta import Doc

LEDE = "The harbour authority said on Monday that the old port would close on Tuesday."
MORE = "Engineers will inspect the sea wall and the cranes along the quay before it opens."


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The port closed on Monday, Reuters reported.", "Reuters"),
        ("The port closed on Monday, the Harbour Times reported.", "Harbour Times"),
        ("According to the Xinhua news agency, the port closed.", "Xinhua"),
        ("According to The Harbour Times, the port closed.", "Harbour Times"),
        ("Coastline Daily News reported on Monday that the port closed.", "Coastline Daily News"),
        ("The port closed, the BBC said on Monday.", "BBC"),
        ("Der Hafen ist zu, berichtete die Nachrichtenagentur dpa.", "dpa"),
        ("Der Hafen bleibt laut Hafen Zeitung bis Mai geschlossen.", "Hafen Zeitung"),
        ("Wie der Spiegel berichtet, bleibt der Hafen zu.", "Spiegel"),
        ("Según informó Diario del Puerto, el puerto cerró.", "Diario del Puerto"),
        ("As informações são do Jornal do Porto.", "Jornal do Porto"),
        ("Liman Gazetesi'nin haberine göre liman kapandı.", "Liman Gazetesi"),
        ("Anadolu Ajansı (AA) muhabirine konuşan yetkili limanın kapandığını söyledi.",
         "Anadolu Ajansı"),
        ("据港口日报报道，旧港周一关闭。", "港口日报"),
        ("2026年7月27日，海岸新闻记者从港务局确认，旧港关闭。", "海岸新闻"),
        ("據中央社報導，舊港週一關閉。", "中央社"),
        ("共同通信によると、港は閉鎖された。", "共同通信"),
        ("港湾新聞が報じた。", "港湾新聞"),
        ("Selon l'AFP, le port a fermé lundi.", "AFP"),
        ("Le port a fermé, rapporte Le Journal du Port.", "Journal du Port"),
        ("Secondo la Gazzetta del Porto, il porto è chiuso.", "Gazzetta del Porto"),
        ("Il porto è chiuso, scrive il Corriere della Sera.", "Corriere della Sera"),
        ("Secondo quanto riferisce l'ANSA, il porto è chiuso.", "ANSA"),
        # negative rows: no outlet, a person, an authority, a place, a common word, an address
        ("The port closed, the Interior Ministry said.", None),
        ("The port closed, police said on Monday.", None),
        ("According to Jane Roe, the port closed.", None),
        ("According to Washington, the port closed.", None),
        ("News reported on Monday spread fast.", None),
        ("According to www.example.com, the port closed.", None),
        ("据电视台报道，旧港关闭。", None),
        ("政府関係者によると、港は閉鎖された。", None),
        ("记者观察：旧港关闭。", None),
        ("Selon la police, le port a fermé.", None),
        ("Selon Jean Dupont, le port a fermé.", None),
        ("Secondo il ministro, il porto è chiuso.", None),
        ("Il porto è chiuso, scrive Mario Rossi.", None),
    ],
)  # fmt: skip
def test_read_reported(text: str, value: str | None) -> None:
    """An outlet the sentence credits is read, in English, German, Spanish, Portuguese,
    Turkish, Chinese and Japanese; a person, an authority, a place or an address never is."""
    found = read_reported(text)
    assert (found[2] if found else None) == value
    if found:
        assert value is not None
        assert text[found[0] : found[1]].startswith(value[:2])


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Reuters", True), ("Harbour Times", True), ("NHK", True), ("海岸新闻", True),
        ("港湾新聞", True), ("Jane Roe", False), ("Emergency Council", False),
        ("http://example.com", False), ("News", False), ("From Washington", False),
        ("Breaking News", False), ("Press Secretary", False), ("World News", False),
        ("Post Office", False), ("Sky News Australia", True), ("Riverside Wire", True),
    ],
)  # fmt: skip
def test_is_outlet(name: str, outlet: bool) -> None:
    """An outlet is known by its words; a person, a council, an address never is one."""
    assert is_outlet(name) == outlet


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("(EL MUNDO) La semana pasada el puerto cerró.", "EL MUNDO"),
        ("(Harbour Times) The port closed.", "Harbour Times"),
        ("(VIDEO) The port closed.", None),
        ("(Jane Roe) The port closed.", None),
        ("(2023) The port closed.", None),
        ("(NEW YORK) The port closed.", None),  # a place
        ("(SAN FRANCISCO) The port closed.", None),
        ("(LIVE UPDATES) The port closed.", None),  # a tag
        ("(Press Release) The port closed.", None),
    ],
)
def test_read_opening_outlet(text: str, found: str | None) -> None:
    """An outlet in brackets opening the lede; a tag, a person or a year is none."""
    got = read_opening_outlet(text)
    assert (got[1] if got else None) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Harbour Times – Portville", "Harbour Times"),
        ("Reuters - Portville", "Reuters"),
        ("صحيفة الميناء – الرياض", "صحيفة الميناء"),
        ("عين الميناء – الرياض", "عين الميناء"),
        ("From Washington:", None),
        ("الرياض – واس", None),  # "City – Agency": the wire reader's
        ("عين الميناء في الرياض – الساحل الشرقي", None),  # too many words for a name
        ("Jane Roe – Portville", None),
        ("News – World", None),
        ("Politics – Europe", None),
        # a section, a genre or an office is no outlet
        ("Breaking News – Live", None),
        ("World News – Europe", None),
        ("News Analysis – Economy", None),
        ("Press Release – Berlin", None),
        ("Daily Briefing – Monday", None),
        ("Post Office – London", None),
        ("https://example.com – Portville", None),
    ],
)
def test_read_outlet_dateline(text: str, found: str | None) -> None:
    """An "Outlet – City" line names the outlet; a person, a section or a place does not."""
    assert read_outlet_dateline(text) == found


def test_a_credit_in_the_lede_is_read_and_the_lede_stays_whole() -> None:
    """The source is read from the sentence, which stays whole in the body; the ledger holds
    a ``read`` edit on the name's span, and the reconstruction law holds."""
    lede = LEDE + " As informações são do Jornal do Porto."
    draft = DEFAULT.apply(Draft.from_text(f"Port closes after storm\n\n{lede}\n\n{MORE}"))
    assert draft.fields.source == "Jornal do Porto"
    reads = [e for e in draft.edits if e.kind == "read"]
    assert [(e.rule, e.old, e.new) for e in reads] == [
        ("extract.reported", "Jornal do Porto", "Jornal do Porto")
    ]
    assert draft.text[reads[0].start : reads[0].end] == "Jornal do Porto"
    assert ledger_problems(draft) == []
    assert clean_article(f"Port closes after storm\n\n{lede}\n\n{MORE}").paragraphs == (lede, MORE)


@pytest.mark.parametrize(
    "text",
    [
        # a story citing another outlet for a fact, in the lede, mid-story or at its end, is
        # not that outlet's story: the user's source is who published or supplied it
        f"{LEDE[:-1]}, Reuters reported.",
        f"{LEDE} According to the Harbour Times, the cranes are old.",
        "According to a New York Times/Siena poll, the race for mayor is tied in the city.",
        f"{LEDE} The talks failed, the Washington Post reported on Sunday.",
        "Der Hafen bleibt laut dpa bis Mai geschlossen, sagte ein Sprecher am Montag.",
        "Laut Polizei wurde der Mann am Montag am Hafen festgenommen und verhört.",
        "Polise göre şüpheli pazartesi günü limanda yakalandı ve sorguya alındı.",
        "Sabah Gazetesi'nin haberine göre bakan pazartesi günü istifa etti.",
        "港口周一关闭。据新华社报道，船只已改道前往邻近港口，预计下周恢复。",
        "据了解，该项目将于明年完工，港务局表示工程已经开始。",
        "据悉，双方将于下周在港口会谈，讨论船只改道的问题。",
        "他对本网记者说，港口将在下周重新开放，船只可以进港。",
        "港は月曜日に閉鎖された。関係者によると、再開は来週になる見通しだ。",
        "港は月曜日に閉鎖された。NHKによると、再開は来週になる見通しだ。",
        f"{LEDE} Super Bowl viewers hit a record, according to NBC News. The New England side won.",
    ],
)
def test_a_citation_gives_no_source(text: str) -> None:
    """A citation of one fact names no source and the paragraph stays whole, wherever it
    stands; clean is idempotent on it."""
    doc = f"Port closes after storm\n\n{LEDE}\n\n{text}\n\n{MORE}"
    for lede_doc in (doc, f"Port closes after storm\n\n{text}\n\n{MORE}"):
        article = clean_article(lede_doc)
        assert article.source is None
        assert text in article.paragraphs
        assert not [e for e in article.edits if e.kind == "read"]
        assert clean_article(article.body).source is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("O porto fechou. As informações são do Estadão.", "Estadão"),
        ("O porto fechou. Com informações do Jornal do Porto.", "Jornal do Porto"),
        ("Segundo informações da TV Globo, o porto fechou.", None),
        ("O porto fechou, segundo o jornal O Globo.", None),
        ("Liman müdürü AA muhabirine limanın kapandığını söyledi.", "AA"),
        ("2026年7月27日，海岸新闻记者从港务局确认，旧港关闭。", "海岸新闻"),  # in the lede
        ("The port closed on Monday, Reuters reported.", None),
        ("港口关闭。据央视新闻记者报道，船只改道。", None),  # a citation
        ("当地电视台记者拍到港口关闭的画面。", None),  # a kind, no name
        ("According to the New York Daily News, the port closed.", None),
        ("旧港周一关闭。据港口日报报道，船只改道。", None),  # not opening the lede: a citation
        ("港は閉鎖された。共同通信によると、再開は来週だ。", None),
    ],
)
def test_read_story_credit(text: str, value: str | None) -> None:
    """Only a credit that covers the story is read (a Chinese reporter's outlet in the lede
    only); a citation is not."""
    found = read_story_credit(text, opening=True)
    assert (found[2] if found else None) == value
    if regex.search(r"\p{Han}", text):
        assert read_story_credit(text) is None  # further in: a mention


@given(cited_doc())
def test_citations_give_no_source(doc: Doc) -> None:
    """An outlet cited for one fact, in any paragraph, gives no source; every paragraph stays
    whole."""
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert article.source is None
    assert not [e for e in article.edits if e.kind == "read"]


def test_a_forged_read_edit_breaks_the_law() -> None:
    """A ``read`` edit whose text is not the repaired text's is reported by the ledger check."""
    draft = DEFAULT.apply(Draft.from_text(f"{LEDE}\n\n{MORE}"))
    forged = draft.__class__(
        original=draft.original,
        text=draft.text,
        lines=draft.lines,
        fields=draft.fields,
        edits=(*draft.edits, Edit("extract.reported", "read", 0, 3, "Bad", "Bad")),
    )
    assert any("read edit" in p for p in ledger_problems(forged))


def test_an_earlier_source_wins() -> None:
    """A dateline's agency found earlier is kept; the prose credit is not read."""
    text = f"PORTVILLE (AP) — {LEDE[:-1]}, Reuters reported.\n\n{MORE}"
    article = clean_article(text)
    assert article.source == "AP"
    assert not [e for e in article.edits if e.kind == "read"]


def test_read_edits_round_trip() -> None:
    """A ``read`` edit survives ``to_dict``/``from_dict``."""
    edit = Edit("extract.reported", "read", 3, 10, "Reuters", "Reuters")
    assert Edit.from_dict(edit.to_dict()) == edit


@given(reported_doc())
def test_credits_in_prose_give_the_source(doc: Doc) -> None:
    """An outlet credited as the story's supplier or its reporter's employer inside the lede
    or the last paragraph (a Chinese or Japanese citation opening the lede too), gives the
    source; every paragraph stays whole and the ledger holds the
    ``read`` edit."""
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert article.source == doc.source
    assert any(e.kind == "read" and e.new == doc.source for e in article.edits)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Riverside Wire says…", "Riverside Wire"),
        ("21st Century Wire says...", "21st Century Wire"),
        ("Coastline News reports:", "Coastline News"),
        ("Jane Roe says…", None),
        ("The mayor says:", None),
    ],
)
def test_read_outlet_says(text: str, found: str | None) -> None:
    """A line introducing the story names its outlet; a person or an official does not."""
    assert read_outlet_says(text) == found


def test_a_dateline_above_the_lede_is_no_headline() -> None:
    """An "Outlet – City" line above the lede gives the source and is not taken as the title."""
    article = clean_article(f"عين الميناء – الرياض\n{LEDE}\n{MORE}")
    assert (article.source, article.title) == ("عين الميناء", None)
    assert article.paragraphs == (LEDE, MORE)


@given(outlet_line_doc())
def test_outlet_lines_give_the_source(doc: Doc) -> None:
    """An outlet's dateline line, its introducing line or its name in brackets opening the
    lede, in Latin or Arabic text, gives the source; the story's paragraphs stay whole."""
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert article.source == doc.source
    assert any(e.kind == "extracted" and doc.source in e.old for e in article.edits)


@given(issuer_line_doc())
def test_an_issuer_line_gives_the_source(doc: Doc) -> None:
    """A line naming the story's issuer (a press release's, a press contact's organisation,
    a Portuguese "Do X" credit) gives the source wherever it stands; it leaves the body with
    an ``extracted`` entry, and the story's paragraphs stay whole."""
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert article.source == doc.source
    assert any(e.kind == "extracted" and doc.source in e.old for e in article.edits)


@pytest.mark.parametrize(
    "text",
    [
        "I got the following press release from the harbour office after hours:",
        "Do Porto",
        "Pressekontakt:",
        "Press release",
        "Das Programm am 2. Juni",
        "Do US Sanctions Work",
        "Do G1 AM",
        "Global Media Contact:",
        "Pressemitteilung der Stadt",
    ],
)
def test_no_issuer_in_a_sentence_a_desk_or_a_place(text: str) -> None:
    """A sentence about a press release, a place ("Do Porto"), a label with no name, a
    German line opening with "Das", an English question opening with "Do", a Portuguese
    credit in an English story, or a generic word for the issuer ("Global Media Contact:",
    "Pressemitteilung der Stadt") names no issuer: the line stays in the body."""
    article = clean_article(f"{LEDE}\n\n{text}\n\n{MORE}")
    assert article.source is None
    assert text in article.paragraphs


@given(ru_credit_doc())
def test_russian_wire_credits_give_the_source(doc: Doc) -> None:
    """A Russian wire credit in the story's first lines ("Как передает ИА «Регнум», …", "…,
    передает корреспондент РИА Новости.", "…, сообщает ТАСС." closing the lede's first
    sentence) gives the source and leaves every paragraph whole, the ledger holding the
    ``read`` edit; a common noun, a company, an authority or a person after the same words,
    or the lede's form in a later paragraph, give none."""
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert article.source == doc.source
    reads = [e for e in article.edits if e.kind == "read"]
    assert [e.new for e in reads] == ([doc.source] if doc.source else [])


@pytest.mark.parametrize(
    ("text", "lede", "value"),
    [
        ("Как передает ИА «Регнум», глава компании сообщил подробности.", False, "ИА «Регнум»"),
        ("Как пишет газета «Портовые вести», порт закрыт.", False, "Портовые вести"),
        ("Об этом сообщает агентство Reuters.", False, "Reuters"),
        ("Порт закрыт, передает корреспондент РИА Новости.", False, "РИА Новости"),
        ("По данным Интерфакс, порт закрыт.", True, "Интерфакс"),
        ("Порт закрыт, сообщает ТАСС. Суда ждут на рейде.", True, "ТАСС"),
        ("Як передає Укрінформ, порт закрито.", False, "Укрінформ"),
        ("Порт закрито, передає кореспондент Укрінформу.", False, "Укрінформ"),
        ("Про це повідомляє УНІАН.", False, "УНІАН"),
        ("За даними Інтерфакс-Україна, порт закрито.", True, "Інтерфакс-Україна"),
        # negative rows: the lede's forms further down, a common noun, a company, an
        # authority, a ministry, a person, a lower-case word after a kind word
        ("По данным Интерфакс, порт закрыт.", False, None),
        ("Порт закрыт, сообщает ТАСС. Суда ждут на рейде.", False, None),
        ("Суда ждут. Порт закрыт, сообщает ТАСС.", True, None),
        ("Как передает источник, порт закрыт.", True, None),
        ("Как сообщает «Газпром», порт закрыт.", True, None),
        ("По данным МВД, порт закрыт.", True, None),
        ("Как сообщает Минобороны России, порт закрыт.", True, None),
        ("Порт закрыт, сообщил Иван Смирнов.", True, None),
        ("Как пишет газета местных властей, порт закрыт.", True, None),
        ("The port closed, as TASS reported.", True, None),
        ("Як передає джерело, порт закрито.", True, None),
        ("За даними МВС, порт закрито.", True, None),
    ],
)
def test_read_ru_credit(text: str, lede: bool, value: str | None) -> None:
    """The Russian credit reader: the outlet's value, or ``None`` for a look-alike."""
    found = read_ru_credit(text, lede=lede, is_outlet=is_outlet)
    assert (found[2] if found else None) == value
    if found is not None:
        assert text[found[0] : found[1]].startswith(value[:6])

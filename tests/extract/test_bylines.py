"""Tests for copydesk.extract.bylines and datelines: bylines, Authors: blocks, date lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.draft import Draft
from copydesk.extract import bylines
from copydesk.extract._meta_lines import _label_re, _label_span, _labels, read_labelled_parts
from copydesk.extract.bylines import (
    Byline,
    byline,
    read_byline,
    read_caps_name,
    read_contributors,
    read_reporter_place,
    read_signature,
)
from copydesk.extract.datelines import dateline, read_stamp

from ..strategies_meta import authors, join_names
from .guards import Everything

PROSE = "The port closed on Monday after a storm hit the coast, officials said."
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "By Deng Xiaoci Source:Globaltimes.cn Published: 2020/4/17 2:12:29",
            Byline(("Deng Xiaoci",), "Globaltimes.cn", dt.datetime(2020, 4, 17, 2, 12, 29)),
        ),
        ("By Jane Roe and John Doe", Byline(("Jane Roe", "John Doe"))),
        (
            "By Ana Ruiz, Luis Gómez and Pedro Sanz",
            Byline(("Ana Ruiz", "Luis Gómez", "Pedro Sanz")),
        ),
        ("By Ludwig van Beethoven", Byline(("Ludwig van Beethoven",))),
        ("Por Maria da Silva", Byline(("Maria da Silva",))),
        ("Par Jean-Luc Martin", Byline(("Jean-Luc Martin",))),
        ("Von Anna Schmidt", Byline(("Anna Schmidt",))),
        ("Автор: Иван Петров", Byline(("Иван Петров",))),
        ("記者王小明／台北報導", Byline(("王小明",))),
        ("聯合報／記者王小明／台北報導", Byline(("王小明",), "聯合報")),
        ("Author: Jane Roe", Byline(("Jane Roe",))),
        ("By Jane Roe, CNN", Byline(("Jane Roe",), "CNN")),
        (
            "By Jane Roe and Jo Lee, Associated Press",
            Byline(("Jane Roe", "Jo Lee"), "Associated Press"),
        ),
        ("By Jane Roe, Staff Writer", Byline(("Jane Roe",))),
        (
            "By JANE ROE and JO LEE Associated Press",
            Byline(("JANE ROE", "JO LEE"), "Associated Press"),
        ),
        ("By Jane Roe | Published March 3, 2023", Byline(("Jane Roe",), None, dt.date(2023, 3, 3))),
        (
            "By Jane Roe Updated March 3, 2023 6:00 AM",
            Byline(("Jane Roe",), None, dt.datetime(2023, 3, 3, 6, 0)),
        ),
        ("Yazar: Ayşe Yılmaz", Byline(("Ayşe Yılmaz",))),
        ("Haber: Ayşe Yılmaz", Byline(("Ayşe Yılmaz",))),
        ("Compiled by Jane Roe", Byline(("Jane Roe",))),
        ("Autorin: Anna Schmidt", Byline(("Anna Schmidt",))),
        ("Von Anna Schmidt, dpa", Byline(("Anna Schmidt",), "dpa")),
        ("Von Anna Schmidt, Hafenstadt", Byline(("Anna Schmidt",))),
        ("Eine Kolumne von Anna Schmidt", Byline(("Anna Schmidt",))),
        ("By Jane Roe, Senior Reporter", Byline(("Jane Roe",))),
        ("By Jane Roe, Tokyo Bureau Chief", Byline(("Jane Roe",))),
        ("By Jane Roe @janeroe", Byline(("Jane Roe",))),
        ("By Jane Roe • March 21, 2023", Byline(("Jane Roe",), None, dt.date(2023, 3, 21))),
        ("Text: Anna Schmidt", Byline(("Anna Schmidt",))),
        ("Words: Jane Roe", Byline(("Jane Roe",))),
        ("Jane Roe, jroe@example.com", Byline(("Jane Roe",))),
        ("Jane Roe (@janeroe)", Byline(("Jane Roe",))),
        ("— Jane Roe", Byline(("Jane Roe",))),
        ("Jane Roe, Senior Reporter", Byline(("Jane Roe",))),
        ("Anna Schmidt, Redakteurin", Byline(("Anna Schmidt",))),
        ("Jane Roe — Political Correspondent", Byline(("Jane Roe",))),
        ("Anna Schmidt - Redakteurin", Byline(("Anna Schmidt",))),
        ("Анна Петрова – корреспондент", Byline(("Анна Петрова",))),
        ("Ayşe Demir, Ekonomi Editörü", Byline(("Ayşe Demir",))),
        ("Ayşe Demir - Muhabir", Byline(("Ayşe Demir",))),
        ("本报记者 王小明", Byline(("王小明",))),
        ("文／王小明　攝影／李大同", Byline(("王小明",))),
        ("記者 王小明 報導", Byline(("王小明",))),
        ("By Jane Roe, Jo Lee and Ana Ruiz", Byline(("Jane Roe", "Jo Lee", "Ana Ruiz"))),
        ("Posted by Frank Roe on 19 Sep 2016", Byline(("Frank Roe",), None, dt.date(2016, 9, 19))),
        ("By Jane Roe: April 4, 2016", Byline(("Jane Roe",), None, dt.date(2016, 4, 4))),
        ("by Giovani – Liveanddare.com", Byline(("Giovani",), "Liveanddare.com")),
        ("As Written By Alex Roe for Daily Caller:", Byline(("Alex Roe",), "Daily Caller")),
        ("By Reuters", Byline((), "Reuters")),
        (
            "Original story by Jo Lee at Harbour News: “Storm Closes Port: What We Know“",
            Byline(("Jo Lee",), "Harbour News"),
        ),
        ("Written by Ana Ruiz, “a quiet port”", Byline(("Ana Ruiz",))),
        # a stamp with labelled parts, and a blog's "Posted on <date> by <name>"
        (
            "2023-08-22 18:58 來源：港口日報 作者：王小明",
            Byline(("王小明",), "港口日報", dt.datetime(2023, 8, 22, 18, 58)),
        ),
        (
            "發布時間：2023/08/22 | 來源：港口日報 | 責任編輯：李大同",
            Byline((), "港口日報", dt.date(2023, 8, 22)),
        ),
        (
            "2023年8月22日 18:58 出典：港口新聞",
            Byline((), "港口新聞", dt.datetime(2023, 8, 22, 18, 58)),
        ),
        (
            "Source: Harbour Times | Published: 21 March 2023",
            Byline((), "Harbour Times", dt.date(2023, 3, 21)),
        ),
        ("Posted on March 21, 2023 by Jane Roe", Byline(("Jane Roe",), None, dt.date(2023, 3, 21))),
        ("Posted on by harbourwatch", Byline(("harbourwatch",))),
        ("2023年03月21日 15:41 港口网", Byline((), "港口网", dt.datetime(2023, 3, 21, 15, 41))),
        ("港口新聞 2023/3/21 15:41", Byline((), "港口新聞", dt.datetime(2023, 3, 21, 15, 41))),
        (
            "Veröffentlicht am 21.03.2023 von Anna Schmidt",
            Byline(("Anna Schmidt",), None, dt.date(2023, 3, 21)),
        ),
        # negative rows: prose that opens like a byline, organisations as persons, dates
        ("來源：港口日報", None),  # one part: the credit readers take it
        ("他說：政府的來源：不明確", None),
        ("2023-08-22 18:58 來源：https://harbour.example/news/1", None),  # never a URL as source
        ("Posted on Facebook by the harbour council", None),
        ("Text messages reached the harbour council on Monday.", None),
        ("Reporter Jane Roe asked the mayor about the port.", None),
        ("Haber Merkezi", None),  # a news desk, not "Haber: <name>"
        # a reporter credit after the outlet, or in brackets on its own line
        ("By The Associated Press", Byline(source="Associated Press")),  # no person "The"
        ("By Reuters", Byline(source="Reuters")),
        ("新华社记者 王小明", Byline(authors=("王小明",), source="新华社")),
        ("港口日报记者 王小明、李大同", Byline(authors=("王小明", "李大同"), source="港口日报")),
        ("（记者 王小明）", Byline(authors=("王小明",))),
        ("（記者 山田太郎）", Byline(authors=("山田太郎",))),
        ("本报记者 王小明", Byline(authors=("王小明",))),  # "our paper": no outlet named
        ("2023/08/22 港口/航運", None),  # slashes between words are no labels
        ("— and then the port closed for the winter.", None),
        ("Jane Roe, the mayor", None),  # a job outside the lexicon's roles
        ("Write to desk@example.com with tips.", None),
        ("2023年03月21日 15:41 北京", None),  # a place after the stamp, not an outlet
        ("Published by the harbour council on Monday", None),
        ("By the end of the year, prices fell.", None),
        ("Por Deus, por minha mãe e pelo povo eu sou honesto.", None),
        ("by Taiwan's state-owned Chinese Petroleum Corp .", None),
        ("By 8 December 2022", None),
        ("Author details not found", None),
        ("Bypassing the rules is common.", None),
        ("By the way: “nothing is closed”, he said.", None),
        ("Written by hand: “the port is closed” on a sign.", None),
        ("Port Closes — Harbour Board Says", None),  # a dash, no job after it
        ("Jane Roe — the port's last ferry captain retires", None),
        ("新闻社会议 王小明", None),  # no "记者": not a reporter credit
        ("（记者 王小明", None),  # a bracket left open
    ],
)
def test_read_byline(line: str, want: Byline | None) -> None:
    """Bylines give authors, source and date; prose and non-persons give None."""
    assert read_byline(line) == want


def test_contributors_line() -> None:
    """A contributors line lists names; prose opening alike does not."""
    assert read_contributors("Additional reporting by Ana Ruiz and Jo Lee.") == (
        "Ana Ruiz",
        "Jo Lee",
    )
    assert read_contributors("With assistance from the public, police found him.") is None


def test_byline_step_takes_top_line_and_authors_block() -> None:
    """The byline step takes a top byline and a trailing 'Authors:' block with names."""
    d = byline(Draft.from_text(f"Port closes\nBy Jane Roe\n{PROSE}\n{PROSE}\nAuthors:\nJohn Doe"))
    assert d.fields.authors == ("Jane Roe", "John Doe")
    assert [line.state for line in d.lines] == [
        "body",
        "extracted",
        "body",
        "body",
        "extracted",
        "extracted",
    ]


def test_empty_authors_line_at_the_end() -> None:
    """An empty 'Authors:' line at the end is metadata too, with no author."""
    d = byline(Draft.from_text(f"{PROSE}\n{PROSE}\nAuthors:"))
    assert d.lines[-1].state == "extracted"
    assert d.fields.authors == ()


def test_bare_name_line_is_not_a_byline() -> None:
    """A bare capitalised line under the title may be a heading: it stays in the body."""
    d = byline(Draft.from_text(f"Port closes after storm\nMigraine Nightmare\n{PROSE}"))
    assert d.edits == ()


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Jay ROE", ("Jay ROE",)),
        ("Xuan Loc DOAN", ("Xuan Loc DOAN",)),
        ("Ana María de la CRUZ", ("Ana María de la CRUZ",)),
        ("Ian O'NEIL", ("Ian O'NEIL",)),
        # negative rows: headings, all-capitals lines, numerals, organisations, one word
        ("Migraine Nightmare", None),
        ("TÔ DENTRO", None),
        ("JAY ROE", None),
        ("Part III", None),
        ("Chapter XIV", None),
        ("Harbour NEWS", None),
        ("Storm Hits the COAST today", None),
        ("ROE", None),
        ("Jay Roe", None),  # no capitals: may be a heading
    ],
)
def test_read_caps_name(line: str, want: tuple[str, ...] | None) -> None:
    """A name with its family name in capitals is a byline; headings are not."""
    assert read_caps_name(line) == want


def test_caps_name_under_the_standfirst_is_taken() -> None:
    """'Jay ROE' between a standfirst and the text goes to authors."""
    d = byline(Draft.from_text(f"Port closes after the storm\nJay ROE\n{PROSE}\n{PROSE}"))
    assert d.fields.authors == ("Jay ROE",)
    assert [line.state for line in d.lines] == ["body", "extracted", "body", "body"]


VI = "Ông Nam cho biết cảng sẽ mở cửa trở lại vào tuần sau, sau khi bão đi qua."
RU = "Порт закроют на неделю, после того как шторм дойдёт до побережья, сообщили власти."


@pytest.mark.parametrize(
    ("tail", "names", "source"),
    [
        (" Thu Hà", ("Thu Hà",), None),
        (" Thu Hà - Văn Đức", ("Thu Hà", "Văn Đức"), None),
        (" VĂN ĐỨC", ("VĂN ĐỨC",), None),
        (" M.Đ", ("M.Đ",), None),
        (" PV (TTXVN)", (), "TTXVN"),
        (" Thu Hà (TTXVN)", ("Thu Hà",), "TTXVN"),
    ],
)
def test_read_signature(tail: str, names: tuple[str, ...], source: str | None) -> None:
    """A signature after the last sentence gives where it starts, the names and the agency."""
    assert read_signature(VI + tail) == (len(VI), names, source)


#: A caption run into the last paragraph, without a stop, as Vietnamese pages flatten it.
VI_CAPTION = "Hình ảnh một số đoàn thiếu nhi đến với liên hoan: Thiếu nhi các nước trong khu vực"
RU_CAPTION = "Порт закроют на неделю, после того как шторм дойдёт до побережья: вид на причал"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (VI_CAPTION + "  Thanh Tú", ("Thanh Tú",)),
        (VI_CAPTION + "   Thu Hà - Văn Đức ", ("Thu Hà", "Văn Đức")),
        (RU_CAPTION + "  Анна Петрова", ("Анна Петрова",)),
    ],
)
def test_signature_after_a_flattened_line_break(text: str, names: tuple[str, ...]) -> None:
    """Two or three spaces after a word stand for a line break: the signature after them
    counts without a stop before it."""
    cut = text.rindex(" " * 2)
    while text[cut - 1] == " ":
        cut -= 1
    assert read_signature(text) == (cut, names, None)


@pytest.mark.parametrize(
    "line",
    [
        VI_CAPTION + " Thanh Tú",  # one space: the caption's own words
        PROSE[:-1] + "  Jane Roe",  # ASCII: an English phrase as likely as a name
        VI_CAPTION + "  Thanh Tú nói rằng cảng sẽ mở",  # prose after the gap
        VI_CAPTION + "    Thanh Tú",  # four spaces: a layout gap, not one line break
        "أطفال من دول المنطقة في المهرجان خلال زيارة المدينة القديمة  سارة الحربي",  # no case
    ],
)
def test_flattened_signature_refuses(line: str) -> None:
    """One space, an ASCII phrase, prose, a wide gap or a script without case: no signature."""
    assert read_signature(line) is None


@given(
    st.lists(st.sampled_from(["Thanh Tú", "Thu Hà", "Văn Đức", "Анна Петрова", "Иван Смирнов"]),
             min_size=1, max_size=2, unique=True),
    st.sampled_from([VI_CAPTION, RU_CAPTION]),
    st.sampled_from(["  ", "   "]),
)  # fmt: skip
def test_flattened_signature_gives_the_authors(names: list[str], caption: str, gap: str) -> None:
    """A signature after a caption flattened into the last paragraph (Latin, Cyrillic) gives
    the authors; it leaves the paragraph with its ledger entry, the caption stays."""
    article = clean_article(f"{VI}\n\n{RU}\n\n{caption}{gap}{' - '.join(names)}")
    assert article.authors == tuple(names)
    assert article.paragraphs[-1] == caption
    assert any(e.kind == "extracted" and names[0] in e.old for e in article.edits)


def test_signature_glued_without_a_space() -> None:
    """'…побережья.Анна Петрова': the name starts right after the stop."""
    assert read_signature(RU + "Анна Петрова") == (len(RU), ("Анна Петрова",), None)


@pytest.mark.parametrize(
    "line",
    [
        PROSE + " God Bless America",  # an English phrase: signatures need a non-ASCII name
        VI + " Hà",  # one word: too little to tell a name
        VI + " Hà Nội, Việt Nam.",  # ends a sentence
        "Endereço: Rua Dr. Virgílio de Souza Lima",  # a title's stop is no sentence end
        RU + " ВСЕ ПРАВА ЗАЩИЩЕНЫ. ПЕРЕПЕЧАТКА ЗАПРЕЩЕНА",  # sentences in capitals
        VI + " PV (Báo Mới Hôm Nay)",  # not a known agency
        "Cảng mở cửa. Thu Hà",  # too short to be a paragraph with a signature
        RU + "Ваш комментарий",  # lower case after the first word: prose
    ],
)
def test_read_signature_refuses(line: str) -> None:
    """Phrases, places, titles and sentences after the last stop are no signature."""
    assert read_signature(line) is None


def test_signature_is_cut_from_the_last_paragraph() -> None:
    """The signature leaves the last line for authors; the paragraph stays."""
    d = byline(Draft.from_text(f"{VI}\n{VI} Thu Hà - Văn Đức"))
    assert [line.text for _, line in d.body()] == [VI, VI]
    assert d.fields.authors == ("Thu Hà", "Văn Đức")
    assert [(e.kind, e.old) for e in d.edits] == [("extracted", " Thu Hà - Văn Đức")]


def test_byline_in_the_middle_stays() -> None:
    """A byline-like line deep inside the body is left alone."""
    text = "\n".join([PROSE] * 8 + ["By Jane Roe"] + [PROSE] * 8)
    assert byline(Draft.from_text(text)).edits == ()


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("| 8 December 2022, Thursday |", dt.date(2022, 12, 8)),
        ("Updated Nov 2, 2022 | 02:55 PM IST", dt.datetime(2022, 11, 2, 14, 55, tzinfo=IST)),
        (
            "Published on: Wednesday, November 02, 2022, 02:19 PM IST",
            dt.datetime(2022, 11, 2, 14, 19, tzinfo=IST),
        ),
        (
            "Nakshab Khan Updated Nov 2, 2022 | 01:36 PM IST",
            dt.datetime(2022, 11, 2, 13, 36, tzinfo=IST),
        ),
        ("2023/08/22 18:50", dt.datetime(2023, 8, 22, 18, 50)),
        ("Giriş: 21.03.2023 15:41", dt.datetime(2023, 3, 21, 15, 41)),
        ("Oluşturulma Tarihi: 21 Mart 2023 15:41", dt.datetime(2023, 3, 21, 15, 41)),
        ("Di 21.03.2023 | 15:41 Uhr", dt.datetime(2023, 3, 21, 15, 41)),
        ("Erstellt am 21.03.2023 um 15:41 Uhr", dt.datetime(2023, 3, 21, 15, 41)),
        # negative rows
        ("Markets closed on 8 December 2022 after the vote.", None),
        ("So the port closed on 21.03.2023 at last.", None),
        ("Giriş kapısı 21 Mart'ta kapandı.", None),
        ("Updated rules apply from 2 Nov 2022", None),
        ("Updated", None),
    ],
)
def test_read_stamp(line: str, want: dt.date | None) -> None:
    """Stand-alone stamps (with labels and names) parse; sentences do not."""
    got = read_stamp(line)
    assert (got[0] if got else None) == want


def test_dateline_step_first_line_then_title() -> None:
    """A dateline before the title is taken, so the title is the first body line again."""
    d = dateline(Draft.from_text(f"| 8 December 2022, Thursday |\n\nPort closes\n\n{PROSE}"))
    assert d.fields.published == dt.date(2022, 12, 8)
    assert [line.text for _, line in d.body()] == ["Port closes", PROSE]
    assert d.edits[0].rule == "extract.datelines"


def test_dateline_inside_prose_stays() -> None:
    """A sentence naming a date is never taken."""
    text = f"Port closes\nOn 8 December 2022 the port closed.\n{PROSE}"
    assert dateline(Draft.from_text(text)).edits == ()


_OPENER_PIECES = st.sampled_from(
    ["By", "BY", "by:", "Posted", "posted by", "Additional", "reporting", "by", "Con", "la",
     "asistencia", "de", "Автор:", "Text:", "Ann Lee", "and", "Jo Roe", ":", "\t", "  ",
     "Source:", "Reuters", "Published:", "2020/4/17"]
)  # fmt: skip


@given(st.lists(_OPENER_PIECES, min_size=1, max_size=8).map(" ".join))
@example("BY:Ann Lee")
@example("Additional reporting by Ann Lee and Jo Roe")
def test_opener_guard_changes_no_reading(line: str) -> None:
    """The first-word guard of the openers skips only lines no opener can open."""
    guarded = (read_byline(line), read_contributors(line))
    with mock.patch.object(bylines, "first_words", return_value=Everything()):
        assert (read_byline(line), read_contributors(line)) == guarded


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Ayşe KAYA / İSTANBUL", Byline(authors=("Ayşe KAYA",))),
        ("Mehmet Demir/ANKARA, (DHA)", Byline(authors=("Mehmet Demir",), source="DHA")),
        ("Ayşe Kaya / İZMİR - İHA", Byline(authors=("Ayşe Kaya",), source="İHA")),
        # negative rows: an outlet after the slash, no person, an unknown agency
        ("Jo Lee / Harbour Post", None),
        ("AP / REUTERS", None),
        ("Ayşe Kaya / İSTANBUL - Harbour Post", None),
        ("Portlar / LİMAN", None),
        # a photo credit: an agency or an outlet after the photographer is no place
        ("Jane Roe / AP", None),
        ("Jane Roe / REUTERS", None),
        ("Jane Roe/AFP", None),
        ("Jane ROE / CNN", None),
        ("Jane Roe / NEW YORK TIMES", None),
        ("Ayşe Kaya / DHA", None),
        ("Jane Roe / AP - Reuters", None),
        ("Ali Veli / VAN", Byline(authors=("Ali Veli",))),  # a short place has a vowel
        ("Ayşe KAYA / İSTANBUL - DHA", Byline(authors=("Ayşe KAYA",), source="DHA")),
    ],
)
def test_read_reporter_place(line: str, want: Byline | None) -> None:
    """A reporter's signature with the place in capitals after a slash names one person;
    the place is never a second name."""
    assert read_reporter_place(line) == want


@pytest.mark.parametrize(
    "top", ["Port closes\n\nBy Jo Lee\n\nJane Roe / AP", "Port closes\n\nJane Roe / AP"]
)
def test_photo_credit_under_the_byline_is_no_author(top: str) -> None:
    """A photo credit ('Jane Roe / AP') gives no author; the agency stays with the credit."""
    article = clean_article(f"{top}\n\n{PROSE}\n\n{PROSE} Again.\n\n{PROSE} Later.")
    assert "Jane Roe" not in article.authors
    assert [c.credit for c in article.captions] == ["Jane Roe / AP"]


@pytest.mark.parametrize(
    ("last", "source"),
    [
        ("© 2024 Reuters", "Reuters"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "Associated Press"),
        ("© dpa-infocom, dpa:240312-99-123456/2", "dpa"),
        # negative rows: the site's own copyright, a photo agency, a person, a year only
        ("© 2024 Harbour Times", None),
        ("© 2024 Getty Images", None),
        ("© Jane Roe 2024", None),
        ("© 2024", None),
        ("Copy the link to share this story.", None),
    ],
)
def test_copyright_line_names_the_source(last: str, source: str | None) -> None:
    """A copyright line among the last lines naming a news agency is the source, taken with
    its ledger entry; other owners are left to the residue rules."""
    article = clean_article(f"Storm Closes Port\n{PROSE}\nShips were moved to the north.\n{last}")
    assert article.source == source
    taken = any(e.rule == "extract.bylines" and e.old.strip() == last for e in article.edits)
    assert taken == (source is not None)


@pytest.mark.parametrize(
    ("line", "authors", "rest"),
    [
        ("Effects of the Harbour Tariffs (Report) Author: Jane Roe, Director of Research and",
         ("Jane Roe",), "Effects of the Harbour Tariffs (Report)"),
        ("Hafenzölle im Überblick Autorin: Anna Müller | Lesezeit 3 Minuten",
         ("Anna Müller",), "Hafenzölle im Überblick"),
        # negative rows: no person after the label, a label inside a sentence
        ("Harbour Tariffs Report Author: Harbour Council Research Unit Staff Team Group", (), None),
        ("The council asked the Author: the port is closed for now", (), None),
    ],
)  # fmt: skip
def test_author_label_glued_in_a_header_line(
    line: str, authors: tuple[str, ...], rest: str | None
) -> None:
    """An author label glued after other words of a header line gives the author; the
    words before it stay in the body, the label and what follows leave it with a ledger
    entry."""
    article = clean_article(f"Storm Closes Port\n{line}\n{PROSE}\nShips were moved to the north.")
    assert article.authors == authors
    if rest is not None:
        assert rest in (*article.paragraphs, article.title)  # a headline-shaped rest
        assert any(e.rule == "extract.bylines" and authors[0] in e.old for e in article.edits)


@pytest.mark.parametrize(
    ("line", "authors", "source", "published"),
    [
        ("By Jane Roe | Harbour Times | March 3, 2023", ("Jane Roe",), "Harbour Times",
         dt.date(2023, 3, 3)),
        ("Jane Roe · 3 min read", ("Jane Roe",), None, None),
        ("Jane Roe | Senior Reporter", ("Jane Roe",), None, None),
        ("Story by Jane Roe • Photos by Jo Lee", ("Jane Roe",), None, None),
        ("Von Anna Schmidt | Lesezeit: 4 Min.", ("Anna Schmidt",), None, None),
        ("Анна Петрова | Корреспондент | 3 марта 2023", ("Анна Петрова",), None,
         dt.date(2023, 3, 3)),
        ("By Jane Roe Staff Writer", ("Jane Roe",), None, None),
        # negative rows: a menu, names and an outlet with no sign, a sentence with a bar
        ("Home | World | Harbour", None, None, None),
        ("Storm Closes Port | March 3, 2023", None, None, None),  # a headline and its date
        ("Jane Roe | Harbour Times", None, None, None),
        ("Ports | The harbour closed on Monday after the storm", None, None, None),
        ("Politics · 3 min read", None, None, None),  # a section and a reading time
        ("World News · 3 min read", None, None, None),
        ("Sports | Senior Reporter", None, None, None),
    ],
)  # fmt: skip
def test_bylines_in_parts(
    line: str, authors: tuple[str, ...] | None, source: str | None, published: dt.date | None
) -> None:
    """A byline in parts between bars or bullets: names (with "By" or beside a date, a job or
    a reading time), then an outlet, a date, a job, a reading time or a photo credit; a
    menu or names beside an outlet alone are none. A person is never the source."""
    found = read_byline(line)
    if authors is None:
        assert found is None or not found.authors
    else:
        assert found is not None
        assert (found.authors, found.source, found.published) == (authors, source, published)


@given(
    st.sampled_from(["Jane Roe", "Jo Lee", "Ana Ruiz", "Анна Петрова", "Иван Смирнов"]),
    st.sampled_from(["|", "•", "·"]),
    st.lists(
        st.sampled_from(["3 min read", "Senior Reporter", "March 3, 2023", "Photos by Jo Mensah"]),
        min_size=1,
        max_size=3,
        unique=True,
    ).filter(lambda ps: bool({"3 min read", "Senior Reporter"} & set(ps))),
)
def test_bylines_in_parts_give_the_names(name: str, sep: str, parts: list[str]) -> None:
    """Names and a reading time or a job (with a date and a photo credit or not), in Latin
    or Cyrillic, give the names and nothing else as authors."""
    found = read_byline(f" {sep} ".join([name, *parts]))
    assert found is not None
    assert found.authors == (name,)
    assert found.source is None


#: German outlets named in one word, or ending in such a word, after a byline's names.
GERMAN_OUTLETS = ["Hafenzeitung", "Stadtanzeiger", "Hamburger Morgenpost", "Nordkurier",
                  "Portviller Tagblatt", "Hafen Rundschau"]  # fmt: skip
#: One word after the names that is no outlet: a place, a desk, a leaflet.
NOT_OUTLETS = ["Hafenstadt", "Hamburg", "Zeitung", "Merkblatt", "Textnachrichten"]


@given(authors(), st.sampled_from(GERMAN_OUTLETS), st.sampled_from(["Von", "By", "Text:"]))
def test_outlet_after_the_names_is_the_source(
    names: tuple[str, ...], outlet: str, opener: str
) -> None:
    """ "Von Anna Berger, Hafenzeitung": a German outlet after the names is the source, not
    a person nor a place."""
    assert read_byline(f"{opener} {join_names(names)}, {outlet}") == Byline(names, outlet)


@given(authors(), st.sampled_from(NOT_OUTLETS))
def test_word_after_the_names_that_is_no_outlet(names: tuple[str, ...], word: str) -> None:
    """A place or an ordinary noun after the names names no source."""
    byline = read_byline(f"Von {join_names(names)}, {word}")
    assert byline is None or byline.source is None


@given(
    authors().filter(lambda names: len(names) <= 2),
    st.sampled_from(["Harbour Times", "Hafenzeitung", "Coastline Weekly"]),
)
def test_signature_with_the_outlet(names: tuple[str, ...], outlet: str) -> None:
    """ "— Jane Roe, Harbour Times" closing the text: one or two persons and the outlet."""
    assert read_byline(f"— {join_names(names)}, {outlet}") == Byline(names, outlet)


@pytest.mark.parametrize("word", ["Portville", "Hamburg", "Merkblatt"])
def test_signature_with_a_place(word: str) -> None:
    """ "— Jane Roe, Portville": a place after a signature names no source."""
    byline = read_byline(f"— Jane Roe, {word}")
    assert byline is None or byline.source is None


_LABEL_PIECES = st.sampled_from(sorted(_labels())) | st.sampled_from(
    ["Jane Roe", "王小明", "2023-08-22", "18:58", "|", " ", "\t", "  ", "：", ":", "／", "/", "é"]
)


@given(st.lists(_LABEL_PIECES, min_size=1, max_size=8).map("".join))
@example("Jane Roe and Jo Lee | Source: Harbour Times")
@example("文／王小明　攝影／李大同")
@example("图/文: 王小明")  # a label holding a slash, then its colon
def test_labels_are_found_in_their_span_as_in_the_whole_line(line: str) -> None:
    """Scanning only the span around the colons and slashes finds the labels a scan of the
    whole line finds."""
    if not any(c in line for c in ":：／/"):
        return
    whole = [m.span() for m in _label_re().finditer(line)]
    assert [m.span() for m in _label_re().finditer(line, *_label_span(line))] == whole


@given(
    st.sampled_from(sorted(_labels())),
    st.sampled_from([str.upper, str.lower, str.title, str.casefold]),
    st.sampled_from(["Jane Roe", "12.03.2023", "AA", "王小明"]),
)
@example("yayınlanma", str.upper, "12.03.2023")  # "YAYINLANMA": casefold gives "yayinlanma"
def test_a_label_in_any_case_is_read_without_error(
    label: str, case: Callable[[str], str], value: str
) -> None:
    """Law: a labelled line reads whatever the case of its labels (the pattern matches them
    case-insensitively, and Turkish "I" is "ı" upper-cased): a value or None, never an
    error."""
    line = f"{case(label)}: {value} | {case('kaynak')}: AA"
    read_labelled_parts(line)
    clean_article(f"{line}\n\n{PROSE}")


TR_HEAD = "Fırtına nedeniyle eski liman onarım için kapatılıyor"
TR_PARAS = (
    "Liman idaresi pazartesi günü yaptığı açıklamada, eski limanın onarım için kapatılacağını "
    "bildirdi.",
    "Yetkililer, onarım maliyetinin henüz belirlenmediğini ve görüşmelerin süreceğini söyledi.",
)
REPORTERS = ["Ayşe Yılmaz", "Mehmet Demir", "Anna Schmidt", "Jane Roe"]
PLACES = ["İstanbul", "Ankara", "Hamburg", "London"]
BYLINE_OPENERS_PLACED = ["Muhabir:", "Yazar:", "Haber:", "Von", "By"]
DESKS = ["Haber Merkezi", "Dış Haberler Servisi", "Ekonomi Servisi", "Business Desk"]


@given(
    st.sampled_from(BYLINE_OPENERS_PLACED),
    st.sampled_from(REPORTERS),
    st.sampled_from([" - ", " / ", " | ", ", "]),
    st.sampled_from(PLACES),
)
def test_byline_with_the_place_after_the_name(opener: str, name: str, sep: str, place: str) -> None:
    """The place a reporter writes from after a dash, a slash or a bar closes the byline
    ("Muhabir: Ayşe Yılmaz - İstanbul"): it is no author; the byline leaves the body with a
    ledger entry, the paragraphs stay."""
    line = f"{opener} {name}{sep}{place}"
    article = clean_article("\n\n".join([TR_HEAD, line, *TR_PARAS]))
    assert article.authors == (name,)
    assert article.paragraphs == TR_PARAS
    assert any(e.kind == "extracted" and e.old.strip() == line for e in article.edits)


@given(st.sampled_from(DESKS))
def test_news_desk_under_the_headline_is_the_source(desk: str) -> None:
    """A news desk signing the story under the headline ("Haber Merkezi") is the source,
    no author, alone or after a byline opener ("Haber:" opens a byline only before its
    colon: "Haber Merkezi" is no byline of "Merkezi"); the paragraphs stay."""
    for line in (desk, f"Yazar: {desk}", f"Haber: {desk}"):
        article = clean_article("\n\n".join([TR_HEAD, line, *TR_PARAS]))
        assert (article.authors, article.source) == ((), desk)
        assert article.paragraphs == TR_PARAS


@given(st.sampled_from(["Editör:", "Editor:"]), st.sampled_from(REPORTERS))
def test_editor_credit_is_a_contributor(label: str, name: str) -> None:
    """An editor's credit ("Editör: Ayşe Yılmaz") names a contributor, no author: the line
    leaves the body, the paragraphs stay."""
    article = clean_article("\n\n".join([TR_HEAD, f"{label} {name}", *TR_PARAS]))
    assert article.authors == ()
    assert article.metadata.get("contributors") == name
    assert article.paragraphs == TR_PARAS


@given(
    st.sampled_from(["Muhabir: ", "Von ", "Editör: ", "Yazar: ", "ライター："]),
    st.sampled_from(REPORTERS),
    st.sampled_from(PLACES),
)
def test_byline_opening_a_body_paragraph_leaves_it_in_the_body(
    opener: str, name: str, place: str
) -> None:
    """A byline's words opening a sentence of the story ("Muhabir: Ayşe Yılmaz - İstanbul'da
    liman …") leave the paragraph in the body, whole."""
    para = (
        f"{opener}{name} - {place}'da liman idaresi pazartesi günü yaptığı açıklamada, eski "
        "limanın onarım için kapatılacağını bildirdi ve maliyetin belirlenmediğini söyledi."
    )
    article = clean_article("\n\n".join([TR_HEAD, para, *TR_PARAS]))
    assert article.paragraphs == (para, *TR_PARAS)


STAMPS_FIRST = {
    "06.05.2024, 14:30 Uhr": dt.datetime(2024, 5, 6, 14, 30),
    "05.12.2025 14:30": dt.datetime(2025, 12, 5, 14, 30),
    "March 3, 2023": dt.date(2023, 3, 3),
}


@given(
    st.sampled_from(sorted(STAMPS_FIRST)),
    st.sampled_from([" | ", " · ", " • "]),
    st.sampled_from(["Von", "Muhabir:", "By", "Yazar:"]),
    st.sampled_from(REPORTERS),
)
def test_stamp_before_the_byline(stamp: str, sep: str, opener: str, name: str) -> None:
    """A stamp before a byline with its opener on one line ("06.05.2024, 14:30 Uhr | Von
    Anna Schmidt") gives the date and the author; the line leaves the body with a ledger
    entry, the paragraphs stay."""
    line = f"{stamp}{sep}{opener} {name}"
    article = clean_article("\n\n".join([TR_HEAD, line, *TR_PARAS]))
    assert article.authors == (name,)
    published = article.published
    if isinstance(published, dt.datetime):
        published = published.replace(tzinfo=None)
    assert published == STAMPS_FIRST[stamp]
    assert article.paragraphs == TR_PARAS
    assert any(e.kind == "extracted" and e.old.strip() == line for e in article.edits)


def test_stamp_before_a_headline_is_no_byline() -> None:
    """A stamp before a capitalised phrase without an opener is no byline: the phrase may
    be a headline or a menu."""
    assert read_byline("March 3, 2023 | Storm Closes Port") is None


@given(
    st.sampled_from(
        ["Von unserer Korrespondentin", "Von unserem Korrespondenten", "Von unserem Redakteur"]
    ),
    st.sampled_from(REPORTERS),
    st.sampled_from(["", ", Paris", ", Hamburg"]),
)
def test_german_correspondent_byline(opener: str, name: str, place: str) -> None:
    """ "Von unserer Korrespondentin Anna Schmidt, Paris" names the author, no place; the line
    leaves the body, the paragraphs stay; opening a sentence of the story it stays."""
    article = clean_article("\n\n".join([TR_HEAD, f"{opener} {name}{place}", *TR_PARAS]))
    assert article.authors == (name,)
    assert article.paragraphs == TR_PARAS
    para = f"{opener} {name} war am Montag im Hafen, als die Behörde die Schließung bekannt gab."
    article = clean_article("\n\n".join([TR_HEAD, *TR_PARAS, para]))
    assert para in article.paragraphs


ZH_STORY = (
    "港口管理局周一表示，由于台风影响，旧港将暂时关闭进行维修，维修费用尚未确定。",
    "有关人士称，船只已转往北部港口停靠，航运预计下周恢复正常。",
)


@given(
    st.sampled_from(["来源：", "本文来源：", "消息来源："]),
    st.sampled_from(["新华网", "人民日报", "中国新闻网"]),
    st.sampled_from(["", " 作者：王小明", " 作者：李大同"]),
    st.sampled_from([" 2024-05-06 14:30", " 2024/05/06", ""]),
)
def test_chinese_labelled_parts_with_a_closing_stamp(
    label: str, outlet: str, author: str, stamp: str
) -> None:
    """A Chinese header line of labelled parts with a bare stamp closing it ("来源：新华网
    作者：王小明 2024-05-06 14:30") gives each field; the paragraphs stay."""
    line = f"{label}{outlet}{author}{stamp}"
    article = clean_article("\n\n".join(["台风导致旧港暂时关闭", line, *ZH_STORY]))
    assert article.source == outlet
    assert article.authors == ((author.split("：")[1],) if author else ())
    assert (article.published is not None) == bool(stamp)
    if article.published is not None:
        assert article.published.isoformat()[:10] == "2024-05-06"
    assert article.paragraphs == ZH_STORY


#: Wire agencies as a reporter's byline names them, with the source each gives.
WIRE_REPORTERS = [
    ("AA", "AA", "muhabiri"),
    ("DHA", "DHA", "muhabiri"),
    ("Anadolu Ajansı (AA)", "AA", "muhabiri"),
    ("Reuters", "Reuters", "correspondent"),
    ("dpa", "dpa", "Korrespondent"),
    ("AFP", "AFP", "correspondant"),
]


@given(authors().filter(lambda names: len(names) <= 2), st.sampled_from(WIRE_REPORTERS))
def test_agency_reporter_byline_gives_names_and_source(
    names: tuple[str, ...], wire: tuple[str, str, str]
) -> None:
    """ "AA muhabiri Ayşe Kaya", "Reuters correspondent Jane Roe" (tr, en, de, fr): the
    names after the agency's reporter word are the authors, the agency is the source."""
    agency, source, word = wire
    assert read_byline(f"{agency} {word} {join_names(names)}") == Byline(names, source)


def test_agency_reporter_byline_in_a_page() -> None:
    """The byline under a Turkish headline leaves the body; the lede after it stays."""
    lede = "İstanbul (AA) - Türkiye'nin ihracatı haziran ayında yüzde 8 artarak rekor kırdı."
    rest = "Ticaret Bakanlığı verilerine göre, otomotiv sektörü artışa en büyük katkıyı yaptı."
    article = clean_article(f"İhracat haziranda arttı\nAA muhabiri Ayşe Kaya\n{lede}\n{rest}")
    assert article.authors == ("Ayşe Kaya",)
    assert article.source == "AA"
    assert "AA muhabiri Ayşe Kaya" not in article.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "AA muhabirine konuşan Ayşe Kaya",
        "AA muhabiri olarak çalışan Ayşe Kaya yarın geliyor",
        "Hafen muhabiri Ayşe Kaya",
        "Reuters said Jane Roe",
        "Reuters correspondents in the region",
    ],
)
def test_agency_reporter_prose_is_no_byline(line: str) -> None:
    """A reporter word that is no byline's (quoting the reporter, a sentence, an outlet
    that is no agency) names no author."""
    byline = read_byline(line)
    assert byline is None or not byline.authors


# A byline and the page's stamp on one line, apart by a space only (a header's boxes
# flattened): the stamp before or after it, in each script the form is written in.
@pytest.mark.parametrize(
    ("line", "authors", "source", "day"),
    [
        ("July 14, 2025 By Jane Roe", ("Jane Roe",), None, "2025-07-14"),
        ("By Jane Roe and Tom Field July 14, 2025", ("Jane Roe", "Tom Field"), None, "2025-07-14"),
        ("14.07.2025, 10:20 Uhr Von Anna Schmidt", ("Anna Schmidt",), None, "2025-07-14"),
        ("Von Anna Schmidt 14.07.2025, 10:20 Uhr", ("Anna Schmidt",), None, "2025-07-14"),
        ("14.07.2025 09:15 Yazar: Ayşe Kaya", ("Ayşe Kaya",), None, "2025-07-14"),
        ("Автор: Анна Петрова 14.07.2025 09:15", ("Анна Петрова",), None, "2025-07-14"),
        ("2025-07-14 15:30 港口日報／記者陳美玲／台北報導", ("陳美玲",), "港口日報", "2025-07-14"),
        # negative rows: a stamp before prose, a byline word in a sentence, a name without opener
        ("July 14, 2025 By the end of the day the port had closed", None, None, None),
        ("14.07.2025 Von der Regierung kam keine Antwort", None, None, None),
        ("Jane Roe July 14, 2025", None, None, None),
        ("2025-07-14 15:30 港口今天關閉，航班全部取消。", None, None, None),
    ],
)
def test_a_stamp_beside_a_byline(
    line: str, authors: tuple[str, ...] | None, source: str | None, day: str | None
) -> None:
    """The stamp before or after a byline, apart by a space (en, de, tr, ru, zh), gives the
    byline's names and the date; a stamp beside prose or a bare name gives no byline."""
    got = read_byline(line)
    if authors is None:
        assert got is None
        return
    assert got is not None
    assert (got.authors, got.source) == (authors, source)
    assert got.published is not None
    assert got.published.isoformat()[:10] == day


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Roe Published July 14, 2022", ("Jane Roe",)),
        ("Von Anna Schmidt Veröffentlicht am 14.07.2022", ("Anna Schmidt",)),
        ("Jane Roe Published July 14, 2022", ("Jane Roe",)),
        # negative row: a date alone names no one
        ("Published July 14, 2022", ()),
    ],
)
def test_a_byline_before_a_labelled_stamp_leaves_its_opener(
    line: str, authors: tuple[str, ...]
) -> None:
    """ "By" or "Von" opening the names before "Published <date>" is no part of the name."""
    stamp = read_stamp(line)
    assert stamp is not None
    assert stamp[2] == authors


STAMPS_BESIDE = {
    "latin": ["July 14, 2025", "Tue July 14, 2025 4:05 AM EDT", "14.07.2025, 10:20 Uhr",
              "14.07.2025 09:15"],
    "cyrillic": ["14.07.2025 09:15", "14 июля 2025"],
    "cjk": ["2025-07-14 15:30", "2025/07/14 10:20"],
}  # fmt: skip
OPENERS_BESIDE = {"latin": ["By", "Von", "Yazar:"], "cyrillic": ["Автор:"], "cjk": []}
CJK_NAMES = ["陳美玲", "王小明", "李大同"]


@given(
    st.sampled_from(sorted(STAMPS_BESIDE)),
    st.data(),
    st.booleans(),
)
def test_a_stamp_beside_a_byline_in_any_order(
    script: str, data: st.DataObject, first: bool
) -> None:
    """Whatever the script (Latin, Cyrillic, CJK), the stamp's form, and its side of the
    byline, the names and the date are read from the one line."""
    stamp = data.draw(st.sampled_from(STAMPS_BESIDE[script]))
    if script == "cjk":
        name = data.draw(st.sampled_from(CJK_NAMES))
        credit, want = f"港口日報／記者{name}／台北報導", (name,)
        first = True  # a Chinese page writes the stamp first
    elif script == "cyrillic":
        want = data.draw(st.sampled_from([("Анна Петрова",), ("Иван Смирнов",)]))
        credit = f"Автор: {want[0]}"
    else:
        want = data.draw(authors().filter(lambda names: len(names) <= 2))
        opener = data.draw(st.sampled_from(OPENERS_BESIDE[script]))
        credit = f"{opener} {join_names(want)}"
    got = read_byline(f"{stamp} {credit}" if first else f"{credit} {stamp}")
    assert got is not None
    assert got.authors == want
    assert got.published is not None
    assert got.published.isoformat()[:10] == "2025-07-14"


# A role between the names of a Chinese reporter credit ("本报记者 王小明 通讯员 李芳") is no
# person: the names on both sides are the credit's.
@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("本报记者 王小明 通讯员 李芳", ("王小明", "李芳")),
        ("（记者 王小明 实习生 李芳）", ("王小明", "李芳")),
        ("本報記者 陳美玲 攝影 林文", ("陳美玲", "林文")),
        ("本报记者 王小明", ("王小明",)),
        # negative rows: roles alone name no one
        ("记者 通讯员", ()),
        ("本报记者 通讯员 实习生", ()),
    ],
)
def test_a_role_between_chinese_reporters(line: str, want: tuple[str, ...]) -> None:
    """Roles ("通讯员", "实习生", "攝影") between the names are dropped; roles alone give none."""
    lede = "港务局14日表示，旧港两座码头在风暴中受损，将关闭三个月进行维修。"
    article = clean_article(f"旧港将关闭三个月\n{line}\n{lede}\n")
    assert article.authors == want
    assert lede in article.body


@given(
    st.lists(st.sampled_from(["王小明", "李芳", "张伟", "刘洋", "陈静"]), min_size=2, max_size=3,
             unique=True),
    st.sampled_from(["通讯员", "实习生", "见习记者", "摄影"]),
    st.sampled_from(["本报记者 {a} {role} {b}", "（记者 {a} {role} {b}）"]),
)  # fmt: skip
def test_chinese_reporters_and_their_roles(names: list[str], role: str, form: str) -> None:
    """Whatever the role and the credit's form, every name is an author and no role is."""
    a, b = names[0], " ".join(names[1:])
    line = form.format(a=a, role=role, b=b)
    lede = "港务局14日表示，旧港两座码头在风暴中受损，将关闭三个月进行维修。"
    article = clean_article(f"旧港将关闭三个月\n{line}\n{lede}\n")
    assert article.authors == tuple(names)

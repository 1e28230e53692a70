"""Tests for copydesk.extract.datelines: wire datelines, clock lines, two-calendar dates and
stamps glued after a sentence."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.draft import Draft
from copydesk.extract import datelines
from copydesk.extract._jp_stamps import YearlessStamp, read_yearless_stamp, resolve_year
from copydesk.extract.datelines import (
    Wire,
    dateline,
    read_clock,
    read_dual_stamp,
    read_glued_stamp,
    read_placed_stamp,
    read_stamp,
    read_wire,
)

from ..strategies_fields import cjk_wire_doc
from ..strategies_meta import Doc
from .guards import Everything

PROSE = "The port closed on Monday after a storm hit the coast, officials said."


@pytest.mark.parametrize(
    ("dateline", "text", "source", "place"),
    [
        ("PORTVILLE (Reuters) - ", "The port closed.", "Reuters", "PORTVILLE"),
        ("NORTH BAY, D.C. (AP) — ", "The port closed.", "AP", "NORTH BAY, D.C."),
        ("Lake Heights, Ohio (CNN) ", "The port closed.", "CNN", "Lake Heights, Ohio"),
        ("Rio de Janeiro (AFP) - ", "O porto fechou.", "AFP", "Rio de Janeiro"),
        ("(HarbourNews) ", "The port closed.", "HarbourNews", None),
        ("Nov 2 (Reuters) - ", "Oil prices rose.", "Reuters", None),
        ("Hafenstadt (dpa/AFP) - ", "Der Hafen ist zu.", "dpa", "Hafenstadt"),
        ("Lake City CNN — ", "The port closed.", "CNN", "Lake City"),
        ("Portkent - Anadolu Ajansı", "", "Anadolu Ajansı", "Portkent"),
        ("PORTVILLE (AP/Reuters) — ", "The port closed.", "AP", "PORTVILLE"),
        ("ПОРТОВСК, 9 августа. /ТАСС/. ", "Порт закрыт.", "ТАСС", "ПОРТОВСК"),
        ("ПОРТОВСК, 10 авг - РИА Новости.", "", "РИА Новости", "ПОРТОВСК"),
        ("Портовск. 14 мая. INTERFAX.RU - ", "Порт закрыт.", "INTERFAX.RU", "Портовск"),
        # Xinhua's two hyphens, a short month before the day
        ("PORTVILLE (Xinhua) -- ", "The port closed.", "Xinhua", "PORTVILLE"),
        ("PORTVILLE, Dec. 3 (Xinhua) -- ", "The port closed.", "Xinhua", "PORTVILLE"),
        ("Lake City, Sept. 14 (AP) — ", "The port closed.", "AP", "Lake City"),
        ("İSTANBUL (İHA) - ", "Liman kapandı.", "İHA", "İSTANBUL"),  # dotted capital İ
        # an outlet's acronym with its desk
        ("HTV Business — ", "The port closed.", "HTV Business", None),
        ("Lake City NPR News – ", "The port closed.", "NPR News", "Lake City"),
        # initialisms of four or five capitals (one vowel at most), a place in title case
        ("KTLA — ", "The port closed.", "KTLA", None),
        ("MSNBC — ", "The port closed.", "MSNBC", None),
        ("Lake City WPBX — ", "The port closed.", "WPBX", "Lake City"),
    ],
)
def test_read_wire(dateline: str, text: str, source: str, place: str | None) -> None:
    """Wire datelines give where they end, the agency and the place when stated."""
    assert read_wire(dateline + text) == Wire(len(dateline), source, place)


@pytest.mark.parametrize(
    "line",
    [
        "The Associated Press (AP) reported the closure.",
        "Senator Ann Lee (R-Texas) said the port closed.",
        "(Laughter) The crowd stood up.",
        "(UPDATE) The port reopened.",
        "PORTVILLE — The port closed on Monday.",  # a bare place stays in the body
        "Prices rose (Reuters) and fell again.",
        "He said - Reuters. Then he left.",
        "PORTVILLE (Reuters) - and then the port closed.",  # no sentence after it
        "Ships at the quay. (Jo Lee/Harbour Post)",  # a caption's credit
        "PORTVILLE (Jo Lee/AP) - The port closed.",  # a person beside the agency: a credit
        "Storm closes NASA — The probe landed.",  # no place before the acronym
        "Lake City CNN - The port closed.",  # an acronym alone before a hyphen: no outlet sign
        "Ships at the quay (Harbour Post)",  # an outlet alone in brackets: a credit, no wire
        "IT Manager — The port closed.",  # capitals and a word that is no desk
        "Lake City HTV Business - The port closed.",  # a hyphen: no outlet sign
        "PORTVILLE, Mr. 3 (Reuters) -- The port closed.",  # no month before the day
        # a site's section label over the story: a country's or a union's code, no outlet
        "UK News — The government said it would act.",
        "US Politics — The senate voted on Monday.",
        "EU Business — The bloc agreed on the tariffs.",
        "Lake City UK News — The port closed.",
        "UK — The government said it would act.",
        "The port closed -- Reuters said so.",
        # a place in capitals: its last word is no outlet's acronym, nor a word read aloud
        "NEW PORT — The port closed on Monday.",
        "SAN LUCA — The port closed on Monday.",
        "HARBOUR TOWER — The port closed on Monday.",
        "PARIS — The port closed on Monday.",
        "ROME — The port closed on Monday.",
        "НОВЫЙ ПОРТ — Порт закрыт.",
        "КИЕВ — Порт закрыт.",
        # a picture's credit in brackets, before or after the place: no agency
        "(AP Photo) PORTVILLE — The port closed.",
        "PORTVILLE (AP Photo) — The port closed.",
        "PORTVILLE (Reuters/Foto) - The port closed.",
        "(Getty Images) The port closed.",
        "ПОРТОВСК (Фото ТАСС) — Порт закрыт.",
        PROSE,
    ],
)
def test_read_wire_refuses(line: str) -> None:
    """An agency named inside a sentence, or brackets that name no agency, are no dateline."""
    assert read_wire(line) is None


#: Places written in capitals, in Latin and Cyrillic: one word read aloud, or several.
CAPITAL_PLACES = ["PARIS", "ROME", "TOKYO", "NEW YORK", "SAN JOSE", "TRUMP TOWER", "LOS ALAMOS",
                  "КИЕВ", "НОВЫЙ ПОРТ", "ROSTOV NA DONU"]  # fmt: skip


@given(
    st.sampled_from(CAPITAL_PLACES),
    st.sampled_from(["—", "–"]),
    st.sampled_from(["", "(AP Photo) ", "(Foto: Reuters) "]),
)
@example("NEW YORK", "—", "")
def test_place_in_capitals_gives_no_source(place: str, dash: str, credit: str) -> None:
    """A place in capitals before a dash ("NEW YORK —", "PARIS —"), after a picture's credit
    or not, is no outlet: the source stays unknown."""
    lede = f"{credit}{place} {dash} {PROSE}"
    article = clean_article(f"Storm closes the old port\n\n{lede}\n\n{PROSE}")
    assert article.source is None
    assert not [e for e in article.edits if e.kind == "read" or e.new == place]


def test_wire_dateline_is_cut_from_the_first_paragraph() -> None:
    """The dateline leaves the paragraph, goes to source and metadata, and is in the ledger."""
    d = dateline(Draft.from_text(f"Port closes\n\nPORTVILLE (Reuters) - {PROSE}\n\n{PROSE}"))
    assert [line.text for _, line in d.body()] == ["Port closes", PROSE, PROSE]
    assert d.fields.source == "Reuters"
    assert dict(d.fields.metadata) == {"dateline": "PORTVILLE"}
    assert [(e.rule, e.kind, e.old) for e in d.edits] == [
        ("extract.datelines", "extracted", "PORTVILLE (Reuters) - ")
    ]


def test_wire_dateline_alone_on_its_line() -> None:
    """A dateline line with nothing after it leaves the body whole."""
    d = dateline(Draft.from_text(f"ПОРТОВСК, 10 авг - РИА Новости.\n{PROSE}"))
    assert [line.state for line in d.lines] == ["extracted", "body"]
    assert d.fields.source == "РИА Новости"


def test_wire_dateline_deep_in_the_text_stays() -> None:
    """Only the first few paragraphs may open with a wire dateline."""
    text = "\n".join([PROSE] * 6 + [f"PORTVILLE (Reuters) - {PROSE}"])
    assert dateline(Draft.from_text(text)).edits == ()


MAKKAH = dt.timezone(dt.timedelta(hours=3))
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("20:37 ت م", (20, 37, MAKKAH)),
        ("  02:55 PM IST ", (14, 55, IST)),
        ("16.54", (16, 54, None)),
        ("| 9:05 am |", (9, 5, None)),
        # negative rows: a time inside a sentence, impossible times, unknown zones
        ("At 20:37 the port closed.", None),
        ("25:10", None),
        ("13:30 PM", None),
        ("20:37 XYZ", None),  # an unknown zone
        ("20:37 and counting", None),
        ("2:1", None),
    ],
)
def test_read_clock(line: str, want: tuple[int, int, dt.tzinfo | None] | None) -> None:
    """A clock time alone on a line gives hour, minute and zone; anything more gives None."""
    assert read_clock(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "مرفأ 3 رمضان 1440 هـ الموافق 8 مايو 2019 م واس",
            (dt.date(2019, 5, 8), "واس", "مرفأ"),
        ),
        ("3 رمضان 1440 هـ الموافق 8 أيار 2019 م", (dt.date(2019, 5, 8), None, None)),
        # negative rows: the linking word inside a sentence, no date after it
        ("وقال إن الاجتماع الموافق عليه سيعقد في الصيف المقبل", None),
        ("مرفأ 3 رمضان 1440 هـ الموافق لمطالب السكان", None),
    ],
)
def test_read_dual_stamp(line: str, want: tuple[dt.date, str | None, str | None] | None) -> None:
    """A date in two calendars gives the Gregorian one, the agency and the place."""
    assert read_dual_stamp(line) == want


def test_clock_under_a_dated_dateline_sets_the_time() -> None:
    """A clock line at the end gives its time to the date of the dateline at the top."""
    text = f"مرفأ 3 رمضان 1440 هـ الموافق 8 مايو 2019 م واس\n{PROSE}\n{PROSE}\n20:37 ت م"
    d = dateline(Draft.from_text(text))
    assert d.fields.published == dt.datetime(2019, 5, 8, 20, 37, tzinfo=MAKKAH)
    assert d.fields.source == "واس"
    assert [line.state for line in d.lines] == ["extracted", "body", "body", "extracted"]
    assert dict(d.fields.metadata) == {"dateline": "مرفأ"}


def test_clock_without_a_date_goes_to_metadata() -> None:
    """A clock line with no date known is metadata: it leaves the body for metadata['time']."""
    d = dateline(Draft.from_text(f"{PROSE}\n{PROSE}\n20:37"))
    assert d.fields.published is None
    assert dict(d.fields.metadata) == {"time": "20:37"}


@pytest.mark.parametrize(
    ("line", "cut", "published", "who"),
    [
        (
            "The port closed. Jo Lee Updated Nov 2, 2022 | 01:36 PM IST",
            16,
            dt.datetime(2022, 11, 2, 13, 36, tzinfo=IST),
            "Jo Lee",
        ),
        (
            "The port closed. Harbour Desk Updated Nov 2, 2022 | 01:36 PM IST",
            16,
            dt.datetime(2022, 11, 2, 13, 36, tzinfo=IST),
            "Harbour Desk",
        ),
        ("“It closed.” Published: 2 May 2020", 12, dt.date(2020, 5, 2), None),
    ],
)
def test_read_glued_stamp(line: str, cut: int, published: dt.date, who: str | None) -> None:
    """A stamp after the last sentence gives where it starts, its date and its byline."""
    assert read_glued_stamp(line) == (cut, published, who)


@pytest.mark.parametrize(
    "line",
    [
        "The port closed. The council updated 2 May 2020",  # lower-case label: prose
        "The port closed. Then the harbour master Updated Nov 2, 2022",  # not a name
        "The rules were Updated Nov 2, 2022",  # no sentence ends before the label
        "The port closed. Updated rules apply from 2 Nov 2022",
        PROSE,
    ],
)
def test_read_glued_stamp_refuses(line: str) -> None:
    """Prose naming an update, or a label not after a sentence, is no glued stamp."""
    assert read_glued_stamp(line) is None


def test_glued_stamp_is_cut_from_the_first_paragraph() -> None:
    """The stamp and the byline before it leave the line; the sentence stays."""
    text = f"{PROSE} Jo Lee Updated Nov 2, 2022 | 01:36 PM IST\n\n{PROSE}"
    d = dateline(Draft.from_text(text))
    assert [line.text for _, line in d.body()] == [PROSE, PROSE]
    assert d.fields.authors == ("Jo Lee",)
    assert d.fields.published == dt.datetime(2022, 11, 2, 13, 36, tzinfo=IST)
    assert [e.old for e in d.edits] == [" Jo Lee Updated Nov 2, 2022 | 01:36 PM IST"]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("March 21, 2023 / 3:41 PM / Updated 2 hours ago", dt.datetime(2023, 3, 21, 15, 41)),
        ("21 March 2023 • 3 min read", dt.date(2023, 3, 21)),
        ("21 March 2023 • 5 minute read", dt.date(2023, 3, 21)),
        ("22.08.2023 18:58 Uhr | Lesedauer: 3 Min.", dt.datetime(2023, 8, 22, 18, 58)),
        ("22.08.2023 | Lesezeit 3 Minuten", dt.date(2023, 8, 22)),
        ("2023年3月21日 | 3分钟阅读", dt.date(2023, 3, 21)),
        ("21 de marzo de 2023 · 3 min de lectura", dt.date(2023, 3, 21)),
    ],
)
def test_stamp_with_notes(line: str, want: dt.date) -> None:
    """A stamp with the clock, an update note or a reading time after it sets the date."""
    assert read_stamp(line) == (want, None, ())


@pytest.mark.parametrize(
    "line",
    [
        # a short headline with a number after the date is no note
        "March 21, 2023 | 5 killed in port blast",
        "March 21, 2023 | 2 dead, 10 hurt in crash",
        "21 March 2023 • 3 ships sink off Malta",
        "March 21, 2023 / The port closed after the storm hit",
    ],
)
def test_stamp_with_a_headline_is_no_stamp(line: str) -> None:
    assert read_stamp(line) is None


def test_headline_after_a_date_stays() -> None:
    """The headline after the date is kept, not taken away with the stamp."""
    text = f"March 21, 2023 | 5 killed in port blast\n\n{PROSE}\n\n{PROSE} Again."
    assert "5 killed in port blast" in (clean_article(text).title or "")


_STAMP_PIECES = st.sampled_from(
    ["Updated", "UPDATED:", "on", "On:", "Last", "updated:", "Posted", "at", "Mis", "à", "jour",
     "le", "Ann", "Lee", "|", ":", "Nov", "2,", "2022", "8 December 2022", "02:19 PM", "IST",
     "Опубликовано", "ngày", "đăng"]
)  # fmt: skip


@given(st.lists(_STAMP_PIECES, min_size=1, max_size=9).map(" ".join))
@example("Ann Lee Last updated on: Nov 2, 2022")
@example("Mis à jour le 8 December 2022")
@example("Ann Lee UPDATED: 8 December 2022")
def test_label_guard_changes_no_stamp(line: str) -> None:
    """The first-word guard of read_stamp skips only starts where no label can open."""
    guarded = read_stamp(line)
    with mock.patch.object(datelines, "first_words", return_value=Everything()):
        assert read_stamp(line) == guarded


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("12/3(火) 18:05配信", YearlessStamp(12, 3, 1, (18, 5), True)),
        ("12/3(火) 18:05", YearlessStamp(12, 3, 1, (18, 5))),
        ("1月9日（金曜日）9時30分更新", YearlessStamp(1, 9, 4, (9, 30))),
        ("7/21(日)", YearlessStamp(7, 21, 6)),
        ("12/3(火) 18:05配信 港湾新聞オンライン", YearlessStamp(12, 3, 1, (18, 5), True, "港湾新聞オンライン")),
        # negative rows: a sentence after the stamp, a year, no weekday, a bad clock
        ("12/3(火)に港が閉鎖された。", None),
        ("12/3(火) 18:05更新 港湾新聞オンライン", None),  # an outlet only after "配信"
        ("2024/12/3(火) 18:05", None),
        ("12/3 18:05", None),
        ("12/3(火) 25:05", None),
        ("13/3(火)", None),
        ("12/3(祝)", None),
    ],
)  # fmt: skip
def test_read_yearless_stamp(line: str, want: YearlessStamp | None) -> None:
    """A Japanese stamp without a year gives month, day, weekday, time and outlet."""
    assert read_yearless_stamp(line) == want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["予算は2024年に組まれた。"], dt.datetime(2024, 12, 3, 18, 5)),
        (["2023年と2024年の予算。"], dt.datetime(2024, 12, 3, 18, 5)),  # only 2024 fits
        # negative rows: no year named, none fits, two fit
        (["予算は組まれた。"], None),
        (["予算は2023年に組まれた。"], None),
        (["2013年と2024年の予算。"], None),  # both have a Tuesday on December 3
        (["番号は120245です。"], None),  # digits inside a number are no year
    ],
)
def test_resolve_year(texts: list[str], want: dt.datetime | None) -> None:
    """A stamp without a year is dated only by exactly one named year that fits."""
    assert resolve_year(YearlessStamp(12, 3, 1, (18, 5)), texts) == want


def test_yearless_stamp_with_its_outlet_on_the_next_line() -> None:
    """The stamp and the outlet under it leave the body with their ledger entries."""
    lede = "港湾局は2024年の予算で、嵐のため閉鎖された旧港を修理すると発表した。"
    article = clean_article(
        f"港が嵐で閉鎖された理由\n12/3(火) 18:05配信\n港湾新聞オンライン\n{lede}"
    )
    assert article.published == dt.datetime(2024, 12, 3, 18, 5)
    assert article.source == "港湾新聞オンライン"
    assert article.paragraphs == (lede,)
    assert {e.old.strip() for e in article.edits if e.rule == "extract.datelines"} >= {
        "12/3(火) 18:05配信",
        "港湾新聞オンライン",
    }


#: Labels a stamp line opens with, in the hidden set's languages: the first publication or
#: the last update; either dates the story when no other stamp does.
STAMP_LABELS = {
    "ja": ["最終更新：", "更新：", "配信：", "公開日：", "配信日時："],
    "tr": ["Eklenme:", "Yayınlanma:", "Güncelleme:", "Son Güncelleme:", "Giriş:"],
    "de": ["Stand:", "Zuletzt aktualisiert am", "Aktualisiert am", "Veröffentlicht am"],
}
LEDES = {
    "ja": ["港湾局は六日、台風の影響で旧港を一時閉鎖すると発表した。修理費用はまだ決まっていない。",
           "関係者によると、船舶は北部の港に移動しており、運航は来週にも再開する見通しだ。"],
    "tr": ["Liman idaresi pazartesi günü yaptığı açıklamada, eski limanın kapatılacağını bildirdi.",
           "Yetkililer, onarım maliyetinin henüz belirlenmediğini ve görüşmelerin süreceğini söyledi."],
    "de": ["Die Hafenbehörde teilte am Montag mit, dass der alte Hafen für Reparaturen schließt.",
           "Die Kosten der Arbeiten seien noch nicht geklärt, die Gespräche gehen weiter, hieß es."],
}  # fmt: skip
HEADS = {"ja": "台風で旧港を一時閉鎖", "tr": "Eski liman onarım için kapatılıyor",
         "de": "Der alte Hafen schließt für Reparaturen"}  # fmt: skip


def _written(lang: str, when: dt.datetime) -> str:
    """A date and clock as the language's pages write them."""
    if lang == "ja":
        return f"{when.year}年{when.month}月{when.day}日 {when.hour}時{when.minute:02d}分"
    return f"{when:%d.%m.%Y} {when:%H:%M}" + (" Uhr" if lang == "de" else "")


@st.composite
def stamp_doc(draw: st.DrawFn) -> tuple[str, dt.datetime, tuple[str, ...]]:
    """A headline, a labelled stamp (a reading time or the update in brackets after it, or
    neither), and the story: ``(text, the stamp's date, the paragraphs)``."""
    lang = draw(st.sampled_from(sorted(STAMP_LABELS)))
    when = draw(st.datetimes(dt.datetime(2001, 1, 1), dt.datetime(2025, 12, 31))).replace(
        second=0, microsecond=0
    )
    later = when + dt.timedelta(minutes=draw(st.integers(1, 600)))
    label = draw(st.sampled_from(STAMP_LABELS[lang]))
    tail = draw(
        st.sampled_from(
            {
                "ja": ["", f"（{_written('ja', later)} 更新）"],
                "tr": ["", " | Okuma süresi: 3 dk", f" (Güncelleme: {_written('tr', later)})"],
                "de": ["", " | Lesedauer: 3 Minuten", f" (aktualisiert {later:%H:%M} Uhr)"],
            }[lang]
        )
    )
    gap = "" if lang == "ja" else " "
    stamp = f"{label}{gap}{_written(lang, when)}{tail}"
    paras = tuple(LEDES[lang])
    return "\n\n".join([HEADS[lang], stamp, *paras]), when, paras


@given(stamp_doc())
def test_labelled_stamp_dates_the_story(doc: tuple[str, dt.datetime, tuple[str, ...]]) -> None:
    """A labelled stamp under the headline, with a reading time or its update in brackets
    after it, dates the story (its first date); it leaves the body, which stays whole, and
    the ledger has its extraction."""
    text, when, paras = doc
    article = clean_article(text)
    assert article.published is not None
    assert article.published.replace(tzinfo=None) == when
    assert article.paragraphs == paras
    assert any(e.rule == "extract.datelines" and e.kind == "extracted" for e in article.edits)


@pytest.mark.parametrize(
    "line",
    [
        "May 6, 2024 (the day the old port closed)",  # a bracket that is no update
        "Stand: die Hafenbehörde hat den alten Hafen geschlossen",  # a label and no date
    ],
)
def test_bracket_or_label_without_a_stamp_is_none(line: str) -> None:
    assert read_stamp(line) is None


#: A site's header over a story (its menu, the headline, a source line), per script.
WIRE_HEADERS = {
    "zh": ["新闻中心", "国内", "国际", "社会", "财经", "多地迎来今冬首场降雪", "来源：示例新闻网"],
    "en": ["Skip to content", "World", "Politics", "Business", "Harbour closes after storm",
           "Updated 9:14 AM EST, Thu November 26, 2026"],
}  # fmt: skip
WIRE_OPENERS = {
    "zh": [("新华社北京12月5日电（记者李明、张伟）", ("李明", "张伟"), "新华社"),
           ("新华社上海12月5日电", (), "新华社")],
    "en": [("NEW YORK (AP) — ", (), "AP"), ("LONDON (Reuters) - ", (), "Reuters")],
}  # fmt: skip
WIRE_LEDES = {
    "zh": "受冷空气影响，4日夜间至5日，华北、东北多地迎来今冬首场降雪，交通运输部门提前部署。",
    "en": "The harbour closed on Monday after a storm damaged two piers, officials said.",
}


@given(st.sampled_from(sorted(WIRE_HEADERS)), st.data())
def test_a_wire_dateline_opening_the_lede_under_a_site_header(
    lang: str, data: st.DataObject
) -> None:
    """A wire dateline opening the lede under a site's header of any length (a menu, the
    headline, a source or stamp line) is cut from the lede: its reporters are the authors,
    its agency the source unless a line above named one, and the lede stays."""
    header = data.draw(st.lists(st.sampled_from(WIRE_HEADERS[lang]), unique=True))
    opener, authors, agency = data.draw(st.sampled_from(WIRE_OPENERS[lang]))
    lede = WIRE_LEDES[lang]
    article = clean_article("\n".join([*header, opener + lede, lede[::-1]]))
    assert article.authors == authors
    named = [line.split("：")[1] for line in header if line.startswith("来源：")]
    assert article.source in (agency, *named)
    assert lede in article.paragraphs


# A page's dateline: a place and the page's stamp on a line of their own (en, de, tr, ru, ar).
@pytest.mark.parametrize(
    ("line", "day", "place"),
    [
        ("İstanbul - 14 Temmuz 2025, 10:20", "2025-07-14", "İstanbul"),
        ("Berlin, 14.07.2025", "2025-07-14", "Berlin"),
        ("NEW YORK, July 14, 2025", "2025-07-14", "NEW YORK"),
        ("Ankara | 14.07.2025 10:20", "2025-07-14", "Ankara"),
        ("Москва, 14 июля 2025", "2025-07-14", "Москва"),
        ("الرياض، 14 يوليو 2025", "2025-07-14", "الرياض"),
        # negative rows: an agency, a weekday, a person's two words, no stamp after the place
        ("Reuters, July 14, 2025", None, None),
        ("Monday, July 14, 2025", None, None),
        ("Jane Roe, July 14, 2025", None, None),
        ("أحمد العرفج، 14 يوليو 2025", None, None),
        ("Berlin, the capital, voted on 14.07.2025", None, None),
    ],
)
def test_read_placed_stamp(line: str, day: str | None, place: str | None) -> None:
    """A place before a stamp reads as the page's dateline; an agency, a weekday, a name or
    a sentence does not."""
    got = read_placed_stamp(line)
    if day is None:
        assert got is None
        return
    assert got is not None
    assert (got[0].isoformat()[:10], got[1]) == (day, place)


PLACED = {
    "latin": (["Berlin", "İstanbul", "Portville", "LONDON", "NEW YORK"],
              ["{d}.{m:02d}.{y}", "{d} {en} {y}", "{en} {d}, {y}"]),
    "cyrillic": (["Москва", "Портовск"], ["{d}.{m:02d}.{y}", "{d} {ru} {y}"]),
    "arabic": (["الرياض", "القاهرة"], ["{d} {ar} {y}"]),
}  # fmt: skip
PLACED_LEDES = {
    "latin": "The harbour board said on Monday it would close the old port for repairs.",
    "cyrillic": "Власти порта в понедельник объявили о закрытии старого причала на ремонт.",
    "arabic": "أعلنت هيئة الميناء يوم الاثنين إغلاق الرصيف القديم لإجراء إصلاحات عاجلة.",
}


@given(
    st.sampled_from(sorted(PLACED)),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2025, 12, 31)),
    st.sampled_from([", ", " - ", " | ", "، "]),
    st.data(),
)
def test_a_placed_stamp_under_the_headline_dates_the_story(
    script: str, day: dt.date, sep: str, data: st.DataObject
) -> None:
    """Under the headline, a place and a stamp (Latin, Cyrillic, Arabic) give the date; the
    place is kept as the dateline and the lede stays."""
    assume((sep == "، ") == (script == "arabic") or sep.strip() in "-|")
    places, forms = PLACED[script]
    place = data.draw(st.sampled_from(places))
    en = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"][day.month - 1]  # fmt: skip
    ru = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря"][day.month - 1]  # fmt: skip
    ar = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"][day.month - 1]  # fmt: skip
    stamp = data.draw(st.sampled_from(forms)).format(
        d=day.day, m=day.month, y=day.year, en=en, ru=ru, ar=ar
    )
    lede = PLACED_LEDES[script]
    article = clean_article(f"Harbour closes old pier\n{place}{sep}{stamp}\n{lede}\n")
    assert article.published == day
    assert article.metadata.get("dateline") == place
    assert article.body == lede


@given(cjk_wire_doc())
def test_chinese_outlet_datelines_give_source_and_reporters(doc: Doc) -> None:
    """A Chinese outlet's dateline opening the lede ("中新网北京7月14日电（记者 王小明）",
    "【新华社北京7月14日电】", "央视网消息：", "【环球时报综合报道】") is cut from it: the
    outlet is the source ("本报", the paper's own, names none), the reporters the authors,
    the lede stays in the body."""
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert article.source == doc.source
    assert article.authors == doc.authors
    assert any(e.kind == "extracted" and e.rule == "extract.datelines" for e in article.edits)


@pytest.mark.parametrize(
    "lede",
    [
        "一家旅行社7月3日电话通知游客取消行程，港口周一关闭。",
        "全台7月1日电价调涨，港口周一关闭。",
        "香港台北7月1日电影节开幕，港口周一关闭。",
        "据新华社消息：港口周一关闭，维修费用尚未确定。",
    ],
)
def test_a_date_and_a_word_in_chinese_prose_is_no_dateline(lede: str) -> None:
    """ "…7月3日电话…" (a phone call), "电价" (power prices), "电影节" (a film festival) and a
    citation ("据新华社消息：") are prose, no outlet's dateline: nothing is cut, no source."""
    more = "官员表示，有关方面将在下周继续讨论重新开放的时间表，市民可关注官方通知。"
    article = clean_article(f"{lede}\n\n{more}")
    assert article.paragraphs == (lede, more)
    assert read_wire(lede) is None


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("中国日报网北京7月14日电 港口关闭。", "中国日报网"),
        ("人民日报海外网北京7月14日电 港口关闭。", "人民日报海外网"),
        ("中国台湾网北京7月14日电 港口关闭。", "中国台湾网"),
    ],
)
def test_an_outlet_name_is_not_cut_at_its_first_ending(line: str, source: str) -> None:
    """An outlet whose name holds an outlet's ending inside it ("中国日报网", "人民日报海外网",
    "中国台湾网") is read whole, the place after it."""
    wire = read_wire(line)
    assert wire is not None
    assert (wire.source, wire.place) == (source, "北京")

"""Tests for copydesk.extract._names: splitting name lists, persons versus organisations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk import clean_article
from copydesk.extract._names import is_organisation, split_names
from copydesk.extract.bylines import read_byline


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Yu Xi and Zhang Changyue", ("Yu Xi", "Zhang Changyue")),
        ("Ana Ruiz, Luis Gómez y Pedro Sanz", ("Ana Ruiz", "Luis Gómez", "Pedro Sanz")),
        ("Ludwig van Beethoven", ("Ludwig van Beethoven",)),
        ("Muhammad bin Salman & Ali al-Sistani", ("Muhammad bin Salman", "Ali al-Sistani")),
        ("Maria da Silva", ("Maria da Silva",)),
        ("José Ortega y Gasset", ("José Ortega y Gasset",)),
        ("Jay SYRMOPOULOS", ("Jay SYRMOPOULOS",)),
        ("Иван Петров и Анна Смирнова", ("Иван Петров", "Анна Смирнова")),
        # negative rows: organisations, dates, prose, domains
        ("Reuters", None),
        ("Staff and wire reports", None),
        ("8 December 2022", None),
        ("the end of the year", None),
        ("Liveanddare.com", None),
        ("Editor's Note", None),
    ],
)
def test_split_names(text: str, want: tuple[str, ...] | None) -> None:
    """Names split at joiners only, never at particles; non-persons give None."""
    assert split_names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Anadolu Agency", True),
        ("Reuters", True),
        ("Free Wood Post", True),
        ("Jane Roe", False),
        ("the news desk", False),
    ],
)
def test_is_organisation(text: str, want: bool) -> None:
    """Agencies and outlets are organisations; people and lower-case phrases are not."""
    assert is_organisation(text) is want


# A month name that is also a given name opens the name ("Jan Weber", "May Lee").
GIVEN_MONTHS = ["Jan", "May", "June", "April", "August", "Eylül", "Nisan", "Abril"]
FAMILIES = ["Weber", "Lee", "Roe", "Aslan", "Kaya", "Ruiz", "Mensah"]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Von Anna Schmidt und Jan Weber", ("Anna Schmidt", "Jan Weber")),
        ("By May Lee and Jo Roe", ("May Lee", "Jo Roe")),
        ("Yazar: Eylül Aslan", ("Eylül Aslan",)),
    ],
)
def test_a_month_given_name_opens_a_byline(line: str, want: tuple[str, ...]) -> None:
    """A given name that is also a month's name (en, de, tr) is the author's first name."""
    byline = read_byline(line)
    assert byline is not None
    assert byline.authors == want


@given(
    st.sampled_from(GIVEN_MONTHS),
    st.sampled_from(FAMILIES),
    st.sampled_from(["By", "Von", "Yazar:", "Por"]),
    st.sampled_from(["", ", Reuters", " | Harbour Times"]),
)
def test_month_given_names_read_in_any_byline(
    given_name: str, family: str, opener: str, tail: str
) -> None:
    """Whatever the opener (en, de, tr, es) and the tail, the month given name stays."""
    byline = read_byline(f"{opener} {given_name} {family}{tail}")
    assert byline is not None
    assert byline.authors == (f"{given_name} {family}",)


@pytest.mark.parametrize(
    "text",
    ["May", "Jan. Weber", "March Lee", "June July", "Lee May 2024", "By June the port reopened"],
)
def test_months_alone_abbreviated_or_closing_are_no_person(text: str) -> None:
    """A month alone, abbreviated, not a given name, or closing the words is no name; prose
    opening "By June" is no byline."""
    assert split_names(text) is None
    assert read_byline(text) is None


# A CJK headline in two phrases apart by a full-width space ("東京で猛暑日　熱中症に警戒")
# is no name, though each phrase is a word of a script without case.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("山田 太郎", ("山田 太郎",)),
        ("佐藤 花子", ("佐藤 花子",)),
        ("長谷川一郎", ("長谷川一郎",)),
        ("王小明", ("王小明",)),
        # negative rows: phrases with a particle inside, runs of Han longer than a name
        ("東京で猛暑日 熱中症に警戒", None),
        ("河川敷で火災 けが人なし", None),
        ("港に大型船 見物客が集まる", None),
        ("颱風逼近 北部山區嚴防豪雨", None),
    ],
)
def test_cjk_headline_phrases_are_no_names(text: str, want: tuple[str, ...] | None) -> None:
    """Han words with a kana particle inside, or longer than a name, are phrases."""
    assert split_names(text) == want


JA_PHRASES = [
    "東京で猛暑日",
    "熱中症に警戒",
    "港に大型船",
    "河川敷で火災",
    "市場に活気",
    "列車が運休",
]
ZH_PHRASES = ["北部山區嚴防豪雨", "沿海地区加强防汛", "港口航运全面恢复", "城市地铁延长运营"]
JA_LEDE = "14日午後、市内は各地で気温が35度を超え、今年初めての猛暑日となった。"
ZH_LEDE = "受强降雨影响，当地多条道路积水，有关部门已启动应急响应，转移受威胁群众。"


@given(
    st.sampled_from(["ja", "zh"]),
    st.lists(st.integers(0, 5), min_size=2, max_size=2, unique=True),
    st.sampled_from(["社会", "国際", "国内", ""]),
    st.sampled_from(["2026年7月14日 18時05分", "2026-07-14 10:20", "2026/07/14 10:20"]),
)
def test_a_two_phrase_cjk_headline_over_a_stamp_is_the_title(
    lang: str, picks: list[int], kicker: str, stamp: str
) -> None:
    """Under a section line and over the page's stamp, a CJK headline of two phrases apart by
    a full-width space (ja, zh) is the title and no author."""
    phrases = JA_PHRASES if lang == "ja" else ZH_PHRASES
    headline = "　".join(phrases[p % len(phrases)] for p in picks)
    lede = JA_LEDE if lang == "ja" else ZH_LEDE
    head = f"{kicker}\n" if kicker else ""
    article = clean_article(f"{head}{headline}\n{stamp}\n{lede}\n{lede}\n{lede}\n")
    assert article.authors == ()
    assert article.title is not None
    assert article.title.replace(" ", "　") == headline
    assert lede in article.body

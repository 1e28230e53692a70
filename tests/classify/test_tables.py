"""Flattened tables: rows numbered 1, 2, 3... with short cells stay, whatever the model says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import Draft
from copydesk.classify.features import ends_sentence
from copydesk.classify.step import CELL_CHARS, ClassifyLines, table_rows

from .test_runs import _Scripted, _taken

LEDE = "Electric car makers sold more batteries this spring than in any spring before, data show."
CLOSE = "The ranking is drawn up every quarter from the makers' own delivery figures."

_CJK = "中文字表日本語"
#: Cells in several scripts: names, shares, places.
_CELL = (
    st.text(
        alphabet=st.sampled_from(f"AbcdeXyzÄöЖжиالعربية{_CJK}%.,- 0123456789"),
        min_size=1,
        max_size=CELL_CHARS,
    )
    .map(str.strip)
    .filter(
        lambda c: (
            any(ch.isalnum() for ch in c)
            and len(c.split()) <= 4
            and sum(ch in _CJK for ch in c) <= 2  # a CJK word: two characters
            and not c.rstrip(".").isdecimal()
            and not ends_sentence(c)
        )
    )
)


@st.composite
def flat_tables(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A table of 3 to 12 numbered rows of 1 to 4 cells, one cell a line: (header, rows)."""
    columns = draw(st.integers(1, 4))
    first = draw(st.integers(0, 5))
    n_rows = draw(st.integers(3, 12))
    header = [draw(_CELL) for _ in range(columns + 1)]
    rows: list[str] = []
    for n in range(first, first + n_rows):
        rows.append(draw(st.sampled_from([str(n), f"{n}."])))
        rows.extend(draw(_CELL) for _ in range(columns))
    cells = [c for c in rows if not c.rstrip(".").isdecimal()]
    if len(set(cells)) < 2:  # a column of one repeated word reads as a menu
        rows[1] = "Acme" if rows[1] != "Acme" else "Globex"
    return header, rows


@settings(deadline=None)
@given(flat_tables())
def test_a_flattened_table_stays_whole_when_the_model_calls_it_furniture(
    table: tuple[list[str], list[str]],
) -> None:
    header, rows = table
    lines = [LEDE, *header, *rows, CLOSE]
    step = ClassifyLines(model=_Scripted(set(header) | set(rows)))  # type: ignore[arg-type]
    assert _taken(step(Draft.from_text("\n".join(lines)))) == []
    assert table_rows(lines) == set(range(1, len(lines) - 1))


@given(st.integers(1, 5), st.integers(3, 10))
def test_pagination_and_star_ratings_are_no_table(first: int, count: int) -> None:
    """Numbers on consecutive lines, or numbers between the row numbers, are not rows."""
    pages = [str(n) for n in range(first, first + count)]
    assert table_rows(["Pages", *pages, "Next"]) == set()
    stars = [str(n) for _ in range(count) for n in range(1, 6)]
    assert table_rows(["Star rating", *stars]) == set()


def test_a_numbered_list_of_headlines_is_no_table() -> None:
    """Cells of more than four words (a "most read" list of headlines) are not table cells,
    and a column of one word repeated ("Part 1", "Part 2") is a menu."""
    teasers = ["Most read", "1", "Storm closes the harbour for a week",
               "2", "Mayor opens the new bridge on Friday", "3", "Schools reopen after the holiday"]  # fmt: skip
    assert table_rows(teasers) == set()
    parts = ["Contents", "Part", "1", "Part", "2", "Part", "3", "Part"]
    assert table_rows(parts) == set()
    furniture = set(teasers)
    step = ClassifyLines(model=_Scripted(furniture))  # type: ignore[arg-type]
    assert _taken(step(Draft.from_text("\n".join([LEDE, *teasers, CLOSE])))) == teasers


def test_a_numbered_list_of_cjk_headlines_is_no_table() -> None:
    """A headline of a spaceless script is as long as an English one of five words or more
    (its characters count a word for every two), so a Japanese or Chinese "most read" list
    is no table, where a table of short CJK cells still is."""
    ranking = ["メガバンク3社、中間決算はそろって増益", "アクセスランキング", "1", "大雪で新幹線が一時運転見合わせ", "2", "人気歌手が結婚を発表",
               "3", "首相、年内の衆院解散を否定"]  # fmt: skip
    assert table_rows(ranking) == set()
    zh = ["央行宣布下调存款准备金率", "热门新闻", "1", "暴雨导致多条高速公路封闭", "2", "新学期中小学课程安排公布", "3", "本市新建三座公园"]  # fmt: skip
    assert table_rows(zh) == set()
    table = ["排名", "公司", "份额", "1", "宁德时代", "37%", "2", "比亚迪", "16%", "3", "LG新能源", "13%"]  # fmt: skip
    assert table_rows(table) == set(range(len(table)))
    step = ClassifyLines(model=_Scripted(set(ranking)))  # type: ignore[arg-type]
    assert _taken(step(Draft.from_text("\n".join([LEDE, *ranking])))) == ranking

"""Issue 19's field forms: credit lines, Chinese bylines, republication credits, "CNN —"
datelines, time stamps and headlines, as example tables and as properties in four scripts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from copydesk import DEFAULT, Pipeline, clean_article
from copydesk.article import Article
from copydesk.extract._intros import read_intro
from copydesk.extract._name_lines import read_name_stamp
from copydesk.extract.attribution import (
    Credit,
    read_bio,
    read_cjk_byline,
    read_credit,
    read_glued_cjk_byline,
    read_outlet_bio,
)
from copydesk.extract.datelines import read_stamp
from copydesk.extract.title import is_widget

from ..strategies_fields import (
    HEADLINES,
    NAMES,
    cjk_outlet_label_doc,
    credit_doc,
    deep_headline_doc,
    glued_author_doc,
    glued_headline_doc,
    headline_doc,
    intro_doc,
    meta_line_doc,
    name_line_doc,
    names,
    outlet_dateline_doc,
    prose,
    stamp_line_doc,
    yearless_stamp_doc,
)
from ..strategies_meta import Doc


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Contact Jane Roe at jroe@example.com. Follow @JaneRoe on Twitter.", Credit(("Jane Roe",))),
        ("You can follow Jo Lee on Twitter at @jolee.", Credit(("Jo Lee",))),
        ("Jane Roe contributed to this report.", Credit(("Jane Roe",))),
        ("Harbour News' Jane Roe and Jo Lee contributed to this report.",
         Credit(("Jane Roe", "Jo Lee"), "Harbour News")),
        ("Reporting by Jane Roe in New York; Editing by Jo Lee", Credit(("Jane Roe",))),
        ("(Reporting by Jane Roe in New York; Editing by Jo Lee)", Credit(("Jane Roe",))),
        ("Writing by Ana Ruiz; Editing by Jo Lee and Kofi Mensah", Credit(("Ana Ruiz",))),
        ("The Associated Press contributed to this report.", Credit((), "Associated Press")),
        ("Originally published on The Harbour Times.", Credit((), "The Harbour Times")),
        ("This article was originally published on www.harbour.example/story/1.html",
         Credit((), "harbour.example")),
        ("h/t Coastline Weekly", Credit((), "Coastline Weekly")),
        ("(H/T Coastline Weekly)", Credit((), "Coastline Weekly")),
        ("via: harbourtimes.com", Credit((), "harbourtimes.com")),
        ("＊本文獲「端傳媒」授權轉載", Credit((), "端傳媒")),
        ("This article is republished from The Conversation under a Creative Commons license.",
         Credit((), "The Conversation")),
        ("This article was originally published on The Conversation. Read the original article.",
         Credit((), "The Conversation")),
        ("Mit Material von dpa und AFP", Credit((), "dpa")),
        ("Associated Press writer Kim Lee in Seoul contributed to this report.",
         Credit(("Kim Lee",), "Associated Press")),
        ("Harbour Times reporters Jo Lee in Paris and Ana Ruiz contributed to this report.",
         Credit(("Jo Lee", "Ana Ruiz"), "Harbour Times")),
        ("The post Storm closes the port appeared first on Harbour Times.",
         Credit((), "Harbour Times")),
        ("Впервые опубликовано в «Портовые вести».", Credit((), "Портовые вести")),
        ("此篇文章由「港口日報」最初發表於網站", Credit((), "港口日報")),
        ("Dieser Artikel erschien zuerst bei der Hafenzeitung.", Credit((), "Hafenzeitung")),
        ("Der Text ist ursprünglich erschienen auf Hafenpost.", Credit((), "Hafenpost")),
        ("本文转载自港口日报", Credit((), "港口日报")),
        ("（转自：海岸新闻）", Credit((), "海岸新闻")),
        ("（本文来自微信公众号“港口观察”，作者：王小明）", Credit((), "港口观察")),
        # negative rows: prose that opens or closes like a credit
        ("Der Hafen erschien zuerst bei Sonnenaufgang im Nebel, dann das Schiff.", None),
        ("他把钱转自己账户后离开了港口。", None),
        ("本文来自一位读者的来信。", None),
        ("Contact between the two sides resumed in May.", None),
        ("Reporting by the council was late again this year.", None),
        ("Nobody contributed to this report more than the port workers did, he said.", None),
        ("Originally published on a Monday, the plan was revised twice.", None),
        ("The board said it would follow the plan.", None),
    ],
)  # fmt: skip
def test_read_credit(line: str, want: Credit | None) -> None:
    """Credit lines give their authors or source; prose that looks like one gives nothing."""
    assert read_credit(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Jane Roe is a columnist with The Harbour Times.", ("Jane Roe",)),
        ("— Jo Lee is a writer and a fellow at the Harbour Institute.", ("Jo Lee",)),
        ("Ana Ruiz has been covering ports since 2009. Reach her at ana@example.com.",
         ("Ana Ruiz",)),
        ("Анна Петрова является обозревателем издания «Порт».", ("Анна Петрова",)),
        ("أحمد العرفج هو كاتب صحفي في صحيفة الميناء.", ("أحمد العرفج",)),
        ("Anna Schmidt ist Redakteurin im Ressort Hafen.", ("Anna Schmidt",)),
        ("Jane Roe can be reached at jroe@example.com.", ("Jane Roe",)),
        ("Jane Roe is a candidate for mayor in the spring election.", None),
        ("Anna Schmidt ist Kandidatin für das Amt der Bürgermeisterin.", None),
        ("The port is a columnist's favourite subject.", None),
        # a pronoun: the bio of someone the text has named, not its writer's
        ("He was also a longtime contributor to the Harbour Review.", None),
        ("Sie ist Redakteurin im Ressort Hafen.", None),
        ("Она является обозревателем издания «Порт».", None),
    ],
)  # fmt: skip
def test_read_bio(line: str, want: tuple[str, ...] | None) -> None:
    """A closing bio names its author only when it says what the person does or how to
    reach them."""
    assert read_bio(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("文／王小明", Credit(("王小明",))),
        ("圖、文：王小明、李大同", Credit(("王小明", "李大同"))),
        ("作者：陈美玲", Credit(("陈美玲",))),
        ("文｜《中国科学报》记者 孙滔", Credit(("孙滔",), "中国科学报")),
        ("作者：Jane Roe", Credit(("Jane Roe",))),
        ("文／山田 太郎", Credit(("山田 太郎",))),
        ("記者：佐藤 健", Credit(("佐藤 健",))),
        ("文／杨湛菲 李大同", Credit(("杨湛菲", "李大同"))),
        ("文化部：今年預算增加", None),
        ("作者表示，这项研究还在进行中。", None),
    ],
)
def test_read_cjk_byline(line: str, want: Credit | None) -> None:
    """Chinese byline labels give the names (and an outlet in title brackets)."""
    assert read_cjk_byline(line) == want


def test_glued_cjk_byline_is_cut_from_its_paragraph() -> None:
    """A reporter credit closing a paragraph is cut out; the paragraph stays in the body."""
    text = "政府表示新政策将帮助农民。\n\n部长表示，政府将在周一公布新政策。（记者 杨湛菲）"
    article = clean_article(text)
    assert article.authors == ("杨湛菲",)
    assert article.paragraphs[-1] == "部长表示，政府将在周一公布新政策。"
    assert read_glued_cjk_byline("他说（记者 杨湛菲）还在路上") is None


@pytest.mark.parametrize(
    ("last", "source"),
    [
        ("部長表示，政府將在週一公布新政策。（中央社）", "中央社"),
        ("台風は東部に上陸し、道路が寸断された。（共同）", "共同"),
        # negative rows: a name or a remark in brackets is no agency
        ("部長表示，政府將在週一公布新政策。（李大同）", None),
        ("部長表示，政府將在週一公布新政策。（完）", None),
    ],
)
def test_glued_agency_is_cut_from_the_last_paragraph(last: str, source: str | None) -> None:
    """A known agency in brackets after the last sentence is the source; the paragraph
    stays in the body without it."""
    article = clean_article(f"政府表示新政策将帮助农民。\n\n{last}")
    assert article.source == source
    if source is not None:
        assert article.paragraphs[-1] == last[: last.index("（")]
        assert _ledger_has(article, source)


#: Wire agencies as each script's stories credit them in brackets.
AGENCIES = {
    "latin": ["dpa", "Reuters", "AFP", "AA"],
    "cyrillic": ["ТАСС", "Интерфакс"],
    "arabic": ["واس"],
    "cjk": ["共同", "新华社", "中央社", "時事"],
}

#: Headlines of other stories listed under a story: four or more push the credit out of the
#: last lines that the credit readers look at.
RELATED = {
    "latin": ["Storm closes the harbour", "Council budget talks collapse", "Schools reopen",
              "Rail strike called off", "Mayor opens new bridge"],
    "cyrillic": ["Шторм закрыл порт", "Совет принял бюджет", "Школы открылись",
                 "Забастовка отменена", "Мэр открыл новый мост"],
    "arabic": ["الحكومة تعلن خطة جديدة", "الوزير يزور المنطقة", "افتتاح المدارس",
               "إلغاء الإضراب", "افتتاح الجسر الجديد"],
    "cjk": ["港口因风暴关闭", "政府公布新政策", "大雪で新幹線が運転見合わせ",
            "人気歌手が結婚を発表", "本市新建三座公园"],
}  # fmt: skip


@given(st.sampled_from(sorted(AGENCIES)), st.data())
def test_an_agency_alone_under_the_last_paragraph_is_the_source(
    script: str, data: st.DataObject
) -> None:
    """A wire credit, in brackets or bare, on a line of its own under the story's last
    sentence ("（共同）", "(dpa)", "dpa"), other stories' headlines below it or not, is the
    source; it leaves the body, and every paragraph stays."""
    paras = list(data.draw(prose(script)))
    agency = data.draw(st.sampled_from(AGENCIES[script]))
    brackets = data.draw(st.sampled_from(["（{}）" if script == "cjk" else "({})", "{}"]))
    # other stories' headlines below it: the credit closes the last prose, not the page
    related = data.draw(st.lists(st.sampled_from(RELATED[script]), max_size=5, unique=True))
    article = clean_article("\n\n".join([*paras, brackets.format(agency), *related]))
    assert article.source == agency
    assert _ledger_has(article, agency)
    assert article.paragraphs[: len(paras)] == tuple(paras)
    assert brackets.format(agency) not in article.paragraphs


#: Lines closing an English wire story, and what they give: (line, authors, source).
STORY_ENDS = [
    ("— Reuters", (), "Reuters"),
    ("Copyright 2026 The Associated Press. All rights reserved.", (), "Associated Press"),
    ("Jane Roe contributed reporting from Boston.", ("Jane Roe",), None),
    ("Jane Roe and Jo Lee contributed reporting from Boston and Washington.", ("Jane Roe", "Jo Lee"), None),
    ("AFP contributed to this report.", (), "AFP"),
]  # fmt: skip


@given(st.sampled_from(STORY_ENDS), st.lists(st.sampled_from(RELATED["latin"]), unique=True))
def test_a_wire_credit_closing_the_story_above_a_footer(
    end: tuple[str, tuple[str, ...], str | None], related: list[str]
) -> None:
    """A credit line right under the story's last sentence (an agency's signature or
    copyright, a contributor "from" a place) gives the authors or the source whatever
    stands under it, and leaves the body."""
    line, authors, source = end
    paras = ["The council approved the plan on Wednesday after two years of debate, officials said.",
             "Construction is expected to begin next spring and to take about three years."]  # fmt: skip
    article = clean_article("\n".join([*paras, line, *related]))
    assert (article.authors, article.source) == (authors, source)
    assert line not in article.paragraphs
    assert article.paragraphs[:2] == tuple(paras)


@pytest.mark.parametrize(
    ("last", "alone"),
    [
        ("Der Hafen bleibt zu, hieß es.", "(Fortsetzung folgt)"),  # no agency
        ("部長表示，政府將在週一公布新政策。", "（李大同）"),  # a name: an author, not a source
        ("Der Hafen bleibt zu, hieß es.", "(Archiv)"),  # a word, no agency
        ("Der Hafen bleibt zu, hieß es.", "Archiv"),
        ("Der Hafen bleibt zu, hieß es.", "dpa (Archiv)"),  # an agency and more
    ],
)
def test_a_bracketed_line_alone_that_names_no_agency_is_no_source(last: str, alone: str) -> None:
    """A remark or a name in brackets alone under the last paragraph is no source."""
    lede = "The council met on Monday to discuss the harbour plan for the coming year."
    article = clean_article(f"{lede}\n\n{last}\n{alone}")
    assert article.source is None


#: A bio of each script, for a writer of ``names(script)``, and a page's footer under it.
BIOS = {
    "latin": "{} is a reporter for The Harbour Times. Reach her at news@example.com.",
    "cyrillic": "{} является обозревателем издания «Порт».",
    "arabic": "{} هو كاتب صحفي في صحيفة الميناء.",
}
FOOTER = ["Sign up for our daily newsletter", "Get the top stories every morning.",
          "Email address", "Related", "Storm closes the harbour", "Council budget talks collapse",
          "About Us", "Privacy Policy"]  # fmt: skip


@given(st.sampled_from(sorted(BIOS)), st.data())
def test_a_closing_bio_above_a_page_footer_names_the_writer(
    script: str, data: st.DataObject
) -> None:
    """A bio closing the story's prose names its writer even with a page's footer still under
    it (newsletter prompts, other stories, links): the writer is the author, the bio leaves
    the body, and the paragraphs stay."""
    paras = list(data.draw(prose(script)))
    writer = data.draw(names(script))[0]
    footer = data.draw(st.lists(st.sampled_from(FOOTER), min_size=4, unique=True))
    bio = BIOS[script].format(writer)
    article = clean_article("\n".join([*paras, bio, *footer]))
    assert article.authors == (writer,)
    assert bio not in article.paragraphs
    assert article.paragraphs[: len(paras)] == tuple(paras)


@given(
    st.sampled_from(["編輯", "编辑", "責任編輯", "责任编辑", "責編"]),
    st.lists(st.sampled_from(NAMES["cjk"]), min_size=1, max_size=2, unique=True),
    st.sampled_from(["", "1141205", " 20261205"]),
    st.sampled_from(["（{}：{}）", "({}：{})", "（{}:{}）"]),
)
def test_a_glued_editor_credit_is_cut_and_kept_apart(
    label: str, editors: list[str], code: str, form: str
) -> None:
    """An editor's credit glued after the story's last sentence, a wire's day code after it
    or not ("…落石。（編輯：陳美玲）1141205"), is cut from the paragraph into the metadata;
    the editor is no author and the paragraph stays."""
    last = "氣象專家提醒，颱風外圍環流影響範圍廣，山區須防範坍方及落石。"
    credit = form.format(label, "、".join(editors)) + code
    article = clean_article(f"中央氣象署今天表示，颱風預計明晚最接近東部海域。\n\n{last}{credit}")
    assert article.paragraphs[-1] == last
    assert article.metadata.get("editor") == ", ".join(editors)
    assert article.authors == ()


@pytest.mark.parametrize(
    "last",
    [
        "編輯部表示，將在下週發表更正（編輯：陳美玲）",  # no sentence closed before it
        "他說：「（編輯：陳美玲）不在。」",  # inside a quote
    ],
)
def test_an_editor_credit_inside_a_sentence_stays(last: str) -> None:
    """An editor's credit that closes no sentence stays where it is."""
    article = clean_article(f"中央氣象署今天表示，颱風預計明晚最接近東部海域。\n\n{last}")
    assert "editor" not in article.metadata
    assert article.paragraphs[-1] == last


@pytest.mark.parametrize(
    ("notice", "source"),
    [
        ("声明：本文转载自港口日报，版权归原作者所有，如有侵权请联系删除。", "港口日报"),
        ("聲明：本文轉載自海岸新聞，如有侵權請聯繫刪除。", "海岸新聞"),
        ("本文转载自港口日报。", "港口日报"),
    ],
)
def test_a_repost_notice_names_the_source(notice: str, source: str) -> None:
    """A repost notice closing the story, its rights clause after the outlet or not, names
    the source and leaves the body."""
    paras = ["受冷空气影响，华北多地迎来今冬首场降雪，交通运输部门提前部署。", "气象部门提醒，降雪期间道路湿滑，公众出行应注意安全。"]  # fmt: skip
    article = clean_article("\n".join([*paras, notice]))
    assert article.source == source
    assert article.paragraphs == tuple(paras)


def test_byline_opening_the_lede_leaves_the_paragraph_in_the_body() -> None:
    """ "〔記者王小明／台北報導〕" opening the lede: the author is read, the lede stays body."""
    lede = "政府表示新政策将帮助农民，部长周一在台北说明了细节。"
    article = clean_article(f"〔記者王小明／台北報導〕{lede}\n\n部长表示，政策将在周一公布。")
    assert article.authors == ("王小明",)
    assert article.paragraphs[0] == lede
    assert any(e.rule == "extract.attribution" and "王小明" in e.old for e in article.edits)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2023/08/22 18:58", "2023-08-22T18:58:00"),
        ("Updated 3:41 PM EDT, Tue March 21, 2023", "2023-03-21T15:41:00-04:00"),
        ("Published: 2020/4/17 2:12:29", "2020-04-17T02:12:29"),
        ("發布時間：2023/08/22 18:58", "2023-08-22T18:58:00"),
        ("日期：2026-08-04", "2026-08-04"),
        ("| May 31 2026 - 8:00 am PT", "2026-05-31T08:00:00"),
        ("Güncelleme: 22.08.2023 18:58", "2023-08-22T18:58:00"),
        ("22 Ağustos 2023 Salı 18:58", "2023-08-22T18:58:00"),
        ("Stand: 22.08.2023, 18:58 Uhr", "2023-08-22T18:58:00"),
        ("更新日時 2023年8月22日 18:58", "2023-08-22T18:58:00"),
        ("公開日：2023/08/22", "2023-08-22"),
        ("2023年8月22日 週二 下午6:58", "2023-08-22T18:58:00"),
        ("2023年8月22日（火）18時58分", "2023-08-22T18:58:00"),
        ("2023-08-22 18:58 更新", "2023-08-22T18:58:00"),
        # notes a page adds after its stamp
        ("August 22, 2023 / 6:58 PM / Updated 2 hours ago", "2023-08-22T18:58:00"),
        ("22 August 2023 • 3 min read", "2023-08-22"),
        ("22.08.2023 18:58 Uhr | Lesedauer: 3 Min.", "2023-08-22T18:58:00"),
        # the update as a second stamp with its label
        ("22.08.2023 18:58 | Son Güncelleme: 22.08.2023 19:10", "2023-08-22T18:58:00"),
        ("2023/8/22 18:58（8/22 19:30 更新）", "2023-08-22T18:58:00"),
        ("August 22, 2023 | Last updated: August 23, 2023 9:15 AM", "2023-08-22"),
    ],
)
def test_time_stamps(line: str, date: str) -> None:
    """The stamp forms of issue 19 read as the date (and time) they state."""
    found = read_stamp(line)
    assert found is not None
    assert found[0].isoformat() == date


@pytest.mark.parametrize(
    "line",
    [
        "August 22, 2023 / The port closed after the storm",  # a headline after the date
        "August 22, 2023 | Jane Roe",  # a name: the byline readers' to take
        "Storm closes port / 6:58 PM",  # no date
        "August 22, 2023 / Updated after the storm hit the coast on 2 piers",  # too long
    ],
)
def test_stamp_notes_refuse_words(line: str) -> None:
    """Only a clock and short notes with a number may follow a stamp's date."""
    assert read_stamp(line) is None


@pytest.mark.parametrize(
    ("line", "widget"),
    [("Share Facebook", True), ("Tweet | Email | Print", True), ("Share prices fall", False)],
)
def test_share_widgets_are_never_titles(line: str, widget: bool) -> None:
    """A share widget's line is known as one; a headline that starts with "Share" is not."""
    assert is_widget(line) == widget


def _ledger_has(article: Article, value: str) -> bool:
    """An ``extracted`` edit holds the value, or a ``read`` edit gave it (the text stayed)."""
    return any(
        (e.kind == "extracted" and value in e.old) or (e.kind == "read" and e.new == value)
        for e in article.edits
    )


def _check(doc: Doc, pipeline: Pipeline = DEFAULT) -> Article:
    article = clean_article(doc.text, pipeline=pipeline)
    assert article.paragraphs == doc.body
    assert article.authors == doc.authors
    assert article.source == doc.source
    assert article.published == doc.published
    for value in (*doc.authors, *([doc.source] if doc.source else [])):
        assert _ledger_has(article, value), value  # every value read has its ledger entry
    return article


@given(credit_doc())
def test_credit_lines_give_authors_and_source(doc: Doc) -> None:
    """Contact, contribution, wire-role, bio, Chinese byline and republication credits, in
    Latin, Cyrillic, Arabic and CJK text, give their values; the body stays whole."""
    _check(doc)


@given(outlet_dateline_doc())
def test_outlet_datelines_give_the_source(doc: Doc) -> None:
    """ "CNN — …" opening the story names the source; the paragraph stays in the body."""
    _check(doc)


@given(stamp_line_doc())
def test_stamp_lines_give_the_date(doc: Doc) -> None:
    """A time stamp alone in the first or last lines sets ``published``."""
    _check(doc)


@given(meta_line_doc())
def test_meta_lines_give_their_parts(doc: Doc) -> None:
    """A stamp with labelled source and author parts, and "Posted on <date> by <name>", give
    every field they state, in four scripts; the body stays whole."""
    _check(doc)


@given(name_line_doc())
def test_name_lines_under_the_headline_give_the_authors(doc: Doc) -> None:
    """A name alone under a headline of four words and more, with its handle or after the
    reporter's place, gives the author, in Latin, Cyrillic and (with a handle) Arabic; the
    headline stays the title and the body stays whole."""
    assert _check(doc).title == doc.title


@given(yearless_stamp_doc())
def test_yearless_stamps_are_dated_by_a_year_the_text_names(doc: Doc) -> None:
    """A Japanese stamp without a year is dated only by the one named year whose calendar
    fits its weekday, and the outlet after "配信" is the source; the body stays whole."""
    assert _check(doc).title == doc.title


@given(glued_headline_doc())
def test_headlines_glued_to_the_lede_are_cut_into_the_title(doc: Doc) -> None:
    """A sentence-case headline glued to the lede (English, Portuguese, German) is the title;
    the lede stays in the body with the rest."""
    article = clean_article(doc.text)
    assert article.title == doc.title
    assert article.paragraphs == doc.body
    assert _ledger_has(article, doc.title or "")


@given(intro_doc())
def test_intro_lines_give_the_source(doc: Doc) -> None:
    """A line naming the outlet above a reposted story ("According to X:", "Согласно X:",
    "据X报道：") gives the source; the story stays whole in the body."""
    _check(doc)


@given(deep_headline_doc())
def test_stamp_and_byline_under_a_deep_headline_are_read(doc: Doc) -> None:
    """Under a headline deep in a page the stamp and the name beside it give published and
    the author, in Latin and Cyrillic; the title and the site come from the page title."""
    article = clean_article(doc.text)
    assert (article.title, article.authors, article.source) == (doc.title, doc.authors, doc.source)
    assert article.published == doc.published
    # no reader takes a body line; the line model may still doubt a generated paragraph
    # ("Government government … minister." at the end is cut by classify.tail)
    by_model = {e.old.strip() for e in article.edits if e.rule.startswith("classify.")}
    assert all(p in article.paragraphs or p in by_model for p in doc.body)
    assert not any(
        e.rule.startswith("extract.") and e.old.strip() in doc.body for e in article.edits
    )


@given(glued_author_doc())
def test_author_labels_glued_in_a_header_line_are_read(doc: Doc) -> None:
    """An author label glued after a teaser gives the author (Latin, Cyrillic); the rules
    leave the teaser in the body. (Whether the teaser is the page's or the story's is the
    line model's call, not the reader's: the generator's paragraphs share no word with it,
    and beside them the model may take it for a header's line.)"""
    assert _check(doc, DEFAULT.without("classify.lines")).title == doc.title
    assert clean_article(doc.text).authors == doc.authors


@given(headline_doc())
def test_headlines_are_found(doc: Doc) -> None:
    """The headline is the title past share widgets, with "!" or "?" endings (in sentence
    case with a byline below or a topic before a colon) and when a page title repeats it;
    the page title's site is the source."""
    article = clean_article(doc.text)
    assert article.title == doc.title
    assert article.source == doc.source
    assert article.authors == doc.authors
    # The body is checked on prose of some variety only: paragraphs of one or two words
    # said over and over ("Government government … minister."), which the prose generator
    # may draw, the line model may take for a list or a repeat under the article.
    assume(all(_varied(p) for p in doc.body))
    # a share widget above the headline may stay in the body: the line model's to judge
    assert article.paragraphs[-len(doc.body) :] == doc.body
    assert len(article.paragraphs) <= len(doc.body) + 1


PROSE = "The harbour board said on Monday it would close the old port for repairs after the storm."
#: The largest share of a generated paragraph's words that one word may take for its body
#: to be judged (in prose, "the" takes about a tenth).
VARIED = 0.4


def _varied(paragraph: str) -> bool:
    words = [w.casefold().strip(".") for w in paragraph.split()]
    return max(map(words.count, set(words))) <= VARIED * len(words)


MORE_PROSE = (
    "Officials said the cost of the work had not been settled, and talks would resume soon."
)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (f"By\nJane Roe\n{PROSE}", ("Jane Roe",)),
        (f"Storm Closes Port\nJane Roe\n31 Jul 2024\n{PROSE}", ("Jane Roe",)),
        (f"Storm Closes Port\nJane Roe\nCNN\nUpdated 3:41 PM EDT, March 21, 2023\n{PROSE}",
         ("Jane Roe",)),
        (f"31 Jul 2024\nStorm Closes Port\n{PROSE}", ()),
        (f"{PROSE}\nJane Roe\nJane has covered ports for the paper since 2009.", ("Jane Roe",)),
        (f"Storm Closes Port\nJane Roe\nSenior Reporter\n{PROSE}", ("Jane Roe",)),
        (f"Sturm schließt Hafen\nAnna Schmidt\nRedakteurin\n{PROSE}", ("Anna Schmidt",)),
        (f"Fırtına limanı kapattı\nAyşe Demir\nEkonomi Editörü\n{PROSE}", ("Ayşe Demir",)),
        (f"Fırtına limanı kapattı\nAyşe Demir\nAA Muhabiri\n{PROSE}", ("Ayşe Demir",)),
        # a news agency under the name, no stamp needed
        (f"Storm Closes Port\nJane Roe\nReuters\n{PROSE}", ("Jane Roe",)),
        (f"Storm Closes Port\nJane Roe | Reuters\n{PROSE}", ("Jane Roe",)),
        (f"Storm Closes Port\nJane Roe\nHarbour Times\n{PROSE}", ()),  # an outlet needs a stamp
        # a job with the outlet under the name is no name itself
        (f"Storm Closes Port\nJane Roe\nSenior Reporter, Harbour Times\n{PROSE}", ("Jane Roe",)),
        (f"Jane Roe\n{PROSE}\nMore news\nJane Roe", ("Jane Roe",)),
        ("الحكومة تعلن خطة\nأحمد العرفج\n31 Jul 2024\nقال الوزير إن الحكومة ستساعد المزارعين في المنطقة.",
         ("أحمد العرفج",)),
        # under a headline of four words or more, above the lede
        (f"Storm Closes the Old Harbour Port\nJane Roe\n{PROSE}", ("Jane Roe",)),
        (f"Шторм закрыл старый порт в городе\nАнна Петрова\n{PROSE}", ("Анна Петрова",)),
        # a handle after the name, a place before it
        (f"Storm Closes Port\nJane Roe @janeroe\n{PROSE}", ("Jane Roe",)),
        (f"Storm Closes Port\nJane Roe | @jroe\n{PROSE}", ("Jane Roe",)),
        (f"Fırtına limanı kapattı\nİstanbul - Ayşe Kaya\n{PROSE}", ("Ayşe Kaya",)),
        (f"Fırtına limanı kapattı\nANKARA – Mehmet Demir\n{PROSE}", ("Mehmet Demir",)),
        (f"Fırtına limanı kapattı\nAyşe Kaya - İSTANBUL\n{PROSE}", ("Ayşe Kaya",)),
        (f"Storm Closes Port\nPort Closes - Today\n{PROSE}", ()),  # a place needs capitals
        # no second sign: a two-word heading is not a byline
        (f"Migraine Nightmare\n{PROSE}", ()),
        (f"Storm Closes Port\nJane Roe\n{PROSE}", ()),  # a short headline: may be a kicker
        (f"The Return of Empires (II)\nPart II\n{PROSE}", ()),  # a heading's part
        (f"Storm Closes the Old Harbour Port\nMigraine Nightmare Returns Again\n{PROSE}", ()),
        (f"Storm Closes the Old Harbour Port\nJane Roe\nShips Wait\n{PROSE}", ()),
        (f"{PROSE}\n{MORE_PROSE}\nFollow\nJane Roe @janeroe\n{PROSE[:60]}.", ()),  # a post
        (f"Storm Closes Port\nFollow us @harbourtimes\n{PROSE}", ()),
        (f"Storm Closes Port\nJane Roe - Jo Lee\n{PROSE}", ()),  # two names: no place
        (f"Storm Closes Port\nReuters - Jane Roe\n{PROSE}", ()),  # an agency: no place
        (f"Storm Closes Port\nJane Roe\nSenior Reporter of the Year Award\n{PROSE}", ()),
        (f"{PROSE}\nJane Roe", ()),
        # an uncased script: the same line twice is not enough
        ("أحمد العرفج\nقال الوزير إن الحكومة ستساعد المزارعين.\nأحمد العرفج", ()),
    ],
)  # fmt: skip
def test_name_alone_needs_a_second_sign(text: str, authors: tuple[str, ...]) -> None:
    """A name alone on a line is the byline only beside a bare "By", a date stamp, a bio of
    the same person, the same line again, a handle after it, a place before it, or a
    headline of four words and more above it with the lede below; each name read has its
    ledger entry."""
    article = clean_article(text)
    assert article.authors == authors
    for name in authors:
        assert _ledger_has(article, name)


LEDE = "政府表示新政策将帮助农民，部长周一在北京说明了细节和安排。"


@pytest.mark.parametrize(
    ("text", "source", "authors"),
    [
        (f"新华社北京7月1日电（记者 张三）{LEDE}", "新华社", ("张三",)),
        (f"新华社北京7月1日电{LEDE}", "新华社", ()),
        (f"（中央社記者王小明台北22日電）{LEDE}", "中央社", ("王小明",)),
        (f"（中央社台北22日電）{LEDE}", "中央社", ()),
        ("【ワシントン共同】米政府は1日、新しい政策を発表した。港の工事は来月に始まる予定だ。", "共同", ()),
        # an agency credited inside the lede is no dateline: the source is read and the
        # sentence stays whole (extract.reported, a ``read`` edit)
        (f"据新华社报道，{LEDE}", "新华社", ()),
    ],
)  # fmt: skip
def test_cjk_wire_datelines(text: str, source: str | None, authors: tuple[str, ...]) -> None:
    """Xinhua, CNA and Kyodo datelines opening the lede name the source (and reporters);
    the rest of the paragraph stays in the body."""
    article = clean_article(f"{text}\n\n部长表示，政策将在周一公布，细节会在下周说明。")
    assert article.source == source
    assert article.authors == authors
    assert article.paragraphs[0].endswith(text[-8:])
    if source:
        assert _ledger_has(article, source)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("HarbourNews.com is an independent news agency devoted to ports.", "HarbourNews.com"),
        ("Coastline Media Group is a nonprofit newsroom covering the coast.", "Coastline Media Group"),
        ("Harbour Council is a body that meets on Mondays.", None),
        ("Jane Roe is a columnist with The Harbour Times.", None),
    ],
)  # fmt: skip
def test_read_outlet_bio(line: str, want: str | None) -> None:
    """An outlet describing itself at the end names the source; a person or a body does not."""
    assert read_outlet_bio(line) == want


def test_a_byline_block_with_its_outlet() -> None:
    """A name, its outlet and the stamp on three lines give authors, source and date."""
    article = clean_article(
        f"Storm Closes Port\nJane Roe\nCNN\nUpdated 3:41 PM EDT, March 21, 2023\n{PROSE}"
    )
    assert (article.authors, article.source) == (("Jane Roe",), "CNN")
    assert article.paragraphs == (PROSE,)


def test_a_heading_by_a_footer_date_is_no_byline() -> None:
    """Four capitalised words are a heading, not a name; a dated footer link is no byline."""
    text = f"{PROSE}\n{MORE_PROSE}\nHarbour Storage Central Eastern Region\nSep 17, 2024"
    assert clean_article(text).authors == ()


@given(st.sampled_from(["latin", "cyrillic"]), st.data())
def test_a_repeated_menu_item_is_no_byline(script: str, data: st.DataObject) -> None:
    """A title-case line repeated at the top and foot of a page (a menu item: "Old Port",
    "Financial Aid") whose words the page writes in lower case elsewhere is not a person; a
    person's name repeated the same way still is."""
    paras = data.draw(prose(script))
    # words the page writes in lower case (a sentence's first word may be capitalised only)
    words = sorted({w.strip(".,") for p in paras for w in p.split() if w.strip(".,").islower()})
    picked = data.draw(st.lists(st.sampled_from(words), min_size=2, max_size=2, unique=True))
    item = " ".join(w.capitalize() for w in picked)
    person = data.draw(names(script))[0]
    for line, want in ((item, ()), (person, (person,))):
        text = "\n".join([line, *paras, line])
        assert clean_article(text).authors == want, text


def test_a_repeated_organisation_is_no_byline() -> None:
    """An organisation's name twice (a caption credit, say) is not a person."""
    text = f"New Jersey State Police\n{PROSE}\n{MORE_PROSE}\nNew Jersey State Police"
    assert clean_article(text).authors == ()


@given(
    st.sampled_from(["Source: ", "SOURCE: ", "Originally published on ", "via: ", "Fonte: "]),
    st.sampled_from(["http://", "https://", "https://www.", "www."]),
    st.sampled_from(["harbourtimes.example", "coast-news.example.org"]),
    st.lists(st.sampled_from(["2024", "06", "port-closes", "story.html"]), max_size=4),
)
def test_a_source_is_never_a_web_address(
    label: str, scheme: str, host: str, path: list[str]
) -> None:
    """A source credit giving a web address names the outlet by its host, never the URL."""
    url = scheme + host + "".join("/" + p for p in path)
    article = clean_article(f"{PROSE}\n\n{MORE_PROSE}\n\n{label}{url}")
    assert article.source == host
    assert _ledger_has(article, url)


def test_a_source_credit_sharing_a_line_with_an_image_credit() -> None:
    """ "Source: X; Image Source: Y": X is the story's source, Y the photo's credit."""
    article = clean_article(
        f"{PROSE}\n\n{MORE_PROSE}\n\nSource : Harbour Times; Image Source: Jo Lee"
    )
    assert article.source == "Harbour Times"
    assert [c.credit for c in article.captions] == ["Jo Lee"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (f"日期：2024-08-04\n国际港口网\n{LEDE * 2}\n{LEDE[::-1] * 2}", "国际港口网"),
        (f"聯合報\n2024/08/04 18:58\n{LEDE * 2}\n{LEDE[::-1] * 2}", "聯合報"),
        # no stamp beside it: a short line ending in 网 is not taken
        (f"国际港口网\n{LEDE * 2}\n{LEDE[::-1] * 2}", None),
    ],
)
def test_a_chinese_outlet_by_the_date_stamp(text: str, source: str | None) -> None:
    """A Chinese outlet's name alone beside the header's date stamp is the source."""
    article = clean_article(text)
    assert article.source == source
    if source is not None:
        assert source not in article.paragraphs


@pytest.mark.parametrize(
    ("line", "authors", "published", "source"),
    [
        ("Jane Roe | March 3, 2023", ("Jane Roe",), "2023-03-03", None),
        ("Posted on March 3, 2023 by Jane Roe", ("Jane Roe",), "2023-03-03", None),
        ("March 3, 2023 — Ana de Silva", ("Ana de Silva",), "2023-03-03", None),
        ("Jane Roe / Harbour Times", ("Jane Roe",), None, "Harbour Times"),
        ("Анна Петрова | 3 марта 2023", ("Анна Петрова",), "2023-03-03", None),
        # a headline of three words beside a date is not a name
        ("Storm Closes Port | March 3, 2023", (), None, None),
    ],
)
def test_names_beside_a_stamp_or_an_outlet(
    line: str, authors: tuple[str, ...], published: str | None, source: str | None
) -> None:
    """A byline without "By": names beside a date stamp or an outlet, under the headline."""
    article = clean_article(f"Storm Closes The Harbour Port\n{line}\n{PROSE}\n{MORE_PROSE}")
    assert article.authors == authors
    assert (article.published.isoformat()[:10] if article.published else None) == published
    assert article.source == source


def test_a_list_of_dated_entries_is_no_byline() -> None:
    """Several "date — name" lines are a list of articles, not the story's byline."""
    entries = "\n".join(f"Jun {d}, 2008 — Jane Roe" for d in (29, 16, 14))
    article = clean_article(f"{entries}\n{PROSE}\n{MORE_PROSE}")
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "authors", "source"),
    [
        ("Anadolu Ajansı | 03.12.2024 18:05", (), "Anadolu Ajansı"),
        ("Reuters | March 3, 2023", (), "Reuters"),
        # negative row: a person beside the stamp stays an author
        ("Ayşe Kaya | 03.12.2024 18:05", ("Ayşe Kaya",), None),
    ],
)
def test_an_agency_beside_a_stamp_is_the_source(
    line: str, authors: tuple[str, ...], source: str | None
) -> None:
    """A known agency beside the header's stamp is the source, never an author."""
    article = clean_article(f"Storm Closes Port\n{line}\n{PROSE}\n{MORE_PROSE}")
    assert (article.authors, article.source) == (authors, source)
    assert article.published is not None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("According to The Harbour Times:", "The Harbour Times"),
        ("As written by Senator Jo Lee:", "Senator Jo Lee"),
        ("As reported by Voice of the Harbour…", "Voice of the Harbour"),
        ("from RT", "RT"),
        ("From harbourtimes.example", "harbourtimes.example"),
        ("Según El Diario del Puerto:", "El Diario del Puerto"),
        ("Согласно Портовые Вести:", "Портовые Вести"),
        ("据港口日报报道：", "港口日报"),
        ("根据港湾研究院统计数据——", "港湾研究院"),
        ("據海岸新聞報導，", "海岸新聞"),
        ("据了解，港口将于周一关闭。", None),  # "it is understood": a sentence
        ("根据规定，港口周一关闭。", None),
        # negative rows: a sentence, a lower-case name, no colon after a name, a date
        ("According to Reuters, the port closed on Monday.", None),
        ("According to the board:", None),
        ("According to Harbour Times", None),  # no colon: it may open a sentence
        ("From the archives", None),
        ("From Monday on the port is shut", None),
        ("From Jane Roe", None),  # a person without a colon
        (PROSE, None),
    ],
)
def test_read_intro(line: str, want: str | None) -> None:
    """An intro line names the outlet or writer of a reposted story."""
    assert read_intro(line) == want


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            f"Share Tweet\nAccording to The Harbour Times:\n{PROSE}\n{MORE_PROSE}",
            "The Harbour Times",
        ),
        (f"Согласно Портовые Вести:\n{PROSE}\n{MORE_PROSE}", "Портовые Вести"),
        # negative row: below the writer's own lede, the intro quotes another outlet
        (f"{PROSE}\nFrom The Harbour Times:\n{MORE_PROSE}", None),
    ],
)
def test_intro_line_above_the_lede_names_the_source(text: str, source: str | None) -> None:
    """An intro line above the lede gives the source and leaves the body with its ledger
    entry; below the writer's own lede it stays in the body."""
    article = clean_article(text)
    assert article.source == source
    if source is None:
        assert "From The Harbour Times:" in article.paragraphs
    else:
        assert _ledger_has(article, source)
        assert article.paragraphs[-2:] == (PROSE, MORE_PROSE)


@pytest.mark.parametrize(
    ("text", "authors", "source"),
    [
        ("记者王小明／台北报导", ("王小明",), None),
        ("記者王小明、李大同／台北報導", ("王小明", "李大同"), None),
        ("本报记者 王小明 李大同", ("王小明", "李大同"), None),
        ("港口日报记者 王小明", ("王小明",), "港口日报"),
        ("山田太郎記者", ("山田太郎",), None),
        ("（ロンドン＝山田 太郎）", ("山田 太郎",), None),
        # negative rows: a heading that opens with "记者", a sentence about reporters
        ("记者观察", None, None),
        ("记者会见在北京举行", None, None),
        ("记者节快乐", None, None),
    ],
)
def test_reporter_lines(text: str, authors: tuple[str, ...] | None, source: str | None) -> None:
    """A reporter line of its own in Chinese or Japanese gives the names (and the outlet
    before "记者"); a heading or a sentence about reporters gives nothing."""
    credit = read_cjk_byline(text)
    if authors is None:
        assert credit is None
    else:
        assert credit is not None
        assert (credit.authors, credit.source) == (authors, source)


LEDE_JA = (
    "港湾局は月曜日、嵐のため旧港を火曜日に閉鎖すると発表した。修理費用はまだ分かっていないという。"
)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (f"旧港、嵐で閉鎖\n\n【ワシントン＝山田太郎】{LEDE_JA}", ("山田太郎",)),
        (f"旧港因风暴关闭\n\n本报讯（记者 王小明）{LEDE}", ("王小明",)),
        (f"旧港因风暴关闭\n\n记者王小明／台北报导\n\n{LEDE}", ("王小明",)),
        # negative: a bracketed tag opening the lede names nobody
        (f"旧港、嵐で閉鎖\n\n【速報】{LEDE_JA}", ()),
    ],
)
def test_cjk_reporters_opening_the_lede(text: str, authors: tuple[str, ...]) -> None:
    """A Japanese "【place＝name】" or a Chinese "本报讯（记者 X）" opening the lede gives the
    reporter and is cut from the lede, which stays in the body; a line "记者X／台北报导" leaves
    the body."""
    article = clean_article(text)
    assert article.authors == authors
    assert article.paragraphs[-1].endswith(text[-10:])
    for name in authors:
        assert _ledger_has(article, name)


STORY = f"{PROSE}\nThe board met again on Tuesday and agreed to reopen the port next month."


@pytest.mark.parametrize(
    ("last", "authors"),
    [
        ("Jane Roe is Commander of the Portville harbour pilots' guild and sails each summer.",
         ("Jane Roe",)),
        ("Jo Lee has authored two books on the history of the harbour and its ships.",
         ("Jo Lee",)),
        # negative rows: a person the story names, a company, a short sentence
        ("Jane Roe is Commander of the guild, said the board, which met again on Friday.", ()),
        ("South Western is one of the leading makers of pumps in the country today.", ()),
        ("Jane Roe is Commander.", ()),
    ],
)  # fmt: skip
def test_bios_of_strangers(last: str, authors: tuple[str, ...]) -> None:
    """A closing bio of a person the story never names, with a title or a verb of writing,
    gives the author; a person of the story, a company or a short line does not."""
    story = STORY if authors else STORY.replace("The board", "Jane Roe and the board")
    article = clean_article(f"Port closes after storm\n{story}\n{last}")
    assert article.authors == authors


#: Copyright sign-offs glued after the last sentence, and bios of a writer, per script.
SIGN_OFFS = {
    "latin": [" copyright by: {name}", " © {name}", " © 2024 {name}", " Copyright {name}"],
    "cyrillic": [" © {name}", " (c) {name}"],
}
WRITER_BIOS = {
    "latin": "{name} has authored two books on the harbour and its ships and sails each summer.",
    "cyrillic": "{name} является Председателем союза лоцманов порта и пишет о море и судах.",
}


@st.composite
def signed_off_doc(draw: st.DrawFn, *, mentioned: bool = False) -> Doc:
    """A story whose last line closes with the writer's copyright, then the writer's bio, in
    Latin or Cyrillic; with ``mentioned``, the story names the person in its prose too."""
    script = draw(st.sampled_from(sorted(SIGN_OFFS)))
    story = list(draw(prose(script)))
    (name,) = draw(names(script).filter(lambda ns: len(ns) == 1))
    if mentioned:
        story[0] = f"{name} {story[0][0].lower()}{story[0][1:]}"
    story[-1] += draw(st.sampled_from(SIGN_OFFS[script])).format(name=name)
    bio = WRITER_BIOS[script].format(name=name)
    return Doc("\n\n".join([*story, bio]), tuple(story), authors=() if mentioned else (name,))


@given(signed_off_doc())
def test_a_copyright_sign_off_is_no_mention_of_the_writer(doc: Doc) -> None:
    """A writer's bio closing the text gives the author though the last line above signs it
    with the writer's copyright ("… unknown. copyright by: Jo Lee"); the bio leaves the body,
    the story stays whole."""
    article = clean_article(doc.text)
    assert article.authors == doc.authors
    assert article.paragraphs == doc.body
    assert _ledger_has(article, doc.authors[0])


@given(signed_off_doc(mentioned=True))
def test_a_person_of_the_story_who_signs_it_is_still_its_subject(doc: Doc) -> None:
    """The same bio and sign-off, the person named in the story's prose as well: a person
    the story is about, no author read from the bio."""
    assert clean_article(doc.text).authors == ()


@pytest.mark.parametrize(
    "story_end",
    [
        "The © Jo Lee archive of harbour photographs opened to the public on Monday.",
        "The harbour photographs, copyright Jo Lee, went on show at the port on Monday.",
    ],
)
def test_copyright_in_prose_is_a_mention(story_end: str) -> None:
    """A copyright inside a sentence, not closing the line, mentions the person: no author."""
    bio = "Jo Lee has authored two books on the history of the harbour and its ships."
    article = clean_article(f"Port closes after storm\n{STORY}\n{story_end}\n{bio}")
    assert article.authors == ()


JA_SENTENCES = [
    "港湾局は月曜日、嵐のため旧港を火曜日に閉鎖すると発表した。",
    "修理費用はまだ分かっていないという。",
    "技術者は来週、岸壁とクレーンを点検する予定だ。",
    "市長は会見で、港の再開を急ぐ考えを示した。",
]
JA_NAMES = ["山田太郎", "鈴木花子", "佐藤 健一", "高橋美咲"]


@given(
    st.lists(st.sampled_from(JA_SENTENCES), min_size=2, max_size=4, unique=True),
    st.sampled_from(JA_NAMES),
    st.sampled_from(["", "ロンドン＝", "ワシントン=", "大阪＝"]),
    st.sampled_from(["", "\n", "\n\n"]),
)
def test_japanese_sign_offs(sentences: list[str], name: str, place: str, gap: str) -> None:
    """A Japanese reporter's sign-off closing the text ("…した。（ロンドン＝山田太郎）",
    "…した。（山田太郎）"), glued or on a line of its own, gives the reporter and leaves the
    body."""
    paras = ["".join(sentences), "".join(reversed(sentences))]
    article = clean_article(f"旧港、嵐で閉鎖\n\n{paras[0]}\n\n{paras[1]}{gap}（{place}{name}）")
    assert article.authors == (name,)
    assert article.paragraphs == tuple(paras)
    assert _ledger_has(article, name.split()[0])


@given(
    st.lists(st.sampled_from(JA_SENTENCES), min_size=2, max_size=4, unique=True),
    st.sampled_from(JA_NAMES),
)
def test_japanese_writer_after_a_middle_dot(sentences: list[str], name: str) -> None:
    """ "文・山田太郎" under a Japanese headline names the writer and leaves the body."""
    paras = ["".join(sentences), "".join(reversed(sentences))]
    article = clean_article(f"旧港、嵐で閉鎖\n\n文・{name}\n\n{paras[0]}\n\n{paras[1]}")
    assert article.authors == (name,)
    assert article.paragraphs == tuple(paras)


@pytest.mark.parametrize("line", ["文・芸術", "文・社会・経済の動き", "文・理系の選択"])
def test_headings_after_a_middle_dot_name_no_writer(line: str) -> None:
    """A heading opening with "文・" ("文・芸術", "Arts") names no writer."""
    article = clean_article(f"旧港、嵐で閉鎖\n\n{line}\n\n{LEDE_JA}\n\n{LEDE_JA}")
    assert article.authors == ()


@pytest.mark.parametrize(
    "text",
    [
        # a closing note, a Chinese paragraph (no kana), a name in a paragraph further up
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（続く）",
        f"旧港因风暴关闭\n\n{LEDE}\n\n{LEDE}（王小明）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}（山田太郎）\n\n{LEDE_JA}\n\n{LEDE_JA}\n\n{LEDE_JA}\n\n{LEDE_JA}",
        # an outlet, an office, a party, a bank, a school or a place closing the text
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（時事通信）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（気象庁）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（自民党）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（日本銀行）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（東京大学）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（横浜市）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}（北海道）",
        # the same on a line of its own
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}\n\n（続く）",
        f"旧港因风暴关闭\n\n{LEDE}\n\n{LEDE}\n\n（王小明）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}\n（気象庁）",
        f"旧港、嵐で閉鎖\n\n{LEDE_JA}\n\n{LEDE_JA}\n\n（日本銀行）",
    ],
)
def test_japanese_sign_offs_negative(text: str) -> None:
    """A closing note, a name in brackets closing a Chinese paragraph, one far from the end,
    or an outlet's, an office's or a place's name is no sign-off; the text stays (an agency's
    credit, "（時事通信）", goes to the source), or, on a line of its own, the line model may
    take it as furniture ("（続く）"), never a reader of authors."""
    article = clean_article(text)
    assert article.authors == ()
    last = text.rsplit("\n", 1)[1]
    if article.source is not None:
        last = last.replace(f"（{article.source}）", "")
    if last not in article.paragraphs:
        takers = {e.rule for e in article.edits if e.old.strip() == last}
        assert takers
        assert all(rule.startswith("classify.") for rule in takers), takers


#: Places and one-word outlets after a name and a comma, per script with capitals; the
#: outlet's value when its shape names one (a domain, inner capitals).
NAME_TAILS = {
    "latin": [("Portville", None), ("Lakeshore", None), ("HarbourNews.com", "HarbourNews.com"),
              ("TideWire", "TideWire")],
    "cyrillic": [("Москва", None), ("Портовск", None)],
}  # fmt: skip


@st.composite
def name_tail_doc(draw: st.DrawFn) -> Doc:
    """A headline, then "Name, Place" or "Name, Outlet" on a line of its own, then the story
    (Latin and Cyrillic: the scripts where a capital tells a name)."""
    script = draw(st.sampled_from(sorted(NAME_TAILS)))
    story = draw(prose(script))
    person = draw(names(script))[0]
    tail, outlet = draw(st.sampled_from(NAME_TAILS[script]))
    headline = draw(st.sampled_from(HEADLINES[script]))
    lines = [headline, f"{person}, {tail}", *story]
    return Doc("\n\n".join(lines), story, headline, (person,), source=outlet)


@given(name_tail_doc())
def test_name_with_place_or_outlet_gives_the_author(doc: Doc) -> None:
    """ "Jane Roe, Portville" / "Анна Петрова, Москва" under the headline gives the author
    (and the outlet when its shape names one); the line leaves the body with its ledger
    entry, the headline stays the title."""
    assert _check(doc).title == doc.title


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe, CEO",  # capitals: a title
        "Jane Roe, Jr.",  # a standing
        "Jane Roe, Monday",  # a day
        "Jane Roe, 2023",
        "Jane Roe, Portville Harbour",  # two words: no one-word tail
        "أحمد العرفج، الرياض",  # a script without case cannot tell a name
        "王小明，台北",
    ],
)
def test_name_tail_lookalikes(line: str) -> None:
    """A standing, a date, two words or a caseless script after the comma: no
    name with its place or outlet."""
    assert read_name_stamp(line) is None


def test_two_name_tail_lines_are_a_list() -> None:
    """Two "Name, Place" lines among the first are a list of people, not a byline."""
    text = "\n\n".join(
        ["Storm closes the old port", "Jane Roe, Portville", "Jo Lee, Lakeshore", *STORY_LINES]
    )
    assert clean_article(text).authors == ()


STORY_LINES = [
    "The port authority said on Monday that the new tidal turbines would power the docks.",
    "Engineers will test the machines over the summer before the harbour opens to ships.",
]


@given(cjk_outlet_label_doc())
def test_cjk_labels_naming_an_outlet_give_the_source(doc: Doc) -> None:
    """A Chinese credit label naming an outlet ("圖、文／CTWANT", "文／永續新聞網") or a desk's
    composite report ("財經中心／綜合報導") gives the source and no author; a person after the
    label or the desk ("文／王小明", "生活中心／王小明報導") stays the author. The line leaves
    the body, the ledger holding its ``extracted`` edit."""
    article = clean_article(doc.text)
    assert article.paragraphs == doc.body
    assert (article.authors, article.source) == (doc.authors, doc.source)
    first = doc.text.split("\n", 1)[0]
    assert any(e.rule == "extract.attribution" and e.old == first for e in article.edits)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("圖、文／CTWANT", Credit((), "CTWANT")),
        ("文／永續新聞網", Credit((), "永續新聞網")),
        ("作者：聯合報", Credit((), "聯合報")),
        ("財經中心／綜合報導", Credit((), "財經中心／綜合報導")),
        ("國際中心／王小明報導", Credit(("王小明",))),
        # negative rows: a person's name of two to four Han, a Latin person, a desk's line
        # that is no credit
        ("文／王小明", Credit(("王小明",))),
        ("文／歐陽小明", Credit(("歐陽小明",))),
        ("文／Jane Roe", Credit(("Jane Roe",))),
        ("研究中心／今年預算增加", None),
    ],
)
def test_cjk_outlet_labels(line: str, want: Credit | None) -> None:
    """The value of a credit label is an outlet by its ending or its capitals, else names."""
    assert read_cjk_byline(line) == want


JA_NAMES = ["山田太郎", "鈴木花子", "佐藤 一郎"]
JA_SIGN_PREFIXES = ["", "ロンドン＝", "経済部・", "編集委員・", "ニューヨーク支局・", "記者・"]
JA_STORY = (
    "港湾局は六日、台風の影響で旧港を一時閉鎖すると発表した。修理費用はまだ決まっていない。",
    "関係者によると、船舶は北部の港に移動しており、運航は来週にも再開する見通しだ。",
)


@given(
    st.sampled_from(JA_SIGN_PREFIXES),
    st.lists(st.sampled_from(JA_NAMES), min_size=1, max_size=2, unique=True),
    st.booleans(),
)
def test_japanese_sign_off_with_desk_or_names(prefix: str, names: list[str], glued: bool) -> None:
    """A Japanese paper's sign-off closing the text, with the place, the desk or the job
    before the names ("（経済部・山田太郎）", "（ロンドン＝山田太郎、鈴木花子）"), glued after the
    last sentence or on its own line, names the authors; the paragraphs stay whole."""
    sign = "（" + prefix + "、".join(names) + "）"
    last = JA_STORY[-1] + sign if glued else f"{JA_STORY[-1]}\n\n{sign}"
    article = clean_article(f"台風で旧港を一時閉鎖\n\n{JA_STORY[0]}\n\n{last}")
    assert article.authors == tuple(names)
    assert article.paragraphs == JA_STORY


@pytest.mark.parametrize("places", ["（東京、大阪）", "（北海道、青森）"])
def test_japanese_list_of_places_is_no_sign_off(places: str) -> None:
    """Two short words in brackets closing the text are a list, no reporters' names."""
    article = clean_article(f"台風で旧港を一時閉鎖\n\n{JA_STORY[0]}\n\n{JA_STORY[1]}{places}")
    assert article.authors == ()
    assert article.paragraphs[-1] == JA_STORY[1] + places


@given(
    st.sampled_from(["ロンドン", "ワシントン", "北京"]),
    st.lists(st.sampled_from(JA_NAMES), min_size=1, max_size=3, unique=True),
)
def test_japanese_place_opening_with_several_reporters(place: str, names: list[str]) -> None:
    """ "【ロンドン＝山田太郎、鈴木花子】" opening the lede names every reporter; it is cut from
    the lede, which stays in the body."""
    article = clean_article(
        f"台風で旧港を一時閉鎖\n\n【{place}＝{'、'.join(names)}】{JA_STORY[0]}\n\n{JA_STORY[1]}"
    )
    assert article.authors == tuple(names)
    assert article.paragraphs == JA_STORY


@given(
    st.sampled_from(["ロンドン", "東京", "ニューヨーク"]),
    st.sampled_from(["６", "16", "3"]),
    st.sampled_from(["ロイター", "ブルームバーグ"]),
    st.sampled_from(["", " - ", "　－　"]),
)
def test_japanese_wire_dateline_in_square_brackets(
    place: str, day: str, agency: str, dash: str
) -> None:
    """Reuters' Japanese dateline "［ロンドン　６日　ロイター］ - " opening the lede names the
    source; it is cut from the lede, which stays in the body."""
    article = clean_article(
        f"台風で旧港を一時閉鎖\n\n［{place}　{day}日　{agency}］{dash}{JA_STORY[0]}\n\n{JA_STORY[1]}"
    )
    assert article.source == agency
    assert article.paragraphs == JA_STORY


# Chinese names apart in a simplified reporter credit: two persons, not one Japanese name.
ZH_FAMILY = ["王", "李", "张", "刘", "陈", "杨"]
ZH_GIVEN = ["芳", "伟", "小明", "海燕", "建国", "丽"]
ZH_LEDE = "受强降雨影响，14日南方多地交通受阻，部分航班取消，铁路部门对部分列车限速运行。"
ZH_NEXT = "气象部门发布暴雨橙色预警，提醒公众减少外出，多地启动防汛应急响应。"
ZH_LAST = "预计未来三天降雨仍将持续，有关部门提醒注意防范次生灾害。"


@st.composite
def zh_name_pair(draw: st.DrawFn) -> tuple[str, str]:
    """Two Chinese names of two or three characters, five at most together (the lengths a
    Japanese name written with a space also has)."""
    first = draw(st.sampled_from(ZH_FAMILY)) + draw(st.sampled_from(ZH_GIVEN))
    second = draw(st.sampled_from(ZH_FAMILY)) + draw(st.sampled_from(ZH_GIVEN))
    assume(first != second and len(first) + len(second) <= 5)
    return first, second


@given(zh_name_pair(), st.sampled_from(["opening", "glued", "line"]))
def test_simplified_credit_names_apart_are_two_persons(names: tuple[str, str], form: str) -> None:
    """ "（记者 王小明 李芳）" opening the lede, glued after the last sentence, or "本报记者 王小明
    李芳" on a line of its own: a simplified credit's names apart are two authors."""
    credit = f"（记者 {names[0]} {names[1]}）"
    if form == "opening":
        text = f"暴雨致多地交通受阻\n{credit}{ZH_LEDE}\n{ZH_NEXT}\n{ZH_LAST}"
    elif form == "glued":
        text = f"暴雨致多地交通受阻\n{ZH_LEDE}\n{ZH_NEXT}\n{ZH_LAST}{credit}"
    else:
        text = (
            f"暴雨致多地交通受阻\n本报记者 {names[0]} {names[1]}\n{ZH_LEDE}\n{ZH_NEXT}\n{ZH_LAST}"
        )
    assert clean_article(text).authors == names


def test_traditional_credit_keeps_a_japanese_name_whole() -> None:
    """A credit written "記者" may be Japanese: "山田 太郎" stays one person."""
    lede = "政府は十四日、新たな経済対策を発表した。総額は約十兆円となる見通しだ。"
    article = clean_article(f"政府が経済対策\n（記者 山田 太郎）{lede}\n{lede[:12]}と述べた。")
    assert article.authors == ("山田 太郎",)


def test_reporter_in_a_sentence_is_no_credit() -> None:
    """A sentence naming reporters ("记者 王小明 李芳说…") is prose, not a credit."""
    prose = "记者 王小明 李芳说，当天的雨势非常大，道路积水严重，很多车辆无法通行。"
    article = clean_article(f"暴雨致多地交通受阻\n{ZH_LEDE}\n{prose}\n{ZH_LAST}")
    assert article.authors == ()


# A wire agency's dateline credit naming its reporter: "中央社記者陳志明東京14日專電".
WIRE_CREDITS = [
    ("中央社", "記者", "日專電"),
    ("中央社", "記者", "日電"),
    ("新华社", "记者", "日电"),
]
ZH_REPORTERS = ["陳志明", "王小明", "林欣怡", "張偉", "李芳"]
ZH_PLACES = ["東京", "台北", "華盛頓", "北京", "布魯塞爾"]


@given(
    st.sampled_from(WIRE_CREDITS),
    st.lists(st.sampled_from(ZH_REPORTERS), min_size=1, max_size=2, unique=True),
    st.sampled_from(ZH_PLACES),
    st.integers(1, 28),
    st.booleans(),
)
def test_wire_dateline_credit_names_the_reporters(
    wire: tuple[str, str, str], names: list[str], place: str, day: int, bracketed: bool
) -> None:
    """ "中央社記者陳志明東京14日專電", "新华社记者王小明北京14日电" (zh traditional and
    simplified): the reporters are the authors, the agency the source."""
    agency, label, end = wire
    last = names[-1]
    # a two-character name glued to a longer place is read with three (the commonest)
    assume(not (len(last) == 2 and len(place) >= 3))
    credit = f"{agency}{label}{'、'.join(names)}{place}{day}{end}"
    credit = f"（{credit}）" if bracketed else credit
    assert read_cjk_byline(credit) == Credit(authors=tuple(names), source=agency)


@pytest.mark.parametrize(
    "line",
    [
        "中央社記者今天在東京報導",
        "記者陳志明東京14日專電",
        "中央社東京14日專電",
        "中央社記者陳志明說，東京14日下雨。",
    ],
)
def test_wire_dateline_credit_needs_agency_and_day(line: str) -> None:
    """Without the agency, the day and "電", or inside a sentence, no reporter is read."""
    found = read_cjk_byline(line)
    assert found is None or not found.authors


# A republication credit naming the outlet before its verb (Turkish, Japanese): the outlet
# ends at the ablative suffix ("'nden") or at "より"/"から", and the credit opens with "Bu
# haber", "この記事は" or a bracket.
@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Bu haber Liman Gazetesi'nden alınmıştır.", "Liman Gazetesi"),
        ("Bu içerik Kıyı Haber’den alıntıdır.", "Kıyı Haber"),
        ("Bu haber www.limanhaber.com'dan alınmıştır.", "limanhaber.com"),
        ("（港湾新聞より転載）", "港湾新聞"),
        ("この記事は海岸タイムズから転載しています。", "海岸タイムズ"),
        # negative rows: no opener, a quoted person, prose, a verb of quoting
        ("Liman Postası'ndan derlenmiştir.", None),
        ("Bakan'dan alıntıdır", None),
        ("Bu sözler kitaptan alınmıştır.", None),
        ("彼は記事を新聞から転載した。", None),
        ("彼はその本から引用した。", None),
    ],
)
def test_a_postposed_republication_credit(line: str, source: str | None) -> None:
    """The outlet before "'nden alınmıştır" (tr) or "より転載" (ja) is the source; a line
    without the credit's opener, or prose, gives none."""
    got = read_credit(line)
    assert (got.source if got else None) == source


TR_OUTLETS = ["Liman Gazetesi", "Kıyı Haber", "Ege Postası", "Marmara Ajansı"]
TR_SUFFIXES = {"Liman Gazetesi": "'nden", "Kıyı Haber": "'den", "Ege Postası": "'ndan",
               "Marmara Ajansı": "'ndan"}  # fmt: skip
JA_OUTLETS = ["港湾新聞", "海岸タイムズ", "港町通信", "湾岸テレビ"]


@given(st.sampled_from(["latin", "cjk"]), st.data())
def test_a_postposed_republication_credit_closing_a_story(script: str, data: st.DataObject) -> None:
    """Closing a story in Turkish or Japanese, the credit gives its outlet as the source and
    leaves the body whole."""
    if script == "latin":
        outlet = data.draw(st.sampled_from(TR_OUTLETS))
        noun = data.draw(st.sampled_from(["haber", "içerik", "yazı"]))
        verb = data.draw(st.sampled_from(["alınmıştır.", "alıntıdır.", "derlenmiştir."]))
        credit = f"Bu {noun} {outlet}{TR_SUFFIXES[outlet]} {verb}"
        paras = [
            "Belediye, şehir merkezindeki boru hattında bakım çalışması yapılacağını duyurdu.",
            "Açıklamada, kesintinin sabah başlayıp akşam sona ereceği belirtildi.",
        ]
    else:
        outlet = data.draw(st.sampled_from(JA_OUTLETS))
        form = data.draw(st.sampled_from(["（{o}より転載）", "この記事は{o}から転載しています。"]))
        credit = form.format(o=outlet)
        paras = [
            "外国為替市場で円安が進み、円相場は一時大きく値を下げた。",
            "市場関係者は、当局による介入への警戒感も出ていると話している。",
        ]
    article = clean_article("\n".join([*paras, credit]) + "\n")
    assert article.source == outlet
    assert all(p in article.body for p in paras)
    assert credit not in article.body


#: Stamps and outlets a page writes on one line under the headline ("July 14, 2026 | Reuters").
LINE_STAMPS = {
    "July 14, 2026": dt.date(2026, 7, 14),
    "14.07.2026 10:20": dt.datetime(2026, 7, 14, 10, 20),
    "July 14, 2026 10:20 AM": dt.datetime(2026, 7, 14, 10, 20),
}
LINE_OUTLETS = ["Reuters", "dpa", "AFP", "Harbour Times", "Hafenzeitung"]


@given(
    st.sampled_from(sorted(LINE_STAMPS)),
    st.sampled_from(LINE_OUTLETS),
    st.sampled_from([" | ", " / "]),
    st.booleans(),
)
def test_a_stamp_beside_an_outlet_dates_and_sources_the_story(
    stamp: str, outlet: str, sep: str, outlet_first: bool
) -> None:
    """A line of the story's stamp and its agency or outlet, in either order ("July 14, 2026
    | Reuters", "Harbour Times / 14.07.2026 10:20"), is no picture's caption: it gives the
    date and the source and leaves the body."""
    line = f"{outlet}{sep}{stamp}" if outlet_first else f"{stamp}{sep}{outlet}"
    article = clean_article(
        f"Storm Closes The Old Harbour Port\n\n{line}\n\n{PROSE}\n\n{MORE_PROSE}"
    )
    assert (article.published, article.source) == (LINE_STAMPS[stamp], outlet)
    assert article.paragraphs == (PROSE, MORE_PROSE)
    assert article.captions == ()


def test_a_caption_with_a_date_in_it_stays_a_caption() -> None:
    """A picture's caption that names a date beside its agency ("Ships in the harbour / July
    14, 2026 / Reuters") is still a caption: only a stamp and an agency alone date the story."""
    line = "Ships in the harbour / July 14, 2026 / Reuters"
    article = clean_article(
        f"Storm Closes The Old Harbour Port\n\n{line}\n\n{PROSE}\n\n{MORE_PROSE}"
    )
    assert article.captions != ()
    assert (article.published, article.source) == (None, None)
    assert article.paragraphs == (PROSE, MORE_PROSE)

"""Tests for copydesk.extract.captions: caption lines and photo credits."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk.article import Caption
from copydesk.draft import Draft
from copydesk.extract.captions import (
    PAREN_RE,
    PIPE_RE,
    _marker_may_match,
    _marker_res,
    _paren_may_match,
    _pipe_may_match,
    caption,
    read_caption,
    read_found,
    split_label,
)

PROSE = "The port closed on Monday after a storm hit the coast, officials said."


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "Chinese Ambassador to Kazakhstan Zhang Xiao"
            " Photo: Courtesy of Chinese Embassy in Kazakhstan",
            Caption(
                "Chinese Ambassador to Kazakhstan Zhang Xiao",
                "Courtesy of Chinese Embassy in Kazakhstan",
            ),
        ),
        ("Representative image Photo : iStock", Caption("Representative image", "iStock")),
        (
            "Marco Maia e Ana Lima (dir). Foto: Estadão",
            Caption("Marco Maia e Ana Lima (dir).", "Estadão"),
        ),
        ("Ảnh: PV", Caption("", "PV")),
        ("台北市長（圖／記者王小明攝）", Caption("台北市長", "記者王小明攝")),
        ("Image Credit: Jane Roe / Shutterstock", Caption("", "Jane Roe / Shutterstock")),
        ("Featured image via Jo Lee/Getty Images.", Caption("", "Jo Lee/Getty Images")),
        (
            "Photo: Boats wait in the harbour at dawn. (Harbour Post / Ana Ruiz)",
            Caption("Boats wait in the harbour at dawn.", "Harbour Post / Ana Ruiz"),
        ),
        ("Photo: the crew (all six of them) waited for the tide to turn.", None),
        ("Photos: see our gallery of the storm (and more) at the end of the page", None),
        ("Photograph by Jo Lee", Caption("", "Jo Lee")),
        (
            "The two leaders met in June. | Jo Lee/Getty Images",
            Caption("The two leaders met in June.", "Jo Lee/Getty Images"),
        ),
        (
            "A rally in Ohio. (Jo Lee/Getty Images)",
            Caption("A rally in Ohio.", "Jo Lee/Getty Images"),
        ),
        (
            "(Photo: Reuters/Jo Lee) A lab in a file photo.",
            Caption("A lab in a file photo.", "Reuters/Jo Lee"),
        ),
        ("Andres Roe/AP Photo", Caption("", "Andres Roe/AP Photo")),
        (
            "Expand | Collapse (Photo: Reuters/Jo Lee) A lab in a file photo.",
            Caption("A lab in a file photo.", "Reuters/Jo Lee"),
        ),
        # an initial or a title before a full stop is not a sentence break
        (
            "Ana B. Ruiz and Gov. Li at the quay in 2019. (Jo Lee/AFP/Getty Images)",
            Caption("Ana B. Ruiz and Gov. Li at the quay in 2019.", "Jo Lee/AFP/Getty Images"),
        ),
        ("Featured image via Sara D. Roe/Getty Images", Caption("", "Sara D. Roe/Getty Images")),
        # a photographer and an outlet, even under a caption of two sentences
        (
            "Ferries wait at the quay. The strike ended on Monday. (Jo Lee/The Harbour Post)",
            Caption(
                "Ferries wait at the quay. The strike ended on Monday.", "Jo Lee/The Harbour Post"
            ),
        ),
        # a headline glued after the agency credit: the credit ends where the agency does
        (
            "The mayor spoke at the quay. | AP Photo Storm closes the port for a week",
            Caption("The mayor spoke at the quay.", "AP Photo"),
        ),
        (
            "Ships wait at dawn | Jo Lee/AFP via Getty Images Talks resume in the capital",
            Caption("Ships wait at dawn", "Jo Lee/AFP via Getty Images"),
        ),
        # negative rows: prose mentioning photos, brackets and pipes that are not credits
        ("He said (in a statement) that the photo was fake.", None),
        ("The photo: a man in a coat.", None),
        ("Photos: I took them in 2010. Then I left the city for good.", None),
        ("Prices rose | markets fell", None),
        ("Either/or choices are bad/good", None),
        ("The effect was measured twice (Smith/Jones 2019).", None),  # a citation
        ("Costs rose (see Table 2/Annex B) in the first year.", None),
        ("Prices rose | AP reporters counted the boats", None),  # no headline capital
        ("The quay at dawn. | AP Photo Storm", None),
        ("He smiled. (Photo: AP) Then the crew went home.", None),
        (
            "The mayor, who spoke at length about it (photo: AP) left early.",
            None,
        ),  # a one-word "headline" is no headline
        ("Either way | AP Photo", Caption("Either way", "AP Photo")),
        ("Jane Roe | Reuters", None),  # a person's name before the agency: a byline
        ("Jane Roe and Jo Lee | AFP", None),
        ("Ships at the quay | Reuters", Caption("Ships at the quay", "Reuters")),
        (PROSE, None),
    ],
)
def test_read_caption(line: str, want: Caption | None) -> None:
    """Caption lines split into text and credit; prose gives None."""
    assert read_caption(line) == want


def test_caption_step_keeps_the_body() -> None:
    """The caption step takes only caption lines and records them in order."""
    d = caption(Draft.from_text(f"{PROSE}\nA rally. Photo: AP\n{PROSE}\nFeatured image via Jo Lee"))
    assert d.fields.captions == (Caption("A rally.", "AP"), Caption("", "Jo Lee"))
    assert [line.text for _, line in d.body()] == [PROSE, PROSE]


def test_headline_glued_after_a_credit_stays_in_the_body() -> None:
    """'<caption> | AP Photo <headline>' leaves the headline in the body, the rest in captions."""
    line = "  The mayor spoke at the quay. | AP Photo Storm closes the port for a week"
    d = caption(Draft.from_text(f"{line}\n{PROSE}"))
    assert [line.text for _, line in d.body()] == ["Storm closes the port for a week", PROSE]
    assert d.fields.captions == (Caption("The mayor spoke at the quay.", "AP Photo"),)
    assert [(e.kind, e.old) for e in d.edits] == [
        ("extracted", "  The mayor spoke at the quay. | AP Photo ")
    ]


def test_credit_glued_to_a_sentence_is_cut_alone() -> None:
    """A credit glued to a prose sentence is cut out; the sentence stays in the body."""
    d = caption(Draft.from_text(f"{PROSE}\n{PROSE}Foto: Facebook Jo Lee"))
    assert [line.text for _, line in d.body()] == [PROSE, PROSE]
    assert d.fields.captions == (Caption("", "Facebook Jo Lee"),)
    assert d.edits[0].kind == "extracted"


LONG_CREDIT = "Courtesy of the " + "harbour archive " * 6 + "and crew"  # 120 characters


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (f"Ships at dawn Photo:   {LONG_CREDIT}  )  .", Caption("Ships at dawn", LONG_CREDIT)),
        (f"Ships at dawn Photo: {LONG_CREDIT}x", None),
        ("Ships at dawn | Jo Li/Getty Images", Caption("Ships at dawn", "Jo Li/Getty Images")),
        ("Ships at dawn, as Jo Li/Getty Images said", None),
    ],
)
def test_guards_keep_the_longest_credit(line: str, want: Caption | None) -> None:
    """The cheap guards before the patterns still let the longest allowed credit through."""
    assert len(LONG_CREDIT) == 120
    assert read_caption(line) == want


_PIECES = st.sampled_from(["(", ")", "|", ".", " ", "\t", "AP", "Getty Images", "x" * 40, "/"])


@settings(max_examples=400)
@given(st.lists(_PIECES, min_size=1, max_size=16).map("".join))
@example("A rally. (Jo Lee/Getty Images).")
@example("The ferry at dawn. | " + "x" * 80)
def test_pattern_guards_never_skip_a_match(line: str) -> None:
    """The cheap guards before PIPE_RE and PAREN_RE are necessary conditions of a match."""
    if PIPE_RE.fullmatch(line) is not None:
        assert _pipe_may_match(line)
    if PAREN_RE.fullmatch(line) is not None:
        assert _paren_may_match(line)


_MARKER_PIECES = st.sampled_from(
    ["Photo", "PHOTO", "Foto", "İmagen", "ımage", "image\tcredit", "Фото", "Ảnh", "圖", ":", "：",
     " ", "  ", "\t", "(", ")", ".", "Ines Faro", "said", "x" * 30]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_MARKER_PIECES, min_size=1, max_size=12).map("".join))
@example("The ferry. PHOTO\t : Ines Faro")
@example("The ferry. İMAGEN: Ines Faro")
def test_marker_guard_never_skips_a_match(line: str) -> None:
    """The marker guard is a necessary condition of the marker pattern's match."""
    if _marker_res()[1].fullmatch(line) is not None:
        assert _marker_may_match(line)


@given(st.text(), st.integers(0, 12))
@example("ßxyz", 1)
@example("İstanbul", 2)
@example("ﬁle photo", 1)
def test_casefolding_an_opening_gives_the_opening_of_the_casefolded_text(
    text: str, size: int
) -> None:
    """What the credit-opener test relies on: each character casefolds on its own, to one
    character or more, so the casefolded first characters of a line begin its casefolded
    whole and are at least as many."""
    head = text[:size].casefold()
    assert text.casefold().startswith(head)
    assert len(head) >= min(size, len(text))


@pytest.mark.parametrize(
    "line",
    [
        "FEATURED IMAGE VIA Franco Origlia/Getty Images.",
        "(Photo courtesy of the Port Authority)",
        "ﬁle photo: Reuters",
        "Image via ẞTRAẞE Archive",
    ],
)
def test_credit_openers_are_read_from_the_opening(line: str) -> None:
    """An opener followed by a credit is read whatever comes after the opening."""
    found = read_found(line)
    assert found is not None
    assert found.caption.text == ""


# -- captions opened by a triangle ("▲…（圖／…）"), as Chinese and Taiwanese sites mark them -----


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("▲市長出席記者會。（圖／記者王小明攝）", Caption("市長出席記者會。", "記者王小明攝")),
        ("▼▲新渡輪今天首航。（示意圖／Pixabay）", Caption("新渡輪今天首航。", "Pixabay")),
        ("▲ 市长出席记者会（图/本报记者 李明 摄）", Caption("市长出席记者会", "本报记者 李明 摄")),
        (
            "△ The new ferry at the pier. (照片：Harbour Post)",
            Caption("The new ferry at the pier.", "Harbour Post"),
        ),
        ("▲（圖／翻攝自臉書）", Caption("", "翻攝自臉書")),
        # negatives: no photo credit closing the line (a list bullet, a market arrow), or far
        # longer than a caption
        ("▲ 恒生指数上涨1.2%", None),
        ("▲ 복지 예산은 지난해보다 5% 늘어난 200조 원으로 편성됐다.", None),
        ("△ 연구개발 예산은 소폭 줄었다.", None),
        ("▲ 2.3%", None),
        ("▲市政府表示將擴大補助（附表）", None),
        ("▲" + "市政府表示將擴大補助。" * 25 + "（圖／記者攝）", None),
    ],
)
def test_bullet_captions(line: str, want: Caption | None) -> None:
    """A triangle opens a caption when a bracketed photo credit closes the line; the mark is
    not kept."""
    assert read_caption(line) == want


cjk_text = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=60
)
latin_text = st.from_regex(r"[A-Z][a-z]{2,10}(?: [a-z]{2,10}){1,8}\.", fullmatch=True)
arabic_text = st.from_regex(r"[\u0627-\u064a]{2,8}(?: [\u0627-\u064a]{2,8}){1,6}", fullmatch=True)
cyrillic_text = st.from_regex(r"[А-Я][а-я]{2,10}(?: [а-я]{2,10}){1,6}\.", fullmatch=True)
texts = st.one_of(cjk_text, latin_text, arabic_text, cyrillic_text)
credits = st.sampled_from(["圖／記者王小明攝", "示意圖／Pixabay", "图/新华社", "照片：Jane Roe"])


@settings(max_examples=60)
@given(st.sampled_from("▲△▼▽"), texts, st.sampled_from(["", " "]), credits)
def test_a_bullet_caption_leaves_the_body_into_captions(
    mark: str, text: str, gap: str, credit: str
) -> None:
    """Law, in every script: a line opened by a triangle and closed by a photo credit leaves
    the body as a caption, with a ledger entry; the prose around it stays. Without the credit
    it stays in the body."""
    line = f"{mark}{gap}{text}（{credit}）"
    draft = caption(Draft.from_text(f"{PROSE}\n\n{line}\n\n{PROSE}"))
    want = Caption(text, credit.split("／")[-1].split("/")[-1].split("：")[-1])
    assert draft.fields.captions == (want,)
    assert [line.text for _, line in draft.body()] == [PROSE, PROSE]
    assert [e.rule for e in draft.edits] == ["extract.captions"]
    bare = caption(Draft.from_text(f"{PROSE}\n\n{mark}{gap}{text}\n\n{PROSE}"))
    assert bare.fields.captions == ()


# -- captions opened by a photo marker in brackets ("［写真］…", "[Photo] …") -----------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("［写真］記者会見する長官＝4日、ワシントン（ロイター）",
         Caption("記者会見する長官＝4日、ワシントン", "ロイター")),
        ("【写真】新しいフェリーが就航した", Caption("新しいフェリーが就航した", None)),
        ("[Photo] The minister speaks to reporters. (Reuters)",
         Caption("The minister speaks to reporters.", "Reuters")),
        ("(FOTO) Der Bürgermeister eröffnet die Brücke.", Caption("Der Bürgermeister eröffnet die Brücke.", None)),
        ("[Фото] Мэр открывает мост.", Caption("Мэр открывает мост.", None)),
        # negatives: a label that is no photo marker, a marker with nothing after it
        ("(Update) The port reopened on Monday.", None),
        ("【速報】港が再開", None),
        ("[Video] Watch the ferry leave port", None),
    ],
)  # fmt: skip
def test_tagged_captions(line: str, want: Caption | None) -> None:
    """A photo marker in brackets opens a caption; a bracketed credit closing it is its
    credit, and the marker is not kept."""
    assert read_caption(line) == want


tags = st.sampled_from(
    ["［写真］", "【写真】", "[Photo] ", "(Foto) ", "[Фото] ", "【图片】", "(صورة) "]
)


@settings(max_examples=60)
@given(tags, texts, st.sampled_from(["", "（ロイター）", " (AP)"]))
def test_a_tagged_caption_leaves_the_body_into_captions(tag: str, text: str, credit: str) -> None:
    """Law, in every script: a line opened by a photo marker in brackets leaves the body as
    a caption (its closing bracketed credit as the credit), with a ledger entry; the prose
    around it stays."""
    draft = caption(Draft.from_text(f"{PROSE}\n\n{tag}{text}{credit}\n\n{PROSE}"))
    want = Caption(text, credit.strip(" ()（）") or None)
    assert draft.fields.captions == (want,)
    assert [line.text for _, line in draft.body()] == [PROSE, PROSE]
    assert [e.rule for e in draft.edits] == ["extract.captions"]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Photograph: Jane Roe/Harbour Post", Caption("", "Jane Roe/Harbour Post")),
        ("The pier at dawn. Photograph: Ines Faro", Caption("The pier at dawn.", "Ines Faro")),
        ("Illustration: Harbour Post", Caption("", "Harbour Post")),
        ("The photograph: a record of the day", None),
        ("An illustration: the ferry was late again, they said.", None),
    ],
)
def test_photograph_and_illustration_credits(line: str, want: Caption | None) -> None:
    """'Photograph:' and 'Illustration:' introduce a credit as 'Photo:' does."""
    assert read_caption(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("图片来源：海港日报", Caption("", "海港日报")),
        ("圖片來源：港務局（Harbour Office）", Caption("", "港務局（Harbour Office）")),
        ("渡轮码头的可能外观(图片：港务局)", Caption("渡轮码头的可能外观", "港务局")),
        ("渡轮码头的可能外观（图片：港务局）", Caption("渡轮码头的可能外观", "港务局")),
        ("港の朝（写真：山田太郎）", Caption("港の朝", "山田太郎")),
        ("撮影：山田太郎", Caption("", "山田太郎")),
        ("渡轮码头。受访者供图", Caption("渡轮码头。", "受访者供图")),
        ("渡轮码头。港务局供图，下同", Caption("渡轮码头。", "港务局供图")),
        ("新华社记者 王小明 摄", Caption("", "新华社记者 王小明 摄")),
        ("港の朝＝山田太郎撮影", Caption("港の朝", "山田太郎撮影")),
        ("图2. 渡轮航线示意图", Caption("图2. 渡轮航线示意图", None)),
        ("图1 四种渡轮的航线", Caption("图1 四种渡轮的航线", None)),
        ("Figure 3: The ferry route in winter", Caption("Figure 3: The ferry route in winter")),
        ("Fig. 2. Boats at the quay", Caption("Fig. 2. Boats at the quay")),
        ("Рис. 1. Паром у причала", Caption("Рис. 1. Паром у причала")),
        # negatives: prose that ends like a credit, figures named in a sentence
        ("记者在码头进行拍摄", None),
        ("这张图片来源不明，港务局表示将调查。", None),
        ("图1显示了渡轮的航线。", None),
        ("Figure 3 shows the ferry route in winter.", None),
        ("Figures released on Monday show a rise.", None),
        ("河南商报记者马俊峰/文 受访者供图", None),  # a byline: the words are credited too
        ("市议会周一投票决定，" * 14 + "受访者供图", None),  # a paragraph, not a caption
    ],
)
def test_cjk_photo_credits_and_figure_captions(line: str, want: Caption | None) -> None:
    """Chinese and Japanese photo credits, with a marker ("图片来源：", "写真：") or closing the
    caption without one ("受访者供图", "王小明 摄"), and figure captions ("图2.", "Figure 3:")
    in every script."""
    assert read_caption(line) == want


kana_text = st.text(
    alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3096), min_size=2, max_size=40
)
cjk_names = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=4
)


@settings(max_examples=80)
@given(
    st.one_of(cjk_text, kana_text).filter(lambda t: not t.endswith(("摄", "攝", "拍"))),
    cjk_names,
    st.sampled_from(["{name}供图", "{name}供圖", "记者 {name} 摄", "{name}撮影"]),
    st.sampled_from(["。", "＝", " "]),
)
def test_a_caption_closed_by_a_cjk_credit_leaves_the_body(
    text: str, name: str, credit: str, stop: str
) -> None:
    """Law: a short caption closed by a photo credit without a marker leaves the body into
    ``captions`` with a ledger entry, the prose around it staying; the same caption with its
    credit turned into a verb of prose ("…拍摄") stays in the body."""
    who = credit.format(name=name)
    line = f"{text}{stop}{who}"
    draft = caption(Draft.from_text(f"{PROSE}\n\n{line}\n\n{PROSE}"))
    # after a space, a short caption may be read as part of the credit
    (found,) = draft.fields.captions
    assert found.credit is not None
    assert found.credit.endswith(who)
    assert line.startswith(found.text)
    assert found.credit in line
    assert [line.text for _, line in draft.body()] == [PROSE, PROSE]
    assert [e.rule for e in draft.edits] == ["extract.captions"]
    prose = caption(Draft.from_text(f"{PROSE}\n\n{text}{stop}{name}拍摄\n\n{PROSE}"))
    assert prose.fields.captions == ()


@settings(max_examples=80)
@given(
    st.sampled_from(["图", "圖", "図", "Figure ", "Fig. ", "Abb. ", "Рис. ", "Şekil "]),
    st.integers(1, 99),
    st.sampled_from([". ", ": ", "：", " | "]),
    texts,
)
def test_a_figure_caption_leaves_the_body_whole(
    label: str, number: int, sep: str, text: str
) -> None:
    """Law, in every script: a line opened by a figure's label, its number and a separator
    is a caption, kept whole as its text; the same label and number opening a sentence
    ("Figure 2 shows…", "图2显示…") is prose and stays."""
    line = f"{label}{number}{sep}{text}"
    assert read_caption(line) == Caption(line, None)
    assert (
        read_caption(f"{label}{number}{'显示' if label in '图圖図' else ' shows'} {text}") is None
    )


# -- a credit's label on a line of its own, its value on the next -----------------------------

SPLIT_PHOTO_LABELS = ["Photo", "Credit", "Copyright", "©", "Foto", "Bildnachweis", "Crédito",
                      "Fotoğraf", "Фото", "صورة", "写真", "图片来源", "著作権"]  # fmt: skip
SPLIT_SOURCE_LABELS = ["Quelle", "Source", "Fuente", "Kaynak", "Источник", "出典"]
split_values = st.one_of(
    st.sampled_from(["Jane Roe", "© Acme GmbH.", "Harbour Office", "共同通信", "Anadolu Ajansı"]),
    cjk_names,
)


@settings(max_examples=80)
@given(
    st.lists(st.sampled_from(SPLIT_SOURCE_LABELS), max_size=1),
    st.sampled_from(SPLIT_PHOTO_LABELS),
    st.sampled_from(["{}:", "| {}:", "{}：", "({}:)", "• {} :"]),
    split_values,
)
def test_a_split_credit_leaves_the_body_as_one_caption(
    before: list[str], label: str, form: str, value: str
) -> None:
    """Law, in every script: a photo's label alone on a line ("| Copyright:"), a source
    label before it or not, and a short value on the next line leave the body as one caption
    crediting the value, each line with its ledger entry; the story around them stays."""
    labels = [form.format(w) for w in [*before, label]]
    draft = caption(Draft.from_text("\n".join([PROSE, *labels, value, PROSE])))
    assert draft.fields.captions == (Caption("", value),)
    assert [line.text for _, line in draft.body()] == [PROSE, PROSE]
    assert [e.old for e in draft.edits] == [*labels, value]
    assert {e.rule for e in draft.edits} == {"extract.captions"}


@given(st.sampled_from(SPLIT_SOURCE_LABELS), st.sampled_from(["{}:", "| {}:"]), split_values)
def test_a_source_label_alone_is_left_to_the_source_readers(
    label: str, form: str, value: str
) -> None:
    """A source label alone ("Quelle:" then "dpa") may name the story's source: no caption
    is read from it and both lines stay for the readers of sources."""
    draft = caption(Draft.from_text("\n".join([PROSE, form.format(label), value, PROSE])))
    assert draft.fields.captions == ()
    assert draft.edits == ()


@pytest.mark.parametrize(
    "lines",
    [
        ["Photo:", PROSE],  # a sentence is no credit: the label goes alone
        ["Credit:", "Jane Roe and the harbour office staff who helped on the day of the storm"],
    ],
)
def test_a_split_label_without_a_value_goes_alone(lines: list[str]) -> None:
    """A photo's label whose next line is not a short value leaves the body alone (a label
    is never the story's text); the line under it stays."""
    draft = caption(Draft.from_text("\n".join([PROSE, *lines])))
    assert [e.old for e in draft.edits] == [lines[0]]
    assert draft.fields.captions == ()
    assert [line.text for _, line in draft.body()] == [PROSE, lines[1]]


@pytest.mark.parametrize(
    "line", ["Read more:", "Photo: Jane Roe", "The photo:", "Photographs taken at the quay:"]
)
def test_lines_that_are_not_split_labels(line: str) -> None:
    """Other labels, a marker with its value, and prose ending with a colon are no split
    label."""
    assert split_label(line) is None

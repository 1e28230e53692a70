"""Tests of language detection."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import clean_article, language
from copydesk.language import (
    EARLY_CHARS,
    LATIN_RUN_RE,
    NON_LATIN_RUN_RE,
    SMOOTHING,
    _load,
    _prepare,
    _word_grams,
    _word_score,
    detect,
)
from copydesk.scripts import dominant_script

from .strategies import paragraphs, sentences

PROSE = {
    "en": "The government said on Monday that the new policy would help farmers across the region.",
    "pt": "O governo disse na segunda-feira que a nova política vai ajudar os agricultores da região.",
    "es": "El gobierno dijo el lunes que la nueva política ayudará a los agricultores de la región.",
    "de": "Die Regierung sagte am Montag, dass die neue Politik den Bauern in der Region helfen werde.",
    "ru": "Правительство заявило в понедельник, что новая политика поможет фермерам региона.",
    "ar": "قالت الحكومة يوم الاثنين إن السياسة الجديدة ستساعد المزارعين في جميع أنحاء المنطقة.",
    "ko": "정부는 월요일 새로운 정책이 지역 전체의 농민들을 도울 것이라고 밝혔다. 관계자들은 기대했다.",
    "zh": "政府周一表示，新政策将帮助整个地区的农民。官员们预计这项政策将在明年生效，并带来更多投资。",
    "fr": "Le gouvernement a déclaré lundi que la nouvelle politique aiderait les agriculteurs de toute la région.",
    "it": "Il governo ha dichiarato lunedì che la nuova politica aiuterà gli agricoltori di tutta la regione.",
    "nl": "De regering zei maandag dat het nieuwe beleid de boeren in de hele regio zal helpen.",
    "pl": "Rząd poinformował w poniedziałek, że nowa polityka pomoże rolnikom w całym regionie.",
    "tr": "Hükümet pazartesi günü yeni politikanın bölgedeki çiftçilere yardım edeceğini açıkladı.",
    "vi": "Chính phủ cho biết hôm thứ Hai rằng chính sách mới sẽ giúp nông dân trong toàn khu vực.",
    "uk": "Уряд заявив у понеділок, що нова політика допоможе фермерам усього регіону.",
    "fa": "دولت روز دوشنبه اعلام کرد که سیاست جدید به کشاورزان در سراسر منطقه کمک خواهد کرد.",
    "hi": "सरकार ने सोमवार को कहा कि नई नीति पूरे क्षेत्र के किसानों की मदद करेगी और उत्पादन बढ़ाएगी।",
}

#: Languages written in Latin script among those langdetect knows.
LATIN_LANGS = frozenset(
    [
        "af",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "hr",
        "hu",
        "id",
        "it",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "so",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "vi",
    ]
)


@pytest.mark.parametrize(("lang", "text"), sorted(PROSE.items()))
def test_detects_prose(lang: str, text: str) -> None:
    """A sentence of prose is recognised in each of several languages and scripts."""
    assert detect(text) == lang


@pytest.mark.parametrize(("lang", "text"), sorted(PROSE.items()))
def test_agrees_with_langdetect(lang: str, text: str) -> None:
    """The deterministic scorer gives what seeded langdetect gives on the same text."""
    from langdetect import DetectorFactory
    from langdetect import detect as langdetect

    old, DetectorFactory.seed = DetectorFactory.seed, 0
    try:
        expected = langdetect(text).split("-")[0]
    finally:
        DetectorFactory.seed = old
    assert detect(text) == expected


@given(paragraphs())
def test_latin_prose_gets_a_latin_language(text: str) -> None:
    """Only languages written in the sample's script are candidates."""
    lang = detect(text)
    if dominant_script(text) == "Latin":
        assert lang is None or lang in LATIN_LANGS


@pytest.mark.parametrize(
    "text",
    [
        "", "Hello world", "12345 678", "!!!", "OK", "Шок",
        "સરકારે સોમવારે કહ્યું કે નવી નીતિ સમગ્ર પ્રદેશના ખેડૂતોને મદદ કરશે અને ઉત્પાદન વધારશે.",
    ],
)  # fmt: skip
def test_abstains_on_too_little_text(text: str) -> None:
    """Too little text, or text in a script it has no languages for, gives None."""
    assert detect(text) is None


def test_stray_line_in_another_script_does_not_change_the_result() -> None:
    """A Cyrillic footer under an English article does not sway the language."""
    body = "\n\n".join([PROSE["en"]] * 3 + ["Рекомендовать другу"])
    assert clean_article(body).language == "en"


def _whole_sample(text: str) -> str | None:
    """:func:`detect` scoring the whole sample, never its opening alone."""
    old = language.EARLY_CHARS
    language.EARLY_CHARS = 10**9
    try:
        return detect(text)
    finally:
        language.EARLY_CHARS = old


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (" ".join([PROSE["en"]] * 6), "en"),
        (" ".join([PROSE["de"]] * 6), "de"),
        (" ".join([PROSE["pt"]] * 6), "pt"),
        # an English opening, the sample's rest in Dutch: the opening alone decides
        (" ".join([PROSE["en"]] * 3 + [PROSE["nl"]] * 3), "en"),
        # names only: no language far enough ahead, the whole sample is scored (negative row)
        ("Maria Silva, Ana Santos, Jorge Lopez, Paulo Costa, Rita Alves, " * 5, None),
    ],
)
def test_an_opening_far_ahead_answers_alone(text: str, lang: str | None) -> None:
    """A sample whose first EARLY_CHARS characters put one language far ahead is answered
    from them; one where they do not is scored whole, as before."""
    model = _load()
    script = dominant_script(text)
    assert script is not None
    early = language._score(_prepare(text[:EARLY_CHARS], model), script, model)
    assert early is not None
    if lang is None:
        assert early[2] < language.EARLY_LEAD
        assert detect(text) == _whole_sample(text)
    else:
        assert early[2] >= language.EARLY_LEAD
        assert detect(text) == lang


@given(paragraphs())
@example("The government said on Monday that the new policy would help farmers. " * 8)
def test_an_early_answer_is_the_whole_samples(text: str) -> None:
    """On generated prose, answering from the opening gives the whole sample's language."""
    assert detect(text) == _whole_sample(text)


@given(paragraphs("en"))
def test_deterministic(text: str) -> None:
    """The same text always gets the same answer."""
    assert detect(text) == detect(text)


@given(sentences("en"))
def test_langdetect_global_state_is_untouched(text: str) -> None:
    """copydesk seeds its own detector; langdetect's global seed stays as the user left it."""
    from langdetect import DetectorFactory

    detect(text * 3)
    assert DetectorFactory.seed is None


def _reference_word_score(script: str, word: str) -> tuple[float, ...] | None:
    """The word score as first written: every log computed in place, gram by gram."""
    model = _load()
    known = [r for g in _word_grams(word) if (r := model.probs.get(g)) is not None]
    if not known:
        return None
    return tuple(sum(math.log(r[i] + SMOOTHING) for r in known) for i in model.by_script[script])


@given(
    st.sampled_from(["Latin", "Cyrillic", "Arabic"]),
    st.text(alphabet="aeioustrnlcdéãçöñАБВапрстاليمن", min_size=1, max_size=12),
)
def test_word_score_from_cached_gram_logs_is_exact(script: str, word: str) -> None:
    """Summing cached per-gram logs gives bit for bit the score of computing every log."""
    _word_score.cache_clear()
    assert _word_score(script, word) == _reference_word_score(script, word)


def _reference_latin_dropped(text: str) -> str:
    """langdetect's rule as it reads: Latin runs go when other characters outnumber them
    twice (both counted by their patterns)."""
    latin = sum(len(m) for m in LATIN_RUN_RE.findall(text))
    non_latin = sum(len(m) for m in NON_LATIN_RUN_RE.findall(text))
    return LATIN_RUN_RE.sub("", text) if latin * 2 < non_latin else text


@given(st.text(st.sampled_from([*"ab Z[_`1.,", *"éß“”’\u0301\u1ea1", *"Жжαβ中日カなا한"])))
@example("ab Жжжжж")  # Cyrillic outnumbers Latin twice: the Latin run goes
@example("abc Жжжжж“")  # a tie at twice: the Latin run stays
@example("Ça “marche” déjà")  # Latin text with characters beyond ASCII
def test_words_are_those_of_langdetects_latin_rule(text: str) -> None:
    """The Latin runs of text mostly in another script are dropped exactly when langdetect's
    rule, counting both kinds by their patterns, drops them."""
    model = _load()
    expected = _reference_latin_dropped(model.normalize_vi(text))
    assert _prepare(text, model) == [
        w for w in expected.translate(model.normalizer).split(" ") if w
    ]


@given(st.text(st.sampled_from([*"aeouyAEĂÂÊÔƠƯăâêôơư .", *"\u0300\u0301\u0303\u0309\u0323"])))
@example("Vie\u0323\u0302t Nam")  # a mark after a letter: the pair becomes one letter
def test_vietnamese_letters_and_marks_are_joined_as_the_pattern_joins_them(text: str) -> None:
    """The test for marks before the search changes nothing: a text with a mark is searched,
    one without has nothing to join."""
    vietnamese = _load().normalize_vi
    assert vietnamese(text) == vietnamese._pattern.sub(vietnamese._one, text)

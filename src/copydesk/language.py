"""Language identification that is deterministic, fast, and abstains when it cannot know.

The language is scored with langdetect's own n-gram profiles, but without its random
trials: a naive-Bayes sum of ``log(p(ngram | language) + alpha / BASE_FREQ)`` over every
1-3-gram of a bounded sample of the body, restricted to the languages written in the
sample's script. It is what langdetect's trials estimate, computed exactly; it agrees with
``langdetect.detect`` on the full body for nearly every document (``benchmarks/perf.py``
measures it) and costs a small fraction of it. The n-grams of a word are scored once per
process (a bounded cache), so the words every article repeats cost almost nothing.

The sample is drawn only from body lines in the body's dominant script, so a stray footer
in another script never changes the result. Scripts used by one language only are answered
from the script alone.
"""

from __future__ import annotations

import functools
import math
import re
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from copydesk._lazy import lazy_re, lazy_regex
from copydesk._profiles import Normalise, load_normalise
from copydesk._profiles import load as load_profiles
from copydesk.draft import Draft
from copydesk.pipeline import step
from copydesk.scripts import dominant_of, dominant_script, script_counts

__all__ = ["MIN_LETTERS", "SAMPLE_CHARS", "detect", "detect_language", "sample_body"]

#: Fewer letters than this in the sample and the detector abstains (``None``).
MIN_LETTERS = 60
#: The sample is at most this many characters of body text.
SAMPLE_CHARS = 500
#: Below this probability for the best language, abstain.
MIN_PROBABILITY = 0.5
#: langdetect's smoothing: ``ALPHA_DEFAULT / BASE_FREQ`` is added to every probability.
SMOOTHING = 0.5 / 10000
#: A sample longer than this is first scored on its first ``EARLY_CHARS`` characters...
EARLY_CHARS = 200
#: ...and answered from them when the best language leads every other by this much (in
#: log-probability: odds of about 10**17 to one): the rest of the sample is not read. On the
#: corpus, 911 of the 923 samples scored end there, each with the language the whole sample
#: gives (checked at 150 to 250 characters and leads of 20 to 60); the language step costs
#: about a third less. The others are scored again on the whole sample, as before.
EARLY_LEAD = 40.0
#: How many distinct words keep their scores between calls.
WORD_CACHE = 1 << 16
#: How many distinct n-grams keep their log-probabilities between calls (an array of about
#: 50 floats each: at most about 15 MB).
GRAM_CACHE = 1 << 15

# Scripts used by one language only (among the languages langdetect knows), answered
# without scoring.
_SCRIPT_LANGUAGE = {
    "Hangul": "ko", "Greek": "el", "Hebrew": "he", "Thai": "th", "Japanese": "ja",
    "Armenian": "hy", "Georgian": "ka", "Han": "zh", "Tamil": "ta", "Bengali": "bn",
}  # fmt: skip

_DENSE_SCRIPTS = frozenset(("Han", "Hiragana", "Katakana", "Hangul"))

# What langdetect removes before it counts n-grams: URLs and e-mail addresses (its own
# patterns, with its own bounds).
URL_RE = lazy_regex(r"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}")
MAIL_RE = lazy_regex(r"[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}")
# Characters langdetect counts as Latin when it decides to drop Latin words from text in
# another script ("A" to "z", brackets and underscore included, as it does).
LATIN_RUN_RE = lazy_regex(r"[A-z]+")
#: The bytes that are not what LATIN_RUN_RE matches ("A" to "z"), deleted to count them.
_NOT_A_TO_Z = bytes(b for b in range(256) if not ord("A") <= b <= ord("z"))
# What langdetect counts as not Latin: any character from U+0300 on, Latin Extended
# Additional (Vietnamese letters) excepted; punctuation such as curly quotes included.
NON_LATIN_RUN_RE = lazy_regex(r"[\u0300-\u1dff\u1f00-\U0010ffff]+")


class _Normalizer(dict[int, str]):
    """A ``str.translate`` table applying langdetect's per-character normalisation lazily
    (from copydesk's copy of its tables: langdetect itself is not imported)."""

    def __init__(self, tables: Normalise) -> None:
        super().__init__()
        self._tables = tables

    def __missing__(self, code: int) -> str:
        out = self[code] = self._tables.character(chr(code))
        return out


class _Vietnamese:
    """langdetect's ``NGram.normalize_vi``: a Vietnamese letter followed by a combining mark
    becomes the one precomposed letter."""

    def __init__(self, tables: Normalise) -> None:
        self._tables = tables
        self._pattern = lazy_re(tables.vietnamese_pattern(), re.UNICODE)

    def _one(self, m: re.Match[str]) -> str:
        return self._tables.vietnamese(m.group(1), m.group(2))

    def __call__(self, text: str) -> str:
        # five combining marks, in none of most texts: five substring tests rule out the search
        if not any(mark in text for mark in self._tables.marks):
            return text
        return self._pattern.sub(self._one, text)


class _Model(NamedTuple):
    """langdetect's profiles, and which languages write in which script."""

    langs: tuple[str, ...]
    probs: Mapping[str, tuple[float, ...]]
    by_script: dict[str, tuple[int, ...]]
    normalizer: _Normalizer
    normalize_vi: Callable[[str], str]


_lock = threading.Lock()
_model: _Model | None = None


def _load() -> _Model:
    global _model
    with _lock:
        if _model is None:
            # langdetect's profiles from copydesk's compact copy of them (copydesk._profiles):
            # the same probabilities, read in milliseconds rather than half a second, and
            # held as arrays, not the 87,000 lists that every full garbage collection of a
            # long clean used to walk.
            profiles = load_profiles()
            tables = load_normalise()
            _model = _Model(
                langs=profiles.langs,
                probs=profiles.probs,
                by_script=profiles.by_script,
                normalizer=_Normalizer(tables),
                normalize_vi=_Vietnamese(tables),
            )
    return _model


def _word_grams(word: str) -> list[str]:
    """langdetect's 1-3-grams of one word, padded with a space on each side.

    Inside a word in capitals, n-grams ending on the second capital onwards are skipped, as
    langdetect does.

    >>> _word_grams("Ab")
    ['A', ' A', 'b', 'Ab', ' Ab', 'b ', 'Ab ']
    >>> _word_grams("NATO")
    ['N', ' N', 'O ', 'TO ']
    """
    padded = f" {word} "
    out: list[str] = []
    for j in range(1, len(padded)):
        ch = padded[j]
        if ch.isupper() and padded[j - 1].isupper():
            continue
        if ch != " ":
            out.append(ch)
        out.append(padded[j - 1 : j + 1])
        if j >= 2:
            out.append(padded[j - 2 : j + 1])
    return out


@functools.lru_cache(maxsize=GRAM_CACHE)
def _gram_logs(script: str, gram: str) -> array[float] | None:
    """The smoothed log-probabilities of one n-gram for ``script``'s languages (None when
    langdetect's profiles do not know it). Kept as a compact array: grams recur across
    words far more than words recur across documents."""
    model = _load()
    row = model.probs.get(gram)
    if row is None:
        return None
    log = math.log
    return array("d", [log(row[i] + SMOOTHING) for i in model.by_script[script]])


@functools.lru_cache(maxsize=WORD_CACHE)
def _word_score(script: str, word: str) -> tuple[float, ...] | None:
    """Sum of the smoothed log-probabilities of ``word``'s n-grams for ``script``'s languages.

    Each language's sum adds the same floats in the same order as summing
    ``log(p + SMOOTHING)`` gram by gram would: the result is bit for bit the same.
    """
    rows = [r for g in _word_grams(word) if (r := _gram_logs(script, g)) is not None]
    if not rows:
        return None
    return tuple(map(sum, zip(*rows, strict=True)))


def _prepare(text: str, model: _Model) -> list[str]:
    """Clean and normalise ``text`` as langdetect does, and cut it into words."""
    text = MAIL_RE.sub(" ", URL_RE.sub(" ", text))
    text = model.normalize_vi(text)
    text = text[:10000]
    # Latin words go from text mostly in another script. The Latin characters ("A" to "z")
    # are counted on the ASCII bytes, in C; the others are all beyond ASCII, so they are
    # counted only when the characters beyond ASCII could outnumber the Latin ones twice
    # (text in another script): the same test, without two searches over Latin text.
    ascii_bytes = text.encode("ascii", "ignore")
    latin = len(ascii_bytes.translate(None, _NOT_A_TO_Z))
    if latin * 2 < len(text) - len(ascii_bytes):
        non_latin = sum(len(m) for m in NON_LATIN_RUN_RE.findall(text))
        if latin * 2 < non_latin:
            text = LATIN_RUN_RE.sub("", text)
    return [w for w in text.translate(model.normalizer).split(" ") if w]


def _score(words: Sequence[str], script: str, model: _Model) -> tuple[str, float, float] | None:
    """The best language of ``script`` for ``words``, its posterior probability, and its
    lead over the second best (in log-probability; infinite when the script has one)."""
    # The words' rows laid end to end (a word met n times, n times over): each language's
    # column is then a slice with a stride, the same floats in the same order as a column of
    # ``zip(*rows)`` (the same sums, bit for bit), without transposing the rows value by
    # value, which cost more than the sums.
    flat: list[float] = []
    for word, n in Counter(words).items():
        row = _word_score(script, word)
        if row is not None:
            flat.extend(row * n)
    if not flat:
        return None
    width = len(model.by_script[script])
    totals = [sum(flat[j::width]) for j in range(width)]
    top = max(totals)
    best = totals.index(top)
    prob = 1.0 / sum(math.exp(t - top) for t in totals)
    second = max(totals[:best] + totals[best + 1 :], default=-math.inf)
    return model.langs[model.by_script[script][best]], prob, top - second


def detect(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or ``None`` when unsure.

    >>> detect("The government said on Monday that the new rules would take effect next year.")
    'en'
    >>> detect("Hi there") is None
    True
    """
    counts = script_counts(text)
    if not counts:
        return None
    # A CJK character carries about as much as a short word: weigh it like three letters.
    letters = sum(n * (3 if s in _DENSE_SCRIPTS else 1) for s, n in counts.items())
    if letters < MIN_LETTERS:
        return None
    script = dominant_of(counts)
    if script is None:
        return None
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    model = _load()
    if script not in model.by_script:
        return None
    sample = text[:SAMPLE_CHARS]
    if len(sample) > EARLY_CHARS:
        # a language already far ahead on the sample's opening: the rest is not read
        early = _score(_prepare(sample[:EARLY_CHARS], model), script, model)
        if early is not None and early[2] >= EARLY_LEAD:
            return early[0].split("-")[0]
    result = _score(_prepare(sample, model), script, model)
    if result is None or result[1] < MIN_PROBABILITY:
        return None
    return result[0].split("-")[0]


def sample_body(draft: Draft, limit: int = SAMPLE_CHARS) -> str:
    """Join body lines in the body's dominant script, longest first, up to ``limit`` chars."""
    lines = [line.text for _, line in draft.body()]
    if not lines:
        return ""
    script = dominant_script(" ".join(lines)[: limit * 2])
    chosen: list[str] = []
    size = 0
    for text in sorted(lines, key=len, reverse=True):
        if dominant_script(text) != script:
            continue
        chosen.append(text)
        size += len(text) + 1
        if size >= limit:
            break
    return " ".join(chosen)[:limit]


@step("language.detect")
def detect_language(draft: Draft) -> Draft:
    """Set ``language`` from a bounded sample of the body (``None`` when it abstains)."""
    return draft.set_fields(language=detect(sample_body(draft)))

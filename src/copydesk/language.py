"""Language identification that is deterministic and abstains when it cannot know.

langdetect draws random trials; here every call uses its own seeded detector, so the same
body always gives the same answer without touching langdetect's global state. The sample
is bounded and drawn only from body lines in the body's dominant script, so a stray footer
in another script never changes the result.
"""

from __future__ import annotations

import threading

from copydesk.draft import Draft
from copydesk.pipeline import step
from copydesk.scripts import dominant_script, script_counts

__all__ = ["MIN_LETTERS", "SAMPLE_CHARS", "detect", "detect_language"]

#: Fewer letters than this in the sample and the detector abstains (``None``).
MIN_LETTERS = 60
#: The sample is at most this many characters of body text.
SAMPLE_CHARS = 1000
#: Below this probability for the best language, abstain.
MIN_PROBABILITY = 0.5

# Scripts used by one language only (among the languages langdetect knows), answered
# without running the detector.
_SCRIPT_LANGUAGE = {
    "Hangul": "ko", "Greek": "el", "Hebrew": "he", "Thai": "th", "Japanese": "ja",
    "Armenian": "hy", "Georgian": "ka", "Han": "zh", "Tamil": "ta", "Bengali": "bn",
}  # fmt: skip

_DENSE_SCRIPTS = frozenset(("Han", "Hiragana", "Katakana", "Hangul"))

_lock = threading.Lock()
_factory: object | None = None


def _get_factory() -> object:
    global _factory
    with _lock:
        if _factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.seed = 0  # an instance attribute: langdetect's global seed is untouched
            _factory = factory
    return _factory


def detect(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or ``None`` when unsure.

    >>> detect("The government said on Monday that the new rules would take effect next year.")
    'en'
    >>> detect("Hi there") is None
    True
    """
    script = dominant_script(text)
    if script is None:
        return None
    counts = script_counts(text)
    # A CJK character carries about as much as a short word: weigh it like three letters.
    letters = sum(n * (3 if s in _DENSE_SCRIPTS else 1) for s, n in counts.items())
    if letters < MIN_LETTERS:
        return None
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    from langdetect.lang_detect_exception import LangDetectException

    detector = _get_factory().create()  # type: ignore[attr-defined]
    detector.append(text[:SAMPLE_CHARS])
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    if best.prob < MIN_PROBABILITY:
        return None
    lang: str = best.lang
    return lang.split("-")[0]


def sample_body(draft: Draft, limit: int = SAMPLE_CHARS) -> str:
    """Join body lines in the body's dominant script, longest first, up to ``limit`` chars."""
    lines = [line.text for _, line in draft.body()]
    if not lines:
        return ""
    script = dominant_script(" ".join(lines)[: limit * 4])
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

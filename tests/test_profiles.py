"""Tests of copydesk._profiles: langdetect's profiles in copydesk's compact file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk._profiles import FORMAT, PROFILES_PATH, ProfilesError, build, load


def test_the_shipped_file_is_what_the_installed_langdetect_gives(tmp_path: Path) -> None:
    """The file in the package is rebuilt byte for byte from langdetect's profiles (run
    ``python -m copydesk._profiles`` when langdetect's profiles change)."""
    assert build(tmp_path / "p.bin") == PROFILES_PATH.read_bytes()


def test_every_probability_is_langdetects_bit_for_bit() -> None:
    """Every 1-3-gram's row equals langdetect's own, float for float, in language order;
    grams langdetect does not know are not there."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    profiles = load()
    assert sorted(factory.langlist) == list(profiles.langs)
    order = [factory.langlist.index(lang) for lang in profiles.langs]
    reference = {
        gram: tuple(row[i] for i in order)
        for gram, row in factory.word_lang_prob_map.items()
        if 1 <= len(gram) <= 3
    }
    assert len(profiles.probs) == len(reference)
    assert set(profiles.probs) == set(reference)
    assert all(profiles.probs[gram] == row for gram, row in reference.items())


PROFILES = load()
GRAMS = frozenset(PROFILES.probs)


@given(st.text(min_size=1, max_size=3) | st.sampled_from(sorted(GRAMS)))
def test_a_gram_is_found_exactly_when_the_table_holds_it(gram: str) -> None:
    """The binary search finds a gram exactly when it is one of the table's grams."""
    probs = PROFILES.probs
    assert (gram in probs) == (gram in GRAMS) == (probs.get(gram) is not None)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"copydesk language profiles 9\n{}", "starts with"),  # a later format
        (b"PK\x03\x04", "starts with"),
        (FORMAT + b'{"langs": [], "n_words": [], "by_script": {}, "sizes": [1, 2, 3, 4, 5], '
         b'"byteorder": "little"}\nabc', "damaged"),
    ],
)  # fmt: skip
def test_a_file_it_does_not_understand_is_refused(
    tmp_path: Path, data: bytes, message: str
) -> None:
    """Another format or version, or a cut file, raises ProfilesError naming the problem."""
    path = tmp_path / "p.bin"
    path.write_bytes(data)
    with pytest.raises(ProfilesError, match=message):
        load(path)

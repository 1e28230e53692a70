"""Tests of copydesk._profiles: langdetect's profiles in copydesk's compact file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk._profiles import (
    FORMAT,
    NORMALISE_PATH,
    PROFILES_PATH,
    ProfilesError,
    build,
    build_normalise,
    load,
    load_normalise,
)


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


def test_the_file_is_mapped_and_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mapped into memory (the default) or read where the system cannot map it, the file
    gives the same table."""
    import mmap

    assert isinstance(PROFILES.probs._text, mmap.mmap)

    def refuse(*args: object, **kwargs: object) -> mmap.mmap:
        raise OSError("cannot map")

    monkeypatch.setattr(mmap, "mmap", refuse)
    read = load()
    assert isinstance(read.probs._text, bytes)
    assert (read.langs, read.by_script) == (PROFILES.langs, PROFILES.by_script)
    assert list(read.probs) == list(PROFILES.probs)
    assert all(read.probs[g] == PROFILES.probs[g] for g in sorted(GRAMS)[::97])


def test_a_file_of_the_other_byte_order_is_read(tmp_path: Path) -> None:
    """Written on a machine of the other byte order, the integer sections are swapped."""
    import json
    import sys
    from array import array

    data = PROFILES_PATH.read_bytes()
    end = data.index(b"\n", len(FORMAT))
    meta = json.loads(data[len(FORMAT) : end])
    sections, at = [], end + 1
    for size in meta["sizes"]:
        sections.append(data[at : at + size])
        at += size
    for i in (1, 2, 4):
        swapped = array("I", sections[i])
        swapped.byteswap()
        sections[i] = swapped.tobytes()
    meta["byteorder"] = "big" if sys.byteorder == "little" else "little"
    path = tmp_path / "other.bin"
    path.write_bytes(FORMAT + json.dumps(meta).encode() + b"\n" + b"".join(sections))
    other = load(path)
    assert all(other.probs[g] == PROFILES.probs[g] for g in sorted(GRAMS)[::97])


def test_the_shipped_normalisation_is_what_the_installed_langdetect_gives(
    tmp_path: Path,
) -> None:
    """The normalisation file is rebuilt byte for byte from langdetect's tables (run
    ``python -m copydesk._profiles`` when langdetect changes)."""
    assert build_normalise(tmp_path / "n.json") == NORMALISE_PATH.read_bytes()


NORMALISE = load_normalise()
#: Code points where the tables change: each range's ends and their neighbours, and every
#: character changed on its own.
EDGES = sorted(
    {
        c + d
        for r in zip(NORMALISE.firsts, NORMALISE.lasts, strict=True)
        for c in r
        for d in (-1, 0, 1)
    }
    | {ord(c) for c in NORMALISE.changed}
)


def test_every_character_is_normalised_as_langdetect_does_at_the_edges() -> None:
    from langdetect.utils.ngram import NGram

    for code in [*EDGES, *range(0x3000)]:
        if not 0 <= code <= sys.maxunicode:
            continue
        c = chr(code)
        assert NORMALISE.character(c) == NGram.normalize(c), hex(code)


@given(st.characters())
def test_any_character_is_normalised_as_langdetect_does(c: str) -> None:
    from langdetect.utils.ngram import NGram

    assert NORMALISE.character(c) == NGram.normalize(c)


@given(
    st.text(
        alphabet=st.sampled_from(NORMALISE.letters + NORMALISE.marks + "ab \u0300\u0302")
        | st.characters(),
        max_size=20,
    )
)
def test_vietnamese_is_normalised_as_langdetect_does(text: str) -> None:
    from langdetect.utils.ngram import NGram

    from copydesk.language import _Vietnamese

    assert _Vietnamese(NORMALISE)(text) == NGram.normalize_vi(text)


def test_a_normalisation_file_it_does_not_understand_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text('{"format": "copydesk language normalisation 9"}', "utf-8")
    with pytest.raises(ProfilesError, match="format"):
        load_normalise(path)


def test_detecting_a_language_does_not_import_langdetect() -> None:
    """copydesk's own copies of langdetect's tables are all a new process reads."""
    import subprocess
    import sys

    code = (
        "import sys, copydesk\n"
        "a = copydesk.clean_article('Port reopens\\n\\n' + 'Ships sailed again on Monday "
        "after the storm, and the harbour master said the port would stay open. ' * 3)\n"
        "print(a.language, 'langdetect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["en", "False"]


def test_grams_at_the_edges_of_the_sampled_ranges_are_found() -> None:
    """The grams a search's samples start and end its ranges at, their neighbours, and text
    before the first gram and after the last."""
    from copydesk._profiles import SAMPLE_EVERY

    probs = PROFILES.probs
    grams = list(probs)
    edges = {i + d for i in range(0, len(grams), SAMPLE_EVERY) for d in (-1, 0, 1)}
    for i in sorted(e for e in edges if 0 <= e < len(grams)):
        assert probs._find(grams[i]) == i
    assert "\x00" not in probs
    assert "\U0010ffff" * 3 not in probs

"""langdetect's n-gram profiles in one compact file that a new process reads in milliseconds.

langdetect keeps its 55 profiles as JSON; reading them builds 87,000 lists of 55 floats and
took most of a fresh process's first ``clean_article`` (0.3-0.6 s). Only 184,000 of those
floats are not zero, so the file beside this module (``language_profiles.bin``) keeps just
those: per n-gram, which languages know it and how often, and per language how many n-grams
of each length it counted. The sections are plain arrays, read as they are (no parsing, no
table built): an n-gram is found by binary search in the sorted block of all of them. The
file is mapped into memory, not read: a document's few hundred look-ups touch a few dozen of
its pages, where reading and copying its 2 MB cost a new process about 4 ms.
A probability is rebuilt on demand with langdetect's own
arithmetic (``1.0 * count / n_words[len - 1]``), so every value is bit for bit the one
langdetect computes. The file is made from the installed langdetect by ``build``
(``python -m copydesk._profiles``); the code refuses a file whose first line it does not know.
"""

from __future__ import annotations

import bisect
import json
import mmap
import os
import sys
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.errors import CopydeskError

__all__ = [
    "FORMAT",
    "NORMALISE_PATH",
    "PROFILES_PATH",
    "GramTable",
    "Normalise",
    "Profiles",
    "ProfilesError",
    "build",
    "build_normalise",
    "load",
    "load_normalise",
]

#: The file read by :func:`load`, shipped in the package.
PROFILES_PATH = Path(__file__).with_name("language_profiles.bin")
#: The first line of the file: its format and version. Another first line is refused.
FORMAT = b"copydesk language profiles 1\n"
#: langdetect's normalisation of characters and of Vietnamese letters, as data: a process
#: that detects a language then never imports langdetect (about 6 ms of a cold start).
NORMALISE_PATH = Path(__file__).with_name("language_normalise.json")
#: The format of that file (its ``"format"`` key). Another one is refused.
NORMALISE_FORMAT = "copydesk language normalisation 1"


class ProfilesError(CopydeskError, ValueError):
    """The profiles file is not one this copydesk can read."""


#: One gram in this many is kept in a list when the table is first searched: a search then
#: halves a range of this many grams in Python, not all 87,000.
SAMPLE_EVERY = 32


class GramTable(Mapping[str, tuple[float, ...]]):
    """``gram -> probability of the gram in each language``, as langdetect's
    ``word_lang_prob_map`` holds it, rebuilt one row at a time from the sparse counts.

    The grams stay one block of UTF-8 in byte order, found by binary search: nothing is
    built when the file is read, and a document looks up a few hundred grams at most (the
    language module keeps their rows). The block starts at ``base`` in ``text`` (the mapped
    file).
    """

    def __init__(
        self,
        text: bytes | mmap.mmap,
        ends: Sequence[int],
        starts: Sequence[int],
        langs: Sequence[int],
        counts: Sequence[int],
        n_words: list[list[int]],
        base: int = 0,
    ) -> None:
        self._text = text
        self._base = base
        self._ends = ends  # gram i is text[base + ends[i]:base + ends[i + 1]]
        self._starts = starts  # its languages and counts are at [starts[i]:starts[i + 1]]
        self._langs = langs
        self._counts = counts
        self._n_words = n_words
        self._width = len(n_words)
        # per gram length, each language's count of grams of that length
        self._by_length = [[n[length] for n in n_words] for length in range(3)]
        self._samples: list[bytes] | None = None  # every SAMPLE_EVERY-th gram, on first use

    def _gram(self, i: int) -> bytes:
        return self._text[self._base + self._ends[i] : self._base + self._ends[i + 1]]

    def _find(self, gram: str) -> int:
        key = gram.encode("utf-8", "surrogatepass")
        text, ends, base = self._text, self._ends, self._base
        samples = self._samples
        if samples is None:
            samples = self._samples = [self._gram(i) for i in range(0, len(ends) - 1, SAMPLE_EVERY)]
        # the samples narrow the search to SAMPLE_EVERY grams (a search in C), then halving
        at = bisect.bisect_right(samples, key)
        lo = max(at - 1, 0) * SAMPLE_EVERY
        hi = min(at * SAMPLE_EVERY, len(ends) - 1)
        while lo < hi:
            mid = (lo + hi) // 2
            if text[base + ends[mid] : base + ends[mid + 1]] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(ends) - 1 and text[base + ends[lo] : base + ends[lo + 1]] == key:
            return lo
        raise KeyError(gram)

    def __getitem__(self, gram: str) -> tuple[float, ...]:
        i = self._find(gram)
        row = [0.0] * self._width
        n_words = self._by_length[len(gram) - 1]
        begin, end = self._starts[i], self._starts[i + 1]
        for lang, count in zip(self._langs[begin:end], self._counts[begin:end], strict=True):
            row[lang] = 1.0 * count / n_words[lang]
        return tuple(row)

    def __contains__(self, gram: object) -> bool:
        if not isinstance(gram, str):
            return False
        try:
            self._find(gram)
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        text, ends, base = self._text, self._ends, self._base
        for i in range(len(ends) - 1):
            yield text[base + ends[i] : base + ends[i + 1]].decode("utf-8")

    def __len__(self) -> int:
        return len(self._ends) - 1


class Profiles(NamedTuple):
    """The languages (sorted by code), which of them write in which script, and the grams."""

    langs: tuple[str, ...]
    by_script: dict[str, tuple[int, ...]]
    probs: GramTable


def _scripts(
    langs: tuple[str, ...], probs: Mapping[str, tuple[float, ...]]
) -> dict[str, list[int]]:
    """A language's script is the script of most of its single-letter frequency; languages
    written in a script copydesk does not name (Gujarati...) get none."""
    from copydesk.scripts import dominant_script

    mass: list[dict[str, float]] = [{} for _ in langs]
    for gram in sorted(probs):
        if len(gram) == 1 and gram.isalpha():
            script = dominant_script(gram) or "other"
            for i, p in enumerate(probs[gram]):
                mass[i][script] = mass[i].get(script, 0.0) + p
    by_script: dict[str, list[int]] = {}
    for i, m in enumerate(mass):
        if m and (script := max(m, key=m.__getitem__)) != "other":
            by_script.setdefault(script, []).append(i)
    return by_script


def build(path: Path = PROFILES_PATH) -> bytes:
    """Write the file from the installed langdetect's profiles; return its bytes."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    profiles = []
    for name in sorted(os.listdir(PROFILES_DIRECTORY)):
        if name.startswith("."):
            continue
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as f:
            profiles.append(json.load(f))
    profiles.sort(key=lambda p: p["name"])
    langs = tuple(p["name"] for p in profiles)
    # Grams of one to three characters, as langdetect's add_profile keeps them, in the order
    # of their UTF-8 bytes (the order the binary search compares in).
    grams = sorted({g.encode("utf-8") for p in profiles for g in p["freq"] if 1 <= len(g) <= 3})
    ends = array("I", [0, *accumulate(len(g) for g in grams)])
    starts = array("I", [0])
    lang_ix = array("B")
    counts = array("I")
    known: dict[str, list[tuple[int, int]]] = {}
    for i, p in enumerate(profiles):
        for gram, count in p["freq"].items():
            known.setdefault(gram, []).append((i, count))
    for raw in grams:
        for i, count in known[raw.decode("utf-8")]:
            lang_ix.append(i)
            counts.append(count)
        starts.append(len(counts))
    if ends.itemsize != 4 or counts.itemsize != 4:
        raise ProfilesError("this platform has no 4-byte unsigned array type")
    n_words = [list(p["n_words"]) for p in profiles]
    text = b"".join(grams)
    table = GramTable(text, ends, starts, lang_ix.tobytes(), counts, n_words)
    sections = [text, ends.tobytes(), starts.tobytes(), lang_ix.tobytes(), counts.tobytes()]
    meta = {
        "langs": langs,
        "n_words": n_words,
        "by_script": _scripts(langs, table),
        "sizes": [len(x) for x in sections],
        "byteorder": sys.byteorder,
    }
    payload = b"".join([json.dumps(meta).encode() + b"\n", *sections])
    data = FORMAT + payload
    # a new file put in place: a process that has the old one mapped keeps reading it whole
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)
    return data


def _read(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, mapped into memory when the system can map it."""
    with open(path, "rb") as f:
        try:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # an empty file, a file system that cannot map
            return f.read()


def _ints(section: memoryview, byteorder: str) -> Sequence[int]:
    """A section of 4-byte unsigned integers: the mapped bytes themselves, or a copy when
    the file was written on a machine of the other byte order."""
    if byteorder == sys.byteorder and array("I").itemsize == 4:
        return section.cast("I")
    out = array("I")
    out.frombytes(section)
    if byteorder != sys.byteorder:
        out.byteswap()
    return out


def load(path: Path = PROFILES_PATH) -> Profiles:
    """Read the profiles file; :class:`ProfilesError` when it is not one this code knows."""
    data = _read(path)
    if data[: len(FORMAT)] != FORMAT:
        first = data[:200].split(b"\n", 1)[0][:60]
        raise ProfilesError(
            f"{path} starts with {first!r}, not {FORMAT.strip()!r}: rebuild it with "
            "python -m copydesk._profiles"
        )
    end = data.find(b"\n", len(FORMAT))
    base = len(data) if end == -1 else end + 1
    meta = json.loads(data[len(FORMAT) : base])
    view = memoryview(data)
    sections = []
    at = base
    for size in meta["sizes"]:
        sections.append(view[at : at + size])
        at += size
    if len(sections) != 5 or at != len(data) or any(len(sections[i]) % 4 for i in (1, 2, 4)):
        raise ProfilesError(f"{path} is damaged: its sections do not add up")
    order = meta["byteorder"]
    ends, starts, counts = (_ints(sections[i], order) for i in (1, 2, 4))
    lang_ix = sections[3]
    text_size = len(sections[0])
    if ends[-1] != text_size or starts[-1] != len(counts) or len(counts) != len(lang_ix):
        raise ProfilesError(f"{path} is damaged: its sections do not add up")
    langs = tuple(meta["langs"])
    by_script = {s: tuple(ix) for s, ix in meta["by_script"].items()}
    table = GramTable(data, ends, starts, lang_ix, counts, meta["n_words"], base)
    return Profiles(langs, by_script, table)


class Normalise(NamedTuple):
    """langdetect's ``NGram.normalize`` (one character) and ``NGram.normalize_vi`` (a text).

    ``firsts``, ``lasts`` and ``runs`` are the ranges of code points that all become one
    character; the other characters it changes are in ``changed``, each becoming the one at
    the same place in ``into``; every other character stays.
    ``letters``, ``marks`` and ``normalised`` are langdetect's Vietnamese tables: a letter
    followed by a combining mark becomes ``normalised[mark][letter]``.
    """

    firsts: tuple[int, ...]
    lasts: tuple[int, ...]
    runs: str
    changed: str
    into: str
    letters: str
    marks: str
    normalised: tuple[str, ...]

    def character(self, c: str) -> str:
        """What langdetect's ``NGram.normalize`` makes of the character ``c``."""
        code = ord(c)
        i = bisect.bisect_right(self.firsts, code) - 1
        if i >= 0 and code <= self.lasts[i]:
            return self.runs[i]
        at = self.changed.find(c)
        return c if at == -1 else self.into[at]

    def vietnamese_pattern(self) -> str:
        """langdetect's pattern of a Vietnamese letter and a combining mark, as it writes it."""
        return "([" + self.letters + "])([" + self.marks + "])"

    def vietnamese(self, letter: str, mark: str) -> str:
        """What langdetect's ``NGram.normalize_vi`` makes of a letter and a mark it matched."""
        return self.normalised[self.marks.find(mark)][self.letters.find(letter)]


def build_normalise(path: Path = NORMALISE_PATH) -> bytes:
    """Write the normalisation file from the installed langdetect; return its bytes."""
    from langdetect.utils.ngram import NGram

    changed = {}
    for code in range(sys.maxunicode + 1):
        out = NGram.normalize(chr(code))
        if out != chr(code):
            changed[code] = out
    runs: list[list[Any]] = []
    for code, out in changed.items():
        if runs and runs[-1][1] == code - 1 and runs[-1][2] == out:
            runs[-1][1] = code
        else:
            runs.append([code, code, out])
    singles = [r for r in runs if r[0] == r[1]]
    ranges = [r for r in runs if r[0] != r[1]]
    data = {
        "format": NORMALISE_FORMAT,
        "ranges": ranges,
        "from": "".join(chr(r[0]) for r in singles),
        "to": "".join(r[2] for r in singles),
        "vi_letters": NGram.TO_NORMALIZE_VI_CHARS,
        "vi_marks": NGram.DMARK_CLASS,
        "vi_normalised": list(NGram.NORMALIZED_VI_CHARS),
    }
    raw = (json.dumps(data, ensure_ascii=False, indent=0) + "\n").encode("utf-8")
    path.write_bytes(raw)
    return raw


def load_normalise(path: Path = NORMALISE_PATH) -> Normalise:
    """Read the normalisation file; :class:`ProfilesError` when it is not one this code knows."""
    data = json.loads(path.read_bytes())
    if not isinstance(data, dict) or data.get("format") != NORMALISE_FORMAT:
        raise ProfilesError(
            f"{path} is not in the format {NORMALISE_FORMAT!r}: rebuild it with "
            "python -m copydesk._profiles"
        )
    ranges = data["ranges"]
    if len(data["from"]) != len(data["to"]) or any(len(r[2]) != 1 for r in ranges):
        raise ProfilesError(f"{path} is damaged: its tables do not add up")
    return Normalise(
        firsts=tuple(r[0] for r in ranges),
        lasts=tuple(r[1] for r in ranges),
        runs="".join(r[2] for r in ranges),
        changed=data["from"],
        into=data["to"],
        letters=data["vi_letters"],
        marks=data["vi_marks"],
        normalised=tuple(data["vi_normalised"]),
    )


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else PROFILES_PATH
    size = len(build(out))
    print(f"wrote {out} ({size:,} bytes)")
    if len(sys.argv) <= 1:
        size = len(build_normalise())
        print(f"wrote {NORMALISE_PATH} ({size:,} bytes)")

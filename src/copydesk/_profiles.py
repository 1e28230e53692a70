"""langdetect's n-gram profiles in one compact file that a new process reads in milliseconds.

langdetect keeps its 55 profiles as JSON; reading them builds 87,000 lists of 55 floats and
took most of a fresh process's first ``clean_article`` (0.3-0.6 s). Only 184,000 of those
floats are not zero, so the file beside this module (``language_profiles.bin``) keeps just
those: per n-gram, which languages know it and how often, and per language how many n-grams
of each length it counted. The sections are plain arrays, read as they are (no parsing, no
table built): an n-gram is found by binary search in the sorted block of all of them.
A probability is rebuilt on demand with langdetect's own
arithmetic (``1.0 * count / n_words[len - 1]``), so every value is bit for bit the one
langdetect computes. The file is made from the installed langdetect by ``build``
(``python -m copydesk._profiles``); the code refuses a file whose first line it does not know.
"""

from __future__ import annotations

import json
import os
import sys
from array import array
from collections.abc import Iterator, Mapping
from itertools import accumulate
from pathlib import Path

import attrs

from copydesk.errors import CopydeskError

__all__ = ["FORMAT", "PROFILES_PATH", "GramTable", "Profiles", "ProfilesError", "build", "load"]

#: The file read by :func:`load`, shipped in the package.
PROFILES_PATH = Path(__file__).with_name("language_profiles.bin")
#: The first line of the file: its format and version. Another first line is refused.
FORMAT = b"copydesk language profiles 1\n"


class ProfilesError(CopydeskError, ValueError):
    """The profiles file is not one this copydesk can read."""


class GramTable(Mapping[str, tuple[float, ...]]):
    """``gram -> probability of the gram in each language``, as langdetect's
    ``word_lang_prob_map`` holds it, rebuilt one row at a time from the sparse counts.

    The grams stay one block of UTF-8 in byte order, found by binary search: nothing is
    built when the file is read, and a document looks up a few hundred grams at most (the
    language module keeps their rows).
    """

    def __init__(
        self,
        text: bytes,
        ends: array[int],
        starts: array[int],
        langs: bytes,
        counts: array[int],
        n_words: list[list[int]],
    ) -> None:
        self._text = text
        self._ends = ends  # gram i is text[ends[i]:ends[i + 1]]
        self._starts = starts  # its languages and counts are at [starts[i]:starts[i + 1]]
        self._langs = langs
        self._counts = counts
        self._n_words = n_words
        self._width = len(n_words)

    def _find(self, gram: str) -> int:
        key = gram.encode("utf-8", "surrogatepass")
        text, ends = self._text, self._ends
        lo, hi = 0, len(ends) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if text[ends[mid] : ends[mid + 1]] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(ends) - 1 and text[ends[lo] : ends[lo + 1]] == key:
            return lo
        raise KeyError(gram)

    def __getitem__(self, gram: str) -> tuple[float, ...]:
        i = self._find(gram)
        row = [0.0] * self._width
        length = len(gram) - 1
        for k in range(self._starts[i], self._starts[i + 1]):
            lang = self._langs[k]
            row[lang] = 1.0 * self._counts[k] / self._n_words[lang][length]
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
        text, ends = self._text, self._ends
        for i in range(len(ends) - 1):
            yield text[ends[i] : ends[i + 1]].decode("utf-8")

    def __len__(self) -> int:
        return len(self._ends) - 1


@attrs.frozen
class Profiles:
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
    path.write_bytes(data)
    return data


def load(path: Path = PROFILES_PATH) -> Profiles:
    """Read the profiles file; :class:`ProfilesError` when it is not one this code knows."""
    data = path.read_bytes()
    if not data.startswith(FORMAT):
        first = data.split(b"\n", 1)[0][:60]
        raise ProfilesError(
            f"{path} starts with {first!r}, not {FORMAT.strip()!r}: rebuild it with "
            "python -m copydesk._profiles"
        )
    head, _, rest = data[len(FORMAT) :].partition(b"\n")
    meta = json.loads(head)
    view = memoryview(rest)
    sections = []
    at = 0
    for size in meta["sizes"]:
        sections.append(view[at : at + size])
        at += size
    if len(sections) != 5 or at != len(rest):
        raise ProfilesError(f"{path} is damaged: its sections do not add up")
    text, lang_ix = bytes(sections[0]), bytes(sections[3])
    ends, starts, counts = array("I"), array("I"), array("I")
    for arr, section in ((ends, sections[1]), (starts, sections[2]), (counts, sections[4])):
        arr.frombytes(section)
        if meta["byteorder"] != sys.byteorder:
            arr.byteswap()
    if ends[-1] != len(text) or starts[-1] != len(counts) or len(counts) != len(lang_ix):
        raise ProfilesError(f"{path} is damaged: its sections do not add up")
    langs = tuple(meta["langs"])
    by_script = {s: tuple(ix) for s, ix in meta["by_script"].items()}
    table = GramTable(text, ends, starts, lang_ix, counts, meta["n_words"])
    return Profiles(langs, by_script, table)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else PROFILES_PATH
    size = len(build(out))
    print(f"wrote {out} ({size:,} bytes)")

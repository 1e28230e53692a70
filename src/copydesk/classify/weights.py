"""The line model's weight file, read without numpy.

The file is a ``.npz``: a zip archive of ``.npy`` arrays, written by
:meth:`copydesk.classify.model.LineModel.save`. Reading it needs only :mod:`zipfile` and
:mod:`array`, so that a process that cleans one small document never imports numpy
(:mod:`copydesk.classify.plain`); the numpy model is built from the same reading. Only the
dtypes the model writes are accepted (little-endian ``float32``/``float64`` and bytes), and
no object is ever unpickled.
"""

from __future__ import annotations

import array
import functools
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import attrs

from copydesk._lazy import lazy_re
from copydesk.classify.features import CLASSES
from copydesk.errors import CopydeskError

__all__ = [
    "FORMAT",
    "MODEL_PATH",
    "ModelError",
    "TailRule",
    "Weights",
    "read_weights",
    "shipped_weights",
]

#: The weight file format this code reads and writes.
FORMAT = "copydesk-line-model/2"
#: Where the shipped weights live, beside this package's modules.
MODEL_PATH = Path(__file__).with_name("line_model.npz")

#: ``.npy`` dtype descriptions this reader accepts, and their :mod:`array` type codes.
_TYPECODES = {"<f8": "d", "<f4": "f", "|u1": "B"}
_MAGIC = b"\x93NUMPY"
# The header of a ``.npy`` array as numpy writes it (a dict literal with three keys, in this
# order). Example: "{'descr': '<f8', 'fortran_order': False, 'shape': (88, 96), }". Anything
# else, a pickled object's header included, does not match and the file is refused.
NPY_HEADER_RE = lazy_re(
    r"\{'descr': '(?P<descr>[^']+)', 'fortran_order': (?P<fortran>True|False), "
    r"'shape': \((?P<shape>[0-9, ]*)\), \}"
)


class ModelError(CopydeskError, ValueError):
    """A line-model file that cannot be read: missing, damaged, or of another format."""


@attrs.frozen(slots=True)
class TailRule:
    """An article-edge cut that training chose: the body lines after a point
    (:func:`copydesk.classify.step.tail_start`, the article's end) or before one
    (:func:`copydesk.classify.step.head_end`, its start) go when they number at least
    ``lines``, their probabilities of being body or title average at most ``mean`` and none
    exceeds ``peak``."""

    mean: float
    peak: float
    lines: int

    @classmethod
    def of(cls, value: object, path: Path = MODEL_PATH, edge: str = "tail") -> TailRule | None:
        """The rule a weight file's header holds (``None``: no cut), or :class:`ModelError`
        naming the ``edge`` ("tail", "head" or "list_tail") whose rule is damaged."""
        if value is None:
            return None
        if (
            isinstance(value, list)
            and len(value) == 3
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            and isinstance(value[2], int)
            and 0.0 <= value[0] <= value[1] <= 1.0
            and value[2] >= 1
        ):
            return cls(float(value[0]), float(value[1]), value[2])
        raise ModelError(f"line model {path} is damaged: its {edge} rule is {value!r}")

    def to_json(self) -> list[float | int]:
        """The header's form of the rule: ``[mean, peak, lines]``."""
        return [self.mean, self.peak, self.lines]


@attrs.frozen(slots=True, eq=False)
class Weights:
    """A weight file as read: its header, its vocabulary and its arrays.

    ``arrays`` maps each array's name to its values, flat in row-major order, and its shape.
    """

    header: dict[str, Any]
    vocab: dict[str, int] = attrs.field(repr=False)
    arrays: dict[str, tuple[array.array[Any], tuple[int, ...]]] = attrs.field(repr=False)

    def check(self, inputs: int, path: Path = MODEL_PATH) -> tuple[int, int]:
        """The number of words and of hidden units, once every array is there and fits a
        model of ``inputs`` input columns (:class:`ModelError` naming what does not)."""
        try:
            (words, _), (hidden,) = self.arrays["ratios"][1], self.arrays["hidden_b"][1]
        except (KeyError, ValueError):
            raise ModelError(f"line model {path} is damaged: no ratios or hidden units") from None
        classes = len(CLASSES)
        expected = {
            "ratios": (len(self.vocab), classes),
            "mean": (inputs,),
            "scale": (inputs,),
            "hidden_w": (inputs, hidden),
            "hidden_b": (hidden,),
            "out_w": (hidden, classes),
            "out_b": (classes,),
        }
        for name, shape in expected.items():
            if name not in self.arrays:
                raise ModelError(f"line model {path} is damaged: missing {name!r}")
            if self.arrays[name][1] != shape:
                raise ModelError(
                    f"line model {path} does not fit this copydesk: {name} has shape "
                    f"{self.arrays[name][1]}, not {shape} ({inputs} inputs, "
                    f"{len(self.vocab)} words)"
                )
        return words, hidden


def _read_npy(name: str, blob: bytes) -> tuple[array.array[Any], tuple[int, ...]]:
    """The values and shape of one ``.npy`` member (format versions 1 to 3)."""
    if not blob.startswith(_MAGIC) or len(blob) < 10:
        raise ModelError(f"line model is damaged: {name} is not a .npy array")
    major = blob[6]
    size_bytes = 2 if major == 1 else 4
    start = 8 + size_bytes
    length = int.from_bytes(blob[8:start], "little")
    header = blob[start : start + length].decode("latin-1").strip()
    found = NPY_HEADER_RE.fullmatch(header)
    if found is None or found["fortran"] == "True" or found["descr"] not in _TYPECODES:
        raise ModelError(f"line model is damaged: {name} is an array of an unknown kind")
    shape = tuple(int(n) for n in found["shape"].replace(" ", "").split(",") if n)
    values = array.array(_TYPECODES[found["descr"]])
    data = blob[start + length :]
    if len(data) % values.itemsize:
        raise ModelError(f"line model is damaged: {name} is cut inside a value")
    values.frombytes(data)
    if sys.byteorder == "big" and values.itemsize > 1:
        values.byteswap()
    count = 1
    for n in shape:
        count *= n
    if len(values) != count:
        raise ModelError(f"line model is damaged: {name} holds {len(values)} values, not {count}")
    return values, shape


def read_weights(path: Path) -> Weights:
    """Read a weight file; :class:`ModelError` names what is wrong with it."""
    try:
        with zipfile.ZipFile(path) as archive:
            blobs = {
                info.filename.removesuffix(".npy"): archive.read(info)
                for info in archive.infolist()
            }
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ModelError(f"cannot read line model {path}: {exc}") from None
    try:
        arrays = {name: _read_npy(name, blob) for name, blob in blobs.items()}
    except ModelError as exc:
        raise ModelError(f"{exc} ({path})") from None
    try:
        header = json.loads(arrays["header"][0].tobytes().decode("utf-8"))
    except (KeyError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"line model {path} is damaged: no header ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        found = header.get("format") if isinstance(header, dict) else None
        raise ModelError(f"line model {path} has format {found!r}; this copydesk reads {FORMAT!r}")
    if "threshold" not in header or "vocab" not in arrays:
        raise ModelError(f"line model {path} is damaged: missing its threshold or vocabulary")
    # a damaged rule is refused here, for both models; a file without a head rule has none
    TailRule.of(header.get("tail"), path)
    TailRule.of(header.get("head"), path, "head")
    TailRule.of(header.get("list_tail"), path, "list_tail")
    try:
        words = arrays["vocab"][0].tobytes().decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise ModelError(f"line model {path} is damaged: {exc}") from None
    return Weights(
        header=header, vocab=dict(zip(words, range(len(words)), strict=True)), arrays=arrays
    )


@functools.lru_cache(maxsize=1)
def shipped_weights() -> Weights:
    """The weights shipped with copydesk, read once: the numpy model and the plain one share
    them."""
    return read_weights(MODEL_PATH)

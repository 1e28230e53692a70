"""The fuzz targets in fuzz/ run in the test suite too: on their seeds and on random input.

CI also runs each target for a bounded time (.ci/run, the ``fuzz`` job of the workflow); here
the targets are kept working, and every input the fuzzers ever found is pinned.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from .modules import load_file

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
SEEDS = sorted((FUZZ / "seeds").iterdir()) if (FUZZ / "seeds").is_dir() else []


def _target(name: str) -> ModuleType:
    """The fuzz script ``fuzz/<name>.py`` as a module (skip when fuzz/ is not beside tests/)."""
    path = FUZZ / f"{name}.py"
    if not path.is_file():
        pytest.skip(f"{path} not found (tests run outside the repository)")
    return load_file(path, f"_copydesk_{name}")


@pytest.mark.parametrize("name", ["fuzz_clean", "fuzz_writers"])
def test_fuzz_targets_hold_on_their_seeds(name: str) -> None:
    """Each fuzz target passes on every seed of fuzz/seeds."""
    target = _target(name)
    assert SEEDS
    for seed in SEEDS:
        target.test_one_input(seed.read_bytes())


# Bytes that hold lone surrogates once read with surrogateescape or as CESU-8.
_SURROGATE_BYTES = st.text(st.characters(codec=None), max_size=120).map(
    lambda s: s.encode("utf-8", "surrogatepass")
)


@given(st.one_of(st.binary(max_size=300), _SURROGATE_BYTES))
@example(b"lone \xed\xa0\x80 here\x00after\x00\xff\xfe id")  # issue 17: a lone surrogate
def test_writers_fuzz_target_on_random_input(data: bytes) -> None:
    """Any bytes, cut into records: every record comes out once through every writer."""
    _target("fuzz_writers").test_one_input(data)

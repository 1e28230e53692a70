"""Shared test configuration: hypothesis profiles and the location of ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# dev: quick local runs; ci: more examples, no deadline (CI machines are shared and noisy).
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

#: ../shared beside the repository (examples and corpus); absent on a user's machine.
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder, or skip the test with the reason when it is absent."""
    if not (SHARED / "examples" / "expected.json").is_file():
        pytest.skip(f"../shared is not beside the repository ({SHARED} not found)")
    return SHARED

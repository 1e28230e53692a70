"""The GitHub Actions workflows parse and hold their essential keys (they cannot run here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def load(name: str) -> dict[str, Any]:
    """Parse a workflow file; YAML 1.1 reads the key ``on`` as True, so it is put back."""
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{name} is not a mapping"
    if True in data:
        data["on"] = data.pop(True)
    return data


def run_lines(job: dict[str, Any]) -> str:
    """All the shell lines a job runs, joined."""
    return "\n".join(str(s.get("run", "")) for s in job["steps"])


def uses(job: dict[str, Any]) -> list[str]:
    """The actions a job uses."""
    return [str(s["uses"]) for s in job["steps"] if "uses" in s]


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_workflow_is_well_formed(name: str) -> None:
    """Each workflow has a name, triggers, and jobs whose steps each run or use something."""
    data = load(name)
    assert data.get("name")
    assert data.get("on")
    assert data["jobs"]
    for job_name, job in data["jobs"].items():
        assert job.get("runs-on"), job_name
        for s in job["steps"]:
            assert ("run" in s) != ("uses" in s), f"{job_name}: {s}"


def test_both_workflows_exist() -> None:
    """The CI and release workflows are both there (negative: no other names expected)."""
    assert sorted(p.name for p in WORKFLOWS.glob("*.yml")) == ["ci.yml", "release.yml"]


def test_release_runs_on_version_tags_only() -> None:
    """The release workflow runs on pushed ``v*`` tags and on nothing else."""
    assert load("release.yml")["on"] == {"push": {"tags": ["v*"]}}


def test_release_builds_once_tests_then_publishes() -> None:
    """Build, then test the built wheel, then publish the same artifact with trusted publishing."""
    jobs = load("release.yml")["jobs"]
    assert set(jobs) == {"build", "test", "publish"}
    build, test, publish = jobs["build"], jobs["test"], jobs["publish"]
    assert "python -m build" in run_lines(build)
    assert "twine check --strict" in run_lines(build)
    assert "GITHUB_REF_NAME" in run_lines(build)
    assert any(u.startswith("actions/upload-artifact@") for u in uses(build))
    assert test["needs"] == "build"
    assert 'pip install "$wheel[test]"' in run_lines(test)
    assert "COPYDESK_TEST_INSTALLED=1" in run_lines(test)
    assert set(publish["needs"]) == {"build", "test"}
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert "pypa/gh-action-pypi-publish@release/v1" in uses(publish)
    assert all("run" not in s for s in publish["steps"]), "publish only uploads"


def test_release_does_not_rebuild_when_publishing() -> None:
    """Only the build job builds: the publish job downloads what was tested."""
    jobs = load("release.yml")["jobs"]
    assert "python -m build" not in run_lines(jobs["publish"])
    assert any(u.startswith("actions/download-artifact@") for u in uses(jobs["publish"]))


def test_only_publish_may_mint_tokens() -> None:
    """The workflow's default permissions are read-only; only publish gets ``id-token``."""
    data = load("release.yml")
    assert data["permissions"] == {"contents": "read"}
    holders = [n for n, j in data["jobs"].items() if "id-token" in j.get("permissions", {})]
    assert holders == ["publish"]


def test_ci_triggers() -> None:
    """CI runs on pushes to main and on pull requests."""
    on = load("ci.yml")["on"]
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" in on


def test_ci_runs_tests_lint_types_docs_and_wheel() -> None:
    """CI runs the README's test command, ruff, mypy --strict, a -W docs build and the wheel."""
    jobs = load("ci.yml")["jobs"]
    assert 'python -m pip install -e ".[test]" && python -m pytest' in run_lines(jobs["test"])
    assert "3.10" in jobs["test"]["strategy"]["matrix"]["python"]
    lint = run_lines(jobs["lint"])
    for command in ("ruff format --check", "ruff check", "mypy --strict src"):
        assert command in lint
    assert "sphinx -W" in run_lines(jobs["docs"])
    wheel = run_lines(jobs["wheel"])
    assert "twine check --strict" in wheel
    assert "COPYDESK_TEST_INSTALLED=1" in wheel
    assert "copydesk --version" in wheel


def test_engine_tests_are_deselected_by_default_and_run_in_ci() -> None:
    """The README's test command leaves the Ray/Dask tests out unless --engines (or CI's
    variable) asks for them; .ci/run and the workflow set that variable."""
    import os
    import subprocess
    import sys

    root = WORKFLOWS.parent.parent
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    readme_command = 'python -m pip install -e ".[test]" && python -m pytest\n'
    assert ci.index("export COPYDESK_REQUIRE_ENGINES=1") < ci.index(readme_command)
    assert load("ci.yml")["env"]["COPYDESK_REQUIRE_ENGINES"] == "1"
    env = {k: v for k, v in os.environ.items() if k != "COPYDESK_REQUIRE_ENGINES"}

    def collected(*args: str) -> str:
        argv = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        done = subprocess.run(
            [*argv, "tests/test_ray.py", *args],
            cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        return done.stdout.strip().splitlines()[-1]

    assert "(4 deselected)" in collected()
    assert collected("--engines").startswith("4 tests collected")

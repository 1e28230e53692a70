"""Packaging: one version everywhere, a changelog ready for it, and a wheel with only the package.

Two checks run only in CI, where ``.ci/run`` sets the environment variables: that the tests
import the installed wheel rather than ``src/`` (``COPYDESK_TEST_INSTALLED=1``), and what
the built wheel holds (``COPYDESK_WHEEL=path/to/copydesk-….whl``).
"""

from __future__ import annotations

import os
import re
import zipfile
from email.message import Message
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest

import copydesk

ROOT = Path(__file__).resolve().parent.parent
SRC_PACKAGE = ROOT / "src" / "copydesk"

# A release heading of CHANGELOG.md: "## 0.1.0 - 2025-01-31". Bounded by the line.
RELEASE_HEADING_RE = re.compile(r"^## (\d[\w.+-]{0,40}) - (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def changelog_problem(version: str, changelog: str) -> str | None:
    """Why ``changelog`` is not ready for ``version``, or None when it is.

    A development version needs ``## Unreleased`` as the first section; a release version
    needs ``## Unreleased`` first and then its own dated heading.
    """
    headings = re.findall(r"^## .{0,80}$", changelog, re.MULTILINE)
    if not headings or headings[0] != "## Unreleased":
        return "the first section must be '## Unreleased'"
    if ".dev" in version:
        return None
    dated = [m.group(1) for m in RELEASE_HEADING_RE.finditer(changelog)]
    if not dated or dated[0] != version:
        return f"the first release heading must be '## {version} - YYYY-MM-DD'"
    return None


@pytest.mark.parametrize(
    ("version", "changelog", "ok"),
    [
        ("0.1.0.dev0", "# Changelog\n\n## Unreleased\n\n### Added\n- x\n", True),
        ("0.1.0", "## Unreleased\n\n## 0.1.0 - 2025-02-01\n\n### Added\n- x\n", True),
        ("0.2.0", "## Unreleased\n\n## 0.2.0 - 2025-05-01\n\n## 0.1.0 - 2025-02-01\n", True),
        # Negative rows: a release without its heading, a stale heading, no Unreleased on top.
        ("0.1.0", "## Unreleased\n\n### Added\n- x\n", False),
        ("0.2.0", "## Unreleased\n\n## 0.1.0 - 2025-02-01\n", False),
        ("0.1.0", "## 0.1.0 - 2025-02-01\n", False),
        ("0.1.0.dev0", "# Changelog\n\n### Added\n", False),
        ("0.1.0", "## Unreleased\n\n## 0.1.0 - unreleased\n", False),
    ],
)
def test_changelog_problem(version: str, changelog: str, ok: bool) -> None:
    """The changelog check accepts ready changelogs and names what is missing otherwise."""
    assert (changelog_problem(version, changelog) is None) == ok


def test_changelog_is_ready_for_this_version() -> None:
    """CHANGELOG.md agrees with the version in _version.py (see docs/releasing.md)."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog_problem(copydesk.__version__, text) is None


def test_version_has_a_single_source() -> None:
    """The installed distribution's version is the one in copydesk/_version.py."""
    try:
        installed = metadata.version("copydesk")
    except metadata.PackageNotFoundError:
        pytest.skip("copydesk is not installed (imported from a source path)")
    assert installed == copydesk.__version__


def test_version_is_pep440() -> None:
    """The version is a PEP 440 release or development version (negative: no 'v' prefix)."""
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+|(a|b|rc)\d+)?", copydesk.__version__)


@pytest.mark.skipif(
    not os.environ.get("COPYDESK_TEST_INSTALLED"), reason="set COPYDESK_TEST_INSTALLED=1"
)
def test_tests_import_the_installed_package() -> None:
    """When testing a wheel, copydesk comes from site-packages, not from this source tree."""
    where = Path(copydesk.__file__).resolve()
    print(f"copydesk imported from {where}")
    assert not where.is_relative_to(ROOT / "src")
    assert "site-packages" in where.parts


def wheel_path() -> Path:
    """The wheel named by COPYDESK_WHEEL, or skip."""
    name = os.environ.get("COPYDESK_WHEEL")
    if not name:
        pytest.skip("set COPYDESK_WHEEL to a built wheel to inspect it")
    return Path(name)


def wheel_metadata(wheel: zipfile.ZipFile, dist_info: str) -> Message:
    """The parsed METADATA file of the wheel."""
    return Parser().parsestr(wheel.read(f"{dist_info}/METADATA").decode("utf-8"))


def test_wheel_holds_only_the_package() -> None:
    """The wheel has the package (with py.typed, every rules file and the data files)
    and its dist-info only."""
    path = wheel_path()
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
    dist_info = f"copydesk-{copydesk.__version__}.dist-info"
    assert all(n.startswith(("copydesk/", f"{dist_info}/")) for n in names), names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    expected = {
        "copydesk/" + p.relative_to(SRC_PACKAGE).as_posix()
        for p in SRC_PACKAGE.rglob("*")
        if p.is_file() and (p.suffix in {".py", ".toml", ".bin", ".json"} or p.name == "py.typed")
    }
    assert "copydesk/py.typed" in expected
    assert expected <= set(names), sorted(expected - set(names))
    assert f"{dist_info}/licenses/LICENSE" in names


def test_wheel_metadata() -> None:
    """The wheel's metadata: README description, license, classifiers, URLs, console script."""
    path = wheel_path()
    dist_info = f"copydesk-{copydesk.__version__}.dist-info"
    with zipfile.ZipFile(path) as wheel:
        meta = wheel_metadata(wheel, dist_info)
        entry_points = wheel.read(f"{dist_info}/entry_points.txt").decode("utf-8")
    assert meta["Name"] == "copydesk"
    assert meta["Version"] == copydesk.__version__
    assert meta["License-Expression"] == "Apache-2.0"
    assert meta.get_all("License-File") == ["LICENSE"]
    assert meta["Requires-Python"] == ">=3.10"
    assert meta["Description-Content-Type"] == "text/markdown"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert str(meta.get_payload()).strip() == readme.strip()
    classifiers = meta.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert "License :: OSI Approved :: Apache Software License" not in classifiers  # PEP 639
    urls = {u.split(",")[0] for u in meta.get_all("Project-URL") or []}
    assert {"Homepage", "Documentation", "Changelog", "Issues"} <= urls
    assert re.search(r"^copydesk = copydesk\.cli:run$", entry_points, re.MULTILINE)


def test_engines_stay_in_extras_with_pinned_ranges() -> None:
    """The core needs only attrs, ftfy, langdetect and regex; each engine is an extra with an
    upper bound (their APIs churn), and the test extra pulls both so that CI tests them."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    core = {re.split(r"[<>=;\[ ]", d, maxsplit=1)[0] for d in project["dependencies"]}
    assert core == {"attrs", "ftfy", "langdetect", "numpy", "regex", "tomli"}
    extras = project["optional-dependencies"]
    for engine, spec in (("ray", "ray[data]"), ("dask", "dask[dataframe,distributed]")):
        (pin,) = [d for d in extras[engine] if d.startswith(spec)]
        assert re.search(r">=[\d.]+,<[\d.]+$", pin), pin
    assert "copydesk[ray,dask]" in extras["test"]

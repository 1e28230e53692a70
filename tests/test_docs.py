"""The documentation's examples run and its generated pages cover the code; no Sphinx needed.

Every ``>>>`` example in a fenced block of ``docs/**/*.md`` runs here with doctest, so a
plain ``python -m pytest`` checks that the docs show real output.
"""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import copydesk

from .engines import require
from .modules import load_file

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)

# A fence line of a Markdown code block: three or more backticks or tildes, then an info
# string. Bounded by the line; the info string is not used to decide whether a block runs.
FENCE_RE = re.compile(r"^(`{3,}|~{3,})(.{0,80})$")

#: Pages that teach a task, each of which must show at least one example that runs.
TASK_PAGES = ("index", "getting-started", "steps", "ledger", "custom-steps", "scaling")
#: Pages whose examples start an engine: they need these modules (see tests/engines.py).
ENGINE_PAGES = {"scaling": ("pyarrow", "pandas", "ray", "dask.dataframe", "distributed")}


def doctest_text(markdown: str) -> str:
    """Keep the lines of fenced blocks that hold ``>>>`` examples; blank every other line.

    Line numbers stay those of the page, and a closing fence never reads as expected output.
    """
    lines = markdown.split("\n")
    keep = [""] * len(lines)
    block: list[int] = []
    fence: str | None = None
    for n, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if fence is None:
            if m:
                fence, block = m.group(1), []
        elif m and line.strip() == fence:
            if any(lines[i].startswith(">>>") for i in block):
                for i in block:
                    keep[i] = lines[i]
            fence = None
        else:
            block.append(n)
    return "\n".join(keep)


def stray_prompts(markdown: str) -> list[int]:
    """Line numbers (1-based) of ``>>>`` prompts outside fenced blocks: examples that never run."""
    kept = doctest_text(markdown).split("\n")
    return [
        n + 1
        for n, line in enumerate(markdown.split("\n"))
        if line.lstrip().startswith(">>>") and not kept[n]
    ]


def load_extension() -> ModuleType:
    """Import docs/_ext/copydesk_docs.py (it needs no Sphinx)."""
    return load_file(DOCS / "_ext" / "copydesk_docs.py", "copydesk_docs")


EXT = load_extension()


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("```pycon\n>>> 1 + 1\n2\n```\n", ">>> 1 + 1\n2"),
        ("text\n~~~python\n>>> print('a')\na\n\n~~~\nafter", ">>> print('a')\na\n"),
        # Negative rows: blocks without a prompt, and prompts outside any fence, are not run.
        ("```python\nx = 1\n```\n", ""),
        (">>> 1\n2\n", ""),
        ("```pycon\n>>> 1\n1\n", ""),
    ],
)
def test_doctest_text_keeps_only_fenced_examples(markdown: str, expected: str) -> None:
    """Only fenced blocks with a prompt are kept, without their fences."""
    assert doctest_text(markdown).strip("\n") == expected.strip("\n")


@pytest.mark.parametrize(
    "page",
    [pytest.param(p, marks=[pytest.mark.engines] if p.stem in ENGINE_PAGES else []) for p in PAGES],
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_examples_run(page: Path) -> None:
    """Every ``>>>`` example of the page gives the output the page shows."""
    if page.stem in ENGINE_PAGES:
        for module in ENGINE_PAGES[page.stem]:
            require(module)
        # In a process of its own: Ray started and shut down in this process would hang
        # the next ray.init here (ray 2.60), and a hang must end in a failure, not a stall.
        code = "import sys; from tests.test_docs import run_page; sys.exit(run_page(sys.argv[1]))"
        done = subprocess.run(
            [sys.executable, "-c", code, str(page)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr[-3000:]
        return
    assert run_page(str(page)) == 0


def run_page(path: str) -> int:
    """Run the examples of the page at ``path``; print the failures, return their count."""
    page = Path(path)
    text = doctest_text(page.read_text(encoding="utf-8"))
    test = doctest.DocTestParser().get_doctest(text, {}, page.stem, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    result = runner.run(test, out=out.append)
    print("".join(out), end="")
    return result.failed


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_example_outside_a_fence(page: Path) -> None:
    """No ``>>>`` prompt sits outside a fenced block, where it would never run."""
    assert stray_prompts(page.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", TASK_PAGES)
def test_task_pages_have_examples(name: str) -> None:
    """Each task page shows at least one example that runs."""
    text = doctest_text((DOCS / f"{name}.md").read_text(encoding="utf-8"))
    assert doctest.DocTestParser().get_examples(text)


def test_toctrees_list_every_page_and_only_pages() -> None:
    """Every page is in the index's toctrees, and every toctree entry is a page."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    entries: set[str] = set()
    for block in re.findall(r"```\{toctree\}\n(.*?)```", index, re.DOTALL):
        entries.update(ln.strip() for ln in block.splitlines() if ln.strip() and ":" not in ln)
    pages = {p.relative_to(DOCS).with_suffix("").as_posix() for p in PAGES} - {"index"}
    assert entries == pages


def test_field_table_matches_article() -> None:
    """The field table of the getting-started page lists Article's fields, in order."""
    text = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \|", text, re.MULTILINE)
    assert rows == [f.name for f in attrs.fields(copydesk.Article)]


def test_build_is_offline() -> None:
    """The Sphinx configuration loads nothing from the network (no intersphinx)."""
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert "sphinx.ext.intersphinx" not in conf
    assert "intersphinx_mapping" not in conf


def test_extension_doctests() -> None:
    """The docs extension's own docstring examples hold."""
    result = doctest.testmod(EXT)
    assert result.attempted > 0
    assert result.failed == 0


def test_steps_page_names_every_step_and_rule() -> None:
    """The generated steps page has a section for every step and names every rule."""
    page = EXT.render_steps_page()
    for s in copydesk.DEFAULT.steps:
        assert f"### `{s.name}`" in page
        assert f"({EXT.anchor(s.name)})=" in page
    for rule in copydesk.DEFAULT.rule_names:
        assert f"`{rule}`" in page


def test_steps_page_shows_step_docstrings() -> None:
    """Each step's docstring is on the page, as reStructuredText for Sphinx to render."""
    page = EXT.render_steps_page()
    for s in copydesk.DEFAULT.steps:
        doc = EXT.step_doc(s)
        assert doc
        assert f"```{{eval-rst}}\n{doc}\n```" in page


def test_steps_page_lists_shipped_rules_files() -> None:
    """Every rules file in the installed package has a section on the steps page."""
    package_dir = Path(copydesk.__file__).parent
    page = EXT.render_steps_page()
    for path in EXT.rules_files(package_dir):
        assert f"### `{path.relative_to(package_dir / 'rules').as_posix()}`" in page


def test_rules_file_rendering(tmp_path: Path) -> None:
    """A rules file renders its header comment escaped, and its tables, lists and scalars."""
    rules = tmp_path / "rules" / "en"
    rules.mkdir(parents=True)
    (rules / "share.toml").write_text(
        "# Share widgets.\n# *not emphasis*\n\n"
        '[strip.share]\nphrases = ["Share this", "a`b"]\nmax = 3\n'
        "[[strip.patterns]]\nre = '^Read more: .{1,80}$'\n",
        encoding="utf-8",
    )
    page = EXT.render_rules(tmp_path)
    assert "### `en/share.toml`" in page
    assert "\\*not emphasis\\*" in page
    assert "- `phrases` (2): `Share this`, `` a`b ``" in page
    assert "- `max`: `3`" in page
    assert "- `re`: `^Read more: .{1,80}$`" in page


def test_rules_rendering_without_rules_files(tmp_path: Path) -> None:
    """A package without rules files says so instead of rendering an empty section."""
    assert "no rules files" in EXT.render_rules(tmp_path)


def test_long_lists_are_cut(tmp_path: Path) -> None:
    """A list longer than MAX_LISTED shows its first entries and the count of the rest."""
    (tmp_path / "rules").mkdir()
    words = [f"w{n}" for n in range(EXT.MAX_LISTED + 5)]
    (tmp_path / "rules" / "long.toml").write_text(f"words = {words!r}\n", encoding="utf-8")
    page = EXT.render_rules(tmp_path)
    assert f"({EXT.MAX_LISTED + 5})" in page
    assert "… and 5 more" in page
    assert f"`w{EXT.MAX_LISTED}`" not in page


def test_api_page_documents_all_public_names() -> None:
    """The generated API page has one entry for every name in copydesk.__all__."""
    page = EXT.render_api(sorted(copydesk.__all__))
    for name in copydesk.__all__:
        assert re.search(rf"^\.\. (autoclass|autofunction|data):: {re.escape(name)}$", page, re.M)


@pytest.mark.parametrize("name", ["DEFAULT", "__version__"])
def test_public_data_has_a_doc_comment(name: str) -> None:
    """Public data names carry a ``#:`` comment, so that the API page can describe them."""
    assert EXT.data_doc(Path(copydesk.__file__).parent, name)


def test_data_doc_of_unknown_name_is_empty() -> None:
    """A name assigned nowhere has no doc comment (negative case)."""
    assert EXT.data_doc(Path(copydesk.__file__).parent, "NO_SUCH_NAME") == ""

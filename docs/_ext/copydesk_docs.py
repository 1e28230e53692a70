"""Pages generated from the code at build time, so that the docs cannot drift from it.

Two markers in the Markdown sources are replaced when Sphinx reads them (``source-read``):

- ``<!-- copydesk:steps -->``: the default pipeline, step by step (name, phase, the rules
  each step owns, its docstring), then every rules file shipped in ``copydesk/rules/``.
- ``<!-- copydesk:api -->``: one autodoc entry per name in ``copydesk.__all__``.

The rendering functions need no Sphinx, so ``tests/test_docs.py`` checks them in a plain
pytest run.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

STEPS_MARKER = "<!-- copydesk:steps -->"
API_MARKER = "<!-- copydesk:api -->"

# Rules-file values longer than this are listed only in part, with the count of the rest.
MAX_LISTED = 25

_PUNCT = set("\\`*_{}[]()<>#+-.!|~$:&")


def md_escape(text: str) -> str:
    """Escape Markdown's special ASCII punctuation so that ``text`` renders as written.

    >>> md_escape("# not a *heading*")
    '\\\\# not a \\\\*heading\\\\*'
    >>> md_escape("plain words")
    'plain words'
    """
    return "".join("\\" + c if c in _PUNCT else c for c in text)


def code(value: object) -> str:
    """Render ``value`` as an inline code span that survives backticks and edge spaces.

    >>> code("By ")
    '`` By  ``'
    >>> code("x`y")
    '`` x`y ``'
    """
    text = str(value).replace("\n", "\\n")
    if "`" not in text and text == text.strip() and text:
        return f"`{text}`"
    fence = "``" if "``" not in text else "```"
    return f"{fence} {text} {fence}"


def step_doc(step: object) -> str:
    """The docstring of a step: ``doc`` of a function step, else the class docstring."""
    doc = getattr(step, "doc", None) or inspect.getdoc(type(step)) or ""
    return inspect.cleandoc(str(doc))


def render_steps(pipeline: Any) -> str:
    """Markdown for the pipeline: an overview table, then one section per step."""
    out = [
        "| # | step | phase | rules it owns |",
        "| --- | --- | --- | --- |",
    ]
    for n, step in enumerate(pipeline.steps, 1):
        rules = ", ".join(code(r) for r in step.rules) or "—"
        out.append(f"| {n} | [{code(step.name)}](#{anchor(step.name)}) | {step.phase} | {rules} |")
    out.append("")
    for step in pipeline.steps:
        out.append(f"({anchor(step.name)})=")
        out.append(f"### {code(step.name)}")
        out.append("")
        meta = f"Phase: {code(step.phase)}."
        func = getattr(step, "func", step)
        module, qualname = getattr(func, "__module__", None), getattr(func, "__qualname__", None)
        if module and qualname:
            meta += f" Code: {code(module + '.' + qualname)}."
        if step.rules:
            meta += " Rules: " + ", ".join(code(r) for r in step.rules) + "."
        out.append(meta)
        out.append("")
        doc = step_doc(step)
        if doc:
            # Docstrings are reStructuredText, as for autodoc.
            out.extend(["```{eval-rst}", doc, "```", ""])
    return "\n".join(out)


def anchor(name: str) -> str:
    """A Sphinx label for a step name (``tidy.spaces`` -> ``step-tidy-spaces``)."""
    return "step-" + "".join(c if c.isalnum() else "-" for c in name.lower())


def rules_files(package_dir: Path) -> list[Path]:
    """Every ``*.toml`` file under ``package_dir/rules``, sorted by path."""
    root = package_dir / "rules"
    return sorted(root.rglob("*.toml")) if root.is_dir() else []


def header_comment(text: str) -> str:
    """The comment block at the top of a TOML file, without the ``#`` marks.

    >>> header_comment("# Share widgets.\\n# English.\\n\\n[x]\\n# not this\\n")
    'Share widgets.\\nEnglish.'
    """
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped or lines:
                break
            continue
        lines.append(stripped[1:].removeprefix(" "))
    return "\n".join(lines).strip()


def _render_value(key: str, value: object, depth: int) -> Iterator[str]:
    pad = "  " * depth
    if isinstance(value, Mapping):
        yield f"{pad}- {code(key)}:"
        for k, v in value.items():
            yield from _render_value(str(k), v, depth + 1)
    elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        yield f"{pad}- {code(key)}: {len(value)} entries"
        for n, item in enumerate(value, 1):
            yield from _render_value(f"{key}[{n}]", item, depth + 1)
    elif isinstance(value, list):
        shown = ", ".join(code(v) for v in value[:MAX_LISTED])
        more = f" … and {len(value) - MAX_LISTED} more" if len(value) > MAX_LISTED else ""
        yield f"{pad}- {code(key)} ({len(value)}): {shown}{more}"
    else:
        yield f"{pad}- {code(key)}: {code(value)}"


def render_rules_file(path: Path, root: Path) -> str:
    """Markdown for one rules file: its header comment, then its keys and values."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    out = [f"### {code(name)}", ""]
    comment = header_comment(text)
    if comment:
        out.extend(md_escape(line) for line in comment.splitlines())
        out.append("")
    data = tomllib.loads(text)
    out.extend(line for k, v in data.items() for line in _render_value(str(k), v, 0))
    out.append("")
    return "\n".join(out)


def render_rules(package_dir: Path) -> str:
    """Markdown for every rules file shipped in the package (or a note that there is none)."""
    files = rules_files(package_dir)
    if not files:
        return "This version ships no rules files: every step above keeps its rules in code.\n"
    root = package_dir / "rules"
    return "\n".join(render_rules_file(p, root) for p in files)


def render_steps_page() -> str:
    """The generated part of the steps page, from the installed ``copydesk``."""
    import copydesk

    package_dir = Path(copydesk.__file__).parent
    return "\n".join(
        [
            "## The default pipeline, in order",
            "",
            render_steps(copydesk.DEFAULT),
            "## Rules files",
            "",
            "Rule tables are data, shipped in the package under `copydesk/rules/`:",
            "",
            render_rules(package_dir),
        ]
    )


def data_doc(package_dir: Path, name: str) -> str:
    """The ``#:`` doc comment written above ``name = ...`` in the package's modules.

    Autodoc cannot find it through a re-export in ``copydesk/__init__.py``, so it is looked up
    where the name is assigned.
    """
    assign = re.compile(rf"^((?:#:.*\n)+){re.escape(name)}\s*[:=]", re.MULTILINE)
    for path in sorted(package_dir.rglob("*.py")):
        m = assign.search(path.read_text(encoding="utf-8"))
        if m:
            return "\n".join(ln[2:].strip() for ln in m.group(1).splitlines())
    return ""


def render_api(names: Iterable[str]) -> str:
    """Autodoc directives for the public names (classes, functions and data)."""
    import copydesk

    package_dir = Path(copydesk.__file__).parent
    out = ["```{eval-rst}", ".. currentmodule:: copydesk", ""]
    for name in names:
        obj = getattr(copydesk, name)
        if inspect.isclass(obj):
            out.append(f".. autoclass:: {name}\n   :members:\n")
        elif inspect.isfunction(obj):
            out.append(f".. autofunction:: {name}\n")
        else:
            doc = data_doc(package_dir, name) or f"``{type(obj).__name__}``"
            out.append(f".. data:: {name}\n")
            out.extend("   " + line for line in doc.splitlines())
            out.append("")
    out.append("```")
    return "\n".join(out)


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    import copydesk

    if STEPS_MARKER in source[0]:
        source[0] = source[0].replace(STEPS_MARKER, render_steps_page())
        for path in rules_files(Path(copydesk.__file__).parent):
            app.env.note_dependency(str(path))
    if API_MARKER in source[0]:
        source[0] = source[0].replace(API_MARKER, render_api(sorted(copydesk.__all__)))


def setup(app: Any) -> dict[str, Any]:
    """Register the ``source-read`` hook with Sphinx."""
    app.connect("source-read", _source_read)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

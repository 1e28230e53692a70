"""Sphinx configuration: MyST Markdown pages, furo, autodoc; offline and warning-free.

Build: ``python -m sphinx -W --keep-going -b html docs docs/_build/html``. No intersphinx:
the build must not touch the network (CI has none).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

from copydesk import __version__  # noqa: E402  (needs the installed package)

project = "copydesk"
author = "The copydesk developers"
copyright = "the copydesk developers"
release = __version__
version = ".".join(__version__.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "copydesk_docs",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]

# MyST: ``(label)=`` targets and headings get anchors to link to within a page.
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"

html_theme = "furo"
html_title = f"copydesk {release}"
html_static_path: list[str] = []

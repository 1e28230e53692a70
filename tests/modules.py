"""Import a Python file that is not part of a package (a benchmark, a fuzz target, the docs'
extension) as a module of its own, for the tests that check it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_file(path: Path, name: str) -> ModuleType:
    """The file at ``path`` as the module ``name``, registered in ``sys.modules`` before it
    runs (dataclasses and attrs look their module up there)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module

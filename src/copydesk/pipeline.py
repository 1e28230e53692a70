"""Steps and pipelines: a plain ordered chain of small named callables, folded left to right.

A step is anything with a dotted ``name``, a ``phase`` (``"text"`` for whole-text repairs that
run first, ``"lines"`` for everything after the text is cut into lines), a tuple of the rule
names it owns (``rules``), and ``__call__(draft) -> draft``. Write one with :func:`step`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, Protocol, runtime_checkable

import attrs

from copydesk.draft import Draft
from copydesk.errors import PipelineError

__all__ = ["FunctionStep", "Phase", "Pipeline", "Step", "step"]

Phase = Literal["text", "lines"]


@runtime_checkable
class Step(Protocol):
    """What a pipeline step is: a named, pure, total function from Draft to Draft."""

    @property
    def name(self) -> str: ...

    @property
    def phase(self) -> Phase: ...

    @property
    def rules(self) -> tuple[str, ...]: ...

    def __call__(self, draft: Draft) -> Draft: ...


def _load_step(module: str, qualname: str) -> Any:
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


@attrs.frozen(slots=True)
class FunctionStep:
    """A step made from a plain function by :func:`step`; pickles by reference."""

    name: str
    phase: Phase
    func: Callable[[Draft], Draft] = attrs.field(repr=False)
    rules: tuple[str, ...] = ()
    doc: str = attrs.field(default="", repr=False)

    def __call__(self, draft: Draft) -> Draft:
        return self.func(draft)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_load_step, (self.func.__module__, self.func.__qualname__))


def step(
    name: str, *, phase: Phase = "lines", rules: Sequence[str] = ()
) -> Callable[[Callable[[Draft], Draft]], FunctionStep]:
    """Turn a ``Draft -> Draft`` function into a named pipeline step.

    >>> @step("demo.noop")
    ... def noop(draft):
    ...     return draft
    >>> noop.name, noop.phase
    ('demo.noop', 'lines')
    """

    def wrap(func: Callable[[Draft], Draft]) -> FunctionStep:
        # The module-level name now holds the step, which doctest does not search; list the
        # function in the module's __test__ so the examples in its docstring still run.
        module = sys.modules.get(func.__module__)
        if module is not None and func.__doc__:
            module.__dict__.setdefault("__test__", {})[func.__name__] = func
        return FunctionStep(name, phase, func, tuple(rules), (func.__doc__ or "").strip())

    return wrap


def _check(steps: tuple[Step, ...]) -> None:
    seen: set[str] = set()
    in_lines = False
    for s in steps:
        if not isinstance(s, Step):
            raise PipelineError(f"{s!r} is not a step: it needs name, phase, rules and __call__")
        if s.name in seen:
            raise PipelineError(f"step {s.name!r} appears twice in the pipeline")
        seen.add(s.name)
        if s.phase == "lines":
            in_lines = True
        elif s.phase == "text" and in_lines:
            raise PipelineError(
                f"text step {s.name!r} comes after a line step: put repair steps first"
            )
        elif s.phase != "text":
            raise PipelineError(f"step {s.name!r} has phase {s.phase!r}; use 'text' or 'lines'")


def _to_steps(steps: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(steps)


def _to_names(names: Iterable[str]) -> frozenset[str]:
    return frozenset(names)


@attrs.frozen(slots=True)
class Pipeline:
    """An immutable, ordered chain of steps, editable by step name.

    ``disabled`` holds rule names (owned by a step's ``rules``) that are switched off without
    removing the step that owns them.

    >>> from copydesk import DEFAULT
    >>> p = DEFAULT.without("tidy.glued_sentences")
    >>> "tidy.glued_sentences" in p.names, "tidy.glued_sentences" in DEFAULT.names
    (False, True)
    """

    steps: tuple[Step, ...] = attrs.field(converter=_to_steps)
    disabled: frozenset[str] = attrs.field(default=frozenset(), converter=_to_names)

    def __attrs_post_init__(self) -> None:
        _check(self.steps)

    @property
    def names(self) -> tuple[str, ...]:
        """The step names, in order."""
        return tuple(s.name for s in self.steps)

    @property
    def rule_names(self) -> tuple[str, ...]:
        """Every rule name owned by a step, in pipeline order."""
        return tuple(r for s in self.steps for r in s.rules)

    def _index(self, name: str) -> int:
        for i, s in enumerate(self.steps):
            if s.name == name:
                return i
        raise PipelineError(f"no step named {name!r}; the steps are: {', '.join(self.names)}")

    def without(self, *names: str) -> Pipeline:
        """Drop steps by name, or switch off rules by name (``strip.<rule>``)."""
        rules = set(self.rule_names)
        drop = {n for n in names if n not in rules}
        for n in drop:
            self._index(n)  # raises PipelineError naming the known steps
        steps = tuple(s for s in self.steps if s.name not in drop)
        return Pipeline(steps, self.disabled | {n for n in names if n in rules})

    def replace(self, name: str, new: Step) -> Pipeline:
        """Put ``new`` where the step called ``name`` is."""
        i = self._index(name)
        return Pipeline((*self.steps[:i], new, *self.steps[i + 1 :]), self.disabled)

    def insert_before(self, name: str, new: Step) -> Pipeline:
        """Insert ``new`` before the step called ``name``."""
        i = self._index(name)
        return Pipeline((*self.steps[:i], new, *self.steps[i:]), self.disabled)

    def insert_after(self, name: str, new: Step) -> Pipeline:
        """Insert ``new`` after the step called ``name``."""
        i = self._index(name)
        return Pipeline((*self.steps[: i + 1], new, *self.steps[i + 1 :]), self.disabled)

    def append(self, new: Step) -> Pipeline:
        """Add ``new`` at the end."""
        return Pipeline((*self.steps, new), self.disabled)

    def apply(self, draft: Draft) -> Draft:
        """Run every step on ``draft`` in order and return the final draft."""
        if self.disabled:
            draft = attrs.evolve(draft, disabled=draft.disabled | self.disabled)
        for s in self.steps:
            draft = s(draft)
        return draft

    def __call__(self, raw: str | bytes, **options: Any) -> Any:
        """Clean ``raw`` with this pipeline: the same as ``clean_article(raw, pipeline=self)``."""
        from copydesk.clean import clean_article

        return clean_article(raw, pipeline=self, **options)

    @classmethod
    def of(cls, steps: Iterable[Step]) -> Pipeline:
        """Build a pipeline from any iterable of steps."""
        return cls(tuple(steps))

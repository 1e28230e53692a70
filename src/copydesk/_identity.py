"""A small bounded cache keyed by an object's identity, for values derived from rule sets.

Rule sets are immutable but large: hashing one (every rule, every pattern) costs more than
deriving what the steps need from it (the rules left on, their names, a prefilter). So the
derived value is kept per object *identity*, with the object itself held beside it: while
cached, the object stays alive and its ``id`` cannot be reused by another.

>>> cache: IdentityCache[list[int], int] = IdentityCache(2)
>>> numbers = [1, 2, 3]
>>> cache.get(numbers, None, lambda: sum(numbers))
6
>>> numbers_again = numbers
>>> cache.get(numbers_again, None, lambda: -1)  # same object: the kept value
6
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["IdentityCache"]

K = TypeVar("K")
V = TypeVar("V")


class IdentityCache(Generic[K, V]):
    """At most ``size`` values, each for one ``(object, extra)``; the oldest leaves first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: dict[tuple[int, Hashable], tuple[K, V]] = {}

    def get(self, obj: K, extra: Hashable, build: Callable[[], V]) -> V:
        """The value kept for ``obj`` (by identity) and ``extra``, built on first use."""
        key = (id(obj), extra)
        hit = self._entries.get(key)
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = build()
        if len(self._entries) >= self.size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (obj, value)
        return value

    def __len__(self) -> int:
        return len(self._entries)

"""What a worker keeps in memory between requests: reads that their key fixes for good, such as
a register's trends as of one approval (its compared snapshots are frozen when approved, and
only a new approval, which moves ``last_approved_at``, brings others).

Kept in the process rather than in Django's cache: a kept value here is used as it is, where
the cache would pickle and unpickle thousands of rows on every request. Each value is kept for
``changes.CACHE_SECONDS``, the bound every kept read has on corrections made without history
(the demo's and the bench's back-dating).
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from typing import Generic, TypeVar

from registers.selectors.changes import CACHE_SECONDS

Value = TypeVar("Value")

_EVERY: list[Kept] = []


class Kept(Generic[Value]):
    """Values by key, each for ``CACHE_SECONDS`` from when it was kept."""

    def __init__(self) -> None:
        self._values: dict[Hashable, tuple[Value, float]] = {}
        self._next_sweep = 0.0
        _EVERY.append(self)

    def get(self, key: Hashable) -> Value | None:
        kept = self._values.get(key)
        if kept is None or kept[1] < time.monotonic():
            return None
        return kept[0]

    def keep(self, key: Hashable, value: Value) -> Value:
        now = time.monotonic()
        if now >= self._next_sweep:  # what has run out goes, at most once a keeping time
            self._values = {k: kept for k, kept in self._values.items() if kept[1] >= now}
            self._next_sweep = now + CACHE_SECONDS
        self._values[key] = (value, now + CACHE_SECONDS)
        return value


def forget_everything() -> None:
    """Drop every kept value (a test's rolled-back rows can leave ids the next test reuses)."""
    for kept in _EVERY:
        kept._values.clear()

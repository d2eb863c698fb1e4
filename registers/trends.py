"""A risk's trend in a quarter, from its register's approved snapshots: pure Python.

``New`` (on the register this quarter, not last), up, down or steady by the residual score
with the change, ``N/A`` (not on the register that quarter), or not comparable when a score
is missing. Always words first: the arrow is decoration, never the only carrier of meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["new", "up", "down", "steady", "na", "unknown"]


@dataclass(frozen=True, slots=True)
class Trend:
    direction: Direction
    change: int = 0

    @property
    def glyph(self) -> str:
        return {"up": "↑", "down": "↓", "steady": "→"}.get(self.direction, "")

    @property
    def label(self) -> str:
        """ "Up 4", "Down 2", "Steady", "New", "N/A", "Not comparable"."""
        if self.direction == "up":
            return f"Up {self.change}"
        if self.direction == "down":
            return f"Down {self.change}"
        return {"new": "New", "steady": "Steady", "na": "N/A", "unknown": "Not comparable"}[
            self.direction
        ]

    @property
    def text(self) -> str:
        """Glyph and words, for PDFs and spreadsheets: "↑ Up 4", "New"."""
        return f"{self.glyph} {self.label}" if self.glyph else self.label


NOT_ON_REGISTER = Trend("na")
NEW = Trend("new")


def trend_between(
    *, current: int | None, previous: int | None, on_now: bool = True, on_before: bool = True
) -> Trend:
    """The trend of a residual score from one quarter to the next."""
    if not on_now:
        return NOT_ON_REGISTER
    if not on_before:
        return NEW
    if current is None or previous is None:
        return Trend("unknown")
    if current > previous:
        return Trend("up", current - previous)
    if current < previous:
        return Trend("down", previous - current)
    return Trend("steady")


_QUARTER_LABEL = re.compile(r"\bq(?:uarter)?\s*([1-4])\b", re.IGNORECASE)


def imported_trend_by_quarter(imported_trend: str) -> dict[int, str]:
    """The trend an imported sheet gave in each quarter, by the quarter's number, from the
    history the import kept ("Q1: New; Q2: ↑; Q3 2025/26: →" gives {1: "New", 2: "↑",
    3: "→"}). A part whose heading names no quarter (a single trend column, "Rising") is
    left out: no quarter can be told for it."""
    found: dict[int, str] = {}
    for part in imported_trend.split(";"):
        label, colon, word = part.partition(":")
        match = _QUARTER_LABEL.search(label) if colon else None
        if match and word.strip():
            found.setdefault(int(match.group(1)), word.strip())
    return found

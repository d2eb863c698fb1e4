"""Quarters of the UK public-sector financial year (Q1 = April to June), named "2026/27 Q2".

Pure Python: no Django, so every edge is trivially testable.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

_QUARTER = re.compile(r"^\s*(\d{4})/(\d{2})\s*Q([1-4])\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(\d{4})/(\d{2})\s*$")


def _check_year(start: int, end_two_digits: int, text: str) -> None:
    if not 1900 <= start <= 2998:
        raise ValueError(f"{text!r}: choose a financial year from 1900/01 to 2998/99")
    if (start + 1) % 100 != end_two_digits:
        raise ValueError(
            f"{text!r}: a financial year runs from one year into the next, e.g. 2026/27"
        )


@dataclass(frozen=True, order=True, slots=True)
class Quarter:
    """A quarter of the financial year that starts in April of ``year``."""

    year: int
    number: int

    def __post_init__(self):
        if not 1 <= self.number <= 4:
            raise ValueError(f"a quarter is numbered 1 to 4, not {self.number}")

    @classmethod
    def containing(cls, day: date) -> Quarter:
        months_into_year = (day.month - 4) % 12
        year = day.year if day.month >= 4 else day.year - 1
        return cls(year, months_into_year // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """``"2026/27 Q2"`` (spaces and case forgiven); ``ValueError`` on anything else."""
        match = _QUARTER.match(text or "")
        if not match:
            raise ValueError(f"{text!r} is not a quarter: write it like 2026/27 Q2")
        start, end, number = int(match[1]), int(match[2]), int(match[3])
        _check_year(start, end, text)
        return cls(start, number)

    @property
    def year_label(self) -> str:
        return year_label(self.year)

    @property
    def label(self) -> str:
        return f"{self.year_label} Q{self.number}"

    def __str__(self) -> str:
        return self.label

    @property
    def start(self) -> date:
        month = 4 + 3 * (self.number - 1)
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        return self.next.start - timedelta(days=1)

    @property
    def next(self) -> Quarter:
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    @property
    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)

    def last(self, count: int) -> list[Quarter]:
        """The ``count`` quarters ending with this one, oldest first."""
        quarters = [self]
        while len(quarters) < count:
            quarters.insert(0, quarters[0].previous)
        return quarters


@functools.cache  # a handful of years, written for every row of a long list's trends
def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def parse_year(text: str) -> int:
    """``"2026/27"`` → 2026; ``ValueError`` on anything else."""
    match = _YEAR.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not a financial year: write it like 2026/27")
    _check_year(int(match[1]), int(match[2]), text)
    return int(match[1])


def quarters_of_year(year: int) -> list[Quarter]:
    return [Quarter(year, number) for number in range(1, 5)]


# A meeting in the first weeks of a quarter considers the quarter just ended
# (docs/domain.md#register-approval).
MEETING_LOOKS_BACK_DAYS = 42


def quarter_considered(day: date) -> Quarter:
    """The quarter a review meeting held on ``day`` considers: the one just ended when the
    meeting falls in the first six weeks of the next, otherwise the one ``day`` is in."""
    quarter = Quarter.containing(day)
    if (day - quarter.start).days < MEETING_LOOKS_BACK_DAYS:
        return quarter.previous
    return quarter


def approvable_quarters(day: date) -> tuple[Quarter, Quarter]:
    """The quarters an approval given on ``day`` may be for: the quarter ``day`` is in and the
    one before it (an earlier quarter's record is closed), the latest first."""
    quarter = Quarter.containing(day)
    return quarter, quarter.previous

from datetime import date, datetime, time

import pytest
from django.utils import timezone


class Clock:
    """The server's clock, stopped at 07:00 on a day the test chooses."""

    def __init__(self, monkeypatch, day: date):
        self.day(day)
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def day(self, day: date) -> None:
        self.now = timezone.make_aware(datetime.combine(day, time(7)))

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)


MONDAY = date(2026, 3, 2)


@pytest.fixture
def clock(monkeypatch):
    """A frozen clock (Monday 2 March 2026, 07:00) that a test moves day by day."""
    return Clock(monkeypatch, MONDAY)

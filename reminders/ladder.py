"""The chasing ladder: when something due is mentioned in a person's digest, and when it goes
up to the register's owner and the Insurance Manager (docs/domain.md#reminders).

Pure Python, no Django: every edge is testable without a database. A **step** is a number of
days from the date an item counts from (its due date; for something waiting, the day it began
to wait): negative before it, 0 on the day. An item is mentioned once per step, on the first
run on or after the step's day; runs in between mention nothing new, and a run that was
missed (a weekly digest, a day the server was down) mentions the latest step reached, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Ladder:
    """An organisation's reminder settings, as the rules need them.

    ``lead_days``: reminders this many days before the due date (``(30, 7, 1)``; none: no
    reminder before it);
    ``on_the_day``: a reminder on the due date itself; ``first_chase_days``: the first
    reminder after it, this many days late; ``repeat_days``: then one every so many days;
    ``register_owner_after_days`` and ``insurance_manager_after_days``: from this many days
    late the register's owner, then the Insurance Manager, are told too.
    """

    lead_days: tuple[int, ...] = (14,)
    on_the_day: bool = True
    first_chase_days: int = 7
    repeat_days: int = 14
    register_owner_after_days: int = 21
    insurance_manager_after_days: int = 42

    def __post_init__(self):
        if any(days < 1 for days in self.lead_days):
            raise ValueError("reminders before the due date are 1 or more days before it")
        if self.first_chase_days < 1 or self.repeat_days < 1:
            raise ValueError("chasing starts 1 or more days late and repeats every 1 or more")

    def step_for_due(self, *, due_on: date, today: date) -> int | None:
        """The latest step reached on ``today`` by something due on ``due_on`` (None before
        the first): each of -lead_days, 0 (on the day, if asked for), then first_chase_days
        and every repeat_days after it."""
        return self._step((today - due_on).days, before=True)

    def step_for_waiting(self, *, since: date, today: date) -> int | None:
        """The latest step reached on ``today`` by something waiting since ``since`` (a
        decision, an owner, scores, a target not met): the chasing steps only, from
        first_chase_days on. Its start was news already, or is not news at all."""
        return self._step((today - since).days, before=False)

    def _step(self, days: int, *, before: bool) -> int | None:
        if days >= self.first_chase_days:
            repeats = (days - self.first_chase_days) // self.repeat_days
            return self.first_chase_days + repeats * self.repeat_days
        if not before:
            return None
        if days >= 0 and self.on_the_day:
            return 0
        reached = [-lead for lead in self.lead_days if -lead <= days]
        return max(reached, default=None)

    def tells_register_owner(self, *, days_late: int) -> bool:
        return days_late >= self.register_owner_after_days

    def tells_insurance_manager(self, *, days_late: int) -> bool:
        return days_late >= self.insurance_manager_after_days

    @property
    def window_days(self) -> int:
        """The longest a step stays the latest: a ledger this many days deep (plus a week
        for weekly digests) holds every step that can still be the latest."""
        return max((*self.lead_days, self.first_chase_days, self.repeat_days)) + 7


def describe_due(*, days_late: int) -> str:
    """'due in 3 days', 'due today', 'overdue by 1 day'."""
    if days_late < 0:
        return f"due in {_days(-days_late)}"
    if days_late == 0:
        return "due today"
    return f"overdue by {_days(days_late)}"


def describe_waiting(*, days: int) -> str:
    return f"waiting {_days(days)}"


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"

"""When reviews and actions fall due, and when they are late: the one home of the rule
(docs/domain.md, "Reviews").

A date is late from the day after it: due today is not yet overdue. A register falls due one
review interval after its last approval; a risk one interval after its last review. Pure
Python: the models, filters, selectors and report builders ask here, and the SQL forms
(``review_overdue_q``, ``action_overdue_q`` on the models) say the same thing to the database.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def is_overdue(due: date | None, on: date) -> bool:
    """Whether something due on ``due`` is late on ``on`` (never, with no due date)."""
    return due is not None and due < on


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    next_month_first = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month_first - date.resolution).day
    return date(year, month, min(start.day, last_day))


def next_due(reviewed_on: date, interval_months: int) -> date:
    """When something reviewed (or approved) on ``reviewed_on`` is next due."""
    return add_months(reviewed_on, interval_months)


def register_review_due(last_approved_at: datetime | None, interval_months: int) -> date | None:
    """When a register approved at ``last_approved_at`` is next due for review and approval
    (None if never approved): ``Register.next_review_due``, from a ``values()`` row too."""
    if last_approved_at is None:
        return None
    return next_due(timezone.localdate(last_approved_at), interval_months)

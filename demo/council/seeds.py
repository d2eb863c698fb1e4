"""The two shorthands the demo content is written with: a control in place, a planned action."""

from __future__ import annotations

from demo.types import MitigationSeed


def control(description: str, evaluation: str = "") -> MitigationSeed:
    """A control already in place, with a short note of how well it is working."""
    return MitigationSeed(description, evaluation=evaluation)


def action(
    description: str,
    due_in_days: int,
    status: str = "open",
    cost: int | None = None,
    evaluation: str = "",
) -> MitigationSeed:
    """A planned action, due ``due_in_days`` from the load date (negative = overdue)."""
    return MitigationSeed(
        description,
        kind="action",
        status=status,
        due_in_days=due_in_days,
        cost=cost,
        evaluation=evaluation,
    )

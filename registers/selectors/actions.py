"""Reads for the action pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from registers.models import Action, ActionStatus


def action_history(*, action, limit: int = 20) -> list:
    """The action's history records, newest first, with who made each change (one query)."""
    return list(action.history.select_related("history_user").order_by("-history_date")[:limit])


@dataclass(frozen=True, slots=True)
class MitigationCost:
    """What a risk's controls and actions cost, as far as is known: the policy asks that the
    cost of mitigation not exceed its benefit (docs/domain.md#mitigation)."""

    total: Decimal
    costed: int
    uncosted: int


def mitigation_cost(actions: Iterable[Action]) -> MitigationCost:
    """The costs of a risk's controls and actions added up, from its prefetched actions; a
    cancelled one costs nothing, and those without a cost are counted, not guessed."""
    live = [a for a in actions if a.status != ActionStatus.CANCELLED]
    costs = [a.cost for a in live if a.cost is not None]
    return MitigationCost(
        total=sum(costs, Decimal(0)), costed=len(costs), uncosted=len(live) - len(costs)
    )

"""Reads for the action pages."""

from __future__ import annotations


def action_history(*, action, limit: int = 20) -> list:
    """The action's history records, newest first, with who made each change (one query)."""
    return list(action.history.select_related("history_user").order_by("-history_date")[:limit])

"""The demo council's own categories of risk, beside the policy's ten that every organisation
starts with (docs/domain.md#categories)."""

from __future__ import annotations

from demo.types import OWN_CATEGORIES
from registers.categories import category_add, category_labels
from registers.models import Organisation


def load_own_categories(*, organisation: Organisation, by) -> int:
    """Add whichever of the council's own categories it lacks, as its Insurance Manager
    (``by``) did; returns how many were added."""
    have = set(category_labels(organisation))
    added = 0
    for key, label in OWN_CATEGORIES:
        if key not in have:
            category_add(organisation=organisation, by=by, label=label, key=key)
            added += 1
    return added

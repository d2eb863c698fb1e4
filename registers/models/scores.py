"""Likelihood and impact, stored; scores, derived: the score properties every scored record
shares and the database checks on the 1..5 scale."""

from __future__ import annotations

from django.db.models import Q

from scoring import matrix


def score_in_range(field: str) -> Q:
    """The database's check on a score field: NULL (not scored) or 1..5."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


def both_or_neither(first: str, second: str) -> Q:
    """The database's check on a likelihood and impact pair: both given, or neither."""
    return Q(**{f"{first}__isnull": True, f"{second}__isnull": True}) | Q(
        **{f"{first}__isnull": False, f"{second}__isnull": False}
    )


SCORE_PAIRS = {
    "inherent": ("inherent_likelihood", "inherent_impact"),
    "residual": ("residual_likelihood", "residual_impact"),
    "target": ("target_likelihood", "target_impact"),
}


class ScoredMixin:
    """``inherent_score`` and ``residual_score`` from a row's likelihood and impact fields:
    one definition for risks and for every record that keeps a copy of their scores."""

    @property
    def inherent_score(self) -> int | None:
        return matrix.score_or_none(self.inherent_likelihood, self.inherent_impact)

    @property
    def residual_score(self) -> int | None:
        return matrix.score_or_none(self.residual_likelihood, self.residual_impact)

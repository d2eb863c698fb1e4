"""Likelihood and impact, stored; scores, derived: the score properties every scored record
shares, the database checks on the 1..5 scale, and the abstract base of the records that keep
a copy of a risk's scores (reviews, quarterly snapshots, escalation proposals)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from scoring import matrix
from scoring.models import SCORE_VALIDATORS

if TYPE_CHECKING:
    from registers.models.risk import Risk


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


# The scores a record keeps of a risk as it stood: the inherent and residual pairs.
SNAPSHOT_SCORE_FIELDS = (*SCORE_PAIRS["inherent"], *SCORE_PAIRS["residual"])


class ScoreSnapshot(ScoredMixin, models.Model):
    """A copy of a risk's inherent and residual likelihood and impact at a moment: a review,
    a quarterly snapshot, an escalation proposal.

    Copies, not references: a later rescoring of the risk or a change of scheme never rewrites
    what was reviewed, approved or proposed (docs/domain.md, section 5). The fields are declared
    once here, with the same scale and "not scored" (NULL) as the risk's own.
    """

    inherent_likelihood = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    inherent_impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    residual_likelihood = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    residual_impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )

    class Meta:
        abstract = True

    @classmethod
    def scores_of(cls, *, risk: Risk) -> dict[str, int | None]:
        """The risk's inherent and residual likelihood and impact as they stand, as field
        values for a new record: ``RiskReview(risk=risk, **RiskReview.scores_of(risk=risk))``."""
        return {name: getattr(risk, name) for name in SNAPSHOT_SCORE_FIELDS}

"""The new corporate risks proposed by members of SLT that the SLT pack lists with the other
proposed changes in section 3 (docs/domain.md#new-corporate-risks): open now, or, for a past
quarter, open at its end, with what became of them since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from common.people import person_name
from escalation.models import NewRiskProposal, ProposalStatus
from escalation.selectors import new_risks_pending
from registers.models import Register
from registers.periods import Quarter
from reports.permissions import variant_carries
from reports.snapshots import day_start
from reports.vocabulary import Rating, Ratings, short_date
from scoring import matrix


@dataclass(frozen=True, slots=True)
class PackNewRisk:
    """A new risk proposed for the corporate register, as its proposer filled it in."""

    pk: int
    title: str
    horizon: str
    owner_name: str
    proposed_by: str
    proposed_on: date
    residual: Rating
    case: str
    decided_after: str  # for a past quarter: what became of it afterwards
    exempt: bool

    @property
    def url(self) -> str:
        return reverse("escalation:new-risk-detail", kwargs={"pk": self.pk})


def _residual(proposal: NewRiskProposal, ratings: Ratings) -> Rating:
    likelihood = proposal.fields.get("residual_likelihood")
    impact = proposal.fields.get("residual_impact")
    score = matrix.score_or_none(likelihood, impact)
    band = matrix.band_for(score, ratings.bands) if score is not None else None
    return ratings.stored(
        likelihood=likelihood,
        impact=impact,
        band_key=band.key if band else "",
        band_label=band.label if band else "",
    )


def _decided_after(proposal: NewRiskProposal) -> str:
    if proposal.status == ProposalStatus.OPEN:
        return "Still awaiting decision"
    decided_on = timezone.localdate(proposal.decided_at)
    return f"{proposal.get_status_display()} on {short_date(decided_on)}"


def new_risks_awaiting(
    *,
    register: Register,
    quarter: Quarter,
    today: date,
    ratings: Ratings,
    variant: str,
) -> list[PackNewRisk]:
    """The proposed new risks for ``register`` awaiting SLT, oldest first, as ``variant``
    carries them (one exempt from publication stays out of the public version). One query."""
    open_now = quarter >= Quarter.containing(today)
    if open_now:
        proposals = new_risks_pending(register=register)
    else:
        after = day_start(quarter.next.start)
        proposals = (
            NewRiskProposal.objects.filter(register=register, proposed_at__lt=after)
            .filter(Q(status=ProposalStatus.OPEN) | Q(decided_at__gte=after))
            .select_related("proposed_by", "proposed_owner")
            .order_by("proposed_at", "pk")
        )
    return [
        PackNewRisk(
            pk=proposal.pk,
            title=proposal.title,
            horizon=proposal.get_horizon_display(),
            owner_name=person_name(proposal.proposed_owner),
            proposed_by=person_name(proposal.proposed_by),
            proposed_on=timezone.localdate(proposal.proposed_at),
            residual=_residual(proposal, ratings),
            case=proposal.case,
            decided_after="" if open_now else _decided_after(proposal),
            exempt=bool(proposal.fields.get("exempt")),
        )
        for proposal in proposals
        if variant_carries(variant, exempt=bool(proposal.fields.get("exempt")))
    ]

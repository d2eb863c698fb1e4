"""The sections of the SLT pack that come from the quarterly cycle around SLT's meeting
(docs/domain.md#the-quarterly-cycle): the Section 151 Officer's oversight, the red risks on the
registers below the corporate one, and the approval the pack records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F

from common.people import person_name
from registers.approvals import residual_rating_word
from registers.models import Organisation, Register, RegisterSnapshot, Risk, S151Review, Tier
from registers.periods import Quarter
from reports.permissions import variant_carries
from reports.vocabulary import Rating, Ratings
from scoring import matrix


@dataclass(frozen=True, slots=True)
class PackOversight:
    """The Section 151 Officer's review of the quarter, as the pack prints it."""

    signed_off: bool
    verdict: str
    comments: str
    reviewed_by: str
    reviewed_at: datetime


@dataclass(frozen=True, slots=True)
class Approval:
    """Who approved the register for the pack's quarter, and what they answered."""

    approved_at: datetime
    approved_by: str
    recorded_by: str
    decided_on: date | None
    answers: list[dict]
    without_s151_sign_off: bool


@dataclass(frozen=True, slots=True)
class LowerRedRisk:
    reference: str
    title: str
    register_name: str
    owner_name: str
    residual: Rating


@dataclass(frozen=True, slots=True)
class DirectorateReds:
    """The red risks (outside the appetite) of one directorate's registers."""

    directorate: str
    risks: list[LowerRedRisk]


def oversight(*, register: Register, quarter: Quarter) -> PackOversight | None:
    """The Section 151 Officer's latest review of ``quarter``, or None. One query."""
    review = (
        S151Review.objects.filter(register=register, year=quarter.year, quarter=quarter.number)
        .select_related("reviewed_by")
        .first()
    )
    if review is None:
        return None
    return PackOversight(
        signed_off=review.signed_off,
        verdict=review.get_verdict_display(),
        comments=review.comments,
        reviewed_by=person_name(review.reviewed_by),
        reviewed_at=review.reviewed_at,
    )


def approval(snapshot: RegisterSnapshot) -> Approval | None:
    """The approval ``snapshot`` records; None for a draft (an unsaved snapshot)."""
    if snapshot.pk is None:
        return None
    return Approval(
        approved_at=snapshot.approved_at,
        approved_by=person_name(snapshot.approved_by),
        recorded_by=person_name(snapshot.recorded_by) if snapshot.recorded_by else "",
        decided_on=snapshot.decided_on,
        answers=list(snapshot.answers or []),
        without_s151_sign_off=snapshot.without_s151_sign_off,
    )


def _lower_residual(risk: Risk, ratings: Ratings) -> Rating:
    """A lower register's risk's residual rating as it is now: its score's band, or for a risk
    rated but not scored, its rating's band and word (docs/domain.md#spreadsheets)."""
    if risk.residual_score is None:
        band = ratings.by_key[risk.imported_band]
        rated_as = residual_rating_word(risk.imported_rating) or band.label
        return ratings.stored(
            likelihood=None,
            impact=None,
            band_key=band.key,
            band_label=band.label,
            rated_as=rated_as,
        )
    band = matrix.band_for(risk.residual_score, ratings.bands)
    return Rating(risk.residual_likelihood, risk.residual_impact, band.key, band.label, band.colour)


def lower_red_risks(
    *, organisation: Organisation, ratings: Ratings, variant: str
) -> list[DirectorateReds]:
    """Open risks outside the appetite on every register below the corporate one, as they
    are now, by directorate (alphabetical), highest residual score first. One query."""
    outside = [band.key for band in ratings.bands if not band.within_appetite]
    rows = (
        Risk.objects.open()
        .filter(register__organisation=organisation)
        .exclude(register__tier=Tier.CORPORATE)
        .with_bands(ratings.bands)
        .filter(residual_band__in=outside)
        .select_related("register__directorate", "owner")
        .order_by("register__directorate__name", F("residual_rank").desc(), "reference", "pk")
    )
    grouped: dict[str, list[LowerRedRisk]] = {}
    for risk in rows:
        if not variant_carries(variant, exempt=risk.exempt):
            continue
        residual = _lower_residual(risk, ratings)
        grouped.setdefault(risk.register.directorate.name, []).append(
            LowerRedRisk(
                reference=risk.reference,
                title=risk.title,
                register_name=risk.register.name,
                owner_name=person_name(risk.owner) if risk.owner else "",
                residual=residual,
            )
        )
    return [DirectorateReds(name, risks) for name, risks in grouped.items()]

"""What a risk's page warns about: the rules of DOMAIN.md section 3, computed, never stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from registers.models import Action, Response, Risk
from scoring import matrix


@dataclass(frozen=True, slots=True)
class RiskWarning:
    code: str
    message: str


def risk_warnings(
    *,
    risk: Risk,
    bands: Sequence[matrix.Band],
    owner_seniority: int | None,
    actions: Iterable[Action],
    today: date,
) -> list[RiskWarning]:
    """Every policy rule the risk breaks today, most serious first."""
    warnings: list[RiskWarning] = []
    inherent, residual = risk.inherent_score, risk.residual_score
    if inherent is None or residual is None:
        imported = (
            f" The imported sheet rated it “{risk.imported_rating}”: a rating is not a score, "
            "so nothing was invented."
            if risk.imported_rating
            else ""
        )
        warnings.append(
            RiskWarning(
                "not_scored",
                "Not scored yet: give the inherent and residual likelihood and impact." + imported,
            )
        )
    if residual is not None:
        band = matrix.band_for(residual, bands)
        if not band.within_appetite:
            warnings.append(
                RiskWarning(
                    "outside_appetite",
                    f"The residual score ({residual}, {band.label}) is outside the risk "
                    "appetite: consider whether the mitigations are effective and adequate.",
                )
            )
    if inherent is not None and residual is not None and residual >= inherent:
        warnings.append(
            RiskWarning(
                "residual_not_below_inherent",
                f"The residual score ({residual}) is not below the inherent score ({inherent}): "
                "the mitigations are at best stopping the risk from deteriorating.",
            )
        )
    if risk.owner_id is None:
        warnings.append(RiskWarning("no_owner", "No owner: every risk needs a named owner."))
    else:
        scored = [s for s in (inherent, residual) if s is not None]
        if scored and owner_seniority is not None:
            band = matrix.band_for(max(scored), bands)
            if not matrix.owner_fits_band(owner_seniority, band):
                warnings.append(
                    RiskWarning(
                        "owner_seniority",
                        f"A {band.label} risk should be owned at "
                        f"{band.owner_seniority.label} level or above; its owner is at "
                        f"{matrix.Seniority(owner_seniority).label} level. "
                        f"{matrix.ownership_guidance(band)}",
                    )
                )
    if risk.response == Response.TOLERATE and not risk.response_rationale.strip():
        warnings.append(
            RiskWarning(
                "tolerate_without_reason",
                "Tolerated without a documented reason: the policy asks for the reason.",
            )
        )
    if not risk.response:
        warnings.append(
            RiskWarning(
                "no_response", "No response chosen: tolerate, treat, terminate or transfer."
            )
        )
    if risk.review_overdue(today):
        warnings.append(
            RiskWarning(
                "review_overdue",
                f"Review overdue: it was due on {risk.next_review_due:%-d %B %Y}.",
            )
        )
    overdue = [a for a in actions if a.is_overdue(today)]
    if overdue:
        warnings.append(
            RiskWarning(
                "action_overdue",
                f"{len(overdue)} action{'s' if len(overdue) != 1 else ''} overdue.",
            )
        )
    return warnings

"""The quarter under review in the demo: the Section 151 Officer's first look at the draft
corporate register, with concerns to resolve before SLT meets, so that the draft SLT pack
shows their comments (docs/domain.md#s151-oversight). Signing off is left to whoever tries
the demo."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model

from registers.approvals import s151_review_record
from registers.models import Organisation, OversightVerdict, Register, S151Review, Tier
from registers.periods import quarter_considered

S151_USERNAME = "s151.officer"

COMMENTS = (
    "The corporate register is broadly aligned with the Medium Term Financial Strategy. Two "
    "concerns before SLT considers it: the residual score of the budget gap does not yet "
    "reflect the in-year overspend in children's placements, and the savings plan behind the "
    "capital programme's mitigations has no owner named for its delivery. I will sign off once "
    "both are addressed or SLT has noted them."
)


def load_demo_oversight(*, organisation: Organisation, today: date) -> int:
    """Record the Section 151 Officer's concerns on the quarter under review once (when the
    quarter has no review yet); return how many reviews were created."""
    corporate = Register.objects.filter(organisation=organisation, tier=Tier.CORPORATE).first()
    officer = get_user_model().objects.filter(username=S151_USERNAME).first()
    quarter = quarter_considered(today)
    if corporate is None or officer is None:
        return 0
    if corporate.snapshots.filter(year=quarter.year, quarter=quarter.number).exists():
        return 0  # already approved: its oversight is past
    if S151Review.objects.filter(
        register=corporate, year=quarter.year, quarter=quarter.number
    ).exists():
        return 0
    s151_review_record(
        register=corporate,
        quarter=quarter,
        by=officer,
        verdict=OversightVerdict.CONCERNS,
        comments=COMMENTS,
    )
    return 1

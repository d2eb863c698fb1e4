"""The words the Insurance Manager writes for the committee report of a year: an
introduction and an opinion on the risk management process, kept with their history."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from registers.models import Organisation
from registers.services import save_with_history
from reports.models import CommitteeNarrative


@transaction.atomic
def committee_narrative_save(
    *,
    organisation: Organisation,
    year: int,
    introduction: str,
    opinion: str,
    by: AbstractBaseUser,
) -> CommitteeNarrative:
    """Write the year's introduction and opinion; the previous words stay in the history."""
    narrative = (
        CommitteeNarrative.objects.select_for_update()
        .filter(organisation=organisation, year=year)
        .first()
    ) or CommitteeNarrative(organisation=organisation, year=year)
    narrative.introduction = (introduction or "").strip()
    narrative.opinion = (opinion or "").strip()
    narrative.updated_by = by
    return save_with_history(narrative, by=by, reason="Committee report narrative edited")

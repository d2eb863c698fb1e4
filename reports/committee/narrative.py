"""The words people write for the committee report of a year, each part by its own author
(docs/domain.md#committee-report): the introduction by the Insurance Manager, Internal Audit's
independent annual opinion by Internal Audit. Both are kept with their history and saved under
optimistic locking: an edit started before someone else saved the same part is refused,
saying what they wrote; a save of the other part does not get in its way.

Rejection codes: ``not_allowed``, ``stale``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.models import Organisation
from registers.versions import StaleEdit, lock_at_version, save_next_version, save_with_history
from reports.models import CommitteeNarrative
from reports.permissions import can_write_introduction, can_write_opinion

INTRODUCTION, OPINION = "introduction", "opinion"


def committee_introduction_save(
    *, organisation: Organisation, year: int, introduction: str, version: int, by: AbstractBaseUser
) -> CommitteeNarrative:
    """Write the year's introduction, as the Insurance Manager. ``version`` is the narrative's
    version the editor started from (0 when there was none yet)."""
    return _save_part(
        organisation=organisation,
        year=year,
        part=INTRODUCTION,
        text=introduction,
        version=version,
        by=by,
        allowed=can_write_introduction,
        refusal="Only the Insurance Manager writes the committee report's introduction.",
    )


def committee_opinion_save(
    *, organisation: Organisation, year: int, opinion: str, version: int, by: AbstractBaseUser
) -> CommitteeNarrative:
    """Write the year's independent opinion, as Internal Audit. ``version`` as for the
    introduction."""
    return _save_part(
        organisation=organisation,
        year=year,
        part=OPINION,
        text=opinion,
        version=version,
        by=by,
        allowed=can_write_opinion,
        refusal="Only Internal Audit writes the independent opinion in the committee report.",
    )


@transaction.atomic
def _save_part(
    *,
    organisation: Organisation,
    year: int,
    part: str,
    text: str,
    version: int,
    by: AbstractBaseUser,
    allowed: Callable[[AbstractBaseUser], bool],
    refusal: str,
) -> CommitteeNarrative:
    if not allowed(by):
        raise ValidationError(refusal, code="not_allowed")
    narrative = _locked(organisation=organisation, year=year, part=part, version=version)
    setattr(narrative, part, (text or "").strip())
    setattr(narrative, f"{part}_by", by)
    setattr(narrative, f"{part}_at", timezone.now())
    narrative.updated_by = by
    reason = "Introduction written" if part == INTRODUCTION else "Opinion written"
    if narrative.pk is None:
        try:
            with transaction.atomic():
                return save_with_history(narrative, by=by, reason=reason)
        except IntegrityError as clash:
            # Two people wrote the year's first words at once: the other's went in first.
            raise ValidationError(
                "Someone saved this year's report words while you were writing: reload the "
                "page, then save yours again.",
                code="stale",
            ) from clash
    return save_next_version(narrative, by=by, reason=reason)


def _locked(
    *, organisation: Organisation, year: int, part: str, version: int
) -> CommitteeNarrative:
    """The year's narrative, locked, if nobody has saved ``part`` since ``version``; a new
    one when there is none yet. Raises ``StaleEdit`` when ``part`` was changed meanwhile."""
    current = (
        CommitteeNarrative.objects.filter(organisation=organisation, year=year)
        .values_list("pk", flat=True)
        .first()
    )
    if current is None:
        return CommitteeNarrative(organisation=organisation, year=year)
    try:
        return lock_at_version(CommitteeNarrative, pk=current, version=version, fields=[part])
    except StaleEdit as stale:
        narrative = stale.current  # locked by lock_at_version before it compared
        written = getattr(narrative, part)
        if version == 0 and written:
            # The editor started before there was a narrative: anything in it is new to them.
            raise StaleEdit(
                current=narrative, changes=[(part, "", written)], by=stale.changed_by
            ) from stale
        if stale.changes:
            raise
        return narrative

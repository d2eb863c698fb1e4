"""Approving a register's review, and the Section 151 Officer's oversight before SLT
approves the corporate register (docs/domain.md#register-approval, docs/domain.md#s151-oversight).

Approval is the register owner's decision, and for the corporate register SLT's (any member
in the meeting); the Insurance Manager may record that decision on the approver's behalf,
never approve in their own name. Each approval snapshots the register's open risks for the
quarter approved, with the register-level questions' answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.people import person_name
from registers import permissions
from registers.appetite import AppetiteRules, Verdict, appetite_rules
from registers.models import (
    Arrival,
    OversightVerdict,
    Register,
    RegisterSnapshot,
    Risk,
    RiskMovement,
    RiskSnapshot,
    S151Review,
    Tier,
)
from registers.periods import Quarter, approvable_quarters
from registers.review_questions import questions_for
from registers.versions import save_next_version, save_with_history
from scoring import matrix
from scoring.selectors import scheme_bands


def _checked_decider(*, register: Register, by: AbstractBaseUser, decider: AbstractBaseUser):
    """Refuse an approval in the name of someone who may not approve the register, or
    recorded for someone else by anyone but the Insurance Manager."""
    if not permissions.may_approve_register(decider, register):
        who = "a member of SLT" if register.tier == Tier.CORPORATE else "the register's owner"
        raise ValidationError(
            f"{person_name(decider)} cannot approve {register.name}: it is approved by {who}.",
            code="not_an_approver",
        )
    if decider.pk != by.pk and not permissions.can_record_approval(by, register):
        raise ValidationError(
            "Only the Insurance Manager records an approval on someone else's behalf.",
            code="not_a_recorder",
        )


def _checked_quarter(quarter: Quarter | None, *, at: datetime) -> Quarter:
    today = timezone.localdate(at)
    if quarter is None:
        return Quarter.containing(today)
    if quarter not in approvable_quarters(today):
        raise ValidationError(
            f"{quarter.label} cannot be approved now: an approval is for this quarter or the "
            "one just ended.",
            code="quarter_closed",
        )
    return quarter


def _checked_answers(register: Register, answers: Mapping[str, str] | None) -> list[dict]:
    """The tier's questions with their answers, in the policy's order; every one answered."""
    if answers is None:
        return []
    questions = questions_for(register.tier)
    unanswered = [q for q in questions if not (answers.get(q) or "").strip()]
    if unanswered:
        raise ValidationError(
            f"Answer every question about the register: {len(unanswered)} not answered.",
            code="questions_unanswered",
        )
    return [{"question": q, "answer": answers[q].strip()} for q in questions]


def s151_signed_off(*, register: Register, quarter: Quarter) -> bool:
    """Whether the Section 151 Officer signed off the register for ``quarter``. One query."""
    return S151Review.objects.filter(
        register=register,
        year=quarter.year,
        quarter=quarter.number,
        verdict=OversightVerdict.SIGNED_OFF,
    ).exists()


@transaction.atomic
def register_approve(
    *,
    register: Register,
    by: AbstractBaseUser,
    decided_by: AbstractBaseUser | None = None,
    quarter: Quarter | None = None,
    answers: Mapping[str, str] | None = None,
    decided_on: date | None = None,
    at: datetime | None = None,
) -> Register:
    """Record that the register has been reviewed and approved for ``quarter`` (default: the
    quarter ``at`` falls in), and snapshot its open risks for that quarter.

    ``decided_by`` is who approved (default ``by``): the register's owner, or for the
    corporate register a member of SLT. When ``by`` records someone else's decision (the
    Insurance Manager only), the approval is the decider's and ``by`` is kept as its
    recorder. ``answers`` maps each register-level question of the tier to its answer, all
    required when given. A corporate approval with no Section 151 sign-off for the quarter is
    recorded as such. Refuses with ``not_an_approver``, ``not_a_recorder``,
    ``quarter_closed`` or ``questions_unanswered``, writing nothing.
    """
    at = at or timezone.now()
    decider = decided_by or by
    _checked_decider(register=register, by=by, decider=decider)
    quarter = _checked_quarter(quarter, at=at)
    answered = _checked_answers(register, answers)
    register = Register.objects.select_for_update().get(pk=register.pk)
    recorder = by if by.pk != decider.pk else None
    register.last_approved_at = at
    register.last_approved_by = decider
    register.last_approval_recorded_by = recorder
    reason = "Review approved"
    if recorder is not None:
        reason = f"Approval by {person_name(decider)} recorded by {person_name(recorder)}"
    save_next_version(register, by=by, reason=reason)
    snapshot = register_snapshot_take(
        register=register,
        by=decider,
        at=at,
        quarter=quarter,
        recorded_by=recorder,
        decided_on=decided_on,
        answers=answered,
        without_s151_sign_off=register.tier == Tier.CORPORATE
        and not s151_signed_off(register=register, quarter=quarter),
    )
    register.approval_snapshot = snapshot  # for the caller: the record just made
    return register


def register_snapshot_rows(
    *,
    register: Register,
    snapshot: RegisterSnapshot,
    at: datetime,
    appetite: AppetiteRules | None = None,
) -> list[RiskSnapshot]:
    """The register's open risks as ``snapshot`` would freeze them at ``at`` (unsaved): a draft
    pack reads these, so a draft and the approved pack show the same thing. A fixed number of
    queries whatever the number of risks."""
    if appetite is not None:
        bands = tuple(appetite.bands[register.organisation_id])
    else:
        bands = scheme_bands(scheme_id=register.organisation.scheme_id)
    # The appetite in force on the day of the approval, frozen with the scores; an unsaved
    # snapshot (a draft pack's) is told which statement applied.
    if appetite is None:
        appetite = appetite_in_force(register=register, at=at, bands=bands)
        if snapshot.pk is None:
            snapshot.appetite_statement = appetite.statements[register.organisation_id]
    earlier = _previous_quarter_snapshot(register=register, quarter=snapshot.period, before=at)
    on_before = set(earlier.risks.values_list("risk_id", flat=True)) if earlier else set()
    moves_in = _moves_in(
        register=register, since=earlier.approved_at if earlier else None, until=at
    )
    return [
        _risk_snapshot(
            snapshot=snapshot,
            risk=risk,
            bands=bands,
            arrival=_arrival(risk_id=risk.pk, on_before=on_before, moves_in=moves_in),
            appetite=appetite.verdict(risk),
        )
        for risk in Risk.objects.filter(register=register).open().select_related("owner")
    ]


def register_snapshot_take(
    *,
    register: Register,
    by: AbstractBaseUser,
    at: datetime,
    quarter: Quarter | None = None,
    **approval,
) -> RegisterSnapshot:
    """Freeze the register's open risks as approved at ``at`` for ``quarter`` (default the
    quarter ``at`` falls in): scores, bands (by the scheme of the day), owner, status, and how
    each arrived since the previous quarter's snapshot (new, escalated in, de-escalated in),
    and the appetite statement in force that day with each risk's category, level, tolerance
    and whether it was outside the appetite (docs/domain.md#risk-appetite).
    ``approval`` holds the approval's other details (``recorded_by``, ``decided_on``,
    ``answers``, ``without_s151_sign_off``). A fixed number of queries whatever the number of
    risks."""
    quarter = quarter or Quarter.containing(timezone.localdate(at))
    bands = scheme_bands(scheme_id=register.organisation.scheme_id)
    appetite = appetite_in_force(register=register, at=at, bands=bands)  # the rows' too
    snapshot = RegisterSnapshot.objects.create(
        register=register,
        appetite_statement=appetite.statements[register.organisation_id],
        year=quarter.year,
        quarter=quarter.number,
        approved_at=at,
        approved_by=by,
        **approval,
    )
    RiskSnapshot.objects.bulk_create(
        register_snapshot_rows(register=register, snapshot=snapshot, at=at, appetite=appetite)
    )
    return snapshot


def appetite_in_force(
    *, register: Register, at: datetime, bands: tuple[matrix.Band, ...]
) -> AppetiteRules:
    """The appetite in force for the register's organisation on the day of ``at``. One query."""
    return appetite_rules(bands={register.organisation_id: bands}, on=timezone.localdate(at))


def _previous_quarter_snapshot(
    *, register: Register, quarter: Quarter, before: datetime
) -> RegisterSnapshot | None:
    """The register's latest snapshot of a quarter before ``quarter``, approved before
    ``before``."""
    earlier = [
        snapshot
        for snapshot in RegisterSnapshot.objects.filter(
            register=register, approved_at__lt=before, year__lte=quarter.year
        ).order_by("-year", "-quarter", "-approved_at", "-pk")
        if snapshot.period < quarter
    ]
    return earlier[0] if earlier else None


def _moves_in(
    *, register: Register, since: datetime | None, until: datetime
) -> dict[int, tuple[str, str]]:
    """The last move of each risk onto the register after ``since`` (if given) and up to
    ``until``: risk id to (movement kind, name of the register it came from)."""
    moves_in = RiskMovement.objects.filter(to_register=register, moved_at__lte=until)
    if since is not None:
        moves_in = moves_in.filter(moved_at__gt=since)
    return {
        risk_id: (kind, from_name)
        for risk_id, kind, from_name in moves_in.order_by("moved_at", "pk").values_list(
            "risk_id", "kind", "from_register__name"
        )
    }


def _arrival(
    *, risk_id: int, on_before: set[int], moves_in: dict[int, tuple[str, str]]
) -> tuple[str, str]:
    """How a risk came onto the register since the previous snapshot, and from where: blank
    when it was on that snapshot already; escalated or de-escalated in from a named register;
    otherwise new."""
    if risk_id in on_before:
        return "", ""
    kind, arrived_from = moves_in.get(risk_id, (Arrival.NEW, ""))
    if kind not in Arrival.values or kind == Arrival.NEW:
        return Arrival.NEW, ""
    return kind, arrived_from


def _risk_snapshot(
    *,
    snapshot: RegisterSnapshot,
    risk: Risk,
    bands: tuple[matrix.Band, ...],
    arrival: tuple[str, str],
    appetite: Verdict,
) -> RiskSnapshot:
    """The risk as it stands, for ``snapshot``: its scores, with their bands by ``bands``."""
    inherent = matrix.band_or_none(risk.inherent_likelihood, risk.inherent_impact, bands)
    residual = matrix.band_or_none(risk.residual_likelihood, risk.residual_impact, bands)
    rated_as = ""
    if residual is None and risk.imported_band:
        # Rated, not scored: in its rating's band, with the word it was rated with.
        residual = next((band for band in bands if band.key == risk.imported_band), None)
        rated_as = residual_rating_word(risk.imported_rating) or (
            residual.label if residual else ""
        )
    return RiskSnapshot(
        snapshot=snapshot,
        risk=risk,
        reference=risk.reference,
        title=risk.title,
        owner_name=person_name(risk.owner) if risk.owner else "",
        status=risk.status,
        exempt=risk.exempt,
        **RiskSnapshot.scores_of(risk=risk),
        target_likelihood=risk.target_likelihood,
        target_impact=risk.target_impact,
        inherent_band_key=inherent.key if inherent else "",
        inherent_band_label=inherent.label if inherent else "",
        residual_band_key=residual.key if residual else "",
        residual_band_label=residual.label if residual else "",
        residual_rated_as=rated_as if residual else "",
        imported_trend=risk.imported_trend,
        next_review_due=risk.next_review_due,
        category=risk.category,
        appetite_level=appetite.tolerance.level if appetite.tolerance else "",
        appetite_tolerance=appetite.tolerance.tolerance if appetite.tolerance else None,
        outside_appetite=appetite.outside,
        arrival=arrival[0],
        arrived_from=arrival[1],
    )


def residual_rating_word(imported_rating: str) -> str:
    """The residual rating an imported sheet gave, as written: the imported rating without
    its inherent part ("Inherent: High; Critical" gives "Critical")."""
    parts = [part.strip() for part in imported_rating.split(";")]
    return "; ".join(part for part in parts if part and not part.startswith("Inherent:"))


@transaction.atomic
def s151_review_record(
    *,
    register: Register,
    quarter: Quarter,
    by: AbstractBaseUser,
    verdict: str,
    comments: str,
    at: datetime | None = None,
) -> S151Review:
    """The Section 151 Officer's comments on the corporate register for ``quarter`` and their
    sign-off or concerns. A second review of the quarter replaces the first, which its history
    keeps. Refuses with ``not_corporate`` or ``comments_required``."""
    if register.tier != Tier.CORPORATE:
        raise ValidationError(
            "The Section 151 Officer oversees the corporate register only.", code="not_corporate"
        )
    if not (comments or "").strip():
        raise ValidationError(
            "Write your comments: SLT reads them in the pack.", code="comments_required"
        )
    review = (
        S151Review.objects.select_for_update()
        .filter(register=register, year=quarter.year, quarter=quarter.number)
        .first()
    ) or S151Review(register=register, year=quarter.year, quarter=quarter.number)
    review.verdict, review.comments = verdict, comments.strip()
    review.reviewed_by, review.reviewed_at = by, at or timezone.now()
    label = OversightVerdict(verdict).label if verdict in OversightVerdict.values else verdict
    return save_with_history(review, by=by, reason=f"Section 151 review: {label}")

"""Reads for escalation: the checklist for a risk and its answers, the queues, a risk's
escalation record, and the registers a risk may be de-escalated to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from common.people import person_name
from escalation import checklist as rules
from escalation.models import (
    Challenge,
    ChallengeStatus,
    Checklist,
    NewRiskProposal,
    Notification,
    Proposal,
    ProposalKind,
    ProposalStatus,
)
from escalation.permissions import visible_new_risks, visible_proposals
from registers import roles
from registers.due import add_months
from registers.models import (
    SNAPSHOT_SCORE_FIELDS,
    Register,
    RegisterSnapshot,
    Risk,
    RiskMovement,
    RiskSnapshot,
    Tier,
)
from registers.permissions import is_insurance_manager, is_read_only, role_names
from scoring import matrix
from scoring.selectors import scheme_bands

# "Within the next quarter": the product reads it as within three months of today.
NEXT_QUARTER_MONTHS = 3


def checklist_for(*, receiving: Register) -> Checklist:
    """The checklist for escalating into ``receiving``, its factors prefetched."""
    return Checklist.objects.prefetch_related("factors").get(receiving_tier=receiving.tier)


def factor_specs(checklist: Checklist) -> list[rules.FactorSpec]:
    return [rules.FactorSpec(f.number, f.wording, f.rule) for f in checklist.factors.all()]


def risk_scores(risk: Risk) -> rules.RiskScores:
    return rules.RiskScores(
        residual_likelihood=risk.residual_likelihood,
        residual_impact=risk.residual_impact,
        target_likelihood=risk.target_likelihood,
        target_impact=risk.target_impact,
        target_date=risk.target_date,
    )


def next_quarter_end(today: date) -> date:
    return add_months(today, NEXT_QUARTER_MONTHS)


def evaluate_risk(
    *,
    risk: Risk,
    checklist: Checklist,
    bands: tuple[matrix.Band, ...],
    today: date | None = None,
    ticks: Mapping[int, str] | None = None,
) -> rules.Evaluation:
    """The checklist answered for ``risk`` as it stands, with a person's ``ticks``."""
    today = today or timezone.localdate()
    return rules.evaluate(
        factor_specs(checklist),
        scores=risk_scores(risk),
        bands=bands,
        horizon_end=next_quarter_end(today),
        recommend_at=checklist.recommend_at,
        ticks=ticks,
    )


def _with_people(proposals: QuerySet[Proposal], *, decided: bool = True) -> QuerySet[Proposal]:
    """The proposals with their risk, registers and people joined; ``decided=False`` for
    lists of open proposals, which no one has decided yet. Each table joined costs
    PostgreSQL's planner more than the one before: this query joins eight, and its decider
    took the planning of the home page's list from 3.4 ms to 10.9 (the rows take 0.5 ms)."""
    people = ("proposed_by", "decided_by") if decided else ("proposed_by",)
    return proposals.select_related(
        "risk",
        "risk__owner",
        "from_register",
        "to_register",
        "to_register__directorate",
        *people,
    )


def proposal_for_page(*, pk: int) -> Proposal:
    """A proposal with what its page names (raises ``DoesNotExist``)."""
    return (
        _with_people(Proposal.objects.all())
        .select_related("risk__register", "to_register__organisation", "to_register__owner")
        .get(pk=pk)
    )


def queue(
    *,
    user: AbstractBaseUser,
    status: str = ProposalStatus.OPEN,
    tier: str = "",
    directorate_id: int | None = None,
) -> QuerySet[Proposal]:
    """The proposals ``user`` may see, filtered: open ones first by default, oldest first so
    nothing waits longest unseen; decided ones newest first."""
    proposals = visible_proposals(user)
    if status:
        proposals = proposals.filter(status=status)
    if tier:
        proposals = proposals.filter(to_register__tier=tier)
    if directorate_id:
        proposals = proposals.filter(
            Q(from_register__directorate_id=directorate_id)
            | Q(to_register__directorate_id=directorate_id)
        )
    order = ["proposed_at", "pk"] if status == ProposalStatus.OPEN else ["-proposed_at", "-pk"]
    return _with_people(proposals, decided=status != ProposalStatus.OPEN).order_by(*order)


def proposals_for_slt(*, organisation_id: int) -> QuerySet[Proposal]:
    """Open proposals to the corporate register: the escalations the Insurance Manager
    collates for SLT's next quarterly review, oldest first."""
    return _with_people(
        Proposal.objects.filter(
            kind=ProposalKind.ESCALATION,
            status=ProposalStatus.OPEN,
            to_register__tier=Tier.CORPORATE,
            to_register__organisation_id=organisation_id,
        ),
        decided=False,
    ).order_by("proposed_at", "pk")


def closure_proposals_pending(*, register: Register) -> QuerySet[Proposal]:
    """Open proposals to close risks on ``register`` (the corporate register), oldest first:
    the changes SLT decides at its next meeting, with the risk, its owner and the proposer
    (docs/domain.md#closing-a-corporate-risk)."""
    return _with_people(
        Proposal.objects.filter(
            kind=ProposalKind.CLOSURE, status=ProposalStatus.OPEN, to_register=register
        ),
        decided=False,
    ).order_by("proposed_at", "pk")


def new_risks_for_queue(
    *, user: AbstractBaseUser, status: str = ProposalStatus.OPEN, tier: str = ""
) -> QuerySet[NewRiskProposal]:
    """The proposed new corporate risks ``user`` may see, for the queue, filtered as the
    proposals are (a directorate-only filter lists none: they are all for the corporate
    register)."""
    if tier and tier != Tier.CORPORATE:
        return NewRiskProposal.objects.none()
    proposals = visible_new_risks(user)
    if status:
        proposals = proposals.filter(status=status)
    order = ["proposed_at", "pk"] if status == ProposalStatus.OPEN else ["-proposed_at", "-pk"]
    return proposals.select_related("proposed_by", "proposed_owner", "decided_by").order_by(*order)


def new_risks_pending(*, register: Register) -> QuerySet[NewRiskProposal]:
    """Open proposals of new risks for ``register`` (the corporate register), oldest first:
    changes SLT decides at its next meeting (docs/domain.md#new-corporate-risks)."""
    return (
        NewRiskProposal.objects.filter(status=ProposalStatus.OPEN, register=register)
        .select_related("proposed_by", "proposed_owner")
        .order_by("proposed_at", "pk")
    )


@dataclass(frozen=True)
class ScoreChange:
    """A corporate risk whose scores changed since SLT last approved the register: a change
    for SLT to agree at its next meeting, beside the scores it approved."""

    risk: Risk
    approved: RiskSnapshot  # the risk as SLT last approved it
    approved_at: datetime
    changed_by: str  # who last changed the risk since
    changed_at: datetime | None


def score_changes_pending(*, register: Register) -> list[ScoreChange]:
    """The open risks on ``register`` (the corporate register) whose inherent or residual
    likelihood or impact differ from the register's last approved snapshot, by reference:
    what their owners changed between SLT's meetings, for the draft SLT pack's proposed
    changes (docs/domain.md#closing-a-corporate-risk). Four queries at most."""
    latest = (
        RegisterSnapshot.objects.filter(register=register).order_by("-approved_at", "-pk").first()
    )
    if latest is None:
        return []
    approved = {row.risk_id: row for row in latest.risks.all()}
    risks = (
        Risk.objects.open()
        .filter(register=register, pk__in=list(approved))
        .select_related("owner")
        .order_by("reference")
    )
    changed = [
        risk
        for risk in risks
        if any(getattr(risk, f) != getattr(approved[risk.pk], f) for f in SNAPSHOT_SCORE_FIELDS)
    ]
    last_edit = {}
    edits = (
        Risk.history.filter(
            id__in=[risk.pk for risk in changed], history_date__gt=latest.approved_at
        )
        .select_related("history_user")
        .order_by("id", "-history_date")
    )
    for edit in edits:
        last_edit.setdefault(edit.id, edit)
    return [
        ScoreChange(
            risk=risk,
            approved=approved[risk.pk],
            approved_at=latest.approved_at,
            changed_by=person_name(last_edit[risk.pk].history_user)
            if risk.pk in last_edit and last_edit[risk.pk].history_user
            else "",
            changed_at=last_edit[risk.pk].history_date if risk.pk in last_edit else None,
        )
        for risk in changed
    ]


def awaiting_decision(*, user: AbstractBaseUser, limit: int = 50) -> list[Proposal]:
    """Open proposals ``user`` may decide, oldest first: into registers they own and, for
    SLT and the Insurance Manager, into (or closures on) their organisation's corporate
    register, except closures of their own risks."""
    if not user.is_authenticated or is_read_only(user):
        return []
    rule = Q(to_register__owner=user)
    profile = getattr(user, "profile", None)
    if profile and (roles.SLT in role_names(user) or is_insurance_manager(user)):
        rule |= Q(
            to_register__tier=Tier.CORPORATE,
            to_register__organisation_id=profile.organisation_id,
        )
    # A risk's owner never decides the closure of their own risk, even on SLT.
    own_closures = Q(kind=ProposalKind.CLOSURE, risk__owner=user)
    waiting = Proposal.objects.filter(rule, status=ProposalStatus.OPEN).exclude(own_closures)
    return list(_with_people(waiting, decided=False).order_by("proposed_at", "pk")[:limit])


@dataclass
class RiskEscalation:
    """A risk's escalation record for its page."""

    open_proposal: Proposal | None
    proposals: list[Proposal]
    movements: list[RiskMovement]
    receiving: Register | None


def risk_escalation(*, risk: Risk) -> RiskEscalation:
    """The risk's proposals and register movements, newest first, in three queries."""
    proposals = list(
        Proposal.objects.filter(risk=risk).select_related(
            "from_register", "to_register", "proposed_by", "decided_by"
        )
    )
    movements = list(
        risk.movements.select_related("from_register", "to_register", "moved_by").order_by(
            "-moved_at", "-pk"
        )
    )
    return RiskEscalation(
        open_proposal=next((p for p in proposals if p.is_open), None),
        proposals=proposals,
        movements=movements,
        receiving=risk.register.escalates_to if risk.is_open else None,
    )


@dataclass(frozen=True, slots=True)
class EscalationEvent:
    """An escalation step in the shape of a risk history entry."""

    when: object
    who: str
    reason: str
    kind: str = "Escalation"
    changes: tuple = ()


def risk_escalation_events(escalation: RiskEscalation) -> list[EscalationEvent]:
    """Proposals made and decided, for the risk's history (moves are in it already)."""
    events = []
    for proposal in escalation.proposals:
        if proposal.is_closure:
            events.extend(_closure_events(proposal))
            continue
        events.append(
            EscalationEvent(
                when=proposal.proposed_at,
                who=person_name(proposal.proposed_by),
                reason=f"Proposed escalation to {proposal.to_register} "
                f"({proposal.factors_held} of {len(proposal.answers)} factors hold)",
            )
        )
        if proposal.status in (ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN):
            events.append(
                EscalationEvent(
                    when=proposal.decided_at,
                    who=person_name(proposal.decided_by),
                    reason=f"Escalation to {proposal.to_register} "
                    f"{proposal.get_status_display().lower()}: {proposal.decision_reason}",
                )
            )
    return events


def _closure_events(proposal: Proposal) -> list[EscalationEvent]:
    """A closure proposal made and, when not accepted, its outcome (an accepted one shows as
    the risk's closing)."""
    events = [
        EscalationEvent(
            when=proposal.proposed_at,
            who=person_name(proposal.proposed_by),
            reason=f"Proposed closing it: {proposal.case}",
            kind="Closure proposal",
        )
    ]
    if proposal.status in (ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN):
        events.append(
            EscalationEvent(
                when=proposal.decided_at,
                who=person_name(proposal.decided_by),
                reason=f"Closure {proposal.get_status_display().lower()}: "
                f"{proposal.decision_reason}",
                kind="Closure proposal",
            )
        )
    return events


def de_escalation_targets(*, risk: Risk) -> list[Register]:
    """The registers below the risk's register it may go back to: for a directorate register
    its service and project registers; for the corporate register every other register of
    the organisation. The register it came up from is first."""
    register = risk.register
    if register.tier == Tier.DIRECTORATE:
        below = Register.objects.filter(
            directorate_id=register.directorate_id, tier__in=[Tier.SERVICE, Tier.PROJECT]
        )
    elif register.tier == Tier.CORPORATE:
        below = Register.objects.filter(organisation_id=register.organisation_id).exclude(
            tier=Tier.CORPORATE
        )
    else:
        return []
    targets = list(below.filter(closed_at__isnull=True).order_by("tier", "name"))
    came_from = came_from_register_id(risk=risk)
    targets.sort(key=lambda target: (target.pk != came_from, target.tier != Tier.DIRECTORATE))
    return targets


def came_from_register_id(*, risk: Risk) -> int | None:
    """The register the risk was last escalated from onto the register it is on."""
    return (
        RiskMovement.objects.filter(risk=risk, to_register_id=risk.register_id)
        .order_by("-moved_at", "-pk")
        .values_list("from_register_id", flat=True)
        .first()
    )


def unread_count(*, user: AbstractBaseUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(*, user: AbstractBaseUser, limit: int = 100) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user)[:limit])


def bands_for(risk: Risk) -> tuple[matrix.Band, ...]:
    return scheme_bands(scheme_id=risk.register.organisation.scheme_id)


def challenge_for_page(*, pk: int) -> Challenge:
    """A challenge with its risk, its register and the people it names, in one query."""
    return Challenge.objects.select_related(
        "risk__register__owner",
        "risk__register__organisation",
        "risk__owner",
        "raised_by",
        "answered_by",
    ).get(pk=pk)


def risk_challenges(*, risk: Risk) -> list[Challenge]:
    """A risk's challenges, newest first, with who raised and answered them (one query)."""
    return list(risk.challenges.select_related("raised_by", "answered_by"))


def risk_challenge_events(challenges: list[Challenge]) -> list[EscalationEvent]:
    """Challenges raised and answered, for the risk's history (a re-scoring is in it already,
    as an edit of the risk saying which challenge it answered)."""
    events = []
    for challenge in challenges:
        events.append(
            EscalationEvent(
                when=challenge.raised_at,
                who=person_name(challenge.raised_by),
                reason=f"Challenged the assessment (suggested residual "
                f"{challenge.suggested_residual_score}): {challenge.reason}",
                kind="Challenge",
            )
        )
        if challenge.status == ChallengeStatus.KEPT:
            events.append(
                EscalationEvent(
                    when=challenge.answered_at,
                    who=person_name(challenge.answered_by),
                    reason=f"Kept the assessment: {challenge.answer}",
                    kind="Challenge",
                )
            )
    return events

"""The parts of the SLT pack read beside the register's snapshot: each risk's controls and
actions as they are now, the risks that went off the register, the escalations awaiting SLT,
and the figures the summary and the overdue section count from the pack's risks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.db.models import Prefetch, Q
from django.utils import timezone

from common.people import person_name
from escalation.models import Proposal, ProposalKind, ProposalStatus
from escalation.selectors import closure_proposals_pending, proposals_for_slt
from registers.categories import with_category_labels
from registers.models import (
    ACTIVE_ACTION_STATUSES,
    Action,
    ActionKind,
    ActionStatus,
    Arrival,
    MovementKind,
    Organisation,
    Register,
    Risk,
    RiskMovement,
    Tier,
)
from registers.periods import Quarter
from reports.packs.document import (
    Movement,
    OverdueAction,
    PackAction,
    PackProposal,
    PackRisk,
    Rescore,
)
from reports.snapshots import day_start
from reports.vocabulary import Departure, Ratings, short_date

# Controls and actions, as they are when the pack is generated ---------------------------------


def current_risks(risk_ids: Iterable[int]) -> dict[int, Risk]:
    """The risks as they are now, with their category's label and their controls and actions
    (and their owners)."""
    actions = Action.objects.select_related("owner").order_by("kind", "due_date", "pk")
    risks = with_category_labels(Risk.objects.filter(pk__in=list(risk_ids))).prefetch_related(
        Prefetch("actions", queryset=actions)
    )
    return {risk.pk: risk for risk in risks}


def _pack_action(action: Action, today: date) -> PackAction:
    return PackAction(
        description=action.description,
        owner_name=person_name(action.owner) if action.owner else "",
        due_date=action.due_date,
        status_label=action.get_status_display(),
        completed_on=action.completed_on,
        overdue=action.is_overdue(today),
        evaluation=action.evaluation_notes.strip(),
        cost=action.cost,
        **_control_rating(action),
    )


def _control_rating(action: Action) -> dict:
    """A control's type, rating and key flag for the pack; nothing for a planned action."""
    if action.kind != ActionKind.CONTROL:
        return {}
    return {
        "control_type_label": action.get_control_type_display(),
        "effectiveness_label": action.get_effectiveness_display(),
        "key_control": action.key_control,
    }


def shown_actions(
    *, risk: Risk, quarter: Quarter, today: date
) -> tuple[list[PackAction], list[PackAction]]:
    """The risk's controls in place, and its planned actions that are under way or were
    completed since the quarter began (cancelled ones and older completions are left out)."""
    controls, actions = [], []
    for action in risk.actions.all():
        if action.status == ActionStatus.CANCELLED:
            continue
        if action.kind == ActionKind.CONTROL:
            controls.append(_pack_action(action, today))
        elif action.status in ACTIVE_ACTION_STATUSES or (
            action.completed_on and action.completed_on >= quarter.start
        ):
            actions.append(_pack_action(action, today))
    return controls, actions


# What changed since the previous quarter ------------------------------------------------------


def departures(
    *, register: Register, since: datetime, until: datetime, rows_before: dict
) -> list[Departure]:
    """Risks closed, removed or de-escalated from the register after ``since`` up to
    ``until``: the same window the snapshot's arrivals are read from, so nothing falls
    between two packs."""
    moves = (
        RiskMovement.objects.filter(
            from_register=register,
            kind__in=[MovementKind.REMOVED, MovementKind.DE_ESCALATED, MovementKind.MOVED],
            moved_at__gt=since,
            moved_at__lte=until,
        )
        .select_related("risk", "to_register", "moved_by")
        .order_by("moved_at", "pk")
    )
    found = []
    for move in moves:
        before = rows_before.get(move.risk_id)
        found.append(
            Departure(
                risk_id=move.risk_id,
                reference=move.risk.reference,
                title=before.title if before else move.risk.title,
                kind=move.kind,
                destination=str(move.to_register) if move.to_register else "",
                reason=move.reason,
                moved_on=timezone.localdate(move.moved_at),
                moved_by=person_name(move.moved_by),
                exempt=move.risk.exempt or bool(before and before.exempt),
            )
        )
    return found


def rescores(*, risks: list[PackRisk], rows_before: dict, ratings: Ratings) -> list[Rescore]:
    """Risks on the register in both quarters whose inherent or residual score changed."""
    changes = []
    for pack_risk in risks:
        before = rows_before.get(pack_risk.risk_id)
        if before is None:
            continue
        change = Rescore(
            reference=pack_risk.reference,
            title=pack_risk.title,
            inherent_before=ratings.inherent(before),
            inherent_after=pack_risk.inherent,
            residual_before=ratings.residual(before),
            residual_after=pack_risk.residual,
            exempt=pack_risk.exempt,
        )
        if change.inherent_changed or change.residual_changed:
            changes.append(change)
    return sorted(changes, key=lambda change: change.reference)


def movement(*, risks: list[PackRisk], departed: list[Departure]) -> Movement:
    """The summary's movement since the previous quarter: arrivals, departures, and the
    direction of each risk's residual score."""
    directions = [pack_risk.trend.direction for pack_risk in risks]
    arrivals = [pack_risk.arrival for pack_risk in risks]
    kinds = [departure.kind for departure in departed]
    return Movement(
        new=arrivals.count(Arrival.NEW),
        escalated_in=arrivals.count(Arrival.ESCALATED),
        closed=kinds.count(MovementKind.REMOVED),
        de_escalated=kinds.count(MovementKind.DE_ESCALATED),
        up=directions.count("up"),
        down=directions.count("down"),
        steady=directions.count("steady"),
        not_comparable=directions.count("unknown"),
    )


# Escalations awaiting SLT ---------------------------------------------------------------------


def proposals_awaiting(
    *,
    organisation: Organisation,
    quarter: Quarter,
    today: date,
    kind: str = ProposalKind.ESCALATION,
    corporate: Register | None = None,
) -> tuple[list[Proposal], bool]:
    """Proposals of ``kind`` awaiting SLT (escalations to the corporate register, or closures
    of risks on ``corporate``, the corporate register), and whether they are those open now
    (the current quarter) rather than those open at the end of a past quarter (decided
    afterwards or still open). One query."""
    if quarter >= Quarter.containing(today):
        if kind == ProposalKind.CLOSURE:
            return list(closure_proposals_pending(register=corporate)), True
        return list(proposals_for_slt(organisation_id=organisation.pk)), True
    after = day_start(quarter.next.start)
    proposals = (
        Proposal.objects.filter(
            kind=kind,
            to_register__organisation=organisation,
            to_register__tier=Tier.CORPORATE,
            proposed_at__lt=after,
        )
        .filter(Q(status=ProposalStatus.OPEN) | Q(decided_at__gte=after))
        .select_related("risk", "from_register", "proposed_by")
        .order_by("proposed_at", "pk")
    )
    return list(proposals), False


def _decided_after(proposal: Proposal) -> str:
    if proposal.status == ProposalStatus.OPEN:
        return "Still awaiting decision"
    decided_on = timezone.localdate(proposal.decided_at)
    return f"{proposal.get_status_display()} on {short_date(decided_on)}"


def pack_proposal(proposal: Proposal, *, ratings: Ratings, open_now: bool) -> PackProposal:
    """An escalation as section 4 lists it; for a past quarter, with what became of it."""
    return PackProposal(
        pk=proposal.pk,
        reference=proposal.risk.reference,
        title=proposal.risk.title,
        from_register=str(proposal.from_register),
        proposed_by=person_name(proposal.proposed_by),
        proposed_on=timezone.localdate(proposal.proposed_at),
        residual=ratings.residual(proposal),
        factors_held=proposal.factors_held,
        recommend_at=proposal.recommend_at,
        case=proposal.case,
        decided_after="" if open_now else _decided_after(proposal),
        exempt=proposal.risk.exempt,
    )


# Overdue --------------------------------------------------------------------------------------


def overdue_actions(*, risks: list[PackRisk], today: date) -> list[OverdueAction]:
    """The planned actions on the pack's risks that are overdue today, longest due first."""
    overdue = [
        OverdueAction(
            reference=pack_risk.reference,
            risk_title=pack_risk.title,
            description=action.description,
            owner_name=action.owner_name,
            due_date=action.due_date,
            status_label=action.status_label,
            days_overdue=(today - action.due_date).days,
        )
        for pack_risk in risks
        for action in pack_risk.actions
        if action.overdue
    ]
    return sorted(overdue, key=lambda action: (action.due_date, action.reference))

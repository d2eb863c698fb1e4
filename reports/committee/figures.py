"""How well the risk management process ran in the year, for the committee report: the
quarterly approvals, reviews on time, planned actions completed and overdue, and the
escalations to the corporate register with their outcome (docs/domain.md, "Reviews")."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from common.people import person_name
from escalation.models import Proposal, ProposalStatus
from registers import due
from registers.models import (
    ACTIVE_ACTION_STATUSES,
    Action,
    ActionKind,
    ActionStatus,
    RegisterSnapshot,
    RiskSnapshot,
)
from registers.periods import Quarter
from reports.committee.document import (
    APPROVED,
    IN_PROGRESS,
    MISSED,
    NOT_STARTED,
    ActionFigures,
    EscalationOutcome,
    QuarterApproval,
    ReviewTimeliness,
)
from reports.vocabulary import long_date


def quarter_state(
    *, quarter: Quarter, snapshots: dict[Quarter, RegisterSnapshot], today: date
) -> QuarterApproval:
    """Whether SLT approved the corporate register in ``quarter`` (and when, by whom), missed
    it, or the quarter is under way or still to come."""
    snapshot = snapshots.get(quarter)
    if snapshot is not None:
        return QuarterApproval(
            quarter=quarter,
            state=APPROVED,
            approved_on=timezone.localdate(snapshot.approved_at),
            approved_by=person_name(snapshot.approved_by),
        )
    if quarter.end < today:
        return QuarterApproval(quarter=quarter, state=MISSED)
    if quarter.start <= today:
        return QuarterApproval(quarter=quarter, state=IN_PROGRESS)
    return QuarterApproval(quarter=quarter, state=NOT_STARTED)


def reviews(
    *,
    rows_by_quarter: dict[Quarter, list[RiskSnapshot]],
    snapshots: dict[Quarter, RegisterSnapshot],
) -> tuple[list[ReviewTimeliness], ReviewTimeliness]:
    """Over each approved snapshot of the year: the risks whose next review was not yet
    overdue when the register was approved (on time), already overdue (late), or never set
    (``registers.due``: a review is late from the day after its date)."""
    per_quarter = []
    for quarter, rows in rows_by_quarter.items():
        approved_on = timezone.localdate(snapshots[quarter].approved_at)
        dated = [row.next_review_due for row in rows if row.next_review_due is not None]
        late = sum(1 for review_due in dated if due.is_overdue(review_due, approved_on))
        per_quarter.append(
            ReviewTimeliness(
                label=f"Q{quarter.number}, approved {long_date(approved_on)}",
                risks=len(rows),
                on_time=len(dated) - late,
                late=late,
                no_date=len(rows) - len(dated),
            )
        )
    total = ReviewTimeliness(
        label="The year",
        risks=sum(r.risks for r in per_quarter),
        on_time=sum(r.on_time for r in per_quarter),
        late=sum(r.late for r in per_quarter),
        no_date=sum(r.no_date for r in per_quarter),
    )
    return per_quarter, total


def action_figures(
    *, risk_ids: list[int], quarters: list[Quarter], as_at: date, year_over: bool
) -> ActionFigures:
    """The planned actions on ``risk_ids`` completed in the year (by their due date, after
    it, or with none) and overdue at the year's end (today while the year runs). One query."""
    year_start, year_end = quarters[0].start, quarters[-1].end
    # Overdue at the year's end: due before it closed and not done by then (an action finished
    # after the year end was still overdue at it). While the year runs: overdue today. The
    # rule is ``registers.due.is_overdue`` (late from the day after the due date), said here
    # in SQL so the count is one query: due before the cutoff day means overdue on it.
    cutoff = year_end + timedelta(days=1) if year_over else as_at
    completed = Q(
        status=ActionStatus.DONE, completed_on__gte=year_start, completed_on__lte=year_end
    )
    overdue = Q(due_date__lt=cutoff) & (
        Q(status__in=ACTIVE_ACTION_STATUSES) | Q(status=ActionStatus.DONE, completed_on__gte=cutoff)
    )
    figures = Action.objects.filter(risk_id__in=risk_ids, kind=ActionKind.ACTION).aggregate(
        completed=Count("pk", filter=completed),
        by_due=Count("pk", filter=completed & Q(completed_on__lte=F("due_date"))),
        late=Count("pk", filter=completed & Q(completed_on__gt=F("due_date"))),
        undated=Count("pk", filter=completed & Q(due_date__isnull=True)),
        overdue=Count("pk", filter=overdue),
    )
    return ActionFigures(
        completed=figures["completed"],
        completed_by_due_date=figures["by_due"],
        completed_late=figures["late"],
        completed_without_due_date=figures["undated"],
        overdue=figures["overdue"],
    )


def escalation_outcome(proposal: Proposal, *, exempt: bool) -> EscalationOutcome:
    """A proposal of the year to escalate a risk to the corporate register, as decided."""
    return EscalationOutcome(
        risk_id=proposal.risk_id,
        reference=proposal.risk.reference,
        title=proposal.risk.title,
        from_register=proposal.from_register.name,
        proposed_on=timezone.localdate(proposal.proposed_at),
        status=proposal.status,
        status_label=proposal.get_status_display(),
        decided_on=timezone.localdate(proposal.decided_at) if proposal.decided_at else None,
        reason=proposal.decision_reason,
        exempt=exempt,
    )


def escalation_counts(escalations: list[EscalationOutcome]) -> list[tuple[str, str, int]]:
    """How many escalations were accepted, declined, withdrawn and are awaiting decision."""
    return [
        (status, label, sum(1 for e in escalations if e.status == status))
        for status, label in (
            (ProposalStatus.ACCEPTED, "Accepted"),
            (ProposalStatus.DECLINED, "Declined"),
            (ProposalStatus.WITHDRAWN, "Withdrawn"),
            (ProposalStatus.OPEN, "Awaiting decision"),
        )
    ]

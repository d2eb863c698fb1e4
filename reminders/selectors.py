"""What is due for whom in an organisation on a day, read in a fixed number of queries
whatever the number of risks, actions and people (docs/domain.md#reminders).

Each item goes to the person whose it is, who may see it by the rules of
``registers/permissions.py`` (a risk's owner sees the risk; an action's owner sees its risk; a
register's owner the register; an escalation's decider the proposal) and, once it has stayed
overdue long enough, to the register's owner and the Insurance Manager, who see the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from common.people import person_name
from escalation.models import Proposal, ProposalStatus
from registers import roles
from registers.models import (
    ACTIVE_ACTION_STATUSES,
    Action,
    Organisation,
    Register,
    Risk,
    RiskStatus,
)
from reminders.ladder import Ladder, describe_due, describe_waiting
from reminders.models import Because, ReminderKind

# The kinds that fall due and, left overdue, go up the ladder to the register's owner and the
# Insurance Manager; the others are waiting on someone (a decision, an owner, scores, a target).
DUE_KINDS = (ReminderKind.RISK_REVIEW, ReminderKind.REGISTER_REVIEW, ReminderKind.ACTION)


@dataclass(frozen=True, slots=True)
class Item:
    """Something due or waiting, at the step of the ladder it has reached today."""

    kind: str
    object_id: int
    due_on: date
    step: int
    days: int  # from due_on to today: negative before it
    owner_id: int  # whose it is
    register_owner_id: int
    line: str
    url: str
    owner_note: str = ""  # "owner Jane Smith", for those it reaches up the ladder

    @property
    def key(self) -> tuple[str, int, date, int]:
        return (self.kind, self.object_id, self.due_on, self.step)


@dataclass(frozen=True, slots=True)
class Entry:
    """One item for one person, and why they are told."""

    recipient_id: int
    because: str
    item: Item


def people(*, organisation: Organisation) -> dict[int, object]:
    """The organisation's active people by id, with their digest choice (one query)."""
    users = get_user_model().objects.filter(is_active=True, profile__organisation=organisation)
    return {user.pk: user for user in users.select_related("digest_preference")}


def insurance_manager_ids(*, organisation: Organisation) -> list[int]:
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name=roles.INSURANCE_MANAGER,
            profile__organisation=organisation,
        )
        .values_list("pk", flat=True)
    )


def due_entries(
    *, organisation: Organisation, ladder: Ladder, today: date, active: set[int]
) -> list[Entry]:
    """Every item due, overdue or waiting in the organisation that has reached a step of the
    ladder today, once for each person to tell. ``active``: the ids of the people who can be
    told; an item whose owner is not among them goes to the register's owner."""
    horizon = today + timedelta(days=max(ladder.lead_days, default=0))
    items = [
        *_risk_items(organisation=organisation, ladder=ladder, today=today, horizon=horizon),
        *_action_items(organisation=organisation, ladder=ladder, today=today, horizon=horizon),
        *_register_items(organisation=organisation, ladder=ladder, today=today),
        *_proposal_items(organisation=organisation, ladder=ladder, today=today),
    ]
    managers = insurance_manager_ids(organisation=organisation)
    entries = []
    for item in items:
        owner = item.owner_id if item.owner_id in active else item.register_owner_id
        told = {owner: Because.THEIRS}
        if item.kind in DUE_KINDS and ladder.tells_register_owner(days_late=item.days):
            told.setdefault(item.register_owner_id, Because.REGISTER_OWNER)
        if item.kind in DUE_KINDS and ladder.tells_insurance_manager(days_late=item.days):
            for manager in managers:
                told.setdefault(manager, Because.INSURANCE_MANAGER)
        entries.extend(
            Entry(recipient_id=person, because=because, item=item)
            for person, because in told.items()
            if person in active
        )
    return entries


def _risk_label(risk: Risk) -> str:
    return _one_line(f"{risk.reference} {risk.title} ({risk.register.name})")


def _owned_by(risk: Risk) -> str:
    return f"owner {person_name(risk.owner)}" if risk.owner else "no owner"


def _risk_items(*, organisation, ladder: Ladder, today: date, horizon: date):
    """Risk reviews, targets passed and not met, risks with no owner or not scored: one
    query."""
    risks = (
        Risk.objects.filter(register__organisation=organisation, status=RiskStatus.OPEN)
        .filter(
            Q(next_review_due__lte=horizon)
            | Q(target_date__lt=today)
            | Q(owner__isnull=True)
            | Q(inherent_likelihood__isnull=True)
            | Q(residual_likelihood__isnull=True)
        )
        .select_related("register", "owner")
        .order_by("reference")
    )
    for risk in risks:
        common = {
            "object_id": risk.pk,
            "owner_id": risk.owner_id or risk.register.owner_id,
            "register_owner_id": risk.register.owner_id,
            "url": risk.get_absolute_url(),
        }
        label = _risk_label(risk)
        if (
            risk.next_review_due
            and (step := ladder.step_for_due(due_on=risk.next_review_due, today=today)) is not None
        ):
            days = (today - risk.next_review_due).days
            yield Item(
                kind=ReminderKind.RISK_REVIEW,
                due_on=risk.next_review_due,
                step=step,
                days=days,
                line=f"{label}: review {describe_due(days_late=days)} "
                f"({_on(risk.next_review_due)})",
                owner_note=_owned_by(risk),
                **common,
            )
        yield from _waiting_risk_items(risk, label=label, common=common, ladder=ladder, today=today)


def _waiting_risk_items(risk: Risk, *, label: str, common: dict, ladder: Ladder, today: date):
    """A target passed and not met; no owner; no scores: each waits from its own date."""
    target, residual = risk.target_score, risk.residual_score
    waiting = []
    if risk.target_date and risk.target_date < today and (residual is None or residual > target):
        score = f"residual {residual}" if residual is not None else "residual not scored"
        waiting.append(
            (
                ReminderKind.TARGET,
                risk.target_date,
                f"target score {target} by {_on(risk.target_date)} not met ({score})",
            )
        )
    created = timezone.localdate(risk.created_at)
    if risk.owner_id is None:
        waiting.append((ReminderKind.NO_OWNER, created, "has no owner"))
    if risk.inherent_likelihood is None or risk.residual_likelihood is None:
        missing = [
            name for name in ("inherent", "residual") if getattr(risk, f"{name}_likelihood") is None
        ]
        waiting.append(
            (ReminderKind.NOT_SCORED, created, f"{' and '.join(missing)} score not given")
        )
    for kind, since, what in waiting:
        step = ladder.step_for_waiting(since=since, today=today)
        if step is not None:
            days = (today - since).days
            yield Item(
                kind=kind,
                due_on=since,
                step=step,
                days=days,
                line=f"{label}: {what}, {describe_waiting(days=days)}",
                **common,
            )


def _action_items(*, organisation, ladder: Ladder, today: date, horizon: date):
    actions = (
        Action.objects.filter(
            risk__register__organisation=organisation,
            risk__status=RiskStatus.OPEN,
            status__in=ACTIVE_ACTION_STATUSES,
            due_date__lte=horizon,
        )
        .select_related("risk__register", "risk__owner", "owner")
        .order_by("due_date", "pk")
    )
    for action in actions:
        step = ladder.step_for_due(due_on=action.due_date, today=today)
        if step is None:
            continue
        days = (today - action.due_date).days
        risk = action.risk
        who = f"owner {person_name(action.owner)}" if action.owner else "no owner"
        yield Item(
            kind=ReminderKind.ACTION,
            object_id=action.pk,
            due_on=action.due_date,
            step=step,
            days=days,
            owner_id=action.owner_id or risk.owner_id or risk.register.owner_id,
            register_owner_id=risk.register.owner_id,
            line=f"Action on {_risk_label(risk)}: {_short(action.description)}: "
            f"{describe_due(days_late=days)} ({_on(action.due_date)})",
            owner_note=who,
            url=f"{risk.get_absolute_url()}#action-{action.pk}",
        )


def _register_items(*, organisation, ladder: Ladder, today: date):
    registers = (
        Register.objects.filter(
            organisation=organisation, last_approved_at__isnull=False, closed_at__isnull=True
        )
        .select_related("owner")
        .order_by("name")
    )
    for register in registers:
        due_on = register.next_review_due
        step = ladder.step_for_due(due_on=due_on, today=today)
        if step is None:
            continue
        days = (today - due_on).days
        yield Item(
            kind=ReminderKind.REGISTER_REVIEW,
            object_id=register.pk,
            due_on=due_on,
            step=step,
            days=days,
            owner_id=register.owner_id,
            register_owner_id=register.owner_id,
            line=f"{_one_line(register.name)}: review and approval {describe_due(days_late=days)} "
            f"({_on(due_on)})",
            owner_note=f"owner {person_name(register.owner)}",
            url=register.get_absolute_url(),
        )


def _proposal_items(*, organisation, ladder: Ladder, today: date):
    proposals = Proposal.objects.filter(
        status=ProposalStatus.OPEN, to_register__organisation=organisation
    ).select_related("risk", "to_register")
    for proposal in proposals:
        since = timezone.localdate(proposal.proposed_at)
        step = ladder.step_for_waiting(since=since, today=today)
        if step is None:
            continue
        days = (today - since).days
        yield Item(
            kind=ReminderKind.PROPOSAL,
            object_id=proposal.pk,
            due_on=since,
            step=step,
            days=days,
            owner_id=proposal.to_register.owner_id,
            register_owner_id=proposal.to_register.owner_id,
            line=_one_line(
                f"Escalation of {proposal.risk.reference} {proposal.risk.title} to "
                f"{proposal.to_register.name}: waiting for a decision, "
                f"{describe_waiting(days=days)}"
            ),
            url=proposal.get_absolute_url(),
        )


def _on(day: date) -> str:
    return date_format(day, "j M Y")


def _one_line(text: str) -> str:
    # A line of a digest and a notification's subject: a title can hold line breaks (a
    # spreadsheet cell often does), an email header cannot.
    return " ".join(text.split())


def _short(text: str, limit: int = 80) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

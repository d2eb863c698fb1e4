"""Every change to a risk writes exactly one history row, naming who made it and why.

Three parts:

- every service (and the views that matter) that writes a tracked model adds exactly one
  history row per object it changes, with ``history_user`` the acting person and the change
  reason the service sets, and none on the objects it does not change;
- a static guard: no ``QuerySet.update()``, ``bulk_update()`` or ``bulk_create()`` on a
  tracked model outside the history-aware helpers (they write rows without history);
- those helpers (``registers.history``) keep the history consistent with the rows.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone

from common.people import person_name
from escalation.challenges import challenge_answer, challenge_raise
from escalation.closures import corporate_risk_close
from escalation.models import Challenge, NewRiskProposal, Proposal, ProposalStatus
from escalation.new_risks import corporate_risk_add, new_risk_decide, new_risk_propose
from escalation.services import (
    proposal_create,
    proposal_decide,
    proposal_withdraw,
    risk_de_escalate,
)
from registers.appetite_services import appetite_approve, appetite_draft_save, appetite_draft_start
from registers.approvals import s151_review_record
from registers.assurance import assurance_record
from registers.categories import (
    category_add,
    category_move,
    category_rename,
    category_set_active,
)
from registers.history import history_aware_update, history_redate
from registers.imports.apply import apply_plan
from registers.lifecycle import register_close, register_open
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    AppetiteLine,
    AppetiteStatement,
    Assurance,
    Kind,
    Portfolio,
    Register,
    Risk,
    RiskCategory,
    S151Review,
)
from registers.periods import Quarter
from registers.review_questions import questions_for
from registers.services import (
    action_complete,
    action_create,
    action_update,
    portfolio_save,
    register_approve,
    register_update,
    risk_close,
    risk_create,
    risk_report_accept,
    risk_report_submit,
    risk_review_record,
    risk_update,
)
from reminders.models import ReminderSettings
from reminders.services import reminder_settings_for, reminder_settings_update
from scoring.matrix import COVENTRY
from tests.factories import ActionFactory, RiskFactory
from tests.registers.test_import import SCORED_HEADINGS, plan_for, scored_row

ROOT = Path(__file__).resolve().parent.parent

# Escalation: two judged factors ticked; with a red residual (factor 1) three hold.
TICKS = {2: "A statutory duty is at stake", 3: "Needs the directorate's budget"}


def tracked_models() -> list[type]:
    """Every model django-simple-history records."""
    return [
        model
        for model in apps.get_models()
        if getattr(model._meta, "simple_history_manager_attribute", None)
    ]


# Part 1: one history row per change, naming its author


@dataclass
class Expected:
    """What one operation must leave in the history: for each tracked model, the objects it
    changed with the change reason of each; no other object of any tracked model has a new
    row. ``type`` is the history type each row must have ("+" created, "~" changed)."""

    actor: object
    rows: dict[type, dict[int, tuple[str, str]]] = field(default_factory=dict)


def history_marks() -> dict[type, int]:
    return {
        model: model.history.aggregate(last=Max("history_id"))["last"] or 0
        for model in tracked_models()
    }


def rows_since(marks: dict[type, int]) -> dict[type, list]:
    return {
        model: list(model.history.filter(history_id__gt=mark).order_by("history_id"))
        for model, mark in marks.items()
    }


def service_risk(org, **fields) -> Risk:
    return RiskFactory(
        **{
            "register": org.service_register,
            "owner": org.people["officer"],
            "inherent_likelihood": 4,
            "inherent_impact": 4,
            "residual_likelihood": 4,
            "residual_impact": 4,
            **fields,
        }
    )


def directorate_risk(org) -> Risk:
    return service_risk(org, register=org.directorate_register, owner=org.people["director"])


def proposed(org) -> Proposal:
    return proposal_create(risk=service_risk(org), by=org.people["head"], ticks=TICKS)


def op_risk_create(org):
    def run():
        risk = risk_create(
            register=org.service_register,
            by=org.people["officer"],
            title="Care home closures",
            event="If providers leave the market",
            consequence="residents must move",
            impact="resulting in harm",
            category="customers_citizens",
            owner=org.people["officer"],
        )
        return Expected(org.people["officer"], {Risk: {risk.pk: ("+", "Risk raised")}})

    return run


def op_risk_update(org):
    risk = service_risk(org)

    def run():
        risk_update(risk=risk, by=org.people["head"], version=1, changes={"title": "Renamed"})
        return Expected(org.people["head"], {Risk: {risk.pk: ("~", "Edited")}})

    return run


def op_risk_close(org):
    risk = service_risk(org)

    def run():
        risk_close(risk=risk, by=org.people["head"], reason="Contract ended")
        return Expected(org.people["head"], {Risk: {risk.pk: ("~", "Closed: Contract ended")}})

    return run


def op_risk_review(org):
    risk = service_risk(org)

    def run():
        answers = {q: "Yes" for q in questions_for(org.service_register.tier)}
        risk_review_record(risk=risk, by=org.people["officer"], answers=answers, bands=COVENTRY)
        return Expected(org.people["officer"], {Risk: {risk.pk: ("~", "Reviewed")}})

    return run


def op_risk_review_no_change(org):
    risk = service_risk(org)

    def run():
        risk_review_record(
            risk=risk, by=org.people["head"], answers=None, bands=COVENTRY, seen_version=1
        )
        return Expected(org.people["head"], {Risk: {risk.pk: ("~", "Reviewed: no change")}})

    return run


def op_reminder_settings_update(org):
    settings = reminder_settings_for(organisation=org.organisation)

    def run():
        reminder_settings_update(
            settings=settings, by=org.people["insurance"], version=1, repeat_days=10
        )
        return Expected(
            org.people["insurance"],
            {ReminderSettings: {settings.pk: ("~", "Reminder settings changed")}},
        )

    return run


def op_risk_report_accept(org):
    report = risk_report_submit(
        register=org.service_register,
        by=org.people["officer"],
        title="Legionella in day centre",
        event="If water systems are not flushed",
        consequence="legionella may grow",
        impact="resulting in illness",
        category="customers_citizens",
    )

    def run():
        accepted = risk_report_accept(
            report=report, by=org.people["head"], owner=org.people["officer"]
        )
        return Expected(org.people["head"], {Risk: {accepted.risk_id: ("+", "Risk raised")}})

    return run


def op_action_create(org):
    risk = service_risk(org)

    def run():
        action = action_create(
            risk=risk, by=org.people["officer"], kind=ActionKind.ACTION, description="Train"
        )
        return Expected(org.people["officer"], {Action: {action.pk: ("+", "Added")}})

    return run


def op_action_update(org):
    action = ActionFactory(risk=service_risk(org))

    def run():
        action_update(
            action=action, by=org.people["head"], version=1, status=ActionStatus.IN_PROGRESS
        )
        return Expected(org.people["head"], {Action: {action.pk: ("~", "Edited")}})

    return run


def op_action_complete(org):
    action = ActionFactory(risk=service_risk(org))

    def run():
        action_complete(action=action, by=org.people["officer"], evaluation="Worked")
        return Expected(org.people["officer"], {Action: {action.pk: ("~", "Completed")}})

    return run


def op_assurance_record(org):
    control = ActionFactory(risk=service_risk(org), kind=ActionKind.CONTROL)

    def run():
        assurance = assurance_record(
            control=control,
            by=org.people["audit"],
            line="third",
            source="IA-2026-14",
            given_on=timezone.localdate(),
            conclusion="Operating as intended.",
        )
        return Expected(org.people["audit"], {Assurance: {assurance.pk: ("+", "Recorded")}})

    return run


def op_register_update(org):
    def run():
        register_update(
            register=org.service_register,
            by=org.people["head"],
            version=1,
            review_interval_months=6,
        )
        return Expected(
            org.people["head"], {Register: {org.service_register.pk: ("~", "Settings changed")}}
        )

    return run


def op_register_approve(org):
    service_risk(org)

    def run():
        register_approve(register=org.service_register, by=org.people["head"])
        return Expected(
            org.people["head"], {Register: {org.service_register.pk: ("~", "Review approved")}}
        )

    return run


def op_register_approve_recorded(org):
    service_risk(org)

    def run():
        register_approve(
            register=org.service_register, by=org.people["insurance"], decided_by=org.people["head"]
        )
        reason = (
            f"Approval by {person_name(org.people['head'])} recorded by "
            f"{person_name(org.people['insurance'])}"
        )
        return Expected(
            org.people["insurance"], {Register: {org.service_register.pk: ("~", reason)}}
        )

    return run


def op_s151_review_record(org):
    quarter = Quarter.containing(timezone.localdate())

    def run():
        first = s151_review_record(
            register=org.corporate,
            quarter=quarter,
            by=org.people["s151"],
            verdict="concerns",
            comments="Savings at risk.",
        )
        return Expected(
            org.people["s151"],
            {S151Review: {first.pk: ("+", "Section 151 review: Concerns raised")}},
        )

    return run


def op_proposal_create(org):
    risk = service_risk(org)

    def run():
        proposal = proposal_create(risk=risk, by=org.people["head"], ticks=TICKS)
        return Expected(org.people["head"], {Proposal: {proposal.pk: ("+", "Proposed")}})

    return run


def op_proposal_accept(org):
    proposal = proposed(org)

    def run():
        proposal_decide(proposal=proposal, by=org.people["director"], accept=True)
        reason = (
            f"Escalated from {org.service_register} to {org.directorate_register}: accepted by "
            f"{person_name(org.people['director'])}"
        )
        return Expected(
            org.people["director"],
            {
                Risk: {proposal.risk_id: ("~", reason)},
                Proposal: {proposal.pk: ("~", "Accepted")},
            },
        )

    return run


def op_proposal_decline(org):
    proposal = proposed(org)

    def run():
        proposal_decide(
            proposal=proposal, by=org.people["director"], accept=False, reason="Service copes"
        )
        return Expected(org.people["director"], {Proposal: {proposal.pk: ("~", "Declined")}})

    return run


def op_proposal_withdraw(org):
    proposal = proposed(org)

    def run():
        proposal_withdraw(proposal=proposal, by=org.people["head"], reason="Resolved")
        return Expected(org.people["head"], {Proposal: {proposal.pk: ("~", "Withdrawn")}})

    return run


def op_de_escalate(org):
    risk = directorate_risk(org)

    def run():
        risk_de_escalate(
            risk=risk, to_register=org.service_register, by=org.people["director"], reason="Held"
        )
        reason = f"De-escalated from {org.directorate_register} to {org.service_register}: Held"
        return Expected(org.people["director"], {Risk: {risk.pk: ("~", reason)}})

    return run


def _challenged(org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    return challenge_raise(
        risk=risk,
        by=org.people["director"],
        reason="Likelier than scored",
        suggested={"suggested_residual_likelihood": 4, "suggested_residual_impact": 4},
    )


def op_challenge_raise(org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])

    def run():
        challenge = challenge_raise(
            risk=risk,
            by=org.people["director"],
            reason="Likelier than scored",
            suggested={"suggested_residual_likelihood": 4, "suggested_residual_impact": 4},
        )
        return Expected(org.people["director"], {Challenge: {challenge.pk: ("+", "Raised")}})

    return run


def op_challenge_rescore(org):
    challenge = _challenged(org)
    scores = dict(
        inherent_likelihood=5, inherent_impact=4, residual_likelihood=4, residual_impact=4
    )

    def run():
        challenge_answer(
            challenge=challenge, by=org.people["head"], rescore=True, answer="", scores=scores
        )
        reason = f"Re-scored on the challenge by {person_name(org.people['director'])}"
        return Expected(
            org.people["head"],
            {
                Challenge: {challenge.pk: ("~", "Re-scored")},
                Risk: {challenge.risk_id: ("~", reason)},
            },
        )

    return run


def op_challenge_keep(org):
    challenge = _challenged(org)

    def run():
        challenge_answer(challenge=challenge, by=org.people["officer"], rescore=False, answer="No")
        return Expected(
            org.people["officer"], {Challenge: {challenge.pk: ("~", "Assessment kept")}}
        )

    return run


def op_register_open(org):
    def run():
        register = register_open(
            directorate=org.directorate,
            kind=Kind.PARTNERSHIP,
            name="Safeguarding partnership",
            prefix="PSHP-SG",
            owner=org.people["director"],
            by=org.people["insurance"],
        )
        return Expected(
            org.people["insurance"],
            {Register: {register.pk: ("+", "Opened as a partnership of People")}},
        )

    return run


def op_register_close(org):
    """Closing writes one row for the register and one for each risk it moves or closes."""
    register = org.project_register
    moved = RiskFactory(register=register)
    closed = RiskFactory(register=register)

    moved_reason = f"Moved to {org.service_register.name}: {register.name} was closed"

    def run():
        register_close(
            register=register,
            by=org.people["director"],
            reason="Done",
            destinations={moved.pk: org.service_register, closed.pk: None},
        )
        return Expected(
            org.people["director"],
            {
                Register: {register.pk: ("~", "Closed: Done")},
                Risk: {
                    moved.pk: ("~", moved_reason),
                    closed.pk: ("~", "Closed: Its register was closed: Done"),
                },
            },
        )

    return run


def op_import(org):
    """An import that updates one risk, leaves one as it was and creates one, with controls:
    one row for each risk and each control it changes or adds, none for the unchanged risk."""
    register = org.corporate
    chief = org.people["chief"]
    first = plan_for(
        register, [SCORED_HEADINGS, scored_row("CRR-90", "Old title"), scored_row("CRR-91", "Same")]
    )
    apply_plan(plan=first, register=register, by=org.people["insurance"], filename="q2.xlsx")
    changed, same = Risk.objects.get(reference="CRR-90"), Risk.objects.get(reference="CRR-91")
    plan = plan_for(
        register,
        [
            SCORED_HEADINGS,
            scored_row("CRR-90", "New title", Controls="Weekly calls"),
            scored_row("CRR-91", "Same"),
            scored_row("CRR-92", "Flooding of the depot"),
        ],
    )
    assert plan.ok, plan.problems

    def run():
        apply_plan(plan=plan, register=register, by=chief, filename="q3.xlsx")
        reason = f"Imported from q3.xlsx by {person_name(chief)}"
        created = Risk.objects.get(reference="CRR-92")
        control = Action.objects.get(risk=changed)
        assert same.history.count() == 1
        return Expected(
            chief,
            {
                Risk: {changed.pk: ("~", reason), created.pk: ("+", reason)},
                Action: {control.pk: ("+", "Added")},
            },
        )

    return run


def _new_risk_proposed(org) -> NewRiskProposal:
    from tests.escalation.test_new_risks import fields

    return new_risk_propose(
        register=org.corporate, by=org.people["chief"], fields=fields(org), case="On the horizon"
    )


def op_new_risk_propose(org):
    from tests.escalation.test_new_risks import fields

    def run():
        proposal = new_risk_propose(
            register=org.corporate, by=org.people["chief"], fields=fields(org), case="Why"
        )
        return Expected(
            org.people["chief"],
            {NewRiskProposal: {proposal.pk: ("+", "New corporate risk proposed")}},
        )

    return run


def op_new_risk_accept(org):
    proposal = _new_risk_proposed(org)
    insurance = org.people["insurance"]

    def run():
        decided = new_risk_decide(proposal=proposal, by=insurance, accept=True)
        reason = (
            f"Added by SLT's decision: proposed by {person_name(org.people['chief'])}, accepted "
            f"by the Strategic Leadership Team (recorded by {person_name(insurance)})"
        )
        return Expected(
            insurance,
            {
                Risk: {decided.risk_id: ("+", reason)},
                NewRiskProposal: {proposal.pk: ("~", "New risk accepted")},
            },
        )

    return run


def op_new_risk_decline(org):
    proposal = _new_risk_proposed(org)

    def run():
        new_risk_decide(proposal=proposal, by=org.people["insurance"], accept=False, reason="No")
        return Expected(
            org.people["insurance"], {NewRiskProposal: {proposal.pk: ("~", "New risk declined")}}
        )

    return run


def op_corporate_risk_add(org):
    from tests.escalation.test_new_risks import fields

    def run():
        risk = corporate_risk_add(
            register=org.corporate, by=org.people["chief"], fields=fields(org)
        )
        return Expected(org.people["chief"], {Risk: {risk.pk: ("+", "Risk raised")}})

    return run


def op_corporate_risk_close(org):
    risk = service_risk(org, register=org.corporate, owner=org.people["director"])

    def run():
        corporate_risk_close(risk=risk, by=org.people["chief"], reason="Agreed by SLT")
        return Expected(org.people["chief"], {Risk: {risk.pk: ("~", "Closed: Agreed by SLT")}})

    return run


def op_category_add(org):
    def run():
        made = category_add(
            organisation=org.organisation, by=org.people["insurance"], label="Design"
        )
        return Expected(org.people["insurance"], {RiskCategory: {made.pk: ("+", "Category added")}})

    return run


def op_category_rename(org):
    finance = RiskCategory.objects.get(organisation=org.organisation, key="finance")

    def run():
        category_rename(category=finance, by=org.people["insurance"], label="Money")
        return Expected(
            org.people["insurance"], {RiskCategory: {finance.pk: ("~", "Renamed from Finance")}}
        )

    return run


def op_category_move(org):
    first, second = RiskCategory.objects.filter(organisation=org.organisation)[:2]

    def run():
        category_move(category=second, by=org.people["insurance"], up=True)
        return Expected(
            org.people["insurance"],
            {RiskCategory: {first.pk: ("~", "Reordered"), second.pk: ("~", "Reordered")}},
        )

    return run


def op_category_retire(org):
    people = RiskCategory.objects.get(organisation=org.organisation, key="people")

    def run():
        category_set_active(category=people, by=org.people["insurance"], active=False)
        return Expected(org.people["insurance"], {RiskCategory: {people.pk: ("~", "Retired")}})

    return run


def _appetite_levels():
    from registers.appetite import ensure_appetite_levels

    return {level.key: level for level in ensure_appetite_levels()}


def _appetite_approved(org):
    """A first statement, Finance at Cautious 9, approved by SLT."""
    levels = _appetite_levels()
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary="",
        lines={"finance": (levels["cautious"], 9)},
    )
    return appetite_approve(
        statement=draft,
        by=org.people["chief"],
        decided_on=timezone.localdate() - timedelta(days=30),
    )


def op_appetite_draft_start(org):
    first = _appetite_approved(org)

    def run():
        draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
        [line] = draft.lines.all()
        reason = f"Drafted from version {first.version}"
        return Expected(
            org.people["insurance"],
            {AppetiteStatement: {draft.pk: ("+", reason)}, AppetiteLine: {line.pk: ("+", reason)}},
        )

    return run


def op_appetite_draft_save(org):
    _appetite_approved(org)
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    [finance] = draft.lines.all()
    levels = _appetite_levels()

    def run():
        appetite_draft_save(
            statement=draft,
            by=org.people["insurance"],
            summary="Cautious with money.",
            lines={"finance": (levels["open"], 12), "people": (levels["open"], 12)},
        )
        people = draft.lines.get(category="people")
        return Expected(
            org.people["insurance"],
            {
                AppetiteStatement: {draft.pk: ("~", "Edited")},
                AppetiteLine: {finance.pk: ("~", "Edited"), people.pk: ("+", "Edited")},
            },
        )

    return run


def op_appetite_approve_recorded(org):
    first = _appetite_approved(org)
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])

    def run():
        appetite_approve(
            statement=draft,
            by=org.people["insurance"],
            decided_by=org.people["chief"],
            decided_on=timezone.localdate(),
        )
        chief, insurance = (person_name(org.people[k]) for k in ("chief", "insurance"))
        return Expected(
            org.people["insurance"],
            {
                AppetiteStatement: {
                    first.pk: ("~", f"Superseded by version {draft.version}"),
                    draft.pk: ("~", f"Approval by {chief} recorded by {insurance}"),
                }
            },
        )

    return run


OPERATIONS: dict[str, Callable] = {
    "risk_create": op_risk_create,
    "risk_update": op_risk_update,
    "risk_close": op_risk_close,
    "risk_review_record": op_risk_review,
    "risk_review_record_no_change": op_risk_review_no_change,
    "reminder_settings_update": op_reminder_settings_update,
    "risk_report_accept": op_risk_report_accept,
    "action_create": op_action_create,
    "action_update": op_action_update,
    "action_complete": op_action_complete,
    "assurance_record": op_assurance_record,
    "register_update": op_register_update,
    "register_approve": op_register_approve,
    "register_approve_recorded": op_register_approve_recorded,
    "s151_review_record": op_s151_review_record,
    "proposal_create": op_proposal_create,
    "proposal_decide_accept": op_proposal_accept,
    "proposal_decide_decline": op_proposal_decline,
    "proposal_withdraw": op_proposal_withdraw,
    "risk_de_escalate": op_de_escalate,
    "import_apply": op_import,
    "register_open": op_register_open,
    "register_close": op_register_close,
    "challenge_raise": op_challenge_raise,
    "challenge_answer_rescore": op_challenge_rescore,
    "challenge_answer_keep": op_challenge_keep,
    "new_risk_propose": op_new_risk_propose,
    "new_risk_decide_accept": op_new_risk_accept,
    "new_risk_decide_decline": op_new_risk_decline,
    "corporate_risk_add": op_corporate_risk_add,
    "corporate_risk_close": op_corporate_risk_close,
    "category_add": op_category_add,
    "category_rename": op_category_rename,
    "category_move": op_category_move,
    "category_retire": op_category_retire,
    "appetite_draft_start": op_appetite_draft_start,
    "appetite_draft_save": op_appetite_draft_save,
    "appetite_approve_recorded": op_appetite_approve_recorded,
}


def assert_one_row_per_change(marks, expected: Expected):
    new = rows_since(marks)
    for model, rows in new.items():
        wanted = expected.rows.get(model, {})
        got: dict[int, list] = {}
        for row in rows:
            got.setdefault(row.id, []).append(row)
        assert sorted(got) == sorted(wanted), f"{model.__name__}: changed {sorted(got)}"
        for object_id, (history_type, reason) in wanted.items():
            [row] = got[object_id]  # exactly one row per change per object
            assert row.history_user_id == expected.actor.pk, (model.__name__, object_id)
            assert row.history_type == history_type, (model.__name__, object_id)
            assert row.history_change_reason == reason, (model.__name__, object_id)


@pytest.mark.django_db
@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_each_change_writes_one_history_row_naming_its_author(org, operation):
    run = operation(org)
    marks = history_marks()
    assert_one_row_per_change(marks, run())


def test_every_tracked_model_is_covered():
    """A newly tracked model must be thought about here (and in the guard below)."""
    names = {model.__name__ for model in tracked_models()}
    assert names == {
        "Register",
        "Risk",
        "Action",
        "Proposal",
        "Checklist",
        "Factor",
        "CommitteeNarrative",
        "ReminderSettings",
        "S151Review",
        "Portfolio",
        "Challenge",
        "NewRiskProposal",
        "Assurance",
        "RiskCategory",
        "AppetiteStatement",
        "AppetiteLine",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("existing", [False, True])
def test_saving_a_portfolio_and_its_registers_writes_one_row(org, existing):
    """The registers are set after the row is saved: that is no second row."""
    portfolio = Portfolio(organisation=org.organisation)
    if existing:
        portfolio = portfolio_save(
            portfolio=portfolio,
            name="Adults",
            holder=None,
            registers=[],
            by=org.people["insurance"],
        )
    marks = history_marks()
    portfolio_save(
        portfolio=portfolio,
        name="Adult Services",
        holder=None,
        registers=[org.service_register, org.project_register],
        by=org.people["insurance"],
    )
    change = ("~", "Portfolio changed") if existing else ("+", "Portfolio created")
    assert_one_row_per_change(
        marks, Expected(org.people["insurance"], {Portfolio: {portfolio.pk: change}})
    )


# The same through the pages: the view adds no second row (e.g. a form's save() as well).


@pytest.mark.django_db
def test_closing_through_the_page_writes_one_row(client, org):
    risk = service_risk(org)
    client.force_login(org.people["head"])
    marks = history_marks()
    response = client.post(
        reverse("registers:risk-close", kwargs={"pk": risk.pk}), {"reason": "Merged"}
    )
    assert response.status_code == 302
    assert_one_row_per_change(
        marks, Expected(org.people["head"], {Risk: {risk.pk: ("~", "Closed: Merged")}})
    )


@pytest.mark.django_db
def test_reviewing_through_the_page_writes_one_row(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    questions = questions_for(org.service_register.tier)
    marks = history_marks()
    response = client.post(
        reverse("registers:risk-review", kwargs={"pk": risk.pk}),
        {f"answer_{number}": "Yes" for number in range(1, len(questions) + 1)} | {"notes": ""},
    )
    assert response.status_code == 302
    assert_one_row_per_change(
        marks, Expected(org.people["officer"], {Risk: {risk.pk: ("~", "Reviewed")}})
    )


@pytest.mark.django_db
def test_de_escalating_through_the_page_writes_one_row(client, org):
    risk = directorate_risk(org)
    client.force_login(org.people["director"])
    marks = history_marks()
    response = client.post(
        reverse("escalation:risk-de-escalate", kwargs={"pk": risk.pk}),
        {"to_register": org.service_register.pk, "reason": "Held"},
    )
    assert response.status_code == 302
    reason = f"De-escalated from {org.directorate_register} to {org.service_register}: Held"
    assert_one_row_per_change(
        marks, Expected(org.people["director"], {Risk: {risk.pk: ("~", reason)}})
    )


@pytest.mark.django_db
def test_deciding_through_the_page_writes_one_row_per_object(client, org):
    proposal = proposed(org)
    client.force_login(org.people["director"])
    marks = history_marks()
    response = client.post(
        reverse("escalation:proposal-decide", kwargs={"pk": proposal.pk}),
        {"decision": ProposalStatus.ACCEPTED, "reason": ""},
    )
    assert response.status_code == 302
    reason = (
        f"Escalated from {org.service_register} to {org.directorate_register}: accepted by "
        f"{person_name(org.people['director'])}"
    )
    assert_one_row_per_change(
        marks,
        Expected(
            org.people["director"],
            {Risk: {proposal.risk_id: ("~", reason)}, Proposal: {proposal.pk: ("~", "Accepted")}},
        ),
    )


@pytest.mark.django_db
def test_importing_through_the_pages_writes_one_row_per_risk(client, org):
    from tests.registers.test_import_views import confirm_url, mapping_data, start

    upload, mapping_page = start(client, org)  # as "head": two new risks, one control
    client.post(
        reverse(
            "registers:register-import-mapping",
            kwargs={"pk": upload.register_id, "upload_pk": upload.pk},
        ),
        mapping_data(mapping_page),
    )
    marks = history_marks()
    response = client.post(confirm_url(upload))
    assert response.status_code == 302, response.content.decode()[:2000]
    head = org.people["head"]
    reason = f"Imported from {upload.filename} by {person_name(head)}"
    risks = dict(Risk.objects.values_list("reference", "pk"))
    assert set(risks) == {"AC-101", "AC-102"}
    assert_one_row_per_change(
        marks,
        Expected(
            head,
            {
                Risk: {pk: ("+", reason) for pk in risks.values()},
                Action: {pk: ("+", "Added") for pk in Action.objects.values_list("pk", flat=True)},
            },
        ),
    )


# Part 2: the static guard


SCANNED = ("registers", "escalation", "reminders", "reports", "scoring")
BULK_WRITES = {"update", "bulk_update", "bulk_create"}
# The only places that may write a tracked model in bulk: they keep its history consistent.
ALLOWED_MODULES = {"registers/history.py"}
# Functions allowed by name, as (module, function): none.
ALLOWED_FUNCTIONS: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class TrackedNames:
    """How source code reaches a tracked model's rows: the class names (and their historical
    models'), the reverse accessors of their foreign keys (``risk.actions``) and the history
    manager (``risk.history``)."""

    classes: frozenset[str]
    accessors: frozenset[str]

    @classmethod
    def of_project(cls) -> TrackedNames:
        classes, accessors = set(), {"history"}
        for model in tracked_models():
            classes |= {model.__name__, model.history.model.__name__}
            for model_field in model._meta.concrete_fields:
                if model_field.is_relation and model_field.remote_field is not None:
                    name = model_field.remote_field.get_accessor_name()
                    if name and name.isidentifier():
                        accessors.add(name)
        return cls(frozenset(classes), frozenset(accessors))


@dataclass(frozen=True)
class BulkWrite:
    path: str
    line: int
    function: str
    code: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}(): {self.code}"


class _Scope(ast.NodeVisitor):
    """Finds bulk writes on tracked rows in one function (or module) body. A name assigned from
    a tracked queryset (``risks = Risk.objects.filter(...)``) is tracked too."""

    def __init__(self, names: TrackedNames):
        self.names = names
        self.tainted: set[str] = set()

    def reaches_tracked(self, node: ast.AST) -> bool:
        while True:
            if isinstance(node, ast.Call):
                node = node.func
            elif isinstance(node, ast.Attribute):
                if node.attr in self.names.accessors:
                    return True
                node = node.value
            elif isinstance(node, ast.Subscript):
                node = node.value
            elif isinstance(node, ast.Name):
                return node.id in self.names.classes or node.id in self.tainted
            else:
                return False


def _functions(tree: ast.AST):
    """(qualified name, node) for the module and every function in it, innermost last."""
    yield "<module>", tree
    stack = [("", tree)]
    while stack:
        prefix, parent = stack.pop()
        for child in ast.iter_child_nodes(parent):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    yield name, child
                stack.append((f"{name}.", child))
            else:
                stack.append((prefix, child))


def _own_nodes(body: ast.AST):
    """The nodes of a function or module, not those of the functions nested in it."""
    stack = list(ast.iter_child_nodes(body))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def bulk_writes(source: str, path: str, names: TrackedNames) -> list[BulkWrite]:
    """Every ``.update()``, ``.bulk_update()`` or ``.bulk_create()`` called on a tracked
    model's manager or queryset in ``source``, outside the allowed helpers."""
    if path in ALLOWED_MODULES:
        return []
    tree = ast.parse(source)
    found = []
    for function, body in _functions(tree):
        if (path, function) in ALLOWED_FUNCTIONS:
            continue
        scope = _Scope(names)
        nodes = list(_own_nodes(body))
        # Assignments before uses, whatever the order: to a fixed point.
        changed = True
        while changed:
            changed = False
            for node in nodes:
                targets, value = [], None
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
                    targets, value = [node.target], node.value
                if value is None or not scope.reaches_tracked(value):
                    continue
                for target in targets:
                    if isinstance(target, ast.Name) and target.id not in scope.tainted:
                        scope.tainted.add(target.id)
                        changed = True
        for node in nodes:
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in BULK_WRITES
                and scope.reaches_tracked(node.func.value)
            ):
                code = ast.get_source_segment(source, node) or node.func.attr
                found.append(BulkWrite(path, node.lineno, function, " ".join(code.split())))
    return sorted(found, key=lambda write: write.line)


def project_sources():
    for app in SCANNED:
        for file in sorted((ROOT / app).rglob("*.py")):
            relative = file.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:
                continue
            yield relative, file.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def names() -> TrackedNames:
    return TrackedNames.of_project()


def test_no_bulk_write_bypasses_the_history(names):
    """A queryset ``update()`` (or ``bulk_update``/``bulk_create``) writes rows without their
    history rows: the change would have no author and no reason. Use a service (one
    ``save_with_history`` per change), or for a correction of the record
    ``registers.history.history_aware_update``/``history_redate``."""
    writes = [
        write for path, source in project_sources() for write in bulk_writes(source, path, names)
    ]
    assert not writes, "Bulk writes that bypass the history:\n" + "\n".join(map(str, writes))


def test_the_guard_scans_the_services(names):
    paths = dict(project_sources())
    assert {"registers/services.py", "escalation/services.py", "registers/imports/apply.py"} <= (
        set(paths)
    )


SERVICE_WITH_UPDATE = """
from registers.models import Risk

def risk_rename(*, risk, title):
    Risk.objects.filter(pk=risk.pk).update(title=title)
"""


@pytest.mark.parametrize(
    "code",
    [
        "Risk.objects.filter(pk=risk.pk).update(title=title)",
        "Risk.objects.update(title=title)",
        "Risk.objects.select_for_update().filter(pk=1).exclude(pk=2).update(version=F('v') + 1)",
        "Risk.history.filter(id=risk.pk).update(title=title)",
        "risk.history.filter(history_type='+').update(history_date=when)",
        "risk.actions.filter(kind='control').update(status='done')",
        "register.risks.update(owner=owner)",
        "Action.objects.bulk_update(actions, ['status'])",
        "Risk.objects.bulk_create([Risk(title=title)])",
        "Proposal.objects.filter(risk=risk).update(status='withdrawn')",
        "HistoricalRisk.objects.filter(id=1).update(title=title)",
    ],
)
def test_the_guard_finds_a_bulk_write_on_a_tracked_model(names, code):
    source = f"def service(*, risk, register, title, owner, actions, when):\n    {code}\n"
    [write] = bulk_writes(source, "registers/services.py", names)
    assert (write.line, write.function) == (2, "service")


def test_the_guard_finds_it_in_a_service_module(names):
    [write] = bulk_writes(SERVICE_WITH_UPDATE, "registers/services.py", names)
    assert str(write) == (
        "registers/services.py:5 in risk_rename(): "
        "Risk.objects.filter(pk=risk.pk).update(title=title)"
    )


def test_the_guard_follows_a_queryset_through_a_name(names):
    source = (
        "class Mover:\n"
        "    def move(self, register):\n"
        "        risks = Risk.objects.filter(register=register)\n"
        "        history = risks.first().history\n"
        "        history.filter(history_type='~').update(history_change_reason='x')\n"
        "        risks.update(register=None)\n"
    )
    writes = bulk_writes(source, "escalation/services.py", names)
    assert [(w.line, w.function) for w in writes] == [(5, "Mover.move"), (6, "Mover.move")]


@pytest.mark.parametrize(
    "code",
    [
        "people.update({'a': 1})",  # a dict
        "RiskSnapshot.objects.bulk_create(rows)",  # not tracked
        "Notification.objects.filter(recipient=user).update(read_at=now)",
        "bulk_create_with_history(risks, Risk, batch_size=500)",  # writes the history too
        "risks = list(Risk.objects.all())\n    risks.sort()",
        "Risk.objects.filter(pk=1).values_list('pk', flat=True)",
        "risk.save(update_fields=['title'])",
    ],
)
def test_the_guard_leaves_other_writes_alone(names, code):
    source = f"def service(*, people, rows, user, now, risks):\n    {code}\n"
    assert bulk_writes(source, "registers/services.py", names) == []


def test_the_history_aware_helpers_are_allowed(names):
    source = "def history_aware_update(model):\n    Risk.objects.filter(pk=1).update(title='x')\n"
    assert bulk_writes(source, "registers/history.py", names) == []
    assert len(bulk_writes(source, "demo/history.py", names)) == 1


# Part 3: the helpers keep the history consistent


@pytest.mark.django_db
def test_history_aware_update_corrects_the_rows_and_the_history_that_carried_the_value(org):
    proposal = proposed(org)
    proposal_decide(proposal=proposal, by=org.people["director"], accept=True)
    proposal.refresh_from_db()
    rows_before = proposal.history.count()
    earlier = timezone.now() - timedelta(days=40)

    assert history_aware_update(Proposal, {"pk": proposal.pk}, decided_at=earlier) == 1

    proposal.refresh_from_db()
    assert proposal.decided_at == earlier
    history = list(proposal.history.order_by("history_id"))
    assert len(history) == rows_before  # a correction, not a change: no new row
    # The "Proposed" row had no decision yet: it keeps none.
    assert [row.decided_at for row in history] == [None, earlier]


@pytest.mark.django_db
def test_history_aware_update_takes_expressions_and_foreign_keys(org):
    risk = service_risk(org)
    risk_update(risk=risk, by=org.people["head"], version=1, changes={"residual_likelihood": 3})
    history_aware_update(
        Risk,
        {"pk": risk.pk},
        residual_likelihood=F("residual_likelihood") - 1,
        owner=org.people["head"],
    )
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.owner) == (2, org.people["head"])
    rows = list(risk.history.order_by("history_id").values_list("residual_likelihood", "owner"))
    # Both rows carried the officer; only the latest carried 3 (the first said 4, and keeps it).
    assert rows == [(4, org.people["head"].pk), (2, org.people["head"].pk)]
    assert history_aware_update(Risk, {"pk": -1}, title="nothing") == 0


@pytest.mark.django_db
def test_history_redate_dates_the_chosen_rows_only(org):
    risk = service_risk(org)
    risk_close(risk=risk, by=org.people["head"], reason="Done")
    when = timezone.now() - timedelta(days=400)
    assert history_redate(Risk, {"pk": risk.pk}, when=when, history_type="+") == 1
    dates = list(risk.history.order_by("history_id").values_list("history_date", flat=True))
    assert dates[0] == when and dates[1] > when
    with pytest.raises(TypeError):
        history_redate(Register.history.model, {}, when=when)


@pytest.mark.django_db
def test_the_demo_history_agrees_with_its_rows():
    """The demo dates its records back through the helpers: every object's history still ends
    at the row as it is, and runs in date order from its creation."""
    from demo.loader import load_demo

    load_demo()
    for model in (Risk, Action, Register, Proposal):
        # Every column the history keeps (a risk's residual order it leaves out: it follows
        # the scores and the scheme).
        tracked = {f.attname for f in model.history.model._meta.concrete_fields}
        columns = [f.attname for f in model._meta.concrete_fields if f.attname in tracked]
        rows = {row["id"]: row for row in model.objects.values(*columns)}
        assert rows, model.__name__
        history: dict[int, list] = {}
        for row in model.history.order_by("history_id").values(
            *columns, "history_date", "history_type"
        ):
            history.setdefault(row["id"], []).append(row)
        assert sorted(history) == sorted(rows), model.__name__
        for object_id, changes in history.items():
            latest = {column: changes[-1][column] for column in columns}
            assert latest == rows[object_id], (model.__name__, object_id)
            assert changes[0]["history_type"] == "+", (model.__name__, object_id)
            dates = [change["history_date"] for change in changes]
            assert dates == sorted(dates), (model.__name__, object_id)

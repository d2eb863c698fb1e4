"""Optimistic locking on every record people edit (``registers.versions``): risks, actions and
register settings. Two people start from the same version; the second save is refused with who
changed what, writes nothing, and goes through once made against the current version."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Register,
    Risk,
    RiskStatus,
    Versioned,
)
from registers.services import (
    StaleEdit,
    action_complete,
    action_update,
    register_approve,
    register_update,
    risk_close,
    risk_update,
)
from tests.factories import ActionFactory, RiskFactory
from tests.registers.races import at_once

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    return ActionFactory(
        risk=risk,
        kind=ActionKind.ACTION,
        description="Train the duty team",
        owner=org.people["officer"],
        due_date=timezone.localdate() + timedelta(days=30),
    )


def test_every_record_people_edit_from_a_form_is_versioned():
    assert all(issubclass(model, Versioned) for model in (Risk, Action, Register))


# Actions


def test_a_stale_edit_of_an_action_is_refused_saying_who_changed_what(org, action):
    head, officer = org.people["head"], org.people["officer"]
    # Both opened the form at version 1; the head saves first.
    action_update(action=action, by=head, version=1, description="Train every duty team")
    rows = action.history.count()
    with pytest.raises(StaleEdit) as refused:
        action_update(action=action, by=officer, version=1, status=ActionStatus.IN_PROGRESS)
    error = refused.value
    assert error.code == "stale"
    assert error.changed_by == head.get_full_name()
    assert error.changes == [("description", "Train the duty team", "Train every duty team")]
    assert error.reasons == ["Edited"]
    assert error.messages == [
        f"{head.get_full_name()} changed this action while you were editing it. Your changes "
        "have not been saved: check theirs below, then save again."
    ]
    action.refresh_from_db()
    assert (action.status, action.version, action.history.count()) == (
        ActionStatus.OPEN,
        2,
        rows,
    )
    # Having seen the change, the officer saves against the current version: both are kept.
    saved = action_update(action=action, by=officer, version=2, status=ActionStatus.IN_PROGRESS)
    assert (saved.description, saved.status, saved.version) == (
        "Train every duty team",
        ActionStatus.IN_PROGRESS,
        3,
    )


def test_an_old_form_cannot_undo_a_completion(org, action):
    """Completing is a change like any other: the form opened before it is stale."""
    action_complete(action=action, by=org.people["officer"], evaluation="All trained")
    with pytest.raises(StaleEdit) as refused:
        action_update(
            action=action, by=org.people["head"], version=1, status=ActionStatus.IN_PROGRESS
        )
    assert ("status", ActionStatus.OPEN, ActionStatus.DONE) in refused.value.changes
    assert refused.value.reasons == ["Completed"]
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_an_action_takes_only_its_own_fields(org, action):
    with pytest.raises(ValueError):
        action_update(action=action, by=org.people["head"], version=1, risk=None)


# Register settings


def test_a_stale_change_of_a_registers_settings_is_refused_saying_who_changed_what(org):
    register = org.service_register
    insurance, head = org.people["insurance"], org.people["head"]
    register_update(register=register, by=insurance, version=1, name="Adult Social Care")
    rows = register.history.count()
    with pytest.raises(StaleEdit) as refused:
        register_update(register=register, by=head, version=1, review_interval_months=6)
    error = refused.value
    assert error.code == "stale" and error.changed_by == insurance.get_full_name()
    assert error.changes == [("name", "Adult Care service", "Adult Social Care")]
    assert error.messages[0].startswith(
        f"{insurance.get_full_name()} changed this register while you were editing it."
    )
    register.refresh_from_db()
    assert (register.name, register.review_interval_months, register.version) == (
        "Adult Social Care",
        3,
        2,
    )
    assert register.history.count() == rows
    register_update(register=register, by=head, version=2, review_interval_months=6)
    register.refresh_from_db()
    assert (register.name, register.review_interval_months, register.version) == (
        "Adult Social Care",
        6,
        3,
    )


def test_settings_opened_before_an_approval_are_refused_saying_what_happened(org):
    register_approve(register=org.service_register, by=org.people["head"])
    with pytest.raises(StaleEdit) as refused:
        register_update(
            register=org.service_register, by=org.people["insurance"], version=1, name="Renamed"
        )
    assert refused.value.changes == []
    assert refused.value.reasons == ["Review approved"]


# Risks: the same mechanism, the same behaviour as before it was shared


def test_a_closed_risk_is_refused_as_closed_whatever_the_version(org):
    risk = RiskFactory(register=org.service_register)
    risk_close(risk=risk, by=org.people["head"], reason="Merged")
    with pytest.raises(ValidationError) as refused:
        risk_update(risk=risk, by=org.people["head"], version=1, changes={"title": "Late"})
    assert refused.value.code == "closed"
    risk.refresh_from_db()
    assert (risk.status, risk.version) == (RiskStatus.CLOSED, 2)


def test_a_stale_risk_edit_lists_only_the_forms_fields_and_says_what_was_done(org):
    risk = RiskFactory(register=org.service_register)
    risk_update(risk=risk, by=org.people["head"], version=1, changes={"title": "Renamed"})
    with pytest.raises(StaleEdit) as refused:
        risk_update(risk=risk, by=org.people["officer"], version=1, changes={"title": "Mine"})
    assert refused.value.changes == [("title", risk.title, "Renamed")]
    assert refused.value.noun == "risk" and refused.value.reasons == ["Edited"]


# Two saves at the same moment, each from version 1: one goes through, the other is refused.


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("record", ["action", "register"])
def test_two_saves_at_the_same_moment_one_wins_the_other_is_refused(race_org, record):
    org = race_org
    if record == "action":
        target = ActionFactory(risk=RiskFactory(register=org.service_register), description="A")

        def save(who, description):
            return lambda: action_update(
                action=target, by=org.people[who], version=1, description=description
            )

        field = "description"
    else:
        target = org.service_register

        def save(who, name):
            return lambda: register_update(
                register=target, by=org.people[who], version=1, name=name
            )

        field = "name"
    outcomes = at_once(head=save("head", "By the head"), insurance=save("insurance", "By IM"))
    winners = [who for who, outcome in outcomes.items() if not isinstance(outcome, Exception)]
    assert len(winners) == 1, outcomes
    [loser] = set(outcomes) - set(winners)
    assert isinstance(outcomes[loser], StaleEdit), repr(outcomes[loser])
    target.refresh_from_db()
    assert getattr(target, field) == {"head": "By the head", "insurance": "By IM"}[winners[0]]
    assert target.version == 2
    assert target.history.filter(version=2).count() == 1  # the refused save wrote no row

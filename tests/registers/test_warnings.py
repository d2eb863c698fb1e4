"""The risk page's warnings: pure rules over an unsaved risk."""

from datetime import date

import pytest

from registers.models import Action, ActionKind, ActionStatus, Effectiveness, Response, Risk
from registers.warnings import risk_warnings
from scoring.matrix import COVENTRY, Seniority

TODAY = date(2026, 11, 21)


def make_risk(**fields):
    base = dict(
        inherent_likelihood=4,
        inherent_impact=4,
        residual_likelihood=2,
        residual_impact=3,
        response=Response.TREAT,
        response_rationale="Cheaper to treat than to bear",
        owner_id=1,
        next_review_due=date(2026, 12, 1),
        event="If the event happens",
        consequence="there may be a consequence",
        impact="resulting in an impact",
    )
    return Risk(**(base | fields))


def codes(risk, seniority=Seniority.DIRECTOR, actions=()):
    found = risk_warnings(
        risk=risk, bands=COVENTRY, owner_seniority=seniority, actions=actions, today=TODAY
    )
    return [w.code for w in found]


# A control in place rated effective, as a risk whose residual is below its inherent needs.
EFFECTIVE_CONTROL = Action(
    kind=ActionKind.CONTROL, status=ActionStatus.DONE, effectiveness=Effectiveness.EFFECTIVE
)


def test_a_well_managed_risk_has_no_warnings():
    assert codes(make_risk(), actions=[EFFECTIVE_CONTROL]) == []


@pytest.mark.parametrize(
    ("fields", "seniority", "expected"),
    [
        ({"residual_likelihood": 5, "residual_impact": 3}, Seniority.DIRECTOR, "outside_appetite"),
        (
            {"residual_likelihood": 4, "residual_impact": 4},
            Seniority.DIRECTOR,
            "residual_not_below_inherent",
        ),
        (
            {"inherent_likelihood": 5, "inherent_impact": 4},
            Seniority.SERVICE_LEADERSHIP,
            "owner_seniority",
        ),
        ({}, Seniority.OFFICER, "owner_seniority"),  # inherent 16 is red
        ({"owner_id": None}, None, "no_owner"),
        (
            {"response": Response.TOLERATE, "response_rationale": " "},
            Seniority.DIRECTOR,
            "tolerate_without_reason",
        ),
        ({"response": ""}, Seniority.DIRECTOR, "no_response"),
        ({"next_review_due": date(2026, 11, 20)}, Seniority.DIRECTOR, "review_overdue"),
        ({"residual_likelihood": None, "residual_impact": None}, Seniority.DIRECTOR, "not_scored"),
    ],
)
def test_each_rule(fields, seniority, expected):
    assert expected in codes(make_risk(**fields), seniority)


def test_ownership_follows_the_higher_of_inherent_and_residual():
    amber_only = make_risk(inherent_likelihood=3, inherent_impact=3)  # 9 amber, residual 6
    assert "owner_seniority" in codes(amber_only, Seniority.OFFICER)
    assert "owner_seniority" not in codes(amber_only, Seniority.SERVICE_LEADERSHIP)


def test_overdue_actions_are_counted():
    actions = [
        Action(due_date=date(2026, 11, 1), status=ActionStatus.OPEN),
        Action(due_date=date(2026, 11, 2), status=ActionStatus.IN_PROGRESS),
        Action(due_date=date(2026, 11, 3), status=ActionStatus.DONE),
        EFFECTIVE_CONTROL,
    ]
    risk = make_risk()
    found = risk_warnings(
        risk=risk,
        bands=COVENTRY,
        owner_seniority=Seniority.DIRECTOR,
        actions=actions,
        today=TODAY,
    )
    assert [w.message for w in found] == ["2 actions overdue."]


def test_an_owner_as_written_is_flagged_until_a_person_is_assigned():
    risk = make_risk(owner_id=None, owner_as_written="CMT")
    found = risk_warnings(risk=risk, bands=COVENTRY, owner_seniority=None, actions=(), today=TODAY)
    [warning] = [w for w in found if w.code == "owner_as_written"]
    assert "“CMT”, who is no one's account: assign a person" in warning.message
    assert "owner_as_written" not in codes(make_risk(owner_as_written="CMT"))


def test_a_description_missing_a_part_is_flagged():
    found = risk_warnings(
        risk=make_risk(consequence="", impact=" "),
        bands=COVENTRY,
        owner_seniority=Seniority.DIRECTOR,
        actions=[EFFECTIVE_CONTROL],
        today=TODAY,
    )
    assert [w.message for w in found] == [
        "The description has no consequence or impact: describe them (event, consequence, impact)."
    ]

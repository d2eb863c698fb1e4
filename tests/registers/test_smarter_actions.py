"""SMARTER actions and the reasons for a response (docs/domain.md#mitigation): a measure of
success, an agreement (who and when), a review date and a treatment type on each action; a
reason for every response; a warning when a risk outside the appetite is tolerated; the cost
of a risk's mitigation added up."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from registers import services
from registers.models import Action, ActionKind, ActionStatus, Response, Risk, TreatType
from registers.selectors.actions import mitigation_cost
from registers.warnings import risk_warnings
from scoring.matrix import COVENTRY, Seniority
from tests.factories import ActionFactory, RiskFactory
from tests.registers.test_risk_edit import edit_data, edit_url, service_risk

TODAY = date(2026, 11, 21)


def action_data(**changes):
    return {
        "kind": ActionKind.ACTION,
        "treat_type": TreatType.PREVENTION,
        "description": "Patch every server within 14 days of a critical release",
        "measure_of_success": "No unpatched server at the monthly scan",
        "owner": "",
        "due_date": (timezone.localdate() + timedelta(days=60)).isoformat(),
        "agreed_by": "",
        "agreed_on": "",
        "status": ActionStatus.OPEN,
        "cost": "",
        "review_date": "",
        "evaluation_notes": "",
        **changes,
    }


@pytest.fixture
def risk(org):
    return RiskFactory(register=org.service_register, owner=org.people["officer"])


def create_url(risk):
    return reverse("registers:action-create", kwargs={"pk": risk.pk})


# The action form


@pytest.mark.django_db
def test_an_action_keeps_its_measure_agreement_review_date_and_treatment(client, org, risk):
    client.force_login(org.people["officer"])
    agreed_on = timezone.localdate() - timedelta(days=3)
    review = timezone.localdate() + timedelta(days=90)
    response = client.post(
        create_url(risk),
        action_data(
            agreed_by=org.people["head"].pk,
            agreed_on=agreed_on.isoformat(),
            review_date=review.isoformat(),
        ),
    )
    assert response.status_code == 302
    action = Action.objects.get(risk=risk)
    assert action.treat_type == TreatType.PREVENTION
    assert action.measure_of_success == "No unpatched server at the monthly scan"
    assert (action.agreed_by, action.agreed_on) == (org.people["head"], agreed_on)
    assert action.review_date == review

    page = client.get(risk.get_absolute_url()).content.decode()
    assert "Treatment: Prevention (makes it less likely)" in page
    assert "Measure of success: No unpatched server at the monthly scan" in page
    assert f"Agreed by {org.people['head'].get_full_name()} on {agreed_on:%-d %b %Y}" in page
    assert f"Next review of its effect: {review:%-d %b %Y}" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"agreed_by": "head"}, "agreed_on", "Give the date it was agreed."),
        ({"agreed_on": "2026-11-01"}, "agreed_by", "Choose who agreed it, or clear the date."),
        ({"treat_type": "hope"}, "treat_type", "Select a valid choice."),
        ({"review_date": "2026-13-40"}, "review_date", "Enter the review date as a real date"),
    ],
)
def test_half_an_agreement_or_a_wrong_value_is_refused_keeping_the_input(
    client, org, risk, changes, field, message
):
    if changes.get("agreed_by") == "head":
        changes["agreed_by"] = org.people["head"].pk
    client.force_login(org.people["officer"])
    response = client.post(create_url(risk), action_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    assert form["measure_of_success"].value() == "No unpatched server at the monthly scan"
    assert "error-summary" in response.content.decode()
    assert not Action.objects.exists()


@pytest.mark.django_db
def test_the_database_refuses_half_an_agreement(org, risk):
    action = ActionFactory(risk=risk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(agreed_by=org.people["head"])
    with pytest.raises(ValidationError):
        services.action_create(
            risk=risk, by=org.people["officer"], description="x", agreed_on=TODAY
        )


@pytest.mark.django_db
def test_an_edit_changes_the_smarter_fields_and_keeps_them_in_history(client, org, risk):
    action = ActionFactory(risk=risk, due_date=TODAY)
    client.force_login(org.people["officer"])
    response = client.post(
        reverse("registers:action-edit", kwargs={"pk": action.pk}),
        action_data(
            version=str(action.version),
            treat_type=TreatType.CONTINGENCY,
            measure_of_success="Services back within 24 hours",
        ),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.treat_type == TreatType.CONTINGENCY
    assert action.history.first().measure_of_success == "Services back within 24 hours"


# A reason for every response


@pytest.mark.django_db
@pytest.mark.parametrize("response", [Response.TREAT, Response.TERMINATE, Response.TRANSFER])
def test_every_response_needs_its_reason_on_the_form(client, org, response):
    """Chosen for the first time, or changed from tolerating it."""
    risk = service_risk(org, response="", response_rationale="")
    client.force_login(org.people["officer"])
    page = client.post(edit_url(risk), edit_data(risk, response=response, response_rationale="  "))
    assert page.status_code == 200
    errors = page.context["form"].errors.as_data()["response_rationale"]
    assert [error.code for error in errors] == ["rationale_required"]
    assert "Say why you chose this response" in page.content.decode()
    tolerated = service_risk(
        org, reference="AC-02", response=Response.TOLERATE, response_rationale="Small"
    )
    page = client.post(
        edit_url(tolerated), edit_data(tolerated, response=response, response_rationale="")
    )
    assert page.context["form"].errors.as_data()["response_rationale"][0].code == (
        "rationale_required"
    )


@pytest.mark.django_db
def test_a_risk_kept_without_a_reason_can_still_be_edited_and_is_warned_about(client, org):
    risk = service_risk(org, response_rationale="")
    client.force_login(org.people["officer"])
    response = client.post(edit_url(risk), edit_data(risk, title="Care home closures (2027)"))
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.title == "Care home closures (2027)"
    page = client.get(risk.get_absolute_url()).content.decode()
    assert 'data-warning="response_without_reason"' in page


@pytest.mark.django_db
def test_a_response_with_its_reason_is_saved_and_no_response_needs_none(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    client.post(
        edit_url(risk),
        edit_data(risk, response=Response.TRANSFER, response_rationale="Insured for it"),
    )
    risk.refresh_from_db()
    assert (risk.response, risk.response_rationale) == (Response.TRANSFER, "Insured for it")
    client.post(edit_url(risk), edit_data(risk, response="", response_rationale=""))
    risk.refresh_from_db()
    assert risk.response == ""


# Warnings


def codes(**fields):
    base = dict(
        inherent_likelihood=5,
        inherent_impact=5,
        residual_likelihood=2,
        residual_impact=3,
        response=Response.TOLERATE,
        response_rationale="Low and stable",
        owner_id=1,
        next_review_due=date(2026, 12, 1),
        event="If",
        consequence="then",
        impact="so",
    )
    found = risk_warnings(
        risk=Risk(**(base | fields)),
        bands=COVENTRY,
        owner_seniority=Seniority.DIRECTOR,
        actions=(),
        today=TODAY,
    )
    return [warning.code for warning in found]


@pytest.mark.parametrize(
    ("residual", "warned"),
    [((2, 3), False), ((3, 4), False), ((3, 5), True), ((5, 5), True)],
)
def test_tolerating_a_risk_outside_the_appetite_is_warned_about(residual, warned):
    """Amber (6 to 14) is within the appetite; red (15 and over) is not."""
    found = codes(residual_likelihood=residual[0], residual_impact=residual[1])
    assert ("tolerated_outside_appetite" in found) is warned


def test_treating_a_red_risk_is_not_the_tolerate_warning():
    found = codes(residual_likelihood=5, residual_impact=5, response=Response.TREAT)
    assert "tolerated_outside_appetite" not in found


@pytest.mark.parametrize("response", [Response.TREAT, Response.TERMINATE, Response.TRANSFER])
def test_a_response_without_a_reason_is_warned_about(response):
    assert "response_without_reason" in codes(response=response, response_rationale=" ")
    assert "response_without_reason" not in codes(response=response)


def test_a_tolerated_risk_without_a_reason_has_one_warning_not_two():
    found = codes(response_rationale="")
    assert "tolerate_without_reason" in found
    assert "response_without_reason" not in found


def test_no_response_is_not_a_response_without_a_reason():
    assert "response_without_reason" not in codes(response="", response_rationale="")


# Costs


def test_costs_are_added_up_leaving_out_cancelled_actions_and_counting_the_unknown():
    actions = [
        Action(cost=Decimal("1500.50"), status=ActionStatus.OPEN),
        Action(cost=Decimal("2000"), status=ActionStatus.DONE),
        Action(cost=None, status=ActionStatus.IN_PROGRESS),
        Action(cost=Decimal("99999"), status=ActionStatus.CANCELLED),
    ]
    cost = mitigation_cost(actions)
    assert (cost.total, cost.costed, cost.uncosted) == (Decimal("3500.50"), 2, 1)


def test_no_actions_cost_nothing():
    assert mitigation_cost([]).total == Decimal(0)


@pytest.mark.django_db
def test_the_risk_page_shows_the_total_cost(client, org, risk):
    ActionFactory(risk=risk, cost=Decimal("12000"), kind=ActionKind.CONTROL)
    ActionFactory(risk=risk, cost=Decimal("500"))
    ActionFactory(risk=risk, cost=None)
    client.force_login(org.people["officer"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert "<strong>£12,500</strong> (1 with no cost given)" in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 40])
def test_the_risk_page_with_agreed_actions_takes_a_fixed_number_of_queries(
    client, org, count, django_assert_max_num_queries
):
    risk = RiskFactory(register=org.corporate, owner=org.people["chief"])
    for n in range(count):
        ActionFactory(
            risk=risk,
            agreed_by=org.people["director" if n % 2 else "chief"],
            agreed_on=TODAY,
            treat_type=TreatType.CONTAINMENT,
        )
    client.force_login(org.people["chief"])
    with django_assert_max_num_queries(14):
        response = client.get(risk.get_absolute_url())
    assert response.status_code == 200

"""Two people raising risks with the same reference at the same moment: one gets it, the other
is told on the form that it is taken, never a server error; a generated reference is drawn
again instead. References are unique across an organisation's registers (docs/domain.md#risks),
and two registers are not locked against each other, so only the database's unique constraint
can see the clash: the service meets it in a savepoint and answers with a coded
ValidationError."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from registers.forms.risk import RiskForm
from registers.models import PolicyCategory, Risk
from registers.services import risk_create, risk_update
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory
from tests.registers.races import at_once, while_uncommitted
from tests.registers.test_risk_edit import new_risk_data

pytestmark = pytest.mark.django_db(transaction=True)

FIELDS = {
    "title": "Cyber attack",
    "event": "If the council suffers a ransomware attack",
    "consequence": "systems may be unavailable for weeks",
    "impact": "resulting in failure of statutory services",
    "category": PolicyCategory.INFORMATION,
}


def raise_risk(org, register, who, reference=""):
    """What the risk form's save does: one request, one transaction of its own."""
    return lambda: risk_create(register=register, by=org.people[who], reference=reference, **FIELDS)


def assert_taken(refusal, reference):
    assert isinstance(refusal, ValidationError), repr(refusal)
    [error] = refusal.error_dict["reference"]
    assert error.code == "reference_taken"
    assert f"The reference {reference} is already taken by another risk" in error.message % (
        error.params
    )


def test_the_same_reference_typed_at_once_on_two_registers_is_given_once(race_org):
    org = race_org
    for round_number in range(1, 6):
        reference = f"SHARED-{round_number}"
        outcomes = at_once(
            head=raise_risk(org, org.service_register, "head", reference),
            chief=raise_risk(org, org.corporate, "chief", reference),
        )
        created = [outcome for outcome in outcomes.values() if isinstance(outcome, Risk)]
        refused = [outcome for outcome in outcomes.values() if not isinstance(outcome, Risk)]
        assert len(created) == 1 and len(refused) == 1, outcomes
        assert_taken(refused[0], reference)
        assert Risk.objects.filter(reference=reference).count() == 1
        assert Risk.history.filter(reference=reference).count() == 1


def test_a_reference_typed_while_another_holds_it_uncommitted_is_refused(race_org):
    """The interleaving in which the check before saving cannot see the other risk: on
    PostgreSQL the insert waits on the other's row and meets the unique constraint."""
    org = race_org
    outcomes = while_uncommitted(
        raise_risk(org, org.service_register, "head", "SHARED-9"),
        raise_risk(org, org.corporate, "chief", "shared-9"),
    )
    assert isinstance(outcomes["first"], Risk), outcomes
    assert_taken(outcomes["second"], "SHARED-9")
    assert list(Risk.objects.values_list("reference", "register")) == [
        ("SHARED-9", org.service_register.pk)
    ]


def test_a_generated_reference_taken_at_the_same_moment_is_drawn_again(race_org):
    """Someone on a service register types CRR-01 while the corporate register's owner
    leaves the reference blank: the corporate risk becomes CRR-02, not an error."""
    org = race_org
    outcomes = while_uncommitted(
        raise_risk(org, org.service_register, "head", "CRR-01"),
        raise_risk(org, org.corporate, "chief"),
    )
    assert isinstance(outcomes["first"], Risk), outcomes
    assert isinstance(outcomes["second"], Risk), outcomes
    assert outcomes["second"].reference == "CRR-02"
    assert sorted(Risk.objects.values_list("reference", flat=True)) == ["CRR-01", "CRR-02"]


def test_blank_references_raised_at_once_on_one_register_never_collide(race_org):
    org = race_org
    outcomes = at_once(
        **{
            who: raise_risk(org, org.service_register, who)
            for who in ("head", "insurance", "officer")
        }
    )
    assert all(isinstance(outcome, Risk) for outcome in outcomes.values()), outcomes
    assert sorted(risk.reference for risk in outcomes.values()) == ["AC-01", "AC-02", "AC-03"]


def test_renaming_to_a_reference_taken_meanwhile_is_refused_on_the_reference(race_org):
    org = race_org
    risk = RiskFactory(register=org.corporate, reference="CRR-05", owner=org.people["chief"])
    outcomes = while_uncommitted(
        raise_risk(org, org.service_register, "head", "CRR-06"),
        lambda: risk_update(
            risk=risk, by=org.people["chief"], version=1, changes={"reference": "crr-06"}
        ),
    )
    assert isinstance(outcomes["first"], Risk), outcomes
    assert_taken(outcomes["second"], "CRR-06")
    risk.refresh_from_db()
    assert (risk.reference, risk.version) == ("CRR-05", 1)


def test_through_the_page_the_clash_is_an_error_on_the_reference(race_org, monkeypatch):
    """The form checked the reference before either was saved; the page still answers with
    the form and the error beside the reference, keeping what was typed."""
    org = race_org
    pages = {}
    client = Client()
    client.force_login(org.people["chief"])  # before: signing in writes the session
    checked = threading.Event()
    check = RiskForm.clean_reference

    def clean_reference(form):
        try:
            return check(form)
        finally:
            checked.set()

    monkeypatch.setattr(RiskForm, "clean_reference", clean_reference)

    def post_form():
        response = client.post(
            reverse("escalation:corporate-risk-create", kwargs={"pk": org.corporate.pk}),
            new_risk_data(org, reference="SHARED-7", owner=org.people["chief"].pk),
        )
        pages["response"] = response
        return response.status_code

    outcomes = while_uncommitted(
        raise_risk(org, org.service_register, "head", "SHARED-7"),
        post_form,
        second_reads=checked,
    )
    assert outcomes["second"] == 200, outcomes
    form = pages["response"].context["form"]
    assert form.has_error("reference", code="reference_taken")
    assert form["title"].value() == "Unsafe discharge from hospital"
    assert Risk.objects.filter(register=org.corporate).count() == 0


def test_two_organisations_typing_the_same_reference_at_once_both_get_it(race_org):
    """References are unique per organisation: another body on the same server using CRR-01
    at the same moment neither waits for nor refuses this one."""
    org = race_org
    elsewhere = RegisterFactory(
        organisation=OrganisationFactory(name="Otherford", slug="otherford"), prefix="CRR"
    )
    outcomes = at_once(
        ours=raise_risk(org, org.corporate, "chief", "CRR-77"),
        theirs=lambda: risk_create(
            register=elsewhere, by=elsewhere.owner, reference="CRR-77", **FIELDS
        ),
    )
    assert all(isinstance(outcome, Risk) for outcome in outcomes.values()), outcomes
    assert Risk.objects.filter(reference="CRR-77").count() == 2

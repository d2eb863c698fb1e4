from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from registers.due import add_months
from registers.models import PolicyCategory, Risk, RiskStatus
from registers.services import risk_close, risk_create, risk_reference_next, save_with_history
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Cyber attack",
    "event": "If the council suffers a ransomware attack",
    "consequence": "systems may be unavailable for weeks",
    "impact": "resulting in failure of statutory services",
    "category": PolicyCategory.INFORMATION,
    "inherent_likelihood": 4,
    "inherent_impact": 5,
    "residual_likelihood": 3,
    "residual_impact": 5,
    "response": "treat",
}


def test_references_come_from_the_register_prefix(org):
    first = risk_create(register=org.corporate, by=org.people["chief"], **FIELDS)
    second = risk_create(register=org.corporate, by=org.people["chief"], **FIELDS)
    assert (first.reference, second.reference) == ("CRR-01", "CRR-02")


def test_numbers_are_never_reused_even_after_closing(org):
    RiskFactory(register=org.corporate, reference="CRR-07")
    closed = RiskFactory(register=org.service_register, reference="CRR-09")  # escalated away
    risk_close(risk=closed, by=org.people["chief"], reason="Merged into CRR-07")
    assert risk_reference_next(register=org.corporate) == "CRR-10"


def test_an_edited_reference_is_kept_in_capitals(org):
    risk = risk_create(register=org.corporate, by=org.people["chief"], reference="crr18", **FIELDS)
    assert risk.reference == "CRR18"


def test_next_review_follows_the_register_interval(org):
    org.corporate.review_interval_months = 6
    org.corporate.save()
    risk = risk_create(register=org.corporate, by=org.people["chief"], **FIELDS)
    assert risk.next_review_due == add_months(timezone.localdate(), 6)


def test_creating_a_risk_validates_it(org):
    with pytest.raises(ValidationError) as error:
        risk_create(
            register=org.corporate,
            by=org.people["chief"],
            **(FIELDS | {"response": "tolerate"}),
        )
    assert "response_rationale" in error.value.message_dict
    assert not Risk.objects.exists()


def test_closing_a_risk_without_a_reason_is_refused(org):
    risk = RiskFactory(register=org.corporate)
    with pytest.raises(ValidationError) as error:
        risk_close(risk=risk, by=org.people["chief"], reason="  ")
    assert error.value.code == "reason_required"
    risk.refresh_from_db()
    assert risk.status == RiskStatus.OPEN


def test_closing_a_risk_records_who_when_and_why(org):
    risk = RiskFactory(register=org.corporate)
    closed = risk_close(risk=risk, by=org.people["chief"], reason="Contract ended")
    assert closed.status == RiskStatus.CLOSED
    assert closed.closed_by == org.people["chief"]
    assert closed.closure_reason == "Contract ended"
    assert closed.closed_at is not None
    with pytest.raises(ValidationError) as error:
        risk_close(risk=closed, by=org.people["chief"], reason="Again")
    assert error.value.code == "already_closed"


def test_a_change_to_a_risk_leaves_a_history_record_naming_the_user(org):
    owner = org.people["officer"]
    risk = risk_create(register=org.service_register, by=owner, **FIELDS)
    risk.residual_likelihood = 2
    save_with_history(risk, by=owner, reason="Rescored after new backups")
    latest = risk.history.latest()
    assert latest.history_user == owner
    assert latest.history_change_reason == "Rescored after new backups"
    change = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in change.changes if c.field != "updated_at"] == [
        ("residual_likelihood", 3, 2)
    ]
    assert risk.history.count() == 2


def test_a_change_through_a_request_records_the_signed_in_user(org, client):
    """The history middleware names the user when a change is made in a request."""
    from django.test import RequestFactory
    from simple_history.models import HistoricalRecords

    risk = RiskFactory(register=org.corporate)
    request = RequestFactory().post("/")
    request.user = org.people["insurance"]
    HistoricalRecords.context.request = request
    try:
        risk.title = "Renamed"
        risk.save()
    finally:
        del HistoricalRecords.context.request
    assert risk.history.latest().history_user == org.people["insurance"]


def test_closed_on_date_is_today_in_london(org):
    risk = risk_close(
        risk=RiskFactory(register=org.corporate), by=org.people["chief"], reason="Done"
    )
    assert timezone.localdate(risk.closed_at) == timezone.localdate()
    assert isinstance(timezone.localdate(), date)


def test_a_reference_another_risk_has_is_refused_on_the_reference(org):
    RiskFactory(register=org.service_register, reference="SHARED-1")
    with pytest.raises(ValidationError) as refused:
        risk_create(register=org.corporate, by=org.people["chief"], reference="shared-1", **FIELDS)
    [error] = refused.value.error_dict["reference"]
    assert error.code == "reference_taken"
    assert refused.value.messages == [
        "The reference SHARED-1 is already taken by another risk: choose another, or leave it "
        "blank to number it automatically."
    ]
    assert Risk.objects.count() == 1


def test_a_generated_reference_skips_one_typed_on_another_register(org):
    RiskFactory(register=org.service_register, reference="CRR-01")
    risk = risk_create(register=org.corporate, by=org.people["chief"], **FIELDS)
    assert risk.reference == "CRR-02"

"""Services behind the web app: edits with optimistic locking, reviews, actions, reports."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from registers.due import add_months
from registers.models import (
    ActionKind,
    ActionStatus,
    Register,
    ReportStatus,
    Risk,
    RiskReview,
)
from registers.review_questions import questions_for
from registers.services import (
    StaleEdit,
    action_complete,
    action_create,
    action_update,
    register_approve,
    register_update,
    risk_close,
    risk_report_accept,
    risk_report_decline,
    risk_report_submit,
    risk_review_record,
    risk_update,
)
from scoring.matrix import COVENTRY
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db


def test_an_edit_bumps_the_version_and_names_the_user(org):
    risk = RiskFactory(register=org.service_register)
    updated = risk_update(
        risk=risk, by=org.people["head"], version=1, changes={"residual_likelihood": 2}
    )
    assert updated.version == 2 and updated.residual_likelihood == 2
    assert updated.history.latest().history_user == org.people["head"]


def test_a_stale_edit_is_refused_and_says_what_changed(org):
    risk = RiskFactory(register=org.service_register, title="Original")
    # Both start from version 1; the head saves first.
    risk_update(risk=risk, by=org.people["head"], version=1, changes={"title": "Head's title"})
    with pytest.raises(StaleEdit) as refused:
        risk_update(risk=risk, by=org.people["officer"], version=1, changes={"title": "Mine"})
    assert refused.value.code == "stale"
    assert refused.value.changes == [("title", "Original", "Head's title")]
    assert refused.value.changed_by == org.people["head"].get_full_name()
    assert Risk.objects.get(pk=risk.pk).title == "Head's title"  # nothing overwritten
    # Having seen the change, the officer saves against the current version.
    risk_update(risk=risk, by=org.people["officer"], version=2, changes={"title": "Mine"})
    assert Risk.objects.get(pk=risk.pk).title == "Mine"


def test_an_invalid_edit_saves_nothing(org):
    risk = RiskFactory(register=org.service_register)
    with pytest.raises(ValidationError):
        risk_update(
            risk=risk,
            by=org.people["head"],
            version=1,
            changes={"response": "tolerate", "response_rationale": ""},
        )
    risk.refresh_from_db()
    assert risk.response == "treat" and risk.response_rationale and risk.version == 1


def test_only_editable_fields_go_through_risk_update(org):
    risk = RiskFactory(register=org.service_register)
    with pytest.raises(ValueError):
        risk_update(risk=risk, by=org.people["head"], version=1, changes={"status": "closed"})


def test_a_closed_risk_cannot_be_edited(org):
    risk = risk_close(
        risk=RiskFactory(register=org.service_register), by=org.people["head"], reason="Gone"
    )
    with pytest.raises(ValidationError) as refused:
        risk_update(risk=risk, by=org.people["head"], version=risk.version, changes={})
    assert refused.value.code == "closed"


def answers_for(register):
    return {q: f"Answer to {q}" for q in questions_for(register.tier)}


def test_a_review_keeps_answers_scores_and_sets_the_next_date(org):
    risk = RiskFactory(
        register=org.corporate,
        residual_likelihood=4,
        residual_impact=4,
        inherent_likelihood=5,
        inherent_impact=4,
    )
    review = risk_review_record(
        risk=risk, by=org.people["chief"], answers=answers_for(org.corporate), bands=COVENTRY
    )
    today = timezone.localdate()
    assert [a["question"] for a in review.answers] == list(questions_for("corporate"))
    assert (review.residual_likelihood, review.residual_impact) == (4, 4)
    assert (review.residual_band_key, review.residual_band_label) == ("red", "Red")
    assert review.inherent_band_label == "Red"
    assert review.next_review_due == add_months(today, org.corporate.review_interval_months)
    risk.refresh_from_db()
    assert risk.last_reviewed_on == today and risk.next_review_due == review.next_review_due
    assert risk.version == 2
    assert risk.history.latest().history_change_reason == "Reviewed"


def test_a_review_snapshot_does_not_follow_later_changes(org):
    risk = RiskFactory(register=org.corporate, residual_likelihood=4, residual_impact=4)
    review = risk_review_record(
        risk=risk, by=org.people["chief"], answers=answers_for(org.corporate), bands=COVENTRY
    )
    risk_update(risk=risk, by=org.people["chief"], version=2, changes={"residual_likelihood": 1})
    review.refresh_from_db()
    assert review.residual_score == 16 and review.residual_band_label == "Red"


def test_a_review_needs_every_question_answered(org):
    risk = RiskFactory(register=org.service_register)
    answers = answers_for(org.service_register)
    answers[questions_for("service")[2]] = "  "
    with pytest.raises(ValidationError) as refused:
        risk_review_record(risk=risk, by=org.people["head"], answers=answers, bands=COVENTRY)
    assert refused.value.code == "answers_required"
    assert not RiskReview.objects.exists()


def test_project_registers_are_reviewed_with_the_service_questions(org):
    risk = RiskFactory(register=org.project_register)
    review = risk_review_record(
        risk=risk,
        by=org.people["head"],
        answers=answers_for(org.project_register),
        bands=COVENTRY,
    )
    assert review.answers[-1]["question"].endswith("directorate risk register?")


def test_actions_are_added_updated_and_completed_with_history(org):
    risk = RiskFactory(register=org.service_register)
    action = action_create(
        risk=risk,
        by=org.people["head"],
        kind=ActionKind.ACTION,
        description="Train staff",
        owner=org.people["officer"],
        due_date=timezone.localdate() + timedelta(days=30),
    )
    assert action.history.latest().history_user == org.people["head"]
    action_update(
        action=action, by=org.people["officer"], version=1, status=ActionStatus.IN_PROGRESS
    )
    done = action_complete(action=action, by=org.people["officer"], evaluation="All trained")
    assert done.status == ActionStatus.DONE and done.completed_on == timezone.localdate()
    assert done.evaluation_notes == "All trained"
    with pytest.raises(ValidationError) as refused:
        action_complete(action=done, by=org.people["officer"])
    assert refused.value.code == "already_done"
    reopened = action_update(
        action=done, by=org.people["head"], version=done.version, status=ActionStatus.OPEN
    )
    assert reopened.completed_on is None
    # Every change is a version: added, edited, completed, reopened.
    assert reopened.version == 4 and reopened.history.count() == 4


def test_a_closed_risk_takes_no_new_actions(org):
    risk = risk_close(
        risk=RiskFactory(register=org.service_register), by=org.people["head"], reason="Gone"
    )
    with pytest.raises(ValidationError) as refused:
        action_create(risk=risk, by=org.people["head"], description="Too late")
    assert refused.value.code == "closed"


def test_register_settings_and_approval(org):
    register_update(
        register=org.service_register, by=org.people["head"], version=1, review_interval_months=6
    )
    approved = register_approve(register=org.service_register, by=org.people["head"])
    assert approved.version == 3  # the settings, then the approval
    register = Register.objects.get(pk=org.service_register.pk)
    assert register.review_interval_months == 6
    assert approved.last_approved_by == org.people["head"]
    assert register.next_review_due == add_months(timezone.localdate(), 6)
    assert register.history.latest().history_change_reason == "Review approved"
    with pytest.raises(ValueError):
        register_update(register=register, by=org.people["head"], version=3, prefix="NEW")


def report(org, **fields):
    return risk_report_submit(
        register=org.service_register,
        by=org.people["officer"],
        **(
            {
                "title": "Legionella in day centre",
                "event": "If water systems are not flushed",
                "consequence": "legionella may grow",
                "impact": "resulting in illness",
                "category": "customers_citizens",
            }
            | fields
        ),
    )


def test_an_accepted_report_becomes_an_unscored_risk(org):
    accepted = risk_report_accept(
        report=report(org), by=org.people["head"], owner=org.people["officer"]
    )
    risk = accepted.risk
    assert accepted.status == ReportStatus.ACCEPTED and accepted.decided_by == org.people["head"]
    assert risk.register == org.service_register and risk.owner == org.people["officer"]
    assert risk.reference == "AC-01" and risk.residual_score is None
    assert risk.title == "Legionella in day centre"


def test_a_report_needs_its_description(org):
    with pytest.raises(ValidationError) as refused:
        report(org, consequence="")
    assert "consequence" in refused.value.message_dict


def test_declining_needs_a_reason_and_deciding_twice_is_refused(org):
    pending = report(org)
    with pytest.raises(ValidationError) as refused:
        risk_report_decline(report=pending, by=org.people["head"], reason=" ")
    assert refused.value.code == "reason_required"
    declined = risk_report_decline(
        report=pending, by=org.people["head"], reason="Duplicate of AC-02"
    )
    assert declined.status == ReportStatus.DECLINED
    with pytest.raises(ValidationError) as twice:
        risk_report_accept(report=pending, by=org.people["head"], owner=org.people["head"])
    assert twice.value.code == "already_decided"

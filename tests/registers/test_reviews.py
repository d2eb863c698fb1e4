"""Recording a review of a risk: who may, what is kept, what is refused."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from registers.due import add_months
from registers.models import RiskReview, RiskStatus
from registers.review_questions import CORPORATE, SERVICE
from tests.conftest import MAY_CHANGE_SERVICE_RISK, MAY_NOT_CHANGE_SERVICE_RISK
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db

ALLOWED = MAY_CHANGE_SERVICE_RISK
REFUSED = MAY_NOT_CHANGE_SERVICE_RISK


@pytest.fixture
def risk(org):
    """A service risk owned by the officer: inherent 4 by 4 (red), residual 3 by 3 (amber)."""
    return RiskFactory(register=org.service_register, owner=org.people["officer"])


def review_url(risk):
    return reverse("registers:risk-review", kwargs={"pk": risk.pk})


def answers_for(questions, **changes):
    data = {f"answer_{n}": f"Answer {n}" for n in range(1, len(questions) + 1)}
    return {**data, "notes": "", **changes}


@pytest.mark.parametrize("who", ALLOWED)
def test_the_risk_and_register_owners_and_insurance_may_review(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.get(review_url(risk)).status_code == 200
    response = client.post(review_url(risk), answers_for(SERVICE))
    assert response.status_code == 302
    assert response["Location"] == risk.get_absolute_url()
    assert RiskReview.objects.filter(risk=risk, reviewed_by=org.people[who]).exists()


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_a_review(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.get(review_url(risk)).status_code == 403
    assert client.post(review_url(risk), answers_for(SERVICE)).status_code == 403
    assert not RiskReview.objects.exists()


def test_a_closed_risk_is_not_reviewed(client, org, risk):
    risk.status, risk.closure_reason, risk.closed_at = RiskStatus.CLOSED, "Gone", timezone.now()
    risk.save()
    client.force_login(org.people["head"])
    assert client.get(review_url(risk)).status_code == 403
    assert client.post(review_url(risk), answers_for(SERVICE)).status_code == 403


def test_a_missing_risk_is_not_found(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(reverse("registers:risk-review", kwargs={"pk": 9999})).status_code == 404


def test_the_page_shows_the_scores_with_bands_and_the_tiers_questions(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.get(review_url(risk))
    page = response.content.decode()
    assert 'Red <span class="band-score">16</span>' in page
    assert 'Amber <span class="band-score">9</span>' in page
    for number, question in enumerate(SERVICE, start=1):
        assert f'for="id_answer_{number}"' in page
        assert question in page
    assert 'for="id_notes"' in page
    next_due = add_months(timezone.localdate(), org.service_register.review_interval_months)
    assert date_format(next_due, "j F Y") in page
    assert "edit the scores first" in page


def test_the_page_links_to_the_score_editor_when_there_is_one(client, org, risk):
    from django.urls import NoReverseMatch

    try:
        edit_url = reverse("registers:risk-edit", kwargs={"pk": risk.pk})
    except NoReverseMatch:
        pytest.skip("the risk edit page is not there yet")
    client.force_login(org.people["officer"])
    assert f'href="{edit_url}"' in client.get(review_url(risk)).content.decode()


def test_a_corporate_risk_is_asked_the_corporate_questions(client, org):
    risk = RiskFactory(register=org.corporate, owner=org.people["chief"])
    client.force_login(org.people["chief"])
    page = client.get(review_url(risk)).content.decode()
    assert all(question in page for question in CORPORATE)
    assert "Can the risk come off the service risk register?" not in page


def test_a_project_risk_is_asked_the_service_questions(client, org):
    risk = RiskFactory(register=org.project_register, owner=org.people["officer"])
    client.force_login(org.people["officer"])
    client.post(review_url(risk), answers_for(SERVICE))
    assert [a["question"] for a in RiskReview.objects.get().answers] == list(SERVICE)


def test_a_review_keeps_the_answers_the_score_snapshot_and_sets_the_next_due_date(
    client, org, risk
):
    org.service_register.review_interval_months = 6
    org.service_register.save()
    client.force_login(org.people["head"])
    response = client.post(
        review_url(risk), answers_for(SERVICE, answer_1="  No change  ", notes="Quiet quarter")
    )
    review = RiskReview.objects.get()
    today = timezone.localdate()
    next_due = add_months(today, 6)
    assert review.answers[0] == {"question": SERVICE[0], "answer": "No change"}
    assert [a["question"] for a in review.answers] == list(SERVICE)
    assert review.notes == "Quiet quarter"
    assert review.reviewed_by == org.people["head"]
    assert review.register == org.service_register
    assert (review.inherent_likelihood, review.inherent_impact) == (4, 4)
    assert (review.residual_likelihood, review.residual_impact) == (3, 3)
    assert review.inherent_band_label == "Red"
    assert (review.residual_band_key, review.residual_band_label) == ("amber", "Amber")
    assert review.next_review_due == next_due
    risk.refresh_from_db()
    assert risk.last_reviewed_on == today
    assert risk.next_review_due == next_due
    record = risk.history.latest()
    assert (record.history_user, record.history_change_reason) == (org.people["head"], "Reviewed")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == [
        f"Review of {risk.reference} recorded. The next review is due on "
        f"{date_format(next_due, 'j F Y')}."
    ]


def test_a_later_rescore_does_not_rewrite_the_snapshot(client, org, risk):
    client.force_login(org.people["officer"])
    client.post(review_url(risk), answers_for(SERVICE))
    risk.residual_likelihood = 5
    risk.save()
    assert RiskReview.objects.get().residual_likelihood == 3


def test_an_unscored_risk_is_reviewed_with_no_scores(client, org):
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
    )
    client.force_login(org.people["officer"])
    assert "Not scored" in client.get(review_url(risk)).content.decode()
    client.post(review_url(risk), answers_for(SERVICE))
    review = RiskReview.objects.get()
    assert review.residual_likelihood is None and review.residual_band_label == ""


def test_each_unanswered_question_is_refused_and_the_other_answers_kept(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.post(
        review_url(risk),
        answers_for(SERVICE, answer_2="", answer_5="   ", answer_3="Scores still right"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"answer_2", "answer_5"}
    assert form.errors["answer_2"] == ["Answer this question."]
    page = response.content.decode()
    assert "Scores still right" in page
    assert page.count("Answer this question.") >= 2
    assert not RiskReview.objects.exists()
    risk.refresh_from_db()
    assert risk.last_reviewed_on is None


def test_the_last_review_is_shown_to_the_next_reviewer(client, org, risk):
    client.force_login(org.people["officer"])
    client.post(review_url(risk), answers_for(SERVICE, answer_4="A new supplier risk"))
    page = client.get(review_url(risk)).content.decode()
    assert "A new supplier risk" in page
    assert "has not been reviewed" not in page


def test_the_review_page_runs_a_bounded_number_of_queries(
    client, org, risk, django_assert_max_num_queries
):
    client.force_login(org.people["officer"])
    client.post(review_url(risk), answers_for(SERVICE))
    with django_assert_max_num_queries(8):
        client.get(review_url(risk))


def quick_review(risk, **changes):
    return {"no_change": "1", "quick-note": "", "quick-version": str(risk.version), **changes}


def test_the_page_offers_a_review_with_no_change_in_one_step(client, org, risk):
    client.force_login(org.people["officer"])
    page = client.get(review_url(risk)).content.decode()
    assert "No change: scores, controls and actions still right" in page
    assert 'for="id_quick-note"' in page
    assert f'name="quick-version" value="{risk.version}"' in page


@pytest.mark.parametrize("who", ALLOWED)
def test_a_quick_review_records_the_scores_and_the_note_without_answers(client, org, risk, who):
    client.force_login(org.people[who])
    response = client.post(review_url(risk), quick_review(risk, **{"quick-note": " Checked "}))
    assert response.status_code == 302
    review = RiskReview.objects.get()
    next_due = add_months(timezone.localdate(), org.service_register.review_interval_months)
    assert review.no_change
    assert review.answers == []
    assert review.notes == "Checked"
    assert review.reviewed_by == org.people[who]
    assert (review.residual_likelihood, review.residual_impact) == (3, 3)
    assert review.residual_band_label == "Amber"
    assert review.next_review_due == next_due
    risk.refresh_from_db()
    assert (risk.last_reviewed_on, risk.next_review_due) == (timezone.localdate(), next_due)
    assert risk.history.latest().history_change_reason == "Reviewed: no change"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Review of {risk.reference} recorded (no change). The next review is due on "
        f"{date_format(next_due, 'j F Y')}."
    ]


def test_a_quick_review_needs_no_note(client, org, risk):
    client.force_login(org.people["officer"])
    assert client.post(review_url(risk), quick_review(risk)).status_code == 302
    assert RiskReview.objects.get().notes == ""


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_a_quick_review(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.post(review_url(risk), quick_review(risk)).status_code == 403
    assert not RiskReview.objects.exists()


def test_a_quick_review_of_a_risk_changed_since_the_page_opened_is_not_recorded(client, org, risk):
    from registers.services import risk_update

    seen = risk.version
    risk_update(
        risk=risk,
        by=org.people["head"],
        version=seen,
        changes={"residual_likelihood": 5, "residual_impact": 5},
    )
    client.force_login(org.people["officer"])
    response = client.post(
        review_url(risk), quick_review(risk, **{"quick-version": str(seen), "quick-note": "Kept"})
    )
    assert response.status_code == 200
    assert not RiskReview.objects.exists()
    page = response.content.decode()
    assert "changed this risk" in page and "no review has been recorded" in page
    assert 'Red <span class="band-score">25</span>' in page  # the scores as they now are
    assert f'name="quick-version" value="{seen + 1}"' in page  # confirming again is possible
    assert "Kept</textarea>" in page  # the note is not lost
    again = quick_review(risk, **{"quick-version": str(seen + 1)})
    assert client.post(review_url(risk), again).status_code == 302
    assert RiskReview.objects.get().no_change


def test_a_quick_review_without_its_version_is_refused_with_a_clear_error(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.post(review_url(risk), {"no_change": "1", "quick-note": "x"})
    assert response.status_code == 200
    assert "lost track of the version" in response.content.decode()
    assert not RiskReview.objects.exists()


def test_a_full_review_still_needs_every_answer(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.post(review_url(risk), answers_for(SERVICE, answer_2=""))
    assert response.status_code == 200
    assert not RiskReview.objects.exists()

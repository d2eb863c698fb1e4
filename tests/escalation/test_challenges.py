"""Challenging a risk's assessment (docs/domain.md#challenging-an-assessment): who may raise
and answer a challenge, what is kept, who is told, what the risk's history shows."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from common.people import person_name
from escalation.challenges import challenge_answer, challenge_raise
from escalation.models import Challenge, ChallengeStatus, Notification
from registers.models import RiskStatus
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db

# A risk on the Adult Care service register (owned by "head"), owned by "officer", scored
# inherent 4 x 4, residual 3 x 3.
MAY_CHALLENGE = ["director", "insurance", "s151", "monitoring", "chief"]
MAY_NOT_CHALLENGE = ["officer", "head", "audit", "committee", "other_officer", "other_director"]
ANSWERERS = ["officer", "head"]
NOT_ANSWERERS = [
    "director",
    "insurance",
    "s151",
    "monitoring",
    "chief",
    "audit",
    "committee",
    "other_officer",
    "other_director",
]
SUGGESTED = {"suggested_residual_likelihood": 4, "suggested_residual_impact": 5}


@pytest.fixture
def risk(org):
    return RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        inherent_likelihood=4,
        inherent_impact=4,
        residual_likelihood=3,
        residual_impact=3,
    )


def raise_one(org, risk, who="director", **suggested):
    return challenge_raise(
        risk=risk,
        by=org.people[who],
        reason="Two homes closed this quarter; it is likelier than scored.",
        suggested=SUGGESTED | suggested,
    )


def create_url(risk):
    return reverse("escalation:challenge-create", kwargs={"pk": risk.pk})


def answer_url(challenge):
    return reverse("escalation:challenge-answer", kwargs={"pk": challenge.pk})


# Raising a challenge ------------------------------------------------------------------------


def test_a_challenge_keeps_why_the_scores_then_and_the_scores_suggested(org, risk):
    challenge = raise_one(org, risk, suggested_inherent_likelihood=5, suggested_inherent_impact=4)
    assert challenge.status == ChallengeStatus.OPEN
    assert challenge.raised_by == org.people["director"]
    assert (challenge.inherent_score, challenge.residual_score) == (16, 9)
    assert (challenge.suggested_inherent_score, challenge.suggested_residual_score) == (20, 20)
    assert challenge.history.get().history_change_reason == "Raised"


def test_the_risks_owner_and_its_registers_owner_are_told(org, risk):
    challenge = raise_one(org, risk)
    told = Notification.objects.filter(url=challenge.get_absolute_url())
    assert {n.recipient for n in told} == {org.people["officer"], org.people["head"]}
    message = told.first().message
    assert "likelier than scored" in message
    assert "residual 20" in message and "now inherent 16, residual 9" in message


@pytest.mark.parametrize(
    ("suggested", "field"),
    [
        ({"suggested_residual_likelihood": None}, "suggested_residual_likelihood"),
        ({"suggested_residual_impact": 6}, "suggested_residual_impact"),
        ({"suggested_inherent_likelihood": 3}, "__all__"),
    ],
)
def test_scores_out_of_the_scale_or_half_a_pair_are_refused(org, risk, suggested, field):
    with pytest.raises(ValidationError) as refused:
        raise_one(org, risk, **suggested)
    assert field in refused.value.message_dict
    assert not Challenge.objects.exists()


def test_a_closed_risk_cannot_be_challenged(org, risk):
    risk.status, risk.closure_reason, risk.closed_at = RiskStatus.CLOSED, "Gone", timezone.now()
    risk.save()
    with pytest.raises(ValidationError) as refused:
        raise_one(org, risk)
    assert refused.value.code == "risk_closed"


@pytest.mark.parametrize("who", MAY_NOT_CHALLENGE)
def test_the_owners_and_those_who_cannot_see_or_only_read_may_not_challenge(org, risk, who):
    with pytest.raises(ValidationError) as refused:
        raise_one(org, risk, who=who)
    assert refused.value.code == "not_allowed"


# Answering ----------------------------------------------------------------------------------

RESCORE = {
    "inherent_likelihood": 4,
    "inherent_impact": 5,
    "residual_likelihood": 4,
    "residual_impact": 4,
}


def test_re_scoring_changes_the_risk_and_says_so_in_its_history(org, risk):
    challenge = raise_one(org, risk)
    answered = challenge_answer(
        challenge=challenge, by=org.people["officer"], rescore=True, answer="", scores=RESCORE
    )
    risk.refresh_from_db()
    assert (risk.inherent_score, risk.residual_score) == (20, 16)
    assert answered.status == ChallengeStatus.RESCORED
    assert answered.answered_by == org.people["officer"]
    record = risk.history.first()
    assert record.history_change_reason == (
        f"Re-scored on the challenge by {person_name(org.people['director'])}"
    )
    told = Notification.objects.filter(subject__contains="is answered")
    assert {n.recipient for n in told} == {org.people["director"], org.people["head"]}
    assert "re-scored it (inherent 20, residual 16)" in told.first().message


def test_keeping_the_assessment_needs_a_reason_and_changes_no_score(org, risk):
    challenge = raise_one(org, risk)
    with pytest.raises(ValidationError) as refused:
        challenge_answer(challenge=challenge, by=org.people["head"], rescore=False, answer=" ")
    assert refused.value.code == "reason_required"
    kept = challenge_answer(
        challenge=challenge, by=org.people["head"], rescore=False, answer="The homes reopened."
    )
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact) == (3, 3)
    assert (kept.status, kept.answer) == (ChallengeStatus.KEPT, "The homes reopened.")


def test_re_scoring_needs_all_four_scores(org, risk):
    challenge = raise_one(org, risk)
    with pytest.raises(ValidationError) as refused:
        challenge_answer(
            challenge=challenge,
            by=org.people["officer"],
            rescore=True,
            answer="",
            scores=RESCORE | {"inherent_impact": None},
        )
    assert refused.value.code == "scores_required"
    challenge.refresh_from_db()
    assert challenge.is_open


def test_a_challenge_is_answered_once(org, risk):
    challenge = raise_one(org, risk)
    challenge_answer(challenge=challenge, by=org.people["head"], rescore=False, answer="Stands.")
    with pytest.raises(ValidationError) as refused:
        challenge_answer(
            challenge=challenge, by=org.people["officer"], rescore=True, answer="", scores=RESCORE
        )
    assert refused.value.code == "already_answered"
    risk.refresh_from_db()
    assert risk.residual_score == 9


@pytest.mark.parametrize("who", NOT_ANSWERERS)
def test_only_the_owners_answer(org, risk, who):
    challenge = raise_one(org, risk)
    with pytest.raises(ValidationError) as refused:
        challenge_answer(challenge=challenge, by=org.people[who], rescore=False, answer="No.")
    assert refused.value.code == "not_allowed"


# The pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", MAY_CHALLENGE)
def test_those_who_see_the_risk_are_offered_the_challenge(client, org, risk, who):
    client.force_login(org.people[who])
    assert "Challenge the assessment" in client.get(risk.get_absolute_url()).content.decode()
    assert client.get(create_url(risk)).status_code == 200
    response = client.post(
        create_url(risk),
        {
            "reason": "Likelier",
            "suggested_residual_likelihood": "4",
            "suggested_residual_impact": "4",
        },
    )
    challenge = Challenge.objects.get()
    assert response["Location"] == challenge.get_absolute_url()


@pytest.mark.parametrize("who", MAY_NOT_CHALLENGE)
def test_others_are_refused_the_challenge_page(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.get(create_url(risk)).status_code == 403
    assert client.post(create_url(risk), {"reason": "x"}).status_code == 403
    assert not Challenge.objects.exists()


def test_the_refusal_tells_an_owner_to_edit_instead(client, org, risk):
    client.force_login(org.people["officer"])
    assert "re-score it yourself by editing it" in client.get(create_url(risk)).content.decode()


def test_a_challenge_without_its_reason_or_scores_keeps_the_input(client, org, risk):
    client.force_login(org.people["director"])
    response = client.post(
        create_url(risk),
        {"reason": "", "suggested_residual_likelihood": "4", "suggested_inherent_impact": "3"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {
        "reason",
        "suggested_residual_impact",
        "suggested_inherent_likelihood",
    }
    html = response.content.decode()
    assert "error-summary" in html
    assert '<option value="4" selected>' in html


@pytest.mark.parametrize("who", ["director", "officer", "head", "audit", "insurance"])
def test_anyone_who_sees_the_risk_reads_the_challenge(client, org, risk, who):
    challenge = raise_one(org, risk)
    client.force_login(org.people[who])
    page = client.get(challenge.get_absolute_url())
    assert page.status_code == 200
    assert ("Answer the challenge" in page.content.decode()) is (who in ANSWERERS)


@pytest.mark.parametrize("who", ["other_officer", "other_director"])
def test_those_who_cannot_see_the_risk_cannot_read_the_challenge(client, org, risk, who):
    challenge = raise_one(org, risk)
    client.force_login(org.people[who])
    assert client.get(challenge.get_absolute_url()).status_code == 403


@pytest.mark.parametrize("who", ANSWERERS)
def test_the_owners_answer_on_the_page(client, org, risk, who):
    challenge = raise_one(org, risk)
    client.force_login(org.people[who])
    response = client.post(
        answer_url(challenge),
        {"outcome": "rescore", **{k: str(v) for k, v in RESCORE.items()}, "answer": ""},
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.residual_score == 16


@pytest.mark.parametrize("who", ["director", "insurance", "audit", "other_officer"])
def test_others_may_not_answer(client, org, risk, who):
    challenge = raise_one(org, risk)
    client.force_login(org.people[who])
    response = client.post(answer_url(challenge), {"outcome": "keep", "answer": "No."})
    assert response.status_code == 403
    challenge.refresh_from_db()
    assert challenge.is_open


def test_keeping_without_a_reason_is_refused_on_the_page(client, org, risk):
    challenge = raise_one(org, risk)
    client.force_login(org.people["head"])
    response = client.post(answer_url(challenge), {"outcome": "keep", "answer": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["answer"] == ["Say why the assessment stands."]
    assert client.get(answer_url(challenge)).status_code == 405


def test_the_risk_page_shows_the_open_challenge_and_its_history(client, org, risk):
    challenge = raise_one(org, risk)
    client.force_login(org.people["officer"])
    html = client.get(risk.get_absolute_url()).content.decode()
    assert f'data-challenge="{challenge.pk}"' in html
    assert "waiting for your answer" in html
    challenge_answer(
        challenge=challenge, by=org.people["head"], rescore=False, answer="The homes reopened."
    )
    html = client.get(risk.get_absolute_url()).content.decode()
    assert f'data-challenge="{challenge.pk}"' not in html
    assert "Challenged the assessment (suggested residual 20)" in html
    assert "Kept the assessment: The homes reopened." in html


@pytest.mark.parametrize("count", [1, 20])
def test_the_pages_take_a_fixed_number_of_queries(
    client, org, risk, count, django_assert_max_num_queries
):
    challenges = [raise_one(org, risk) for _ in range(count)]
    client.force_login(org.people["officer"])
    with django_assert_max_num_queries(16):
        assert client.get(risk.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(challenges[-1].get_absolute_url()).status_code == 200

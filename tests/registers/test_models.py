from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from escalation.models import Proposal
from registers.due import add_months
from registers.models import (
    SNAPSHOT_SCORE_FIELDS,
    Action,
    ActionStatus,
    Register,
    Response,
    Risk,
    RiskReview,
    RiskSnapshot,
    RiskStatus,
    ScoreSnapshot,
    Tier,
    action_overdue_q,
    review_overdue_q,
)
from tests.factories import ActionFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", [0, 6])
@pytest.mark.parametrize(
    "field",
    [
        "inherent_likelihood",
        "inherent_impact",
        "residual_likelihood",
        "residual_impact",
        "target_likelihood",
        "target_impact",
    ],
)
def test_the_database_itself_rejects_scores_outside_1_to_5(field, value):
    risk = RiskFactory(target_likelihood=2, target_impact=2)
    # QuerySet.update skips every Python validator: only the database stands in the way.
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=risk.pk).update(**{field: value})


def test_model_validation_explains_a_score_of_6():
    risk = RiskFactory.build(register=RegisterFactory(), residual_likelihood=6)
    with pytest.raises(ValidationError) as error:
        risk.full_clean(exclude=["owner"])
    assert "residual_likelihood" in error.value.message_dict


def test_a_likelihood_without_an_impact_is_refused_by_model_and_database():
    risk = RiskFactory()
    risk.residual_impact = None
    with pytest.raises(ValidationError) as error:
        risk.full_clean()
    assert error.value.error_dict["residual_impact"][0].code == "pair_incomplete"
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=risk.pk).update(residual_impact=None)


def test_not_scored_is_allowed_as_null():
    risk = RiskFactory(
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
    )
    risk.full_clean()
    assert risk.residual_score is None


def test_tolerate_without_a_rationale_is_refused():
    risk = RiskFactory.build(
        register=RegisterFactory(),
        owner=None,
        response=Response.TOLERATE,
        response_rationale="   ",
    )
    with pytest.raises(ValidationError) as error:
        risk.full_clean()
    assert error.value.error_dict["response_rationale"][0].code == "rationale_required"
    saved = RiskFactory(response=Response.TREAT, response_rationale="")
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=saved.pk).update(response=Response.TOLERATE)


def test_tolerate_with_a_rationale_is_accepted():
    risk = RiskFactory(response=Response.TOLERATE, response_rationale="Cheaper to accept.")
    risk.full_clean()


def test_the_database_refuses_a_closed_risk_without_reason():
    risk = RiskFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=risk.pk).update(status=RiskStatus.CLOSED)


def test_references_are_unique_in_an_organisation_whatever_the_case():
    first = RiskFactory(reference="CRR-01")
    with pytest.raises(IntegrityError), transaction.atomic():
        RiskFactory(register=first.register, reference="crr-01")
    RiskFactory(reference="crr-01")  # another organisation's: no clash


def test_a_target_date_needs_a_target_score():
    risk = RiskFactory.build(register=RegisterFactory(), owner=None, target_date=date(2027, 3, 31))
    with pytest.raises(ValidationError) as error:
        risk.full_clean()
    assert "target_date" in error.value.message_dict


def test_one_corporate_register_per_organisation():
    corporate = RegisterFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisterFactory(organisation=corporate.organisation, tier=Tier.CORPORATE)


def test_register_tier_fixes_its_place_in_the_tree(org):
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisterFactory(
            organisation=org.organisation, tier=Tier.SERVICE, directorate=org.directorate
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisterFactory(organisation=org.organisation, tier=Tier.DIRECTORATE)


def test_register_service_must_be_in_its_directorate(org):
    register = Register(
        organisation=org.organisation,
        tier=Tier.PROJECT,
        directorate=org.other_directorate,
        service=org.service,
        name="Mismatch",
        prefix="MM",
        owner=org.people["head"],
    )
    with pytest.raises(ValidationError) as error:
        register.full_clean()
    assert "service" in error.value.message_dict


def test_each_register_knows_where_it_escalates_to(org):
    assert org.service_register.escalates_to == org.directorate_register
    assert org.project_register.escalates_to == org.directorate_register
    assert org.directorate_register.escalates_to == org.corporate
    assert org.corporate.escalates_to is None


def test_absolute_urls(org):
    risk = RiskFactory(register=org.service_register)
    action = ActionFactory(risk=risk)
    assert org.service_register.get_absolute_url() == f"/registers/{org.service_register.pk}/"
    assert risk.get_absolute_url() == f"/risks/{risk.pk}/"
    assert action.get_absolute_url() == f"/risks/{risk.pk}/#action-{action.pk}"


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 21), 3, date(2027, 2, 21)),
        (date(2026, 12, 15), 12, date(2027, 12, 15)),
        (date(2026, 2, 10), -3, date(2025, 11, 10)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


def test_action_overdue_only_while_open():
    action = ActionFactory(due_date=date(2026, 1, 1))
    assert action.is_overdue(today=date(2026, 1, 2))
    assert not action.is_overdue(today=date(2026, 1, 1))
    action.status = "done"
    assert not action.is_overdue(today=date(2026, 1, 2))


TODAY = date(2026, 3, 10)
DUE_DATES = [None, date(2026, 3, 9), TODAY, date(2026, 3, 11)]


def test_the_sql_form_of_a_risks_review_overdue_agrees_with_the_model():
    risks = [
        RiskFactory(next_review_due=due_on)
        for due_on in DUE_DATES
        for _ in range(2)  # one stays open, one is closed below
    ]
    for risk in risks[1::2]:
        Risk.objects.filter(pk=risk.pk).update(
            status=RiskStatus.CLOSED, closure_reason="Gone", closed_at=timezone.now()
        )
    late = set(Risk.objects.filter(review_overdue_q(today=TODAY)).values_list("pk", flat=True))
    assert late == {risk.pk for risk in Risk.objects.all() if risk.review_overdue(TODAY)}
    assert len(late) == 1


def test_the_sql_form_of_an_actions_overdue_agrees_with_the_model():
    for due_on in DUE_DATES:
        for status in ActionStatus.values:
            ActionFactory(due_date=due_on, status=status)
    late = set(Action.objects.filter(action_overdue_q(today=TODAY)).values_list("pk", flat=True))
    assert late == {action.pk for action in Action.objects.all() if action.is_overdue(TODAY)}
    assert len(late) == 2  # not started and in progress, due yesterday


SNAPSHOTS = [RiskReview, RiskSnapshot, Proposal]


@pytest.mark.parametrize("model", SNAPSHOTS)
def test_every_copy_of_a_risks_scores_declares_them_as_the_risk_does(model):
    """Reviews, quarterly snapshots and proposals keep the same four scores, on the risk's
    own 1..5 scale with NULL for "not scored": one declaration, ``ScoreSnapshot``."""
    assert issubclass(model, ScoreSnapshot)
    for name in SNAPSHOT_SCORE_FIELDS:
        *_, kept = model._meta.get_field(name).deconstruct()
        *_, scored = Risk._meta.get_field(name).deconstruct()
        assert kept == scored


@pytest.mark.parametrize("model", SNAPSHOTS)
def test_a_copied_score_of_6_is_explained(model):
    record = model(residual_likelihood=6)
    with pytest.raises(ValidationError) as error:
        record.clean_fields()
    assert "residual_likelihood" in error.value.message_dict


def test_scores_of_copies_the_inherent_and_residual_scores_as_they_stand():
    risk = RiskFactory.build(
        inherent_likelihood=4, inherent_impact=5, residual_likelihood=2, residual_impact=3
    )
    assert ScoreSnapshot.scores_of(risk=risk) == {
        "inherent_likelihood": 4,
        "inherent_impact": 5,
        "residual_likelihood": 2,
        "residual_impact": 3,
    }
    review = RiskReview(**RiskReview.scores_of(risk=risk))
    assert (review.inherent_score, review.residual_score) == (20, 6)


def test_scores_of_keeps_not_scored_as_not_scored():
    risk = RiskFactory.build(
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
    )
    snapshot = RiskSnapshot(**RiskSnapshot.scores_of(risk=risk))
    assert (snapshot.inherent_score, snapshot.residual_score) == (None, None)

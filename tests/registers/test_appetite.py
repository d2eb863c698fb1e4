"""The risk appetite by category: versions and approval, the statement in force on a date, the
tolerance check at every edge and the fallback on the bands (docs/domain.md#risk-appetite)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from common.people import person_name
from registers.appetite import (
    Tolerance,
    appetite_rules,
    compare,
    ensure_appetite_levels,
    statement_in_force,
)
from registers.appetite_services import appetite_approve, appetite_draft_save, appetite_draft_start
from registers.models import AppetiteLevel, AppetiteStatement, Risk, StatementStatus
from registers.selectors import organisation_bands
from scoring.matrix import COVENTRY
from tests.factories import RiskFactory

FINANCE = Tolerance("Finance", "Cautious", 9)


def level(key: str) -> AppetiteLevel:
    ensure_appetite_levels()
    return AppetiteLevel.objects.get(key=key)


def approved_statement(org, *, on: date, lines: dict[str, tuple[str, int]], summary: str = ""):
    """A statement drafted by the Insurance Manager and approved by SLT on ``on``."""
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary=summary,
        lines={key: (level(lvl), tolerance) for key, (lvl, tolerance) in lines.items()},
    )
    at = timezone.make_aware(datetime.combine(max(on, date(2026, 1, 1)), datetime.min.time()))
    return appetite_approve(
        statement=draft,
        by=org.people["chief"],
        decided_on=on,
        at=max(at, timezone.now()),
    )


FINANCE_PEOPLE = {"finance": ("cautious", 9), "people": ("open", 12)}


# The levels as data ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_five_levels_are_seeded_with_their_default_tolerances():
    levels = ensure_appetite_levels()
    assert [(lv.label, lv.default_tolerance) for lv in levels] == [
        ("Averse", 4),
        ("Minimal", 6),
        ("Cautious", 9),
        ("Open", 12),
        ("Eager", 16),
    ]


# The tolerance check, pure --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("residual", "outside"), [(1, False), (8, False), (9, False), (10, True), (25, True)]
)
def test_a_score_at_the_tolerance_is_within_one_above_is_outside(residual, outside):
    verdict = compare(residual=residual, tolerance=FINANCE, bands=COVENTRY)
    assert verdict.outside is outside
    word = "outside" if outside else "within"
    assert verdict.text == f"{word} appetite (Finance: Cautious, tolerance 9)"


@pytest.mark.parametrize(("target", "outside"), [(None, False), (9, False), (10, True)])
def test_the_target_is_compared_where_set(target, outside):
    assert compare(residual=4, target=target, tolerance=FINANCE, bands=COVENTRY).target_outside is (
        outside
    )


@pytest.mark.parametrize(("residual", "outside"), [(14, False), (15, True), (25, True)])
def test_without_a_line_the_band_decides(residual, outside):
    verdict = compare(residual=residual, tolerance=None, bands=COVENTRY)
    assert verdict.outside is outside
    assert verdict.text.endswith(f"({'Red' if outside else 'Amber'} band)")


def test_a_risk_not_scored_is_neither_within_nor_outside():
    verdict = compare(residual=None, tolerance=FINANCE, bands=COVENTRY)
    assert verdict.outside is None and verdict.text == ""


# Versions and approval ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_draft_copies_the_approved_statement(org):
    first = approved_statement(org, on=timezone.localdate(), lines=FINANCE_PEOPLE, summary="Ours")
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    assert (draft.version, draft.status, draft.summary) == (2, StatementStatus.DRAFT, "Ours")
    copied = {(x.category, x.level.key, x.tolerance) for x in draft.lines.all()}
    assert copied == {("finance", "cautious", 9), ("people", "open", 12)}
    # Asking again continues the same draft.
    assert appetite_draft_start(organisation=org.organisation, by=org.people["insurance"]) == draft
    first.refresh_from_db()
    assert first.status == StatementStatus.APPROVED


@pytest.mark.django_db
def test_approving_supersedes_the_earlier_version_and_records_who(org):
    today = timezone.localdate()
    first = approved_statement(org, on=today - timedelta(days=30), lines=FINANCE_PEOPLE)
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary="",
        lines={"finance": (level("open"), 12), "people": (None, None)},
    )
    second = appetite_approve(
        statement=draft,
        by=org.people["insurance"],
        decided_by=org.people["chief"],
        decided_on=today,
    )
    first.refresh_from_db()
    assert first.status == StatementStatus.SUPERSEDED
    assert second.status == StatementStatus.APPROVED
    assert (second.approved_by, second.recorded_by) == (
        org.people["chief"],
        org.people["insurance"],
    )
    assert {x.category for x in second.lines.all()} == {"finance"}
    [latest] = second.history.order_by("-history_id")[:1]
    chief, insurance = (person_name(org.people[k]) for k in ("chief", "insurance"))
    assert latest.history_change_reason == f"Approval by {chief} recorded by {insurance}"
    assert latest.history_user == org.people["insurance"]


@pytest.mark.django_db
def test_the_statement_in_force_on_a_date_is_the_latest_approved_by_then(org):
    today = timezone.localdate()
    first = approved_statement(org, on=today - timedelta(days=100), lines=FINANCE_PEOPLE)
    second = approved_statement(org, on=today - timedelta(days=10), lines={"finance": ("open", 12)})
    appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])  # a draft
    assert statement_in_force(org.organisation, on=today - timedelta(days=101)) is None
    assert statement_in_force(org.organisation, on=today - timedelta(days=100)) == first
    assert statement_in_force(org.organisation, on=today - timedelta(days=11)) == first
    assert statement_in_force(org.organisation, on=today - timedelta(days=10)) == second
    assert statement_in_force(org.organisation, on=today) == second


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "decider", "code"),
    [
        ("insurance", None, "not_an_approver"),
        ("audit", None, "not_an_approver"),
        ("director", None, "not_an_approver"),
        ("director", "chief", "not_a_recorder"),
    ],
)
def test_only_slt_approves_and_only_the_insurance_manager_records(org, who, decider, code):
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary="",
        lines={"finance": (level("open"), 12)},
    )
    with pytest.raises(ValidationError) as refused:
        appetite_approve(
            statement=draft,
            by=org.people[who],
            decided_by=org.people[decider] if decider else None,
            decided_on=timezone.localdate(),
        )
    assert refused.value.code == code
    draft.refresh_from_db()
    assert draft.status == StatementStatus.DRAFT


@pytest.mark.django_db
def test_approval_refusals(org):
    today = timezone.localdate()
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    with pytest.raises(ValidationError) as refused:
        appetite_approve(statement=draft, by=org.people["chief"], decided_on=today)
    assert refused.value.code == "no_lines"
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary="",
        lines={"finance": (level("open"), 12)},
    )
    with pytest.raises(ValidationError) as refused:
        appetite_approve(
            statement=draft, by=org.people["chief"], decided_on=today + timedelta(days=1)
        )
    assert refused.value.code == "date_in_future"
    appetite_approve(statement=draft, by=org.people["chief"], decided_on=today)
    with pytest.raises(ValidationError) as refused:
        appetite_approve(statement=draft, by=org.people["chief"], decided_on=today)
    assert refused.value.code == "not_a_draft"
    with pytest.raises(ValidationError) as refused:
        appetite_draft_save(statement=draft, by=org.people["insurance"], summary="", lines={})
    assert refused.value.code == "not_a_draft"
    later = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    with pytest.raises(ValidationError) as refused:
        appetite_approve(statement=later, by=org.people["chief"], decided_on=today - timedelta(1))
    assert refused.value.code == "before_in_force"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["chief", "audit", "director", "officer"])
def test_only_the_insurance_manager_drafts(org, who):
    with pytest.raises(ValidationError) as refused:
        appetite_draft_start(organisation=org.organisation, by=org.people[who])
    assert refused.value.code == "not_a_drafter"
    assert not AppetiteStatement.objects.exists()


@pytest.mark.django_db
def test_a_draft_line_needs_a_level_and_a_tolerance_in_range(org):
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    for lines, code in [
        ({"finance": (level("open"), 26)}, "incomplete_line"),
        ({"finance": (None, 9)}, "incomplete_line"),
        ({"astrology": (level("open"), 9)}, "unknown_category"),
    ]:
        with pytest.raises(ValidationError) as refused:
            appetite_draft_save(
                statement=draft, by=org.people["insurance"], summary="", lines=lines
            )
        assert refused.value.code == code
    assert not draft.lines.exists()


# The check over many risks, in SQL and in Python ----------------------------------------------


@pytest.mark.django_db
def test_every_risk_is_compared_with_its_categorys_tolerance(org, django_assert_num_queries):
    approved_statement(org, on=timezone.localdate(), lines=FINANCE_PEOPLE)

    def risk(category, likelihood, impact):
        return RiskFactory(
            register=org.corporate,
            category=category,
            residual_likelihood=likelihood,
            residual_impact=impact,
            inherent_likelihood=5,
            inherent_impact=5,
        )

    finance_12 = risk("finance", 3, 4)
    finance_9 = risk("finance", 3, 3)
    people_12 = risk("people", 3, 4)
    people_15 = risk("people", 3, 5)
    legal_10 = risk("legal_regulatory", 2, 5)  # 10: amber, no line
    legal_15 = risk("legal_regulatory", 3, 5)  # red, no line: the band decides
    unscored = risk("finance", None, None)
    bands = organisation_bands(organisation_ids=[org.organisation.pk])
    with django_assert_num_queries(1):
        rules = appetite_rules(bands=bands, on=timezone.localdate())
    expected = {
        finance_12: True,
        finance_9: False,
        people_12: False,
        people_15: True,
        legal_10: False,
        legal_15: True,
        unscored: None,
    }
    for item, outside in expected.items():
        assert rules.verdict(item).outside is outside, item.category
    flagged = set(
        Risk.objects.filter(register=org.corporate)
        .with_bands(bands[org.organisation.pk])
        .alias(outside=rules.outside_case())
        .filter(outside=True)
        .values_list("pk", flat=True)
    )
    assert flagged == {r.pk for r, outside in expected.items() if outside}
    assert rules.verdict(finance_12).text == "outside appetite (Finance: Cautious, tolerance 9)"


@pytest.mark.django_db
def test_with_no_statement_the_bands_decide_everywhere(org):
    red = RiskFactory(register=org.corporate, residual_likelihood=3, residual_impact=5)
    amber = RiskFactory(register=org.corporate, residual_likelihood=3, residual_impact=4)
    bands = organisation_bands(organisation_ids=[org.organisation.pk])
    rules = appetite_rules(bands=bands, on=timezone.localdate())
    assert rules.statements == {org.organisation.pk: None}
    assert rules.verdict(red).outside and not rules.verdict(amber).outside
    assert rules.verdict(red).text == "outside appetite (Red band)"

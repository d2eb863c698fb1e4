"""Trends from the quarterly snapshots: ``trend_between`` and ``QuarterTrends`` (pure, no
database), then ``quarter_snapshots`` and ``quarter_trends`` over approved registers."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from registers.models import RegisterSnapshot, Risk, RiskSnapshot
from registers.periods import Quarter
from registers.selectors.snapshots import QuarterTrends, quarter_snapshots, quarter_trends
from registers.services import register_approve, risk_close
from registers.trends import NEW, NOT_ON_REGISTER, Trend, trend_between
from tests.factories import RiskFactory

# trend_between ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "direction", "change", "label", "glyph", "text"),
    [
        ({"current": 16, "previous": 12}, "up", 4, "Up 4", "↑", "↑ Up 4"),
        ({"current": 6, "previous": 8}, "down", 2, "Down 2", "↓", "↓ Down 2"),
        ({"current": 9, "previous": 9}, "steady", 0, "Steady", "→", "→ Steady"),
        ({"current": 25, "previous": 1}, "up", 24, "Up 24", "↑", "↑ Up 24"),
        ({"current": 12, "previous": None, "on_before": False}, "new", 0, "New", "", "New"),
        ({"current": None, "previous": None, "on_before": False}, "new", 0, "New", "", "New"),
        ({"current": 12, "previous": 12, "on_now": False}, "na", 0, "N/A", "", "N/A"),
        (
            {"current": None, "previous": None, "on_now": False, "on_before": False},
            "na",
            0,
            "N/A",
            "",
            "N/A",
        ),
        ({"current": None, "previous": 9}, "unknown", 0, "Not comparable", "", "Not comparable"),
        ({"current": 9, "previous": None}, "unknown", 0, "Not comparable", "", "Not comparable"),
    ],
)
def test_trend_between_every_case(arguments, direction, change, label, glyph, text):
    trend = trend_between(**arguments)
    assert (trend.direction, trend.change) == (direction, change)
    assert (trend.label, trend.glyph, trend.text) == (label, glyph, text)


def test_words_always_come_first_and_only_moves_have_an_arrow():
    assert NEW.glyph == NOT_ON_REGISTER.glyph == Trend("unknown").glyph == ""
    for trend in (Trend("up", 3), Trend("down", 3), Trend("steady")):
        assert trend.text == f"{trend.glyph} {trend.label}" and trend.label[0].isalpha()


# QuarterTrends (unsaved rows: no database) ----------------------------------------------------

Q1, Q2, Q3, Q4 = (Quarter(2024, number) for number in range(1, 5))


def row(risk_id, residual):
    likelihood, impact = residual if residual else (None, None)
    return RiskSnapshot(risk_id=risk_id, residual_likelihood=likelihood, residual_impact=impact)


def trends_over(quarters, approved):
    """``approved``: quarter -> {risk id: residual (likelihood, impact) or None}."""
    return QuarterTrends(
        quarters=quarters,
        snapshots={
            quarter: RegisterSnapshot(year=quarter.year, quarter=quarter.number)
            for quarter in approved
        },
        risks={
            quarter: {risk_id: row(risk_id, score) for risk_id, score in risks.items()}
            for quarter, risks in approved.items()
        },
    )


UP, DOWN, STEADY, ARRIVES, LEAVES, UNSCORED = 1, 2, 3, 4, 5, 6


FOUR_QUARTERS = {
    Q1: {UP: (2, 3), DOWN: (4, 4), STEADY: (3, 3), LEAVES: (3, 3), UNSCORED: (2, 2)},
    Q2: {UP: (3, 3), DOWN: (3, 4), STEADY: (3, 3), LEAVES: (2, 3), UNSCORED: None},
    Q3: {UP: (4, 3), DOWN: (2, 4), STEADY: (3, 3), ARRIVES: (5, 5), UNSCORED: None},
    Q4: {UP: (4, 4), DOWN: (2, 3), STEADY: (3, 3), ARRIVES: (4, 5), UNSCORED: (1, 1)},
}


@pytest.fixture
def four_quarters():
    return trends_over([Q1, Q2, Q3, Q4], FOUR_QUARTERS)


def labels(trends, risk_id):
    return [trend.label for trend in trends.of(risk_id)]


def test_each_risks_trend_over_four_quarters(four_quarters):
    assert labels(four_quarters, UP) == ["New", "Up 3", "Up 3", "Up 4"]
    assert labels(four_quarters, DOWN) == ["New", "Down 4", "Down 4", "Down 2"]
    assert labels(four_quarters, STEADY) == ["New", "Steady", "Steady", "Steady"]
    assert labels(four_quarters, ARRIVES) == ["N/A", "N/A", "New", "Down 5"]
    assert labels(four_quarters, LEAVES) == ["New", "Down 3", "N/A", "N/A"]
    assert labels(four_quarters, UNSCORED) == [
        "New",
        "Not comparable",
        "Not comparable",
        "Not comparable",
    ]
    assert labels(four_quarters, 999) == ["N/A"] * 4


def test_the_first_quarter_shown_compares_with_the_snapshot_before_it():
    """Only Q3 and Q4 shown, with Q2's snapshot loaded: Q3 is against Q2, not "New"."""
    shown = trends_over([Q3, Q4], {q: FOUR_QUARTERS[q] for q in (Q2, Q3, Q4)})
    assert labels(shown, UP) == ["Up 3", "Up 4"]
    assert labels(shown, ARRIVES) == ["New", "Down 5"]


def test_a_quarter_without_a_snapshot_falls_back_to_the_latest_earlier_one():
    trends = trends_over(
        [Q1, Q2, Q3],
        {Q1: {UP: (2, 2), STEADY: (3, 3)}, Q3: {UP: (3, 3), STEADY: (3, 3), ARRIVES: (1, 1)}},
    )
    assert labels(trends, UP) == ["New", "N/A", "Up 5"]  # Q3 against Q1
    assert labels(trends, STEADY) == ["New", "N/A", "Steady"]
    assert labels(trends, ARRIVES) == ["N/A", "N/A", "New"]
    assert trends.in_quarter(UP, Q2) == NOT_ON_REGISTER  # nothing approved in Q2


def test_snapshot_of_gives_the_frozen_row_or_none(four_quarters):
    assert four_quarters.snapshot_of(UP, Q2).residual_score == 9
    assert four_quarters.snapshot_of(ARRIVES, Q1) is None
    assert four_quarters.snapshot_of(UP, Quarter(2030, 1)) is None


# quarter_snapshots and quarter_trends over the database ---------------------------------------


def approve(register, quarter, *, day=30, hour=12):
    at = timezone.make_aware(datetime.combine(quarter.start + timedelta(days=day), time(hour)))
    register_approve(register=register, by=register.owner, at=at)


def rescore(risk, likelihood, impact):
    Risk.objects.filter(pk=risk.pk).update(residual_likelihood=likelihood, residual_impact=impact)


@pytest.mark.django_db
def test_a_later_approval_in_the_same_quarter_wins(org):
    register = org.service_register
    risk = RiskFactory(register=register, residual_likelihood=2, residual_impact=2)
    approve(register, Q1)
    rescore(risk, 3, 3)
    approve(register, Q2, day=10)
    rescore(risk, 4, 4)
    approve(register, Q2, day=70)
    rescore(risk, 5, 5)
    approve(register, Q2, day=40)  # approved between the two: the latest approval still wins
    snapshots = quarter_snapshots(register=register, up_to=Q2)
    assert set(snapshots) == {Q1, Q2}
    assert timezone.localdate(snapshots[Q2].approved_at) == Q2.start + timedelta(days=70)
    trends = quarter_trends(register=register, quarters=[Q1, Q2])
    assert [t.label for t in trends.of(risk.pk)] == ["New", "Up 12"]  # 16 against 4


@pytest.mark.django_db
def test_quarters_after_up_to_and_other_registers_are_left_out(org):
    register = org.service_register
    risk = RiskFactory(register=register, residual_likelihood=2, residual_impact=2)
    RiskFactory(register=org.other_service_register)
    approve(register, Q1)
    approve(org.other_service_register, Q2)
    rescore(risk, 3, 3)
    approve(register, Q3)
    assert set(quarter_snapshots(register=register, up_to=Q2)) == {Q1}
    assert set(quarter_snapshots(register=register, up_to=Q3)) == {Q1, Q3}
    trends = quarter_trends(register=register, quarters=[Q2, Q3])
    assert [t.label for t in trends.of(risk.pk)] == ["N/A", "Up 5"]  # Q3 against Q1


@pytest.mark.django_db
def test_a_closed_risk_is_na_from_the_quarter_it_left(org):
    register = org.corporate
    risk = RiskFactory(register=register)
    approve(register, Q1)
    risk_close(risk=risk, by=register.owner, reason="Mitigated for good")
    approve(register, Q2)
    trends = quarter_trends(register=register, quarters=[Q1, Q2])
    assert [t.label for t in trends.of(risk.pk)] == ["New", "N/A"]


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.django_db
def test_quarter_trends_is_two_queries(org, count, django_assert_num_queries):
    register = org.service_register
    RiskFactory.create_batch(count, register=register)
    for quarter in (Q1, Q2, Q3, Q4):
        approve(register, quarter)
    with django_assert_num_queries(2):
        trends = quarter_trends(register=register, quarters=[Q1, Q2, Q3, Q4])
        assert len(trends.risks[Q4]) == count

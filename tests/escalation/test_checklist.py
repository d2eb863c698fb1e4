"""The checklist rules, in pure Python: no database (pytest-django refuses any access here)."""

from datetime import date, timedelta

import pytest

from escalation.checklist import FactorSpec, RiskScores, evaluate
from escalation.models import FactorRule
from scoring import matrix
from scoring.matrix import COVENTRY, Band

HORIZON_END = date(2026, 3, 31)

# The policy's two checklists as the migration seeds them: 1 and 8 derived, 2-7 judged.
DIRECTORATE = [
    FactorSpec(1, "The risk is an amber or red risk.", "residual_above_lowest"),
    *[FactorSpec(n, f"Directorate factor {n}") for n in range(2, 8)],
    FactorSpec(8, "Not green within the next quarter.", "target_not_lowest"),
]
CORPORATE = [
    FactorSpec(1, "The risk is a red risk.", "residual_outside_appetite"),
    *[FactorSpec(n, f"Corporate factor {n}") for n in range(2, 8)],
    FactorSpec(8, "Not amber within the next quarter.", "target_not_within_appetite"),
]

# Another body's scheme: four bands, two within appetite, other labels and floors.
FOUR_BANDS = (
    Band("low", "Low", 1, "#2e7d32", True),
    Band("medium", "Medium", 5, "#f9a825", True),
    Band("high", "High", 10, "#ef6c00", False),
    Band("critical", "Critical", 20, "#b71c1c", False),
)


def scores(residual=(4, 4), target=None, target_date=None) -> RiskScores:
    residual_l, residual_i = residual if residual else (None, None)
    target_l, target_i = target if target else (None, None)
    return RiskScores(residual_l, residual_i, target_l, target_i, target_date)


def answer(factors, number, *, bands=COVENTRY, horizon_end=HORIZON_END, ticks=None, **kwargs):
    evaluation = evaluate(
        factors,
        scores=scores(**kwargs),
        bands=bands,
        horizon_end=horizon_end,
        recommend_at=3,
        ticks=ticks,
    )
    return next(a for a in evaluation.answers if a.number == number)


def test_every_rule_of_the_model_is_one_the_evaluation_knows():
    """A rule added to FactorRule without a branch in evaluate() would be judged silently."""
    from escalation.checklist import JUDGEMENT, RESIDUAL_RULES, TARGET_RULES

    assert set(FactorRule.values) == {JUDGEMENT, *RESIDUAL_RULES, *TARGET_RULES}


def test_the_band_edges_are_the_councils_scheme():
    assert matrix.band_for(5).key == "green" and matrix.band_for(6).key == "amber"
    assert matrix.band_for(14).key == "amber" and matrix.band_for(15).key == "red"


# residual_above_lowest


@pytest.mark.parametrize(
    ("residual", "holds", "words"),
    [
        ((1, 5), False, "Green 5, the lowest band"),
        ((2, 3), True, "Amber 6: above Green"),
        ((3, 4), True, "Amber 12: above Green"),
        ((3, 5), True, "Red 15: above Green"),
        ((5, 5), True, "Red 25: above Green"),
    ],
)
def test_residual_above_lowest_holds_for_amber_and_red(residual, holds, words):
    factor = answer(DIRECTORATE, 1, residual=residual)
    assert factor.derived is True
    assert factor.holds is holds
    assert factor.rule == "residual_above_lowest"
    assert words in factor.explanation


# residual_outside_appetite. 14 is not a product of two scores 1..5: 12 is the highest amber.


@pytest.mark.parametrize(
    ("residual", "holds", "words"),
    [
        ((1, 5), False, "Green 5: within the risk appetite"),
        ((2, 3), False, "Amber 6: within the risk appetite"),
        ((3, 4), False, "Amber 12: within the risk appetite"),
        ((3, 5), True, "Red 15: outside the risk appetite"),
        ((4, 4), True, "Red 16: outside the risk appetite"),
    ],
)
def test_residual_outside_appetite_holds_only_for_red(residual, holds, words):
    factor = answer(CORPORATE, 1, residual=residual)
    assert factor.derived is True
    assert factor.holds is holds
    assert words in factor.explanation


@pytest.mark.parametrize("factors", [DIRECTORATE, CORPORATE])
def test_without_a_residual_score_the_residual_factor_does_not_hold(factors):
    factor = answer(factors, 1, residual=None)
    assert factor.derived is True
    assert factor.holds is False
    assert factor.explanation == "The risk has no residual score, so this cannot hold."


def test_a_tick_on_a_derived_factor_is_ignored():
    factor = answer(DIRECTORATE, 1, residual=(1, 2), ticks={1: "It really is amber"})
    assert factor.derived is True
    assert factor.holds is False
    assert factor.note == ""
    dated = answer(
        DIRECTORATE,
        8,
        target=(1, 2),
        target_date=HORIZON_END,
        ticks={8: "It will not be green"},
    )
    assert dated.derived is True and dated.holds is False and dated.note == ""


# target_not_lowest (service -> directorate checklist, factor 8)


def test_target_not_lowest_does_not_hold_when_green_by_the_horizon():
    factor = answer(DIRECTORATE, 8, target=(1, 2), target_date=HORIZON_END - timedelta(days=30))
    assert factor.derived is True
    assert factor.holds is False
    assert "Green 2 by 1 Mar 2026: Green by 31 Mar 2026" in factor.explanation


def test_target_not_lowest_on_the_horizon_end_itself_does_not_hold():
    factor = answer(DIRECTORATE, 8, target=(1, 5), target_date=HORIZON_END)
    assert factor.derived is True
    assert factor.holds is False


def test_target_not_lowest_one_day_after_the_horizon_holds():
    factor = answer(DIRECTORATE, 8, target=(1, 5), target_date=HORIZON_END + timedelta(days=1))
    assert factor.derived is True
    assert factor.holds is True
    assert "Green 5 by 1 Apr 2026: Green, but after 31 Mar 2026" in factor.explanation


def test_target_not_lowest_holds_when_the_target_is_amber_however_soon():
    factor = answer(DIRECTORATE, 8, target=(2, 3), target_date=HORIZON_END - timedelta(days=60))
    assert factor.derived is True
    assert factor.holds is True
    assert "Amber 6" in factor.explanation and "not Green" in factor.explanation


# target_not_within_appetite (directorate -> corporate checklist, factor 8)


@pytest.mark.parametrize(
    ("target", "target_date", "holds"),
    [
        ((3, 4), HORIZON_END - timedelta(days=1), False),  # amber 12 in time
        ((1, 1), HORIZON_END, False),  # green on the last day
        ((3, 4), HORIZON_END, False),  # amber on the last day
        ((3, 4), HORIZON_END + timedelta(days=1), True),  # amber, a day late
        ((3, 5), HORIZON_END - timedelta(days=60), True),  # red 15: never within appetite
    ],
)
def test_target_not_within_appetite(target, target_date, holds):
    factor = answer(CORPORATE, 8, target=target, target_date=target_date)
    assert factor.derived is True
    assert factor.holds is holds


def test_target_not_within_appetite_explains_a_red_target():
    factor = answer(CORPORATE, 8, target=(3, 5), target_date=date(2026, 2, 1))
    assert factor.explanation == "The target is Red 15 by 1 Feb 2026: not within the risk appetite."


@pytest.mark.parametrize("factors", [DIRECTORATE, CORPORATE])
@pytest.mark.parametrize(
    ("target", "target_date"),
    [(None, None), ((1, 2), None)],
    ids=["no target", "target without a date"],
)
def test_without_a_dated_target_a_person_answers_factor_8(factors, target, target_date):
    unticked = answer(factors, 8, target=target, target_date=target_date)
    assert unticked.derived is False
    assert unticked.holds is False
    assert unticked.explanation == "The risk has no dated target score: answer this yourself."
    ticked = answer(
        factors, 8, target=target, target_date=target_date, ticks={8: "  No plan yet  "}
    )
    assert ticked.derived is False
    assert ticked.holds is True
    assert ticked.note == "No plan yet"


# judgement


def test_a_judged_factor_holds_when_ticked_and_keeps_its_note_trimmed():
    ticked = answer(DIRECTORATE, 5, ticks={5: "  Press interest  "})
    assert (ticked.derived, ticked.holds, ticked.note) == (False, True, "Press interest")
    assert ticked.wording == "Directorate factor 5" and ticked.rule == "judgement"
    assert answer(DIRECTORATE, 4, ticks={5: "Press interest"}).holds is False


def test_a_tick_with_an_empty_note_still_holds_the_service_asks_for_the_note():
    factor = answer(DIRECTORATE, 2, ticks={2: "   "})
    assert factor.holds is True and factor.note == ""


def test_ticks_for_numbers_not_on_the_checklist_do_not_add_answers():
    evaluation = evaluate(
        DIRECTORATE,
        scores=scores(residual=(1, 1)),
        bands=COVENTRY,
        horizon_end=HORIZON_END,
        recommend_at=3,
        ticks={9: "No such factor"},
    )
    assert [a.number for a in evaluation.answers] == list(range(1, 9))
    assert evaluation.held == 0


# held, recommended, judged numbers


def _evaluation(ticks, *, recommend_at=3, residual=(4, 4), target=None, target_date=None):
    return evaluate(
        DIRECTORATE,
        scores=scores(residual=residual, target=target, target_date=target_date),
        bands=COVENTRY,
        horizon_end=HORIZON_END,
        recommend_at=recommend_at,
        ticks=ticks,
    )


def test_held_counts_derived_and_ticked_factors():
    # Red residual (1 holds), no target (8 judged), two ticks.
    evaluation = _evaluation({2: "a", 8: "b"})
    assert evaluation.held == 3
    assert [a.number for a in evaluation.answers if a.holds] == [1, 2, 8]


def test_recommended_from_the_threshold_not_one_below():
    below = _evaluation({2: "a"})  # 1 derived + 1 ticked
    assert below.held == 2 and below.recommended is False
    at = _evaluation({2: "a", 3: "b"})
    assert at.held == 3 and at.recommended is True
    assert _evaluation({2: "a", 3: "b"}, recommend_at=4).recommended is False


def test_judged_numbers_depend_on_whether_the_target_is_dated():
    assert _evaluation({}).judged_numbers == (2, 3, 4, 5, 6, 7, 8)
    dated = _evaluation({}, target=(1, 1), target_date=HORIZON_END)
    assert dated.judged_numbers == (2, 3, 4, 5, 6, 7)


def test_answers_carry_the_wording_and_serialise():
    evaluation = _evaluation({2: "Statutory duty"})
    first = evaluation.answers[0].as_dict()
    assert first == {
        "number": 1,
        "wording": "The risk is an amber or red risk.",
        "rule": "residual_above_lowest",
        "derived": True,
        "holds": True,
        "explanation": "The residual score is Red 16: above Green.",
        "note": "",
    }
    assert evaluation.answers[1].as_dict()["note"] == "Statutory duty"


# another scheme: the rules read bands, not colours


@pytest.mark.parametrize(
    ("residual", "above_lowest", "outside_appetite", "label"),
    [
        ((1, 4), False, False, "Low 4"),
        ((1, 5), True, False, "Medium 5"),
        ((3, 3), True, False, "Medium 9"),
        ((2, 5), True, True, "High 10"),
        ((4, 5), True, True, "Critical 20"),
    ],
)
def test_residual_rules_follow_a_four_band_scheme(residual, above_lowest, outside_appetite, label):
    matrix.validate_bands(FOUR_BANDS)
    lowest = answer(DIRECTORATE, 1, bands=FOUR_BANDS, residual=residual)
    appetite = answer(CORPORATE, 1, bands=FOUR_BANDS, residual=residual)
    assert lowest.holds is above_lowest
    assert appetite.holds is outside_appetite
    assert label in lowest.explanation and label in appetite.explanation
    if above_lowest:
        assert "above Low" in lowest.explanation


@pytest.mark.parametrize(
    ("target", "not_lowest", "not_within_appetite"),
    [
        ((1, 4), False, False),  # Low 4
        ((1, 5), True, False),  # Medium 5: within appetite but not the lowest band
        ((3, 3), True, False),  # Medium 9
        ((2, 5), True, True),  # High 10
    ],
)
def test_target_rules_follow_a_four_band_scheme(target, not_lowest, not_within_appetite):
    kwargs = {"bands": FOUR_BANDS, "target": target, "target_date": HORIZON_END}
    assert answer(DIRECTORATE, 8, **kwargs).holds is not_lowest
    assert answer(CORPORATE, 8, **kwargs).holds is not_within_appetite
    if not_lowest:
        assert "not Low" in answer(DIRECTORATE, 8, **kwargs).explanation

"""The rules on controls and their assurance, and the risk page's warnings built on them: pure,
at every edge (docs/domain.md#controls-and-assurance)."""

from datetime import date

import pytest

from registers import control_rules
from registers.models import Action, ActionKind, ActionStatus, Effectiveness
from registers.warnings import risk_warnings
from scoring.matrix import COVENTRY, Seniority
from tests.registers.test_warnings import EFFECTIVE_CONTROL, make_risk

TODAY = date(2026, 11, 21)
A_YEAR_BEFORE = date(2025, 11, 21)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 21), date(2025, 11, 21)),
        (date(2028, 2, 29), date(2027, 2, 28)),
        (date(2027, 3, 1), date(2026, 3, 1)),
    ],
)
def test_a_year_before(day, expected):
    assert control_rules.year_before(day) == expected
    assert control_rules.assurance_cutoff(day) == expected


@pytest.mark.parametrize(
    ("latest", "assured"),
    [
        (None, False),
        (date(2025, 11, 20), False),  # a year and a day
        (A_YEAR_BEFORE, True),  # the same date a year before still counts
        (date(2026, 6, 1), True),
        (TODAY, True),
    ],
)
def test_assured_in_the_last_twelve_months(latest, assured):
    assert control_rules.assured_recently(latest, today=TODAY) is assured


@pytest.mark.parametrize(
    ("inherent", "residual", "any_effective", "wanted"),
    [
        (16, 9, False, True),
        (16, 15, False, True),  # one below is below
        (16, 16, False, False),  # not below: the residual-not-below warning speaks instead
        (16, 20, False, False),
        (16, 9, True, False),
        (None, 9, False, False),
        (16, None, False, False),
    ],
)
def test_an_effective_control_is_wanted_when_the_residual_is_below_the_inherent(
    inherent, residual, any_effective, wanted
):
    assert (
        control_rules.wants_effective_control(
            inherent=inherent, residual=residual, any_effective=any_effective
        )
        is wanted
    )


@pytest.mark.parametrize(
    ("residual", "wanted"),
    [(None, False), (1, False), (5, False), (6, True), (14, True), (15, True), (25, True)],
)
def test_key_controls_want_assurance_above_the_lowest_band(residual, wanted):
    assert control_rules.wants_key_control_assurance(residual, COVENTRY) is wanted


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([], None),  # no key control
        ([set()], None),
        ([{"third"}], "third"),
        ([{"first", "third"}], "third"),  # a control counts at its strongest line
        ([{"third"}, {"first"}], "first"),  # a risk at its weakest control's
        ([{"third"}, {"second", "first"}], "second"),
        ([{"third"}, set()], None),  # one key control unassured: not all assured
    ],
)
def test_a_risk_is_assured_to_its_weakest_key_controls_strongest_line(lines, expected):
    assert control_rules.assured_to(lines) == expected


# The risk page's warnings ---------------------------------------------------------------------


def control(*, effectiveness=Effectiveness.NOT_ASSESSED, key=False, latest=None, **fields):
    action = Action(
        kind=ActionKind.CONTROL,
        status=fields.pop("status", ActionStatus.DONE),
        effectiveness=effectiveness,
        key_control=key,
        **fields,
    )
    action.latest_assurance_on = latest
    return action


def codes(risk, actions):
    found = risk_warnings(
        risk=risk, bands=COVENTRY, owner_seniority=Seniority.DIRECTOR, actions=actions, today=TODAY
    )
    return [w.code for w in found]


@pytest.mark.parametrize(
    ("actions", "warned"),
    [
        ([], True),
        ([control(effectiveness=Effectiveness.PARTLY_EFFECTIVE)], True),
        ([control(effectiveness=Effectiveness.INEFFECTIVE)], True),
        ([control()], True),  # not assessed
        ([control(effectiveness=Effectiveness.EFFECTIVE, status=ActionStatus.CANCELLED)], True),
        ([control(), control(effectiveness=Effectiveness.EFFECTIVE)], False),
        ([EFFECTIVE_CONTROL], False),
    ],
)
def test_residual_below_inherent_with_no_control_rated_effective(actions, warned):
    risk = make_risk()  # inherent 16, residual 6
    assert ("no_effective_control" in codes(risk, actions)) is warned


def test_no_effective_control_is_not_warned_when_the_residual_is_not_below():
    risk = make_risk(residual_likelihood=4, residual_impact=4)
    assert "no_effective_control" not in codes(risk, [])
    assert "no_effective_control" not in codes(make_risk(residual_likelihood=None), [])


@pytest.mark.parametrize(
    ("residual", "latest", "warned"),
    [
        ((2, 3), None, True),  # amber 6, never assured
        ((2, 3), date(2025, 11, 20), True),  # a year and a day ago
        ((2, 3), A_YEAR_BEFORE, False),
        ((2, 3), date(2026, 10, 1), False),
        ((3, 5), None, True),  # red 15
        ((1, 5), None, False),  # green 5: no yearly assurance asked
    ],
)
def test_a_key_control_on_an_amber_or_red_risk_wants_assurance_in_twelve_months(
    residual, latest, warned
):
    risk = make_risk(residual_likelihood=residual[0], residual_impact=residual[1])
    key = control(effectiveness=Effectiveness.EFFECTIVE, key=True, latest=latest)
    assert ("key_control_unassured" in codes(risk, [key])) is warned


def test_only_key_controls_in_place_want_assurance_and_each_is_counted():
    risk = make_risk(residual_likelihood=3, residual_impact=5)
    not_key = control(effectiveness=Effectiveness.EFFECTIVE)
    cancelled = control(key=True, status=ActionStatus.CANCELLED)
    assert "key_control_unassured" not in codes(risk, [not_key, cancelled])
    found = risk_warnings(
        risk=risk,
        bands=COVENTRY,
        owner_seniority=Seniority.DIRECTOR,
        actions=[not_key, control(key=True), control(key=True, latest=TODAY), control(key=True)],
        today=TODAY,
    )
    [warning] = [w for w in found if w.code == "key_control_unassured"]
    assert warning.message.startswith("2 key controls on this Red risk have no assurance")

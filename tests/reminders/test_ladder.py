"""The chasing ladder, without a database: every step and every edge."""

from datetime import date, timedelta

import pytest

from reminders.ladder import Ladder, describe_due, describe_waiting

DUE = date(2026, 3, 16)
DEFAULT = Ladder()  # 14 days before, on the day, 7 days after, every 14 days after that


def step(ladder, days_from_due):
    return ladder.step_for_due(due_on=DUE, today=DUE + timedelta(days=days_from_due))


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (-30, None),
        (-15, None),
        (-14, -14),
        (-1, -14),
        (0, 0),
        (6, 0),
        (7, 7),
        (20, 7),
        (21, 21),
        (34, 21),
        (35, 35),
        (49, 49),
        (400, 399),
    ],
)
def test_the_default_ladder_steps(days, expected):
    assert step(DEFAULT, days) == expected


def test_several_lead_times_each_make_a_step():
    ladder = Ladder(lead_days=(30, 7, 1))
    assert [step(ladder, d) for d in (-31, -30, -8, -7, -2, -1, 0)] == [
        None,
        -30,
        -30,
        -7,
        -7,
        -1,
        0,
    ]


def test_without_the_day_itself_the_last_lead_step_stays_until_the_first_chase():
    ladder = Ladder(lead_days=(14,), on_the_day=False)
    assert [step(ladder, d) for d in (-1, 0, 6, 7)] == [-14, -14, -14, 7]


def test_with_no_lead_time_nothing_comes_before_the_day():
    ladder = Ladder(lead_days=())
    assert [step(ladder, d) for d in (-100, -1, 0)] == [None, None, 0]


def test_something_waiting_is_chased_from_the_first_chase_only():
    since = date(2026, 3, 1)
    waited = [
        DEFAULT.step_for_waiting(since=since, today=since + timedelta(days=d))
        for d in (0, 6, 7, 20, 21, 35)
    ]
    assert waited == [None, None, 7, 7, 21, 35]


@pytest.mark.parametrize(
    ("days", "owner", "manager"),
    [(20, False, False), (21, True, False), (41, True, False), (42, True, True)],
)
def test_the_register_owner_then_the_insurance_manager_are_told(days, owner, manager):
    assert DEFAULT.tells_register_owner(days_late=days) is owner
    assert DEFAULT.tells_insurance_manager(days_late=days) is manager


@pytest.mark.parametrize(
    "fields", [{"lead_days": (0,)}, {"first_chase_days": 0}, {"repeat_days": 0}]
)
def test_a_ladder_that_could_not_chase_is_refused(fields):
    with pytest.raises(ValueError):
        Ladder(**fields)


def test_the_window_covers_the_longest_step_and_a_week():
    assert Ladder(lead_days=(30, 7)).window_days == 37
    assert DEFAULT.window_days == 21


def test_the_words():
    assert [describe_due(days_late=d) for d in (-2, -1, 0, 1, 9)] == [
        "due in 2 days",
        "due in 1 day",
        "due today",
        "overdue by 1 day",
        "overdue by 9 days",
    ]
    assert describe_waiting(days=1) == "waiting 1 day"

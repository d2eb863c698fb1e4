"""Quarters of the UK public-sector financial year: pure, so no database."""

from datetime import date, timedelta
from itertools import pairwise

import pytest

from registers.periods import Quarter, parse_year, quarters_of_year, year_label


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 3, 31), "2025/26 Q4"),
        (date(2026, 4, 1), "2026/27 Q1"),
        (date(2026, 6, 30), "2026/27 Q1"),
        (date(2026, 7, 1), "2026/27 Q2"),
        (date(2026, 9, 30), "2026/27 Q2"),
        (date(2026, 10, 1), "2026/27 Q3"),
        (date(2026, 12, 31), "2026/27 Q3"),
        (date(2027, 1, 1), "2026/27 Q4"),
        (date(2027, 3, 31), "2026/27 Q4"),
        (date(2027, 4, 1), "2027/28 Q1"),
        (date(2026, 11, 21), "2026/27 Q3"),
        (date(2028, 2, 29), "2027/28 Q4"),
    ],
)
def test_the_quarter_containing_each_side_of_every_boundary(day, label):
    assert Quarter.containing(day).label == label


@pytest.mark.parametrize(
    ("quarter", "start", "end"),
    [
        (Quarter(2026, 1), date(2026, 4, 1), date(2026, 6, 30)),
        (Quarter(2026, 2), date(2026, 7, 1), date(2026, 9, 30)),
        (Quarter(2026, 3), date(2026, 10, 1), date(2026, 12, 31)),
        (Quarter(2026, 4), date(2027, 1, 1), date(2027, 3, 31)),
        (Quarter(2027, 4), date(2028, 1, 1), date(2028, 3, 31)),
    ],
)
def test_start_and_end(quarter, start, end):
    assert (quarter.start, quarter.end) == (start, end)
    assert Quarter.containing(start) == Quarter.containing(end) == quarter
    assert quarter.next.start == end + timedelta(days=1)


def test_the_four_quarters_tile_the_year():
    quarters = quarters_of_year(2026)
    assert [q.label for q in quarters] == [
        "2026/27 Q1",
        "2026/27 Q2",
        "2026/27 Q3",
        "2026/27 Q4",
    ]
    assert quarters[0].start == date(2026, 4, 1) and quarters[-1].end == date(2027, 3, 31)
    for earlier, later in pairwise(quarters):
        assert later.start == earlier.end + timedelta(days=1)


@pytest.mark.parametrize(
    "label", ["2026/27 Q1", "2026/27 Q4", "1999/00 Q2", "2099/00 Q3", "2025/26 Q3"]
)
def test_label_and_parse_round_trip(label):
    quarter = Quarter.parse(label)
    assert quarter.label == label == str(quarter)
    assert Quarter.parse(quarter.label) == quarter


@pytest.mark.parametrize(
    ("text", "quarter"),
    [(" 2026/27 q2 ", Quarter(2026, 2)), ("2026/27Q3", Quarter(2026, 3))],
)
def test_parse_forgives_spaces_and_case(text, quarter):
    assert Quarter.parse(text) == quarter


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "2026/27",
        "2026/27 Q0",
        "2026/27 Q5",
        "2026/28 Q1",  # not one year into the next
        "2026-27 Q1",
        "26/27 Q1",
        "Q1 2026/27",
        "2026/27 Q1 extra",
    ],
)
def test_parse_refuses_anything_else(text):
    with pytest.raises(ValueError):
        Quarter.parse(text)


@pytest.mark.parametrize("number", [0, 5, -1])
def test_a_quarter_is_numbered_one_to_four(number):
    with pytest.raises(ValueError):
        Quarter(2026, number)


def test_previous_and_next_across_the_year_end():
    assert Quarter(2026, 1).previous == Quarter(2025, 4)
    assert Quarter(2025, 4).next == Quarter(2026, 1)
    assert Quarter(2026, 2).previous == Quarter(2026, 1)
    assert Quarter(2026, 3).next == Quarter(2026, 4)
    assert Quarter(2026, 4).next.previous == Quarter(2026, 4)


def test_quarters_order_by_time():
    assert Quarter(2025, 4) < Quarter(2026, 1) < Quarter(2026, 2)
    assert max([Quarter(2026, 1), Quarter(2025, 4), Quarter(2026, 3)]) == Quarter(2026, 3)


def test_last_four_ends_with_this_one_oldest_first_across_the_year_end():
    quarters = Quarter.containing(date(2026, 11, 21)).previous.last(4)
    assert [q.label for q in quarters] == [
        "2025/26 Q3",
        "2025/26 Q4",
        "2026/27 Q1",
        "2026/27 Q2",
    ]
    assert Quarter(2026, 2).last(1) == [Quarter(2026, 2)]
    assert Quarter(2026, 1).last(5)[0] == Quarter(2025, 1)


def test_year_labels():
    assert year_label(2026) == "2026/27"
    assert year_label(1999) == "1999/00"
    assert Quarter(2099, 1).year_label == "2099/00"
    assert parse_year(" 2026/27 ") == 2026
    assert parse_year("1999/00") == 1999


@pytest.mark.parametrize("text", ["", None, "2026", "2026/28", "2026/27 Q1", "26/27"])
def test_parse_year_refuses_anything_else(text):
    with pytest.raises(ValueError):
        parse_year(text)

"""The reports' shared vocabulary: one wording for a rating, a trend, an arrival and a
departure, whichever report prints it. Pure: no database."""

from datetime import date

from registers.models import Arrival, MovementKind
from registers.periods import Quarter
from registers.trends import Trend
from reports.vocabulary import (
    UNKNOWN_BAND_COLOUR,
    UNSCORED_COLOUR,
    Ratings,
    TrendCell,
    arrival_text,
    departure_text,
    long_date,
    risk_word,
    short_date,
)
from scoring.matrix import COVENTRY

RATINGS = Ratings(COVENTRY)


def test_a_rating_says_its_band_and_score_and_the_colour_decorates():
    red = RATINGS.stored(likelihood=4, impact=4, band_key="red", band_label="Red")
    assert (red.text, red.parts, red.colour) == ("Red 16", "L4 × I4", COVENTRY[-1].colour)


def test_a_band_the_scheme_no_longer_has_keeps_its_label_in_grey():
    old = RATINGS.stored(likelihood=5, impact=5, band_key="critical", band_label="Critical")
    assert (old.text, old.colour) == ("Critical 25", UNKNOWN_BAND_COLOUR)


def test_a_rating_with_no_score_says_so_in_white():
    unscored = RATINGS.stored(likelihood=None, impact=3, band_key="", band_label="")
    assert (unscored.text, unscored.parts, unscored.colour) == ("Not scored", "", UNSCORED_COLOUR)


def test_a_trend_cell_says_the_trend_or_what_stands_in_for_it():
    quarter = Quarter(2025, 1)
    assert TrendCell(quarter, Trend("up", 4)).text == "↑ Up 4"
    missed = TrendCell(quarter, stand_in="Not approved")
    assert (missed.text, missed.direction, missed.glyph) == ("Not approved", "none", "")


def test_how_a_risk_arrived():
    assert arrival_text(arrival=Arrival.NEW) == "New risk"
    assert arrival_text(arrival=Arrival.ESCALATED, arrived_from="People") == "Escalated from People"
    assert arrival_text(arrival=Arrival.ESCALATED) == "Escalated in"
    assert arrival_text(arrival=Arrival.DE_ESCALATED, arrived_from="Corporate") == (
        "De-escalated from Corporate"
    )
    assert arrival_text(arrival=Arrival.DE_ESCALATED) == "De-escalated in"
    assert arrival_text(arrival="") == ""


def test_how_a_risk_left():
    assert departure_text(kind=MovementKind.REMOVED, destination="") == "Closed and removed"
    assert departure_text(kind=MovementKind.DE_ESCALATED, destination="People directorate") == (
        "De-escalated to People directorate"
    )


def test_counts_and_dates():
    assert [risk_word(n) for n in (0, 1, 2)] == ["risks", "risk", "risks"]
    assert long_date(date(2025, 8, 1)) == "1 August 2025"
    assert short_date(date(2025, 8, 1)) == "1 Aug 2025"

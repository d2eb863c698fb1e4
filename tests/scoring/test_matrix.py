"""The matrix is pure Python: no database here."""

import itertools

import pytest

from scoring import matrix
from scoring.matrix import COVENTRY, Band, Seniority, band_for, score

# The policy's Table 3 cell by cell: likelihood rows 5..1, impact columns 1..5.
EXPECTED_BANDS = {
    5: ["green", "amber", "red", "red", "red"],
    4: ["green", "amber", "amber", "red", "red"],
    3: ["green", "amber", "amber", "amber", "red"],
    2: ["green", "green", "amber", "amber", "amber"],
    1: ["green", "green", "green", "green", "green"],
}
CELLS = [(likelihood, impact) for likelihood in range(1, 6) for impact in range(1, 6)]


@pytest.mark.parametrize(("likelihood", "impact"), CELLS)
def test_every_cell_of_the_matrix(likelihood, impact):
    value = score(likelihood, impact)
    assert value == likelihood * impact
    assert band_for(value).key == EXPECTED_BANDS[likelihood][impact - 1]


def test_the_matrix_has_25_cells():
    assert len(CELLS) == 25 == len({cell for cell in CELLS})


@pytest.mark.parametrize(
    ("value", "key", "within_appetite"),
    [
        (1, "green", True),
        (5, "green", True),
        (6, "amber", True),
        (14, "amber", True),
        (15, "red", False),
        (25, "red", False),
    ],
)
def test_band_edges(value, key, within_appetite):
    band = band_for(value)
    assert band.key == key
    assert band.label == key.title()
    assert band.within_appetite is within_appetite
    assert band.colour.startswith("#")


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 3), (3, 0), (3, 6), (-1, 1)])
def test_score_rejects_values_outside_1_to_5(likelihood, impact):
    with pytest.raises(ValueError, match=r"1\.\.5"):
        score(likelihood, impact)


@pytest.mark.parametrize("value", [0, 26, -5])
def test_band_for_rejects_scores_outside_1_to_25(value):
    with pytest.raises(ValueError):
        band_for(value)


def test_not_scored_is_none_not_a_number():
    assert matrix.score_or_none(None, None) is None
    assert matrix.score_or_none(3, None) is None
    assert matrix.score_or_none(3, 4) == 12


FOUR_BANDS = (
    Band("low", "Low", 1, "#92d050", True, Seniority.OFFICER),
    Band("medium", "Medium", 5, "#ffff00", True, Seniority.SERVICE_LEADERSHIP),
    Band("high", "High", 10, "#ffc000", False, Seniority.DIRECTOR),
    Band("critical", "Critical", 20, "#c00000", False, Seniority.EXECUTIVE),
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (1, "Low"),
        (4, "Low"),
        (5, "Medium"),
        (9, "Medium"),
        (10, "High"),
        (16, "High"),
        (20, "Critical"),
        (25, "Critical"),
    ],
)
def test_a_four_band_scheme(value, label):
    matrix.validate_bands(FOUR_BANDS)
    assert band_for(value, FOUR_BANDS).label == label


def test_band_ranges_cover_1_to_25_without_gaps():
    for bands in (COVENTRY, FOUR_BANDS):
        ranges = matrix.band_ranges(bands)
        assert ranges[0][1] == 1 and ranges[-1][2] == 25
        for (_, _, ceiling), (_, floor, _) in itertools.pairwise(ranges):
            assert floor == ceiling + 1
    assert [(b.key, low, high) for b, low, high in matrix.band_ranges()] == [
        ("green", 1, 5),
        ("amber", 6, 14),
        ("red", 15, 25),
    ]


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ((), "at least one"),
        ((Band("a", "A", 2, "#000000", True),), "start at 1"),
        ((Band("a", "A", 1, "#000000", True), Band("b", "B", 1, "#000000", True)), "rise"),
        ((Band("a", "A", 1, "#000000", True), Band("a", "B", 3, "#000000", True)), "unique"),
        ((Band("a", "A", 1, "#000000", True), Band("b", "B", 26, "#000000", True)), "above"),
    ],
)
def test_unusable_schemes_are_refused(bands, message):
    with pytest.raises(ValueError, match=message):
        matrix.validate_bands(bands)


@pytest.mark.parametrize(
    ("value", "seniority", "fits"),
    [
        (3, Seniority.OFFICER, True),
        (8, Seniority.OFFICER, False),
        (8, Seniority.SERVICE_LEADERSHIP, True),
        (16, Seniority.SERVICE_LEADERSHIP, False),
        (16, Seniority.DIRECTOR, True),
        (25, Seniority.EXECUTIVE, True),
    ],
)
def test_ownership_guidance_by_band(value, seniority, fits):
    band = band_for(value)
    assert matrix.owner_fits_band(seniority, band) is fits
    assert matrix.ownership_guidance(band)


def test_ownership_guidance_says_what_the_policy_says():
    assert "Director level" in matrix.ownership_guidance(band_for(15))
    assert "within the service" in matrix.ownership_guidance(band_for(1))
    plain = Band("x", "X", 1, "#ffffff", True, Seniority.DIRECTOR)
    assert matrix.ownership_guidance(plain) == "Owned at Director level or above."


@pytest.mark.parametrize("band", COVENTRY + FOUR_BANDS, ids=lambda b: b.key)
def test_band_text_is_readable_on_its_colour(band):
    # WCAG AA for normal text is 4.5:1.
    assert matrix.contrast_ratio(band.colour, band.text_colour) >= 4.5


@pytest.mark.parametrize(
    ("likelihood", "impact", "key"),
    [
        (None, None, None),
        (3, None, None),
        (None, 2, None),
        (1, 5, "green"),
        (2, 3, "amber"),
        (3, 5, "red"),
    ],
)
def test_band_or_none_is_none_only_when_not_scored(likelihood, impact, key):
    band = matrix.band_or_none(likelihood, impact)
    assert (band.key if band else None) == key

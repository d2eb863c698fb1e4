"""The band of a score in SQL agrees with ``matrix.band_for`` for every score and scheme."""

import pytest
from django.db.models import IntegerField, Q, Value

from scoring import matrix
from scoring.expressions import NOT_SCORED, band_case, band_case_by_scheme
from scoring.models import Scheme
from tests.factories import police_scheme

pytestmark = pytest.mark.django_db

SCORES = range(1, matrix.MAX_SCORE + 1)


@pytest.fixture
def schemes() -> list[Scheme]:
    """The council's default scheme and a police-style one with four bands."""
    return [Scheme.objects.get(is_default=True), police_scheme()]


def score(value: int | None) -> Value:
    return Value(value, output_field=IntegerField())


def bands_in_sql(scheme: Scheme) -> dict[int, str]:
    """Every score's band key as the database computes it by ``scheme``, in one query."""
    bands = scheme.as_bands()
    row = (
        Scheme.objects.filter(pk=scheme.pk)
        .annotate(**{f"band_{n}": band_case(score=score(n), bands=bands) for n in SCORES})
        .values(*(f"band_{n}" for n in SCORES))
        .get()
    )
    return {n: row[f"band_{n}"] for n in SCORES}


def test_every_score_has_the_same_band_in_sql_as_in_python(schemes):
    for scheme in schemes:
        bands = scheme.as_bands()
        assert bands_in_sql(scheme) == {n: matrix.band_for(n, bands).key for n in SCORES}


def test_the_police_bands_start_where_the_scheme_says(schemes):
    police = bands_in_sql(schemes[1])
    assert [police[n] for n in (4, 5, 9, 10, 19, 20, 25)] == [
        "low",
        "medium",
        "medium",
        "high",
        "high",
        "critical",
        "critical",
    ]


def test_a_score_that_is_null_is_not_scored(schemes):
    bands = schemes[0].as_bands()
    band = (
        Scheme.objects.filter(pk=schemes[0].pk)
        .annotate(band=band_case(score=score(None), bands=bands))
        .values_list("band", flat=True)
        .get()
    )
    assert band == NOT_SCORED


def test_rows_of_several_schemes_are_each_banded_by_their_own(schemes):
    """One query over both schemes' rows: each row takes its own scheme's bands."""
    by_scheme = [(Q(pk=scheme.pk), scheme.as_bands()) for scheme in schemes]
    rows = (
        Scheme.objects.filter(pk__in=[scheme.pk for scheme in schemes])
        .annotate(
            **{f"band_{n}": band_case_by_scheme(score=score(n), schemes=by_scheme) for n in SCORES}
        )
        .values("pk", *(f"band_{n}" for n in SCORES))
    )
    in_sql = {row["pk"]: [row[f"band_{n}"] for n in SCORES] for row in rows}
    assert in_sql == {
        scheme.pk: [matrix.band_for(n, scheme.as_bands()).key for n in SCORES] for scheme in schemes
    }

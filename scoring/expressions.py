"""The band of a score in SQL: ``matrix.band_for`` as a ``CASE``, built from the same bands.

Bands are derived, never stored (docs/domain.md, section 3), so a page that filters, sorts or
counts by band asks the database the question ``matrix.band_for`` answers in Python. Both
read the scheme's ``matrix.Band`` data, so they cannot disagree: the highest band whose floor
the score reaches. A score that is NULL (a risk not scored) has no band: ``NOT_SCORED``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Case, CharField, Expression, F, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual

from scoring import matrix

# The band key of a score that is NULL: not a band key, since keys are slugs of letters.
NOT_SCORED = ""


def band_whens(
    *, score: Expression | F, bands: Sequence[matrix.Band], where: Q | None = None
) -> list[When]:
    """One ``WHEN`` per band, highest floor first, each giving the band's key: the first that
    holds is the band ``matrix.band_for`` picks. ``where`` narrows them to some rows."""
    where = where or Q()
    return [
        When(where & Q(GreaterThanOrEqual(score, band.floor)), then=Value(band.key))
        for band in reversed(bands)
    ]


def band_case(*, score: Expression | F, bands: Sequence[matrix.Band]) -> Case:
    """The key of the band ``score`` falls in by ``bands``; ``NOT_SCORED`` when it is NULL."""
    return Case(
        *band_whens(score=score, bands=bands), default=Value(NOT_SCORED), output_field=CharField()
    )


def band_case_by_scheme(
    *, score: Expression | F, schemes: Iterable[tuple[Q, Sequence[matrix.Band]]]
) -> Case:
    """The band key of ``score`` where rows follow different schemes: each ``(where, bands)``
    applies ``bands`` to the rows ``where`` selects (say, the registers of one organisation).
    ``NOT_SCORED`` when the score is NULL or no ``where`` holds."""
    whens = [
        when
        for where, bands in schemes
        for when in band_whens(score=score, bands=bands, where=where)
    ]
    return Case(*whens, default=Value(NOT_SCORED), output_field=CharField())

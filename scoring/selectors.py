"""Reads of a scoring scheme for the pages that score risks: Tables 1 and 2 as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch

from scoring import matrix
from scoring.models import ImpactDimension, Scheme, SchemeBand


@dataclass(frozen=True, slots=True)
class LikelihoodDescriptor:
    """A row of Table 1, e.g. 4, "Likely to happen", "60% to 79% chance"."""

    value: int
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class ImpactDimensionDescriptors:
    """A column of Table 2: what each impact score means on one dimension.

    ``cells`` holds one ``(value, text)`` per score 1..5 in rising order, with ``""`` where
    the scheme says nothing for that score (the council's "priorities" row only describes 5).
    """

    name: str
    cells: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class SchemeGuide:
    """What a person scoring a risk needs beside the inputs: the bands (risk appetite) and the
    Table 1 and Table 2 descriptors of the organisation's scheme."""

    name: str
    bands: tuple[matrix.Band, ...]
    likelihood: tuple[LikelihoodDescriptor, ...]  # highest score first, as Table 1 lists them
    impact_dimensions: tuple[ImpactDimensionDescriptors, ...]

    def likelihood_for(self, value: int) -> LikelihoodDescriptor | None:
        return next((level for level in self.likelihood if level.value == value), None)

    def impact_for(self, value: int) -> list[tuple[str, str]]:
        """(dimension, descriptor) for every dimension that describes impact ``value``."""
        return [
            (dimension.name, text)
            for dimension in self.impact_dimensions
            for cell_value, text in dimension.cells
            if cell_value == value and text
        ]

    @property
    def impact_levels(self) -> list[tuple[int, list[tuple[str, str]]]]:
        """Each impact score 1..5 with what it means on every dimension."""
        return [(value, self.impact_for(value)) for value in matrix.SCALE]


def scheme_bands(*, scheme_id: int) -> tuple[matrix.Band, ...]:
    """A scheme's bands (its risk appetite), lowest first, in one query."""
    return bands_by_scheme(scheme_ids={scheme_id})[scheme_id]


def bands_by_scheme(*, scheme_ids: Iterable[int]) -> dict[int, tuple[matrix.Band, ...]]:
    """Each scheme's bands, lowest first, by scheme id, in one query."""
    scheme_ids = set(scheme_ids)
    found: dict[int, list[matrix.Band]] = {scheme_id: [] for scheme_id in scheme_ids}
    for band in SchemeBand.objects.filter(scheme_id__in=scheme_ids).order_by("floor"):
        found[band.scheme_id].append(band.as_matrix_band())
    return {scheme_id: tuple(bands) for scheme_id, bands in found.items()}


def scheme_guide(*, scheme_id: int) -> SchemeGuide:
    """The scheme's bands and descriptors, in five queries whatever their number."""
    scheme = Scheme.objects.prefetch_related(
        Prefetch("bands", queryset=SchemeBand.objects.order_by("floor")),
        "likelihood_levels",
        Prefetch(
            "impact_dimensions",
            queryset=ImpactDimension.objects.order_by("position", "name").prefetch_related(
                "descriptors"
            ),
        ),
    ).get(pk=scheme_id)
    return SchemeGuide(
        name=scheme.name,
        bands=scheme.as_bands(),
        likelihood=tuple(
            LikelihoodDescriptor(level.value, level.label, level.description)
            for level in sorted(scheme.likelihood_levels.all(), key=lambda lv: -lv.value)
        ),
        impact_dimensions=tuple(
            ImpactDimensionDescriptors(
                name=dimension.name,
                cells=tuple(
                    (value, texts.get(value, ""))
                    for texts in [{d.value: d.text for d in dimension.descriptors.all()}]
                    for value in matrix.SCALE
                ),
            )
            for dimension in scheme.impact_dimensions.all()
        ),
    )

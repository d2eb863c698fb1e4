"""The 5 x 5 heat map: risks counted by likelihood and impact, each cell in its band's colour.

One template serves the web pages and the PDF packs: without ``link_query`` the cells are
plain counts; with it each non-empty cell links to the list filtered to that cell.

    {% load heatmap %}
    {% heatmap counts bands caption="Residual risk" %}
    {% heatmap counts bands caption="Residual risk" link_query=query link_prefix="residual" %}

``counts`` maps ``(likelihood, impact)`` to a number of risks, e.g. from one grouped query;
``(None, None)`` counts the risks that are not scored (shown under the map, not in it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django import template
from django.http import QueryDict

from scoring import matrix

register = template.Library()


@dataclass(frozen=True, slots=True)
class HeatMapCell:
    likelihood: int
    impact: int
    score: int
    band: matrix.Band
    count: int
    url: str = ""
    selected: bool = False

    @property
    def description(self) -> str:
        """What a screen reader hears: "Likelihood 4, impact 5, Red: 3 risks"."""
        risks = "risk" if self.count == 1 else "risks"
        return (
            f"Likelihood {self.likelihood}, impact {self.impact}, {self.band.label}: "
            f"{self.count} {risks}"
        )


@dataclass(frozen=True, slots=True)
class HeatMapRow:
    likelihood: int
    cells: list[HeatMapCell]


def heatmap_rows(
    counts: Mapping[tuple[int | None, int | None], int],
    bands: Sequence[matrix.Band],
    *,
    link_query: QueryDict | None = None,
    link_prefix: str = "",
    selected: tuple[int, int] | None = None,
) -> list[HeatMapRow]:
    """The grid, likelihood 5 at the top down to 1, impact 1 to 5 left to right.

    With ``link_query`` (the current filters, without page or any cell parameter) each cell
    with risks links to ``?<link_query>&<prefix>_likelihood=L&<prefix>_impact=I``.
    """
    rows = []
    for likelihood in reversed(matrix.SCALE):
        cells = []
        for impact in matrix.SCALE:
            value = matrix.score(likelihood, impact)
            count = counts.get((likelihood, impact), 0)
            url = ""
            if link_query is not None and count:
                query = link_query.copy()
                query[f"{link_prefix}_likelihood"] = str(likelihood)
                query[f"{link_prefix}_impact"] = str(impact)
                url = f"?{query.urlencode()}"
            cells.append(
                HeatMapCell(
                    likelihood=likelihood,
                    impact=impact,
                    score=value,
                    band=matrix.band_for(value, bands),
                    count=count,
                    url=url,
                    selected=selected == (likelihood, impact),
                )
            )
        rows.append(HeatMapRow(likelihood=likelihood, cells=cells))
    return rows


@register.inclusion_tag("scoring/_heatmap.html")
def heatmap(
    counts: Mapping[tuple[int | None, int | None], int],
    bands: Sequence[matrix.Band],
    caption: str,
    link_query: QueryDict | None = None,
    link_prefix: str = "",
    selected: tuple[int, int] | None = None,
) -> dict:
    """Render a heat map table; see the module docstring. ``selected`` marks the cell the
    list beside it is filtered to."""
    scored = sum(n for key, n in counts.items() if key != (None, None))
    return {
        "caption": caption,
        "rows": heatmap_rows(
            counts, bands, link_query=link_query, link_prefix=link_prefix, selected=selected
        ),
        "impacts": list(matrix.SCALE),
        "legend": matrix.band_ranges(bands),
        "scored": scored,
        "not_scored": counts.get((None, None), 0),
    }

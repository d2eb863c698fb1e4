"""The 5 x 5 heat map: risks counted by likelihood and impact, each cell in its band's colour.

One tag serves the web pages and the PDF packs: without ``link_query`` the cells are
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
from functools import lru_cache

from django import template
from django.http import QueryDict
from django.template.defaultfilters import pluralize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from scoring import badges, matrix

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


# The table is written in Python: fifty cells of two maps as template nodes were a tenth of a
# register page. One row of headers and one column make a simple table, each cell read with
# its likelihood and impact; the axes' names sit in the corner.
_HEAD = (
    '<div class="heatmap-wrap">\n<table class="heatmap">\n  <caption>{}</caption>\n  <thead>\n'
    '    <tr>\n      <th scope="col" class="heatmap-axis heatmap-corner"><span>Impact '
    '<span aria-hidden="true">→</span></span><span>Likelihood <span aria-hidden="true">↓</span>'
    "</span></th>\n      {}\n    </tr>\n  </thead>\n  <tbody>{}\n  </tbody>\n</table>\n"
    '<p class="heatmap-legend small mb-0">\n  {}\n</p>\n'
    '<p class="heatmap-totals small text-body-secondary">Score = likelihood × impact. {} risk{} on '
    "the map{}.</p>\n</div>"
)


def _cell(cell: HeatMapCell) -> str:
    """A cell: its count (a link to the list of its risks, when it has any and links are
    asked for), in its band's colour, described in words for a screen reader."""
    selected = " heatmap-selected" if cell.selected else ""
    if cell.url:
        content = format_html(
            '<a href="{}"{}><span aria-hidden="true">{}</span><span class="visually-hidden">'
            "{}{}</span></a>",
            cell.url,
            mark_safe(' aria-current="true"') if cell.selected else "",
            cell.count,
            cell.description,
            ", shown in the list" if cell.selected else "",
        )
    else:
        content = format_html(
            '<span aria-hidden="true">{}</span><span class="visually-hidden">{}</span>',
            cell.count or "",
            cell.description,
        )
    return format_html(
        '\n      <td class="heatmap-cell{}" style="background-color:{};color:{}" title="{}">\n'
        "        {}\n      </td>",
        selected,
        cell.band.colour,
        cell.band.text_colour,
        cell.description,
        content,
    )


def _row(row: HeatMapRow) -> str:
    return format_html(
        '\n    <tr>\n      <th scope="row"><span class="visually-hidden">Likelihood </span>{}'
        "</th>{}\n    </tr>",
        row.likelihood,
        mark_safe("".join(_cell(cell) for cell in row.cells)),
    )


@register.simple_tag
def heatmap(
    counts: Mapping[tuple[int | None, int | None], int],
    bands: Sequence[matrix.Band],
    caption: str,
    link_query: QueryDict | None = None,
    link_prefix: str = "",
    selected: tuple[int, int] | None = None,
) -> SafeString:
    """Render a heat map table; see the module docstring. ``selected`` marks the cell the
    list beside it is filtered to."""
    return _heatmap(
        frozenset(counts.items()),
        tuple(bands),
        str(caption),
        None if link_query is None else link_query.urlencode(),
        link_prefix,
        None if selected is None else tuple(selected),
    )


@lru_cache(maxsize=512)
def _heatmap(counts, bands, caption, query, link_prefix, selected) -> SafeString:
    """The map for these counts, bands, caption, links and selection, remembered: the same for
    every reader of a register until one of its risks is scored differently (its arguments
    are everything it shows, so nothing needs telling when they change)."""
    counts = dict(counts)
    scored = sum(n for key, n in counts.items() if key != (None, None))
    not_scored = counts.get((None, None), 0)
    rows = heatmap_rows(
        counts,
        bands,
        link_query=None if query is None else QueryDict(query),
        link_prefix=link_prefix,
        selected=selected,
    )
    return format_html(
        _HEAD,
        caption,
        format_html_join(
            "",
            '<th scope="col"><span class="visually-hidden">Impact </span>{}</th>',
            ((impact,) for impact in matrix.SCALE),
        ),
        mark_safe("".join(_row(row) for row in rows)),
        format_html_join(
            "",
            '<span class="text-nowrap">{} {}–{}</span> ',
            (
                (badges.band_swatch(band), low, high)
                for band, low, high in matrix.band_ranges(bands)
            ),
        ),
        scored,
        pluralize(scored),
        f"; {not_scored} not scored" if not_scored else "",
    )

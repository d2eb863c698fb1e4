"""The heat map inclusion tag: the grid, each cell's band, counts, links and accessible text.
No database: counts and bands are plain data, as the PDF packs will pass them."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.template import Context, Template

from scoring import matrix
from scoring.templatetags.heatmap import heatmap_rows

POLICE = (
    matrix.Band("low", "Low", 1, "#00b050", True),
    matrix.Band("medium", "Medium", 5, "#ffc000", True),
    matrix.Band("high", "High", 10, "#ff6600", False),
    matrix.Band("critical", "Critical", 20, "#c00000", False),
)


def render(counts, bands=matrix.COVENTRY, **options) -> str:
    arguments = " ".join(f"{name}=option_{name}" for name in options)
    template = Template(
        "{% load heatmap %}{% heatmap counts bands caption=caption " + arguments + " %}"
    )
    context = {"counts": counts, "bands": bands, "caption": "Residual risk"}
    context.update({f"option_{name}": value for name, value in options.items()})
    return template.render(Context(context))


def test_the_grid_runs_likelihood_5_to_1_and_impact_1_to_5():
    rows = heatmap_rows({}, matrix.COVENTRY)
    assert [row.likelihood for row in rows] == [5, 4, 3, 2, 1]
    for row in rows:
        assert [cell.impact for cell in row.cells] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("likelihood", matrix.SCALE)
@pytest.mark.parametrize("impact", matrix.SCALE)
def test_every_cell_has_its_score_and_band(likelihood, impact):
    rows = heatmap_rows({(likelihood, impact): 2}, matrix.COVENTRY)
    cell = rows[5 - likelihood].cells[impact - 1]
    assert (cell.likelihood, cell.impact) == (likelihood, impact)
    assert cell.score == likelihood * impact
    assert cell.band == matrix.band_for(likelihood * impact)
    assert cell.count == 2
    other_counts = [c.count for row in rows for c in row.cells if c is not cell]
    assert other_counts == [0] * 24


@pytest.mark.parametrize(
    ("likelihood", "impact", "band"),
    [(1, 5, "Green"), (2, 3, "Amber"), (3, 4, "Amber"), (3, 5, "Red"), (5, 5, "Red")],
)
def test_band_edges(likelihood, impact, band):
    cell = heatmap_rows({}, matrix.COVENTRY)[5 - likelihood].cells[impact - 1]
    assert cell.band.label == band


def test_a_four_band_scheme_colours_and_names_the_cells():
    rows = heatmap_rows({(5, 4): 1}, POLICE)
    assert rows[0].cells[3].band.label == "Critical"
    assert rows[4].cells[0].band.label == "Low"
    html = render({(5, 4): 1}, POLICE)
    assert "Likelihood 5, impact 4, Critical: 1 risk<" in html
    assert "Low</span> 1–4" in html and "Critical</span> 20–25" in html


def test_descriptions_say_likelihood_impact_band_and_count():
    html = render({(4, 5): 3, (1, 1): 1})
    assert '<span class="visually-hidden">Likelihood 4, impact 5, Red: 3 risks</span>' in html
    assert '<span class="visually-hidden">Likelihood 1, impact 1, Green: 1 risk</span>' in html
    assert '<span class="visually-hidden">Likelihood 3, impact 3, Amber: 0 risks</span>' in html
    assert len(re.findall(r'class="visually-hidden">Likelihood \d, impact \d,', html)) == 25


def test_table_has_a_caption_and_scoped_headers():
    html = render({})
    assert "<caption>Residual risk</caption>" in html
    row_headers = re.findall(
        r'<th scope="row"><span class="visually-hidden">Likelihood </span>(\d)</th>', html
    )
    assert row_headers == ["5", "4", "3", "2", "1"]
    column_headers = re.findall(
        r'<th scope="col"><span class="visually-hidden">Impact </span>(\d)</th>', html
    )
    assert column_headers == ["1", "2", "3", "4", "5"]
    # One row and one column of headers: a simple table that every engine and screen reader
    # reads cell by cell (a spanning "Impact" row over the columns made it a complex one).
    assert "colgroup" not in html and "colspan" not in html
    assert len(re.findall(r"<tr>", html)) == 6


def test_cells_carry_their_band_colour_with_readable_text():
    html = render({(5, 5): 1})
    red = matrix.COVENTRY[2]
    assert f"background-color:{red.colour};color:{red.text_colour}" in html
    amber = matrix.COVENTRY[1]
    assert f"background-color:{amber.colour};color:{amber.text_colour}" in html


def test_without_a_query_there_are_no_links_as_in_the_pdf():
    html = render({(4, 5): 3})
    assert "<a " not in html
    assert '<span aria-hidden="true">3</span>' in html


def test_non_empty_cells_link_to_the_list_filtered_to_the_cell():
    query = QueryDict("category=finance&sort=title")
    html = render({(4, 5): 3}, link_query=query, link_prefix="residual")
    links = re.findall(r'<a href="([^"]+)"', html)
    assert len(links) == 1  # the empty cells are not links
    params = parse_qs(urlsplit(links[0].replace("&amp;", "&")).query)
    assert params == {
        "category": ["finance"],
        "sort": ["title"],
        "residual_likelihood": ["4"],
        "residual_impact": ["5"],
    }
    assert query.get("residual_likelihood") is None  # the caller's query is not changed


def test_the_selected_cell_is_marked():
    html = render(
        {(4, 5): 3},
        link_query=QueryDict(""),
        link_prefix="inherent",
        selected=(4, 5),
    )
    assert 'aria-current="true"' in html
    assert "Red: 3 risks, shown in the list" in html
    assert html.count("heatmap-selected") == 1


def test_totals_and_unscored_risks_are_stated_under_the_map():
    html = render({(4, 5): 3, (1, 1): 1, (None, None): 2})
    assert "4 risks on the map; 2 not scored." in html
    assert "1 risk on the map." in render({(2, 2): 1})
    legend = re.findall(r"(Green|Amber|Red)</span> (\d+–\d+)", html)
    assert legend == [("Green", "1–5"), ("Amber", "6–14"), ("Red", "15–25")]

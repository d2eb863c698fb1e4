"""The value maps an import needs, proposed from what each mapped column holds: the mapping
step shows them for the person importing to confirm or change, and the command line applies
them unless a mapping file says otherwise (docs/domain.md#spreadsheets)."""

from __future__ import annotations

from registers.categories import NEW_CATEGORY
from registers.imports.categories import CategoryIndex
from registers.imports.cells import cell_text
from registers.imports.mapping import sheet_headings
from registers.imports.reader import Table
from registers.imports.valuemaps import (
    SCORE_TARGETS,
    ValueMap,
    propose_category_map,
    propose_rating_map,
    propose_score_map,
)
from scoring import matrix


def column_values(table: Table, header_row: int, index: int) -> list[str]:
    """The column's values under its headings (``header_row`` 0-based), as text."""
    _sheet, depth = sheet_headings(table.rows, header_row)
    return [cell_text(row[index]) for row in table.rows[header_row + depth :] if index < len(row)]


def propose_value_maps(
    *,
    table: Table,
    header_row: int,
    mapping: dict[int, str],
    bands: tuple[matrix.Band, ...] = matrix.COVENTRY,
    categories: CategoryIndex | None = None,
) -> dict[int, ValueMap]:
    """Each mapped column's proposed value map, by column index: a likelihood or impact
    column written in words or on another scale, a category column with categories of the
    sheet's own (each proposed as a new category, for the person importing to add or to map
    onto one of the organisation's ``categories``), a residual rating column onto ``bands``.
    Columns that need none are left out."""
    sheet, _depth = sheet_headings(table.rows, header_row)
    proposals: dict[int, ValueMap] = {}
    for index, target in sorted(mapping.items()):
        heading = sheet[index] if index < len(sheet) else ""
        if target in SCORE_TARGETS:
            value_map = propose_score_map(
                target=target, heading=heading, values=column_values(table, header_row, index)
            )
        elif target == "category":
            value_map = propose_category_map(
                values=column_values(table, header_row, index),
                known=(categories or CategoryIndex(None)).find,
                default=NEW_CATEGORY,
            )
        elif target == "residual_rating":
            value_map = propose_rating_map(
                values=column_values(table, header_row, index), bands=bands
            )
        else:
            value_map = None
        if value_map is not None:
            proposals[index] = value_map
    return proposals

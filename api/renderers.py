"""CSV for Excel and Power BI: one row a record, one column a field, and no cell that a
spreadsheet would run as a formula (common/spreadsheets.py, docs/domain.md#spreadsheets)."""

from __future__ import annotations

import csv
import io
import json

from rest_framework.renderers import BaseRenderer

from common.spreadsheets import neutralise


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return neutralise(value)


class CSVRenderer(BaseRenderer):
    """A list (paginated or not) as rows, a single record as one row, an error as its
    ``detail``. UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        elif data is None:
            rows = []
        else:
            rows = [data]
        header = list(rows[0]) if rows else self._header(renderer_context)
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(row.get(name)) for name in header])
        return out.getvalue().encode("utf-8")

    def _header(self, renderer_context) -> list[str]:
        """An empty list still names its columns, so a report built on it keeps its shape."""
        view = (renderer_context or {}).get("view")
        serializer_class = getattr(view, "serializer_class", None)
        return list(serializer_class().fields) if serializer_class else []

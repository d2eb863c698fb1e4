"""The mapping of an import as a file: which row holds the headings, what each column holds
(by its letter), each column's value map, and who owns the risks of each owner name that is
no one's account. The mapping step offers it for download; ``import_register --mapping FILE``
reads it, so the same sheet imports the same way again (docs/domain.md#spreadsheets).

    {"header_row": 4,
     "columns": {"A": "reference", "D": "inherent_impact", ...},
     "value_maps": {"D": {"rule": "1–10 → 1–5: ⌈x / 2⌉", "scale": 10, "values": {...}}},
     "owners": {"CMT": null, "Head of Planning": "jbloggs"}}

An owner name onto null leaves its risks without an owner; a name not listed keeps its risks'
owner as written until a person is assigned.
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.utils import column_index_from_string, get_column_letter

from registers.imports.mapping import TARGET_LABELS
from registers.imports.valuemaps import ValueMap

VERSION = 1


class MappingFileError(ValueError):
    """A mapping file that cannot be used; the message says what is wrong in it."""


def mapping_document(
    *,
    header_row: int,
    mapping: Mapping[int, str],
    value_maps: Mapping[int, ValueMap],
    owners: Mapping[str, int | None],
    usernames: Mapping[int, str],
) -> dict:
    """The file for a mapping: ``header_row`` 1-based, columns and value maps by column index,
    owners by person id (written as their usernames, which ``usernames`` gives)."""
    return {
        "version": VERSION,
        "header_row": header_row,
        "columns": {
            get_column_letter(index + 1): target
            for index, target in sorted(mapping.items())
            if target
        },
        "value_maps": {
            get_column_letter(index + 1): value_map.as_json()
            for index, value_map in sorted(value_maps.items())
        },
        "owners": {
            name: (usernames.get(person) if person is not None else None)
            for name, person in owners.items()
        },
    }


def _column(letter: object) -> int:
    try:
        return column_index_from_string(str(letter).strip().upper()) - 1
    except ValueError as error:
        raise MappingFileError(f"“{letter}” is not a column letter (A, B, … AA).") from error


def read_mapping_document(
    document: object, *, people: Mapping[str, int]
) -> tuple[int, dict[int, str], dict[int, ValueMap], dict[str, int | None]]:
    """The heading row (1-based), columns, value maps and owner choices a mapping file gives;
    ``people`` are the ids of the organisation's people by username. Raises
    ``MappingFileError`` naming what is wrong."""
    if not isinstance(document, dict):
        raise MappingFileError("A mapping file holds one JSON object.")
    header_row = document.get("header_row", 1)
    if not isinstance(header_row, int) or header_row < 1:
        raise MappingFileError("“header_row” must be a row number from 1.")
    columns: dict[int, str] = {}
    for letter, target in dict(document.get("columns") or {}).items():
        if target not in TARGET_LABELS:
            raise MappingFileError(f"Column {letter}: “{target}” is not something to import as.")
        columns[_column(letter)] = target
    value_maps: dict[int, ValueMap] = {}
    for letter, data in dict(document.get("value_maps") or {}).items():
        try:
            value_maps[_column(letter)] = ValueMap.from_json(data)
        except ValueError as error:
            raise MappingFileError(f"Column {letter}'s value map: {error}.") from error
    owners: dict[str, int | None] = {}
    for name, username in dict(document.get("owners") or {}).items():
        if username is None:
            owners[str(name)] = None
        elif str(username) in people:
            owners[str(name)] = people[str(username)]
        else:
            raise MappingFileError(f"Owner “{name}”: nobody here has the username {username}.")
    return header_row, columns, value_maps, owners

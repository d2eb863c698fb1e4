"""Importing a register from a spreadsheet: the upload, then the mapping of its columns and of
the owner names the organisation does not know."""

from __future__ import annotations

import hashlib

from django import forms
from django.core.exceptions import ValidationError

from common.forms import fields_helper
from common.people import person_name
from registers.categories import NEW_CATEGORY
from registers.imports.mapping import REPEATABLE, TARGETS
from registers.imports.reader import MAX_BYTES
from registers.imports.valuemaps import LEVELS, ValueMap

NO_OWNER = "none"
TARGET_LABELS = dict(TARGETS)
LEVEL_CHOICES = [("", "Choose…"), *[(str(level), str(level)) for level in LEVELS]]


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet",
        help_text="An Excel workbook (.xlsx, its first sheet) or a CSV file, at most "
        f"{MAX_BYTES // (1024 * 1024)} MB. Nothing is saved to the register until you have "
        "checked the preview and confirmed.",
        error_messages={
            "required": "Choose the spreadsheet to import.",
            "empty": "This file is empty.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()

    @property
    def too_big(self) -> bool:
        upload = self.files.get("file")
        return upload is not None and upload.size > MAX_BYTES

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                f"{upload.name} is {upload.size / (1024 * 1024):.1f} MB; the largest file that "
                f"can be imported is {MAX_BYTES // (1024 * 1024)} MB.",
                code="too_big",
            )
        return upload


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def owner_field_name(name: str) -> str:
    """A stable field name for an owner name as written in the sheet (any characters)."""
    return "owner_" + hashlib.sha256(name.strip().casefold().encode()).hexdigest()[:12]


def value_field_name(index: int, value: str) -> str:
    """A stable field name for a value of a column's value map (any characters)."""
    return f"value_{index}_" + hashlib.sha256(value.strip().casefold().encode()).hexdigest()[:12]


class MappingForm(forms.Form):
    """What each column of the sheet holds, and who owns the risks of each owner name that
    matches nobody in the organisation."""

    def __init__(
        self,
        *args,
        headers: list[object],
        header_row: int,
        row_count: int,
        samples: dict[int, list[str]],
        unmatched_owners: list[str],
        people,
        value_maps: dict[int, ValueMap] | None = None,
        bands=(),
        categories: list[tuple[str, str]] = (),
        **kwargs,
    ):
        """``categories`` are the organisation's categories in use, key and label, that a
        sheet's own category may be mapped onto."""
        super().__init__(*args, **kwargs)
        self.header_row_number = header_row
        self.fields["header_row"] = forms.TypedChoiceField(
            choices=[(n, n) for n in range(1, row_count + 1)],
            coerce=int,
            initial=header_row,
            widget=forms.HiddenInput,
        )
        self.columns = []
        for index, heading in enumerate(headers):
            name = f"column_{index}"
            heading_text = cell_text(heading)
            letter = column_letter(index)
            self.fields[name] = forms.ChoiceField(
                label=f"Column {letter}"
                + (f" “{heading_text}”" if heading_text else " (no heading)"),
                choices=[(key, label) for key, label in TARGETS],
                required=False,
            )
            self.columns.append(
                {
                    "index": index,
                    "letter": letter,
                    "heading": heading_text,
                    "samples": samples.get(index, []),
                    "name": name,
                }
            )
        self._add_owner_fields(unmatched_owners, people)
        self.band_choices = [("", "Choose…"), *[(band.key, band.label) for band in bands]]
        self.category_choices = list(categories)
        self._add_value_fields(value_maps or {})
        self.helper = fields_helper()

    def _add_owner_fields(self, unmatched_owners: list[str], people) -> None:
        """One choice per owner name that is no one's account: a person, no owner, or (the
        default) keep the name as the owner as written until someone assigns a person."""
        owner_choices = [
            ("", "Keep as written: assign a person later"),
            (NO_OWNER, "No owner: leave the risk unowned"),
            *[(str(person.pk), person_name(person)) for person in people],
        ]
        self.owner_names = {}
        for owner in unmatched_owners:
            name = owner_field_name(owner)
            self.owner_names[name] = owner
            self.fields[name] = forms.ChoiceField(
                label=f"Owner “{owner}”", choices=owner_choices, required=False
            )

    def _add_value_fields(self, value_maps: dict[int, ValueMap]) -> None:
        """One choice per value of each column's value map, preselected with the proposal:
        a level 1 to 5, a band, or one of the organisation's categories or a new one."""
        self.value_maps = value_maps
        self.value_names: dict[int, dict[str, str]] = {}
        letters = {column["index"]: column for column in self.columns}
        for index, value_map in sorted(value_maps.items()):
            column = letters.get(index, {"letter": column_letter(index), "heading": ""})
            names = self.value_names.setdefault(index, {})
            for value, level in value_map.values.items():
                name = value_field_name(index, value)
                names[name] = value
                choices, kind = self._value_choices(value_map.target, value)
                self.fields[name] = forms.ChoiceField(
                    label=f"Column {column['letter']}: “{value}” is read as",
                    choices=choices,
                    error_messages={
                        "required": f"Choose what “{value}” in column {column['letter']} is "
                        f"read as ({kind})."
                    },
                )
                if level is not None:
                    self.initial.setdefault(name, str(level))

    def _value_choices(self, target: str, value: str) -> tuple[list[tuple[str, str]], str]:
        """What ``value`` of a map onto ``target`` may be read as, and that in words: for a
        category, a new category of its name or one of the organisation's."""
        if target == "category":
            choices = [
                ("", "Choose…"),
                (NEW_CATEGORY, f"A new category “{value}”"),
                *self.category_choices,
            ]
            return choices, "a new category or one of the categories"
        if target.endswith("_rating"):
            return self.band_choices, "a band of the risk appetite"
        return LEVEL_CHOICES, "a level from 1 to 5"

    def value_map_groups(self):
        """Each value map with its column and its values' fields, for the template."""
        letters = {column["index"]: column for column in self.columns}
        return [
            {
                "column": letters.get(index),
                "map": self.value_maps[index],
                "target": TARGET_LABELS.get(self.value_maps[index].target, ""),
                "fields": [(value, self[name]) for name, value in names.items()],
            }
            for index, names in self.value_names.items()
        ]

    def chosen_value_maps(self) -> dict[int, ValueMap]:
        """The value maps as confirmed or changed, by column index."""
        chosen = {}
        for index, names in self.value_names.items():
            proposed = self.value_maps[index]
            values: dict[str, object] = {}
            for name, value in names.items():
                picked = self.cleaned_data.get(name, "")
                numeric = proposed.target not in ("category", "residual_rating")
                values[value] = int(picked) if numeric else picked
            chosen[index] = ValueMap(
                target=proposed.target, rule=proposed.rule, values=values, scale=proposed.scale
            )
        return chosen

    def column_fields(self):
        return [(column, self[column["name"]]) for column in self.columns]

    def owner_fields(self):
        return [(owner, self[name]) for name, owner in self.owner_names.items()]

    def clean(self):
        cleaned = super().clean()
        chosen: dict[str, list[str]] = {}
        for column in self.columns:
            target = cleaned.get(column["name"], "")
            if target:
                chosen.setdefault(target, []).append(column["letter"])
        for target, letters in chosen.items():
            if len(letters) > 1 and target not in REPEATABLE:
                self.add_error(
                    None,
                    f"Columns {' and '.join(letters)} are both mapped to "
                    f"“{TARGET_LABELS[target]}”: choose one, and “Ignore” for the other.",
                )
        if "title" not in chosen and "event" not in chosen:
            self.add_error(
                None,
                f"Choose the column that holds the risk's title (“{TARGET_LABELS['title']}”), "
                "or the description to take each title from.",
            )
        return cleaned

    def mapping(self) -> dict[int, str]:
        return {
            column["index"]: self.cleaned_data[column["name"]]
            for column in self.columns
            if self.cleaned_data.get(column["name"])
        }

    def owner_choices(self) -> dict[str, int | None]:
        choices = {}
        for name, owner in self.owner_names.items():
            value = self.cleaned_data.get(name)
            if value:
                choices[owner] = None if value == NO_OWNER else int(value)
        return choices

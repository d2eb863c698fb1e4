"""The risk appetite statement's forms: the Insurance Manager's draft (a level and a tolerance
per category) and SLT's approval (docs/domain.md#risk-appetite)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django import forms

from common.forms import DayMonthYearField, PersonChoiceField, fields_helper
from registers.appetite import statement_lines
from registers.models import AppetiteLevel, AppetiteStatement

NO_LINE = "The bands decide (no line)"


class AppetiteDraftForm(forms.Form):
    """The statement's words, and for each category a level and a tolerance (1 to 25), or
    neither: a category without a line falls back on the bands."""

    summary = forms.CharField(
        label="The statement",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the organisation will and will not accept, in SLT's words.",
    )

    def __init__(self, *args, statement: AppetiteStatement | None, organisation_id: int, **kwargs):
        """``statement`` is the draft, or (before one is started) the statement it will copy,
        or None when there is none to copy."""
        super().__init__(*args, **kwargs)
        self.statement = statement
        self.fields["summary"].initial = statement.summary if statement else ""
        levels = list(AppetiteLevel.objects.order_by("rank"))
        self.levels = levels
        self.rows = []
        for key, label, line in statement_lines(statement, organisation_id=organisation_id):
            level_name, tolerance_name = f"{key}__level", f"{key}__tolerance"
            self.fields[level_name] = forms.ModelChoiceField(
                label=f"{label}: appetite level",
                queryset=AppetiteLevel.objects.order_by("rank"),
                required=False,
                empty_label=NO_LINE,
                initial=line.level_id if line else None,
            )
            self.fields[level_name].choices = [("", NO_LINE)] + [
                (level.pk, f"{level.label} (default tolerance {level.default_tolerance})")
                for level in levels
            ]
            self.fields[tolerance_name] = forms.IntegerField(
                label=f"{label}: tolerance",
                required=False,
                min_value=1,
                max_value=25,
                initial=line.tolerance if line else None,
            )
            self.rows.append((key, label, self[level_name], self[tolerance_name]))
        self.helper = fields_helper()

    def clean(self):
        cleaned = super().clean()
        for _key, _label, level_field, tolerance_field in self.rows:
            level = cleaned.get(level_field.name)
            tolerance = cleaned.get(tolerance_field.name)
            if level is None and tolerance is not None:
                self.add_error(
                    level_field.name,
                    forms.ValidationError(
                        "Choose a level for this tolerance, or clear the tolerance.",
                        code="tolerance_without_level",
                    ),
                )
            elif level is not None and tolerance is None:
                cleaned[tolerance_field.name] = level.default_tolerance
        return cleaned

    def lines(self) -> dict[str, tuple[AppetiteLevel | None, int | None]]:
        return {
            key: (
                self.cleaned_data.get(level_field.name),
                self.cleaned_data.get(tolerance_field.name),
            )
            for key, _label, level_field, tolerance_field in self.rows
        }


class AppetiteApprovalForm(forms.Form):
    """SLT's meeting and, when the Insurance Manager records it, who in SLT approved."""

    decided_by = PersonChoiceField(
        label="Who approved it",
        help_text="You record this approval on behalf of a member of SLT; it is theirs, and "
        "shows you as the person who recorded it.",
    )
    decided_on = DayMonthYearField(label="Date of SLT's meeting")

    def __init__(self, *args, today: date, approvers: Iterable | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["decided_on"].initial = today
        if approvers is None:
            del self.fields["decided_by"]
        else:
            self.fields["decided_by"].queryset = approvers
        self.helper = fields_helper()

    def clean_decided_on(self) -> date:
        decided_on = self.cleaned_data["decided_on"]
        if decided_on > self.today:
            raise forms.ValidationError(
                "The meeting cannot be in the future: record the approval once it is given.",
                code="future_meeting",
            )
        return decided_on

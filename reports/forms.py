"""Forms of the reports: the committee report's narrative."""

from __future__ import annotations

from django import forms

from common.forms import fields_helper
from registers.periods import parse_year, year_label
from reports.permissions import VARIANTS

YEARS = range(1900, 3000)


class CommitteeNarrativeForm(forms.Form):
    """The introduction and the opinion of a year's committee report. The year (and the
    variant to show again afterwards) travel as hidden fields."""

    year = forms.CharField(widget=forms.HiddenInput)
    variant = forms.ChoiceField(choices=[(v, v) for v in VARIANTS], widget=forms.HiddenInput)
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Opens the report: its purpose and the year in brief. Printed after the "
        "summary; leave it empty to print none.",
    )
    opinion = forms.CharField(
        label="Opinion on the risk management process",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The Head of Internal Audit's or the Insurance Manager's opinion, printed "
        "near the end of the report.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()

    def clean_year(self) -> int:
        try:
            year = parse_year(self.cleaned_data["year"])
        except ValueError as error:
            raise forms.ValidationError(str(error), code="bad_year") from error
        # "0000/01" and "9999/00" parse, but their quarters fall outside the calendar
        # (date(0, 4, 1)) and the page showing the report again would fail.
        if not YEARS.start <= year < YEARS.stop:
            raise forms.ValidationError(
                f"Choose a financial year from {year_label(YEARS.start)} to "
                f"{year_label(YEARS.stop - 1)}.",
                code="bad_year",
            )
        return year

    @classmethod
    def for_year(cls, *, year: int, variant: str, narrative=None) -> CommitteeNarrativeForm:
        return cls(
            initial={
                "year": year_label(year),
                "variant": variant,
                "introduction": narrative.introduction if narrative else "",
                "opinion": narrative.opinion if narrative else "",
            }
        )

"""Forms of the reports: the committee report's introduction and Internal Audit's opinion."""

from __future__ import annotations

from django import forms

from common.forms import LOST_VERSION, fields_helper
from registers.periods import parse_year, year_label
from reports.permissions import VARIANTS

YEARS = range(1900, 3000)


class _CommitteeWordsForm(forms.Form):
    """A part of a year's committee report that a person writes. The year, the variant to
    show again afterwards and the narrative's version the writer started from (0 when there
    was none) travel as hidden fields."""

    part = ""
    year = forms.CharField(widget=forms.HiddenInput)
    variant = forms.ChoiceField(choices=[(v, v) for v in VARIANTS], widget=forms.HiddenInput)
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": LOST_VERSION, "invalid": LOST_VERSION},
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
    def for_year(cls, *, year: int, variant: str, narrative=None):
        return cls(
            initial={
                "year": year_label(year),
                "variant": variant,
                "version": narrative.version if narrative else 0,
                cls.part: getattr(narrative, cls.part) if narrative else "",
            }
        )

    def overtaken(self, *, version: int):
        """The same form, as typed, carrying the version saved meanwhile: saving it again
        after reading the other person's words goes through."""
        data = self.data.copy()
        data["version"] = str(version)
        again = type(self)(data)
        again.is_valid()
        return again


class CommitteeNarrativeForm(_CommitteeWordsForm):
    """The introduction, which the Insurance Manager writes."""

    part = "introduction"
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Opens the report: its purpose and the year in brief. Printed after the "
        "summary; leave it empty to print none.",
    )


class CommitteeOpinionForm(_CommitteeWordsForm):
    """Internal Audit's independent annual opinion."""

    part = "opinion"
    opinion = forms.CharField(
        label="Internal Audit's independent opinion",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Your annual opinion on the adequacy and effectiveness of the risk management "
        "and control environment, printed near the end of the report with your name.",
    )

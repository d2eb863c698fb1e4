"""The form recording assurance over a control in place."""

from __future__ import annotations

from django import forms

from common.forms import DayMonthYearField, fields_helper
from registers.models import Assurance, AssuranceLine


class AssuranceForm(forms.ModelForm):
    """Line, source, date and conclusion; the lines offered are those the person may record
    (``permissions.assurance_lines``), and the service checks again."""

    class Meta:
        model = Assurance
        fields = ("line", "source", "given_on", "conclusion")
        field_classes = {"given_on": DayMonthYearField}
        labels = {
            "line": "Line of assurance",
            "source": "Source",
            "given_on": "Date of the assurance",
            "conclusion": "Conclusion",
        }
        help_texts = {
            "source": "Where it comes from, e.g. an audit report, a management check or a "
            "compliance review, with its reference.",
            "given_on": "When it was given. For example, 14 2 2027.",
            "conclusion": "What it found about the control: does it work as intended?",
        }
        widgets = {
            "line": forms.RadioSelect,
            "conclusion": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "line": {"required": "Choose the line of assurance."},
            "source": {"required": "Say where the assurance comes from."},
            "conclusion": {"required": "Give the assurance's conclusion."},
            "given_on": {
                "required": "Give the date of the assurance.",
                "invalid": "Enter the date of the assurance as a real date, e.g. 14 2 2027.",
                "incomplete": "The date of the assurance must include a %(missing)s.",
            },
        }

    def __init__(self, *args, lines: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(AssuranceLine.choices)
        self.fields["line"].choices = [(line, labels[line]) for line in lines]
        if len(lines) == 1:
            self.fields["line"].initial = lines[0]
        self.helper = fields_helper("line", "source", "given_on", "conclusion")

"""The form a member of SLT fills to propose a new corporate risk: the risk form itself, so the
proposal asks what a risk asks and is checked as a risk is, and the case for adding it."""

from __future__ import annotations

from django import forms

from registers.forms.risk import RiskForm
from registers.forms.risk_layout import section


class NewRiskProposalForm(RiskForm):
    """The risk form without a reference (drawn when SLT accepts it), and the proposer's case."""

    case = forms.CharField(
        label="Why SLT should add it",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What you see on the horizon: why this is a risk to the council as a whole "
        "now, and why the corporate register is where it belongs.",
        error_messages={"required": "Say why SLT should add the risk to the corporate register."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reference = self.fields["reference"]
        reference.disabled = True
        reference.help_text = "Numbered when SLT accepts the risk."
        self.helper.layout.append(section("Your case to SLT", "case"))

    def clean_reference(self) -> str:
        return ""

    @property
    def case_text(self) -> str:
        return self.cleaned_data["case"]

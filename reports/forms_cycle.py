"""Forms of the quarterly cycle: approving a register on its own page, and the Section 151
Officer's oversight of the draft corporate register (docs/domain.md#register-approval)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django import forms

from common.forms import DayMonthYearField, PersonChoiceField, fields_helper
from registers.models import OversightVerdict, Register, Tier
from registers.periods import Quarter, approvable_quarters, quarter_considered
from registers.review_questions import questions_for


class RegisterApprovalForm(forms.Form):
    """The quarter approved, who decided and when (when the Insurance Manager records it),
    the tier's register-level questions answered, and, for a corporate quarter the Section 151
    Officer has not signed off, an explicit confirmation."""

    quarter = forms.ChoiceField(
        label="Quarter being approved",
        help_text="The quarter the meeting considered: in the first six weeks of a quarter, "
        "usually the one just ended.",
    )
    decided_by = PersonChoiceField(
        label="Who approved it",
        help_text="You record this approval on their behalf; it is theirs, and shows you as "
        "the person who recorded it.",
    )
    decided_on = DayMonthYearField(label="Date of the meeting")
    confirm_without_s151 = forms.BooleanField(
        label="Approve without the Section 151 Officer's sign-off",
        required=False,
        help_text="The Section 151 Officer has not signed off this quarter. The approval will "
        "record that their sign-off was missing.",
    )

    def __init__(
        self,
        *args,
        register: Register,
        today: date,
        approvers: Iterable | None,
        unsigned: set[Quarter],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.register, self.unsigned, self.today = register, unsigned, today
        self.questions = questions_for(register.tier)
        self.fields["quarter"].choices = [(q.label, q.label) for q in approvable_quarters(today)]
        self.fields["quarter"].initial = quarter_considered(today).label
        self.fields["decided_on"].initial = today
        if approvers is None:  # approving in one's own name
            del self.fields["decided_by"]
        else:
            self.fields["decided_by"].queryset = approvers
        if register.tier != Tier.CORPORATE or not unsigned:
            del self.fields["confirm_without_s151"]
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": "Answer this question about the register."},
            )
        self.helper = fields_helper()

    def clean_quarter(self) -> Quarter:
        return Quarter.parse(self.cleaned_data["quarter"])

    def clean_decided_on(self) -> date:
        decided_on = self.cleaned_data["decided_on"]
        if decided_on > self.today:
            raise forms.ValidationError(
                "The meeting cannot be in the future: record the approval once it is given.",
                code="future_meeting",
            )
        return decided_on

    def clean(self):
        cleaned = super().clean()
        quarter = cleaned.get("quarter")
        if (
            "confirm_without_s151" in self.fields
            and quarter in self.unsigned
            and not cleaned.get("confirm_without_s151")
        ):
            self.add_error(
                "confirm_without_s151",
                forms.ValidationError(
                    f"The Section 151 Officer has not signed off {quarter.label}: tick the box "
                    "to approve without their sign-off, or wait for it.",
                    code="s151_sign_off_missing",
                ),
            )
        return cleaned

    def answers(self) -> dict[str, str]:
        return {
            question: self.cleaned_data[f"answer_{number}"]
            for number, question in enumerate(self.questions, start=1)
        }


class S151ReviewForm(forms.Form):
    """The Section 151 Officer's comments on the draft corporate register, and their verdict."""

    verdict = forms.ChoiceField(
        label="Your conclusion",
        choices=OversightVerdict.choices,
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label="Comments for SLT",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Printed in the SLT pack: for instance, how the risks align with the Medium "
        "Term Financial Strategy and budget setting, or your concerns.",
        error_messages={"required": "Write your comments: SLT reads them in the pack."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()

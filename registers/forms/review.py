"""The review of a risk: the questions the policy asks at the risk's tier."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms

from common.forms import LOST_VERSION, fields_helper


class ReviewForm(forms.Form):
    """One required answer per question (``questions_for(tier)``), then optional notes."""

    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anything else the next reviewer should know.",
    )

    def __init__(self, *args, questions: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        answers = {
            self.answer_field(number): forms.CharField(
                label=question,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": "Answer this question."},
            )
            for number, question in enumerate(questions, start=1)
        }
        self.fields = {**answers, "notes": self.fields["notes"]}
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @staticmethod
    def answer_field(number: int) -> str:
        return f"answer_{number}"

    def answers(self) -> dict[str, str]:
        """Question to answer, as ``risk_review_record`` takes them."""
        return {
            question: self.cleaned_data[self.answer_field(number)]
            for number, question in enumerate(self.questions, start=1)
        }

    def answer_fields(self):
        return [self[self.answer_field(n)] for n in range(1, len(self.questions) + 1)]


class QuickReviewForm(forms.Form):
    """A review with nothing new (docs/domain.md#quick-review): one button, an optional note,
    and the version of the risk the reviewer was looking at, so that what they confirm is what
    they saw."""

    prefix = "quick"

    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, what you checked. It is kept with the review.",
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": LOST_VERSION, "invalid": LOST_VERSION},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()

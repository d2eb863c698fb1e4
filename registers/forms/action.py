"""Forms for a risk's controls and planned actions."""

from __future__ import annotations

from crispy_forms.bootstrap import PrependedText
from crispy_forms.layout import Column, Row
from django import forms
from django.core.exceptions import ValidationError

from common.forms import DayMonthYearField, PersonChoiceField, VersionedForm, fields_helper
from registers.models import Action, ActionKind, ControlType, Effectiveness, TreatType
from registers.selectors.people import organisation_people, people_search_url


class ActionForm(VersionedForm, forms.ModelForm):
    """A control in place or a planned action. A planned action must say when it is due: the
    policy's SMARTER actions are time-bound. An edit carries the version it started from, so
    a colleague's save in the meantime is detected (``services.action_update`` raises
    ``StaleEdit``)."""

    owner = PersonChoiceField(
        label="Owner",
        required=False,
        empty_label="No owner yet",
        help_text="Who makes sure it happens and reports on it.",
    )
    agreed_by = PersonChoiceField(
        label="Agreed by",
        required=False,
        empty_label="Not agreed yet",
        help_text="Who agreed it: its owner, or the manager who holds the budget.",
    )

    class Meta:
        model = Action
        fields = (
            "kind",
            "treat_type",
            "description",
            "control_type",
            "effectiveness",
            "key_control",
            "measure_of_success",
            "owner",
            "due_date",
            "agreed_by",
            "agreed_on",
            "status",
            "cost",
            "review_date",
            "evaluation_notes",
        )
        field_classes = {
            "due_date": DayMonthYearField,
            "agreed_on": DayMonthYearField,
            "review_date": DayMonthYearField,
        }
        labels = {
            "kind": "Kind",
            "description": "Description",
            "due_date": "Due date",
            "cost": "Cost in pounds",
            "evaluation_notes": "Evaluation notes",
            "treat_type": "How it treats the risk (optional)",
            "measure_of_success": "Measure of success",
            "agreed_on": "Agreed on",
            "review_date": "Next review of its effect",
            "control_type": "Type of control (controls in place only)",
            "effectiveness": "How effective is the control? (controls in place only)",
            "key_control": "A key control: the risk chiefly relies on it",
        }
        help_texts = {
            "kind": "A control in place already reduces the risk; a planned action will, by "
            "its due date.",
            "description": "Specific and measurable: what is done, or will be done, and by whom.",
            "due_date": "Required for a planned action. For example, 31 3 2027.",
            "cost": "Where known, e.g. 12500.",
            "evaluation_notes": "How well it is working, and how you know.",
            "treat_type": "Prevention makes the risk less likely, containment lessens its "
            "impact, contingency is what is done once it has happened.",
            "measure_of_success": "How anyone will know it has worked, e.g. “no unpatched "
            "servers at the monthly scan”.",
            "agreed_on": "When it was agreed. For example, 15 1 2027.",
            "review_date": "When its effect is next looked at. For example, 30 6 2027.",
            "control_type": "Preventive stops it happening, detective finds it when it has, "
            "directive tells people what to do, corrective puts it right afterwards.",
            "effectiveness": "As last assessed. A planned action is not rated.",
            "key_control": "Key controls on amber and red risks need assurance every year.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "cost": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
            "evaluation_notes": forms.Textarea(attrs={"rows": 3}),
            "treat_type": forms.RadioSelect,
            "control_type": forms.RadioSelect,
            "effectiveness": forms.RadioSelect,
            "measure_of_success": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "description": {"required": "Describe the control or action."},
            "cost": {"min_value": "Give a cost of zero or more, in pounds."},
            "due_date": {
                "invalid": "Enter the due date as a real date, e.g. 31 3 2027.",
                "incomplete": "The due date must include a %(missing)s.",
            },
            "agreed_on": {
                "invalid": "Enter the date it was agreed as a real date, e.g. 15 1 2027.",
                "incomplete": "The date it was agreed must include a %(missing)s.",
            },
            "review_date": {
                "invalid": "Enter the review date as a real date, e.g. 30 6 2027.",
                "incomplete": "The review date must include a %(missing)s.",
            },
        }

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisation_people(
            organisation_id=organisation_id, keep=[self.instance.owner_id]
        )
        self.fields["agreed_by"].queryset = organisation_people(
            organisation_id=organisation_id, keep=[self.instance.agreed_by_id]
        )
        search_url = people_search_url(organisation_id=organisation_id)
        self.fields["owner"].search_with(search_url)
        self.fields["agreed_by"].search_with(search_url)
        self.fields["treat_type"].choices = [("", "Not said"), *TreatType.choices]
        self.fields["control_type"].choices = [("", "Not said"), *ControlType.choices]
        self.fields["effectiveness"].choices = Effectiveness.choices
        self.fields["effectiveness"].required = False  # not answered: not assessed
        self.helper = fields_helper(
            "kind",
            "treat_type",
            "description",
            "control_type",
            "effectiveness",
            "key_control",
            "measure_of_success",
            Row(Column("owner", css_class="col-md-7"), Column("due_date", css_class="col-md-5")),
            Row(
                Column("agreed_by", css_class="col-md-7"),
                Column("agreed_on", css_class="col-md-5"),
            ),
            Row(
                Column("status", css_class="col-md-7"),
                Column(PrependedText("cost", "£"), css_class="col-md-5"),
            ),
            "review_date",
            "evaluation_notes",
            *(["version"] if "version" in self.fields else []),
        )

    def clean(self):
        cleaned = super().clean()
        # An invalid date already has its own error; a missing one on a planned action not.
        missing = not cleaned.get("due_date") and "due_date" not in self.errors
        if cleaned.get("kind") == ActionKind.ACTION and missing:
            self.add_error(
                "due_date",
                ValidationError(
                    "Give a due date: a planned action needs one (a control in place does not).",
                    code="due_date_required",
                ),
            )
        self._clean_agreement(cleaned)
        if not cleaned.get("effectiveness"):
            cleaned["effectiveness"] = Effectiveness.NOT_ASSESSED
        if cleaned.get("kind") == ActionKind.ACTION:
            # Only a control in place is typed, rated or key: a planned action drops them.
            cleaned["control_type"] = ""
            cleaned["effectiveness"] = Effectiveness.NOT_ASSESSED
            cleaned["key_control"] = False
        return cleaned

    def _clean_agreement(self, cleaned: dict) -> None:
        """SMARTER's "agreed" is a person and a date: one without the other is half a record."""
        if (
            cleaned.get("agreed_by")
            and not cleaned.get("agreed_on")
            and "agreed_on" not in self.errors
        ):
            self.add_error(
                "agreed_on",
                ValidationError("Give the date it was agreed.", code="agreed_on_required"),
            )
        if cleaned.get("agreed_on") and not cleaned.get("agreed_by"):
            self.add_error(
                "agreed_by",
                ValidationError(
                    "Choose who agreed it, or clear the date.", code="agreed_by_required"
                ),
            )

    def service_fields(self) -> dict:
        """The cleaned values, as keyword arguments for ``action_create`` / ``action_update``
        (with the ``version`` an edit started from)."""
        return {
            name: self.cleaned_data[name]
            for name in (*self._meta.fields, "version")
            if name in self.fields
        }


class ActionCompleteForm(forms.Form):
    """Mark an action done, saying how well it worked where known."""

    evaluation = forms.CharField(
        label="How well did it work? (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Replaces the evaluation notes when given.",
    )

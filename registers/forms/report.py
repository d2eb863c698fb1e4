"""Reporting a new risk to a register, and the register owner's decision on it."""

from __future__ import annotations

from django import forms

from common.forms import PersonChoiceField, fields_helper
from registers.categories import category_choices
from registers.models import RiskReport
from registers.selectors.people import organisation_people, people_search_url


class RiskReportForm(forms.ModelForm):
    """A colleague's new risk, described as the policy asks: event, consequence, impact."""

    class Meta:
        model = RiskReport
        fields = ("title", "event", "consequence", "impact", "category")
        labels = {
            "title": "Title",
            "event": "Event",
            "consequence": "Consequence",
            "impact": "Impact",
            "category": "Category",
        }
        help_texts = {
            "title": "A short name, e.g. “Loss of the care records system”.",
            "event": "What could go wrong, e.g. “If the care records system is unavailable "
            "for more than a day…”.",
            "consequence": "What may follow, e.g. “…care workers cannot see visit plans…”.",
            "impact": "The effect on the council and the people it serves, e.g. “…vulnerable "
            "people miss care and the council breaches its duty.”",
            "category": "The main source of the risk.",
        }
        widgets = {
            "event": forms.Textarea(attrs={"rows": 3}),
            "consequence": forms.Textarea(attrs={"rows": 3}),
            "impact": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Give the risk a short title."},
            "event": {"required": "Say what could go wrong."},
            "consequence": {"required": "Say what may follow if it happens."},
            "impact": {"required": "Say what the effect on the council would be."},
            "category": {"required": "Choose the category that fits best."},
        }

    category = forms.ChoiceField(
        label="Category",
        help_text="The main source of the risk.",
        error_messages={
            "required": "Choose the category that fits best.",
            "invalid_choice": "Choose one of the categories in the list.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The organisation's categories in use (docs/domain.md#categories).
        self.fields["category"].choices = [
            ("", "Choose a category"),
            *category_choices(self.instance.register.organisation_id),
        ]
        self.helper = fields_helper()

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class AcceptReportForm(forms.Form):
    """Accept a reported risk onto the register, naming who will own and score it."""

    owner = PersonChoiceField(
        label="Owner of the new risk",
        empty_label="Choose a person",
        help_text="They will score the risk and manage it.",
        error_messages={"required": "Choose who will own the new risk."},
    )

    def __init__(self, *args, organisation_id: int, **kwargs):
        kwargs.setdefault("prefix", "accept")
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisation_people(organisation_id=organisation_id)
        self.fields["owner"].search_with(people_search_url(organisation_id=organisation_id))
        self.helper = fields_helper()


class DeclineReportForm(forms.Form):
    """Decline a reported risk, with the reason the colleague who reported it will read."""

    reason = forms.CharField(
        label="Reason for declining",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The colleague who reported the risk will see this.",
        error_messages={
            "required": "Say why you are declining: the colleague who reported it will see "
            "the reason."
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "decline")
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()

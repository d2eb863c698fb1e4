"""The reminder settings the Insurance Manager edits, and each person's choice of digest."""

from __future__ import annotations

from django import forms

from common.forms import VersionedForm, fields_helper
from reminders.models import Frequency, ReminderSettings
from reminders.services import SETTINGS_FIELDS


class ReminderSettingsForm(VersionedForm, forms.ModelForm):
    """The lead times and the chasing ladder, under optimistic locking: two Insurance Managers
    editing at once do not overwrite each other unseen."""

    class Meta:
        model = ReminderSettings
        fields = SETTINGS_FIELDS
        labels = {
            "lead_days": "Reminders before the due date (days)",
            "on_the_day": "Remind on the due date",
            "first_chase_days": "First reminder when overdue, after (days)",
            "repeat_days": "Then every (days)",
            "register_owner_after_days": "Tell the register's owner after (days overdue)",
            "insurance_manager_after_days": "Tell the Insurance Manager after (days overdue)",
            "weekly_day": "Weekly digests go out on",
        }
        widgets = {
            "lead_days": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            **{
                name: forms.NumberInput(attrs={"min": 1, "max": 365})
                for name in (
                    "first_chase_days",
                    "repeat_days",
                    "register_owner_after_days",
                    "insurance_manager_after_days",
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()

    def service_fields(self) -> dict:
        """The cleaned values for ``reminder_settings_update``, with the ``version``."""
        return {name: self.cleaned_data[name] for name in (*SETTINGS_FIELDS, "version")}


class DigestPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label="How often should your digest come?",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text="A digest lists what is due, overdue or waiting on you. There is always one: "
        "things that fall due must reach someone.",
        error_messages={
            "required": "Choose daily or weekly.",
            "invalid_choice": "Choose daily or weekly.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()

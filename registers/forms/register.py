"""A register's settings and the approval of its review."""

from __future__ import annotations

from django import forms

from common.forms import PersonChoiceField, VersionedForm, fields_helper
from common.validators import PlainVisibleText
from registers.models import Register
from registers.selectors.people import organisation_people, people_search_url


class RegisterSettingsForm(VersionedForm, forms.ModelForm):
    """A register's name, owner, review lead and review interval. The settings carry the
    version of the register they started from, so a colleague's save in the meantime is detected
    (``services.register_update`` raises ``StaleEdit``)."""

    owner = PersonChoiceField(
        label="Owner",
        help_text="Reviews and approves the register and decides on the risks reported to it.",
    )
    review_lead = PersonChoiceField(
        label="Review lead (optional)",
        required=False,
        help_text="The member of the leadership team who leads on the register's review and "
        "circulates its pack before the meeting.",
    )

    class Meta:
        model = Register
        fields = ("name", "owner", "review_lead", "review_interval_months")
        labels = {"name": "Name", "review_interval_months": "Review interval in months"}
        help_texts = {
            "review_interval_months": "How often the register is reviewed and approved: "
            "3 for quarterly, 12 for yearly (1 to 24).",
        }
        widgets = {"review_interval_months": forms.NumberInput(attrs={"min": 1, "max": 24})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisation_people(
            organisation_id=self.instance.organisation_id, keep=[self.instance.owner_id]
        )
        self.fields["owner"].search_with(
            people_search_url(organisation_id=self.instance.organisation_id)
        )
        self.fields["review_lead"].queryset = organisation_people(
            organisation_id=self.instance.organisation_id, keep=[self.instance.review_lead_id]
        )
        self.fields["review_lead"].search_with(
            people_search_url(organisation_id=self.instance.organisation_id)
        )
        self.fields["name"].validators.append(PlainVisibleText("register's name"))
        self.helper = fields_helper()

    def service_fields(self) -> dict:
        """The cleaned values, as keyword arguments for ``register_update``, with the
        ``version`` the settings started from."""
        return {name: self.cleaned_data[name] for name in (*self._meta.fields, "version")}

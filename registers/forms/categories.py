"""The Insurance Manager's forms for the organisation's categories of risk."""

from __future__ import annotations

from django import forms

from common.forms import fields_helper
from registers.models import RiskCategory

LABEL_LENGTH = RiskCategory._meta.get_field("label").max_length


class CategoryForm(forms.Form):
    """A category's name, to add one or to rename one."""

    label = forms.CharField(
        label="Name",
        max_length=LABEL_LENGTH,
        help_text="As the registers and reports print it, e.g. Health and safety.",
        error_messages={
            "required": "Give the category a name.",
            "max_length": "Keep the name to %(limit_value)d characters.",
        },
    )

    def __init__(self, *args, label_text: str = "Name", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].label = label_text
        self.helper = fields_helper()

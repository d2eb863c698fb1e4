from django import forms

from api.services import LIFETIMES_DAYS


class TokenForm(forms.Form):
    """A new personal access token: what it is for and how long it lasts."""

    name = forms.CharField(
        label="What is it for?",
        max_length=100,
        help_text="So you can tell your tokens apart, e.g. “Power BI: corporate register”.",
    )
    lifetime_days = forms.TypedChoiceField(
        label="Expires after",
        coerce=int,
        choices=[(days, f"{days} days") for days in LIFETIMES_DAYS],
        initial=90,
        widget=forms.RadioSelect,
        help_text="After this it stops working and you make another.",
    )

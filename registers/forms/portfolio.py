"""A Cabinet portfolio: its name, its Cabinet member and the registers in it
(docs/domain.md#cabinet-portfolios)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from common.forms import PersonChoiceField, fields_helper
from common.validators import PlainVisibleText
from registers import roles
from registers.models import Portfolio, Register, Tier


class RegisterChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.get_tier_display().lower()})"


class PortfolioForm(forms.ModelForm):
    holder = PersonChoiceField(
        label="Cabinet member",
        required=False,
        help_text="Only people with the Cabinet member role can hold a portfolio.",
    )
    registers = RegisterChoices(
        label="Services, projects and partnerships in the portfolio",
        queryset=Register.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The Cabinet member reads the key risks of these registers.",
    )

    class Meta:
        model = Portfolio
        fields = ("name", "holder", "registers")
        labels = {"name": "Name"}

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation_id = organisation_id
        cabinet = Q(is_active=True, groups__name=roles.CABINET_MEMBER)
        self.fields["holder"].queryset = (
            get_user_model()
            .objects.filter(
                Q(profile__organisation_id=organisation_id)
                & (cabinet | Q(pk=self.instance.holder_id or 0))
            )
            .select_related("profile")
            .distinct()
            .order_by("last_name", "first_name", "username")
        )
        below_corporate = Register.objects.filter(organisation_id=organisation_id).exclude(
            tier=Tier.CORPORATE
        )
        # A closed register is offered no more, unless the portfolio holds it already.
        held = Q(portfolios=self.instance.pk) if self.instance.pk else Q(pk__in=[])
        self.fields["registers"].queryset = (
            below_corporate.filter(Q(closed_at__isnull=True) | held).distinct().order_by("name")
        )
        self.fields["name"].validators.append(PlainVisibleText("portfolio's name"))
        self.helper = fields_helper()

    def clean_name(self):
        name = self.cleaned_data["name"]
        clash = Portfolio.objects.filter(
            organisation_id=self.instance.organisation_id, name__iexact=name
        ).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                "Another portfolio already has this name.", code="duplicate_name"
            )
        return name

"""Opening a project, programme, partnership or shared-service register, and closing one
(docs/domain.md#opening-and-closing-a-register)."""

from __future__ import annotations

from django import forms

from common.forms import PersonChoiceField, fields_helper
from common.validators import PlainVisibleText
from registers.models import Directorate, Kind, Register, Risk, Service, Tier
from registers.selectors.people import organisation_people, people_search_url


class HeldByChoices(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} (a service of the directorate)"


class RegisterOpenForm(forms.ModelForm):
    """A new register in a directorate: what it is for, who holds it, its name, prefix, owner,
    review lead and review interval. The model's own checks (a prefix unique in the
    organisation, its pattern) run on the unsaved register."""

    kind = forms.ChoiceField(
        label="What the register is for",
        choices=Kind.choices,
        widget=forms.RadioSelect,
    )
    service = HeldByChoices(
        label="Held by",
        queryset=Service.objects.none(),
        required=False,
        help_text="The directorate itself, or one of its services. Its risks escalate to the "
        "directorate's register either way.",
    )
    owner = PersonChoiceField(
        label="Owner",
        help_text="Reviews and approves the register and decides on the risks reported to it.",
    )
    review_lead = PersonChoiceField(
        label="Review lead (optional)",
        required=False,
        help_text="The member of the leadership team who leads on the register's review.",
    )

    class Meta:
        model = Register
        fields = (
            "kind",
            "name",
            "service",
            "prefix",
            "owner",
            "review_lead",
            "review_interval_months",
        )
        labels = {
            "name": "Name",
            "prefix": "Prefix",
            "review_interval_months": "Review interval in months",
        }
        help_texts = {
            "prefix": "Starts the reference of every risk on the register, e.g. PRG-HOUSING "
            "makes PRG-HOUSING-01: capital letters, digits and hyphens.",
            "review_interval_months": "How often the register is reviewed and approved: "
            "3 for quarterly (1 to 24).",
        }
        widgets = {"review_interval_months": forms.NumberInput(attrs={"min": 1, "max": 24})}

    def __init__(self, *args, directorate: Directorate, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation_id = directorate.organisation_id
        self.instance.directorate = directorate
        self.instance.tier = Tier.PROJECT
        self.fields["service"].queryset = directorate.services.order_by("name")
        self.fields["service"].empty_label = f"{directorate.name} (the directorate itself)"
        people = organisation_people(organisation_id=directorate.organisation_id)
        search = people_search_url(organisation_id=directorate.organisation_id)
        for name in ("owner", "review_lead"):
            self.fields[name].queryset = people
            self.fields[name].search_with(search)
        self.fields["name"].validators.append(PlainVisibleText("register's name"))
        self.helper = fields_helper()

    def clean_prefix(self) -> str:
        return (self.cleaned_data.get("prefix") or "").strip().upper()


class RiskDestinationField(forms.ChoiceField):
    """Where one open risk goes when its register closes: closed with the register
    (``close``) or moved to one of ``destinations``."""

    CLOSE = "close"

    def __init__(self, *, risk: Risk, destinations: list[Register], **kwargs):
        choices = [("", "Choose where it goes"), (self.CLOSE, "Close the risk")]
        choices += [(str(register.pk), f"Move to {register.name}") for register in destinations]
        super().__init__(
            label=f"{risk.reference} · {risk.title}",
            choices=choices,
            error_messages={"required": f"Say whether {risk.reference} moves or closes."},
            **kwargs,
        )


class RegisterCloseForm(forms.Form):
    """The reason for closing, and one choice per open risk: close it or move it."""

    reason = forms.CharField(
        label="Why is the register closing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept on record with the register and on every risk it closes or moves.",
    )

    def __init__(self, *args, risks: list[Risk], destinations: list[Register], **kwargs):
        super().__init__(*args, **kwargs)
        self.risks = risks
        self.destinations = {register.pk: register for register in destinations}
        for risk in risks:
            self.fields[f"risk_{risk.pk}"] = RiskDestinationField(
                risk=risk, destinations=destinations
            )
        self.fields["reason"].validators.append(PlainVisibleText("reason"))
        self.helper = fields_helper()

    def risk_destinations(self) -> dict[int, Register | None]:
        """Each open risk's id to the register it moves to, or None to close it."""
        chosen = {}
        for risk in self.risks:
            value = self.cleaned_data[f"risk_{risk.pk}"]
            if value == RiskDestinationField.CLOSE:
                chosen[risk.pk] = None
            else:
                chosen[risk.pk] = self.destinations[int(value)]
        return chosen

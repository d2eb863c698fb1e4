"""The risk form's layout: its sections, the three score groups with their likelihood and impact
radios (described by the scoring scheme's Tables 1 and 2), and the widgets that carry what the
live preview and the screen reader need."""

from __future__ import annotations

from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Layout, LayoutObject, Row
from crispy_forms.utils import TEMPLATE_PACK
from django import forms
from django.template.loader import render_to_string
from django.utils.html import format_html

from common.people import person_name
from scoring import matrix
from scoring.selectors import SchemeGuide

NO_TARGET = "No target"


@dataclass(frozen=True, slots=True)
class ScoreGroup:
    """One of the three scores a risk carries, as the form asks for it."""

    name: str  # "residual": the prefix of its likelihood and impact fields
    title: str
    hint: str
    required: bool

    @property
    def likelihood_field(self) -> str:
        return f"{self.name}_likelihood"

    @property
    def impact_field(self) -> str:
        return f"{self.name}_impact"


SCORE_GROUPS = (
    ScoreGroup(
        "inherent",
        "Inherent score",
        "Before any controls: how likely is the event, and how bad would the impact be, if "
        "nothing were done about it?",
        required=True,
    ),
    ScoreGroup(
        "residual",
        "Residual score",
        "With the controls now in place. It should be lower than the inherent score.",
        required=True,
    ),
    ScoreGroup(
        "target",
        "Target score (optional)",
        "Where the planned actions should bring the risk, and by when.",
        required=False,
    ),
)
SCORE_GROUPS_BY_NAME = {group.name: group for group in SCORE_GROUPS}


class OwnerSelect(forms.Select):
    """A select of people whose options carry the person's seniority, which the live ownership
    guidance compares with the band the policy expects."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        user = getattr(value, "instance", None)
        if user is not None:
            option["attrs"]["data-name"] = person_name(user)
            profile = getattr(user, "profile", None)
            if profile is not None:
                option["attrs"]["data-seniority"] = profile.seniority
        return option


class ImpactRadioSelect(forms.RadioSelect):
    """Impact radios, each described by what its level means (Table 2), for screen readers."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value not in ("", None) and option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_meaning"
        return option


def likelihood_field(*, group: ScoreGroup, guide: SchemeGuide) -> forms.TypedChoiceField:
    """A score group's likelihood radios, highest first as Table 1 lists them, each with the
    scheme's descriptor; a scheme without descriptors still scores 1..5."""
    choices = [
        (value, f"{level.label} – {level.description}" if level else "")
        for value in reversed(matrix.SCALE)
        for level in [guide.likelihood_for(value)]
    ]
    return _score_field(
        group=group,
        part="likelihood",
        choices=choices + ([] if group.required else [("", NO_TARGET)]),
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )


def impact_field(*, group: ScoreGroup) -> forms.TypedChoiceField:
    """A score group's impact buttons, 1 to 5, each described by its Table 2 meaning."""
    choices = [(value, str(value)) for value in matrix.SCALE]
    return _score_field(
        group=group,
        part="impact",
        choices=([] if group.required else [("", NO_TARGET)]) + choices,
        widget=ImpactRadioSelect(attrs={"class": "btn-check"}),
    )


def _score_field(
    *, group: ScoreGroup, part: str, choices: list, widget: forms.Widget
) -> forms.TypedChoiceField:
    """A likelihood or impact from 1 to 5 (or none, for an optional score), with messages
    that say which score is missing."""
    when = {"inherent": "before any controls", "residual": "with the controls in place"}
    return forms.TypedChoiceField(
        label=f"{group.name.capitalize()} {part}",
        choices=choices,
        coerce=int,
        empty_value=None,
        required=group.required,
        widget=widget,
        error_messages={
            "required": f"Choose the {group.name} {part}, {when.get(group.name, '')}: 1 "
            "(lowest) to 5 (highest).",
            "invalid_choice": f"Choose a {part} from 1 to 5.",
        },
    )


class Partial(LayoutObject):
    """A crispy layout object that renders one of our templates with the form: for markup that
    crispy's field templates cannot give (radio groups with descriptors, live previews)."""

    def __init__(self, template: str, **context):
        self.template, self.context, self.fields = template, context, []

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        return render_to_string(self.template, {"form": form, **self.get_context(form)})

    def get_context(self, form) -> dict:
        return self.context


class ScoreGroupFields(Partial):
    """A score's likelihood and impact radios with the Table 1 and 2 descriptors beside them
    and the live score preview."""

    def __init__(self, group: ScoreGroup):
        super().__init__("registers/_risk_form_score.html", group=group)

    def get_context(self, form) -> dict:
        group = self.context["group"]
        return {
            "group": group,
            "likelihood": form[group.likelihood_field],
            "impact": form[group.impact_field],
            "impact_options": form.impact_options(group.name),
            "preview": form.score_preview(group.name),
            "guide": form.guide,
            "target_date": form["target_date"] if group.name == "target" else None,
        }


def risk_form_helper(*, is_new: bool) -> FormHelper:
    """The form's five sections, in the order a risk is thought through: what it is, what
    could happen, its scores, what it could cost, then who owns it and what is done about
    it. The page draws the form tag and the CSRF token; an edit carries the version it started
    from."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(
        section(
            "About the risk",
            Row(
                Column("reference", css_class="col-sm-4 col-lg-3"),
                Column("title", css_class="col-sm-8 col-lg-9"),
            ),
            Row(
                Column("category", css_class="col-sm-6"),
                Column("horizon", css_class="col-sm-6"),
            ),
            "exempt",
        ),
        section(
            "What could happen",
            HTML(
                '<p class="section-lead">The policy frames a risk as an <strong>event</strong>'
                " which leads to a <strong>consequence</strong>, which then has an "
                "<strong>impact</strong>.</p>"
            ),
            "event",
            "consequence",
            "impact",
        ),
        section(
            "Scores",
            HTML(
                '<p class="section-lead">Score each from 1 to 5 using the council\'s '
                "descriptors. The score is likelihood × impact; its band shows whether the "
                "risk is within the risk appetite.</p>"
            ),
            *[ScoreGroupFields(group) for group in SCORE_GROUPS],
        ),
        exposure_section(),
        section(
            "Ownership and response",
            Partial("registers/_risk_form_owner.html"),
            "response",
            "response_rationale",
            Row(Column("next_review_due", css_class="col-sm-6 col-lg-4")),
        ),
        *(["version"] if not is_new else []),
    )
    return helper


def exposure_section() -> Div:
    """The optional financial exposure, a range, and what it threatens in the council's
    finances (docs/domain.md#financial-exposure)."""
    return section(
        "Financial exposure (optional)",
        HTML(
            '<p class="section-lead">What the risk could cost the council if it happened, '
            "as a range, and the budget line or Medium Term Financial Strategy assumption "
            "it puts at risk. The Section 151 Officer totals these by directorate.</p>"
        ),
        Row(
            Column("exposure_low", css_class="col-sm-6 col-lg-4"),
            Column("exposure_high", css_class="col-sm-6 col-lg-4"),
        ),
        "financial_link",
        "financial_link_detail",
    )


def section(title: str, *fields) -> Div:
    """A titled section of the form."""
    return Div(
        HTML(format_html('<h2 class="h4 form-section-title">{}</h2>', title)),
        *fields,
        css_class="form-section",
    )

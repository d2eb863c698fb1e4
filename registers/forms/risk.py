"""The risk form (create and edit) and the close-a-risk form.

The form validates everything on the server, so it works without JavaScript; the live score
preview (``static/js/risk-form.js``) repeats, in the browser, what ``score_preview`` and
``owner_guidance`` compute here for the first render.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Layout, LayoutObject, Row
from crispy_forms.utils import TEMPLATE_PACK
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.text import Truncator

from common.forms import PersonChoiceField, add_service_error
from common.people import person_name
from registers.models import Category, Register, Response, Risk
from registers.selectors import readable_values
from registers.services import EDITABLE_RISK_FIELDS, StaleEdit
from scoring import matrix
from scoring.selectors import SchemeGuide


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

# The four responses as the policy explains them (Part 4), then "not decided" (blank).
RESPONSE_CHOICES = [
    (Response.TOLERATE, "Tolerate: accept the risk and keep monitoring it (say why below)"),
    (Response.TREAT, "Treat: act to bring the likelihood or the impact down"),
    (Response.TERMINATE, "Terminate: stop the activity, or do it differently, to remove the risk"),
    (
        Response.TRANSFER,
        "Transfer: pass it, in whole or part, to a third party (insurance, contract)",
    ),
    ("", "Not decided yet"),
]

NO_TARGET = "No target"


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


@dataclass(frozen=True, slots=True)
class ScorePreview:
    """What the live preview shows for one score: the sum, the band and what it means."""

    group: ScoreGroup
    likelihood: int | None
    impact: int | None
    band: matrix.Band | None
    note: str = ""

    @property
    def score(self) -> int | None:
        return matrix.score_or_none(self.likelihood, self.impact)

    @property
    def sum(self) -> str:
        if self.score is None:
            return "No target set" if self.group.name == "target" else "Not scored yet"
        return f"{self.likelihood} × {self.impact} = {self.score}"

    @property
    def meaning(self) -> str:
        if self.band is None:
            return "" if self.group.name == "target" else ": choose a likelihood and an impact."
        appetite = "within" if self.band.within_appetite else "outside"
        return f": {appetite} the risk appetite"


@dataclass(frozen=True, slots=True)
class OwnerGuidance:
    """The policy's ownership guidance for the risk's band, and whether the owner fits it."""

    band_line: str
    fit_line: str
    fits: bool | None


class RiskForm(forms.ModelForm):
    """Create or edit a risk. Edits carry the ``version`` they started from, so a save made in
    the meantime by someone else is detected (``services.risk_update`` raises ``StaleEdit``)."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": "The form lost track of the version you started from: reload the "
            "page and make your changes again.",
            "invalid": "The form lost track of the version you started from: reload the "
            "page and make your changes again.",
        },
    )

    class Meta:
        model = Risk
        fields = EDITABLE_RISK_FIELDS
        field_classes = {"owner": PersonChoiceField}
        labels = {
            "title": "Title",
            "event": "Event",
            "consequence": "Consequence",
            "impact": "Impact",
            "owner": "Risk owner",
            "response": "Response",
            "response_rationale": "Why this response",
            "horizon": "Time horizon",
            "next_review_due": "Next review due",
            "target_date": "Target date",
        }
        help_texts = {
            "title": "A short name, e.g. Cybersecurity.",
            "event": "What could happen: where the uncertainty lies. For example: If the "
            "Council mismanages personal data…",
            "consequence": "What would follow if it happened. For example: …there may be data "
            "loss, misuse or breach of privacy…",
            "impact": "The effect on the council and the people it serves. For example: "
            "…resulting in breaches of legislation, fines and reputational damage.",
            "category": "The source of the risk.",
            "owner": "The person accountable for managing the risk.",
            "response_rationale": "Required when the risk is tolerated: the policy asks for "
            "the reason to be documented. Useful for any response.",
            "horizon": "Consider the medium and long term, not just the present.",
            "target_date": "When the target score should be reached.",
        }
        widgets = {
            "event": forms.Textarea(attrs={"rows": 3}),
            "consequence": forms.Textarea(attrs={"rows": 3}),
            "impact": forms.Textarea(attrs={"rows": 3}),
            "response": forms.RadioSelect,
            "response_rationale": forms.Textarea(attrs={"rows": 3}),
            "owner": OwnerSelect,
            "target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "next_review_due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "reference": {"max_length": "Keep the reference to %(limit_value)d characters."},
            "title": {
                "required": "Give the risk a short title, e.g. Cybersecurity.",
                "max_length": "Keep the title to %(limit_value)d characters: put the detail "
                "in the event, consequence and impact.",
            },
            "event": {"required": "Describe the event: what could happen."},
            "consequence": {"required": "Describe the consequence: what would follow."},
            "impact": {"required": "Describe the impact on the council if it happened."},
            "category": {
                "required": "Choose a category: the source of the risk.",
                "invalid_choice": "Choose one of the categories in the list.",
            },
            "owner": {
                "required": "Choose the risk's owner: every risk needs a named owner.",
                "invalid_choice": "Choose the owner from the list of the council's people.",
            },
            "response": {"invalid_choice": "Choose one of the four responses, or not decided."},
            "horizon": {"invalid_choice": "Choose one of the time horizons in the list."},
            "target_date": {"invalid": "Enter the target date as a date, e.g. 31/03/2027."},
            "next_review_due": {"invalid": "Enter the review date as a date, e.g. 30/06/2026."},
        }

    def __init__(self, *args, register: Register, guide: SchemeGuide, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.register, self.guide = register, guide
        self.is_new = self.instance.pk is None
        if self.is_new:
            del self.fields["version"]
            self.fields["reference"].required = False
            self.fields["reference"].help_text = (
                f"Leave blank to number it automatically ({register.prefix}-01, "
                f"{register.prefix}-02, …)."
            )
            self.fields["next_review_due"].help_text = (
                f"Leave blank for {register.review_interval_months} month"
                f"{'s' if register.review_interval_months != 1 else ''} from today, the "
                "register's review interval."
            )
        else:
            self.fields["version"].initial = self.instance.version
            reference_help = "Printed in reports; change it only if it is wrong."
            self.fields["reference"].help_text = reference_help
            self.fields["next_review_due"].help_text = "When the risk is next due for review."

        owner = self.fields["owner"]
        owner.queryset = people
        owner.required = True
        owner.empty_label = "Choose the risk's owner"
        self.fields["category"].choices = [("", "Choose a category"), *Category.choices]
        self.fields["response"].choices = RESPONSE_CHOICES
        for group in SCORE_GROUPS:
            self.fields[group.likelihood_field] = self._likelihood_field(group)
            self.fields[group.impact_field] = self._impact_field(group)

        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            _section(
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
            _section(
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
            _section(
                "Scores",
                HTML(
                    '<p class="section-lead">Score each from 1 to 5 using the council\'s '
                    "descriptors. The score is likelihood × impact; its band shows whether the "
                    "risk is within the risk appetite.</p>"
                ),
                *[ScoreGroupFields(group) for group in SCORE_GROUPS],
            ),
            _section(
                "Ownership and response",
                Partial("registers/_risk_form_owner.html"),
                "response",
                "response_rationale",
                Row(Column("next_review_due", css_class="col-sm-6 col-lg-4")),
            ),
            *(["version"] if not self.is_new else []),
        )

    def _likelihood_field(self, group: ScoreGroup) -> forms.TypedChoiceField:
        # Highest first, as Table 1 lists them; a scheme without descriptors still scores 1..5.
        choices = [
            (value, f"{level.label} – {level.description}" if level else "")
            for value in reversed(matrix.SCALE)
            for level in [self.guide.likelihood_for(value)]
        ]
        return self._score_field(
            group,
            "likelihood",
            choices + ([] if group.required else [("", NO_TARGET)]),
            forms.RadioSelect(attrs={"class": "form-check-input"}),
        )

    def _impact_field(self, group: ScoreGroup) -> forms.TypedChoiceField:
        choices = [(value, str(value)) for value in matrix.SCALE]
        return self._score_field(
            group,
            "impact",
            ([] if group.required else [("", NO_TARGET)]) + choices,
            ImpactRadioSelect(attrs={"class": "btn-check"}),
        )

    def _score_field(self, group, part, choices, widget) -> forms.TypedChoiceField:
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

    # Validation --------------------------------------------------------------------------

    def clean_reference(self) -> str:
        reference = (self.cleaned_data.get("reference") or "").strip().upper()
        # References are unique across every register; the other risk may be one this person
        # cannot see, so the message names only the reference.
        if (
            reference
            and Risk.objects.filter(reference__iexact=reference)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise ValidationError(
                "Another risk already has the reference %(reference)s: choose another%(or_blank)s.",
                code="unique",
                params={
                    "reference": reference,
                    "or_blank": ", or leave it blank to number it automatically"
                    if self.is_new
                    else "",
                },
            )
        return reference

    def clean_response_rationale(self) -> str:
        return (self.cleaned_data.get("response_rationale") or "").strip()

    def risk_fields(self) -> dict:
        """The editable fields as the services take them."""
        return {name: self.cleaned_data[name] for name in EDITABLE_RISK_FIELDS}

    def add_service_error(self, error: ValidationError) -> None:
        add_service_error(self, error)

    # What the template shows ---------------------------------------------------------------

    def _current_int(self, name: str) -> int | None:
        """The value a score field shows now (posted, or the risk's), if it is a valid score."""
        value = self[name].value()
        try:
            number = int(value)
        except (TypeError, ValueError):
            return None
        return number if number in matrix.SCALE else None

    def score_preview(self, group_name: str) -> ScorePreview:
        group = SCORE_GROUPS_BY_NAME[group_name]
        likelihood = self._current_int(group.likelihood_field)
        impact = self._current_int(group.impact_field)
        score = matrix.score_or_none(likelihood, impact)
        band = matrix.band_for(score, self.guide.bands) if score is not None else None
        note = ""
        if group.name == "residual" and score is not None:
            inherent = matrix.score_or_none(
                self._current_int("inherent_likelihood"), self._current_int("inherent_impact")
            )
            note = residual_note(score, inherent, band)
        return ScorePreview(group, likelihood, impact, band, note)

    def score_previews(self) -> dict[str, ScorePreview]:
        return {group.name: self.score_preview(group.name) for group in SCORE_GROUPS}

    def impact_options(self, group_name: str) -> list[tuple[object, list[tuple[str, str]]]]:
        """Each impact radio of a group with what its level means on each Table 2 dimension."""
        field = self[SCORE_GROUPS_BY_NAME[group_name].impact_field]
        levels = dict(self.guide.impact_levels)
        return [(radio, levels.get(radio.data["value"], [])) for radio in field]

    @property
    def owner_describedby(self) -> str:
        ids = [f"{self['owner'].auto_id}_helptext"]
        if self["owner"].errors:
            ids.append(f"{self['owner'].auto_id}_error")
        return " ".join([*ids, "owner-guidance"])

    def owner_guidance(self) -> OwnerGuidance:
        scores = [
            s
            for s in (self.score_preview("inherent").score, self.score_preview("residual").score)
            if s is not None
        ]
        if not scores:
            return OwnerGuidance(
                "Score the risk to see how senior its owner should be.", "", fits=None
            )
        band = matrix.band_for(max(scores), self.guide.bands)
        band_line = (
            f"A {band.label} risk (the higher of its inherent and residual scores is "
            f"{max(scores)}). {matrix.ownership_guidance(band)}"
        )
        owner = self._chosen_owner()
        profile = getattr(owner, "profile", None)
        if owner is None or profile is None:
            return OwnerGuidance(band_line, "", fits=None)
        return OwnerGuidance(band_line, *owner_fit(person_name(owner), profile.seniority, band))

    def _chosen_owner(self):
        if self.is_bound and "owner" in getattr(self, "cleaned_data", {}):
            return self.cleaned_data["owner"]
        value = self["owner"].value()
        if value in (None, ""):
            return None
        # The choices are already fetched to render the select: look the person up there.
        return next(
            (user for user in self.fields["owner"].queryset if str(user.pk) == str(value)), None
        )

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) for every error in the order of the page, for the summary above
        the form; errors that belong to no visible field come first, without an anchor."""
        order = {name: index for index, name in enumerate(self.fields)}
        rows = []
        for name, errors in self.errors.items():
            if name == NON_FIELD_ERRORS or name not in self.fields or self[name].is_hidden:
                rows += [(-1, "", message) for message in errors]
                continue
            bound = self[name]
            anchor = f"{bound.auto_id}_0" if bound.use_fieldset else bound.auto_id
            rows += [(order[name], anchor, message) for message in errors]
        return [(anchor, message) for _, anchor, message in sorted(rows, key=lambda r: r[0])]


def residual_note(residual: int, inherent: int | None, band: matrix.Band | None) -> str:
    """What the policy says when the residual score is not good enough (Part 5)."""
    notes = []
    if inherent is not None and residual >= inherent:
        notes.append(
            f"Not lower than the inherent score ({inherent}): the controls are at best stopping "
            "the risk from getting worse."
        )
    if band is not None and not band.within_appetite:
        notes.append("Still outside the appetite: consider whether the controls are adequate.")
    return " ".join(notes)


def owner_fit(name: str, seniority: int, band: matrix.Band) -> tuple[str, bool]:
    level = matrix.Seniority(seniority)
    if matrix.owner_fits_band(level, band):
        return f"{name} ({level.label} level) fits this guidance.", True
    return (
        f"Check the owner: {name} is at {level.label} level; a {band.label} risk should be "
        f"owned at {band.owner_seniority.label} level or above.",
        False,
    )


def _section(title: str, *fields) -> Div:
    return Div(
        HTML(format_html('<h2 class="h4 form-section-title">{}</h2>', title)),
        *fields,
        css_class="form-section",
    )


def scheme_for_script(guide: SchemeGuide) -> dict:
    """The bands and seniority labels the live preview needs, for ``json_script``."""
    return {
        "bands": [
            {
                "key": band.key,
                "label": band.label,
                "floor": band.floor,
                "colour": band.colour,
                "textColour": band.text_colour,
                "withinAppetite": band.within_appetite,
                "ownerSeniority": int(band.owner_seniority),
                "ownerSeniorityLabel": band.owner_seniority.label,
                "guidance": matrix.ownership_guidance(band),
            }
            for band in guide.bands
        ],
        "seniority": {int(level): level.label for level in matrix.Seniority},
    }


# The lost update -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaleChange:
    """One field a colleague changed while this person was editing it."""

    label: str
    anchor: str
    started_from: str
    now: str
    yours: str | None  # what this person's form says, when they changed the field too

    @property
    def conflict(self) -> bool:
        return self.yours is not None


def merge_stale_edit(error: StaleEdit, *, form: RiskForm) -> tuple[QueryDict, list[StaleChange]]:
    """The form's data brought up to date after ``error``, and the colleague's changes.

    Everything the person changed stays as they typed it. Fields that only the colleague
    changed now show the colleague's value, so saving again cannot quietly undo their work;
    where both changed a field, the person's value stays and the change is marked as a
    conflict. The version becomes the current one, so saving again (deliberately) goes through.
    """
    shown = readable_values(Risk, error.changes)
    data = form.data.copy()
    data["version"] = str(error.current.version)
    rows = []
    for name, before, now in error.changes:
        submitted = form.cleaned_data.get(name)
        submitted = getattr(submitted, "pk", submitted)
        changed_by_both = _differs(submitted, before)
        if not changed_by_both:
            data[name] = _as_form_data(now)
        bound = form[name]
        label = str(Risk._meta.get_field(name).verbose_name)
        rows.append(
            StaleChange(
                label=label[:1].upper() + label[1:],
                anchor=f"{bound.auto_id}_0" if bound.use_fieldset else bound.auto_id,
                started_from=_shown(shown(name, before)),
                now=_shown(shown(name, now)),
                yours=_shown(shown(name, submitted)) if changed_by_both else None,
            )
        )
    return data, rows


def _as_form_data(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _differs(submitted, before) -> bool:
    def normal(value):
        return "" if value is None else value

    return normal(submitted) != normal(before)


def _shown(readable) -> str:
    """A readable value (from ``readable_values``) as the stale-edit alert prints it."""
    if readable is None:
        return "(blank)"
    if isinstance(readable, date):
        return f"{readable:%-d %b %Y}"
    return Truncator(str(readable)).chars(160)


class RiskCloseForm(forms.Form):
    """Why the risk is closed. ``services.risk_close`` holds the rule that a reason is required
    (code ``reason_required``) and its message, so the form does not repeat it."""

    reason = forms.CharField(
        label="Why is this risk being closed?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: the project has finished, or the risk has been merged into "
        "another. The reason is kept on record and shown in the risk's history and the "
        "reports.",
    )

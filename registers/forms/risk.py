"""The risk form (create and edit) and the close-a-risk form.

The form validates everything on the server, so it works without JavaScript; the live score
preview (``static/js/risk-form.js``) repeats, in the browser, what ``score_preview`` and
``owner_guidance`` compute here for the first render, reading the organisation's bands from
the page (``scheme_for_script``). The layout and score widgets are in ``risk_layout``, the
preview in ``risk_preview``, the lost update in ``stale``.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from common.forms import (
    DayMonthYearField,
    PersonChoiceField,
    PoundsField,
    VersionedForm,
    add_service_error,
)
from common.people import person_name
from common.validators import PlainVisibleText
from registers.categories import category_choices
from registers.forms.risk_layout import (
    SCORE_GROUPS,
    SCORE_GROUPS_BY_NAME,
    OwnerSelect,
    impact_field,
    likelihood_field,
    risk_form_helper,
)
from registers.forms.risk_preview import (
    OwnerGuidance,
    ScorePreview,
    owner_fit,
    residual_note,
    scheme_for_script,
)
from registers.forms.stale import merge_stale_edit
from registers.models import FinancialLink, Register, Response, Risk
from registers.selectors.people import people_search_url
from registers.services import EDITABLE_RISK_FIELDS
from scoring import matrix
from scoring.selectors import SchemeGuide

# What the views and tests import from here, wherever it now lives.
__all__ = [
    "RESPONSE_CHOICES",
    "SCORE_GROUPS",
    "RiskCloseForm",
    "RiskForm",
    "merge_stale_edit",
    "scheme_for_script",
]

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


class RiskForm(VersionedForm, forms.ModelForm):
    """Create or edit a risk. Edits carry the ``version`` they started from, so a save made in
    the meantime by someone else is detected (``services.risk_update`` raises ``StaleEdit``).

    ``may_publish`` says whether the person may publish a risk exempt from publication (the
    register's owner or the Insurance Manager, docs/domain.md#exempt-risks): for anyone else
    the exemption of an exempt risk is shown but cannot be removed."""

    class Meta:
        model = Risk
        fields = EDITABLE_RISK_FIELDS
        field_classes = {
            "owner": PersonChoiceField,
            "target_date": DayMonthYearField,
            "next_review_due": DayMonthYearField,
            "exposure_low": PoundsField,
            "exposure_high": PoundsField,
        }
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
            "exposure_low": "Lowest estimate (£)",
            "exposure_high": "Highest estimate (£)",
            "financial_link": "What it threatens in the council's finances",
            "financial_link_detail": "Which budget line or MTFS assumption",
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
            "response_rationale": "Required once a response is chosen: the policy asks for "
            "the reasons for a course of action to be documented.",
            "horizon": "Consider the medium and long term, not just the present.",
            "target_date": "When the target score should be reached. For example, 31 3 2027.",
            "exposure_low": "In whole pounds, e.g. 250,000. Leave both blank if not estimated.",
            "exposure_high": "The same as the lowest for a single figure.",
            "financial_link_detail": "As the budget book or the MTFS names it, e.g. "
            "Adult social care demand growth of 4% a year.",
        }
        widgets = {
            "event": forms.Textarea(attrs={"rows": 3}),
            "consequence": forms.Textarea(attrs={"rows": 3}),
            "impact": forms.Textarea(attrs={"rows": 3}),
            "response": forms.RadioSelect,
            "financial_link": forms.RadioSelect,
            "response_rationale": forms.Textarea(attrs={"rows": 3}),
            "owner": OwnerSelect,
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
            "financial_link": {
                "invalid_choice": "Choose a budget line, an MTFS assumption, or neither."
            },
            "financial_link_detail": {
                "max_length": "Keep the budget line or assumption to %(limit_value)d characters."
            },
            "target_date": {
                "invalid": "Enter the target date as a real date, e.g. 31 3 2027.",
                "incomplete": "The target date must include a %(missing)s.",
            },
            "next_review_due": {
                "invalid": "Enter the review date as a real date, e.g. 30 6 2026.",
                "incomplete": "The review date must include a %(missing)s.",
            },
        }

    def __init__(
        self,
        *args,
        register: Register,
        guide: SchemeGuide,
        people,
        may_publish: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.register, self.guide = register, guide
        self.is_new = self.instance.pk is None
        if self.is_new:
            self._explain_new_risk_defaults()
        else:
            self._explain_edit(may_publish=may_publish)
        self.fields["title"].validators.append(PlainVisibleText("title"))
        for name in ("event", "consequence", "impact"):
            # Blank only where an imported sheet left it out; a person describes all three.
            self.fields[name].required = True
        self._set_choices(people=people)
        self.helper = risk_form_helper(is_new=self.is_new)

    def _explain_new_risk_defaults(self) -> None:
        """A new risk's reference and review date may be left blank for the register's
        numbering and review interval."""
        register = self.register
        self.fields["reference"].required = False
        self.fields["reference"].help_text = (
            f"Leave blank to number it automatically ({register.prefix}-01, "
            f"{register.prefix}-02, …)."
        )
        self.fields["next_review_due"].help_text = (
            f"Leave blank for {register.review_interval_months} month"
            f"{'s' if register.review_interval_months != 1 else ''} from today, the "
            "register's review interval. For example, 30 6 2027."
        )

    def _explain_edit(self, *, may_publish: bool) -> None:
        """An edit starts from the risk's version (``VersionedForm``), so a colleague's save
        in the meantime is detected; an exemption stays unless the person may publish."""
        reference_help = "Printed in reports; change it only if it is wrong."
        self.fields["reference"].help_text = reference_help
        self.fields[
            "next_review_due"
        ].help_text = "When the risk is next due for review. For example, 30 6 2027."
        if self.instance.exempt and not may_publish:
            exempt = self.fields["exempt"]
            exempt.disabled = True
            exempt.help_text = (
                f"{exempt.help_text} Only the register's owner or the Insurance Manager can "
                "remove the exemption and publish the risk."
            )

    def _set_choices(self, *, people) -> None:
        """The owner from the organisation's people, the categories, the four responses, and
        each score's likelihood and impact with the scheme's descriptors."""
        owner = self.fields["owner"]
        owner.queryset = people
        owner.search_with(people_search_url(organisation_id=self.register.organisation_id))
        owner.required = True
        owner.empty_label = "Choose the risk's owner"
        # The organisation's categories in use, and a retired one the risk already holds
        # (docs/domain.md#categories).
        self.fields["category"] = forms.ChoiceField(
            label=self.fields["category"].label,
            help_text=self.fields["category"].help_text,
            error_messages=self.fields["category"].error_messages,
            choices=[
                ("", "Choose a category"),
                *category_choices(
                    self.register.organisation_id,
                    include=None if self.is_new else self.instance.category,
                ),
            ],
        )
        self.fields["response"].choices = RESPONSE_CHOICES
        self.fields["financial_link"].choices = [*FinancialLink.choices, ("", "Neither")]
        for group in SCORE_GROUPS:
            self.fields[group.likelihood_field] = likelihood_field(group=group, guide=self.guide)
            self.fields[group.impact_field] = impact_field(group=group)

    # Validation --------------------------------------------------------------------------

    def clean_reference(self) -> str:
        reference = (self.cleaned_data.get("reference") or "").strip().upper()
        # References are unique in the organisation; the other risk may be one this person
        # cannot see, so the message names only the reference.
        if (
            reference
            and Risk.objects.filter(
                organisation_id=self.register.organisation_id, reference__iexact=reference
            )
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

    def clean_financial_link_detail(self) -> str:
        return (self.cleaned_data.get("financial_link_detail") or "").strip()

    def clean_response_rationale(self) -> str:
        """The reasons for a course of action are documented, whichever it is
        (docs/domain.md#mitigation): a response chosen or changed needs its reason. A risk
        kept from before without one still saves (its page warns of it), so that correcting a
        title does not wait on it. Tolerate's own message comes from ``Risk.clean``, as the
        database refuses it too."""
        rationale = (self.cleaned_data.get("response_rationale") or "").strip()
        response = self.cleaned_data.get("response")
        chosen_now = response != self.instance.response
        if response and chosen_now and response != Response.TOLERATE and not rationale:
            raise ValidationError(
                "Say why you chose this response: the policy asks for the reasons for a "
                "course of action to be documented.",
                code="rationale_required",
            )
        return rationale

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

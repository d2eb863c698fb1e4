"""Forms for proposing, deciding, withdrawing and de-escalating."""

from __future__ import annotations

from django import forms

from escalation.checklist import Evaluation
from escalation.models import ProposalStatus
from registers.models import Register, Tier


class ProposalForm(forms.Form):
    """A tick and a note for each factor a person answers, and the proposer's case.

    The fields are ``factor_<n>`` (tick) and ``note_<n>`` (why it holds) for each judged
    factor of the evaluation; derived factors are shown, not asked.
    """

    case = forms.CharField(
        label="Your case for escalation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the receiving register's owner should know. Needed when fewer "
        "factors hold than the policy looks for.",
    )

    def __init__(self, *args, evaluation: Evaluation, **kwargs):
        super().__init__(*args, **kwargs)
        self.evaluation = evaluation
        self.factor_rows = []
        for answer in evaluation.answers:
            if answer.derived:
                self.factor_rows.append((answer, None, None))
                continue
            tick = forms.BooleanField(label=answer.wording, required=False)
            note = forms.CharField(
                label=f"Why factor {answer.number} holds",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"factor_{answer.number}"] = tick
            self.fields[f"note_{answer.number}"] = note
        # The case last, after the factors.
        self.fields["case"] = self.fields.pop("case")

    @property
    def held(self) -> int:
        """The factors that hold as the form stands: those the product derived, and those the
        proposer ticked (after a refused submit, the ticks they sent)."""
        derived = sum(1 for answer in self.evaluation.answers if answer.derived and answer.holds)
        ticked = sum(1 for _, tick, _ in self.judged_rows() if tick.value())
        return derived + ticked

    @property
    def recommended(self) -> bool:
        return self.held >= self.evaluation.recommend_at

    def judged_rows(self):
        """(answer, tick bound field, note bound field) for each judged factor."""
        return [
            (answer, self[f"factor_{answer.number}"], self[f"note_{answer.number}"])
            for answer in self.evaluation.answers
            if not answer.derived
        ]

    def clean(self):
        cleaned = super().clean()
        for number in self.evaluation.judged_numbers:
            ticked = cleaned.get(f"factor_{number}")
            note = (cleaned.get(f"note_{number}") or "").strip()
            if ticked and not note:
                self.add_error(f"note_{number}", "Say why this factor holds.")
            elif note and not ticked:
                self.add_error(
                    f"factor_{number}",
                    "You wrote a note: tick the factor if it holds, or clear the note.",
                )
        return cleaned

    def ticks(self) -> dict[int, str]:
        return {
            number: self.cleaned_data[f"note_{number}"].strip()
            for number in self.evaluation.judged_numbers
            if self.cleaned_data.get(f"factor_{number}")
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[(ProposalStatus.ACCEPTED, "Accept"), (ProposalStatus.DECLINED, "Decline")],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": "Choose whether to accept or decline the proposal."},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed to decline; kept on record and sent to the proposer.",
    )

    def __init__(
        self, *args, to_register: Register, closure: bool = False, new_risk: bool = False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = (
            [
                (ProposalStatus.ACCEPTED, f"Accept: the risk is added to {to_register}"),
                (ProposalStatus.DECLINED, "Decline: the risk is not added"),
            ]
            if new_risk
            else [
                (ProposalStatus.ACCEPTED, "Accept: the risk closes with the reason given"),
                (ProposalStatus.DECLINED, "Decline: the risk stays open on the register"),
            ]
            if closure
            else [
                (ProposalStatus.ACCEPTED, f"Accept: the risk moves onto {to_register}"),
                (ProposalStatus.DECLINED, "Decline: the risk stays where it is"),
            ]
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == ProposalStatus.DECLINED
            and not (cleaned.get("reason") or "").strip()
        ):
            self.add_error("reason", "Say why the proposal is declined.")
        return cleaned

    def full_clean(self):
        super().full_clean()
        if "decision" in self.errors:
            # Each radio is tied to the error that names the choice, and marked invalid.
            self.fields["decision"].widget.attrs.update(
                {"aria-describedby": f"{self['decision'].auto_id}-error", "aria-invalid": "true"}
            )

    @property
    def accept(self) -> bool:
        return self.cleaned_data["decision"] == ProposalStatus.ACCEPTED


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why are you withdrawing it?", widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        # Its own ids: the decision form on the same page also has a "reason".
        kwargs.setdefault("auto_id", "withdraw_%s")
        super().__init__(*args, **kwargs)


class RegisterChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Register) -> str:
        return f"{obj.name} ({obj.get_tier_display().lower()})"


class DeEscalateForm(forms.Form):
    to_register = RegisterChoiceField(
        label="Move it to", queryset=Register.objects.none(), empty_label=None
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept on record (the policy asks that de-escalation keeps its reason).",
    )

    def __init__(self, *args, targets: list[Register], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["to_register"]
        field.queryset = Register.objects.filter(pk__in=[t.pk for t in targets])
        # The choices in the order given: where the risk came from first.
        field.choices = [(t.pk, field.label_from_instance(t)) for t in targets]
        if targets and targets[0].tier != Tier.CORPORATE:
            field.initial = targets[0].pk


class ClosureProposalForm(forms.Form):
    reason = forms.CharField(
        label="Why can the risk come off the corporate register?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="SLT reads it before deciding; if they agree, the risk closes with this "
        "reason on record.",
        error_messages={"required": "Say why the risk can come off the corporate register."},
    )


def _score_choice(label: str, *, required: bool, empty: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("", empty or "Choose 1 to 5"), *[(n, str(n)) for n in range(1, 6)]],
        coerce=int,
        empty_value=None,
        required=required,
        help_text="1 (lowest) to 5 (highest).",
        error_messages={"required": f"Choose the {label.lower()} you think right, 1 to 5."},
    )


class ChallengeForm(forms.Form):
    """Why a risk is not properly assessed, and the scores the colleague thinks right: the
    residual pair always, the inherent pair where they have a view."""

    reason = forms.CharField(
        label="Why is it not properly assessed?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the owner has missed or misjudged: they will read this and answer.",
        error_messages={"required": "Say why the risk is not properly assessed."},
    )
    suggested_residual_likelihood = _score_choice("Residual likelihood", required=True)
    suggested_residual_impact = _score_choice("Residual impact", required=True)
    suggested_inherent_likelihood = _score_choice(
        "Inherent likelihood", required=False, empty="No view"
    )
    suggested_inherent_impact = _score_choice("Inherent impact", required=False, empty="No view")

    def clean(self):
        cleaned = super().clean()
        likelihood = cleaned.get("suggested_inherent_likelihood")
        impact = cleaned.get("suggested_inherent_impact")
        if (likelihood is None) != (impact is None):
            missing = (
                "suggested_inherent_impact" if impact is None else "suggested_inherent_likelihood"
            )
            self.add_error(
                missing,
                forms.ValidationError(
                    "Give both the inherent likelihood and impact, or neither.",
                    code="pair_incomplete",
                ),
            )
        return cleaned

    def suggested(self) -> dict[str, int | None]:
        return {name: value for name, value in self.cleaned_data.items() if name != "reason"}


class ChallengeAnswerForm(forms.Form):
    """Re-score the risk (the challenger's scores offered first), or keep its assessment with
    a reason."""

    outcome = forms.ChoiceField(
        label="Your answer",
        choices=[
            ("rescore", "Re-score the risk at the scores below"),
            ("keep", "Keep the assessment as it is"),
        ],
        # Bootstrap's class, which the app's style gives a visible border and focus outline.
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": "Choose whether to re-score the risk or keep it."},
    )
    inherent_likelihood = _score_choice("Inherent likelihood", required=False)
    inherent_impact = _score_choice("Inherent impact", required=False)
    residual_likelihood = _score_choice("Residual likelihood", required=False)
    residual_impact = _score_choice("Residual impact", required=False)
    answer = forms.CharField(
        label="Your reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you keep the assessment; the colleague who challenged it reads it.",
    )

    SCORES = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == "rescore":
            for name in self.SCORES:
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(
                        name,
                        forms.ValidationError(
                            f"Choose the {self.fields[name].label.lower()} to re-score at.",
                            code="scores_required",
                        ),
                    )
        if cleaned.get("outcome") == "keep" and not (cleaned.get("answer") or "").strip():
            self.add_error(
                "answer",
                forms.ValidationError("Say why the assessment stands.", code="reason_required"),
            )
        return cleaned

    @property
    def rescore(self) -> bool:
        return self.cleaned_data["outcome"] == "rescore"

    def scores(self) -> dict[str, int | None]:
        return {name: self.cleaned_data.get(name) for name in self.SCORES}

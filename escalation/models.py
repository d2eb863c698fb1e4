"""The policy's escalation checklists, proposals to move a risk up a tier, and the in-app
notifications that tell people about them.

A checklist is data (seeded from ``fixtures/escalation_checklists.json``, editable in the
admin); a proposal snapshots the factors as they were answered, with their wording, and the
risk's scores and bands, so neither a later edit of the checklist nor a change of scheme
rewrites what was proposed.
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from common.urls import url_for_pk
from registers.models import Horizon, Register, Risk, ScoreSnapshot, Tier
from registers.models.scores import SNAPSHOT_SCORE_FIELDS, both_or_neither, score_in_range
from scoring import matrix
from scoring.models import SCORE_VALIDATORS

RECEIVING_TIERS = [(Tier.DIRECTORATE, "Directorate"), (Tier.CORPORATE, "Corporate")]


class Checklist(models.Model):
    """The factors for escalating a risk into a register of ``receiving_tier``.

    Service and project registers escalate into their directorate's register (one checklist);
    directorate registers into the corporate register (the other).
    """

    receiving_tier = models.CharField(max_length=12, choices=RECEIVING_TIERS, unique=True)
    name = models.CharField(max_length=200)
    introduction = models.TextField(
        help_text="The policy's sentence before the factors, shown above them."
    )
    recommend_at = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        help_text="Escalation is recommended when at least this many factors hold "
        "(the policy's 'a combination of several'). A person still decides.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["receiving_tier"]
        constraints = [
            models.CheckConstraint(
                condition=Q(receiving_tier__in=[Tier.DIRECTORATE, Tier.CORPORATE]),
                name="checklist_receiving_tier_valid",
            ),
            models.CheckConstraint(
                condition=Q(recommend_at__gte=1, recommend_at__lte=8),
                name="checklist_recommend_at_1_8",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FactorRule(models.TextChoices):
    """How a factor is answered: by a person, or by the product from the risk's scores."""

    JUDGEMENT = "judgement", "A person judges it and gives a note"
    RESIDUAL_ABOVE_LOWEST = (
        "residual_above_lowest",
        "Holds when the residual score is above the lowest band (amber or red)",
    )
    RESIDUAL_OUTSIDE_APPETITE = (
        "residual_outside_appetite",
        "Holds when the residual score is outside the risk appetite (red)",
    )
    TARGET_NOT_LOWEST = (
        "target_not_lowest",
        "Holds unless the target reaches the lowest band (green) within three months; "
        "a person answers when there is no dated target",
    )
    TARGET_NOT_WITHIN_APPETITE = (
        "target_not_within_appetite",
        "Holds unless the target comes within the appetite (amber) within three months; "
        "a person answers when there is no dated target",
    )


class Factor(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="factors")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    wording = models.TextField()
    rule = models.CharField(max_length=30, choices=FactorRule.choices, default="judgement")

    history = HistoricalRecords()

    class Meta:
        ordering = ["checklist", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "number"],
                name="factor_number_unique",
                violation_error_message="The checklist already has a factor with this number.",
            ),
            models.CheckConstraint(
                condition=Q(rule__in=FactorRule.values), name="factor_rule_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.wording}"


class ProposalStatus(models.TextChoices):
    OPEN = "open", "Awaiting decision"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ProposalKind(models.TextChoices):
    """What a proposal asks the deciding tier to do (docs/domain.md#escalation-decisions,
    docs/domain.md#closing-a-corporate-risk)."""

    ESCALATION = "escalation", "Escalation"
    CLOSURE = "closure", "Closure"


class Proposal(ScoreSnapshot):
    """A proposal put to the tier that decides it: to escalate a risk from its register to the
    register one tier up, or to close a corporate risk, which SLT decides. A closure proposal
    stays on its register (``from_register`` and ``to_register`` are both the corporate
    register), answers no checklist, and keeps the proposer's reason in ``case``."""

    kind = models.CharField(
        max_length=12, choices=ProposalKind.choices, default=ProposalKind.ESCALATION
    )
    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="proposals")
    from_register = models.ForeignKey(
        Register, on_delete=models.PROTECT, related_name="proposals_out"
    )
    to_register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="proposals_in")
    checklist = models.ForeignKey(
        Checklist, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Each factor as answered: number, wording, rule, derived, holds, explanation, note.
    answers = models.JSONField(default=list, blank=True)
    factors_held = models.PositiveSmallIntegerField(default=0)
    recommend_at = models.PositiveSmallIntegerField(default=0)
    case = models.TextField(
        blank=True,
        help_text="The proposer's case in their own words: for escalation, or the reason to "
        "close the risk.",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposals_made"
    )
    proposed_at = models.DateTimeField(default=timezone.now)

    # The risk as it stood when proposed: its inherent and residual scores (ScoreSnapshot),
    # its target and the bands.
    target_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    target_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    inherent_band_label = models.CharField(max_length=40, blank=True)
    residual_band_key = models.CharField(max_length=20, blank=True)
    residual_band_label = models.CharField(max_length=40, blank=True)

    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    # The Insurance Manager recorded a decision SLT took in its meeting.
    recorded_for_slt = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["risk"],
                condition=Q(status="open"),
                name="proposal_one_open_per_risk",
                violation_error_code="open_proposal_exists",
                violation_error_message="This risk already has a proposal awaiting decision.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProposalStatus.values), name="proposal_status_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=ProposalKind.ESCALATION, checklist__isnull=False)
                    | Q(kind=ProposalKind.CLOSURE, checklist__isnull=True)
                    & ~Q(case="")
                    & Q(from_register=models.F("to_register"))
                ),
                name="proposal_kind_shape",
                violation_error_message="An escalation answers a checklist; a closure stays on "
                "its register and keeps its reason.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="open", decided_at__isnull=True, decided_by__isnull=True)
                    | (~Q(status="open") & Q(decided_at__isnull=False, decided_by__isnull=False))
                ),
                name="proposal_decision_recorded",
                violation_error_message="A decision records who made it and when.",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["declined", "withdrawn"]) | ~Q(decision_reason=""),
                name="proposal_decline_has_reason",
                violation_error_code="reason_required",
                violation_error_message="A declined or withdrawn proposal keeps its reason.",
            ),
        ]
        indexes = [models.Index(fields=["status", "to_register"])]

    def __str__(self) -> str:
        if self.is_closure:
            return f"Closure of {self.risk}"
        return f"Escalation of {self.risk} to {self.to_register}"

    def get_absolute_url(self) -> str:
        return url_for_pk("escalation:proposal-detail", self.pk)

    @property
    def is_closure(self) -> bool:
        return self.kind == ProposalKind.CLOSURE

    @property
    def is_open(self) -> bool:
        return self.status == ProposalStatus.OPEN

    @property
    def recommended(self) -> bool:
        return self.factors_held >= self.recommend_at


class Notification(models.Model):
    """A message in someone's in-app list (it is also emailed when they have an address)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(max_length=200)
    message = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.subject


class ChallengeStatus(models.TextChoices):
    OPEN = "open", "Waiting for an answer"
    RESCORED = "rescored", "Re-scored"
    KEPT = "kept", "Assessment kept"


class Challenge(ScoreSnapshot):
    """A colleague's word that a risk is not properly assessed: why, and the scores they think
    right, answered by the risk's owner or its register's owner, who re-score it or keep the
    assessment with a reason (docs/domain.md#challenging-an-assessment).

    The inherited score fields copy the risk's scores when it was challenged, so the record
    shows what was challenged even after a re-scoring."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="challenges")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="raised_challenges"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(help_text="Why the risk is not properly assessed.")
    suggested_inherent_likelihood = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    suggested_inherent_impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    suggested_residual_likelihood = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    suggested_residual_impact = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    status = models.CharField(
        max_length=10, choices=ChallengeStatus.choices, default=ChallengeStatus.OPEN
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(blank=True, help_text="Why the assessment is kept, or re-scored.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ChallengeStatus.values), name="challenge_status_valid"
            ),
            *[
                models.CheckConstraint(
                    condition=score_in_range(field), name=f"challenge_{field}_1_5"
                )
                for field in (
                    *SNAPSHOT_SCORE_FIELDS,
                    "suggested_inherent_likelihood",
                    "suggested_inherent_impact",
                    "suggested_residual_likelihood",
                    "suggested_residual_impact",
                )
            ],
            models.CheckConstraint(
                condition=both_or_neither(
                    "suggested_inherent_likelihood", "suggested_inherent_impact"
                ),
                name="challenge_suggested_inherent_pair",
            ),
            models.CheckConstraint(
                condition=Q(status=ChallengeStatus.OPEN, answered_at__isnull=True)
                | Q(status=ChallengeStatus.RESCORED, answered_at__isnull=False)
                | (Q(status=ChallengeStatus.KEPT, answered_at__isnull=False) & ~Q(answer="")),
                name="challenge_answer_recorded",
                violation_error_message="An answer records when; keeping the assessment "
                "records why.",
            ),
        ]
        indexes = [models.Index(fields=["risk", "status"])]

    def __str__(self) -> str:
        return f"Challenge to {self.risk.reference} by {self.raised_by}"

    def get_absolute_url(self) -> str:
        return reverse("escalation:challenge-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == ChallengeStatus.OPEN

    @property
    def suggested_inherent_score(self) -> int | None:
        return matrix.score_or_none(
            self.suggested_inherent_likelihood, self.suggested_inherent_impact
        )

    @property
    def suggested_residual_score(self) -> int | None:
        return matrix.score_or_none(
            self.suggested_residual_likelihood, self.suggested_residual_impact
        )


class NewRiskProposal(models.Model):
    """A new corporate risk proposed by a member of SLT, who "scan the horizon for new risks"
    (the policy's Roles), for SLT to decide (docs/domain.md#new-corporate-risks).

    It holds the risk as the proposer filled it in: the title and horizon as columns (the queue
    and the pack list them), the proposed owner, and every other field of the risk form in
    ``fields`` as the form cleaned it. It is not a ``Proposal``: there is no risk until SLT
    accepts it, and a ``Proposal`` is always about a risk that exists. Its statuses, its
    decision rules and its record of who decided are those of a ``Proposal``."""

    register = models.ForeignKey(
        Register, on_delete=models.PROTECT, related_name="new_risk_proposals"
    )
    title = models.CharField(max_length=200)
    horizon = models.CharField(max_length=10, choices=Horizon.choices, default=Horizon.MEDIUM)
    proposed_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The risk form's other fields, as cleaned (dates as ISO text): see ``as_risk``.
    fields = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    case = models.TextField(help_text="Why SLT should add the risk to the corporate register.")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="new_risks_proposed"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    recorded_for_slt = models.BooleanField(default=False)
    risk = models.OneToOneField(
        Risk, on_delete=models.PROTECT, null=True, blank=True, related_name="proposed_as_new"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ProposalStatus.values), name="new_risk_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(horizon__in=Horizon.values), name="new_risk_horizon_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="open", decided_at__isnull=True, decided_by__isnull=True)
                    | (~Q(status="open") & Q(decided_at__isnull=False, decided_by__isnull=False))
                ),
                name="new_risk_decision_recorded",
                violation_error_message="A decision records who made it and when.",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["declined", "withdrawn"]) | ~Q(decision_reason=""),
                name="new_risk_decline_has_reason",
                violation_error_code="reason_required",
                violation_error_message="A declined proposal keeps its reason.",
            ),
            models.CheckConstraint(
                condition=Q(status="accepted", risk__isnull=False)
                | (~Q(status="accepted") & Q(risk__isnull=True)),
                name="new_risk_accepted_has_risk",
                violation_error_message="An accepted proposal is the risk it became.",
            ),
        ]
        indexes = [models.Index(fields=["status", "register"])]

    def __str__(self) -> str:
        return f"New corporate risk: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("escalation:new-risk-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == ProposalStatus.OPEN

    def risk_fields(self) -> dict:
        """The proposed risk's fields as ``registers.services.risk_create`` takes them."""
        values = {"title": self.title, "horizon": self.horizon, "owner": self.proposed_owner}
        for name, value in self.fields.items():
            values[name] = Risk._meta.get_field(name).to_python(value)
        return values

    def as_risk(self) -> Risk:
        """The proposed risk, unsaved, to show: its scores, bands and choices read as a risk's."""
        return Risk(
            register=self.register,
            organisation_id=self.register.organisation_id,
            **self.risk_fields(),
        )

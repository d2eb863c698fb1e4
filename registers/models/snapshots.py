"""Quarterly snapshots: a register's open risks as its owner approved them in a quarter."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from registers.models.register import Register
from registers.models.risk import Risk, RiskStatus
from registers.models.scores import ScoreSnapshot


class RegisterSnapshot(models.Model):
    """A register as its owner approved it in a quarter: its open risks, frozen.

    Taken when the register's review is approved (``registers.services.register_approve``),
    never changed afterwards, whatever happens later to the risks or the scheme. The quarter's
    trend and the packs read these; when a register is approved twice in a quarter, the later
    snapshot is the quarter's.
    """

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="snapshots")
    year = models.PositiveSmallIntegerField(help_text="The financial year's first year: 2026.")
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    approved_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who decided: the register's owner, or for the corporate register a member "
        "of SLT. Never the Insurance Manager in their own name.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The Insurance Manager who recorded the decision on the approver's behalf; "
        "blank when the approver recorded it themselves.",
    )
    decided_on = models.DateField(
        null=True, blank=True, help_text="The day of the meeting where the register was approved."
    )
    answers = models.JSONField(
        default=list,
        blank=True,
        help_text="The register-level questions of the tier and their answers, as "
        '[{"question": ..., "answer": ...}] (docs/domain.md#register-approval).',
    )
    without_s151_sign_off = models.BooleanField(
        "approved without the Section 151 Officer's sign-off",
        default=False,
        help_text="The corporate register was approved, after an explicit confirmation, with "
        "no sign-off from the Section 151 Officer for the quarter.",
    )

    appetite_statement = models.ForeignKey(
        "registers.AppetiteStatement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The appetite statement in force on the day of the approval; blank when "
        "none was approved yet and the bands' own appetite applied.",
    )

    class Meta:
        ordering = ["register", "-year", "-quarter", "-approved_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="snapshot_quarter_1_4"
            )
        ]
        indexes = [models.Index(fields=["register", "year", "quarter"])]

    def __str__(self) -> str:
        return f"{self.register} {self.period}"

    @property
    def period(self):
        from registers.periods import Quarter

        return Quarter(self.year, self.quarter)

    @property
    def recorded_on_behalf(self) -> bool:
        return self.recorded_by_id is not None and self.recorded_by_id != self.approved_by_id


class Arrival(models.TextChoices):
    """How a risk came to be on the register in the snapshot's quarter (blank: already was)."""

    NEW = "new", "New"
    ESCALATED = "escalated", "Escalated in"
    DE_ESCALATED = "de_escalated", "De-escalated in"


class RiskSnapshot(ScoreSnapshot):
    """One open risk as it stood when its register's quarter was approved."""

    snapshot = models.ForeignKey(RegisterSnapshot, on_delete=models.CASCADE, related_name="risks")
    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="snapshots")
    reference = models.CharField(max_length=30)
    title = models.CharField(max_length=200)
    owner_name = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=RiskStatus.choices)
    exempt = models.BooleanField(default=False)
    target_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    target_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_band_key = models.CharField(max_length=20, blank=True)
    inherent_band_label = models.CharField(max_length=40, blank=True)
    residual_band_key = models.CharField(max_length=20, blank=True)
    residual_band_label = models.CharField(max_length=40, blank=True)
    # A risk imported rated but not scored (``Risk.imported_band``): its rating word as the
    # sheet wrote it, with the residual band above the rating's, so the packs print
    # "Critical (rated, not scored)" and count it in its band (docs/domain.md#spreadsheets).
    residual_rated_as = models.CharField(
        max_length=100,
        blank=True,
        help_text="The imported rating word of a risk rated but not scored; blank otherwise.",
    )
    imported_trend = models.CharField(
        max_length=200,
        blank=True,
        help_text="The risk's trend per quarter in its imported sheet, as written, for the "
        "packs' quarters that have no snapshot.",
    )
    next_review_due = models.DateField(null=True, blank=True)
    # The appetite as it applied to the risk when the quarter was approved
    # (docs/domain.md#risk-appetite): a later statement never rewrites an approved quarter.
    category = models.CharField(max_length=40, blank=True)
    appetite_level = models.CharField(
        max_length=40, blank=True, help_text="The category's appetite level; blank: the band's."
    )
    appetite_tolerance = models.PositiveSmallIntegerField(null=True, blank=True)
    outside_appetite = models.BooleanField(
        null=True, blank=True, help_text="Residual above the tolerance; null when not scored."
    )
    arrival = models.CharField(max_length=12, choices=Arrival.choices, blank=True)
    arrived_from = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["snapshot", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "risk"], name="risk_snapshot_once")
        ]

    def __str__(self) -> str:
        return f"{self.reference} in {self.snapshot}"

"""What is kept on record about risks: their reviews, the new risks colleagues report to a
register, and the risks' moves on and off registers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from registers.models.register import Register
from registers.models.risk import Risk
from registers.models.scores import SNAPSHOT_SCORE_FIELDS, ScoreSnapshot, score_in_range


class RiskReview(ScoreSnapshot):
    """A recorded review of a risk: who, when, the tier's questions answered, and the scores
    and bands at that moment (snapshots: a later change of scheme never rewrites them)."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="reviews")
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now)
    answers = models.JSONField(
        default=list,
        blank=True,  # a quick review (no_change) answers no question
        help_text='The questions asked and the answers: [{"question", "answer"}].',
    )
    no_change = models.BooleanField(
        "no change",
        default=False,
        help_text="A quick review: the reviewer confirmed the scores, controls and actions "
        "still right, without answering each question.",
    )
    notes = models.TextField(blank=True)
    inherent_band_label = models.CharField(max_length=40, blank=True)
    residual_band_key = models.CharField(max_length=20, blank=True)
    residual_band_label = models.CharField(max_length=40, blank=True)
    residual_band_colour = models.CharField(max_length=7, blank=True)
    next_review_due = models.DateField()

    class Meta:
        ordering = ["-reviewed_at"]
        get_latest_by = "reviewed_at"
        constraints = [
            *[
                models.CheckConstraint(condition=score_in_range(field), name=f"review_{field}_1_5")
                for field in SNAPSHOT_SCORE_FIELDS
            ]
        ]

    def __str__(self) -> str:
        return f"Review of {self.risk.reference} on {timezone.localdate(self.reviewed_at)}"


class ReportStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the register owner"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class RiskReport(models.Model):
    """A new risk reported by a colleague to a register, waiting for its owner's decision."""

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="reports")
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reported_risks"
    )
    reported_at = models.DateTimeField(default=timezone.now)
    title = models.CharField(max_length=200)
    event = models.TextField(help_text="What could go wrong.")
    consequence = models.TextField(help_text="What may follow if it happens.")
    impact = models.TextField(help_text="The effect on the council if it does.")
    category = models.CharField(max_length=20)  # a RiskCategory key
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    risk = models.OneToOneField(
        Risk, on_delete=models.PROTECT, null=True, blank=True, related_name="report"
    )

    class Meta:
        ordering = ["-reported_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.PENDING, decided_at__isnull=True)
                | (Q(status=ReportStatus.ACCEPTED, decided_at__isnull=False, risk__isnull=False))
                | (
                    Q(status=ReportStatus.DECLINED, decided_at__isnull=False)
                    & ~Q(decision_reason="")
                ),
                name="report_decision_recorded",
                violation_error_message="A decision records when; a decline records why.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (reported to {self.register})"

    def get_absolute_url(self) -> str:
        return reverse("registers:report-detail", kwargs={"pk": self.pk})


class MovementKind(models.TextChoices):
    ESCALATED = "escalated", "Escalated"
    DE_ESCALATED = "de_escalated", "De-escalated"
    REMOVED = "removed", "Removed"
    MOVED = "moved", "Moved"


class RiskMovement(models.Model):
    """A risk coming onto or going off a register, and why: the register's ledger.

    Escalation moves a risk one tier up (accepted by the receiving register's owner),
    de-escalation moves it down, removal takes it off its register (closing it), a move takes
    it to another register when its own is closed (docs/domain.md#closing-a-register). The policy
    asks that the reasons be kept; the reports read what came and went in a quarter from here.
    """

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(max_length=12, choices=MovementKind.choices)
    from_register = models.ForeignKey(
        Register, on_delete=models.PROTECT, related_name="movements_out"
    )
    to_register = models.ForeignKey(
        Register, on_delete=models.PROTECT, null=True, blank=True, related_name="movements_in"
    )
    reason = models.TextField(blank=True)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-moved_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MovementKind.values), name="movement_kind_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=MovementKind.REMOVED, to_register__isnull=True)
                    | (~Q(kind=MovementKind.REMOVED) & Q(to_register__isnull=False))
                ),
                name="movement_destination_fits_kind",
                violation_error_message="A removal has no destination; a move has one.",
            ),
            models.CheckConstraint(
                condition=Q(kind=MovementKind.ESCALATED) | ~Q(reason=""),
                name="movement_reason_kept",
                violation_error_code="reason_required",
                violation_error_message="De-escalation and removal keep their reason.",
            ),
        ]
        indexes = [models.Index(fields=["from_register", "kind"])]

    def __str__(self) -> str:
        return f"{self.risk_id} {self.get_kind_display()} from {self.from_register_id}"

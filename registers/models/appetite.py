"""The risk appetite by category: the five levels as data, and each organisation's versioned
appetite statements, one line (level and tolerance) per category (docs/domain.md#risk-appetite)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from registers.models.organisation import Organisation


class AppetiteLevel(models.Model):
    """A level of the Government Finance Function's appetite scale (Averse, Minimal, Cautious,
    Open, Eager), with the tolerance a new statement line starts from. Seeded by the
    migration that made the table; ``rank`` orders them from the least risk accepted."""

    key = models.SlugField(max_length=20, unique=True)
    label = models.CharField(max_length=40)
    rank = models.PositiveSmallIntegerField(unique=True)
    default_tolerance = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(25)],
        help_text="The highest residual score (1 to 25) a line at this level accepts unless "
        "the statement says otherwise.",
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.CheckConstraint(
                condition=Q(default_tolerance__gte=1, default_tolerance__lte=25),
                name="appetite_level_tolerance_1_25",
            )
        ]

    def __str__(self) -> str:
        return self.label


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    SUPERSEDED = "superseded", "Superseded"


class AppetiteStatement(models.Model):
    """One version of an organisation's risk appetite: drafted by the Insurance Manager,
    approved by SLT on a date (or recorded as approved by the Insurance Manager on SLT's
    behalf), then in force from that date until a later version is approved. An approved
    statement never changes; the next one starts as a copy of it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="appetite_statements"
    )
    version = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=12, choices=StatementStatus.choices, default=StatementStatus.DRAFT
    )
    summary = models.TextField(
        blank=True,
        help_text="The statement's words: what the organisation will and will not accept.",
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField()
    approved_on = models.DateField(
        null=True, blank=True, help_text="The day of SLT's meeting: in force from this day."
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member of SLT who approved it.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The Insurance Manager who recorded SLT's approval; blank when the approver "
        "recorded it.",
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "version"], name="appetite_statement_version_once"
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status=StatementStatus.DRAFT),
                name="appetite_statement_one_draft",
                violation_error_message="The organisation already has a draft statement.",
            ),
            models.CheckConstraint(
                condition=Q(status=StatementStatus.DRAFT)
                | Q(approved_on__isnull=False, approved_by__isnull=False),
                name="appetite_statement_approved_has_approval",
            ),
        ]

    def __str__(self) -> str:
        return f"Risk appetite statement, version {self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == StatementStatus.DRAFT


class AppetiteLine(models.Model):
    """A category's level and tolerance in a statement. ``category`` is the category's key
    (``Risk.category``), so a line needs nothing of how categories are kept."""

    statement = models.ForeignKey(AppetiteStatement, on_delete=models.CASCADE, related_name="lines")
    category = models.CharField(max_length=40)
    level = models.ForeignKey(AppetiteLevel, on_delete=models.PROTECT, related_name="+")
    tolerance = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(25)],
        help_text="The highest residual score acceptable (1 to 25): a risk scored at the "
        "tolerance is within the appetite, one above it outside.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "category"], name="appetite_line_once_per_category"
            ),
            models.CheckConstraint(
                condition=Q(tolerance__gte=1, tolerance__lte=25),
                name="appetite_line_tolerance_1_25",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.level}, tolerance {self.tolerance}"

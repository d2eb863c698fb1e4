"""What the reports keep of their own: the committee report's narrative.

Everything else a report prints is read from the registers and their quarterly snapshots.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from registers.models import Organisation, Versioned
from registers.periods import year_label


class CommitteeNarrative(Versioned):
    """The words of the annual report to the Audit and Procurement Committee that people
    write: the introduction, by the Insurance Manager who coordinates the register, and
    Internal Audit's independent annual opinion (docs/domain.md#committee-report). One per
    organisation and financial year; each part records who wrote it and when, every edit is
    kept in its history, and an edit overtaken by another's save of the same part is refused
    (``version``)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="committee_narratives"
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2999)],
        help_text="The financial year's first year: 2026 for 2026/27.",
    )
    introduction = models.TextField(
        blank=True, help_text="Opens the report: its purpose and the year in brief."
    )
    introduction_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    introduction_at = models.DateTimeField(null=True, blank=True)
    opinion = models.TextField(
        "Internal Audit's independent opinion",
        blank=True,
        help_text="Internal Audit's independent annual opinion on the adequacy of the risk "
        "control environment, printed near the end of the report.",
    )
    opinion_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opinion_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="committee_narrative_once_a_year",
                violation_error_message="This year's committee report already has a narrative.",
            )
        ]

    def __str__(self) -> str:
        return f"Committee report narrative {year_label(self.year)}"

"""The Section 151 Officer's oversight of the corporate register before SLT considers it
(docs/domain.md#s151-oversight)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from registers.models.register import Register


class OversightVerdict(models.TextChoices):
    SIGNED_OFF = "signed_off", "Signed off"
    CONCERNS = "concerns", "Concerns raised"


class S151Review(models.Model):
    """The Section 151 Officer's comments on the draft corporate register of a quarter, and
    their sign-off or concerns. One per register and quarter; every change is kept in its
    history, and the SLT pack prints the latest."""

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="s151_reviews")
    year = models.PositiveSmallIntegerField(help_text="The financial year's first year: 2026.")
    quarter = models.PositiveSmallIntegerField()
    verdict = models.CharField(max_length=12, choices=OversightVerdict.choices)
    comments = models.TextField(
        help_text="What the Section 151 Officer wants SLT to know, e.g. alignment with the "
        "Medium Term Financial Strategy and budget setting."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["register", "-year", "-quarter"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="s151_review_quarter_1_4"
            ),
            models.UniqueConstraint(
                fields=["register", "year", "quarter"],
                name="s151_review_once_a_quarter",
                violation_error_message="This quarter already has the officer's review.",
            ),
        ]

    def __str__(self) -> str:
        return f"Section 151 review of {self.register} {self.period}"

    @property
    def period(self):
        from registers.periods import Quarter

        return Quarter(self.year, self.quarter)

    @property
    def signed_off(self) -> bool:
        return self.verdict == OversightVerdict.SIGNED_OFF

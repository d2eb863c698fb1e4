"""What the reports keep of their own: the committee report's narrative, the SLT packs
stored when SLT approved a quarter, and the record of each register pack circulated before
its meeting.

Everything else a report prints is read from the registers and their quarterly snapshots.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from registers.models import Organisation, Register, RegisterSnapshot, Versioned
from registers.periods import year_label
from reports.permissions import APPENDIX, FULL, PUBLIC

# The variants of a pack (reports.permissions): full, public, confidential appendix.
VARIANT_CHOICES = [(FULL, "Full"), (PUBLIC, "Public"), (APPENDIX, "Confidential appendix")]


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


class StoredPack(models.Model):
    """An approved quarter's SLT pack exactly as it was rendered when SLT approved the
    corporate register: the record of what SLT saw (docs/domain.md#stored-packs).

    The bytes live in the database (a ``BinaryField``), not as files under ``MEDIA_ROOT``: a
    pack is a few hundred kilobytes and three are stored a quarter, so the database stays
    small; the record and its approval are backed up, restored and copied (``dumpdata`` /
    ``loaddata``) together, with nothing on a disk to keep in step; and a pack is written in
    the same kind of transaction as everything else. Never changed once stored.
    """

    snapshot = models.ForeignKey(
        RegisterSnapshot, on_delete=models.PROTECT, related_name="stored_packs"
    )
    variant = models.CharField(max_length=10, choices=VARIANT_CHOICES)
    content = models.BinaryField()
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveIntegerField(help_text="Bytes.")
    rendered_at = models.DateTimeField()

    class Meta:
        ordering = ["snapshot", "variant"]
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "variant"], name="stored_pack_once_per_variant"
            )
        ]

    def __str__(self) -> str:
        return f"SLT pack ({self.variant}) of {self.snapshot}"


class Circulation(models.Model):
    """A register's draft pack sent to its leadership team before the review meeting: who
    sent it, when, for which quarter, to whom, and whether the PDF went attached or as a link
    (docs/domain.md#register-packs). A record, never changed once made."""

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="circulations")
    quarter = models.CharField(max_length=20, help_text="The quarter of the pack, e.g. 2026/27 Q3.")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    recipients = models.JSONField(
        default=list, help_text="Each person sent the pack: their name and email address."
    )
    without_email = models.JSONField(
        default=list, help_text="The leadership team's members with no email address."
    )
    attached = models.BooleanField(
        help_text="Whether the PDF was attached; otherwise the email links to the pack."
    )
    size = models.PositiveIntegerField(help_text="Bytes of the PDF.")

    class Meta:
        ordering = ["register", "-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.register} pack for {self.quarter}, circulated {self.sent_at:%Y-%m-%d}"

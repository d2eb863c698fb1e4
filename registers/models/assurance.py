"""Assurance over a control in place, by the Three Lines (docs/domain.md#controls-and-assurance)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from registers.models.action import Action


class AssuranceLine(models.TextChoices):
    """Who gives the assurance: management, the risk and compliance functions, or Internal
    Audit (the Three Lines Model)."""

    FIRST = "first", "First line (management)"
    SECOND = "second", "Second line (risk and compliance functions)"
    THIRD = "third", "Third line (Internal Audit)"


class Assurance(models.Model):
    """What one line found about a control in place on a date: the source (an audit, a
    management check, a compliance review) and its conclusion. Recorded, never edited: a later
    finding is a new record, and the history keeps who recorded each."""

    control = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="assurances")
    line = models.CharField(max_length=6, choices=AssuranceLine.choices)
    source = models.CharField(
        max_length=200, help_text="Where it comes from, e.g. “Internal Audit report IA-2026-14”."
    )
    given_on = models.DateField("date", help_text="When the assurance was given.")
    conclusion = models.TextField(help_text="What it concluded about the control.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["control", "-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(line__in=AssuranceLine.values), name="assurance_line_valid"
            ),
            models.CheckConstraint(condition=~Q(source=""), name="assurance_source_given"),
            models.CheckConstraint(condition=~Q(conclusion=""), name="assurance_conclusion_given"),
        ]
        indexes = [models.Index(fields=["control", "given_on"])]

    def __str__(self) -> str:
        return f"{self.get_line_display()}, {self.given_on:%-d %b %Y}: {self.source}"

    def get_absolute_url(self) -> str:
        return f"{self.control.risk.get_absolute_url()}#action-{self.control_id}"

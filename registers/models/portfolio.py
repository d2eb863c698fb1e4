"""Cabinet portfolios: the services, projects and partnerships a Cabinet member answers for
(docs/domain.md#cabinet-portfolios)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from registers.models.organisation import Organisation
from registers.models.register import Register


class Portfolio(models.Model):
    """A Cabinet member's portfolio, mapped onto the registers of the services, projects and
    partnerships in it. The Insurance Manager keeps the mapping."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="portfolios"
    )
    name = models.CharField(max_length=200)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portfolios",
        help_text="The Cabinet member who holds the portfolio.",
    )
    registers = models.ManyToManyField(
        Register,
        blank=True,
        related_name="portfolios",
        help_text="The registers of the services, projects and partnerships in the portfolio.",
    )
    history = HistoricalRecords(m2m_fields=[registers])

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="portfolio_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registers:portfolio-detail", args=[self.pk])

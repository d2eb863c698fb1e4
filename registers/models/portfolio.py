"""Cabinet portfolios: the services, projects and partnerships a Cabinet member answers for
(docs/domain.md#cabinet-portfolios)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
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


@receiver(post_save, sender=Portfolio)
def _no_history_when_loading_a_backup(sender, instance, raw, **kwargs):
    """``loaddata`` saves a portfolio raw (no history row, as for every model) and then sets
    its registers, which would write an m2m history row for each: the backup already holds
    the history rows, so restoring it must not add to them. The flag lives on the loaded
    object only (simple_history's own way of skipping)."""
    if raw:
        instance.skip_history_when_saving = True

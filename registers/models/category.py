"""Each organisation's categories of risk (its sources of risk), kept as data: seeded with the
policy's ten (``PolicyCategory``) and edited by the Insurance Manager
(docs/domain.md#categories). A risk holds its category's ``key``; a retired category stays on
the risks that hold it but is no longer offered for new ones."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from registers.models.organisation import Organisation

KEY_LENGTH = 20


class RiskCategory(models.Model):
    """One of an organisation's categories: ``key`` is what risks, imports, exports and the
    API hold (never changed once made), ``label`` what people read, ``order`` where it comes
    in lists, ``active`` whether it is offered for new risks."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="risk_categories"
    )
    key = models.SlugField(max_length=KEY_LENGTH)
    label = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(
        default=True, help_text="Offered for new risks; a retired category stays on its risks."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "order", "pk"]
        verbose_name = "category"
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint("organisation", Lower("key"), name="risk_category_key_unique"),
            models.UniqueConstraint(
                "organisation",
                Lower("label"),
                name="risk_category_label_unique",
                violation_error_message="The organisation already has a category of that name.",
            ),
        ]

    def __str__(self) -> str:
        return self.label

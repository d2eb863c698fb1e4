"""Registers: one per tier of the organisation tree, with their review interval and approval."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from common.urls import url_for_pk
from registers import due
from registers.models.organisation import Directorate, Organisation, Service
from registers.models.versioned import Versioned


class Tier(models.TextChoices):
    CORPORATE = "corporate", "Corporate"
    DIRECTORATE = "directorate", "Directorate"
    SERVICE = "service", "Service"
    PROJECT = "project", "Project"


class Kind(models.TextChoices):
    """What a project-tier register stands for (docs/domain.md#registers-and-tiers): the
    policy groups programmes, partnerships and shared services with projects. The corporate,
    directorate and service registers are the structure and have no kind."""

    PROJECT = "project", "Project"
    PROGRAMME = "programme", "Programme"
    PARTNERSHIP = "partnership", "Partnership"
    SHARED_SERVICE = "shared_service", "Shared service"


# Higher tiers first: the order registers are listed and risks escalate in.
TIER_ORDER = {Tier.CORPORATE: 0, Tier.DIRECTORATE: 1, Tier.SERVICE: 2, Tier.PROJECT: 2}


class Register(Versioned):
    """A risk register at one tier of the organisation tree.

    ``directorate`` is set on directorate, service and project registers and ``service`` on
    service registers and on project registers held by a service (a project register a
    directorate holds has none), so "everything in a directorate" is one indexed filter; the
    check constraints fix which are set for each tier and ``clean`` that they agree. A
    project-tier register has a ``kind`` (project, programme, partnership, shared service) and
    may be closed; the structure's registers have no kind and are never closed.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="registers"
    )
    tier = models.CharField(max_length=12, choices=Tier.choices)
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, null=True, blank=True, related_name="registers"
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="registers"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, blank=True, default="")
    name = models.CharField(max_length=200)
    prefix = models.CharField(
        max_length=16,
        validators=[
            RegexValidator(
                r"^[A-Z][A-Z0-9-]*[A-Z0-9]$",
                "Use capital letters, digits and hyphens, starting with a letter, e.g. CRR.",
            )
        ],
        help_text="Starts the reference of every risk raised on this register, e.g. CRR-07.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_registers"
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review interval in months",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="How often the register is reviewed and approved (the corporate register "
        "quarterly).",
    )
    last_approved_at = models.DateTimeField(null=True, blank=True)
    last_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    last_approval_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The Insurance Manager who recorded the last approval on the approver's "
        "behalf, if they did.",
    )
    review_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_register_reviews",
        help_text="The member of the leadership team who leads on the register's review.",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closure_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "name"]
        indexes = [
            # An organisation's registers by name: the search lists what it finds register by
            # register, and from this reads the registers in that order, stopping at the 100th
            # risk found, where it would otherwise sort every risk that holds a common word.
            models.Index(fields=["organisation", "name", "id"], name="register_by_name"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(tier__in=Tier.values), name="register_tier_valid"),
            models.CheckConstraint(
                condition=(
                    Q(tier=Tier.CORPORATE, directorate__isnull=True, service__isnull=True)
                    | Q(tier=Tier.DIRECTORATE, directorate__isnull=False, service__isnull=True)
                    | Q(tier=Tier.SERVICE, directorate__isnull=False, service__isnull=False)
                    | Q(tier=Tier.PROJECT, directorate__isnull=False)
                ),
                name="register_place_fits_tier",
                violation_error_message=(
                    "A corporate register has no directorate or service; a directorate register "
                    "has a directorate; a service register has a service; a project register "
                    "has a directorate, and a service if one holds it."
                ),
            ),
            models.CheckConstraint(
                condition=Q(tier=Tier.PROJECT, kind__in=Kind.values)
                | (~Q(tier=Tier.PROJECT) & Q(kind="")),
                name="register_kind_fits_tier",
                violation_error_message=(
                    "A project register is a project, programme, partnership or shared service; "
                    "other registers have no kind."
                ),
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True, closed_by__isnull=True, closure_reason="")
                | Q(tier=Tier.PROJECT, closed_at__isnull=False, closed_by__isnull=False)
                & ~Q(closure_reason=""),
                name="register_closure_complete",
                violation_error_message=(
                    "Only a project register closes, and its closure records when, by whom and why."
                ),
            ),
            models.UniqueConstraint(
                fields=["organisation", "prefix"],
                name="register_prefix_unique_in_organisation",
                violation_error_message="Another register of the organisation has this prefix.",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(tier=Tier.CORPORATE),
                name="register_one_corporate",
                violation_error_message="The organisation already has a corporate register.",
            ),
            models.UniqueConstraint(
                fields=["directorate"],
                condition=Q(tier=Tier.DIRECTORATE),
                name="register_one_per_directorate",
                violation_error_message="The directorate already has a register.",
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(tier=Tier.SERVICE),
                name="register_one_per_service",
                violation_error_message="The service already has a service register.",
            ),
            models.CheckConstraint(
                condition=Q(review_interval_months__gte=1, review_interval_months__lte=24),
                name="register_review_interval_1_24",
            ),
            models.CheckConstraint(
                condition=Q(last_approved_at__isnull=True, last_approved_by__isnull=True)
                | Q(last_approved_at__isnull=False, last_approved_by__isnull=False),
                name="register_approval_complete",
                violation_error_message="An approval records both when and by whom.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def kind_label(self) -> str:
        """What the register is, in words: its kind for a project-tier register, else its
        tier ("Programme", "Service")."""
        return self.get_kind_display() if self.kind else self.get_tier_display()

    def get_absolute_url(self) -> str:
        return url_for_pk("registers:register-detail", self.pk)

    def clean(self):
        if self.directorate_id and self.directorate.organisation_id != self.organisation_id:
            raise ValidationError({"directorate": "This directorate is in another organisation."})
        if self.service_id and self.service.directorate_id != self.directorate_id:
            raise ValidationError({"service": "This service is not in the chosen directorate."})

    @property
    def next_review_due(self) -> date | None:
        """When the register is next due for review and approval (None if never approved)."""
        return due.register_review_due(self.last_approved_at, self.review_interval_months)

    def review_overdue(self, today: date) -> bool:
        """Whether the register's review and approval is late on ``today``."""
        return due.is_overdue(self.next_review_due, today)

    @property
    def escalates_to(self) -> Register | None:
        """The register a risk on this one is escalated to: one tier up the tree.

        Service and project registers (whether a service or the directorate holds them)
        escalate to their directorate's register, directorate registers to the corporate
        register; the corporate register has nowhere higher.
        """
        if self.tier == Tier.CORPORATE:
            return None
        if self.tier == Tier.DIRECTORATE:
            return Register.objects.filter(
                organisation_id=self.organisation_id, tier=Tier.CORPORATE
            ).first()
        return Register.objects.filter(
            directorate_id=self.directorate_id, tier=Tier.DIRECTORATE
        ).first()

"""The organisation tree (an organisation, its directorates and their services) and the
profiles placing people in it."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from scoring import matrix
from scoring.models import SENIORITY_CHOICES, Scheme


class Organisation(models.Model):
    """The body at the top of the tree: a council or a police force."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    scheme = models.ForeignKey(
        Scheme,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text="The scoring scheme and risk appetite set by the Strategic Leadership Team.",
    )
    # Moves on whenever what every page of the organisation reads and seldom changes does: its
    # scheme's bands, its categories, its appetite statements and lines, the appetite levels
    # (registers/reference.py). Pages read it with the organisation, so their copies of those
    # are kept under it and never outlive a change, in any process.
    reference_revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Directorate(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="directorates"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60)

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="directorate_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60)

    class Meta:
        ordering = ["directorate", "name"]
        constraints = [
            models.UniqueConstraint(fields=["directorate", "slug"], name="service_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """Where a person sits in the organisation and how senior they are.

    Roles (Insurance Manager, SLT, Internal Audit, ...) are auth groups; this records the
    facts the rules need: the person's place in the tree and their seniority, which the policy's
    ownership guidance compares with a risk's band.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="profiles"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles"
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles"
    )
    job_title = models.CharField(max_length=200, blank=True)
    seniority = models.PositiveSmallIntegerField(
        choices=SENIORITY_CHOICES, default=matrix.Seniority.OFFICER
    )

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=True) | Q(directorate__isnull=False),
                name="profile_service_needs_directorate",
                violation_error_message="A person in a service is also in its directorate.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.get_username()}, {self.job_title}"

    def clean(self):
        if self.directorate_id and self.directorate.organisation_id != self.organisation_id:
            raise ValidationError({"directorate": "This directorate is in another organisation."})
        if self.service_id and self.service.directorate_id != self.directorate_id:
            raise ValidationError({"service": "This service is not in the chosen directorate."})

"""Which accounts must sign in with a second factor besides superusers, who always must
(docs/domain.md#second-factor); how the organisation's identity provider's groups map to
roles, and which provider identity is whose account (docs/domain.md#organisation-sign-in)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from registers import roles


class SecondFactorRequirement(models.Model):
    """The administrator's mark on an account: it signs in with a second factor. Removing
    the mark lets its person turn the second factor off again."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="second_factor_requirement",
        verbose_name="person",
    )
    reason = models.CharField(max_length=200, blank=True)
    required_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "second factor requirement"

    def __str__(self) -> str:
        return f"{self.user.get_username()} must use a second factor"


class ProviderGroupMapping(models.Model):
    """The administrator's mapping of one group of the organisation's identity provider to a
    role and a place in the organisation (docs/domain.md#organisation-sign-in).

    At each sign-in through the provider a person gets exactly the roles their groups map to,
    and the place of their most specific mapping (a service over a directorate over the
    organisation alone)."""

    group = models.CharField(
        max_length=200,
        help_text="The group's identifier as the provider sends it in the groups claim "
        "(in Entra ID, the group's Object ID).",
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="The group's name, to recognise it by."
    )
    role = models.ForeignKey(
        "auth.Group",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        limit_choices_to={"name__in": roles.ALL},
        help_text="Leave empty for a group that only places people in the organisation.",
    )
    organisation = models.ForeignKey("registers.Organisation", on_delete=models.CASCADE)
    directorate = models.ForeignKey(
        "registers.Directorate", on_delete=models.CASCADE, null=True, blank=True
    )
    service = models.ForeignKey(
        "registers.Service", on_delete=models.CASCADE, null=True, blank=True
    )

    class Meta:
        verbose_name = "provider group mapping"
        ordering = ["group", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "role"], name="provider_group_mapping_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.description or self.group}: {self.role or 'no role'}"

    def clean(self):
        if self.service_id and self.directorate_id is None:
            self.directorate_id = self.service.directorate_id
        if self.service_id and self.service.directorate_id != self.directorate_id:
            raise ValidationError({"service": "This service is in another directorate."})
        if self.directorate_id and self.directorate.organisation_id != self.organisation_id:
            raise ValidationError({"directorate": "This directorate is in another organisation."})

    @property
    def specificity(self) -> int:
        return 2 if self.service_id else 1 if self.directorate_id else 0


class ProviderIdentity(models.Model):
    """The link between a local account and a person of the identity provider (its issuer and
    subject), made at their first sign-in: later sign-ins find the account by it, whatever
    their email address has become."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_identities"
    )
    issuer = models.CharField(max_length=500)
    subject = models.CharField(max_length=255)
    linked_at = models.DateTimeField(default=timezone.now, editable=False)
    last_sign_in = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "provider identity"
        verbose_name_plural = "provider identities"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="provider_identity_unique_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.get_username()} at {self.issuer}"

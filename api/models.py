"""Personal access tokens: how a person's spreadsheet or report tool reads the API as them.

Only a digest of the token is stored (SHA-256 of 256 random bits: nothing to guess, so no slow
hash is needed), with a short prefix the person can recognise it by. A token is never deleted:
revoking it, or its expiry, ends it and the row stays as the record
(docs/domain.md#api-tokens).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class AccessTokenQuerySet(models.QuerySet):
    def usable(self, *, now: datetime | None = None):
        """Tokens neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class AccessToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens"
    )
    name = models.CharField(
        max_length=100, help_text="What the token is for, e.g. “Power BI: corporate register”."
    )
    prefix = models.CharField(max_length=12, help_text="The token's first characters.")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="access_token_expires_after_creation",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_by__isnull=False),
                name="access_token_revocation_recorded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, now: datetime | None = None) -> bool:
        return self.expires_at <= (now or timezone.now())

    def is_usable(self, now: datetime | None = None) -> bool:
        return not self.is_revoked and not self.is_expired(now)

    @property
    def status(self) -> str:
        """In words, for the token list: "Active", "Revoked", "Expired"."""
        if self.is_revoked:
            return "Revoked"
        return "Expired" if self.is_expired() else "Active"

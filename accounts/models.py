"""Which accounts must sign in with a second factor besides superusers, who always must
(docs/domain.md#second-factor)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


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

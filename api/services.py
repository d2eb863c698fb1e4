"""Writes on personal access tokens: creating one (its secret shown once), revoking one, and
finding the token a request presents (docs/domain.md#api-tokens)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from api.models import AccessToken

# Recognisable in a leaked file or a secret scanner's rules; never part of the secret.
TOKEN_PREFIX = "rr_"
PREFIX_LENGTH = len(TOKEN_PREFIX) + 6
LIFETIMES_DAYS = (30, 90, 180, 365)
# How often a token's "last used" time is written: not on every request of a refresh.
LAST_USED_EVERY = timedelta(minutes=5)


def token_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def token_create(
    *, user: AbstractBaseUser, name: str, lifetime_days: int
) -> tuple[AccessToken, str]:
    """A new token for ``user`` and its secret, which is not kept: the caller shows it once."""
    if lifetime_days not in LIFETIMES_DAYS:
        raise ValidationError("Choose how long the token lasts.", code="lifetime")
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = AccessToken(
        user=user,
        name=name.strip(),
        prefix=key[:PREFIX_LENGTH],
        digest=token_digest(key),
        created_at=now,
        expires_at=now + timedelta(days=lifetime_days),
    )
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def token_revoke(*, token: AccessToken, by: AbstractBaseUser) -> AccessToken:
    """End the token now. Revoking a token already revoked is refused, writing nothing."""
    token = AccessToken.objects.select_for_update().get(pk=token.pk)
    if token.is_revoked:
        raise ValidationError("This token was already revoked.", code="revoked")
    token.revoked_at = timezone.now()
    token.revoked_by = by
    token.full_clean()
    token.save(update_fields=["revoked_at", "revoked_by"])
    return token


class TokenRefused(Exception):
    """The presented token opens nothing; the message says why, for the 401's body."""


def token_for_key(key: str) -> AccessToken:
    """The usable token whose secret is ``key``, with its person and their profile; raises
    ``TokenRefused`` for an unknown, revoked or expired token, or a deactivated person."""
    token = (
        AccessToken.objects.select_related("user__profile").filter(digest=token_digest(key)).first()
    )
    if token is None:
        raise TokenRefused("Unknown token.")
    now = timezone.now()
    if token.is_revoked:
        raise TokenRefused("This token has been revoked.")
    if token.is_expired(now):
        raise TokenRefused("This token has expired.")
    if not token.user.is_active:
        raise TokenRefused("This token's account is deactivated.")
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token

"""Who may use which personal access token. What the API answers to whom is what the person
may see in the browser: registers/permissions.py decides it, and the API asks it directly
(docs/domain.md#who-may-see-what).

Tokens are personal: a person sees, revokes and uses only their own.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from api.models import AccessToken


def own_tokens(user: AbstractBaseUser) -> QuerySet[AccessToken]:
    """The tokens a person may list and revoke: their own, whoever they are."""
    if not user.is_authenticated:
        return AccessToken.objects.none()
    return AccessToken.objects.filter(user_id=user.pk)

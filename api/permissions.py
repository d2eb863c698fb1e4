"""What the API answers to whom: exactly what the person may see in the browser, from the
rules of registers/permissions.py as querysets (docs/domain.md#who-may-see-what).

Tokens are personal: a person sees, revokes and uses only their own.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from api.models import AccessToken
from registers import permissions as registers
from registers.models import Register, Risk


def visible_registers(user: AbstractBaseUser) -> QuerySet[Register]:
    return registers.visible_registers(user)


def visible_risks(user: AbstractBaseUser) -> QuerySet[Risk]:
    return registers.visible_risks(user)


def can_view_register(user: AbstractBaseUser, register: Register) -> bool:
    return registers.can_view_register(user, register)


def can_view_risk(user: AbstractBaseUser, risk: Risk) -> bool:
    return registers.can_view_risk(user, risk)


def own_tokens(user: AbstractBaseUser) -> QuerySet[AccessToken]:
    """The tokens a person may list and revoke: their own, whoever they are."""
    if not user.is_authenticated:
        return AccessToken.objects.none()
    return AccessToken.objects.filter(user_id=user.pk)

"""Reads for approving a register: who may be named as having approved it, and which
quarters the Section 151 Officer has not signed off (docs/domain.md#register-approval)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from registers import roles
from registers.models import OversightVerdict, Register, S151Review, Tier
from registers.periods import Quarter


def register_approvers(*, register: Register) -> QuerySet:
    """The people who may approve ``register`` in their own name, for the Insurance Manager
    to choose from when recording an approval: its owner, and for the corporate register the
    active members of SLT of its organisation (never those who only read: Internal Audit and
    committee members). Mirrors ``registers.permissions.may_approve_register``."""
    rule = Q(pk=register.owner_id)
    if register.tier == Tier.CORPORATE:
        rule |= Q(groups__name=roles.SLT, profile__organisation_id=register.organisation_id)
    return (
        get_user_model()
        .objects.filter(rule, is_active=True)
        .exclude(groups__name__in=roles.READ_ONLY)
        .select_related("profile")
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def quarters_not_signed_off(*, register: Register, quarters: Iterable[Quarter]) -> set[Quarter]:
    """Those of ``quarters`` the Section 151 Officer has not signed off for ``register``
    (none for a register other than the corporate one). One query."""
    if register.tier != Tier.CORPORATE:
        return set()
    quarters = set(quarters)
    signed = {
        Quarter(year, number)
        for year, number in S151Review.objects.filter(
            register=register, verdict=OversightVerdict.SIGNED_OFF
        ).values_list("year", "quarter")
    }
    return quarters - signed

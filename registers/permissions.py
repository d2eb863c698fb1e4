"""Who may see what, decided here and only here (never in templates).

Viewing (issue 3's rules):
- the corporate register: every signed-in member of the organisation;
- a directorate register: people of that directorate and its services;
- a service or project register: that service's people and the directorate's leadership
  (Director level and above in the directorate);
- everything: SLT, the Insurance Manager, the S151 and Monitoring Officers, Internal Audit and
  superusers; and anyone sees a register they own or that holds a risk they own.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from registers import roles
from registers.models import Register, Risk, Tier
from scoring.matrix import Seniority


def _profile(user):
    return getattr(user, "profile", None)


def sees_everything(user: AbstractBaseUser) -> bool:
    if user.is_superuser:
        return True
    group_names = getattr(user, "_role_names", None)
    if group_names is None:
        group_names = set(user.groups.values_list("name", flat=True))
        user._role_names = group_names  # one query per request, not one per check
    return bool(group_names & set(roles.SEE_EVERY_REGISTER))


def visible_registers(user: AbstractBaseUser) -> QuerySet[Register]:
    """Registers the user may open, as one queryset (no per-row checks)."""
    if not user.is_authenticated:
        return Register.objects.none()
    if user.is_superuser:
        return Register.objects.all()
    profile = _profile(user)
    if profile is None:
        return Register.objects.filter(owner=user)
    in_organisation = Register.objects.filter(organisation_id=profile.organisation_id)
    if sees_everything(user):
        return in_organisation
    rule = Q(tier=Tier.CORPORATE) | Q(owner=user)
    rule |= Exists(Risk.objects.filter(register=OuterRef("pk"), owner=user))
    if profile.directorate_id:
        rule |= Q(tier=Tier.DIRECTORATE, directorate_id=profile.directorate_id)
        if profile.seniority >= Seniority.DIRECTOR:
            rule |= Q(directorate_id=profile.directorate_id)
    if profile.service_id:
        rule |= Q(service_id=profile.service_id)
    return in_organisation.filter(rule)


def can_view_register(user: AbstractBaseUser, register: Register) -> bool:
    return visible_registers(user).filter(pk=register.pk).exists()


def can_view_risk(user: AbstractBaseUser, risk: Risk) -> bool:
    """A risk is visible with its register, and always to its owner."""
    return risk.owner_id == user.pk or can_view_register(user, risk.register)

"""Who may read which report (decided here, never in templates).

- The quarterly SLT pack and the annual committee report, full and confidential appendix:
  SLT, the Insurance Manager, the Section 151 and Monitoring Officers, Internal Audit.
- Their public versions: those, and Audit and Procurement Committee members.
- The committee report's confidential appendix (Part B) also committee members: exempt means
  exempt from publication, not from the committee (docs/domain.md#exempt-risks).
- The directorate collation: SLT, the Insurance Manager, the statutory officers, Internal
  Audit.
- The committee report's introduction: the Insurance Manager; its independent opinion:
  Internal Audit, and never the Insurance Manager who coordinates the register.
- A register's own pack (its review meeting's, in the template's shape): whoever may see the
  register. Approving a register and the Section 151 Officer's oversight are decided in
  ``registers.permissions``, where the approval's rules live.
- A Cabinet portfolio's pack: its Cabinet member and those who see every register.
Risk owners, Heads of Service and Directors read no SLT packs unless they sit on SLT: their
registers are in the app.

A reader reads the reports of their own organisation (``reader_organisation``).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from registers import roles
from registers.models import Organisation, Portfolio
from registers.permissions import can_view_portfolio, can_view_register, is_read_only, role_names

PACK_READERS = {
    roles.SLT,
    roles.INSURANCE_MANAGER,
    roles.S151_OFFICER,
    roles.MONITORING_OFFICER,
    roles.INTERNAL_AUDIT,
}

# Variants of a pack: everything (internal), the public version without exempt risks, and
# the confidential appendix of only the exempt risks.
FULL, PUBLIC, APPENDIX = "full", "public", "appendix"
VARIANTS = (FULL, PUBLIC, APPENDIX)


def variant_carries(variant: str, *, exempt: bool) -> bool:
    """Whether a report in ``variant`` carries a risk: the public version only the risks not
    exempt from publication, the appendix only the exempt ones, the full version every one."""
    if variant == PUBLIC:
        return not exempt
    if variant == APPENDIX:
        return exempt
    return True


def reader_organisation(user: AbstractBaseUser) -> Organisation | None:
    """The organisation whose reports ``user`` reads: their profile's. An administrator with
    no profile reads the only organisation of a one-body installation; with several there is
    no telling which, so none (nor for anyone else without a profile)."""
    profile = getattr(user, "profile", None)
    if profile is not None:
        return profile.organisation
    if user.is_superuser:
        only = list(Organisation.objects.order_by("pk")[:2])
        if len(only) == 1:
            return only[0]
    return None


def can_read_pack(user: AbstractBaseUser, *, variant: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    names = role_names(user)
    if names & PACK_READERS:
        return True
    return variant == PUBLIC and roles.COMMITTEE in names


def readable_variants(user: AbstractBaseUser) -> list[str]:
    """The variants of the SLT pack ``user`` may read, fullest first."""
    return [variant for variant in VARIANTS if can_read_pack(user, variant=variant)]


def can_read_committee_report(user: AbstractBaseUser, *, variant: str) -> bool:
    """The committee report: as the packs, and committee members also read its confidential
    appendix (Part B), which only the version for publication withholds."""
    if can_read_pack(user, variant=variant):
        return True
    member = user.is_authenticated and roles.COMMITTEE in role_names(user)
    return member and variant == APPENDIX


def committee_report_variants(user: AbstractBaseUser) -> list[str]:
    """The variants of the committee report ``user`` may read, fullest first."""
    return [v for v in VARIANTS if can_read_committee_report(user, variant=v)]


def can_read_collation(user: AbstractBaseUser) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(role_names(user) & PACK_READERS)


def can_write_introduction(user: AbstractBaseUser) -> bool:
    """Write the committee report's introduction: the Insurance Manager."""
    if not user.is_authenticated or is_read_only(user):
        return False
    return user.is_superuser or roles.INSURANCE_MANAGER in role_names(user)


def can_write_opinion(user: AbstractBaseUser) -> bool:
    """Write the committee report's independent annual opinion: Internal Audit, read-only
    everywhere else. Not the Insurance Manager, whose work it gives an opinion on, even one
    who also holds the Internal Audit role; not an administrator as such."""
    if not user.is_authenticated:
        return False
    names = role_names(user)
    return roles.INTERNAL_AUDIT in names and roles.INSURANCE_MANAGER not in names


def can_read_register_pack(user: AbstractBaseUser, register) -> bool:
    """A register's own pack, for its leadership meeting: whoever may see the register (its
    risks are on their screen already; docs/domain.md#register-packs)."""
    return user.is_authenticated and can_view_register(user, register)


def can_read_portfolio_pack(user: AbstractBaseUser, portfolio: Portfolio) -> bool:
    """A portfolio's pack: whoever may read the portfolio, its Cabinet member and those who see
    every register (docs/domain.md#cabinet-portfolios)."""
    return can_view_portfolio(user, portfolio)

"""Reads for the page of risks across registers: the open risks of every register a person
may see in their organisation, side by side (docs/domain.md#risks-across-registers).

A fixed number of queries whatever the number of risks: the organisation and its bands one
each, the registers and directorates to choose from one each, the owners one, the count one,
the page of risks one (register and owner joined).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import QuerySet
from django.db.models.functions import Lower

from registers import reference
from registers.models import Directorate, Organisation, Register, Risk
from registers.permissions import sees_everything, visible_registers
from registers.selectors.register_page import SORT_COLUMNS, SortColumn, owners_of, with_row_details
from scoring import matrix
from scoring.matrix import Seniority

# The register page's columns, and the register a risk is on.
ACROSS_SORT_COLUMNS = {
    **SORT_COLUMNS,
    "register": SortColumn(
        "register", "register", (Lower("register__name"),), ascending_words="A to Z"
    ),
}
ACROSS_DEFAULT_SORT = "-residual"
PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class AcrossScope:
    """Whose risks the page shows: the organisation, its bands, and the registers the person
    may see in it (a queryset, not yet run)."""

    organisation: Organisation | None
    bands: tuple[matrix.Band, ...]
    registers: QuerySet[Register]


def across_scope(*, user: AbstractBaseUser) -> AcrossScope:
    """The person's organisation (a superuser without one: the first organisation), its bands
    and the registers they may see in it."""
    profile = getattr(user, "profile", None)
    organisations = Organisation.objects.order_by("pk")
    if profile is not None:
        organisations = organisations.filter(pk=profile.organisation_id)
    organisation = organisations.first()
    if organisation is None:
        return AcrossScope(None, (), Register.objects.none())
    registers = visible_registers(user).filter(organisation=organisation)
    return AcrossScope(organisation, reference.bands(organisation), registers)


def across_risks(*, scope: AcrossScope) -> QuerySet[Risk]:
    """The open risks of the registers in ``scope``, with the score and band SQL aliases the
    filters use (``Risk.objects.with_bands``).

    On PostgreSQL named by their organisation as well: the same risks (the registers are the
    organisation's), but the condition the index of an organisation's open risks in residual
    order needs (``risk_open_by_residual_order``, PostgreSQL's alone), so that the first page
    of the default order is read from it; the condition on the registers keeps the planner's
    estimate of a narrowed list right (without it, a directorate's red risks were read from
    the whole table). SQLite has no such index, and given the condition its planner reads the
    organisation's every risk by it rather than the registers' (1.5 to 2 times as long at
    100,000 risks)."""
    risks = Risk.objects.open().filter(register__in=scope.registers)
    if connection.vendor == "postgresql":
        risks = risks.filter(organisation=scope.organisation)
    return risks.with_bands(scope.bands)


def across_register_choices(*, scope: AcrossScope) -> list[tuple[int, str, str]]:
    """``(pk, name, tier)`` of the registers in scope, by name."""
    return list(
        scope.registers.filter(closed_at__isnull=True)
        .order_by("name")
        .values_list("pk", "name", "tier")
    )


def across_directorate_choices(*, scope: AcrossScope) -> list[tuple[int, str]]:
    """``(pk, name)`` of the directorates with a register in scope, by name."""
    return list(
        Directorate.objects.filter(registers__in=scope.registers)
        .distinct()
        .order_by("name")
        .values_list("pk", "name")
    )


def across_owner_choices(*, scope: AcrossScope) -> list[tuple[int, str, str, str]]:
    """``(pk, first_name, last_name, username)`` of the people owning an open risk in scope."""
    return owners_of(across_risks(scope=scope))


def across_rows(queryset: QuerySet[Risk]) -> QuerySet[Risk]:
    """The page's rows: the register page's row details, and the register each risk is on."""
    return with_row_details(queryset).select_related("register")


@dataclass(frozen=True, slots=True)
class AcrossLink:
    """Where the home page sends a person for risks across registers, and in what words."""

    text: str
    query: str


def across_link(*, user: AbstractBaseUser) -> AcrossLink:
    """Those who see every register start from the whole organisation; a Director from their
    directorate's registers; everyone else from all the registers they may see."""
    profile = getattr(user, "profile", None)
    if sees_everything(user) or profile is None:
        return AcrossLink("Every open risk in the organisation, side by side", "")
    if profile.directorate_id and profile.seniority >= Seniority.DIRECTOR:
        return AcrossLink(
            "Your directorate's open risks, side by side", f"?directorate={profile.directorate_id}"
        )
    return AcrossLink("Open risks on the registers you can see, side by side", "")

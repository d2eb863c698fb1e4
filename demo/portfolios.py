"""The demo council's Cabinet portfolios, each mapped onto the registers of its services,
projects and partnerships (docs/domain.md#cabinet-portfolios). Readable as data."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from demo.directorate_registers import load_directorate_registers
from registers import roles
from registers.models import Organisation, Portfolio, Register
from registers.services import portfolio_save
from scoring.matrix import Seniority

# The Cabinet members, read-only, one to each portfolio, in the shape of the loader's
# ROLE_USERS: (username, first name, last name, title, seniority, roles, directorate).
CABINET_MEMBERS = tuple(
    (
        username,
        first,
        last,
        f"Cabinet Member for {portfolio}",
        Seniority.OFFICER,
        [roles.CABINET_MEMBER],
        None,
    )
    for username, first, last, portfolio in (
        ("cabinet.adults", "Cllr Amina", "Shah", "Adult Services and Housing"),
        ("cabinet.city", "Cllr David", "Reeve", "City Services and Infrastructure"),
        ("cabinet.regeneration", "Cllr Grace", "Mensah", "Jobs, Regeneration and Climate Change"),
    )
)

# (portfolio, its Cabinet member's username, the registers in it by name)
PORTFOLIOS = (
    (
        "Adult Services and Housing",
        "cabinet.adults",
        (
            "Adult Social Care Service Risk Register",
            "Housing and Homelessness Service Risk Register",
            "Public Health Service Risk Register",
            "Commissioning and Quality Service Risk Register",
        ),
    ),
    (
        "City Services and Infrastructure",
        "cabinet.city",
        (
            "Waste and Street Scene Service Risk Register",
            "Highways and Transport Service Risk Register",
            "Kingsbridge Road Bridge Strengthening Scheme Project Risk Register",
            "Parks and Green Spaces Service Risk Register",
        ),
    ),
    (
        "Jobs, Regeneration and Climate Change",
        "cabinet.regeneration",
        (
            "Planning and Building Control Service Risk Register",
            "Property and Estates Service Risk Register",
            "City Centre Regeneration Scheme Project Risk Register",
            "Economic Development Service Risk Register",
        ),
    ),
)


def load_demo_portfolios(*, organisation: Organisation, by: AbstractBaseUser) -> int:
    """Create the portfolios the organisation does not have yet; return how many. The
    registers the directors opened themselves come first, so that a portfolio may hold them."""
    load_directorate_registers(organisation=organisation, by=by)
    people = get_user_model().objects.in_bulk(
        [username for _, username, _ in PORTFOLIOS], field_name="username"
    )
    created = 0
    for name, username, register_names in PORTFOLIOS:
        if Portfolio.objects.filter(organisation=organisation, name=name).exists():
            continue
        portfolio_save(
            portfolio=Portfolio(organisation=organisation),
            name=name,
            holder=people.get(username),
            registers=Register.objects.filter(organisation=organisation, name__in=register_names),
            by=by,
        )
        created += 1
    return created

"""The registers the demo council's directors opened themselves: a programme held by a
directorate and a partnership held by one of its services, each with a review lead
(docs/domain.md#opening-and-closing-a-register), and the review leads of the directorate
registers (docs/domain.md#register-packs). Readable as data."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from registers.lifecycle import register_open
from registers.models import (
    Directorate,
    Kind,
    Organisation,
    PolicyCategory,
    Register,
    Response,
    Tier,
)
from registers.services import risk_create
from registers.versions import save_next_version

# (directorate slug, service slug or None for the directorate itself, kind, name, prefix,
#  owner's username, review lead's username, its risks as (title, event, consequence, impact,
#  category, residual likelihood, residual impact, why it is treated))
OPENED = (
    (
        "adults-housing",
        None,
        Kind.PROGRAMME,
        "Affordable Housing Delivery Programme Risk Register",
        "PRG-HOUSING",
        "director.adults-housing",
        "head.housing-homelessness",
        (
            (
                "Build costs outrun the programme budget",
                "If construction inflation stays above the programme's assumptions",
                "fewer homes may be delivered within the agreed budget",
                "resulting in missed targets for new affordable homes and pressure on the MTFS",
                PolicyCategory.FINANCE,
                4,
                4,
                "Treat: fixed-price contracts for the next phases and a quarterly cost review "
                "with the programme board.",
            ),
        ),
    ),
    (
        "adults-housing",
        "adult-social-care",
        Kind.PARTNERSHIP,
        "Integrated Care Partnership Risk Register",
        "PSHP-ICP",
        "head.adult-social-care",
        "owner.hannah",
        (
            (
                "Partners' hospital discharge data is late",
                "If the health partners' daily discharge data arrives late",
                "care packages may not be ready when people leave hospital",
                "resulting in delayed discharges and people waiting in the wrong setting",
                PolicyCategory.PARTNERSHIPS,
                3,
                3,
                "Treat: a data-sharing agreement with the hospital trust, with a daily feed "
                "agreed by the partnership board.",
            ),
        ),
    ),
)

# Each directorate register's review lead: a Head of Service of the directorate.
DIRECTORATE_REVIEW_LEADS = (
    ("adults-housing", "head.adult-social-care"),
    ("children-education", "head.childrens-social-care"),
)


def load_directorate_registers(*, organisation: Organisation, by: AbstractBaseUser) -> int:
    """Open the registers above that the organisation does not have yet, and name the
    directorate registers' review leads; return how many registers were opened."""
    people = get_user_model().objects.in_bulk(field_name="username")
    _review_leads(organisation=organisation, people=people, by=by)
    opened = 0
    for slug, service_slug, kind, name, prefix, owner, lead, risks in OPENED:
        if Register.objects.filter(organisation=organisation, prefix=prefix).exists():
            continue
        directorate = Directorate.objects.get(organisation=organisation, slug=slug)
        register = register_open(
            directorate=directorate,
            service=directorate.services.get(slug=service_slug) if service_slug else None,
            kind=kind,
            name=name,
            prefix=prefix,
            owner=people[owner],
            review_lead=people.get(lead),
            by=by,
        )
        for title, event, consequence, impact, category, likelihood, severity, why in risks:
            risk_create(
                register=register,
                by=by,
                reason="Demo organisation",
                title=title,
                event=event,
                consequence=consequence,
                impact=impact,
                category=category,
                owner=people[owner],
                inherent_likelihood=min(likelihood + 1, 5),
                inherent_impact=severity,
                residual_likelihood=likelihood,
                residual_impact=severity,
                response=Response.TREAT,
                response_rationale=why,
            )
        opened += 1
    return opened


def _review_leads(*, organisation: Organisation, people: dict, by: AbstractBaseUser) -> None:
    for slug, username in DIRECTORATE_REVIEW_LEADS:
        register = Register.objects.filter(
            organisation=organisation,
            tier=Tier.DIRECTORATE,
            directorate__slug=slug,
            review_lead__isnull=True,
        ).first()
        if register is not None and username in people:
            register.review_lead = people[username]
            save_next_version(register, by=by, reason="Review lead named")

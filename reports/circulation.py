"""Circulating a register's draft pack to its leadership team before the review meeting
(docs/domain.md#register-packs): who the team is, and the sending, with its record."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from common.people import person_name
from registers import permissions
from registers.models import Register, RiskStatus, Tier
from registers.periods import Quarter, quarter_considered
from reports.models import Circulation
from reports.packs.register_pack import register_pack, register_pack_pdf, register_pack_quarters
from reports.pdf import PdfFailed

logger = logging.getLogger(__name__)


def leadership_team(*, register: Register) -> list:
    """The people a register's pack is circulated to, by surname: for a directorate register
    the directorate's leadership (the owners of the directorate's open registers) and its
    review lead; for any other register its owner, its review lead and the owners of its open
    risks. Active people only; one query."""
    if register.tier == Tier.DIRECTORATE:
        members = Q(
            owned_registers__directorate_id=register.directorate_id,
            owned_registers__closed_at__isnull=True,
        )
    else:
        members = Q(pk=register.owner_id) | Q(
            owned_risks__register=register, owned_risks__status=RiskStatus.OPEN
        )
    if register.review_lead_id:
        members |= Q(pk=register.review_lead_id)
    return list(
        get_user_model()
        .objects.filter(members, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def circulation_quarter(*, register: Register, today) -> Quarter | None:
    """The quarter whose draft pack is circulated: the one the next meeting considers, or the
    other quarter still open to approval; None when both are approved already."""
    drafts, _approved = register_pack_quarters(register=register, today=today)
    considered = quarter_considered(today)
    if considered in drafts:
        return considered
    return drafts[0] if drafts else None


def _email(*, register: Register, by, quarter: Quarter, pdf: bytes, filename: str, to: str):
    link = f"{settings.RISKREG_BASE_URL}{reverse('reports:register-pack', args=[register.pk])}"
    attach = len(pdf) <= settings.RISKREG_CIRCULATION_ATTACH_MAX_BYTES
    where = (
        "The draft pack is attached."
        if attach
        else f"The draft pack is too large to attach: read or download it at {link}"
    )
    body = (
        f"{person_name(by)} has circulated the draft pack of {register.name} for "
        f"{quarter.label} ahead of its review meeting.\n\n{where}\n\n"
        f"The register: {settings.RISKREG_BASE_URL}{register.get_absolute_url()}\n"
    )
    message = EmailMessage(
        subject=f"Draft risk register pack for the meeting: {register.name}, {quarter.label}",
        body=body,
        to=[to],
    )
    if attach:
        message.attach(filename, pdf, "application/pdf")
    return message


def _send(messages: list[EmailMessage]) -> None:
    try:
        get_connection().send_messages(messages)
    except OSError:
        logger.exception("Could not send a circulated register pack")


@transaction.atomic
def register_pack_circulate(*, register: Register, by: AbstractBaseUser) -> Circulation:
    """Send the register's draft pack (the PDF its download gives) to its leadership team,
    one email each, attached when it is at most ``RISKREG_CIRCULATION_ATTACH_MAX_BYTES`` and
    linked otherwise, and record who it went to and when. Refused to anyone but the
    register's owner, its review lead and the Insurance Manager (code ``not_allowed``), when
    no quarter is left to draft (``nothing_to_circulate``), when nobody in the team has an
    email address (``no_recipients``), and when the PDF fails (``pdf_failed``)."""
    if not permissions.can_circulate_register(by, register):
        raise ValidationError(
            "Only the register's owner, its review lead or the Insurance Manager circulates "
            "its pack.",
            code="not_allowed",
        )
    now = timezone.now()
    quarter = circulation_quarter(register=register, today=timezone.localdate(now))
    if quarter is None:
        raise ValidationError(
            "Both quarters open to approval are approved: there is no draft to circulate.",
            code="nothing_to_circulate",
        )
    team = leadership_team(register=register)
    with_email = [person for person in team if person.email]
    if not with_email:
        raise ValidationError(
            "Nobody in the register's leadership team has an email address.",
            code="no_recipients",
        )
    pack = register_pack(register=register, quarter=quarter, now=now)
    try:
        pdf = register_pack_pdf(pack=pack)
    except PdfFailed as failed:
        raise ValidationError(str(failed), code="pdf_failed") from failed
    messages = [
        _email(register=register, by=by, quarter=quarter, pdf=pdf, filename=pack.filename, to=email)
        for email in sorted({person.email for person in with_email})
    ]
    circulation = Circulation.objects.create(
        register=register,
        quarter=quarter.label,
        sent_by=by,
        sent_at=now,
        recipients=[{"name": person_name(p), "email": p.email} for p in with_email],
        without_email=[person_name(p) for p in team if not p.email],
        attached=len(pdf) <= settings.RISKREG_CIRCULATION_ATTACH_MAX_BYTES,
        size=len(pdf),
    )
    transaction.on_commit(lambda: _send(messages))
    return circulation

"""Telling people about proposals and decisions: an in-app notification for each person and,
once the transaction commits, an email to those with an address."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from escalation.models import Notification, Proposal

logger = logging.getLogger(__name__)

_email_off: ContextVar[bool] = ContextVar("escalation_email_off", default=False)


@contextmanager
def without_email() -> Iterator[None]:
    """Notify in the app only, sending no email: for loading the demo organisation."""
    token = _email_off.set(True)
    try:
        yield
    finally:
        _email_off.reset(token)


def people_with_role(*, organisation_id: int, role: str) -> list[AbstractBaseUser]:
    """The active members of an organisation who hold ``role`` (an auth group name)."""
    return list(
        get_user_model().objects.filter(
            is_active=True, groups__name=role, profile__organisation_id=organisation_id
        )
    )


def notify(
    *,
    recipients: Iterable[AbstractBaseUser | None],
    subject: str,
    message: str,
    url: str,
    proposal: Proposal | None = None,
    actor: AbstractBaseUser | None = None,
) -> list[Notification]:
    """Notify each recipient once (never the person who acted), in the app and by email.

    The emails go after the transaction commits, so nobody is told of a change that was
    rolled back; a mail server that is down is logged and does not undo the change.
    """
    # A subject is one line: an email header cannot carry a line break, and a risk's title can
    # hold one (any HTTP client can send it; a spreadsheet cell often does).
    subject = " ".join(subject.split())
    people = {person.pk: person for person in recipients if person is not None}
    if actor is not None:
        people.pop(actor.pk, None)
    notifications = Notification.objects.bulk_create(
        Notification(recipient=person, subject=subject, message=message, url=url, proposal=proposal)
        for person in people.values()
    )
    addresses = sorted({person.email for person in people.values() if person.email})
    if addresses and not _email_off.get():
        body = f"{message}\n\nOpen it in the risk register: {settings.RISKREG_BASE_URL}{url}\n"
        transaction.on_commit(lambda: _send(subject=subject, body=body, addresses=addresses))
    return notifications


def _send(*, subject: str, body: str, addresses: list[str]) -> None:
    # One message per person: nobody learns who else was told.
    messages = [EmailMessage(subject=subject, body=body, to=[address]) for address in addresses]
    try:
        get_connection().send_messages(messages)
    except OSError:
        logger.exception("Could not email %s about %r", ", ".join(addresses), subject)

"""A person's digest: their reminder lines, grouped so that what is theirs comes first and what
reached them up the ladder is said to be so (docs/domain.md#reminders)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from common.people import person_name
from reminders.models import Because, Frequency, ReminderKind

# The headings of a digest, in order: a person's own items by kind, then what has gone up to
# them as a register's owner or as the Insurance Manager.
THEIR_OWN = {
    ReminderKind.RISK_REVIEW: "Reviews of your risks",
    ReminderKind.REGISTER_REVIEW: "Your registers' review and approval",
    ReminderKind.ACTION: "Your actions",
    ReminderKind.TARGET: "Targets passed and not met",
    ReminderKind.PROPOSAL: "Escalations waiting for your decision",
    ReminderKind.NO_OWNER: "Risks on your registers with no owner",
    ReminderKind.NOT_SCORED: "Risks not yet scored",
}
PASSED_UP = {
    Because.REGISTER_OWNER: "Still overdue on registers you own",
    Because.INSURANCE_MANAGER: "Long overdue across the organisation (for the Insurance Manager)",
}


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    lines: list  # of objects with ``line`` and ``url`` (ledger rows)


def sections(reminders) -> list[Section]:
    """The reminders (ledger rows) under their headings, in the order above; empty headings
    left out."""
    grouped: dict[str, list] = {}
    for reminder in reminders:
        if reminder.because == Because.THEIRS:
            heading = THEIR_OWN[reminder.kind]
        else:
            heading = PASSED_UP[reminder.because]
        grouped.setdefault(heading, []).append(reminder)
    order = [*THEIR_OWN.values(), *PASSED_UP.values()]
    return [Section(heading, grouped[heading]) for heading in order if heading in grouped]


def subject(count: int) -> str:
    return f"Risk register: {count} reminder{'s' if count != 1 else ''} for you"


def digest_email(*, person, reminders, frequency: str) -> EmailMessage:
    """The digest as one plain-text email to one person."""
    body = render_to_string(
        "reminders/digest_email.txt",
        {
            "name": person_name(person),
            "sections": sections(reminders),
            "base_url": settings.RISKREG_BASE_URL,
            "weekly": frequency == Frequency.WEEKLY,
            "preference_url": reverse("reminders:digest-preference"),
        },
    )
    return EmailMessage(subject=subject(len(reminders)), body=body, to=[person.email])

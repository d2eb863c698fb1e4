"""Sending the reminders, and the settings that govern them (docs/domain.md#reminders).

``reminders_send`` is what ``manage.py send_reminders`` runs each day. For each organisation it
works out, in a fixed number of queries, what has reached a step of the ladder today and for
whom; writes each new (person, item, step) to the ledger with its in-app notification, in one
transaction that holds the organisation's settings row, so two runs at once cannot both write
them; then emails each person one digest of their unsent lines. A line is sent once: a second
run the same day finds it in the ledger, sent; a digest whose email failed stays unsent and goes
with the next run's digest (the notification is not made again).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from escalation.models import Notification
from registers.models import Organisation
from registers.versions import lock_at_version, save_next_version
from reminders import selectors
from reminders.digest import digest_email
from reminders.models import (
    Because,
    DigestPreference,
    Frequency,
    Reminder,
    ReminderSettings,
)

logger = logging.getLogger(__name__)

# A claim older than this is taken to be a run that died mid-send; its lines may go again.
CLAIM_EXPIRES = timedelta(hours=1)

SETTINGS_FIELDS = (
    "lead_days",
    "on_the_day",
    "first_chase_days",
    "repeat_days",
    "register_owner_after_days",
    "insurance_manager_after_days",
    "weekly_day",
)


def reminder_settings_for(*, organisation: Organisation) -> ReminderSettings:
    """The organisation's reminder settings, made with the defaults the first time."""
    settings, _created = ReminderSettings.objects.get_or_create(organisation=organisation)
    return settings


@transaction.atomic
def reminder_settings_update(
    *, settings: ReminderSettings, by: AbstractBaseUser, version: int, **fields
) -> ReminderSettings:
    """Change the ladder, unless someone else saved it since ``version`` (``StaleEdit``)."""
    unknown = set(fields) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"not reminder settings: {sorted(unknown)}")
    current = lock_at_version(
        ReminderSettings, pk=settings.pk, version=version, fields=SETTINGS_FIELDS
    )
    for name, value in fields.items():
        setattr(current, name, value)
    return save_next_version(current, by=by, reason="Reminder settings changed")


def digest_preference_set(*, user: AbstractBaseUser, frequency: str) -> DigestPreference:
    """Daily or weekly: there is no "never" (docs/domain.md#reminders)."""
    preference, _created = DigestPreference.objects.get_or_create(user=user)
    preference.frequency = frequency
    preference.full_clean()
    preference.save()
    return preference


def frequency_of(user) -> str:
    preference = getattr(user, "digest_preference", None)
    return preference.frequency if preference else Frequency.DAILY


@dataclass
class RunReport:
    """What a run did: digests emailed, people told in the app only (no email address),
    emails that failed (to be retried next run), lines newly written to the ledger."""

    emailed: list[str] = field(default_factory=list)
    in_app_only: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    new_lines: int = 0


def reminders_send(*, today: date | None = None, connection=None) -> RunReport:
    """Send today's digests for every organisation (docs/domain.md#reminders)."""
    today = today or timezone.localdate()
    report = RunReport()
    connection = connection or get_connection()
    for organisation in Organisation.objects.order_by("pk"):
        people, pending = _record_due_lines(organisation=organisation, today=today, report=report)
        for person_id, reminders in pending.items():
            _send_digest(
                person=people[person_id], reminders=reminders, connection=connection, report=report
            )
    return report


def _record_due_lines(*, organisation: Organisation, today: date, report: RunReport):
    """Write today's new lines to the ledger with their notifications; return the people and
    each one's unsent lines still due (today's new ones and any whose email failed before).
    What is due is worked out before the transaction, so the database is held only for the
    writes."""
    settings = reminder_settings_for(organisation=organisation)
    ladder = settings.ladder
    people = selectors.people(organisation=organisation)
    entries = [
        entry
        for entry in selectors.due_entries(
            organisation=organisation, ladder=ladder, today=today, active=set(people)
        )
        if _digest_day(people[entry.recipient_id], settings=settings, today=today)
    ]
    new, retried = _write_new_lines(
        entries, organisation=organisation, today=today, window=ladder.window_days
    )
    report.new_lines += len(new)
    pending: dict[int, list[Reminder]] = defaultdict(list)
    for row in [*retried, *new]:
        pending[row.recipient_id].append(row)
    return people, pending


@transaction.atomic
def _write_new_lines(entries, *, organisation: Organisation, today: date, window: int):
    """The lines not yet in the ledger, written with their notifications, and those written
    before but never sent (their email failed)."""
    # Held until the transaction ends: a second run at the same moment waits here, then finds
    # this run's lines in the ledger.
    list(ReminderSettings.objects.select_for_update().filter(organisation=organisation))
    ledger = {
        (row.recipient_id, row.kind, row.object_id, row.due_on, row.step): row
        for row in Reminder.objects.filter(
            organisation=organisation, created_on__gte=today - timedelta(days=window)
        )
    }
    new = Reminder.objects.bulk_create(
        [
            _ledger_row(entry, organisation=organisation, today=today)
            for entry in entries
            if (entry.recipient_id, *entry.item.key) not in ledger
        ],
        batch_size=500,
    )
    Notification.objects.bulk_create([_notification(row) for row in new], batch_size=500)
    retried = [
        ledger[key]
        for entry in entries
        if (key := (entry.recipient_id, *entry.item.key)) in ledger and ledger[key].sent_at is None
    ]
    return new, retried


def _notification(reminder: Reminder) -> Notification:
    """The line in the person's notifications: whole in the subject when it fits."""
    line = reminder.line
    if len(line) <= NOTIFICATION_SUBJECT:
        return Notification(recipient_id=reminder.recipient_id, subject=line, url=reminder.url)
    return Notification(
        recipient_id=reminder.recipient_id,
        subject=line[: NOTIFICATION_SUBJECT - 1] + "…",
        message=line,
        url=reminder.url,
    )


NOTIFICATION_SUBJECT = Notification._meta.get_field("subject").max_length


def _digest_day(person, *, settings: ReminderSettings, today: date) -> bool:
    """Daily digests go every day; weekly ones on the organisation's weekly day."""
    return frequency_of(person) == Frequency.DAILY or today.weekday() == settings.weekly_day


def _ledger_row(entry: selectors.Entry, *, organisation: Organisation, today: date) -> Reminder:
    item = entry.item
    return Reminder(
        organisation=organisation,
        recipient_id=entry.recipient_id,
        kind=item.kind,
        object_id=item.object_id,
        due_on=item.due_on,
        step=item.step,
        because=entry.because,
        line=_line_for(entry),
        url=item.url,
        created_on=today,
    )


def _send_digest(*, person, reminders: list[Reminder], connection, report: RunReport) -> None:
    """Email one person their digest, unless another run has it in hand; mark the lines sent
    only once the email has gone, and leave them for the next run when it fails."""
    now = timezone.now()
    ids = [reminder.pk for reminder in reminders]
    claimable = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_EXPIRES)
    claimed = Reminder.objects.filter(claimable, pk__in=ids, sent_at__isnull=True)
    if claimed.update(claimed_at=now) != len(ids):
        Reminder.objects.filter(pk__in=ids, claimed_at=now).update(claimed_at=None)
        return
    lines = Reminder.objects.filter(pk__in=ids)
    if not person.email:
        lines.update(sent_at=now, claimed_at=None)
        report.in_app_only.append(person.get_username())
        return
    message = digest_email(person=person, reminders=reminders, frequency=frequency_of(person))
    try:
        connection.send_messages([message])
    except Exception:  # one person's failure must not stop everyone else's digest
        logger.exception("Could not email the reminder digest to %s", person.email)
        for reminder in reminders:
            reminder.attempts += 1
        Reminder.objects.bulk_update(reminders, ["attempts"])
        lines.update(claimed_at=None)
        report.failed.append(person.get_username())
        return
    lines.update(sent_at=now, claimed_at=None)
    report.emailed.append(person.get_username())


def _line_for(entry: selectors.Entry) -> str:
    """The item's line; for someone it reached up the ladder, whose it is too."""
    item = entry.item
    if entry.because == Because.THEIRS or not item.owner_note:
        return item.line
    return f"{item.line}; {item.owner_note}"

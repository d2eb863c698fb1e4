"""send_reminders on the demo council, as a new user would try it: one digest to each person
with something due, the demo's overdue actions and reviews in them, nothing on a second run,
and what has stayed overdue past the ladder's step reaching the register's owner."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from demo.loader import load_demo
from registers.models import Action, Risk, action_overdue_q, review_overdue_q
from reminders.models import Because, Reminder, ReminderKind

pytestmark = pytest.mark.django_db


def test_the_demo_councils_reminders(capsys):
    load_demo()
    today = timezone.localdate()
    call_command("send_reminders")
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)) > 10  # one digest a person
    assert "digest(s) emailed" in capsys.readouterr().out

    told = {line.recipient_id for line in Reminder.objects.all()}
    users = get_user_model().objects.in_bulk(told)
    assert sorted(recipients) == sorted(users[pk].email for pk in told)

    overdue_action = (
        Action.objects.filter(action_overdue_q(today=today), owner__isnull=False)
        .select_related("owner")
        .first()
    )
    overdue_review = Risk.objects.filter(review_overdue_q(today=today)).first()
    assert overdue_action is not None and overdue_review is not None
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert overdue_action.description[:40] in by_address[overdue_action.owner.email]
    assert Reminder.objects.filter(
        kind=ReminderKind.RISK_REVIEW, object_id=overdue_review.pk
    ).exists()
    assert "overdue by" in by_address[overdue_review.owner.email]

    # Something overdue past the ladder's step reaches the owner of its register.
    passed_up = Reminder.objects.filter(because=Because.REGISTER_OWNER).select_related("recipient")
    assert passed_up.exists()
    line = passed_up.first()
    assert "Still overdue on registers you own" in by_address[line.recipient.email]
    assert line.line in by_address[line.recipient.email]

    mail.outbox.clear()
    call_command("send_reminders")
    assert mail.outbox == []
    assert "0 digest(s) emailed" in capsys.readouterr().out

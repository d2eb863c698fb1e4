"""send_reminders with a frozen clock: every kind of reminder, the ladder, one digest a person,
nothing twice, a failed email retried, weekly digests, and nothing a person may not see."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from escalation.models import Notification, Proposal
from escalation.permissions import can_view_proposal
from registers.models import Action, Register, Risk
from registers.permissions import can_view_register, can_view_risk
from reminders.models import Because, DigestPreference, Frequency, Reminder, ReminderKind
from reminders.services import reminder_settings_for, reminders_send
from tests.escalation.test_services import propose
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db


def digests():
    """The emails sent, by recipient's username."""
    return {message.to[0].split("@")[0]: message for message in mail.outbox}


def body_of(username):
    return digests()[username].body


def owned_risk(org, clock, *, owner="officer", register=None, **fields):
    """An open risk whose review is not due for a long while, unless ``fields`` say so."""
    defaults = {
        "next_review_due": clock.today + timedelta(days=200),
        "created_at": timezone.now() - timedelta(days=3),
    }
    return RiskFactory(
        register=register or org.service_register,
        owner=org.people[owner] if owner else None,
        **{**defaults, **fields},
    )


def test_a_risk_review_is_reminded_ahead_on_the_day_and_when_overdue(org, clock):
    risk = owned_risk(org, clock, next_review_due=clock.today + timedelta(days=14))
    reminders_send()
    assert list(digests()) == ["officer"]
    assert f"{risk.reference} {risk.title} (Adult Care service): review due in 14 days" in (
        body_of("officer")
    )
    assert "Reviews of your risks" in body_of("officer")
    assert f"/risks/{risk.pk}/" in body_of("officer")

    mail.outbox.clear()
    clock.day(clock.today + timedelta(days=14))
    reminders_send()
    assert "review due today" in body_of("officer")

    mail.outbox.clear()
    clock.day(clock.today + timedelta(days=7))
    reminders_send()
    assert "review overdue by 7 days" in body_of("officer")


def test_a_register_review_goes_to_its_owner(org, clock):
    register = org.directorate_register
    register.last_approved_at = timezone.now() - timedelta(days=100)
    register.last_approved_by = org.people["director"]
    register.review_interval_months = 3
    register.save()
    due_on = register.next_review_due
    clock.day(due_on)
    reminders_send()
    assert list(digests()) == ["director"]
    body = body_of("director")
    assert "Your registers' review and approval" in body
    assert "People directorate: review and approval due today" in body


def test_an_action_goes_to_its_owner_and_falls_back_to_the_risks_owner(org, clock):
    risk = owned_risk(org, clock)
    owned = ActionFactory(
        risk=risk,
        owner=org.people["head"],
        description="Recruit two carers",
        due_date=clock.today - timedelta(days=7),
    )
    ownerless = ActionFactory(
        risk=risk, owner=None, description="Agree a fallback provider", due_date=clock.today
    )
    ActionFactory(
        risk=risk, owner=org.people["head"], due_date=clock.today - timedelta(days=3), status="done"
    )
    reminders_send()
    assert sorted(digests()) == ["head", "officer"]
    assert "Recruit two carers: overdue by 7 days" in body_of("head")
    assert f"#action-{owned.pk}" in body_of("head")
    assert "Agree a fallback provider: due today" in body_of("officer")
    assert f"#action-{ownerless.pk}" in body_of("officer")
    assert "Action" not in body_of("head").split("Recruit two carers")[1].split("The same")[0]


def test_a_target_passed_and_not_met_goes_to_the_risks_owner(org, clock):
    missed = owned_risk(
        org,
        clock,
        target_likelihood=2,
        target_impact=2,
        target_date=clock.today - timedelta(days=7),
    )
    owned_risk(  # met: the residual 3 x 3 = 9 is at its target
        org,
        clock,
        target_likelihood=3,
        target_impact=3,
        target_date=clock.today - timedelta(days=7),
    )
    reminders_send()
    body = body_of("officer")
    assert "Targets passed and not met" in body
    assert f"{missed.reference} {missed.title} (Adult Care service): target score 4 by" in body
    assert "not met (residual 9), waiting 7 days" in body
    assert body.count("target score") == 1


def test_an_escalation_waiting_for_a_decision_goes_to_the_decider(org, clock):
    proposal = propose(org)
    Proposal.objects.filter(pk=proposal.pk).update(proposed_at=timezone.now() - timedelta(days=7))
    reminders_send()
    body = body_of("director")  # the owner of the directorate register it would join
    assert "Escalations waiting for your decision" in body
    assert f"Escalation of {proposal.risk.reference}" in body
    assert "to People directorate: waiting for a decision, waiting 7 days" in body
    assert f"/escalations/{proposal.pk}/" in body


def test_risks_with_no_owner_or_no_scores_go_to_the_register_owner_and_the_owner(org, clock):
    week_ago = timezone.now() - timedelta(days=7)
    ownerless = owned_risk(org, clock, owner=None, created_at=week_ago)
    unscored = owned_risk(
        org, clock, created_at=week_ago, residual_likelihood=None, residual_impact=None
    )
    owned_risk(org, clock, owner=None)  # only three days without an owner: not yet
    reminders_send()
    assert f"{ownerless.reference} {ownerless.title} (Adult Care service): has no owner" in (
        body_of("head")
    )
    assert f"{unscored.reference} {unscored.title} (Adult Care service): residual score not " in (
        body_of("officer")
    )
    assert "Risks not yet scored" in body_of("officer")


def test_the_ladder_chases_and_goes_up_to_the_register_owner_then_the_insurance_manager(org, clock):
    action = ActionFactory(
        risk=owned_risk(org, clock),
        owner=org.people["officer"],
        due_date=clock.today + timedelta(days=20),
    )
    start = clock.today
    told = {}
    for day in range(0, 75):
        clock.day(start + timedelta(days=day))
        mail.outbox.clear()
        reminders_send()
        for username in digests():
            told.setdefault(username, []).append(day - 20)  # days from the due date
    assert told["officer"] == [-14, 0, 7, 21, 35, 49]
    assert told["head"] == [21, 35, 49]  # the register's owner, from 21 days overdue
    # The Insurance Manager from 42 days overdue: on the first run past it, then with the ladder.
    assert told["insurance"] == [42, 49]
    assert set(told) == {"officer", "head", "insurance"}
    passed_up = Reminder.objects.filter(recipient=org.people["insurance"]).last()
    assert passed_up.because == Because.INSURANCE_MANAGER
    assert passed_up.object_id == action.pk
    assert passed_up.line.endswith(f"; owner {org.people['officer'].get_full_name()}")


def test_the_ladder_follows_the_organisations_settings(org, clock):
    settings = reminder_settings_for(organisation=org.organisation)
    settings.lead_days, settings.on_the_day = "30, 7", False
    settings.first_chase_days, settings.repeat_days = 3, 5
    settings.register_owner_after_days = settings.insurance_manager_after_days = 8
    settings.save()
    ActionFactory(
        risk=owned_risk(org, clock),
        owner=org.people["officer"],
        due_date=clock.today + timedelta(days=30),
    )
    start, told = clock.today, {}
    for day in range(0, 45):
        clock.day(start + timedelta(days=day))
        mail.outbox.clear()
        reminders_send()
        for username in digests():
            told.setdefault(username, []).append(day - 30)
    assert told["officer"] == [-30, -7, 3, 8, 13]
    assert told["head"] == told["insurance"] == [8, 13]


def test_one_digest_a_person_and_a_second_run_that_day_sends_nothing(org, clock):
    risk = owned_risk(org, clock, next_review_due=clock.today - timedelta(days=7))
    ActionFactory(risk=risk, owner=org.people["officer"], due_date=clock.today)
    ActionFactory(risk=risk, owner=org.people["officer"], due_date=clock.today + timedelta(days=14))
    reminders_send()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Risk register: 3 reminders for you"
    assert Notification.objects.filter(recipient=org.people["officer"]).count() == 3

    mail.outbox.clear()
    report = reminders_send()
    assert mail.outbox == []
    assert report.new_lines == 0
    assert Notification.objects.filter(recipient=org.people["officer"]).count() == 3

    clock.day(clock.today + timedelta(days=1))  # the next day: no step reached, nothing new
    reminders_send()
    assert mail.outbox == []


def test_the_command_says_what_it_did(org, clock, capsys):
    owned_risk(org, clock, next_review_due=clock.today)
    call_command("send_reminders")
    assert "1 digest(s) emailed" in capsys.readouterr().out
    call_command("send_reminders")
    assert "0 digest(s) emailed, 0 person(s) told in the app only" in capsys.readouterr().out


def test_the_command_runs_as_on_another_day_and_refuses_a_date_it_cannot_read(org, clock):
    from django.core.management.base import CommandError

    owned_risk(org, clock, next_review_due=clock.today + timedelta(days=30))
    call_command("send_reminders")
    assert mail.outbox == []
    call_command("send_reminders", "--date", str(clock.today + timedelta(days=30)))
    assert "review due today" in body_of("officer")
    with pytest.raises(CommandError, match="--date takes YYYY-MM-DD"):
        call_command("send_reminders", "--date", "30/03/2026")


def test_a_failed_email_makes_the_command_fail_for_cron_to_report(org, clock, monkeypatch):
    import reminders.services

    owned_risk(org, clock, next_review_due=clock.today)
    monkeypatch.setattr(reminders.services, "get_connection", lambda: FailingFor("officer"))
    with pytest.raises(SystemExit) as exit_:
        call_command("send_reminders")
    assert exit_.value.code == 1


def test_a_long_line_is_whole_in_the_notification(org, clock):
    risk = owned_risk(org, clock, title="A very long title " * 10, next_review_due=clock.today)
    reminders_send()
    notification = Notification.objects.get()
    assert len(notification.subject) == 200 and notification.subject.endswith("…")
    assert notification.message.startswith(f"{risk.reference} A very long title")
    assert notification.message.endswith(")") and "review due today" in notification.message


class FailingFor:
    """A mail connection that refuses the messages to some addresses (a mailbox full, a
    server down) and delivers the rest to ``mail.outbox``."""

    def __init__(self, *usernames):
        self.usernames = set(usernames)

    def send_messages(self, messages):
        for message in messages:
            if message.to[0].split("@")[0] in self.usernames:
                raise OSError("mail server unavailable")
            mail.outbox.append(message)
        return len(messages)


def test_a_failed_email_is_retried_next_run_and_never_sent_twice(org, clock, caplog):
    owned_risk(org, clock, next_review_due=clock.today)
    owned_risk(org, clock, owner="head", next_review_due=clock.today)
    report = reminders_send(connection=FailingFor("officer"))
    assert list(digests()) == ["head"]
    assert report.failed == ["officer"]
    assert "Could not email the reminder digest" in caplog.text
    line = Reminder.objects.get(recipient=org.people["officer"])
    assert (line.sent_at, line.attempts, line.claimed_at) == (None, 1, None)
    # The notification is in the app at once, whatever became of the email.
    assert Notification.objects.filter(recipient=org.people["officer"]).count() == 1

    mail.outbox.clear()
    clock.now += timedelta(hours=1)  # a second run the same morning retries it
    report = reminders_send()
    assert list(digests()) == ["officer"]
    assert "review due today" in body_of("officer")
    assert Notification.objects.filter(recipient=org.people["officer"]).count() == 1
    line.refresh_from_db()
    assert line.sent_at == clock.now

    mail.outbox.clear()
    reminders_send()
    assert mail.outbox == []


def test_a_line_another_run_is_sending_is_not_sent_again(org, clock):
    owned_risk(org, clock, next_review_due=clock.today)
    reminders_send(connection=FailingFor("officer"))
    Reminder.objects.update(claimed_at=timezone.now())  # another run has it in hand
    reminders_send()
    assert mail.outbox == []
    clock.now += timedelta(hours=2)  # that run died: its claim lapses
    reminders_send()
    assert list(digests()) == ["officer"]


def test_a_weekly_digest_comes_on_the_weekly_day_with_the_latest_step(org, clock):
    DigestPreference.objects.create(user=org.people["officer"], frequency=Frequency.WEEKLY)
    owned_risk(org, clock, next_review_due=clock.today + timedelta(days=2))  # Wednesday
    clock.day(clock.today + timedelta(days=1))  # Tuesday: weekly people hear nothing
    reminders_send()
    assert mail.outbox == []
    assert not Notification.objects.exists()
    clock.day(clock.today + timedelta(days=6))  # Monday: overdue by 5 days, said once
    reminders_send()
    body = body_of("officer")
    assert "review overdue by 5 days" in body
    assert "due in" not in body
    assert "You receive this digest weekly" in body


def test_someone_with_no_email_address_is_told_in_the_app_only(org, clock):
    officer = org.people["officer"]
    officer.email = ""
    officer.save()
    owned_risk(org, clock, next_review_due=clock.today)
    report = reminders_send()
    assert mail.outbox == []
    assert report.in_app_only == ["officer"]
    notification = Notification.objects.get(recipient=officer)
    assert "review due today" in notification.subject
    assert Reminder.objects.get().sent_at is not None


def test_people_who_have_left_are_not_reminded_and_their_risks_go_to_the_register_owner(org, clock):
    officer = org.people["officer"]
    officer.is_active = False
    officer.save()
    risk = owned_risk(org, clock, next_review_due=clock.today)
    reminders_send()
    assert list(digests()) == ["head"]
    assert f"{risk.reference}" in body_of("head")


def test_a_digest_never_mentions_what_its_reader_may_not_see(org, clock):
    """Everything the small council has due, waiting or long overdue, every reminder line
    checked against the viewing rules of registers/permissions.py and escalation's."""
    long_ago = timezone.now() - timedelta(days=60)
    for register in (
        org.corporate,
        org.directorate_register,
        org.service_register,
        org.project_register,
        org.other_service_register,
        org.other_directorate_register,
    ):
        register.last_approved_at, register.last_approved_by = (
            long_ago - timedelta(days=60),
            register.owner,
        )
        register.save()
        risk = RiskFactory(
            register=register,
            owner=register.owner,
            next_review_due=clock.today - timedelta(50),
            created_at=long_ago,
            residual_likelihood=None,
            residual_impact=None,
        )
        RiskFactory(register=register, owner=None, created_at=long_ago)
        # An action on this register's risk owned by someone of another directorate.
        ActionFactory(risk=risk, owner=org.people["other_officer"], due_date=clock.today)
    Proposal.objects.filter(pk=propose(org).pk).update(proposed_at=long_ago)
    reminders_send()
    lines = list(Reminder.objects.select_related("recipient"))
    assert {line.kind for line in lines} == set(ReminderKind.values) - {ReminderKind.TARGET}
    for line in lines:
        user = line.recipient
        if line.kind == ReminderKind.REGISTER_REVIEW:
            assert can_view_register(user, Register.objects.get(pk=line.object_id)), line
        elif line.kind == ReminderKind.ACTION:
            assert can_view_risk(user, Action.objects.get(pk=line.object_id).risk), line
        elif line.kind == ReminderKind.PROPOSAL:
            assert can_view_proposal(user, Proposal.objects.get(pk=line.object_id)), line
        else:
            assert can_view_risk(user, Risk.objects.get(pk=line.object_id)), line
    # The officer of Highways hears of their own actions on the People registers, nothing else.
    theirs = [line for line in lines if line.recipient == org.people["other_officer"]]
    assert {line.kind for line in theirs} == {ReminderKind.ACTION}
    assert "Highways" not in body_of("head")


def build_council(org, clock, *, risks: int):
    """``risks`` risks spread over the registers, each with a review and an action due."""
    registers = [
        org.corporate,
        org.directorate_register,
        org.service_register,
        org.other_service_register,
    ]
    owners = ["chief", "director", "officer", "other_officer"]
    for number in range(risks):
        register, owner = registers[number % 4], org.people[owners[number % 4]]
        # Every one long overdue: the register owners and the Insurance Manager hear of them too.
        late = timedelta(days=42 + number % 30)
        risk = RiskFactory(register=register, owner=owner, next_review_due=clock.today - late)
        ActionFactory(risk=risk, owner=owner, due_date=clock.today - late)


def kinds_of(queries) -> dict[str, int]:
    counts: dict[str, int] = {}
    for query in queries:
        verb = query["sql"].split()[0].upper()
        counts[verb] = counts.get(verb, 0) + 1
    return counts


@pytest.mark.parametrize("risks", [8, 80])
def test_a_run_takes_a_bounded_number_of_queries_whatever_the_number_of_risks(org, clock, risks):
    """Reads: a fixed number per organisation. Writes: the new lines and their notifications
    in batches (as many rows as the database takes in one statement), and two a person
    emailed (claiming their lines, marking them sent): never one per item."""
    build_council(org, clock, risks=risks)
    reminder_settings_for(organisation=org.organisation)
    with CaptureQueriesContext(connection) as run:
        reminders_send()
    # The owners (chief, director, officer, other_officer), the owners of their registers
    # (head, other_director) and the Insurance Manager: one digest each.
    people = len(mail.outbox)
    assert people == 7
    kinds = kinds_of(run.captured_queries)
    assert kinds["SELECT"] == 10
    assert kinds["UPDATE"] == 2 * people
    lines = Reminder.objects.count()
    # SQLite caps the parameters of a statement; PostgreSQL takes every row in one.
    rows_a_statement = connection.ops.bulk_batch_size(
        [field for field in Reminder._meta.concrete_fields if not field.primary_key],
        [None] * lines,
    )
    assert kinds["INSERT"] <= 2 * -(-lines // rows_a_statement)


def test_a_run_with_ten_times_the_risks_reads_the_same_queries(org, clock):
    reminder_settings_for(organisation=org.organisation)
    build_council(org, clock, risks=8)
    with CaptureQueriesContext(connection) as small:
        reminders_send()
    Reminder.objects.all().delete()
    Notification.objects.all().delete()
    build_council(org, clock, risks=72)
    with CaptureQueriesContext(connection) as large:
        reminders_send()
    reads = [kinds_of(run.captured_queries)["SELECT"] for run in (small, large)]
    assert reads[0] == reads[1]

"""``manage.py send_reminders``: each person's digest of what is due, overdue or waiting on
them, run once a day (README, Reminders; docs/domain.md#reminders)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from reminders.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email each person one digest of their reviews, actions, targets and decisions due or "
        "overdue, by the organisation's chasing ladder, and put the same in their "
        "notifications. Safe to run again: nothing is sent twice, and a digest that could not "
        "be emailed is retried by the next run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Send as on this day (YYYY-MM-DD) instead of today: for trying the ladder out.",
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date takes YYYY-MM-DD, not {options['date']!r}") from error
        report = reminders_send(today=today)
        self.stdout.write(
            f"{len(report.emailed)} digest(s) emailed, {len(report.in_app_only)} person(s) told "
            f"in the app only (no email address), {report.new_lines} new reminder line(s)."
        )
        if report.failed:
            self.stderr.write(
                f"{len(report.failed)} digest(s) could not be emailed and will be retried on the "
                f"next run: {', '.join(report.failed)}."
            )
            raise SystemExit(1)

"""Reminders: each organisation's chasing ladder (set by the Insurance Manager), each person's
choice of daily or weekly digest, and the ledger of what was sent to whom for which item and
step (docs/domain.md#reminders)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from registers.models import Organisation, Versioned
from reminders.ladder import Ladder

MAX_DAYS = 365


def days_field(verbose_name: str, default: int, help_text: str, *, minimum: int = 1):
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=default,
        validators=[MinValueValidator(minimum), MaxValueValidator(MAX_DAYS)],
        help_text=help_text,
    )


def parse_lead_days(text: str) -> tuple[int, ...]:
    """'30, 7, 1' as (30, 7, 1): whole days from 1 to 365, each once, largest first."""
    parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not all(part.isdigit() and 1 <= int(part) <= MAX_DAYS for part in parts):
        raise ValidationError(
            "Give whole numbers of days from 1 to 365, separated by commas, e.g. 30, 7, 1.",
            code="lead_days_invalid",
        )
    return tuple(sorted({int(part) for part in parts}, reverse=True))


class WeekDay(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"


class ReminderSettings(Versioned):
    """The organisation's lead times and chasing ladder, which the Insurance Manager edits.
    One per organisation, created with the defaults the first time anyone asks."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    lead_days = models.CharField(
        "reminders before the due date",
        max_length=60,
        default="14",
        blank=True,
        help_text="Days before a review or an action is due, separated by commas, e.g. 30, 7, 1. "
        "Leave blank for no reminder before the due date.",
    )
    on_the_day = models.BooleanField(
        "remind on the due date", default=True, help_text="A reminder on the day it is due."
    )
    first_chase_days = days_field(
        "first reminder when overdue, after (days)",
        7,
        "Days after the due date for the first overdue reminder. Escalation proposals, risks "
        "with no owner or no scores and targets not met are first mentioned after this many "
        "days too.",
    )
    repeat_days = days_field(
        "then every (days)", 14, "Days between reminders for as long as it stays overdue."
    )
    register_owner_after_days = days_field(
        "tell the register's owner after (days overdue)",
        21,
        "From this many days overdue, the owner of the register is reminded too.",
    )
    insurance_manager_after_days = days_field(
        "tell the Insurance Manager after (days overdue)",
        42,
        "From this many days overdue, the Insurance Manager is reminded too.",
    )
    weekly_day = models.PositiveSmallIntegerField(
        "weekly digests go out on",
        choices=WeekDay.choices,
        default=WeekDay.MONDAY,
        help_text="For the people who chose a weekly digest.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "reminder settings"
        verbose_name_plural = "reminder settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(first_chase_days__gte=1, repeat_days__gte=1),
                name="reminder_chasing_days_positive",
            ),
            models.CheckConstraint(
                condition=Q(
                    insurance_manager_after_days__gte=models.F("register_owner_after_days")
                ),
                name="reminder_insurance_manager_after_register_owner",
                violation_error_message="The Insurance Manager is told no sooner than the "
                "register's owner.",
            ),
            models.CheckConstraint(
                condition=Q(weekly_day__gte=0, weekly_day__lte=4), name="reminder_weekly_day_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Reminder settings of {self.organisation}"

    def clean(self):
        errors = {}
        try:
            self.lead_days = ", ".join(str(days) for days in parse_lead_days(self.lead_days))
        except ValidationError as error:
            errors["lead_days"] = error
        if (
            self.insurance_manager_after_days is not None
            and self.register_owner_after_days is not None
            and self.insurance_manager_after_days < self.register_owner_after_days
        ):
            errors["insurance_manager_after_days"] = ValidationError(
                "Tell the Insurance Manager no sooner than the register's owner: give at least "
                "%(days)s days.",
                code="insurance_manager_too_soon",
                params={"days": self.register_owner_after_days},
            )
        if errors:
            raise ValidationError(errors)

    @property
    def ladder(self) -> Ladder:
        return Ladder(
            lead_days=parse_lead_days(self.lead_days),
            on_the_day=self.on_the_day,
            first_chase_days=self.first_chase_days,
            repeat_days=self.repeat_days,
            register_owner_after_days=self.register_owner_after_days,
            insurance_manager_after_days=self.insurance_manager_after_days,
        )


class Frequency(models.TextChoices):
    DAILY = "daily", "Daily: each morning there is something new"
    WEEKLY = "weekly", "Weekly: one digest a week"


class DigestPreference(models.Model):
    """How often a person receives their digest: daily (the default) or weekly, never none.
    Whoever has not chosen gets the daily digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    frequency = models.CharField(max_length=6, choices=Frequency.choices, default=Frequency.DAILY)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values), name="digest_frequency_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_frequency_display()}"


class ReminderKind(models.TextChoices):
    RISK_REVIEW = "risk_review", "Risk review"
    REGISTER_REVIEW = "register_review", "Register review and approval"
    ACTION = "action", "Action"
    TARGET = "target", "Target date passed, target not met"
    PROPOSAL = "proposal", "Escalation waiting for a decision"
    NO_OWNER = "no_owner", "Risk with no owner"
    NOT_SCORED = "not_scored", "Risk not scored"


class Because(models.TextChoices):
    """Why this person is told: it is theirs, or it has stayed overdue long enough to go up."""

    THEIRS = "theirs", "Theirs"
    REGISTER_OWNER = "register_owner", "Owner of the register"
    INSURANCE_MANAGER = "insurance_manager", "Insurance Manager"


class Reminder(models.Model):
    """One line of one person's digest: an item (``kind``, ``object_id``) counted from
    ``due_on``, at one step of the ladder. Unique, so that a second run mentions nothing again;
    ``sent_at`` is empty until the digest carrying it went out, so a failed email is retried by
    the next run, and ``claimed_at`` keeps two runs at once from both sending it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    object_id = models.PositiveBigIntegerField()
    due_on = models.DateField(help_text="The date the ladder counts from.")
    step = models.SmallIntegerField(help_text="Days from due_on: negative before it.")
    because = models.CharField(max_length=20, choices=Because.choices, default=Because.THEIRS)
    line = models.TextField(help_text="The line as the digest and the notification gave it.")
    url = models.CharField(max_length=300)
    created_on = models.DateField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["created_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "object_id", "due_on", "step"],
                name="reminder_once_per_step",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ReminderKind.values), name="reminder_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(because__in=Because.values), name="reminder_because_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "created_on"]),
            models.Index(fields=["recipient", "sent_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.line}"

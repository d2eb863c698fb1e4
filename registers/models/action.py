"""A risk's controls in place and its planned actions (docs/domain.md section 5), and the SQL
form of "overdue" for them."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from registers import due
from registers.models.risk import Risk
from registers.models.versioned import Versioned


class ActionKind(models.TextChoices):
    CONTROL = "control", "Control in place"
    ACTION = "action", "Planned action"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class TreatType(models.TextChoices):
    """How a treating action works on the risk (Part 4, docs/domain.md#mitigation)."""

    PREVENTION = "prevention", "Prevention (makes it less likely)"
    CONTAINMENT = "containment", "Containment (lessens the impact if it happens)"
    CONTINGENCY = "contingency", "Contingency (what is done once it has happened)"


class ControlType(models.TextChoices):
    """What a control in place does (Orange Book Part II, docs/domain.md#controls-and-assurance)."""

    PREVENTIVE = "preventive", "Preventive"
    DETECTIVE = "detective", "Detective"
    DIRECTIVE = "directive", "Directive"
    CORRECTIVE = "corrective", "Corrective"


class Effectiveness(models.TextChoices):
    """How well a control in place works, as last assessed; a new or imported control is not
    assessed, and a planned action is never rated (docs/domain.md#controls-and-assurance)."""

    EFFECTIVE = "effective", "Effective"
    PARTLY_EFFECTIVE = "partly_effective", "Partly effective"
    INEFFECTIVE = "ineffective", "Ineffective"
    NOT_ASSESSED = "not_assessed", "Not assessed"


ACTIVE_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def action_overdue_q(*, today: date) -> Q:
    """The actions late on ``today``, in SQL: ``Action.is_overdue`` for a filter or a count.
    Only an action not yet done or cancelled is late, and only from the day after its due date
    (``due.is_overdue``, docs/domain.md section 5); an action with no date never is."""
    return Q(status__in=ACTIVE_ACTION_STATUSES, due_date__lt=today)


class ActionQuerySet(models.QuerySet):
    def with_latest_assurance(self) -> ActionQuerySet:
        """Each action with ``latest_assurance_on``, the date of its latest assurance (None
        without one), which the key-control warning reads."""
        return self.annotate(latest_assurance_on=models.Max("assurances__given_on"))


class Action(Versioned):
    """A control in place or a planned action mitigating a risk (SMARTER, Part 4). A control
    also has its type, effectiveness and whether it is a key control; on a planned action
    those stay blank, not assessed and not key (the database refuses anything else)."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(max_length=10, choices=ActionKind.choices, default=ActionKind.ACTION)
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_actions",
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField(null=True, blank=True)
    cost = models.DecimalField(
        "cost in pounds",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="In pounds, where known.",
    )
    evaluation_notes = models.TextField(blank=True, help_text="How well it is working.")
    treat_type = models.CharField(
        "type of treatment", max_length=12, choices=TreatType.choices, blank=True
    )
    measure_of_success = models.TextField(
        blank=True, help_text="How anyone will know it has worked (SMARTER: measurable)."
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who agreed it (SMARTER: agreed).",
    )
    agreed_on = models.DateField(null=True, blank=True)
    review_date = models.DateField(
        null=True, blank=True, help_text="When its effect is next reviewed (SMARTER: reviewed)."
    )
    control_type = models.CharField(
        "type of control", max_length=12, choices=ControlType.choices, blank=True
    )
    effectiveness = models.CharField(
        max_length=16, choices=Effectiveness.choices, default=Effectiveness.NOT_ASSESSED
    )
    key_control = models.BooleanField(
        "key control",
        default=False,
        help_text="A control the risk chiefly relies on: its assurance is reported.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "kind", "due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ActionKind.values), name="action_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values), name="action_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0), name="action_cost_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(treat_type__in=[*TreatType.values, ""]),
                name="action_treat_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(agreed_by__isnull=True, agreed_on__isnull=True)
                | Q(agreed_by__isnull=False, agreed_on__isnull=False),
                name="action_agreement_whole",
                violation_error_message="An agreement records both who agreed and when.",
            ),
            models.CheckConstraint(
                condition=Q(control_type__in=[*ControlType.values, ""]),
                name="action_control_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(effectiveness__in=Effectiveness.values),
                name="action_effectiveness_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind=ActionKind.CONTROL)
                | Q(control_type="", effectiveness=Effectiveness.NOT_ASSESSED, key_control=False),
                name="action_planned_not_rated",
                violation_error_message="Only a control in place has a type, a rating or is "
                "a key control.",
            ),
        ]
        indexes = [models.Index(fields=["owner", "status", "due_date"])]

    def __str__(self) -> str:
        return self.description[:80]

    def get_absolute_url(self) -> str:
        return f"{self.risk.get_absolute_url()}#action-{self.pk}"

    def is_overdue(self, today: date | None = None) -> bool:
        return self.status in ACTIVE_ACTION_STATUSES and due.is_overdue(
            self.due_date, today or timezone.localdate()
        )

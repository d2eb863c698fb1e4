"""Reads for the signed-in user's home page: their own work, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F

from registers.models import (
    ACTIVE_ACTION_STATUSES,
    Action,
    Register,
    ReportStatus,
    Risk,
    RiskReport,
    RiskStatus,
)
from registers.selectors import organisation_bands
from scoring import matrix

# How far ahead the home page looks for actions and reviews coming due.
LOOK_AHEAD = timedelta(days=30)


@dataclass
class Home:
    my_risks: list[Risk]
    my_actions: list[Action]
    reviews_due: list[Risk]
    reports_waiting: list[RiskReport]
    my_registers: list[Register]
    bands: dict[int, tuple[matrix.Band, ...]]
    today: date


def home_for(*, user: AbstractBaseUser, today: date) -> Home:
    """My open risks, my actions due within 30 days or overdue, risks due for review on the
    registers I own, risks reported to those registers awaiting my decision, and the
    registers themselves."""
    horizon = today + LOOK_AHEAD
    my_risks = list(
        Risk.objects.filter(owner=user, status=RiskStatus.OPEN)
        .select_related("register")
        .with_scores()
        .order_by(F("residual_score").desc(nulls_last=True), "reference")
    )
    my_actions = list(
        Action.objects.filter(
            owner=user, status__in=ACTIVE_ACTION_STATUSES, risk__status=RiskStatus.OPEN
        )
        .filter(due_date__lte=horizon)
        .select_related("risk")
        .order_by("due_date", "pk")
    )
    my_registers = list(
        Register.objects.filter(owner=user, closed_at__isnull=True)
        .select_related("organisation")
        .order_by("name")
    )
    reviews_due = list(
        Risk.objects.filter(
            register__owner=user, status=RiskStatus.OPEN, next_review_due__lte=horizon
        )
        .select_related("register", "owner")
        .order_by("next_review_due", "reference")
    )
    reports_waiting = list(
        RiskReport.objects.filter(register__owner=user, status=ReportStatus.PENDING)
        .select_related("register", "reported_by")
        .order_by("reported_at")
    )
    organisation_ids = {r.register.organisation_id for r in my_risks + reviews_due}
    organisation_ids |= {r.organisation_id for r in my_registers}
    profile = getattr(user, "profile", None)
    if profile is not None:
        organisation_ids.add(profile.organisation_id)
    return Home(
        my_risks=my_risks,
        my_actions=my_actions,
        reviews_due=reviews_due,
        reports_waiting=reports_waiting,
        my_registers=my_registers,
        bands=organisation_bands(organisation_ids=organisation_ids),
        today=today,
    )

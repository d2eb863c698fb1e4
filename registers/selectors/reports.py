"""Reads for the risks colleagues report to registers."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, IntegerField, OuterRef, QuerySet, Subquery, Value, When

from registers.models import Register, ReportStatus, RiskCategory, RiskReport

_PENDING_FIRST = Case(
    When(status=ReportStatus.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
)


def register_reports(*, register: Register) -> QuerySet[RiskReport]:
    """The risks reported to a register: those waiting for a decision first, then the rest,
    newest first in each group, with the people and risks the list shows."""
    return (
        RiskReport.objects.filter(register=register)
        .select_related("reported_by", "decided_by", "risk")
        .order_by(_PENDING_FIRST, "-reported_at", "-pk")
    )


def reports_by(*, user: AbstractBaseUser) -> QuerySet[RiskReport]:
    """The risks a person has reported, newest first, with the registers and decisions."""
    return (
        RiskReport.objects.filter(reported_by=user)
        .select_related("register__owner", "decided_by", "risk")
        .order_by("-reported_at", "-pk")
    )


def report_for_page(*, pk: int) -> RiskReport:
    """One report with everything its page and its permission checks need, its category's
    label annotated (``category_label``)."""
    label = RiskCategory.objects.filter(
        organisation_id=OuterRef("register__organisation_id"), key=OuterRef("category")
    ).values("label")[:1]
    return (
        RiskReport.objects.select_related(
            "register__owner", "register__organisation", "reported_by", "decided_by", "risk"
        )
        .annotate(category_label=Subquery(label))
        .get(pk=pk)
    )

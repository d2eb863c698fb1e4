"""The risk appetite statement: its versions, the Insurance Manager's draft and SLT's
approval (docs/domain.md#risk-appetite)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from common.forms import add_service_error
from registers import permissions, roles
from registers.appetite import (
    appetite_draft_of,
    latest_approved,
    statement_in_force,
    statement_lines,
    statements_of,
)
from registers.appetite_services import appetite_approve, appetite_draft_save, appetite_draft_start
from registers.forms.appetite import AppetiteApprovalForm, AppetiteDraftForm
from registers.models import AppetiteStatement, Organisation


def _organisation_id(request: HttpRequest) -> int:
    if not permissions.can_read_appetite(request.user):
        raise PermissionDenied("The risk appetite is read by the members of an organisation.")
    return permissions.appetite_organisation_id(request.user)


def _statement(request: HttpRequest, pk: int) -> AppetiteStatement:
    """A statement of the user's own organisation; any other is not found."""
    organisation_id = _organisation_id(request)
    try:
        return AppetiteStatement.objects.select_related(
            "drafted_by", "approved_by", "recorded_by"
        ).get(pk=pk, organisation_id=organisation_id)
    except AppetiteStatement.DoesNotExist as missing:
        raise Http404("No such statement.") from missing


@require_GET
def appetite(request: HttpRequest) -> HttpResponse:
    """The statement in force today, line by line, and every version."""
    organisation_id = _organisation_id(request)
    in_force = statement_in_force(organisation_id, on=timezone.localdate())
    versions = statements_of(organisation_id)
    draft = next((s for s in versions if s.is_draft), None)
    return render(
        request,
        "registers/appetite.html",
        {
            "in_force": in_force,
            "lines": statement_lines(in_force) if in_force else [],
            "versions": versions,
            "draft": draft,
            "may_draft": permissions.can_draft_appetite(request.user),
            "may_approve": permissions.can_open_appetite_approval(request.user),
        },
    )


@require_GET
def appetite_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One version of the statement, line by line, with who drafted and approved it."""
    statement = _statement(request, pk)
    return render(
        request,
        "registers/appetite_detail.html",
        {
            "statement": statement,
            "lines": statement_lines(statement),
            "may_draft": permissions.can_draft_appetite(request.user),
            "may_approve": permissions.can_open_appetite_approval(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def appetite_edit(request: HttpRequest) -> HttpResponse:
    """The Insurance Manager edits the draft: its words and each category's line. Before a
    draft exists the form shows the statement in force, and saving starts the next version
    as a copy of it with the changes."""
    organisation_id = _organisation_id(request)
    if not permissions.can_draft_appetite(request.user):
        raise PermissionDenied("Only the Insurance Manager drafts the risk appetite statement.")
    draft = appetite_draft_of(organisation_id)
    source = draft or latest_approved(organisation_id)
    form = AppetiteDraftForm(
        request.POST if request.method == "POST" else None,
        statement=source,
        organisation_id=organisation_id,
    )
    if form.is_bound and form.is_valid():
        try:
            with transaction.atomic():
                draft = draft or appetite_draft_start(
                    organisation=Organisation.objects.get(pk=organisation_id), by=request.user
                )
                appetite_draft_save(
                    statement=draft,
                    by=request.user,
                    summary=form.cleaned_data["summary"],
                    lines=form.lines(),
                )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Draft version {draft.version} saved.")
            return redirect("registers:appetite-detail", pk=draft.pk)
    return render(
        request,
        "registers/appetite_edit.html",
        {"draft": draft, "source": source, "form": form},
        status=400 if form.is_bound else 200,
    )


def _slt_members(organisation_id: int):
    return (
        get_user_model()
        .objects.filter(
            groups__name=roles.SLT, profile__organisation_id=organisation_id, is_active=True
        )
        .exclude(groups__name__in=roles.READ_ONLY)
        .select_related("profile")
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@require_http_methods(["GET", "POST"])
def appetite_approval(request: HttpRequest, pk: int) -> HttpResponse:
    """SLT approves the draft at its meeting; the Insurance Manager records SLT's decision."""
    statement = _statement(request, pk)
    if not permissions.can_open_appetite_approval(request.user):
        raise PermissionDenied(
            "SLT approves the risk appetite; the Insurance Manager may record its approval."
        )
    if not statement.is_draft:
        messages.info(request, f"Version {statement.version} is no longer a draft.")
        return redirect("registers:appetite-detail", pk=statement.pk)
    today = timezone.localdate()
    own_name = permissions.may_approve_appetite(request.user)
    form = AppetiteApprovalForm(
        request.POST if request.method == "POST" else None,
        today=today,
        approvers=None if own_name else _slt_members(statement.organisation_id),
    )
    if form.is_bound and form.is_valid():
        try:
            appetite_approve(
                statement=statement,
                by=request.user,
                decided_by=form.cleaned_data.get("decided_by"),
                decided_on=form.cleaned_data["decided_on"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Version {statement.version} approved.")
            return redirect(reverse("registers:appetite"))
    return render(
        request,
        "registers/appetite_approval.html",
        {
            "statement": statement,
            "lines": statement_lines(statement),
            "form": form,
            "own_name": own_name,
        },
        status=400 if form.is_bound else 200,
    )

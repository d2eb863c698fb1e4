"""Opening a project, programme, partnership or shared-service register in a directorate, and
closing one with its risks moved or closed (docs/domain.md#opening-and-closing-a-register)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from registers import lifecycle, permissions
from registers.forms.register_lifecycle import RegisterCloseForm, RegisterOpenForm
from registers.models import Directorate, Register, Risk, RiskStatus


@require_http_methods(["GET", "POST"])
def register_open(request, pk: int):
    """Open a register in the directorate ``pk``: its director and the Insurance Manager."""
    directorate = get_object_or_404(Directorate.objects.select_related("organisation"), pk=pk)
    if not permissions.can_open_register(request.user, directorate):
        raise PermissionDenied(
            "Only the directorate's director or the Insurance Manager opens a register here."
        )
    form = RegisterOpenForm(
        request.POST if request.method == "POST" else None, directorate=directorate
    )
    if form.is_bound and form.is_valid():
        try:
            register = lifecycle.register_open(
                directorate=directorate, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{register.name} opened.")
            return redirect(register)
    return render(
        request,
        "registers/register_open.html",
        {"directorate": directorate, "form": form},
    )


@require_http_methods(["GET", "POST"])
def register_close(request, pk: int):
    """Close a register with a reason, each of its open risks moved to another register or
    closed, in one go."""
    register = get_object_or_404(
        Register.objects.select_related("organisation", "directorate", "service", "owner"), pk=pk
    )
    if not permissions.can_close_register(request.user, register):
        if not permissions.can_view_register(request.user, register):
            raise PermissionDenied("You do not have access to this register.")
        raise PermissionDenied(
            "Only the directorate's director or the Insurance Manager closes a project, "
            "programme, partnership or shared-service register; the corporate, directorate "
            "and service registers never close."
        )
    risks = list(
        Risk.objects.filter(register=register, status=RiskStatus.OPEN)
        .select_related("owner")
        .order_by("reference")
    )
    destinations = list(
        lifecycle.closing_destinations(register=register, by=request.user).order_by("name")
    )
    form = RegisterCloseForm(
        request.POST if request.method == "POST" else None,
        risks=risks,
        destinations=destinations,
    )
    if form.is_bound and form.is_valid():
        try:
            lifecycle.register_close(
                register=register,
                by=request.user,
                reason=form.cleaned_data["reason"],
                destinations=form.risk_destinations(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{register.name} closed. It stays on record.")
            return redirect(register)
    return render(
        request,
        "registers/register_close.html",
        {"register": register, "form": form, "risks": risks},
    )

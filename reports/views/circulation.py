"""Circulating a register's draft pack to its leadership team before the review meeting, and
the record of every circulation (docs/domain.md#register-packs)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from registers import permissions
from registers.models import Register
from reports.circulation import circulation_quarter, leadership_team, register_pack_circulate
from reports.models import Circulation


@require_http_methods(["GET", "POST"])
def register_circulate(request: HttpRequest, pk: int) -> HttpResponse:
    """Who the draft pack goes to, the button that sends it, and who it went to before."""
    register = get_object_or_404(
        Register.objects.select_related("organisation", "owner", "review_lead"), pk=pk
    )
    if not permissions.can_circulate_register(request.user, register):
        if not permissions.can_view_register(request.user, register):
            raise PermissionDenied("You do not have access to this register.")
        raise PermissionDenied(
            "Only the register's owner, its review lead or the Insurance Manager circulates "
            "its pack."
        )
    refusal = ""
    if request.method == "POST":
        try:
            circulation = register_pack_circulate(register=register, by=request.user)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            count = len(circulation.recipients)
            messages.success(
                request,
                f"The draft pack for {circulation.quarter} was sent to {count} "
                f"{'person' if count == 1 else 'people'}.",
            )
            return redirect("reports:register-circulate", pk=register.pk)
    return render(
        request,
        "reports/register_circulate.html",
        {
            "register": register,
            "team": leadership_team(register=register),
            "quarter": circulation_quarter(register=register, today=timezone.localdate()),
            "circulations": Circulation.objects.filter(register=register).select_related("sent_by"),
            "refusal": refusal,
        },
        status=400 if refusal else 200,
    )

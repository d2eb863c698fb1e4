"""A register's settings; approving its review has its own page (``reports:register-approval``)."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from registers import due, permissions, services
from registers.forms.register import RegisterSettingsForm
from registers.forms.stale import merge_stale_edit
from registers.models import Register, Tier
from registers.views.actions import register_change_refused

# Who approves a register at each tier ("reviewed and approved at the right level of
# management"): SLT the corporate register, the directorate leadership team theirs, the Head
# of Service a service register, its owner a project, programme, partnership or shared service.
APPROVED_BY = {
    Tier.CORPORATE: "the Strategic Leadership Team",
    Tier.DIRECTORATE: "the directorate leadership team",
    Tier.SERVICE: "the Head of Service",
    Tier.PROJECT: "the register's owner",
}


def _register(pk: int) -> Register:
    return get_object_or_404(
        Register.objects.select_related(
            "owner",
            "organisation",
            "review_lead",
            "last_approved_by",
            "last_approval_recorded_by",
        ),
        pk=pk,
    )


def _require_change(user, register: Register) -> None:
    if not permissions.can_change_register(user, register):
        raise register_change_refused(
            user,
            register,
            who_may="Only the register's owner or the Insurance Manager can change its settings.",
        )


def _render(request, register, *, settings_form, stale=None, status=200):
    today = timezone.localdate()
    return render(
        request,
        "registers/register_settings.html",
        {
            "register": register,
            "form": settings_form,
            "approved_by": APPROVED_BY[register.tier],
            "can_approve": permissions.can_open_approval(request.user, register),
            "next_due_if_approved": due.next_due(today, register.review_interval_months),
            "approval_overdue": register.review_overdue(today),
            "stale": stale,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def register_settings(request, pk: int):
    """Change a register's name, owner and review interval. A save based on an older version
    than the register's is refused, showing what changed in the meantime and keeping the edit
    in the form."""
    register = _register(pk)
    _require_change(request.user, register)
    # The form edits a copy: a rejected edit must not change what the rest of the page says.
    form = RegisterSettingsForm(
        request.POST if request.method == "POST" else None, instance=copy.copy(register)
    )
    stale = None
    if form.is_bound and form.is_valid():
        try:
            saved = services.register_update(
                register=register, by=request.user, **form.service_fields()
            )
        except services.StaleEdit as error:
            data, stale = merge_stale_edit(error, form=form)
            register = _register(pk)  # the approval beside the form, as it now is
            form = RegisterSettingsForm(data, instance=copy.copy(register))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Settings of {saved.name} saved.")
            return redirect(saved)
    return _render(request, register, settings_form=form, stale=stale)

"""Adding, editing and completing a risk's controls and planned actions."""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from common.forms import add_service_error
from registers import permissions, services
from registers.forms.action import ActionCompleteForm, ActionForm
from registers.forms.stale import merge_stale_edit
from registers.models import Action, ActionStatus, Risk
from registers.selectors.actions import action_history


def risk_change_refused(user, risk: Risk, *, who_may: str) -> PermissionDenied:
    """The 403 for someone who may not change ``risk``: why, without describing a risk they
    may not even see. ``who_may`` says who can, for someone who can see the risk."""
    if not permissions.can_view_risk(user, risk):
        return PermissionDenied("You do not have access to this risk.")
    if permissions.is_read_only(user):
        return PermissionDenied("Your role can read the registers but not change them.")
    if not risk.is_open:
        return PermissionDenied(f"{risk.reference} is closed, so it can no longer be changed.")
    return PermissionDenied(who_may)


def register_change_refused(user, register, *, who_may: str) -> PermissionDenied:
    """The 403 for someone who may not change ``register``: why, without describing a
    register they may not even see. ``who_may`` says who can, for someone who can see it."""
    if not permissions.can_view_register(user, register):
        return PermissionDenied("You do not have access to this register.")
    if permissions.is_read_only(user):
        return PermissionDenied("Your role can read the registers but not change them.")
    return PermissionDenied(who_may)


def _risk(pk: int) -> Risk:
    return get_object_or_404(
        Risk.objects.select_related("register__organisation", "register__owner", "owner"), pk=pk
    )


def _action(pk: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related(
            "risk__register__organisation", "risk__register__owner", "risk__owner", "owner"
        ),
        pk=pk,
    )


def _require_change_action(user, action: Action) -> None:
    if not permissions.can_change_action(user, action):
        raise risk_change_refused(
            user,
            action.risk,
            who_may=f"Only the action's owner, the owner of {action.risk.reference}, the owner "
            "of its register or the Insurance Manager can change this action.",
        )


@require_http_methods(["GET", "POST"])
def action_create(request, pk: int):
    """Add a control in place or a planned action to an open risk."""
    risk = _risk(pk)
    if not permissions.can_change_risk(request.user, risk):
        raise risk_change_refused(
            request.user,
            risk,
            who_may=f"Only the owner of {risk.reference}, the owner of its register or the "
            "Insurance Manager can add actions to it.",
        )
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        organisation_id=risk.register.organisation_id,
        instance=Action(risk=risk),
        initial={"owner": risk.owner_id},
    )
    if form.is_bound and form.is_valid():
        try:
            action = services.action_create(risk=risk, by=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{action.get_kind_display()} added to {risk.reference}.")
            return redirect(action.get_absolute_url())
    return render(
        request,
        "registers/action_form.html",
        {"form": form, "risk": risk, "action": None},
    )


@require_http_methods(["GET", "POST"])
def action_edit(request, pk: int):
    """Edit an action: its risk's owner, register owner or the Insurance Manager, or the
    person who owns the action. A save based on an older version than the action's is
    refused, showing what changed in the meantime and keeping the edit in the form."""
    action = _action(pk)
    _require_change_action(request.user, action)
    organisation_id = action.risk.register.organisation_id
    # The form edits a copy: a rejected edit must not change what the rest of the page says.
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        organisation_id=organisation_id,
        instance=copy.copy(action),
    )
    stale = None
    if form.is_bound and form.is_valid():
        try:
            saved = services.action_update(action=action, by=request.user, **form.service_fields())
        except services.StaleEdit as error:
            data, stale = merge_stale_edit(error, form=form)
            action = _action(pk)  # the page beside the form shows the action as it now is
            form = ActionForm(data, organisation_id=organisation_id, instance=copy.copy(action))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Changes saved to the action on {saved.risk.reference}.")
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "registers/action_form.html",
        {
            "form": form,
            "risk": action.risk,
            "action": action,
            "stale": stale,
            "is_done": action.status == ActionStatus.DONE,
            "complete_form": ActionCompleteForm(),
            "history": action_history(action=action),
        },
    )


@require_POST
def action_complete(request, pk: int):
    """Mark an action done today, with an optional note on how well it worked."""
    action = _action(pk)
    _require_change_action(request.user, action)
    form = ActionCompleteForm(request.POST)
    evaluation = form.cleaned_data["evaluation"] if form.is_valid() else ""
    try:
        services.action_complete(action=action, by=request.user, evaluation=evaluation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Action on {action.risk.reference} marked as done.")
    return redirect(action.get_absolute_url())

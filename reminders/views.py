"""The reminder settings page (the Insurance Manager's) and each person's digest choice."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from registers.forms.stale import merge_stale_edit
from registers.versions import StaleEdit
from reminders import permissions, services
from reminders.forms import DigestPreferenceForm, ReminderSettingsForm


@require_http_methods(["GET", "POST"])
def reminder_settings(request):
    """The organisation's lead times and chasing ladder (docs/domain.md#reminders)."""
    if not permissions.can_change_reminder_settings(request.user):
        raise PermissionDenied(
            "Only the Insurance Manager can change how the organisation's reminders chase."
        )
    organisation = request.user.profile.organisation
    current = services.reminder_settings_for(organisation=organisation)
    form = ReminderSettingsForm(
        request.POST if request.method == "POST" else None, instance=copy.copy(current)
    )
    stale = None
    if form.is_bound and form.is_valid():
        try:
            services.reminder_settings_update(
                settings=current, by=request.user, **form.service_fields()
            )
        except StaleEdit as error:
            data, stale = merge_stale_edit(error, form=form)
            form = ReminderSettingsForm(data, instance=copy.copy(error.current))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Reminder settings saved. The next run follows them.")
            return redirect("reminders:settings")
    return render(
        request,
        "reminders/reminder_settings.html",
        {"form": form, "stale": stale, "organisation": organisation},
    )


@require_http_methods(["GET", "POST"])
def digest_preference(request):
    """Daily or weekly: how often the signed-in person's own digest comes."""
    if not permissions.can_choose_digest(request.user):
        raise PermissionDenied("Reminders go to the members of an organisation.")
    initial = {"frequency": services.frequency_of(request.user)}
    form = DigestPreferenceForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        preference = services.digest_preference_set(
            user=request.user, frequency=form.cleaned_data["frequency"]
        )
        messages.success(request, f"Your digest will come {preference.frequency}.")
        return redirect("reminders:digest-preference")
    return render(request, "reminders/digest_preference.html", {"form": form})

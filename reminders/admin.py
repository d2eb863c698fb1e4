from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reminders.models import DigestPreference, Reminder, ReminderSettings


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(SimpleHistoryAdmin):
    list_display = (
        "organisation",
        "lead_days",
        "on_the_day",
        "first_chase_days",
        "repeat_days",
        "register_owner_after_days",
        "insurance_manager_after_days",
    )
    readonly_fields = ("version",)


@admin.register(DigestPreference)
class DigestPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "frequency", "updated_at")
    list_filter = ("frequency",)
    search_fields = ("user__username", "user__last_name")


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """The ledger, to read: what went to whom, and what is waiting for a retry."""

    list_display = ("created_on", "recipient", "kind", "step", "because", "sent_at", "attempts")
    list_filter = ("kind", "because", "created_on")
    search_fields = ("recipient__username", "line")
    date_hierarchy = "created_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

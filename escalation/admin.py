"""The checklists are edited here (wording, how each factor is answered, the recommendation
threshold). Proposals and notifications are read here: they change only through the app, so
their rules and notifications always apply."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from escalation.models import Checklist, Factor, Notification, Proposal


class FactorInline(admin.TabularInline):
    model = Factor
    extra = 0
    fields = ["number", "wording", "rule"]


@admin.register(Checklist)
class ChecklistAdmin(SimpleHistoryAdmin):
    list_display = ["name", "receiving_tier", "recommend_at"]
    inlines = [FactorInline]

    def has_delete_permission(self, request, obj=None):
        # Proposals point at their checklist; a checklist is reworded, never removed.
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = [
        "risk",
        "kind",
        "from_register",
        "to_register",
        "status",
        "proposed_by",
        "proposed_at",
    ]
    list_filter = ["kind", "status", "to_register__tier"]
    search_fields = ["risk__reference", "risk__title"]
    list_select_related = ["risk", "from_register", "to_register", "proposed_by"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["subject", "recipient", "created_at", "read_at"]
    list_filter = ["read_at"]
    search_fields = ["subject", "recipient__username"]
    list_select_related = ["recipient"]

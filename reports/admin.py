from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reports.models import Circulation, CommitteeNarrative


@admin.register(CommitteeNarrative)
class CommitteeNarrativeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organisation", "year", "updated_by", "updated_at"]
    list_filter = ["organisation", "year"]
    search_fields = ["introduction", "opinion"]
    list_select_related = ["organisation", "updated_by"]
    autocomplete_fields = ["updated_by"]
    readonly_fields = ["updated_at"]


@admin.register(Circulation)
class CirculationAdmin(admin.ModelAdmin):
    """The record of register packs circulated before their meetings: read, never changed."""

    list_display = ["register", "quarter", "sent_by", "sent_at", "attached"]
    list_filter = ["attached"]
    search_fields = ["register__name", "quarter"]
    list_select_related = ["register", "sent_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reports.models import CommitteeNarrative


@admin.register(CommitteeNarrative)
class CommitteeNarrativeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organisation", "year", "updated_by", "updated_at"]
    list_filter = ["organisation", "year"]
    search_fields = ["introduction", "opinion"]
    list_select_related = ["organisation", "updated_by"]
    autocomplete_fields = ["updated_by"]
    readonly_fields = ["updated_at"]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from registers.models import (
    Action,
    AppetiteLevel,
    AppetiteStatement,
    Directorate,
    Organisation,
    Portfolio,
    Profile,
    Register,
    Risk,
    Service,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "scheme"]
    list_filter = ["scheme"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Directorate)
class DirectorateAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "slug"]
    list_filter = ["organisation"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "directorate", "slug"]
    list_filter = ["directorate__organisation", "directorate"]
    search_fields = ["name", "slug"]
    list_select_related = ["directorate"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "job_title", "seniority", "directorate", "service"]
    list_filter = ["seniority", "organisation", "directorate"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "job_title"]
    list_select_related = ["user", "directorate", "service"]
    autocomplete_fields = ["user"]


@admin.register(Register)
class RegisterAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "tier",
        "kind",
        "prefix",
        "owner",
        "review_interval_months",
        "last_approved_at",
        "closed_at",
    ]
    list_filter = ["tier", "kind", "organisation", "directorate"]
    search_fields = ["name", "prefix", "owner__username", "owner__last_name"]
    list_select_related = ["owner"]
    autocomplete_fields = ["owner", "review_lead", "last_approved_by", "closed_by"]


@admin.register(Portfolio)
class PortfolioAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "holder"]
    list_filter = ["organisation"]
    search_fields = ["name", "holder__username", "holder__last_name"]
    list_select_related = ["organisation", "holder"]
    autocomplete_fields = ["holder"]
    filter_horizontal = ["registers"]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["kind", "description", "owner", "due_date", "status", "cost"]
    autocomplete_fields = ["owner"]


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = [
        "reference",
        "title",
        "register",
        "owner",
        "inherent_score",
        "residual_score",
        "response",
        "status",
        "next_review_due",
    ]
    list_filter = ["status", "register__tier", "category", "response", "horizon", "register"]
    search_fields = ["reference", "title", "event", "consequence", "impact", "owner__last_name"]
    list_select_related = ["register", "owner"]
    autocomplete_fields = ["register", "owner", "closed_by"]
    date_hierarchy = "next_review_due"
    inlines = [ActionInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["register", "reference", "title", "category", "owner", "horizon"]}),
        ("Description", {"fields": ["event", "consequence", "impact"]}),
        (
            "Scores (likelihood and impact, 1 to 5)",
            {
                "fields": [
                    ("inherent_likelihood", "inherent_impact"),
                    ("residual_likelihood", "residual_impact"),
                    ("target_likelihood", "target_impact", "target_date"),
                ]
            },
        ),
        ("Response", {"fields": ["response", "response_rationale"]}),
        ("Review", {"fields": ["last_reviewed_on", "next_review_due"]}),
        ("Closure", {"fields": ["status", "closure_reason", "closed_at", "closed_by"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description="Inherent")
    def inherent_score(self, risk):
        return risk.inherent_score

    @admin.display(description="Residual")
    def residual_score(self, risk):
        return risk.residual_score


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "risk", "kind", "owner", "due_date", "status", "cost"]
    list_filter = ["kind", "status", "risk__register__tier"]
    search_fields = ["description", "evaluation_notes", "risk__reference", "risk__title"]
    list_select_related = ["risk", "owner"]
    autocomplete_fields = ["risk", "owner"]
    date_hierarchy = "due_date"


@admin.register(AppetiteLevel)
class AppetiteLevelAdmin(admin.ModelAdmin):
    """The five levels and the tolerance a new statement line starts from
    (docs/domain.md#appetite-by-category)."""

    list_display = ["label", "rank", "default_tolerance"]
    ordering = ["rank"]


@admin.register(AppetiteStatement)
class AppetiteStatementAdmin(SimpleHistoryAdmin):
    """Read only: statements are drafted and approved on their own pages, with their rules."""

    list_display = ["organisation", "version", "status", "approved_on", "approved_by"]
    list_filter = ["organisation", "status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

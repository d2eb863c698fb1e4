from django.contrib import admin, messages

from accounts import services
from accounts.models import SecondFactorRequirement


@admin.register(SecondFactorRequirement)
class SecondFactorRequirementAdmin(admin.ModelAdmin):
    """Mark the accounts that must sign in with a second factor (superusers always must),
    and reset a person's second factor when they lose their phone."""

    list_display = ["user", "reason", "required_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    raw_id_fields = ["user"]
    actions = ["reset_second_factor"]

    @admin.action(description="Reset their second factor (they set it up again)")
    def reset_second_factor(self, request, queryset):
        for requirement in queryset.select_related("user"):
            services.second_factor_reset(user=requirement.user)
        self.message_user(request, f"{queryset.count()} reset.", messages.SUCCESS)

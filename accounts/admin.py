from django.contrib import admin, messages

from accounts import services
from accounts.models import ProviderGroupMapping, ProviderIdentity, SecondFactorRequirement


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


@admin.register(ProviderGroupMapping)
class ProviderGroupMappingAdmin(admin.ModelAdmin):
    """Which of the identity provider's groups give which role and place in the organisation;
    applied at each sign-in through the provider (docs/domain.md#organisation-sign-in)."""

    list_display = ["group", "description", "role", "organisation", "directorate", "service"]
    list_select_related = ["role", "organisation", "directorate", "service"]
    list_filter = ["role", "organisation"]
    search_fields = ["group", "description"]


@admin.register(ProviderIdentity)
class ProviderIdentityAdmin(admin.ModelAdmin):
    """Which account each person of the identity provider signs in to; deleting a link makes
    their next sign-in match by verified email again."""

    list_display = ["user", "issuer", "subject", "linked_at", "last_sign_in"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email", "subject"]
    raw_id_fields = ["user"]
    readonly_fields = ["issuer", "subject", "linked_at", "last_sign_in"]

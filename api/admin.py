from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from api import services
from api.models import AccessToken


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    """Administrators see every token (never its secret, which is not kept) and may revoke
    one, say when a person leaves or a token leaks; nobody makes one for someone else."""

    list_display = ["name", "user", "prefix", "created_at", "expires_at", "last_used_at", "status"]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username", "user__last_name"]
    list_filter = ["revoked_at"]
    fields = [*list_display[:-1], "revoked_at", "revoked_by"]
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        revoked = 0
        for token in queryset:
            try:
                services.token_revoke(token=token, by=request.user)
            except ValidationError:
                continue
            revoked += 1
        self.message_user(request, f"{revoked} token(s) revoked.", messages.SUCCESS)

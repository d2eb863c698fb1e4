"""The organisation's tree of registers."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from registers import permissions, selectors


@require_GET
def organisation(request):
    """The registers the signed-in user may see, with their open risks by band."""
    groups = selectors.register_summaries(user=request.user, today=timezone.localdate())
    return render(
        request,
        "registers/organisation.html",
        {
            "groups": groups,
            "may_change_categories": permissions.can_change_categories(request.user),
        },
    )

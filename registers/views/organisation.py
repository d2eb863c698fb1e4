"""The organisation's tree of registers."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from registers import permissions, selectors


@require_GET
def organisation(request):
    """The registers the signed-in user may see, with their open risks by band; closed ones
    only when asked for (``?closed=1``). Directors and the Insurance Manager open registers in
    their directorates from here."""
    closed = request.GET.get("closed") == "1"
    groups = selectors.register_summaries(
        user=request.user, today=timezone.localdate(), closed=closed
    )
    return render(
        request,
        "registers/organisation.html",
        {
            "groups": groups,
            "closed": closed,
            "open_in": list(permissions.directorates_to_open_in(request.user).order_by("name")),
            "may_change_categories": permissions.can_change_categories(request.user),
        },
    )

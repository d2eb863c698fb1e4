"""The organisation's tree of registers."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from registers import permissions, selectors


@require_GET
def organisation(request):
    """The registers the signed-in user may see, with their open risks by band; closed ones
    only when asked for (``?closed=1``); one directorate's only when asked for
    (``?directorate=<id>``), which is where a large organisation's page sends its readers for a
    directorate's service and project registers. Directors and the Insurance Manager open
    registers in their directorates from here."""
    closed = request.GET.get("closed") == "1"
    directorate = request.GET.get("directorate", "")
    directorate_id = int(directorate) if directorate.isdigit() else None
    groups = selectors.register_summaries(
        user=request.user, today=timezone.localdate(), closed=closed, directorate_id=directorate_id
    )
    return render(
        request,
        "registers/organisation.html",
        {
            "groups": groups,
            "closed": closed,
            "directorate_id": directorate_id,
            "overview": any(group.more for group in groups),
            "open_in": list(permissions.directorates_to_open_in(request.user).order_by("name")),
            "may_change_categories": permissions.can_change_categories(request.user),
        },
    )

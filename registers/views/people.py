"""The server side of the people pickers' type-ahead (static/js/person-picker.js)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from common.people import person_label, person_name, told_apart
from registers import permissions
from registers.selectors.people import people_matching


@require_GET
def people_search(request: HttpRequest) -> JsonResponse:
    """People the signed-in user may choose as an owner, matching ``?q=``, as JSON:
    ``{"results": [{"id", "label", "name", "seniority"}]}`` (at least two characters)."""
    asked = request.GET.get("organisation", "")
    organisation_id = permissions.people_search_organisation(
        request.user, int(asked) if asked.isdigit() else None
    )
    if organisation_id is None:
        raise PermissionDenied("You may not choose people.")
    query = request.GET.get("q", "").strip()[:100]
    people = (
        people_matching(organisation_id=organisation_id, query=query) if len(query) >= 2 else []
    )
    labels = told_apart([person_label(user) for user in people], people)
    results = [
        {
            "id": user.pk,
            "label": label,
            "name": person_name(user),
            "seniority": user.profile.seniority if hasattr(user, "profile") else None,
        }
        for user, label in zip(people, labels, strict=True)
    ]
    return JsonResponse({"results": results})

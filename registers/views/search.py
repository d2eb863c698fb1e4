"""The search in the navigation (docs/domain.md#search)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from registers.selectors import search as search_selectors


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Registers, risks and actions the person may see, matching every word searched for."""
    query = request.GET.get("q", "").strip()[:200]
    results = search_selectors.search(user=request.user, query=query)
    return render(
        request,
        "registers/search.html",
        {
            "query": query,
            "results": results,
            "too_short": bool(query) and not search_selectors.search_words(query),
            "max_risks": search_selectors.MAX_RISKS,
            "max_actions": search_selectors.MAX_ACTIONS,
        },
    )

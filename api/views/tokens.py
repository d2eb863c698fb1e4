"""The person's own API tokens, on their account page: make one (its secret shown once),
see when each was last used, revoke one (docs/domain.md#api-tokens)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from api import permissions, services
from api.forms import TokenForm

# The new token's secret, kept in the session only until the page after the redirect shows it.
_NEW_TOKEN = "api_new_token"


@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    """Every token the person made, newest first, and the form for a new one."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, key = services.token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                lifetime_days=form.cleaned_data["lifetime_days"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            request.session[_NEW_TOKEN] = {"pk": token.pk, "key": key}
            return redirect("api:tokens")
    new = request.session.pop(_NEW_TOKEN, None)
    tokens = list(permissions.own_tokens(request.user))
    return render(
        request,
        "api/token_list.html",
        {
            "form": form,
            "tokens": tokens,
            "new_key": new["key"] if new else "",
            "new_token": next((t for t in tokens if new and t.pk == new["pk"]), None),
            "api_root": request.build_absolute_uri(reverse("api:risk-list")),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of one's own tokens; anyone else's is not found."""
    token = permissions.own_tokens(request.user).filter(pk=pk).first()
    if token is None:
        raise Http404("No such token.")
    try:
        services.token_revoke(token=token, by=request.user)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, f"“{token.name}” is revoked: it opens nothing any more.")
    return redirect("api:tokens")

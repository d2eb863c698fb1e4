"""Someone who must use a second factor and signed in without one sets it up before
anything else (docs/domain.md#second-factor)."""

from django.shortcuts import redirect
from django.urls import reverse

from accounts.views import ENROL

# What such a person may still reach: setting it up, signing out, the session's countdown.
_ALLOWED = ("accounts:two-factor-setup", "logout", "session-status", "session-keepalive")


class SecondFactorEnrolmentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.session.get(ENROL) or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in _ALLOWED or request.path.startswith("/static/"):
            return None
        return redirect(reverse("accounts:two-factor-setup"))

"""Security logging, sign-in throttling by address, and the session's idle and absolute limits.

Every sign-in, failed sign-in, lockout, sign-out and refused request is logged to the
``riskreg.security`` logger with the username and the client's address (as django-axes
resolves it, so behind a proxy it is the proxy's X-Forwarded-For). Passwords never are.
"""

from __future__ import annotations

import logging
import time

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.db.models import Sum
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

log = logging.getLogger("riskreg.security")

LAST_SEEN = "riskreg_last_seen"
SIGNED_IN_AT = "riskreg_signed_in_at"
# The session is written at most this often just to move its last-seen time on.
LAST_SEEN_RESOLUTION = 60


def _address(request) -> str:
    if request is None:
        return "-"
    return get_client_ip_address(request) or "-"


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LAST_SEEN] = now
        # A silent re-check at the identity provider signs the same person in again on the
        # same session (accounts/provider.py): the ten-hour limit still counts from the first.
        request.session.setdefault(SIGNED_IN_AT, now)
    log.info("sign-in user=%s ip=%s", user.get_username(), _address(request))


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    log.warning(
        "sign-in failed username=%r ip=%s", credentials.get("username", ""), _address(request)
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    log.warning("lockout username=%r ip=%s", username, ip_address)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        log.info("sign-out user=%s ip=%s", user.get_username(), _address(request))


class AddressThrottle(AxesDatabaseHandler):
    """django-axes's handler, which pauses one username from one address after
    ``AXES_FAILURE_LIMIT`` failures, and also pauses a whole address after
    ``RISKREG_ADDRESS_FAILURES`` failures at any usernames within the cool-off: password
    spraying (a few guesses at each of many accounts) is stopped too. The address limit is
    higher than the account limit, so one office behind a shared address is not locked out
    by a few people's typing."""

    def is_whitelisted(self, request, credentials=None) -> bool:
        """The identity provider's answers are not password guesses: the provider throttles its
        own sign-in, and a refused answer has no username, so counting it would pause every
        organisation sign-in from a shared office address after a few refusals."""
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name == "accounts:oidc-callback":
            return True
        return super().is_whitelisted(request, credentials)

    def get_failures(self, request, credentials=None) -> int:
        """The failures axes holds against ``AXES_FAILURE_LIMIT``: the username and address
        pair's own, or the limit itself once the address has passed its own limit (so that
        axes's lockout, its signal and its response all follow)."""
        failures = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None) or _address(request)
        from_address = (
            AccessAttempt.objects.filter(
                ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
            ).aggregate(n=Sum("failures_since_start"))["n"]
            or 0
        )
        if from_address < settings.RISKREG_ADDRESS_FAILURES:
            return failures
        request.riskreg_address_paused = True
        return max(failures, get_failure_limit(request, credentials))


def _idle_seconds() -> int:
    return settings.RISKREG_IDLE_MINUTES * 60


def _signed_out(request, why: str, message: str):
    """Sign the person out, log why, and send them to sign in again with ``message``."""
    log.info("session %s user=%s ip=%s", why, request.user.get_username(), _address(request))
    logout(request)
    messages.info(request, message)
    return redirect_to_login(request.get_full_path())


class IdleTimeoutMiddleware:
    """Sign out a session that has made no request for ``RISKREG_IDLE_MINUTES``, or that
    began more than ``SESSION_COOKIE_AGE`` ago however busy it has been (the cookie's own
    expiry moves on with each save, so the absolute limit is kept here).

    The next request after that goes to the sign-in page (which brings the person back to
    where they were) with a message saying why. Asking how long is left
    (``session_status``) is not a use of riskreg and does not extend the session; the page
    asks it to warn the person before the time runs out (``static/js/session-timeout.js``).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.status_path = None

    def __call__(self, request):
        if self.status_path is None:
            self.status_path = reverse("session-status")
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            signed_in_at = request.session.get(SIGNED_IN_AT, last_seen)
            if signed_in_at is not None and now - signed_in_at > settings.SESSION_COOKIE_AGE:
                hours = settings.SESSION_COOKIE_AGE // 3600
                return _signed_out(
                    request,
                    "lifetime reached",
                    f"You were signed out because you signed in more than {hours} hours ago. "
                    "Sign in again to carry on.",
                )
            if last_seen is not None and now - last_seen > _idle_seconds():
                return _signed_out(
                    request,
                    "idle timeout",
                    f"You were signed out after {settings.RISKREG_IDLE_MINUTES} minutes "
                    "without using riskreg. Sign in again to carry on.",
                )
            asking_only = request.path == self.status_path
            if not asking_only and (last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION):
                request.session[LAST_SEEN] = now
        return self.get_response(request)


@require_GET
@never_cache
def session_status(request):
    """How many seconds the session has before it is signed out for want of use."""
    last_seen = request.session.get(LAST_SEEN, int(time.time()))
    left = max(0, _idle_seconds() - (int(time.time()) - last_seen))
    return JsonResponse({"seconds_left": left, "idle_seconds": _idle_seconds()})


@require_POST
def session_keepalive(request):
    """ "Stay signed in": counts as a use of riskreg, whenever the last one was."""
    request.session[LAST_SEEN] = int(time.time())
    return HttpResponse(status=204)


urlpatterns = [
    path("session/status/", session_status, name="session-status"),
    path("session/keepalive/", session_keepalive, name="session-keepalive"),
]


class RefusalLogMiddleware:
    """Log every request refused for want of permission (403) with who asked and for what."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            user = getattr(request, "user", None)
            log.warning(
                "refused status=403 user=%s ip=%s %s %s",
                user.get_username() if user and user.is_authenticated else "-",
                _address(request),
                request.method,
                request.get_full_path()[:300],
            )
        return response


def session_timeout(request):
    """For ``templates/base.html``: the idle limit that ``session-timeout.js`` warns about."""
    return {"session_idle_seconds": _idle_seconds()}

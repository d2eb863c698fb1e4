"""Signing in with the organisation's identity provider over OpenID Connect
(docs/domain.md#organisation-sign-in), through mozilla-django-oidc.

The library runs the authorisation-code flow (state, nonce, PKCE, the token request, the
signature against the provider's published keys); this module adds what it leaves to us: the
endpoints found from the issuer's discovery document, the ID token's issuer, audience and
expiry checked, the groups read from the ID token as well as the userinfo answer, and the
account found, linked or made by ``services.provider_sign_in``; and the library's silent
re-check (``ProviderSessionRefresh``) that ends a session here once the provider's has ended.
"""

from __future__ import annotations

import logging
from functools import cache
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from django.utils.functional import cached_property
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.middleware import SessionRefresh
from mozilla_django_oidc.utils import absolutify, import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from accounts import services

log = logging.getLogger("riskreg.security")

# The library's names for the endpoints, and the discovery document's.
_ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
FAILED = "Signing in with your organisation account did not work. Try again, or ask IT."
NOT_MAPPED = (
    "Your organisation account is in no group that gives access to the risk registers. "
    "Ask the risk registers' administrator."
)
PROVIDER_SESSION_ENDED = (
    "You were signed out because you are no longer signed in with your organisation account. "
    "Sign in again to carry on."
)
# The ID token, kept in the session for signing out at the provider (id_token_hint).
ID_TOKEN = "oidc_id_token"


def _groups(claims: dict) -> list[str]:
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    return [str(groups)] if isinstance(groups, str) else [str(group) for group in groups]


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False))


@cache
def _discovery(issuer: str) -> dict:
    # Cached only once it succeeded (an exception is not cached), for the life of the process.
    response = requests.get(
        f"{issuer.rstrip('/')}/.well-known/openid-configuration",
        timeout=import_from_settings("OIDC_TIMEOUT", 10),
    )
    response.raise_for_status()
    document = response.json()
    if document.get("issuer") != issuer:
        raise ImproperlyConfiguredIssuer(issuer, document.get("issuer"))
    return document


class ImproperlyConfiguredIssuer(Exception):
    def __init__(self, expected, found):
        super().__init__(f"The provider says its issuer is {found!r}, not {expected!r}.")


def metadata() -> dict:
    """The provider's discovery document for ``RISKREG_OIDC_ISSUER``."""
    return _discovery(settings.OIDC_ISSUER)


def _get_settings(attr, *args):
    if attr in _ENDPOINTS:
        # Asked as each view is made, before it can answer "not found" when switched off.
        return metadata().get(_ENDPOINTS[attr]) if enabled() else None
    return import_from_settings(attr, *args)


class ProviderBackend(OIDCAuthenticationBackend):
    """The library's backend with the checks and the account rules of this product."""

    get_settings = staticmethod(_get_settings)

    def _verify_jws(self, payload, key):
        """The signature, and the claims the library does not check: an ID token of this
        issuer, for this application, not expired (a minute's leeway for clocks)."""
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_ISSUER,
                leeway=60,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidTokenError as refused:
            raise SuspiciousOperation(f"ID token refused: {refused}") from refused

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims (where Entra ID puts the groups), with the userinfo answer's
        over them when it is about the same person."""
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo answer is about someone else.")
        return {**payload, **info}

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        try:
            user = services.provider_sign_in(
                issuer=settings.OIDC_ISSUER,
                claims=claims,
                email_verified_claim=settings.OIDC_EMAIL_VERIFIED_CLAIM,
            )
        except ValidationError as refused:
            return self._refuse(refused.code, refused.messages[0], payload)
        # Applied before anything else: someone taken out of every mapped group loses their
        # roles now, even though they are then refused.
        if not services.provider_roles_apply(user=user, groups=_groups(claims)):
            return self._refuse("no_mapped_group", NOT_MAPPED, payload)
        return user

    def _refuse(self, code: str, message: str, payload: dict):
        log.warning("organisation sign-in refused (%s) for sub %s", code, payload.get("sub"))
        self.request.provider_refusal = message
        return None

    def get_user(self, user_id):
        user_model = get_user_model()
        user = user_model._default_manager.select_related("profile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


def _found_or_404(request, methods) -> None:
    # A method the view does not take is 405 whether or not a provider is configured.
    if request.method.lower() in methods and not enabled():
        raise Http404("No identity provider is configured.")


class SignInStart(OIDCAuthenticationRequestView):
    """To the provider's sign-in page; not found when no provider is configured."""

    get_settings = staticmethod(_get_settings)

    def dispatch(self, request, *args, **kwargs):
        _found_or_404(request, self.http_method_names)
        return super().dispatch(request, *args, **kwargs)


class SignInCallback(OIDCAuthenticationCallbackView):
    """Back from the provider: a refused answer (a replayed or unknown state, a token of
    another issuer, badly signed or expired) signs in no one and says so."""

    get_settings = staticmethod(_get_settings)

    def dispatch(self, request, *args, **kwargs):
        _found_or_404(request, self.http_method_names)
        try:
            return super().dispatch(request, *args, **kwargs)
        except SuspiciousOperation as refused:
            log.warning("organisation sign-in refused: %s", refused)
            return self.login_failure()

    def login_failure(self):
        # A re-check (ProviderSessionRefresh) refused, or answered that nobody is signed in at
        # the provider (login_required and the like): the session here ends too.
        if self.request.user.is_authenticated:
            auth.logout(self.request)
        if self.request.GET.get("error") in _SIGNED_OUT_THERE:
            message = PROVIDER_SESSION_ENDED
        else:
            message = getattr(self.request, "provider_refusal", FAILED)
        messages.error(self.request, message)
        self.request.session.pop(ID_TOKEN, None)
        return redirect("login")

    def login_success(self):
        response = super().login_success()
        log.info("signed in through the identity provider: %s", self.user.get_username())
        return response


# The answers to prompt=none meaning the provider would have to ask the person something.
_SIGNED_OUT_THERE = {"login_required", "interaction_required", "consent_required"}


def _setting(name: str, default=None) -> property:
    # Read when a re-check starts, as the library's views read theirs, not once when the
    # middleware is made.
    return property(lambda self: import_from_settings(name, default))


class ProviderSessionRefresh(SessionRefresh):
    """mozilla-django-oidc's re-check: once ``OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS`` have passed
    since someone signed in through the provider, their next page goes to the provider with
    prompt=none. Still signed in there, they come straight back with their roles refreshed;
    not, the provider answers login_required and ``SignInCallback`` signs them out here.

    Only for sessions begun at the provider (the library checks the session's backend: a
    local account is never sent there), only for GET pages: a form posted is kept and the next
    page re-checks. A script's fetch() (the PDF download, the people picker, the session's
    countdown) is not a page and is never redirected (its Sec-Fetch-Mode is not "navigate").
    """

    OIDC_EXEMPT_URLS = _setting("OIDC_EXEMPT_URLS", [])
    OIDC_RP_CLIENT_ID = _setting("OIDC_RP_CLIENT_ID")
    OIDC_RP_SCOPES = _setting("OIDC_RP_SCOPES", "openid email")
    OIDC_AUTHENTICATION_CALLBACK_URL = _setting("OIDC_AUTHENTICATION_CALLBACK_URL")
    OIDC_STATE_SIZE = _setting("OIDC_STATE_SIZE", 32)
    OIDC_USE_NONCE = _setting("OIDC_USE_NONCE", True)
    OIDC_NONCE_SIZE = _setting("OIDC_NONCE_SIZE", 32)

    def __init__(self, get_response):
        # Not the library's __init__, which reads the settings (and would ask the provider
        # for its endpoints) once, when the app starts.
        MiddlewareMixin.__init__(self, get_response)
        self.OIDC_OP_AUTHORIZATION_ENDPOINT = None

    @cached_property
    def exempt_urls(self):
        """The library's own names for its addresses are not ours: signing in and out here,
        and ``OIDC_EXEMPT_URLS``."""
        names = ["accounts:oidc-start", "accounts:oidc-callback", "logout"]
        names += [url for url in self.OIDC_EXEMPT_URLS if isinstance(url, str)]
        return {url if url.startswith("/") else reverse(url) for url in names}

    def is_refreshable_url(self, request):
        mode = request.headers.get("Sec-Fetch-Mode", "navigate")
        return enabled() and mode == "navigate" and super().is_refreshable_url(request)

    def process_request(self, request):
        if not self.is_refreshable_url(request):
            return None
        try:
            self.OIDC_OP_AUTHORIZATION_ENDPOINT = metadata()["authorization_endpoint"]
        except (requests.RequestException, ValueError, KeyError, ImproperlyConfiguredIssuer):
            # The provider out of reach: not a reason to sign everyone out; the next page
            # tries again.
            log.warning("identity provider unreachable: session re-check postponed")
            return None
        return super().process_request(request)


def provider_logout_url(request, id_token: str | None) -> str | None:
    """Where to send someone signed in through the provider so that the provider's session
    ends too (RP-initiated logout), when the provider offers it."""
    end_session = metadata().get("end_session_endpoint") if enabled() else None
    if not end_session or not id_token:
        return None
    query = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": absolutify(request, reverse(settings.LOGOUT_REDIRECT_URL)),
    }
    return f"{end_session}?{urlencode(query)}"

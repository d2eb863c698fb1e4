"""Signing in with a second factor, and setting one up (docs/domain.md#second-factor).

With a second factor, the password alone does not sign in: it leads to the code page, and
only a right code calls ``login``. So a wrong code counts as a failed sign-in for the
lockout (django-axes), and a right password never clears the count of wrong codes.
"""

from __future__ import annotations

import time

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts import provider, services
from accounts.forms import CodeForm, ConfirmForm

PENDING = "accounts_second_factor_pending"
ENROL = "accounts_second_factor_enrol"
NEW_CODES = "accounts_new_recovery_codes"
# How long the code page waits after the password before asking for it again.
PENDING_SECONDS = 300


class SignInView(LoginView):
    """The sign-in page: a person with a second factor goes on to the code page signed in
    to nothing yet; one who must have a second factor and has none is signed in and sent to
    set it up before anything else."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # The organisation's account first, when an identity provider is configured
        # (docs/domain.md#organisation-sign-in).
        return super().get_context_data(**kwargs, organisation_sign_in=provider.enabled())

    def form_valid(self, form):
        user = form.get_user()
        if services.has_second_factor(user):
            self.request.session.cycle_key()
            self.request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "next": self.get_success_url(),
                "at": int(time.time()),
            }
            return redirect("accounts:verify")
        response = super().form_valid(form)
        if services.second_factor_required(user):
            self.request.session[ENROL] = True
            messages.info(self.request, "Your account must use a second factor: set it up now.")
            return redirect("accounts:two-factor-setup")
        return response


class SignOutView(LogoutView):
    """Signing out; someone who signed in through the identity provider is then signed out
    there too, where the provider offers it (RP-initiated logout)."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get(provider.ID_TOKEN)
        response = super().post(request, *args, **kwargs)
        at_provider = provider.provider_logout_url(request, id_token)
        return redirect(at_provider) if at_provider else response


def _pending_user(request: HttpRequest):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The code page after the password: the authenticator's code or a recovery code."""
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        return render(request, "accounts/verify.html", {"expired": True})
    form = CodeForm(request.POST or None)
    credentials = {"username": user.get_username()}
    if request.method == "POST" and form.is_valid():
        if not AxesProxyHandler.is_allowed(request, credentials):
            request.session.pop(PENDING, None)
            request.axes_locked_out = True  # AxesMiddleware answers with the lockout page
            request.axes_credentials = credentials
            return HttpResponse(status=429)
        device = services.code_matches(user, form.cleaned_data["code"])
        if device is not None:
            request.session.pop(PENDING, None)
            login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            return redirect(_safe(request, pending["next"]))
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            request.session.pop(PENDING, None)
            return HttpResponse(status=429)
        form.add_error("code", "That code is not right. Try the newest code, or a recovery code.")
    status = 400 if form.errors else 200
    return render(request, "accounts/verify.html", {"form": form}, status=status)


def _safe(request: HttpRequest, url: str) -> str:
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("web:home")


@require_http_methods(["GET"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """The person's second factor: on or off, recovery codes left, new codes shown once."""
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": services.has_second_factor(request.user),
            "required": services.second_factor_required(request.user),
            "codes_left": services.recovery_codes_left(request.user),
            "new_codes": request.session.pop(NEW_CODES, None),
        },
    )


@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: its key as a QR code and as text, then a code from it."""
    if services.has_second_factor(request.user):
        return redirect("accounts:two-factor")
    device = services.totp_pending(request.user)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.totp_confirm(device=device, code=form.cleaned_data["code"])
        except ValidationError as refused:
            form.add_error("code", refused)
        else:
            django_otp.login(request, device)
            request.session.pop(ENROL, None)
            request.session[NEW_CODES] = codes
            messages.success(request, "Your second factor is on.")
            return redirect("accounts:two-factor")
    account = request.user.get_username()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": services.totp_secret(device),
            "qr": services.totp_qr_svg(device, account=account),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    if not services.has_second_factor(request.user):
        return redirect("accounts:two-factor")
    request.session[NEW_CODES] = services.recovery_codes_renew(user=request.user)
    messages.success(request, "New recovery codes: the old ones no longer work.")
    return redirect("accounts:two-factor")


@require_POST
def two_factor_remove(request: HttpRequest) -> HttpResponse:
    try:
        services.second_factor_remove(user=request.user)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, "Your second factor is off: you sign in with your password.")
    return redirect("accounts:two-factor")

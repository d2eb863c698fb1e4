from django.contrib.auth.decorators import login_not_required
from django.urls import path

from accounts import provider, views

app_name = "accounts"

urlpatterns = [
    path("accounts/login/code/", views.verify, name="verify"),
    path(
        "accounts/login/organisation/",
        login_not_required(provider.SignInStart.as_view()),
        name="oidc-start",
    ),
    path(
        "accounts/login/organisation/callback/",
        login_not_required(provider.SignInCallback.as_view()),
        name="oidc-callback",
    ),
    path("account/two-factor/", views.two_factor, name="two-factor"),
    path("account/two-factor/setup/", views.two_factor_setup, name="two-factor-setup"),
    path(
        "account/two-factor/recovery-codes/",
        views.recovery_codes_renew,
        name="recovery-codes-renew",
    ),
    path("account/two-factor/remove/", views.two_factor_remove, name="two-factor-remove"),
]

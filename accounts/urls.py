from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/login/code/", views.verify, name="verify"),
    path("account/two-factor/", views.two_factor, name="two-factor"),
    path("account/two-factor/setup/", views.two_factor_setup, name="two-factor-setup"),
    path(
        "account/two-factor/recovery-codes/",
        views.recovery_codes_renew,
        name="recovery-codes-renew",
    ),
    path("account/two-factor/remove/", views.two_factor_remove, name="two-factor-remove"),
]

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path, reverse

from accounts.views import SignInView, SignOutView
from riskreg import security


@login_not_required
def _admin_sign_in(request, extra_context=None):
    """The admin site signs in through the site's own sign-in page, second factor and all."""
    return redirect_to_login(request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index"))


admin.site.login = _admin_sign_in

urlpatterns = [
    path("", include("web.urls")),
    path("", include("registers.urls")),
    path("", include("escalation.urls")),
    path("", include("reminders.urls")),
    path("reports/", include("reports.urls")),
    path("", include("api.urls")),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("", include("accounts.urls")),
    path("accounts/logout/", SignOutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    *security.urlpatterns,
    path("admin/", admin.site.urls),
]

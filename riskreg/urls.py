from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from riskreg import security

urlpatterns = [
    path("", include("web.urls")),
    path("", include("registers.urls")),
    path("", include("escalation.urls")),
    path("reports/", include("reports.urls")),
    path("", include("api.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
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

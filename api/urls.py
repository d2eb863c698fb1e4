"""/api/v1/: the read-only API (signed in by a token or the browser's session), its schema and
documentation; /account/api-tokens/: the person's tokens."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api.views import docs, endpoints, tokens

app_name = "api"


def _api(view_class):
    """An API view answers 401 itself (with ``WWW-Authenticate: Bearer``) to a request with no
    valid token or session, instead of the site's redirect to the sign-in page."""
    return login_not_required(view_class.as_view())


urlpatterns = [
    path("api/v1/registers/", _api(endpoints.RegisterList), name="register-list"),
    path("api/v1/registers/<int:pk>/", _api(endpoints.RegisterDetail), name="register-detail"),
    path("api/v1/risks/", _api(endpoints.RiskList), name="risk-list"),
    path("api/v1/risks/<int:pk>/", _api(endpoints.RiskDetail), name="risk-detail"),
    path("api/v1/actions/", _api(endpoints.ActionList), name="action-list"),
    path("api/v1/reviews/", _api(endpoints.ReviewList), name="review-list"),
    path("api/v1/snapshots/", _api(endpoints.SnapshotList), name="snapshot-list"),
    path("api/v1/schema/", _api(SpectacularAPIView), name="schema"),
    path("api/v1/docs/", docs.api_docs, name="docs"),
    path("account/api-tokens/", tokens.token_list, name="tokens"),
    path("account/api-tokens/<int:pk>/revoke/", tokens.token_revoke, name="token-revoke"),
]

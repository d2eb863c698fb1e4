import pytest

from api.services import token_create


@pytest.fixture
def token_for():
    """``token_for(user)``: a fresh token's secret for ``user``."""

    def make(user, *, days=30):
        return token_create(user=user, name="Test", lifetime_days=days)[1]

    return make


@pytest.fixture
def api_get(client):
    """``api_get(url, key, **params)``: a GET with ``Authorization: Bearer key``."""

    def get(url, key=None, **params):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
        return client.get(url, params, **headers)

    return get

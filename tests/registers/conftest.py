import pytest

from scoring.seed import ensure_default_scheme


@pytest.fixture
def race_org(request, transactional_db):
    """The ``org`` of tests/conftest.py for a test of two people at once
    (tests/registers/races.py), after putting back the scheme the migrations seeded (a
    transactional test's flush removes it)."""
    ensure_default_scheme()
    return request.getfixturevalue("org")

import pytest

from scoring.seed import ensure_default_scheme


@pytest.fixture(autouse=True)
def default_scheme(transactional_db):
    """Browser tests are transactional: the flush after each one also removes the scheme the
    migrations seeded, so put it back for the next test."""
    return ensure_default_scheme()

import pytest

from registers.appetite import ensure_appetite_levels
from scoring.seed import ensure_default_scheme


@pytest.fixture(autouse=True)
def default_scheme(transactional_db):
    """Browser tests are transactional: the flush after each one also removes the scheme the
    migrations seeded, so put it back for the next test."""
    ensure_appetite_levels()  # seeded by a migration too, and flushed likewise
    return ensure_default_scheme()

"""How fast one person may call the API: ``RISKREG_API_RATE`` (settings), read per request so
that the rate can change without a restart of the tests."""

from django.conf import settings
from rest_framework.throttling import UserRateThrottle


class PersonRateThrottle(UserRateThrottle):
    """Counted per person (whichever of their tokens or their session they use), or per
    address for anyone not signed in."""

    scope = "person"

    def get_rate(self) -> str:
        return settings.RISKREG_API_RATE

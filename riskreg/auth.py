"""The authentication backend: Django's own, fetching the person's profile with them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileBackend(ModelBackend):
    """``ModelBackend`` whose ``get_user`` brings the profile in the same query.

    Every page reads ``request.user.profile`` (organisation, directorate, seniority) to decide
    what the person may see: one query fewer on every request.
    """

    def get_user(self, user_id):
        try:
            user = get_user_model()._default_manager.select_related("profile").get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

"""Who may set the reminders (docs/domain.md#reminders), decided here and only here.

- The organisation's chasing ladder and lead times: the Insurance Manager, who coordinates the
  registers (docs/domain.md#roles); never a read-only role.
- Daily or weekly digests: each signed-in member of an organisation, for themselves.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from registers.permissions import is_insurance_manager, is_read_only


def _organisation_id(user: AbstractBaseUser) -> int | None:
    profile = getattr(user, "profile", None)
    return profile.organisation_id if profile else None


def can_change_reminder_settings(user: AbstractBaseUser) -> bool:
    """Change the lead times and the chasing ladder of the user's own organisation."""
    if not user.is_authenticated or _organisation_id(user) is None:
        return False
    return is_insurance_manager(user) and not is_read_only(user)


def can_choose_digest(user: AbstractBaseUser) -> bool:
    """Choose how often one's own digest comes: anyone in an organisation."""
    return user.is_authenticated and _organisation_id(user) is not None

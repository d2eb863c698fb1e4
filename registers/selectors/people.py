"""Reads of the people of an organisation, e.g. for choosing who owns a risk or an action."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from registers import roles


def person_name(user) -> str:
    """How the app names a person: their full name, or their username if they have none."""
    return user.get_full_name() or user.get_username()


def person_name_from(first_name: str | None, last_name: str | None, username: str | None) -> str:
    """As ``person_name`` names a user, from the columns of a ``values()`` row."""
    return f"{first_name or ''} {last_name or ''}".strip() or (username or "")


# The columns a ``values()`` row of risks or registers needs for ``owner_name``.
OWNER_NAME_FIELDS = ("owner__first_name", "owner__last_name", "owner__username")


def owner_name(row: dict) -> str:
    """The owner's name from a ``values()`` row with ``OWNER_NAME_FIELDS``."""
    return person_name_from(*(row[name] for name in OWNER_NAME_FIELDS))


def organisation_people(*, organisation_id: int, keep: Iterable[int | None] = ()) -> QuerySet:
    """The people who may own a risk, an action or a register in an organisation: its active
    members, less Internal Audit and committee members (they change nothing, so they cannot
    own anything). ``keep`` adds people by id, so a current owner stays choosable after
    leaving. Profiles come in the same query, for job titles."""
    user_model = get_user_model()
    read_only = Exists(
        user_model.groups.through.objects.filter(
            user_id=OuterRef("pk"), group__name__in=roles.READ_ONLY
        )
    )
    members = Q(is_active=True, profile__organisation_id=organisation_id) & ~Q(read_only)
    kept = [pk for pk in keep if pk is not None]
    return (
        user_model.objects.filter(members | Q(pk__in=kept))
        .select_related("profile")
        .order_by("last_name", "first_name", "username")
    )

"""How the app names a person, from a user or from the columns of a ``values()`` row."""

from __future__ import annotations


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

"""How the app names a person, from a user or from the columns of a ``values()`` row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def person_name(user) -> str:
    """How the app names a person: their full name, or their username if they have none."""
    return user.get_full_name() or user.get_username()


def person_label(user) -> str:
    """How a list of people to choose from names one: with their job title, so that two
    people with the same name can be told apart."""
    profile = getattr(user, "profile", None)
    title = profile.job_title if profile else ""
    return f"{person_name(user)}, {title}" if title else person_name(user)


def person_name_from(first_name: str | None, last_name: str | None, username: str | None) -> str:
    """As ``person_name`` names a user, from the columns of a ``values()`` row."""
    return f"{first_name or ''} {last_name or ''}".strip() or (username or "")


# The columns a ``values()`` row of risks or registers needs for ``owner_name``.
OWNER_NAME_FIELDS = ("owner__first_name", "owner__last_name", "owner__username")


def owner_name(row: dict) -> str:
    """The owner's name from a ``values()`` row with ``OWNER_NAME_FIELDS``."""
    return person_name_from(*(row[name] for name in OWNER_NAME_FIELDS))


def told_apart(labels: Sequence[str], users: Sequence) -> list[str]:
    """``labels`` of ``users``, one each, with the e-mail address (the username where there is
    none) added to every label that two of them share: two Care Officers called Sam Patel
    are otherwise the same choice twice."""
    counts = Counter(labels)
    return [
        f"{label} ({user.email or user.get_username()})" if counts[label] > 1 else label
        for label, user in zip(labels, users, strict=True)
    ]

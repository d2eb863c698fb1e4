"""Reads of the people of an organisation, e.g. for choosing who owns a risk or an action."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from registers import roles


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


# How many people a type-ahead search offers: enough to choose from, few enough to read.
PEOPLE_SEARCH_LIMIT = 20


def people_matching(*, organisation_id: int, query: str) -> list:
    """The people of ``organisation_people`` with a word of their name, username or job title
    starting with every word of ``query`` ("han" finds Hannah, not Ross Khan), by surname, at
    most ``PEOPLE_SEARCH_LIMIT``: one query."""
    matching = Q()
    for word in query.split()[:5]:
        matching &= (
            _word_starts("first_name", word)
            | _word_starts("last_name", word)
            | Q(username__istartswith=word)
            | Q(username__icontains=f".{word}")
            | _word_starts("profile__job_title", word)
        )
    return list(
        organisation_people(organisation_id=organisation_id).filter(matching)[:PEOPLE_SEARCH_LIMIT]
    )


def _word_starts(field: str, word: str) -> Q:
    """``field`` has a word starting with ``word``: at its start, or after a space or hyphen
    (double-barrelled names)."""
    return (
        Q(**{f"{field}__istartswith": word})
        | Q(**{f"{field}__icontains": f" {word}"})
        | Q(**{f"{field}__icontains": f"-{word}"})
    )


def people_search_url(*, organisation_id: int) -> str:
    """Where a people picker of ``organisation_id``'s people searches as the person types."""
    return f"{reverse('registers:people-search')}?organisation={organisation_id}"

"""What every page of an organisation reads and seldom changes, read once per process: its
scheme's bands, the appetite in force on a day, its categories.

Each is kept in the cache (per process by default) under the organisation's
``reference_revision``, which the pages read with the organisation in a query they make
anyway. Every write to what these hold moves the revision on (``connect_signals``: bands,
categories, appetite statements, their lines and the appetite levels, however they are
written through the ORM), so the next read anywhere, in any worker, misses and reads afresh:
no copy outlives a change, and no shared cache is needed. A copy also expires after
``REFERENCE_SECONDS``, a bound on any write made around the ORM (SQL by hand).

A miss costs the query the page made before; a hit costs none.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from registers.appetite import AppetiteRules, appetite_rules
from registers.categories import category_labels
from registers.models import (
    AppetiteLevel,
    AppetiteLine,
    AppetiteStatement,
    Organisation,
    RiskCategory,
)
from scoring import matrix
from scoring.models import SchemeBand
from scoring.selectors import bands_by_scheme

REFERENCE_SECONDS = 600


def _key(organisation: Organisation, part: str, *more: object) -> str:
    return ":".join(
        str(piece)
        for piece in (
            "reference",
            part,
            organisation.pk,
            organisation.scheme_id,
            organisation.reference_revision,
            *more,
        )
    )


def _kept(key: str, read):
    found = cache.get(key)
    if found is None:
        found = read()
        cache.set(key, found, REFERENCE_SECONDS)
    return found


def bands(organisation: Organisation) -> tuple[matrix.Band, ...]:
    """The organisation's bands (``bands_of``)."""
    return bands_of([organisation])[organisation.pk]


def bands_of(organisations: Iterable[Organisation]) -> dict[int, tuple[matrix.Band, ...]]:
    """Each organisation's bands, by organisation id: those not kept read in one query
    (``scoring.selectors.bands_by_scheme``)."""
    organisations = list(organisations)
    keys = {organisation.pk: _key(organisation, "bands") for organisation in organisations}
    schemes = {organisation.pk: organisation.scheme_id for organisation in organisations}
    kept = cache.get_many(keys.values())
    found = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [pk for pk in keys if pk not in found]
    if missing:
        read = bands_by_scheme(scheme_ids={schemes[pk] for pk in missing})
        fresh = {pk: read[schemes[pk]] for pk in missing}
        cache.set_many({keys[pk]: value for pk, value in fresh.items()}, REFERENCE_SECONDS)
        found |= fresh
    return found


def appetite(organisation: Organisation, *, on: date) -> AppetiteRules:
    """The organisation's appetite in force on ``on`` (``registers.appetite.appetite_rules``)."""
    scheme = bands(organisation)
    return _kept(
        _key(organisation, "appetite", on.isoformat()),
        lambda: appetite_rules(bands={organisation.pk: scheme}, on=on),
    )


def categories(organisation: Organisation) -> dict[str, str]:
    """The organisation's categories, key to label (``registers.categories.category_labels``)."""
    return _kept(_key(organisation, "categories"), lambda: category_labels(organisation.pk))


# Keeping the copies true ----------------------------------------------------------------------


# The organisations whose copies a write to each watched model changes.
WATCHED = {
    SchemeBand: lambda band: Organisation.objects.filter(scheme_id=band.scheme_id),
    RiskCategory: lambda category: Organisation.objects.filter(pk=category.organisation_id),
    AppetiteStatement: lambda statement: Organisation.objects.filter(pk=statement.organisation_id),
    AppetiteLine: lambda line: Organisation.objects.filter(
        pk__in=AppetiteStatement.objects.filter(pk=line.statement_id).values("organisation_id")
    ),
    AppetiteLevel: lambda level: Organisation.objects.all(),
}


def _changed(sender, instance, raw: bool = False, **kwargs) -> None:
    # A backup being restored (``raw``) brings each organisation's revision with it.
    if not raw:
        WATCHED[sender](instance).update(reference_revision=F("reference_revision") + 1)


def connect_signals() -> None:
    for model in WATCHED:
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"registers.reference.{model.__name__}"
            )

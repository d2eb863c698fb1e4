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

from collections import defaultdict
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
from scoring.selectors import scheme_bands

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
    """The organisation's bands (``scoring.selectors.scheme_bands``)."""
    return _kept(
        _key(organisation, "bands"), lambda: scheme_bands(scheme_id=organisation.scheme_id)
    )


def bands_of(organisations: Iterable[Organisation]) -> dict[int, tuple[matrix.Band, ...]]:
    """Each organisation's bands, by organisation id: those not kept read in one query."""
    organisations = list(organisations)
    keys = {organisation.pk: _key(organisation, "bands") for organisation in organisations}
    kept = cache.get_many(keys.values())
    found = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [organisation for organisation in organisations if organisation.pk not in found]
    if missing:
        by_scheme: dict[int, list[matrix.Band]] = defaultdict(list)
        rows = SchemeBand.objects.filter(
            scheme_id__in={organisation.scheme_id for organisation in missing}
        ).order_by("floor")
        for band in rows:
            by_scheme[band.scheme_id].append(band.as_matrix_band())
        read = {org.pk: tuple(by_scheme[org.scheme_id]) for org in missing}
        cache.set_many({keys[pk]: value for pk, value in read.items()}, REFERENCE_SECONDS)
        found |= read
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


def _move_on(organisations, *, raw: bool = False) -> None:
    # A backup being restored (``raw``) brings each organisation's revision with it.
    if not raw:
        organisations.update(reference_revision=F("reference_revision") + 1)


def _band_changed(sender, instance: SchemeBand, raw: bool = False, **kwargs) -> None:
    _move_on(Organisation.objects.filter(scheme_id=instance.scheme_id), raw=raw)


def _category_changed(sender, instance: RiskCategory, raw: bool = False, **kwargs) -> None:
    _move_on(Organisation.objects.filter(pk=instance.organisation_id), raw=raw)


def _statement_changed(sender, instance: AppetiteStatement, raw: bool = False, **kwargs) -> None:
    _move_on(Organisation.objects.filter(pk=instance.organisation_id), raw=raw)


def _line_changed(sender, instance: AppetiteLine, raw: bool = False, **kwargs) -> None:
    statements = AppetiteStatement.objects.filter(pk=instance.statement_id)
    _move_on(Organisation.objects.filter(pk__in=statements.values("organisation_id")), raw=raw)


def _level_changed(sender, instance: AppetiteLevel, raw: bool = False, **kwargs) -> None:
    _move_on(Organisation.objects.all(), raw=raw)


WATCHED = {
    SchemeBand: _band_changed,
    RiskCategory: _category_changed,
    AppetiteStatement: _statement_changed,
    AppetiteLine: _line_changed,
    AppetiteLevel: _level_changed,
}


def connect_signals() -> None:
    for model, handler in WATCHED.items():
        for signal in (post_save, post_delete):
            signal.connect(
                handler, sender=model, dispatch_uid=f"registers.reference.{model.__name__}"
            )

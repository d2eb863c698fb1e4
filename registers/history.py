"""Corrections to tracked models' rows that keep their history consistent.

Every change a person makes to a risk, action, register or proposal goes through
``registers.services.save_with_history`` and leaves exactly one history row naming them. A few
places (the demo organisation, the bench data) must instead *correct the record*: date a risk's
creation a year back, say it was always exempt. A plain ``QuerySet.update()`` would leave the
history saying something else (or, for the change date, nothing at all), so those corrections
come here, the one place ``tests/test_history_rows.py`` lets update a tracked model in bulk.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q


def _history_model(model: type[models.Model]) -> type[models.Model]:
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager is None:
        raise TypeError(f"{model.__name__} has no history (not registered with simple_history)")
    return getattr(model, manager).model


@transaction.atomic
def history_aware_update(
    model: type[models.Model], filters: Mapping[str, Any], /, **fields: Any
) -> int:
    """Set ``fields`` on the rows of the tracked ``model`` that match ``filters``, as a
    correction of the record rather than a change someone made: no history row is added, and
    every history row of those objects that carried the value being replaced carries the new
    one. So the history still ends at the row as it now is, and earlier rows with another value
    (a decision not yet taken, a risk not yet closed) keep it. Values may be expressions such
    as ``F("residual_likelihood") + 1``: on a history row they read that row's own columns.

    Returns the number of rows of ``model`` updated.
    """
    history = _history_model(model)
    manager = model._default_manager
    pk_name = model._meta.pk.attname
    ids = list(manager.filter(**filters).values_list("pk", flat=True))
    if not ids:
        return 0
    for name, value in fields.items():
        column = model._meta.get_field(name).attname
        live = manager.filter(pk=OuterRef(pk_name))
        carried = Exists(live.filter(**{column: OuterRef(column)})) | (
            Q(**{f"{column}__isnull": True}) & Exists(live.filter(**{f"{column}__isnull": True}))
        )
        # Before the rows themselves change: the comparison is with the value being replaced.
        history._default_manager.filter(**{f"{pk_name}__in": ids}).filter(carried).update(
            **{name: value}
        )
    return manager.filter(pk__in=ids).update(**fields)


@transaction.atomic
def history_redate(
    model: type[models.Model],
    filters: Mapping[str, Any],
    /,
    *,
    when: datetime,
    **history_filters: Any,
) -> int:
    """Say that the changes recorded in the history rows (matching ``history_filters``, e.g.
    ``history_type="+"`` for the creation) of the ``model`` rows matching ``filters`` happened
    at ``when``: for a record dated back. The rows themselves are not touched.

    Returns the number of history rows redated.
    """
    history = _history_model(model)
    pk_name = model._meta.pk.attname
    ids = list(model._default_manager.filter(**filters).values_list("pk", flat=True))
    if not ids:
        return 0
    return history._default_manager.filter(**{f"{pk_name}__in": ids}, **history_filters).update(
        history_date=when
    )

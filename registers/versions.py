"""How the services save what people change: validated, with one history row naming who and
why, and, for the records two people may edit at once (``registers.models.Versioned``), under
optimistic locking.

An edit carries the version it started from. ``lock_at_version`` locks the row for the rest of
the transaction (a row lock on PostgreSQL; on SQLite the IMMEDIATE transaction already holds
the only write lock) and compares: at another version, it raises ``StaleEdit`` saying who
changed the record and what, and nothing is written. Otherwise the service applies the edit
and ``save_next_version`` adds one to the version in the same save that writes the history
row. So the compare and the increment are one step that two saves cannot both pass, and each
change still leaves exactly one history row (a ``QuerySet.update()`` would leave none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models

from common.people import person_name
from registers.models import Versioned

V = TypeVar("V", bound=Versioned)

# (field name, value the editor started from, value now)
Change = tuple[str, object, object]


def save_with_history(instance: models.Model, *, by: AbstractBaseUser | None, reason: str = ""):
    """Validate and save a tracked model, recording who changed it and why in its history."""
    instance.full_clean()
    instance._history_user = by
    instance._change_reason = reason
    instance.save()
    return instance


class StaleEdit(ValidationError):
    """Someone else saved the record after this edit began. ``changes`` lists what they changed
    among the fields the form edits, as (field name, value the editor started from, value now);
    ``reasons`` says what they did (the history's change reasons, e.g. "Reviewed"), which
    matters when none of the form's fields changed; ``current`` is the record as it is now, so
    the editor can see both before deciding."""

    def __init__(
        self,
        *,
        current: Versioned,
        changes: list[Change],
        by: str,
        reasons: Iterable[str] = (),
    ):
        self.current, self.changes, self.changed_by = current, changes, by
        self.reasons = list(reasons)
        self.noun = str(current._meta.verbose_name)
        super().__init__(
            f"{by} changed this {self.noun} while you were editing it. Your changes have not "
            "been saved: check theirs below, then save again.",
            code="stale",
        )


def changes_since(
    current: Versioned, version: int, *, fields: Iterable[str]
) -> tuple[list[Change], str, list[str]]:
    """What changed on ``current`` among ``fields`` since ``version``, who made the latest
    change, and the change reasons of every save since, oldest first, each once."""
    history = current.history
    started = history.filter(version=version).order_by("-history_date").first()
    latest = history.select_related("history_user").order_by("-history_date").first()
    who = person_name(latest.history_user) if latest and latest.history_user else "Someone"
    reasons = dict.fromkeys(
        reason
        for reason in history.filter(version__gt=version)
        .order_by("history_date", "history_id")
        .values_list("history_change_reason", flat=True)
        if reason
    )
    if started is None:
        return [], who, list(reasons)
    changes = []
    for name in fields:
        attname = type(current)._meta.get_field(name).attname
        before, now = getattr(started, attname), getattr(current, attname)
        if before != now:
            changes.append((name, before, now))
    return changes, who, list(reasons)


def lock_at_version(
    model: type[V],
    *,
    pk: int,
    version: int,
    fields: Iterable[str],
    refuse: Callable[[V], None] | None = None,
) -> V:
    """The record, locked until the transaction ends, if nobody has saved it since
    ``version``; call inside ``transaction.atomic``.

    ``refuse`` is asked first, of the record as it now is, and raises a ``ValidationError``
    when no edit may be made at all (a closed risk), whatever the version. Then a record at
    another version raises ``StaleEdit``, listing the changes to ``fields`` (those the form
    edits).
    """
    current = model._default_manager.select_for_update().get(pk=pk)
    if refuse is not None:
        refuse(current)
    if current.version != version:
        changes, who, reasons = changes_since(current, version, fields=fields)
        raise StaleEdit(current=current, changes=changes, by=who, reasons=reasons)
    return current


def save_next_version(instance: V, *, by: AbstractBaseUser, reason: str) -> V:
    """Save a change to a record locked by the caller (``lock_at_version``, or
    ``select_for_update`` for a change no form started), as its next version, with its
    history row."""
    instance.version += 1
    return save_with_history(instance, by=by, reason=reason)

"""When the registers last changed, and counts kept until they change again.

Every risk, action and register written leaves a history row (``registers.services``), so the
newest history row of each is a stamp that moves on whenever one is created, changed or
deleted, in any organisation. What is read only from them (and from what the query itself
says: the person's registers, the filters, the bands, today) can be kept while the stamp
stands.

A count of every open risk of an organisation grows with it: a tenth of a second at 100,000
risks, for a number that is the same for every reader until a risk changes. ``count`` keeps
it, and asks the stamp and (only when the stamp has moved) the count in one query, the one
the count alone would have taken.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet

from registers.models import Action, Register, Risk

# A bound on how late a correction made without history (``registers.history``: the demo's
# and the bench's back-dating) shows in a kept count.
CACHE_SECONDS = 300


# Whose newest history row makes the stamp.
STAMPED = (Risk, Action, Register)


def _stamp_columns() -> list[str]:
    """One column per model of ``STAMPED``: its newest history row (0 while it has none)."""
    quote = connection.ops.quote_name
    tables = [model.history.model._meta.db_table for model in STAMPED]
    return [f"COALESCE((SELECT MAX(history_id) FROM {quote(table)}), 0)" for table in tables]


def change_stamp() -> tuple[int, ...]:
    """The newest history row of every risk, action and register, of any organisation: it
    moves on whenever one is created, changed or deleted. One query."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(_stamp_columns())}")
        return tuple(cursor.fetchone())


def count(queryset: QuerySet) -> int:
    """``queryset.count()``, kept while no risk, action or register has been written since it
    was counted. One query either way: the stamp, with the count only if the stamp moved (the
    database skips the count's sub-query when the stamp is the one kept)."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    key = "count:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    kept = cache.get(key)
    columns = _stamp_columns()
    kept_stamp = kept[0] if kept else (-1,) * len(columns)
    stamp_sql = ", ".join(f"{column} AS s{n}" for n, column in enumerate(columns))
    stamps = ", ".join(f"stamp.s{n}" for n in range(len(columns)))
    same = " AND ".join(f"stamp.s{n} = %s" for n in range(len(columns)))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {stamps}, CASE WHEN {same} THEN NULL "
            f"ELSE (SELECT COUNT(*) FROM ({sql}) counted) END "
            f"FROM (SELECT {stamp_sql}) stamp",
            (*kept_stamp, *params),
        )
        *stamp, counted = cursor.fetchone()
    if counted is None:
        return kept[1]
    cache.set(key, (tuple(stamp), counted), CACHE_SECONDS)
    return counted

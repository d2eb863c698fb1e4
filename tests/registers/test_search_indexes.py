"""The search's indexes: on PostgreSQL every column the search reads has a trigram index on
the very expression the search's SQL asks (``UPPER(column::text) LIKE``), and the search's
own queries can be answered from them; on SQLite there are none (it reads the tables)."""

import pytest
from django.db import connection

from registers.models import Risk
from registers.selectors.search import _RISK_TEXT, _actions_holding, _every_word, search
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db

SEARCHED = {
    "registers_risk": {"reference", "title", "event", "consequence", "impact"},
    "registers_action": {"description", "evaluation_notes"},
}


def trigram_indexes() -> dict[str, set[str]]:
    """Table -> the columns with a trigram index on ``UPPER(column)``."""
    found: dict[str, set[str]] = {table: set() for table in SEARCHED}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tablename, indexdef FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'"
            )
            for table, definition in cursor.fetchall():
                # "... USING gin (upper((title)::text) gin_trgm_ops)" or "(upper(event) ..."
                column = definition.split("upper(")[1].strip("(").split(")")[0]
                found.setdefault(table, set()).add(column)
        else:
            cursor.execute("SELECT tbl_name, sql FROM sqlite_master WHERE name LIKE '%_trgm'")
            for table, _ in cursor.fetchall():
                found.setdefault(table, set()).add("?")
    return found


def test_each_searched_column_has_a_trigram_index_on_postgresql_only():
    expected = SEARCHED if connection.vendor == "postgresql" else {t: set() for t in SEARCHED}
    assert trigram_indexes() == expected


def test_the_search_s_conditions_are_answered_from_the_indexes(org):
    risk = RiskFactory(register=org.service_register, title="Flooding of the depot")
    ActionFactory(risk=risk, description="Sandbags for the flooding")
    results = search(user=org.people["insurance"], query="flooding")
    assert results.risk_count == 1 and results.action_count == 1
    # The conditions the search puts on each table, as it puts them.
    risks = Risk.objects.filter(_every_word(["flooding"], *_RISK_TEXT))
    actions = _actions_holding("flooding")
    if connection.vendor != "postgresql":
        assert list(risks) == [risk] and len(actions) == 1
        return
    with connection.cursor() as cursor:
        # On a few rows the planner rightly prefers reading the table; forbidding that shows
        # whether the indexes can answer the search's SQL as written.
        cursor.execute("SET LOCAL enable_seqscan = off")
    used = risks.explain() + actions.explain()
    for table, columns in SEARCHED.items():
        for column in columns:
            assert f"{table.removeprefix('registers_')}_{column}_trgm" in used, used

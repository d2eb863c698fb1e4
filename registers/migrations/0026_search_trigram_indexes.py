"""Trigram indexes for the search on PostgreSQL (docs/domain.md#search).

The search looks for each word anywhere in a risk's reference, title, event, consequence and
impact and an action's description and evaluation notes: ``UPPER(column) LIKE UPPER('%word%')``,
which no ordinary index can answer, so every search read every risk and action of the
organisation. ``pg_trgm``'s GIN indexes on the same expressions answer it (a word of three
letters or more) from the index. PostgreSQL only: SQLite, the embedded default for a single
small organisation, keeps reading the tables. The indexes are not in the models' ``Meta`` (it
would name them for every database): this migration keeps them, on PostgreSQL alone.
``pg_trgm`` is a trusted extension (PostgreSQL 13 and later): the database's owner may create
it.
"""

from django.db import migrations

INDEXES = {
    "registers_risk": ("reference", "title", "event", "consequence", "impact"),
    "registers_action": ("description", "evaluation_notes"),
}


def index_name(table: str, column: str) -> str:
    return f"{table.removeprefix('registers_')}_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in INDEXES.items():
        for column in columns:
            name = schema_editor.quote_name(index_name(table, column))
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {schema_editor.quote_name(table)} "
                f"USING gin (UPPER({schema_editor.quote_name(column)}::text) gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in INDEXES.items():
        for column in columns:
            schema_editor.execute(
                f"DROP INDEX IF EXISTS {schema_editor.quote_name(index_name(table, column))}"
            )


class Migration(migrations.Migration):
    dependencies = [("registers", "0025_seed_appetite_levels")]

    operations = [migrations.RunPython(create, drop)]

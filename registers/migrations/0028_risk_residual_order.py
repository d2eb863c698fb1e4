"""Each risk's residual order (registers/models/residual_order.py), written for the risks there
are, and on PostgreSQL an index of each organisation's open risks in that order, high to low,
ties broken as the lists break them (reference, then id): the first page of risks across
registers in its default order read from the index, not sorted from the organisation's every
risk (at 100,000 risks, 0.2 ms instead of 30). It carries each risk's register, so that the
page's count of the registers a person may see is read from the index alone too.

PostgreSQL only, as the search's trigram indexes (0026), and for the same reason kept out of the
models' ``Meta``: its planner, with the statistics autovacuum keeps, takes the index where it
serves and leaves it where it does not. SQLite's, without statistics, took it for lists of one
register too (reading the organisation's every open risk in order to find a register's forty:
the API's register list took six times as long at 100,000 risks), and with them left it for
risks across registers; SQLite keeps sorting, which the stored order makes no slower.
"""

from django.conf import settings
from django.db import migrations, models
from django.db.models import F, Q


def write_residual_order(apps, schema_editor):
    """Each risk's residual order as registers/models/residual_order.py defines it at this
    migration (a copy, as a migration must keep): scored, twice the score plus one; rated and
    not scored, twice its band's floor; neither, 0 (the default)."""
    Risk = apps.get_model("registers", "Risk")
    SchemeBand = apps.get_model("scoring", "SchemeBand")
    Risk.objects.filter(residual_likelihood__isnull=False, residual_impact__isnull=False).update(
        residual_order=2 * F("residual_likelihood") * F("residual_impact") + 1
    )
    unscored = Risk.objects.filter(
        Q(residual_likelihood__isnull=True) | Q(residual_impact__isnull=True)
    ).exclude(imported_band="")
    for band in SchemeBand.objects.all():
        unscored.filter(organisation__scheme_id=band.scheme_id, imported_band=band.key).update(
            residual_order=2 * band.floor
        )


INDEX = "risk_open_by_residual_order"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON registers_risk "
        "(organisation_id, residual_order DESC, reference, id) INCLUDE (register_id) "
        "WHERE status = 'open'"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0027_organisation_reference_revision"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="risk",
            name="residual_order",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(write_residual_order, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]

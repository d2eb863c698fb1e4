"""Seed the five appetite levels and their default tolerances from fixtures/appetite_levels.json."""

import json
from pathlib import Path

from django.db import migrations

LEVELS_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "appetite_levels.json"


def seed(apps, schema_editor):
    level_model = apps.get_model("registers", "AppetiteLevel")
    for level in json.loads(LEVELS_FILE.read_text(encoding="utf-8"))["levels"]:
        level_model.objects.update_or_create(key=level["key"], defaults=level)


def unseed(apps, schema_editor):
    apps.get_model("registers", "AppetiteLevel").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("registers", "0024_risk_appetite_statements")]

    operations = [migrations.RunPython(seed, unseed)]

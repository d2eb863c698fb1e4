"""Seed the council's scoring scheme (policy Tables 1-3) from fixtures/coventry_scheme.json."""

from django.db import migrations

from scoring.seed import MODEL_NAMES, load_scheme_file, seed_scheme


def seed(apps, schema_editor):
    data = load_scheme_file()
    Scheme = apps.get_model("scoring", "Scheme")
    if Scheme.objects.filter(name=data["name"]).exists():
        return
    seed_scheme(models={name: apps.get_model("scoring", name) for name in MODEL_NAMES}, data=data)


def unseed(apps, schema_editor):
    apps.get_model("scoring", "Scheme").objects.filter(name=load_scheme_file()["name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("scoring", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

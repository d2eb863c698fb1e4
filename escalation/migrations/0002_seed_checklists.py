"""Seed the policy's two escalation checklists from fixtures/escalation_checklists.json."""

from django.db import migrations

from escalation.seed import load_checklists_file, seed_checklists


def seed(apps, schema_editor):
    seed_checklists(
        checklist_model=apps.get_model("escalation", "Checklist"),
        factor_model=apps.get_model("escalation", "Factor"),
        data=load_checklists_file(),
    )


def unseed(apps, schema_editor):
    apps.get_model("escalation", "Checklist").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("escalation", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

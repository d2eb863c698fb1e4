"""Every organisation starts with the policy's ten sources of risk as its categories, each with
its first history row; any other key its risks already hold is added too, so that every risk's
category is one of its organisation's."""

from django.db import migrations
from django.utils import timezone

POLICY_CATEGORIES = [
    ("strategic", "Strategic"),
    ("customers_citizens", "Customers/citizens"),
    ("finance", "Finance"),
    ("reputation", "Reputation"),
    ("legal_regulatory", "Legal and regulatory"),
    ("information", "Information"),
    ("environmental", "Environmental"),
    ("people", "People"),
    ("political", "Political"),
    ("partnerships", "Partnerships"),
]
SEEDED = "Seeded with the policy's sources of risk"


def seed(apps, schema_editor):
    Organisation = apps.get_model("registers", "Organisation")
    RiskCategory = apps.get_model("registers", "RiskCategory")
    HistoricalRiskCategory = apps.get_model("registers", "HistoricalRiskCategory")
    Risk = apps.get_model("registers", "Risk")
    now = timezone.now()
    for organisation in Organisation.objects.all():
        wanted = list(POLICY_CATEGORIES)
        held = set(
            Risk.objects.filter(organisation=organisation).values_list("category", flat=True)
        )
        known = {key for key, _label in POLICY_CATEGORIES}
        wanted += [(key, key.replace("_", " ").capitalize()) for key in sorted(held - known) if key]
        for order, (key, label) in enumerate(wanted, start=1):
            category, created = RiskCategory.objects.get_or_create(
                organisation=organisation, key=key, defaults={"label": label, "order": order}
            )
            if created:
                HistoricalRiskCategory.objects.create(
                    id=category.pk,
                    organisation_id=organisation.pk,
                    key=key,
                    label=category.label,
                    order=category.order,
                    active=True,
                    history_date=now,
                    history_type="+",
                    history_change_reason=SEEDED,
                )


class Migration(migrations.Migration):
    dependencies = [("registers", "0022_categories_per_organisation")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

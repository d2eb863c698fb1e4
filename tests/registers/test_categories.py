"""Each organisation's categories of risk (docs/domain.md#categories): seeded with the policy's
ten, read for their labels on every surface, checked in one place, kept by the Insurance
Manager on their page, mapped or added by an import."""

from __future__ import annotations

import io
import json
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from registers import categories
from registers.imports.export import register_workbook
from registers.models import Organisation, PolicyCategory, Risk, RiskCategory
from registers.services import risk_create, risk_report_submit, risk_update
from tests.factories import OrganisationFactory, RiskFactory
from tests.registers.test_import_shapes import PROJECT, plan_for, run_command, xlsx_bytes

pytestmark = pytest.mark.django_db

PAGE = "/organisation/categories/"


def category(org, key) -> RiskCategory:
    return RiskCategory.objects.get(organisation=org.organisation, key=key)


def new_risk(org, **fields):
    return risk_create(
        register=org.service_register,
        by=org.people["officer"],
        title="Care home closures",
        event="If providers leave",
        consequence="residents move",
        impact="harm",
        owner=org.people["officer"],
        **fields,
    )


# Seeded with the policy's ten


def test_a_new_organisation_starts_with_the_policys_ten_in_order():
    organisation = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    rows = list(
        RiskCategory.objects.filter(organisation=organisation).values_list("key", "label", "active")
    )
    assert rows == [(key, label, True) for key, label in PolicyCategory.choices]
    history = RiskCategory.history.filter(organisation_id=organisation.pk)
    assert {row.history_change_reason for row in history} == {categories.SEEDED}


def test_seeding_again_adds_only_what_is_missing(org):
    category(org, "political").delete()
    assert categories.categories_seed(organisation=org.organisation) == 1
    assert RiskCategory.objects.filter(organisation=org.organisation).count() == 10


def test_the_data_migration_seeds_the_same_ten():
    from importlib import import_module

    migration = import_module("registers.migrations.0023_seed_the_policy_categories")
    assert list(PolicyCategory.choices) == migration.POLICY_CATEGORIES


def test_keys_and_labels_are_unique_in_the_organisation_whatever_their_case(org):
    with pytest.raises(ValidationError):
        categories.category_add(organisation=org.organisation, by=None, label="FINANCE")
    other = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    design = categories.category_add(organisation=other, by=None, label="Design")
    assert design.key == "design"
    assert categories.category_key_for("Design", ["design", "design_2"]) == "design_3"
    assert (
        categories.category_key_for("Health & Safety at work, sites", []) == "health_safety_at_wor"
    )


# Labels and choices


def test_labels_are_one_query_and_choices_offer_a_retired_one_only_to_its_holder(
    org, django_assert_num_queries
):
    categories.category_set_active(
        category=category(org, "political"), by=org.people["insurance"], active=False
    )
    with django_assert_num_queries(1):
        labels = categories.category_labels(org.organisation)
    assert labels["political"] == "Political" and next(iter(labels)) == "strategic"
    offered = dict(categories.category_choices(org.organisation))
    assert "political" not in offered and len(offered) == 9
    held = dict(categories.category_choices(org.organisation, include="political"))
    assert held["political"] == "Political (retired)"


# The one check


def test_a_risk_takes_an_active_category_of_its_own_organisation(org):
    with pytest.raises(ValidationError) as raised:
        new_risk(org, category="weather")
    assert raised.value.error_dict["category"][0].code == "category_unknown"
    other = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    categories.category_add(organisation=other, by=None, label="Design")
    with pytest.raises(ValidationError):
        new_risk(org, category="design")  # another organisation's
    assert new_risk(org, category="finance").category == "finance"


def test_a_retired_category_stays_on_its_risks_but_is_not_given_to_others(org):
    risk = RiskFactory(register=org.service_register, category="political")
    categories.category_set_active(
        category=category(org, "political"), by=org.people["insurance"], active=False
    )
    with pytest.raises(ValidationError) as raised:
        new_risk(org, category="political")
    assert raised.value.error_dict["category"][0].code == "category_retired"
    # Its holder keeps it through an edit of something else, and may leave it.
    risk_update(risk=risk, by=org.people["insurance"], version=1, changes={"title": "Renamed"})
    risk = risk_update(
        risk=risk, by=org.people["insurance"], version=2, changes={"category": "political"}
    )
    assert risk.category == "political"
    other = RiskFactory(register=org.service_register, category="finance")
    with pytest.raises(ValidationError):
        risk_update(
            risk=other, by=org.people["insurance"], version=1, changes={"category": "political"}
        )
    with pytest.raises(ValidationError):
        risk_report_submit(
            register=org.service_register,
            by=org.people["officer"],
            title="Reported",
            event="e",
            consequence="c",
            impact="i",
            category="political",
        )


def test_the_risk_form_offers_the_categories_in_use_and_the_risks_own(client, org):
    risk = RiskFactory(register=org.service_register, category="political", owner=None)
    categories.category_set_active(
        category=category(org, "political"), by=org.people["insurance"], active=False
    )
    categories.category_add(organisation=org.organisation, by=None, label="Design")
    client.force_login(org.people["insurance"])
    new_form = client.get(reverse("registers:risk-create", args=[org.service_register.pk]))
    html = unescape(new_form.content.decode())
    assert '<option value="design">Design</option>' in html
    assert 'value="political"' not in html
    edit = unescape(client.get(reverse("registers:risk-edit", args=[risk.pk])).content.decode())
    assert "Political (retired)" in edit


# Labels on each surface, after a rename


@pytest.fixture
def renamed(org):
    """A risk in Finance, and Finance renamed "Money and budgets"."""
    risk = RiskFactory(register=org.corporate, category="finance", owner=org.people["chief"])
    categories.category_rename(
        category=category(org, "finance"), by=org.people["insurance"], label="Money and budgets"
    )
    return risk


def test_the_risk_page_prints_the_organisations_label(client, org, renamed):
    client.force_login(org.people["insurance"])
    html = client.get(renamed.get_absolute_url()).content.decode()
    assert "Money and budgets" in html


def test_the_api_gives_the_key_and_the_organisations_label(client, org, renamed):
    client.force_login(org.people["insurance"])
    listed = client.get(reverse("api:risk-list"), {"register": org.corporate.pk}).json()
    row = next(r for r in listed["results"] if r["id"] == renamed.pk)
    assert (row["category"], row["category_label"]) == ("finance", "Money and budgets")
    one = client.get(reverse("api:risk-detail", args=[renamed.pk])).json()
    assert one["category_label"] == "Money and budgets"


def test_the_full_export_prints_the_label_and_imports_back(org, renamed):
    workbook = load_workbook(io.BytesIO(register_workbook(register=org.corporate)))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    values = [cell.value for cell in sheet[2]]
    assert values[headings.index("Category")] == "Money and budgets"
    # The round trip: the label reads back as the same category.
    from registers.imports.categories import CategoryIndex

    assert CategoryIndex(org.organisation.pk).find("Money and budgets") == "finance"


def test_the_register_filter_offers_the_organisations_categories(client, org, renamed):
    client.force_login(org.people["insurance"])
    html = unescape(client.get(org.corporate.get_absolute_url()).content.decode())
    assert '<option value="finance">Money and budgets</option>' in html
    filtered = client.get(org.corporate.get_absolute_url(), {"category": "finance"})
    assert renamed.reference in filtered.content.decode()


# The page


@pytest.mark.parametrize(
    "who", ["officer", "head", "director", "chief", "audit", "committee", "s151"]
)
def test_only_the_insurance_manager_keeps_the_categories(client, org, who):
    client.force_login(org.people[who])
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"action": "add", "label": "Design"}).status_code == 403
    assert not RiskCategory.objects.filter(key="design").exists()


def test_the_page_lists_each_category_with_the_risks_holding_it(
    client, org, django_assert_max_num_queries
):
    RiskFactory(register=org.corporate, category="finance")
    RiskFactory(register=org.service_register, category="finance")
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(7):  # the counts in one query, the list in one
        response = client.get(PAGE)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert '<th scope="row">Finance</th>' in html
    rows = {category.key: count for category, count in response.context["rows"]}
    assert rows["finance"] == 2 and rows["people"] == 0
    # A category in use offers no deletion; an unused one does.
    assert 'Delete<span class="visually-hidden"> Finance' not in html
    assert 'Delete<span class="visually-hidden"> People' in html


def test_the_organisation_page_links_to_it_for_the_insurance_manager_only(client, org):
    client.force_login(org.people["insurance"])
    assert PAGE in client.get(reverse("registers:organisation")).content.decode()
    client.force_login(org.people["chief"])
    assert PAGE not in client.get(reverse("registers:organisation")).content.decode()


def test_adding_renaming_and_refusing_a_name_taken(client, org):
    client.force_login(org.people["insurance"])
    response = client.post(PAGE, {"action": "add", "label": "  Design  "})
    assert response.status_code == 302
    design = category(org, "design")
    assert (design.label, design.order, design.active) == ("Design", 11, True)
    response = client.post(PAGE, {"action": "add", "label": "finance"})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "There is already a category called finance" in html
    assert 'href="#id_label"' in html  # the error summary links to the field
    page = client.get(PAGE, {"rename": design.pk})
    assert 'value="Design"' in page.content.decode()
    response = client.post(
        PAGE, {"action": "rename", "category": design.pk, "rename-label": "Design and build"}
    )
    assert response.status_code == 302
    design.refresh_from_db()
    assert (design.key, design.label) == ("design", "Design and build")
    response = client.post(PAGE, {"action": "rename", "category": design.pk, "rename-label": ""})
    assert response.status_code == 400
    assert 'href="#id_rename-label"' in response.content.decode()


def test_reordering_retiring_and_deleting(client, org):
    client.force_login(org.people["insurance"])
    finance = category(org, "finance")
    client.post(PAGE, {"action": "up", "category": finance.pk})
    assert list(categories.category_labels(org.organisation))[:3] == [
        "strategic",
        "finance",
        "customers_citizens",
    ]
    client.post(PAGE, {"action": "down", "category": finance.pk})
    assert list(categories.category_labels(org.organisation))[2] == "finance"
    RiskFactory(register=org.corporate, category="finance")
    client.post(PAGE, {"action": "retire", "category": finance.pk})
    finance.refresh_from_db()
    assert not finance.active
    client.post(PAGE, {"action": "restore", "category": finance.pk})
    finance.refresh_from_db()
    assert finance.active
    # Held by a risk: never deleted.
    response = client.post(PAGE, {"action": "delete", "category": finance.pk}, follow=True)
    assert "retire it instead" in response.content.decode()
    assert RiskCategory.objects.filter(pk=finance.pk).exists()
    people = category(org, "people")
    client.post(PAGE, {"action": "delete", "category": people.pk})
    assert not RiskCategory.objects.filter(pk=people.pk).exists()


def test_another_organisations_category_cannot_be_changed(client, org):
    other = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    theirs = RiskCategory.objects.filter(organisation=other).first()
    client.force_login(org.people["insurance"])
    client.post(PAGE, {"action": "retire", "category": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.active


def test_the_last_category_in_use_cannot_be_retired(org):
    keys = list(categories.category_labels(org.organisation))
    for key in keys[:-1]:
        categories.category_set_active(
            category=category(org, key), by=org.people["insurance"], active=False
        )
    with pytest.raises(ValidationError):
        categories.category_set_active(
            category=category(org, keys[-1]), by=org.people["insurance"], active=False
        )


# The import


def test_a_sheets_category_is_read_by_its_label_key_or_a_common_word(org):
    categories.category_add(organisation=org.organisation, by=None, label="Design")
    rows = [
        ["Ref", "Title", "Category"],
        ["X1", "One", "DESIGN"],
        ["X2", "Two", "financial"],
        ["X3", "Three", "legal_regulatory"],
    ]
    plan = plan_for(org, xlsx_bytes(rows), "x.xlsx")
    assert plan.ok, plan.problems
    assert [row.fields["category"] for row in plan.rows] == [
        "design",
        "finance",
        "legal_regulatory",
    ]
    assert plan.new_categories == {}


def test_an_import_gives_a_retired_category_only_to_a_risk_holding_it(org):
    RiskFactory(register=org.corporate, reference="X1", category="political")
    categories.category_set_active(
        category=category(org, "political"), by=org.people["insurance"], active=False
    )
    rows = [["Ref", "Title", "Category"], ["X1", "One", "Political"], ["X2", "Two", "Political"]]
    plan = plan_for(org, xlsx_bytes(rows), "x.xlsx")
    assert [(p.row, p.column, p.message) for p in plan.problems] == [
        (3, "Category", "Political is retired: choose one of the categories in use.")
    ]


def test_an_unchosen_category_still_refuses_the_import_naming_row_and_column(org, tmp_path):
    path, mapping_file = tmp_path / "project.xlsx", tmp_path / "mapping.json"
    path.write_bytes(xlsx_bytes(PROJECT))
    run_command(path, "--dry-run", "--write-mapping", str(mapping_file))
    document = json.loads(mapping_file.read_text(encoding="utf-8"))
    del document["value_maps"]["C"]["values"]["Design"]  # no choice made for it
    mapping_file.write_text(json.dumps(document), encoding="utf-8")
    from django.core.management import CommandError

    with pytest.raises(CommandError) as raised:
        run_command(path, "--mapping", str(mapping_file))
    assert "row 3, Category: “Design” is not a category, and no choice was made" in str(
        raised.value
    )
    assert not Risk.objects.exists()
    assert not RiskCategory.objects.filter(key__in=["design", "surveys"]).exists()


def test_the_command_adds_the_sheets_categories_as_proposed(org, tmp_path):
    path = tmp_path / "project.xlsx"
    path.write_bytes(xlsx_bytes(PROJECT))
    out = run_command(path)
    assert "Categories to add: Surveys, Design" in out
    assert Risk.objects.get(reference="P1").category == "surveys"
    added = RiskCategory.objects.filter(
        organisation=org.organisation, key__in=["surveys", "design"]
    )
    assert sorted(added.values_list("label", "order")) == [("Design", 12), ("Surveys", 11)]
    assert {row.history_change_reason for row in RiskCategory.history.filter(key="design")} == {
        "Category added"
    }


def test_a_round_trip_keeps_a_category_of_the_organisations_own(org, tmp_path):
    categories.category_add(organisation=org.organisation, by=None, label="Surveys")
    risk = RiskFactory(
        register=org.corporate, reference="CRR-70", category="surveys", owner=org.people["chief"]
    )
    path = tmp_path / "all.xlsx"
    path.write_bytes(register_workbook(register=org.corporate))
    out = io.StringIO()
    call_command("import_register", str(path), "--register", "CRR", stdout=out)
    assert "Categories to add" not in out.getvalue()
    assert "0 created, 0 updated, 1 unchanged" in out.getvalue()
    risk.refresh_from_db()
    assert risk.category == "surveys"


def test_organisations_made_anywhere_get_the_ten():
    organisation = Organisation.objects.create(
        name="Made plainly", slug="plain", scheme=OrganisationFactory().scheme
    )
    assert RiskCategory.objects.filter(organisation=organisation).count() == 10

"""A risk's estimated financial exposure and the budget line or MTFS assumption it threatens
(docs/domain.md#financial-exposure): the rules on the model and in the database, the risk
form, the risk page, and the import's financial columns."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from registers.imports.apply import apply_plan
from registers.imports.finance import parse_pounds, parse_pounds_range
from registers.imports.mapping import target_for_heading
from registers.models import FinancialLink, Risk
from tests.factories import RiskFactory
from tests.registers.test_import import messages, plan_for
from tests.registers.test_risk_edit import edit_data, edit_url, new_risk_data, service_risk

pytestmark = pytest.mark.django_db


# The rules on the model and in the database


def test_a_range_in_order_with_a_named_mtfs_assumption_is_valid(org):
    risk = service_risk(
        org,
        exposure_low=250_000,
        exposure_high=1_000_000,
        financial_link=FinancialLink.MTFS,
        financial_link_detail="Adult social care demand grows 4% a year",
    )
    risk.full_clean()
    assert risk.exposure_text == "£250,000 to £1,000,000"


def test_a_single_figure_reads_as_one_amount_and_none_as_nothing(org):
    assert service_risk(org, exposure_low=40_000, exposure_high=40_000).exposure_text == "£40,000"
    assert service_risk(org, reference="AC-02").exposure_text == ""


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"exposure_low": 10}, "exposure_high", "exposure_incomplete"),
        ({"exposure_high": 10}, "exposure_low", "exposure_incomplete"),
        ({"exposure_low": 20, "exposure_high": 10}, "exposure_high", "exposure_reversed"),
        ({"financial_link": FinancialLink.MTFS}, "financial_link_detail", "link_unnamed"),
        ({"financial_link_detail": "Pay award at 2%"}, "financial_link", "link_kind"),
    ],
)
def test_an_incomplete_or_reversed_exposure_is_refused_on_its_field(org, fields, field, code):
    risk = service_risk(org)
    for name, value in fields.items():
        setattr(risk, name, value)
    with pytest.raises(ValidationError) as refused:
        risk.full_clean()
    assert [e.code for e in refused.value.error_dict[field]] == [code]


@pytest.mark.parametrize(
    "fields",
    [
        {"exposure_low": 10},
        {"exposure_low": 20, "exposure_high": 10},
        {"financial_link": FinancialLink.BUDGET},
        {"financial_link": "hunch", "financial_link_detail": "x"},
    ],
)
def test_the_database_refuses_what_the_model_refuses(org, fields):
    risk = service_risk(org)
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=risk.pk).update(**fields)


# The risk form and page


def test_the_owner_records_the_exposure_as_people_write_money(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    response = client.post(
        edit_url(risk),
        edit_data(
            risk,
            exposure_low="£250,000",
            exposure_high="1,000,000",
            financial_link="mtfs",
            financial_link_detail="  Care fees rise by 3% a year  ",
        ),
    )
    assert response.status_code == 302, response.content.decode()
    risk.refresh_from_db()
    assert (risk.exposure_low, risk.exposure_high) == (250_000, 1_000_000)
    assert (risk.financial_link, risk.financial_link_detail) == (
        "mtfs",
        "Care fees rise by 3% a year",
    )
    assert risk.history.first().exposure_high == 1_000_000  # kept on the risk's history

    page = client.get(risk.get_absolute_url()).content.decode()
    assert "£250,000 to £1,000,000" in page
    assert "Care fees rise by 3% a year" in page


def test_the_form_groups_the_exposure_fields_in_their_own_section(client, org):
    client.force_login(org.people["head"])
    page = client.get(reverse("registers:risk-create", args=[org.service_register.pk]))
    text = page.content.decode()
    section = text.split("Financial exposure (optional)", 1)[1].split("form-section-title", 1)[0]
    for name in ("exposure_low", "exposure_high", "financial_link", "financial_link_detail"):
        assert f'name="{name}"' in section
    assert 'inputmode="numeric"' in section
    assert 'for="id_exposure_low"' in section


def test_a_reversed_range_is_shown_in_the_summary_and_nothing_typed_is_lost(client, org):
    client.force_login(org.people["head"])
    response = client.post(
        reverse("registers:risk-create", args=[org.service_register.pk]),
        new_risk_data(
            org,
            exposure_low="900000",
            exposure_high="100000",
            financial_link="budget",
            financial_link_detail="Home to school transport",
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The highest estimate must be at least the lowest." in page
    assert 'href="#id_exposure_high"' in page  # the error summary links to the field
    assert 'value="900000"' in page and "Home to school transport" in page
    assert not Risk.objects.filter(register=org.service_register).exists()


def test_an_amount_that_is_not_money_is_refused_with_an_example(client, org):
    client.force_login(org.people["head"])
    response = client.post(
        reverse("registers:risk-create", args=[org.service_register.pk]),
        new_risk_data(org, exposure_low="lots", exposure_high="1000"),
    )
    assert "Enter an amount in whole pounds, e.g. 250000 or £250,000." in response.content.decode()


def test_the_risk_page_says_when_no_exposure_is_estimated(client, org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    client.force_login(org.people["officer"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert "Not estimated" in page


# The import's financial columns


@pytest.mark.parametrize(
    ("heading", "target"),
    [
        ("Financial exposure", "exposure"),
        ("Estimated exposure (£)", "exposure"),
        ("Exposure - low", "exposure_low"),
        ("Maximum exposure", "exposure_high"),
        ("Budget line", "budget_line"),
        ("Budget head affected", "budget_line"),
        ("MTFS assumption", "mtfs"),
        ("Medium Term Financial Strategy link", "mtfs"),
        ("Financial impact", "exposure"),
    ],
)
def test_financial_headings_are_guessed(heading, target):
    assert target_for_heading(heading) == target


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (250000, (250_000, 250_000)),
        (1250000.4, (1_250_000, 1_250_000)),
        ("£1,250,000", (1_250_000, 1_250_000)),
        ("£250k to £1m", (250_000, 1_000_000)),
        ("250,000 - 500,000", (250_000, 500_000)),
        ("£1.5m–£2m", (1_500_000, 2_000_000)),
        ("TBC", None),
        ("", None),
    ],
)
def test_exposure_cells_read_as_ranges(cell, expected):
    assert parse_pounds_range(cell) == expected


def test_an_exposure_cell_that_is_not_money_is_an_error():
    assert parse_pounds("a lot") is None
    with pytest.raises(ValueError):
        parse_pounds_range("a lot to more")


def import_rows(*finance_rows):
    headings = ["Ref", "Title", "Description", "Consequence", "Impact", "Category"]
    base = ["If it happens", "it follows", "it costs", "finance"]
    return [
        [*headings, *finance_rows[0]],
        *[[f"FIN-{n}", f"Risk {n}", *base, *row] for n, row in enumerate(finance_rows[1:], 1)],
    ]


def test_an_import_maps_the_exposure_range_and_the_mtfs_assumption(org):
    rows = import_rows(
        ["Financial exposure", "MTFS assumption"],
        ["£250k to £1m", "Council tax base grows 1% a year"],
        ["", ""],
    )
    plan = plan_for(org.directorate_register, rows)
    assert plan.ok, messages(plan)
    apply_plan(plan=plan, register=org.directorate_register, by=org.people["director"])

    first, second = Risk.objects.filter(register=org.directorate_register).order_by("reference")
    assert (first.exposure_low, first.exposure_high) == (250_000, 1_000_000)
    assert (first.financial_link, first.financial_link_detail) == (
        FinancialLink.MTFS,
        "Council tax base grows 1% a year",
    )
    assert (second.exposure_low, second.financial_link) == (None, "")


def test_an_import_reads_lowest_and_highest_columns_and_a_budget_line(org):
    rows = import_rows(
        ["Exposure low", "Exposure high", "Budget line"],
        [100000, 300000, "Highways maintenance"],
        ["", "50000", ""],
    )
    plan = plan_for(org.directorate_register, rows)
    assert plan.ok, messages(plan)
    first, second = plan.rows
    assert first.fields["exposure_low"] == 100_000
    assert first.fields["exposure_high"] == 300_000
    assert first.fields["financial_link"] == FinancialLink.BUDGET
    assert (second.fields["exposure_low"], second.fields["exposure_high"]) == (50_000, 50_000)


def test_an_import_names_each_financial_problem_by_row_and_column(org):
    rows = import_rows(
        ["Exposure low", "Exposure high", "Budget line", "MTFS assumption"],
        ["lots", "", "", ""],
        [500000, 100000, "", ""],
        ["", "", "Waste contract", "Pay award 2%"],
    )
    plan = plan_for(org.directorate_register, rows)
    assert messages(plan) == [
        (2, "Exposure low", "“lots” is not an amount of pounds, e.g. £250,000."),
        (3, "Exposure high", "The highest estimate (£100,000) is below the lowest (£500,000)."),
        (4, "MTFS assumption", "Both a budget line and an MTFS assumption: a risk names one."),
    ]

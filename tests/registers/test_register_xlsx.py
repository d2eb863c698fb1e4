"""The register's XLSX export: who may download it, the CSV export's columns and rows for the
same view, typed cells, neutralised text, and a fixed number of queries."""

import csv
import io
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl.utils import get_column_letter

from registers.models import PolicyCategory, Response, Risk
from registers.views.register import CSV_COLUMNS
from tests.factories import RiskFactory, UserFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_url(register, **params):
    url = reverse("registers:register-export-xlsx", args=[register.pk])
    return f"{url}?{urlencode(params)}" if params else url


def csv_url(register, **params):
    url = reverse("registers:register-export", args=[register.pk])
    return f"{url}?{urlencode(params)}" if params else url


def sheet_of(response):
    assert response["Content-Type"] == XLSX
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Risks"]
    return book["Risks"]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def as_csv_text(value):
    """A workbook cell as the CSV writes it, to compare the two exports cell by cell."""
    if value is None:
        return ""
    if hasattr(value, "date"):
        return value.date().isoformat()
    return str(value)


def bulk_risks(register, count, *, owners=None):
    """Many risks in one insert, with varied scores and review dates."""
    owners = owners or [register.owner]
    today = timezone.localdate()
    return Risk.objects.bulk_create(
        [
            Risk(
                register=register,
                organisation_id=register.organisation_id,
                reference=f"{register.prefix}-{n:04d}",
                title=f"Risk {n}",
                event="If it happens",
                consequence="then this",
                impact="costing that",
                category=PolicyCategory.FINANCE,
                owner=owners[n % len(owners)],
                inherent_likelihood=n % 5 + 1,
                inherent_impact=(n // 5) % 5 + 1,
                residual_likelihood=None if n % 17 == 0 else (n // 3) % 5 + 1,
                residual_impact=None if n % 17 == 0 else (n // 7) % 5 + 1,
                response=Response.TREAT,
                next_review_due=None if n % 19 == 0 else today + timedelta(days=n % 40 - 20),
            )
            for n in range(count)
        ]
    )


@pytest.fixture
def signed_in(client, org):
    client.force_login(org.people["head"])
    return client


# Who may download it: whoever may download the CSV ------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("head", 200),
        ("officer", 200),
        ("director", 200),
        ("chief", 200),
        ("insurance", 200),
        ("audit", 200),
        ("other_officer", 403),
        ("other_director", 403),
        ("committee", 403),
    ],
)
def test_allowed_and_refused_as_the_csv_export(client, org, who, status):
    RiskFactory(register=org.service_register, title="Care home closures")
    client.force_login(org.people[who])
    response = client.get(xlsx_url(org.service_register))
    assert response.status_code == status
    assert client.get(csv_url(org.service_register)).status_code == status
    if status == 200:
        assert sheet_of(response)["B2"].value == "Care home closures"
    else:
        assert b"Care home closures" not in response.content


@pytest.mark.parametrize("who", ["committee", "other_officer"])
def test_corporate_register_is_open_to_everyone_signed_in(client, org, who):
    client.force_login(org.people[who])
    assert client.get(xlsx_url(org.corporate)).status_code == 200


def test_anonymous_missing_and_post(client, org):
    assert client.get(xlsx_url(org.corporate))["Location"].startswith(reverse("login"))
    client.force_login(org.people["chief"])
    missing = reverse("registers:register-export-xlsx", args=[999999])
    assert client.get(missing).status_code == 404
    assert client.post(xlsx_url(org.corporate)).status_code == 405


# What it holds --------------------------------------------------------------------------------


def test_columns_typed_cells_and_the_header(signed_in, org):
    officer = org.people["officer"]
    officer.first_name, officer.last_name = "Priya", "Shah"
    officer.save()
    today = timezone.localdate()
    RiskFactory(
        register=org.service_register,
        reference="AC-01",
        title="Care home closures",
        owner=officer,
        inherent_likelihood=5,
        inherent_impact=4,
        residual_likelihood=3,
        residual_impact=4,
        next_review_due=today - timedelta(days=1),
    )
    RiskFactory(
        register=org.service_register,
        reference="AC-02",
        owner=None,
        residual_likelihood=None,
        residual_impact=None,
        response="",
    )
    response = signed_in.get(xlsx_url(org.service_register, sort="reference"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="AC-risks-{today.isoformat()}.xlsx"'
    )
    sheet = sheet_of(response)
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == list(CSV_COLUMNS)
    scored = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    review_date = scored.pop("Next review")
    assert review_date.date() == today - timedelta(days=1)
    # The trend is whatever the CSV export says it is (its words and arrow).
    csv_trend = csv_rows(signed_in.get(csv_url(org.service_register, sort="reference")))[1][
        CSV_COLUMNS.index("Trend")
    ]
    assert scored.pop("Trend") == csv_trend != ""
    assert scored == {
        "Reference": "AC-01",
        "Title": "Care home closures",
        "Owner": "Priya Shah",
        "Inherent likelihood": 5,
        "Inherent impact": 4,
        "Inherent score": 20,
        "Inherent band": "Red",
        "Residual likelihood": 3,
        "Residual impact": 4,
        "Residual score": 12,
        "Residual band": "Amber",
        "Appetite": "Within appetite (Amber band)",
        "Response": "Treat",
        "Horizon": "Medium term (one to three years)",
        "Review overdue": "Yes",
        "Status": "Open",
    }
    unscored = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert unscored["Owner"] is None
    assert unscored["Residual score"] is None and unscored["Residual band"] == "Not scored"
    assert unscored["Next review"] is None
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(CSV_COLUMNS))}{len(rows)}"
    assert sheet.column_dimensions["B"].width == 40
    date_column = CSV_COLUMNS.index("Next review") + 1
    assert sheet.cell(row=2, column=date_column).is_date
    assert sheet.cell(row=2, column=CSV_COLUMNS.index("Inherent score") + 1).data_type == "n"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sort": "-reference", "page": 2},
        {"residual_band": "red", "sort": "title"},
        {"residual_likelihood": 5, "residual_impact": 5},
        {"q": "Risk 1", "overdue": "yes"},
    ],
)
def test_same_rows_and_order_as_the_csv_for_the_same_view(signed_in, org, params):
    bulk_risks(org.service_register, 120)
    expected = csv_rows(signed_in.get(csv_url(org.service_register, **params)))
    sheet = sheet_of(signed_in.get(xlsx_url(org.service_register, **params)))
    got = [[as_csv_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    assert len(expected) > 1
    assert got == expected


@pytest.mark.parametrize(
    ("title", "written"),
    [
        (
            '=HYPERLINK("http://evil.example","Click")',
            '\'=HYPERLINK("http://evil.example","Click")',
        ),
        ("+44 cost", "'+44 cost"),
        ("-1 staff", "'-1 staff"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("Budget = 5", "Budget = 5"),
    ],
)
def test_formula_like_text_is_neutralised_as_in_the_csv(signed_in, org, title, written):
    owner = UserFactory(first_name="=cmd|' /C calc'!A0", last_name="")
    RiskFactory(register=org.service_register, title=title, owner=owner, reference="AC-01")
    sheet = sheet_of(signed_in.get(xlsx_url(org.service_register)))
    assert sheet["B2"].value == written
    assert sheet["B2"].data_type == "s"
    assert sheet["C2"].value.startswith("'=cmd")
    [_, csv_row] = csv_rows(signed_in.get(csv_url(org.service_register)))
    assert csv_row[1] == written


def test_characters_a_workbook_cannot_hold_are_dropped(signed_in, org):
    RiskFactory(register=org.service_register, title="Bell\x07 and\x0b tab", reference="AC-01")
    sheet = sheet_of(signed_in.get(xlsx_url(org.service_register)))
    assert sheet["B2"].value == "Bell and tab"


def test_register_page_links_both_exports_with_the_filters_but_not_the_page(signed_in, org):
    bulk_risks(org.service_register, 60)
    page = signed_in.get(
        reverse("registers:register-detail", args=[org.service_register.pk])
        + "?"
        + urlencode({"residual_band": "red", "sort": "title", "page": 2})
    ).content.decode()
    link = re.search(r'<a [^>]*href="([^"]*export\.xlsx[^"]*)"[^>]*>Export XLSX', page)
    href = link.group(1).replace("&amp;", "&")
    assert urlsplit(href).path == xlsx_url(org.service_register)
    assert parse_qs(urlsplit(href).query) == {"residual_band": ["red"], "sort": ["title"]}
    assert "Export CSV" in page


# Bounded queries ------------------------------------------------------------------------------

MAX_QUERIES = 14  # the CSV export's pin: the workbook adds none


@pytest.mark.parametrize("count", [20, 400])
def test_queries_do_not_grow_with_risks(client, org, count, django_assert_max_num_queries):
    owners = [org.people[name] for name in ("head", "officer", "director")]
    bulk_risks(org.service_register, count, owners=owners)
    client.force_login(org.people["head"])
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(xlsx_url(org.service_register))
    assert sheet_of(response).max_row == count + 1
    assert Risk.objects.filter(register=org.service_register).count() == count

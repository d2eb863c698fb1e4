"""``manage.py render_report``: the same documents as the web app, written to a file, and
clear errors when asked for something that cannot be rendered."""

from __future__ import annotations

from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import OrganisationFactory
from tests.reports.test_committee import EXEMPT, EXPECTED_TRENDS, build_year, flat, pdf_text

pytestmark = pytest.mark.django_db


def render(*args) -> str:
    out = StringIO()
    call_command("render_report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def year(org):
    return build_year(org)


def test_annual_committee_report_is_written_with_its_path_and_size(year, tmp_path):
    output = tmp_path / "report.pdf"
    printed = render("annual-committee", "--year", "2025/26", "--output", str(output))
    content = output.read_bytes()
    assert content.startswith(b"%PDF")
    assert f"Wrote {output.resolve()} ({len(content):,} bytes)." in printed
    text = pdf_text(content)
    for reference in EXPECTED_TRENDS:
        assert reference in text


def test_public_and_appendix_versions_of_the_committee_report(year, tmp_path):
    public, appendix = tmp_path / "public.pdf", tmp_path / "appendix.pdf"
    render("annual-committee", "--year", "2025/26", "--public", "--output", str(public))
    render("annual-committee", "--year", "2025/26", "--appendix", "--output", str(appendix))
    public_text, appendix_text = pdf_text(public.read_bytes()), pdf_text(appendix.read_bytes())
    assert "2 risks exempt from publication withheld" in flat(public_text)
    assert not any(reference in public_text for reference in EXEMPT)
    assert "Confidential appendix" in appendix_text
    assert "CRR-04" in appendix_text and "CRR-01" not in appendix_text


def test_the_command_writes_the_document_the_web_app_serves(year, tmp_path, client):
    output = tmp_path / "report.pdf"
    render("annual-committee", "--year", "2025/26", "--public", "--output", str(output))
    client.force_login(year.org.people["committee"])
    served = client.get(reverse("reports:committee-report-pdf"), {"year": "2025/26"})
    assert pdf_text(served.content) == pdf_text(output.read_bytes())


def test_public_and_appendix_together_are_refused(year, tmp_path):
    with pytest.raises(CommandError, match="not allowed with argument"):
        render("annual-committee", "--public", "--appendix", "--output", str(tmp_path / "x.pdf"))


@pytest.mark.parametrize("bad", ["2025", "2025/27", "last year"])
def test_a_bad_year_is_a_clear_error(year, tmp_path, bad):
    with pytest.raises(CommandError, match=r"financial year.*e\.g\. 2026/27|write it like 2026/27"):
        render("annual-committee", "--year", bad, "--output", str(tmp_path / "x.pdf"))


def test_a_year_without_an_approved_snapshot_is_a_clear_error(year, tmp_path):
    output = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match="no approved snapshot in 2023/24"):
        render("annual-committee", "--year", "2023/24", "--output", str(output))
    assert not output.exists()


def test_the_committee_report_is_a_pdf_only(year, tmp_path):
    with pytest.raises(CommandError, match=r"written as \.pdf"):
        render("annual-committee", "--year", "2025/26", "--output", str(tmp_path / "x.xlsx"))


def test_a_missing_folder_is_a_clear_error(year, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        render("annual-committee", "--output", str(tmp_path / "nowhere" / "x.pdf"))


# Which organisation ----------------------------------------------------------------------------


def test_several_organisations_need_a_slug(year, tmp_path):
    OrganisationFactory(name="Other Council", slug="other")
    output = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match=r"several organisations.*other, testshire"):
        render("annual-committee", "--year", "2025/26", "--output", str(output))
    render(
        "annual-committee",
        "--year",
        "2025/26",
        "--organisation",
        "testshire",
        "--output",
        str(output),
    )
    assert output.read_bytes().startswith(b"%PDF")


def test_an_unknown_organisation_is_a_clear_error(year, tmp_path):
    with pytest.raises(CommandError, match="No organisation has the slug 'nowhere'"):
        render("annual-committee", "--organisation", "nowhere", "--output", str(tmp_path / "x.pdf"))


def test_no_organisation_at_all_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="There is no organisation yet"):
        render("directorate-collation", "--output", str(tmp_path / "x.pdf"))


# The SLT pack and the collation -----------------------------------------------------------------


def test_slt_pack_for_a_quarter_and_by_default_the_latest(year, tmp_path):
    chosen, latest = tmp_path / "q3.pdf", tmp_path / "latest.pdf"
    printed = render("slt-quarterly", "--quarter", "2025/26 Q3", "--output", str(chosen))
    assert chosen.read_bytes().startswith(b"%PDF") and "Wrote" in printed
    assert "2025/26 Q3" in pdf_text(chosen.read_bytes())
    render("slt-quarterly", "--output", str(latest))
    assert "2025/26 Q4" in pdf_text(latest.read_bytes())


def test_slt_pack_public_version_leaves_exempt_risks_out(year, tmp_path):
    output = tmp_path / "public.pdf"
    render("slt-quarterly", "--quarter", "2025/26 Q4", "--public", "--output", str(output))
    text = pdf_text(output.read_bytes())
    assert "CRR-01" in text and "CRR-04" not in text


def test_slt_pack_bad_quarter_is_a_clear_error(year, tmp_path):
    with pytest.raises(CommandError, match="is not a quarter: write it like 2026/27 Q2"):
        render("slt-quarterly", "--quarter", "2025 Q5", "--output", str(tmp_path / "x.pdf"))


def test_slt_pack_for_a_quarter_without_approval_is_a_clear_error(year, tmp_path):
    with pytest.raises(CommandError, match="no approved snapshot in 2024/25 Q1"):
        render("slt-quarterly", "--quarter", "2024/25 Q1", "--output", str(tmp_path / "x.pdf"))


def test_slt_pack_when_nothing_was_ever_approved_is_a_clear_error(org, tmp_path):
    with pytest.raises(CommandError, match="has no approved snapshot yet"):
        render("slt-quarterly", "--output", str(tmp_path / "x.pdf"))


def test_directorate_collation_as_pdf_and_as_workbook(year, tmp_path):
    pdf, workbook = tmp_path / "collation.pdf", tmp_path / "collation.xlsx"
    render("directorate-collation", "--output", str(pdf))
    render("directorate-collation", "--output", str(workbook))
    assert "People" in pdf_text(pdf.read_bytes())
    sheets = load_workbook(BytesIO(workbook.read_bytes())).sheetnames
    assert "Summary" in sheets


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--public"], "no public version or appendix"),
        (["--year", "2025/26"], "--year is for the annual-committee report"),
        (["--quarter", "2025/26 Q1"], "--quarter is for the slt-quarterly pack"),
    ],
)
def test_collation_refuses_what_it_does_not_have(year, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        render("directorate-collation", *args, "--output", str(tmp_path / "x.pdf"))


def test_the_collation_is_a_pdf_or_a_workbook(year, tmp_path):
    with pytest.raises(CommandError, match=r"written as \.pdf or \.xlsx"):
        render("directorate-collation", "--output", str(tmp_path / "x.csv"))

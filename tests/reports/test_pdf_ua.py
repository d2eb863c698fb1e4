"""Every PDF the app writes is tagged PDF/UA-1, checked here as an auditor's tools check it:
a structure tree, the language, the title shown, every table header with its scope, every
link described in words, and the words a sighted reader gets from layout or colour (table
captions, each heat-map cell's band) present in the text."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from registers.periods import Quarter
from reports.collation import collation_pdf
from reports.committee import committee_report_pdf
from reports.packs.build import slt_pack_pdf
from tests.reports.test_committee import YEAR, build_year

pytestmark = pytest.mark.django_db


def structure(reader: PdfReader):
    """Every structure element of the tagged PDF, depth first."""
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            yield node
            kids = node.get("/K", [])
            stack.extend(kids if isinstance(kids, list) else [kids])


def problems(document: bytes) -> list[str]:
    reader = PdfReader(BytesIO(document))
    root = reader.trailer["/Root"]
    found = []
    if not bool(root.get("/MarkInfo", {}).get("/Marked")):
        found.append("not marked as tagged")
    if "/StructTreeRoot" not in root:
        return [*found, "no structure tree"]
    if root.get("/Lang") != "en-GB":
        found.append(f"language {root.get('/Lang')!r}")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle")):
        found.append("the title is not shown")
    if not reader.metadata.title:
        found.append("no title")
    if 'pdfuaid:part="1"' not in root["/Metadata"].get_object().get_data().decode():
        found.append("does not declare PDF/UA-1")
    elements = list(structure(reader))
    headers = [e for e in elements if e.get("/S") == "/TH"]
    unscoped = [e for e in headers if "/Scope" not in e.get("/A", {})]
    if unscoped:
        found.append(f"{len(unscoped)} of {len(headers)} table headers without /Scope")
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and not str(
                annotation.get("/Contents", "")
            ).strip(" #"):
                found.append(f"page {number}: a link without a description")
    return found


@pytest.fixture
def year(org):
    return build_year(org)


def test_the_slt_pack_in_every_version(org, year):
    for variant in ("full", "public", "appendix"):
        document = slt_pack_pdf(
            organisation=org.organisation, quarter=Quarter(YEAR, 4), variant=variant
        )
        assert problems(document) == [], variant


def test_the_committee_report(org, year):
    document = committee_report_pdf(organisation=org.organisation, year=YEAR, variant="full")
    assert problems(document) == []
    text = " ".join(
        "".join(page.extract_text() for page in PdfReader(BytesIO(document)).pages).split()
    )
    # Captions and each heat-map cell's band in words, not in colour alone.
    assert "Risks by residual band at the start and the end of the year" in text
    assert "Corporate risks with their quarterly trend and residual rating" in text
    assert "Likelihood 5, impact 5, Red: 0 risks" in text


def test_the_directorate_collation(org, year):
    assert problems(collation_pdf(organisation=org.organisation)) == []


def test_the_check_finds_an_untagged_pdf():
    from reports.pdf import html_to_pdf

    plain = html_to_pdf("<html lang='en-GB'><title>x</title><p>x</p></html>", variant=None)
    assert problems(plain) == ["not marked as tagged", "no structure tree"]

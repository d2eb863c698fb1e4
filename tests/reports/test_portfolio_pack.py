"""A Cabinet member's portfolio pack as an A4 PDF (docs/domain.md#cabinet-portfolios)."""

import io

import pytest
from pypdf import PdfReader

from registers import roles
from registers.models import Portfolio
from registers.services import portfolio_save
from reports.packs.portfolio_pack import portfolio_pack, portfolio_pack_pdf
from tests.conftest import person
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db


def test_the_pack_prints_the_key_risks_with_band_words_trend_and_owner(org):
    member = person(org.organisation, "cabinet", roles=[roles.CABINET_MEMBER])
    member.first_name, member.last_name = "Amina", "Shah"
    member.save()
    portfolio = portfolio_save(
        portfolio=Portfolio(organisation=org.organisation),
        name="Adult Services",
        holder=member,
        registers=[org.service_register],
        by=org.people["insurance"],
    )
    RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        title="Care market failure",
        residual_likelihood=4,
        residual_impact=4,
        exempt=True,
    )
    RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        title="Green and managed",
        residual_likelihood=1,
        residual_impact=1,
    )
    pack = portfolio_pack(portfolio=portfolio)
    assert pack.key_band_labels == "Red or Amber"
    assert pack.filename.startswith("portfolio-adult-services-")
    pdf = portfolio_pack_pdf(pack=pack)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Adult Services: key risks" in text
    assert "Amina Shah" in text
    assert "Care market failure" in text and "EXEMPT FROM PUBLICATION" in text
    assert "Red 16" in text
    assert "Not yet approved" in text
    assert "Green and managed" not in text

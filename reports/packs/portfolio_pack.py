"""A Cabinet member's portfolio pack: the key risks of their portfolio's services, projects and
partnerships, printed in the packs' style (docs/domain.md#cabinet-portfolios)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.text import slugify

from common.people import person_name
from registers.models import Portfolio, Register
from registers.selectors.portfolios import portfolio_key_risks
from reports.pdf import render_pdf
from reports.vocabulary import Rating, Ratings


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    number: int
    reference: str
    title: str
    event: str
    consequence: str
    register: str
    residual: Rating
    trend: str
    owner_name: str
    exempt: bool


@dataclass(frozen=True, slots=True)
class PortfolioPack:
    portfolio: Portfolio
    holder_name: str
    key_band_labels: str
    registers: list[Register]
    rows: list[PortfolioRow]
    generated_at: datetime

    @property
    def title(self) -> str:
        return f"{self.portfolio.name}: key risks"

    @property
    def filename(self) -> str:
        return f"portfolio-{slugify(self.portfolio.name)}-{self.generated_at:%Y-%m-%d}.pdf"


def portfolio_pack(*, portfolio: Portfolio) -> PortfolioPack:
    """The portfolio's key risks as the page shows them, with scores, owners and trends as
    they stand when it is made. Internal, like a register's pack: exempt risks are included
    and marked."""
    key = portfolio_key_risks(portfolio=portfolio)
    ratings = Ratings(key.bands)
    bands_by_key = {band.key: band for band in key.bands}
    rows = []
    for number, item in enumerate(key.risks, start=1):
        risk = item.risk
        band = bands_by_key.get(risk.key_band)
        rows.append(
            PortfolioRow(
                number=number,
                reference=risk.reference,
                title=risk.title,
                event=risk.event,
                consequence=risk.consequence,
                register=risk.register.name,
                residual=ratings.stored(
                    likelihood=risk.residual_likelihood,
                    impact=risk.residual_impact,
                    band_key=risk.key_band,
                    band_label=band.label if band else risk.imported_rating,
                ),
                trend=item.trend.text,
                owner_name=person_name(risk.owner) if risk.owner else risk.owner_as_written,
                exempt=risk.exempt,
            )
        )
    holder = portfolio.holder
    return PortfolioPack(
        portfolio=portfolio,
        holder_name=person_name(holder) if holder else "",
        key_band_labels=" or ".join(band.label for band in reversed(key.key_bands)),
        registers=key.registers,
        rows=rows,
        generated_at=timezone.localtime(),
    )


def portfolio_pack_pdf(*, pack: PortfolioPack) -> bytes:
    """``pack`` as an A4 PDF."""
    return render_pdf(
        "reports/portfolio_pack.html", {"pack": pack, "organisation": pack.portfolio.organisation}
    )

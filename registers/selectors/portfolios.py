"""The reads of Cabinet portfolios: which portfolios a person may read, and a portfolio's key
risks with their trends (docs/domain.md#cabinet-portfolios)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Q, QuerySet

from registers.models import TIER_ORDER, Portfolio, Register, Risk, RiskStatus
from registers.permissions import visible_portfolios
from registers.selectors.register_page import RowTrend, register_trends
from scoring import matrix
from scoring.selectors import scheme_bands


def portfolio_list(*, user: AbstractBaseUser) -> QuerySet[Portfolio]:
    """The portfolios the user may read, with their Cabinet member and how many registers each
    holds. One query."""
    return (
        visible_portfolios(user)
        .select_related("holder", "organisation")
        .annotate(register_count=Count("registers"))
        .order_by("name")
    )


@dataclass(frozen=True, slots=True)
class KeyRisk:
    """A key risk of a portfolio as its page and pack show it."""

    risk: Risk
    trend: RowTrend


@dataclass(frozen=True, slots=True)
class PortfolioKeyRisks:
    portfolio: Portfolio
    registers: list[Register]
    bands: tuple[matrix.Band, ...]
    key_bands: tuple[matrix.Band, ...]
    risks: list[KeyRisk]


def _key_band_keys(bands: tuple[matrix.Band, ...]) -> tuple[matrix.Band, ...]:
    """The bands whose risks are key: every band above the lowest (red and amber in the
    council's scheme), as the policy's Cabinet members are to know their portfolio's key
    risks and green risks are managed within the service."""
    return tuple(sorted(bands, key=lambda band: band.floor)[1:])


def portfolio_key_risks(*, portfolio: Portfolio) -> PortfolioKeyRisks:
    """The open risks of the portfolio's registers whose residual band is above the lowest,
    highest residual first, each with its trend in its register's latest approved quarter.

    Four queries, and two more for each approved register in the portfolio (its trends)."""
    bands = scheme_bands(scheme_id=portfolio.organisation.scheme_id)
    key_bands = _key_band_keys(bands)
    registers = sorted(
        portfolio.registers.select_related("directorate", "service", "owner"),
        key=lambda register: (TIER_ORDER[register.tier], register.name),
    )
    risks = list(
        Risk.objects.filter(
            register__in=[register.pk for register in registers], status=RiskStatus.OPEN
        )
        .with_bands(bands)
        .filter(Q(residual_band__in=[band.key for band in key_bands]))
        # The band (or, rated and not scored, the rating's band) for the pack to print.
        .annotate(key_band=F("residual_band"))
        .select_related("owner", "register")
        .order_by("-residual_rank", "reference")
    )
    trends = {
        register.pk: register_trends(register=register)
        for register in registers
        if any(risk.register_id == register.pk for risk in risks)
    }
    return PortfolioKeyRisks(
        portfolio=portfolio,
        registers=registers,
        bands=bands,
        key_bands=key_bands,
        risks=[KeyRisk(risk, trends[risk.register_id].of(risk)) for risk in risks],
    )

"""Shapes of the demo organisation's content.

The content itself lives in ``demo/council/``, one module per directorate, as plain data, so
that it reads like a council's registers and ``load_demo`` stays a short, idempotent loader.
Dates are offsets in days from the day the demo is loaded, so the demo never goes stale:
a negative offset is in the past (an overdue review or action).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The policy's ten sources of risk (docs/domain.md#risks).
CATEGORIES = (
    "strategic",
    "customers_citizens",
    "finance",
    "reputation",
    "legal_regulatory",
    "information",
    "environmental",
    "people",
    "political",
    "partnerships",
)
# The demo council's own categories, beside the policy's ten, as its Insurance Manager added
# them (key, label; docs/domain.md#categories): its regeneration projects file delivery risks
# under construction.
OWN_CATEGORIES = (("construction", "Construction and delivery"),)
RESPONSES = ("tolerate", "treat", "terminate", "transfer")
HORIZONS = ("short", "medium", "long")
ACTION_STATUSES = ("open", "in_progress", "done", "cancelled")


@dataclass(frozen=True)
class MitigationSeed:
    """A control in place (``kind="control"``) or a planned action (``kind="action"``)."""

    description: str
    kind: str = "control"
    status: str = "done"  # controls in place are "done"; actions "open" / "in_progress" / ...
    due_in_days: int | None = None  # actions: due date as days from today (negative = overdue)
    cost: int | None = None  # whole pounds, where known
    evaluation: str = ""  # how well it is working


@dataclass(frozen=True)
class RiskSeed:
    title: str
    event: str  # "If ..." / "There is a risk that ..."
    consequence: str  # "... there may be ..."
    impact: str  # "... resulting in ..."
    category: str  # one of CATEGORIES or OWN_CATEGORIES
    inherent: tuple[int, int]  # (likelihood, impact), each 1-5, scored without controls
    residual: tuple[int, int]  # (likelihood, impact) after controls
    response: str  # one of RESPONSES
    review_in_days: int  # next review due, days from today (negative = overdue)
    mitigations: tuple[MitigationSeed, ...] = ()
    rationale: str = ""  # why this response; required for "tolerate"
    horizon: str = "medium"  # one of HORIZONS
    target: tuple[int, int] | None = None  # (likelihood, impact) treatment aims for
    target_in_days: int | None = None  # when the target should be reached
    # Who owns it: "head" (Head of the service), "officer" (the service's officer), "director"
    # (the directorate's director), "director:<directorate-slug>", or a role username:
    # "chief.executive", "insurance.manager", "s151.officer", "monitoring.officer".
    owner: str = "head"
    # The estimated financial exposure in whole pounds (lowest, highest), and the MTFS
    # assumption or the budget line it threatens (one or neither).
    exposure: tuple[int, int] | None = None
    mtfs: str = ""
    budget_line: str = ""

    def finance_fields(self) -> dict[str, object]:
        """The risk's financial exposure fields as ``Risk`` takes them."""
        low, high = self.exposure or (None, None)
        kind = "mtfs" if self.mtfs else "budget" if self.budget_line else ""
        return {
            "exposure_low": low,
            "exposure_high": high,
            "financial_link": kind,
            "financial_link_detail": self.mtfs or self.budget_line,
        }


@dataclass(frozen=True)
class ProjectSeed:
    slug: str
    name: str
    risks: tuple[RiskSeed, ...]


@dataclass(frozen=True)
class ServiceSeed:
    slug: str
    name: str
    head: tuple[str, str]  # (first name, last name) of the Head of Service
    risks: tuple[RiskSeed, ...]
    officer: tuple[str, str] | None = None  # a risk owner below Head of Service, if any
    projects: tuple[ProjectSeed, ...] = ()


@dataclass(frozen=True)
class DirectorateSeed:
    slug: str
    name: str
    director: tuple[str, str]  # (first name, last name)
    services: tuple[ServiceSeed, ...]
    risks: tuple[RiskSeed, ...] = field(default=())  # the directorate register's own risks

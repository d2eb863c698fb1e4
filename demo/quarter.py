"""The demo's quarter in progress: what waits for SLT's next meeting (a closure proposed, a new
corporate risk proposed, the Section 151 Officer's oversight), last year's committee words and
the Cabinet portfolios, each loaded once."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser

from demo.committee import load_closure_proposal, load_committee_words
from demo.oversight import load_demo_oversight
from demo.portfolios import load_demo_portfolios
from demo.slt_proposals import load_new_risk_proposal
from registers.models import Organisation


def load_quarter_in_progress(
    *, organisation: Organisation, today: date, by: AbstractBaseUser
) -> list[tuple[str, int]]:
    """Load each part missing; return what was made, as (what, how many)."""
    return [
        ("closure proposals", load_closure_proposal(organisation=organisation, today=today)),
        (
            "new corporate risks proposed",
            load_new_risk_proposal(organisation=organisation, today=today),
        ),
        ("committee report words", load_committee_words(organisation=organisation, today=today)),
        ("Section 151 reviews", load_demo_oversight(organisation=organisation, today=today)),
        ("Cabinet portfolios", load_demo_portfolios(organisation=organisation, by=by)),
    ]

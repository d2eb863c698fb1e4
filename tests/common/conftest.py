import datetime
from functools import partial

import pytest

from registers.categories import category_labels
from registers.filters import AcrossRiskFilter, RegisterRiskFilter
from registers.models import Risk


@pytest.fixture
def filter_forms(org):
    """``filter_forms(data)``: a fresh register filter form and cross-register filter form
    bound to ``data``, with the organisation's people, bands and registers as choices."""
    register = org.service_register
    owners = [(p.pk, p.first_name, p.last_name, p.username) for p in org.people.values()]
    bands = org.organisation.scheme.as_bands()
    today = datetime.date(2026, 12, 6)

    def make(data):
        return [
            RegisterRiskFilter(
                data,
                Risk.objects.none(),
                bands=bands,
                owner_choices=owners,
                categories=partial(category_labels, register.organisation_id),
                today=today,
                appetite=lambda: None,
            ).form,
            AcrossRiskFilter(
                data,
                Risk.objects.none(),
                bands=bands,
                directorate_choices=[(1, "Finance")],
                register_choices=[(register.pk, register.name, register.tier)],
                owner_choices=owners,
                today=today,
                appetite=None,
            ).form,
        ]

    return make

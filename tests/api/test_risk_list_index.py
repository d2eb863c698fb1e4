"""The API's list of an organisation's risks of every status (``status=all``, what Power BI
reads a thousand rows at a time) takes each page's keys from an index in the list's default
order on PostgreSQL, not from a sort of the organisation's every risk."""

import pytest
from django.http import QueryDict

from api.selectors import risk_listing
from common.paging import keys
from registers.models import Risk
from tests.registers.test_register_page import close
from tests.registers.test_residual_order import assert_read_from_index_in_order, every_kind

pytestmark = pytest.mark.django_db

INDEX = "risk_by_residual_order"


def test_postgresql_reads_a_page_of_every_status_from_its_index(org):
    every_kind(org.service_register)
    close(Risk.objects.filter(register=org.service_register).first())
    listing = risk_listing(
        user=org.people["chief"],
        params=QueryDict("status=all"),
        organisation=org.organisation,
    )
    page = keys(listing.sorted, 0, 1000)
    assert list(page.values_list("pk", flat=True)) == list(
        Risk.objects.filter(organisation=org.organisation)
        .order_by("-residual_order", "reference", "pk")
        .values_list("pk", flat=True)
    )
    assert Risk.objects.filter(organisation=org.organisation).exclude(status="open").exists()
    assert_read_from_index_in_order(page, INDEX)

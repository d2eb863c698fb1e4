"""``KeyPaginator``: the same pages as Django's paginator, in the same order and one query a
page, with the rows' joins and computed columns read for the page's rows alone."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext

from common.paging import KeyPaginator
from registers.models import Risk
from tests.registers.test_register_page import bulk_risks


def rows(queryset):
    return queryset.select_related("owner", "register").annotate(marked=Value(1))


@pytest.fixture
def risks(org):
    people = list(org.people.values())
    bulk_risks(org.service_register, 23, owners=people)
    bulk_risks(org.directorate_register, 14, owners=people[:2], start=100)
    # Sorted on a column with ties (the residual likelihood), so the tie-breaks decide.
    return Risk.objects.filter(register__organisation=org.organisation).order_by(
        "-residual_likelihood", "title", "pk"
    )


@pytest.mark.parametrize("per_page, orphans", [(5, 0), (10, 3), (50, 0), (7, 6)])
def test_every_page_holds_the_rows_django_s_paginator_would(risks, per_page, orphans):
    expected = Paginator(rows(risks), per_page, orphans=orphans)
    paged = KeyPaginator(risks, per_page, rows=rows, orphans=orphans)
    assert paged.count == expected.count == 37
    assert paged.num_pages == expected.num_pages
    for number in expected.page_range:
        mine, theirs = paged.page(number), expected.page(number)
        assert [r.pk for r in mine.object_list] == [r.pk for r in theirs.object_list]
        assert (mine.start_index(), mine.end_index(), mine.has_next()) == (
            theirs.start_index(),
            theirs.end_index(),
            theirs.has_next(),
        )


def test_a_page_is_one_query_with_its_rows_read_and_the_sorting_done_on_the_keys(risks):
    paged = KeyPaginator(risks, 10, rows=rows)
    paged.count  # noqa: B018 - the count's query, asked for first as a page would
    with CaptureQueriesContext(connection) as queries:
        page = paged.get_page(2)
        shown = [(risk.owner.username, risk.register.name, risk.marked) for risk in page]
    assert len(shown) == 10 and len(queries) == 1
    sql = queries[0]["sql"]
    # The page's keys are a sub-query sorted and cut to the page; the outer query reads rows.
    assert sql.count("LIMIT") == 1 and "IN (SELECT" in sql
    inner = sql[sql.index("IN (SELECT") :]
    assert "auth_user" not in inner and "LIMIT 10 OFFSET 10" in inner


def test_out_of_range_pages_behave_as_django_s(risks):
    paged = KeyPaginator(risks, 10, rows=rows)
    assert paged.get_page(99).number == 4 and paged.get_page("x").number == 1
    assert len(paged.get_page(4)) == 7
    assert list(KeyPaginator(risks.none(), 10, rows=rows).get_page(1)) == []

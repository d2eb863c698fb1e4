"""Pages of 50, as the register page shows them; up to 1,000 a page on request (Power BI
follows ``next``); a CSV is the whole list, as the register's export is."""

from collections.abc import Callable
from functools import partial

from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination

from common.paging import KeyPaginator
from registers.selectors import changes
from registers.selectors.register_page import PAGE_SIZE


class RegisterPagePagination(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 1000

    def paginate_queryset(self, queryset, request, view=None):
        if getattr(request.accepted_renderer, "format", None) == "csv":
            return None
        return super().paginate_queryset(queryset, request, view)

    def paginate_rows(
        self, queryset: QuerySet, rows: Callable[[QuerySet], QuerySet], request, view
    ):
        """A page of ``queryset`` (filtered and sorted) sorted on its keys alone, its rows then
        read with ``rows`` for that page only (``common.paging.KeyPaginator``), its count kept
        until the registers next change (``changes.count``)."""
        self.django_paginator_class = partial(KeyPaginator, rows=rows, counted=changes.count)
        return self.paginate_queryset(queryset, request, view)

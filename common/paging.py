"""Pages of a long list that cost what the page costs, not what the list costs.

A page of 50 rows out of 100,000 is sorted in the database; when the query behind the rows
joins other tables and computes columns (an owner, a register, where a risk came from), the
database joins and computes them for every row before it sorts, and throws all but 50 away.
``KeyPaginator`` sorts and slices only the bare rows' keys, then reads the page's rows in full
for those keys alone: the same rows in the same order, in the same one query (the keys are a
sub-query of it), with the joining done 50 times instead of 100,000.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


def keys(queryset: QuerySet, start: int, stop: int) -> QuerySet:
    """The keys of rows ``start`` to ``stop`` of ``queryset`` in its order, as a sub-query:
    sorted on the bare rows, for a query that reads those rows in full to filter on."""
    return queryset.values("pk")[start:stop]


class KeyPaginator(Paginator):
    """A paginator over ``object_list`` (filtered and ordered, without the rows' joins and
    computed columns) whose pages are ``rows(object_list restricted to the page's keys)``.

    ``rows`` adds what a row shows (``select_related``, annotations); it must not change which
    rows there are nor their order. The count is the bare list's: ``counted(object_list)``
    where given (a count kept between requests, say), else the list's own."""

    def __init__(
        self,
        object_list: QuerySet,
        per_page: int,
        *,
        rows: Callable[[QuerySet], QuerySet],
        counted: Callable[[QuerySet], int] | None = None,
        **kwargs,
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = rows
        self.counted = counted

    @cached_property
    def count(self) -> int:
        if self.counted is None:
            return self.object_list.count()
        return self.counted(self.object_list)

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        page_keys = keys(self.object_list, bottom, top)
        return self._get_page(self.rows(self.object_list.filter(pk__in=page_keys)), number, self)

"""A page's address by URL name and id, at the cost of a string format: for the links of every
row of a long list (a page of 1,000 risks in the API, fifty on a register), where Django's
``reverse`` (about 40 microseconds a call) would cost more than the row itself."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

# An id no row has: reversed once per URL name, then cut out to leave what comes before and
# after an id.
_MARK = 9_876_543_210_123


@lru_cache(maxsize=64)
def _around_id(name: str, prefix: str, urlconf: str | None) -> tuple[str, str]:
    path = reverse(name, kwargs={"pk": _MARK}, urlconf=urlconf)
    before, found, after = path.partition(str(_MARK))
    if not found:  # the id is not written as itself (a converter changed it)
        raise ValueError(f"{name} does not take its pk as written")
    return before, after


def pk_urls(name: str) -> Callable[[int], str]:
    """``url_for_pk`` for one URL name, the script prefix and URLconf read now rather than per
    link: for the rows of one response (reading them costs more than the rest of a link)."""
    before, after = _around_id(name, get_script_prefix(), get_urlconf())
    return lambda pk: f"{before}{int(pk)}{after}"


def url_for_pk(name: str, pk: int) -> str:
    """``reverse(name, kwargs={"pk": pk})``, the reversing done once per name (and script
    prefix and URLconf, so it follows both as ``reverse`` does)."""
    before, after = _around_id(name, get_script_prefix(), get_urlconf())
    return f"{before}{int(pk)}{after}"

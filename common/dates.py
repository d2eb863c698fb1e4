"""A day as the pages print it: ``4 Jul 2027`` (``|date:"j M Y"``), for rows written in Python."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from django.utils import timezone
from django.utils.dateformat import format as format_date


def day_text(moment: date | datetime | None) -> str:
    """``{{ moment|date:"j M Y" }}``: a datetime on its local day, as templates show it;
    "" for None."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = timezone.localdate(moment)
    return _formatted(moment)


@lru_cache(maxsize=4096)
def _formatted(day: date) -> str:
    """Once per date: a list of fifty rows has a handful of dates."""
    return format_date(day, "j M Y")

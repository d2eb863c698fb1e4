"""The escalation queue's rows, written in Python: fifty proposals of seven cells were most of
the queue's time as template nodes. The markup is the one the template had.

    {% load proposal_rows %}
    {% proposal_rows page %}
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from common.people import person_name
from escalation.models import Proposal

register = template.Library()

ROW = (
    '\n    <tr>\n      <th scope="row"><a href="{}">{} · {}</a></th>\n'
    "      <td>{}</td>\n      <td>{}</td>\n      <td>{}</td>\n      <td>{}</td>\n"
    '      <td class="text-nowrap">{}<div class="small">{}</div></td>\n'
    "      <td>{}{}</td>\n    </tr>"
)


def _day(moment: datetime | None) -> str:
    """``{{ moment|date:"j M Y" }}``: the day in local time, as templates show it."""
    return "" if moment is None else _local_day(timezone.localdate(moment))


@lru_cache(maxsize=4096)
def _local_day(day: date) -> str:
    return format_date(day, "j M Y")


def _to(proposal: Proposal) -> str:
    if proposal.is_closure:
        return format_html("Closure: off {}", proposal.to_register.name)
    return proposal.to_register.name


def _residual(proposal: Proposal) -> str:
    if proposal.residual_score:
        return f"{proposal.residual_band_label} {proposal.residual_score}"
    return "Not scored"


def _factors(proposal: Proposal) -> SafeString:
    if proposal.is_closure:
        return mark_safe("–")
    below = (
        ""
        if proposal.recommended
        else format_html(' <span class="small">(below {})</span>', proposal.recommend_at)
    )
    return format_html("{} of {}{}", proposal.factors_held, len(proposal.answers), below)


def _decided(proposal: Proposal) -> SafeString:
    if not proposal.decided_by:
        return mark_safe("")
    who = "SLT" if proposal.recorded_for_slt else person_name(proposal.decided_by)
    return format_html(
        '<div class="small">{}, {}</div>',
        who,
        _day(proposal.decided_at),
    )


@register.simple_tag
def proposal_rows(proposals: Iterable[Proposal]) -> SafeString:
    """Risk, from, to, residual when proposed, factors, proposed (when and by whom),
    status (and who decided, when)."""
    return format_html_join(
        "",
        ROW,
        (
            (
                proposal.get_absolute_url(),
                proposal.risk.reference,
                proposal.risk.title,
                proposal.from_register.name,
                _to(proposal),
                _residual(proposal),
                _factors(proposal),
                _day(proposal.proposed_at),
                person_name(proposal.proposed_by),
                proposal.get_status_display(),
                _decided(proposal),
            )
            for proposal in proposals
        ),
    )

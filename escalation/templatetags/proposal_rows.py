"""The escalation queue's rows, written in Python: fifty proposals of seven cells were most of
the queue's time as template nodes. The markup is the one the template had.

    {% load proposal_rows %}
    {% proposal_rows page %}
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from common.dates import day_text
from common.people import person_name
from escalation.models import Proposal

register = template.Library()

ROW = (
    '\n    <tr>\n      <th scope="row"><a href="{}">{} · {}</a></th>\n'
    "      <td>{}</td>\n      <td>{}</td>\n      <td>{}</td>\n      <td>{}</td>\n"
    '      <td class="text-nowrap">{}<div class="small">{}</div></td>\n'
    "      <td>{}{}</td>\n    </tr>"
)


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
        day_text(proposal.decided_at),
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
                day_text(proposal.proposed_at),
                person_name(proposal.proposed_by),
                proposal.get_status_display(),
                _decided(proposal),
            )
            for proposal in proposals
        ),
    )

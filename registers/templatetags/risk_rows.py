"""The rows of the register page's table, of risks across registers and of the organisation
page, written in Python.

Fifty rows of eight cells, each with its badges, trend and appetite, were about a quarter of a
register page's time as template nodes (some 2,000 a page); here they are a string format each.
The markup is the one the templates had; ``tests/registers/test_risk_rows.py`` checks it cell
by cell.

    {% load risk_rows %}
    {% register_rows rows bands %}          {# register page: RiskRow items #}
    {% across_rows rows bands %}            {# risks across: (risk, overdue, verdict) #}
    {% register_summary_rows group.summaries %}   {# the organisation page #}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from common.dates import day_text
from common.people import person_name
from common.urls import url_for_pk
from registers.appetite import Verdict
from registers.models import Risk
from registers.selectors import RegisterSummary
from registers.selectors.register_page import RiskRow
from scoring import badges, matrix

register = template.Library()

OVERDUE = mark_safe(' <span class="overdue">overdue</span>')
CLOSED = mark_safe(' <span class="badge text-bg-secondary">Closed</span>')


def _title(risk: Risk) -> SafeString:
    """The title, linked, saying when the risk is closed and where it came from."""
    arrived = ""
    if getattr(risk, "arrived_from", None):
        how = "Escalated" if risk.arrived_by == "escalated" else "De-escalated"
        arrived = format_html(
            '<div class="small fw-normal">{} from {}</div>', how, risk.arrived_from
        )
    return format_html(
        '<a href="{}">{}</a>{}{}',
        risk.get_absolute_url(),
        risk.title,
        "" if risk.is_open else CLOSED,
        arrived,
    )


def _owner(risk: Risk, *, as_written: bool) -> SafeString:
    if risk.owner_id is not None:
        return format_html("{}", person_name(risk.owner))
    if as_written and risk.owner_as_written:
        return format_html(
            '<span class="overdue">“{}” as written: no person assigned</span>',
            risk.owner_as_written,
        )
    return mark_safe('<span class="overdue">No owner</span>')


def _appetite(verdict: Verdict | None) -> str:
    """A risk outside the appetite, in words beside its residual band
    (docs/domain.md#risk-appetite)."""
    if verdict is None or not verdict.outside:
        return ""
    return format_html(
        '<div class="small appetite-outside" data-appetite><strong>{}</strong></div>',
        verdict.text,
    )


def _residual(risk: Risk, bands: tuple[matrix.Band, ...], verdict: Verdict | None) -> str:
    if risk.residual_likelihood is None and risk.imported_band:
        badge = badges.rated_badge(risk.imported_band, risk.imported_rating, bands)
    else:
        badge = badges.band_badge(risk.residual_likelihood, risk.residual_impact, bands)
    return format_html("{}{}", badge, _appetite(verdict))


def _next_review(risk: Risk, overdue: bool) -> SafeString:
    if not risk.next_review_due:
        return mark_safe("Not set")
    return format_html("{}{}", day_text(risk.next_review_due), OVERDUE if overdue else "")


def _trend(row: RiskRow) -> SafeString:
    trend = row.trend
    glyph = format_html('<span aria-hidden="true">{}</span> ', trend.glyph) if trend.glyph else ""
    return format_html(
        '<span class="trend trend-{}" title="{}">{}{}</span>',
        trend.direction,
        trend.explanation,
        glyph,
        trend.label,
    )


REGISTER_ROW = (
    '\n    <tr>\n      <td class="text-nowrap">{}</td>\n      <th scope="row">{}</th>\n'
    "      <td>{}</td>\n      <td>{}</td>\n      <td>{}</td>\n      <td>{}</td>\n"
    '      <td class="text-nowrap">{}</td>\n      <td class="text-nowrap">{}</td>\n    </tr>'
)


@register.simple_tag
def register_rows(rows: Iterable[RiskRow], bands: Sequence[matrix.Band]) -> SafeString:
    """The register page's rows: reference, title, owner, inherent, residual (and appetite),
    response, trend, next review."""
    bands = tuple(bands)
    return format_html_join(
        "",
        REGISTER_ROW,
        (
            (
                row.risk.reference,
                _title(row.risk),
                _owner(row.risk, as_written=True),
                badges.band_badge(row.risk.inherent_likelihood, row.risk.inherent_impact, bands),
                _residual(row.risk, bands, row.appetite),
                row.risk.get_response_display() or "Not decided",
                _trend(row),
                _next_review(row.risk, row.review_overdue),
            )
            for row in rows
        ),
    )


ACROSS_ROW = (
    '\n      <tr>\n        <td class="text-nowrap">{}</td>\n'
    '        <th scope="row"><a href="{}">{}</a></th>\n'
    '        <td><a href="{}">{}</a></td>\n        <td>{}</td>\n        <td>{}</td>\n'
    '        <td>{}</td>\n        <td class="text-nowrap">{}</td>\n      </tr>'
)


@register.simple_tag
def across_rows(
    rows: Iterable[tuple[Risk, bool, Verdict | None]], bands: Sequence[matrix.Band]
) -> SafeString:
    """Risks across registers' rows: reference, title, register, owner, inherent, residual
    (and appetite), next review."""
    bands = tuple(bands)
    return format_html_join(
        "",
        ACROSS_ROW,
        (
            (
                risk.reference,
                risk.get_absolute_url(),
                risk.title,
                url_for_pk("registers:register-detail", risk.register_id),
                risk.register.name,
                _owner(risk, as_written=False),
                badges.band_badge(risk.inherent_likelihood, risk.inherent_impact, bands),
                format_html(
                    "{}{}",
                    badges.band_badge(risk.residual_likelihood, risk.residual_impact, bands),
                    _appetite(verdict),
                ),
                _next_review(risk, overdue),
            )
            for risk, overdue, verdict in rows
        ),
    )


SUMMARY_ROW = (
    '\n        <tr>\n          <th scope="row"{}><a href="{}">{}</a>{}</th>\n'
    "          <td>{}</td>\n          <td>{}</td>\n"
    '          <td class="text-end">{}</td>\n          {}\n'
    '          <td class="text-end">{}</td>\n          <td class="text-end">{}</td>\n'
    "          <td>{}</td>\n        </tr>"
)


def _review_due(summary: RegisterSummary) -> SafeString:
    if not summary.next_review_due:
        return mark_safe("Never approved")
    if summary.register_review_overdue:
        return format_html(
            '<span class="overdue">{} (overdue)</span>', day_text(summary.next_review_due)
        )
    return format_html("{}", day_text(summary.next_review_due))


@register.simple_tag
def register_summary_rows(summaries: Iterable[RegisterSummary]) -> SafeString:
    """The organisation page's rows, one per register: its name (projects indented under
    their service), tier, owner, open risks, open risks by residual band highest first, not
    scored, risk reviews overdue and when the register's own review is due. Counts are plain
    integers (no thousands separators)."""
    return format_html_join(
        "",
        SUMMARY_ROW,
        (
            (
                mark_safe(' class="ps-4"') if summary.tier == "project" else "",
                summary.url,
                summary.name,
                CLOSED if summary.closed else "",
                summary.tier_label,
                summary.owner_name,
                str(summary.open_risks),
                format_html_join(
                    "", '<td class="text-end">{}</td>', ((str(n),) for _, n in summary.counts)
                ),
                str(summary.not_scored),
                format_html('<span class="overdue">{}</span>', str(summary.reviews_overdue))
                if summary.reviews_overdue
                else "0",
                _review_due(summary),
            )
            for summary in summaries
        ),
    )

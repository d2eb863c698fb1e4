"""Band badges: the score with its band's label and colour (never colour alone)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from scoring import matrix

register = template.Library()


@register.simple_tag
def band_badge(likelihood, impact, bands):
    """``{% band_badge risk.residual_likelihood risk.residual_impact bands %}``."""
    value = matrix.score_or_none(likelihood, impact)
    if value is None:
        return mark_safe('<span class="badge band band-unscored">Not scored</span>')
    band = matrix.band_for(value, bands)
    return format_html(
        '<span class="badge band" style="background-color:{};color:{}" '
        'title="Likelihood {} × impact {}">{} <span class="band-score">{}</span></span>',
        band.colour,
        band.text_colour,
        likelihood,
        impact,
        band.label,
        value,
    )


@register.simple_tag
def band_swatch(band):
    """A band's label on its colour, for legends and counts."""
    return format_html(
        '<span class="badge band" style="background-color:{};color:{}">{}</span>',
        band.colour,
        band.text_colour,
        band.label,
    )


@register.filter
def bands_of(bands_by_organisation, organisation_id):
    """``{{ home.bands|bands_of:risk.register.organisation_id }}``: one organisation's bands."""
    return bands_by_organisation.get(organisation_id, matrix.COVENTRY)


@register.simple_tag
def rated_badge(band_key, rating, bands):
    """``{% rated_badge risk.imported_band risk.imported_rating bands %}``: a risk rated but not
    scored, in its rating's band and saying so ("Critical (rated, not scored)")."""
    band = next((band for band in bands if band.key == band_key), None)
    words = f"{rating or (band.label if band else band_key)} (rated, not scored)"
    if band is None:
        return format_html('<span class="badge band band-unscored">{}</span>', words)
    return format_html(
        '<span class="badge band" style="background-color:{};color:{}">{}</span>',
        band.colour,
        band.text_colour,
        words,
    )

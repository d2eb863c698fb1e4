"""Band badges: the score with its band's label and colour (never colour alone); the HTML is
``scoring.badges``'."""

from django import template

from scoring import badges, matrix

register = template.Library()


@register.simple_tag
def band_badge(likelihood, impact, bands):
    """``{% band_badge risk.residual_likelihood risk.residual_impact bands %}``."""
    return badges.band_badge(likelihood, impact, tuple(bands))


@register.simple_tag
def band_swatch(band):
    """A band's label on its colour, for legends and counts."""
    return badges.band_swatch(band)


@register.filter
def bands_of(bands_by_organisation, organisation_id):
    """``{{ home.bands|bands_of:risk.register.organisation_id }}``: one organisation's bands."""
    return bands_by_organisation.get(organisation_id, matrix.COVENTRY)


@register.simple_tag
def rated_badge(band_key, rating, bands):
    """``{% rated_badge risk.imported_band risk.imported_rating bands %}``: a risk rated but not
    scored, in its rating's band and saying so ("Critical (rated, not scored)")."""
    return badges.rated_badge(band_key, rating, bands)

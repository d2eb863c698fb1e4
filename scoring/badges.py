"""Band badges as HTML: the score with its band's label and colour (never colour alone).

One badge per likelihood, impact and scheme, remembered: a register page prints two for each
of its fifty rows, from a handful of distinct scores. The template tags in
``scoring/templatetags/scoring.py`` and the rows written in Python share them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from scoring import matrix

NOT_SCORED = mark_safe('<span class="badge band band-unscored">Not scored</span>')


@lru_cache(maxsize=4096)
def band_badge(likelihood, impact, bands: tuple[matrix.Band, ...]) -> SafeString:
    """``<span class="badge band" ...>Amber <span class="band-score">9</span></span>``."""
    value = matrix.score_or_none(likelihood, impact)
    if value is None:
        return NOT_SCORED
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


def band_swatch(band: matrix.Band) -> SafeString:
    """A band's label on its colour, for legends and counts."""
    return format_html(
        '<span class="badge band" style="background-color:{};color:{}">{}</span>',
        band.colour,
        band.text_colour,
        band.label,
    )


def rated_badge(band_key: str, rating: str, bands: Sequence[matrix.Band]) -> SafeString:
    """A risk rated but not scored, in its rating's band and saying so ("Critical (rated, not
    scored)")."""
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

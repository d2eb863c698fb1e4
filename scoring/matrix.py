"""The risk matrix: likelihood x impact, bands and appetite. Pure Python, no Django.

A *scheme* is an ordered tuple of bands, each starting at a ``floor`` score and running up to
the next band's floor. The council's scheme (the policy's Table 3) is the default: green 1-5,
amber 6-14, red 15-25, with red outside the risk appetite. Another body's scheme may have
other labels, colours and any number of bands (the police rate Medium / High / Critical).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import cache

SCALE = range(1, 6)  # likelihood and impact are each scored 1..5
MAX_SCORE = 25


class Seniority(IntEnum):
    """How senior a risk owner is, for the policy's ownership guidance (Part 4)."""

    OFFICER = 1  # manages risks within the service
    SERVICE_LEADERSHIP = 2  # Head of Service or a member of the service leadership team
    DIRECTOR = 3  # Director: owns red risks and reports them to SLT
    EXECUTIVE = 4  # Chief Executive and the Strategic Leadership Team

    @property
    def label(self) -> str:
        return SENIORITY_LABELS[self]


SENIORITY_LABELS = {
    Seniority.OFFICER: "Officer",
    Seniority.SERVICE_LEADERSHIP: "Service leadership",
    Seniority.DIRECTOR: "Director",
    Seniority.EXECUTIVE: "Strategic Leadership Team",
}


@dataclass(frozen=True, slots=True)
class Band:
    key: str  # "red"; stable, used in URLs, CSS classes and filters
    label: str  # "Red", or "Critical" in another body's scheme
    floor: int  # lowest score in the band
    colour: str  # background colour, "#rrggbb"
    within_appetite: bool
    owner_seniority: Seniority = Seniority.OFFICER  # least seniority that should own it
    owner_guidance: str = ""

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on ``colour`` (WCAG contrast)."""
        return text_colour_for(self.colour)


COVENTRY = (
    Band(
        "green",
        "Green",
        1,
        "#00b050",
        True,
        Seniority.OFFICER,
        "Within the risk appetite: managed and monitored within the service.",
    ),
    Band(
        "amber",
        "Amber",
        6,
        "#ffc000",
        True,
        Seniority.SERVICE_LEADERSHIP,
        "Within the risk appetite but closely monitored: owned by a Director or a member of "
        "the service leadership team reporting to the Director.",
    ),
    Band(
        "red",
        "Red",
        15,
        "#c00000",
        False,
        Seniority.DIRECTOR,
        "Exceeds the risk appetite: actively managed at Director level; the owner reports "
        "to the Strategic Leadership Team.",
    ),
)


def score(likelihood: int, impact: int) -> int:
    """Likelihood x impact, each 1..5."""
    if likelihood not in SCALE or impact not in SCALE:
        raise ValueError(f"likelihood and impact must be 1..5, got {likelihood}, {impact}")
    return likelihood * impact


def score_or_none(likelihood: int | None, impact: int | None) -> int | None:
    """The score, or None when the risk is not scored (a NULL likelihood or impact)."""
    if likelihood is None or impact is None:
        return None
    return score(likelihood, impact)


def band_or_none(
    likelihood: int | None, impact: int | None, bands: Sequence[Band] = COVENTRY
) -> Band | None:
    """The band of a score, or None when the risk is not scored."""
    value = score_or_none(likelihood, impact)
    return None if value is None else band_for(value, bands)


def validate_bands(bands: Sequence[Band]) -> None:
    """Raise ValueError unless the bands cover 1..25 in rising order with unique keys."""
    if not bands:
        raise ValueError("a scheme needs at least one band")
    floors = [band.floor for band in bands]
    if floors[0] != 1:
        raise ValueError("the lowest band must start at 1")
    if floors != sorted(set(floors)):
        raise ValueError("band floors must rise strictly")
    if floors[-1] > MAX_SCORE:
        raise ValueError(f"no band can start above {MAX_SCORE}")
    keys = [band.key for band in bands]
    if len(set(keys)) != len(keys):
        raise ValueError("band keys must be unique")


def band_for(value: int, bands: Sequence[Band] = COVENTRY) -> Band:
    """The band a score (1..25) falls in."""
    if not 1 <= value <= MAX_SCORE:
        raise ValueError(f"a score must be 1..{MAX_SCORE}, got {value}")
    # A loop rather than a generator: the collation bands every open risk several times.
    for band in reversed(bands):
        if value >= band.floor:
            return band
    raise ValueError(f"no band starts at or below {value}")


def band_ranges(bands: Sequence[Band] = COVENTRY) -> list[tuple[Band, int, int]]:
    """Each band with its lowest and highest score, e.g. (amber, 6, 14)."""
    ceilings = [band.floor - 1 for band in bands[1:]] + [MAX_SCORE]
    return [(band, band.floor, ceiling) for band, ceiling in zip(bands, ceilings, strict=True)]


def owner_fits_band(seniority: Seniority | int, band: Band) -> bool:
    """Whether an owner of this seniority fits the policy's ownership guidance for the band."""
    return seniority >= band.owner_seniority  # an IntEnum: compared as the number it is


def ownership_guidance(band: Band) -> str:
    """What the policy says about who should own a risk in this band."""
    return band.owner_guidance or f"Owned at {band.owner_seniority.label} level or above."


def _relative_luminance(colour: str) -> float:
    hex_digits = colour.lstrip("#")
    if len(hex_digits) != 6:
        raise ValueError(f"colours are #rrggbb, got {colour!r}")
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours (1..21)."""
    lighter, darker = sorted((_relative_luminance(first), _relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


@cache
def text_colour_for(background: str) -> str:
    """Black or white text, whichever has the higher contrast on the background (remembered:
    a register page asks it for every badge, of a handful of colours)."""
    on_black = contrast_ratio(background, "#000000")
    on_white = contrast_ratio(background, "#ffffff")
    return "#000000" if on_black >= on_white else "#ffffff"

"""The rules on controls and their assurance (docs/domain.md#controls-and-assurance), pure: no
Django, so every edge is tested without a database. The risk page's warnings
(``registers.warnings``), the collation's checks and the committee report all ask these."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from scoring import matrix


def year_before(day: date) -> date:
    """The same date a year earlier (29 February falls back to 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def assurance_cutoff(today: date) -> date:
    """The earliest date of an assurance that is still "in the last twelve months" on
    ``today``: the same date a year before counts, the day before it does not."""
    return year_before(today)


def assured_recently(latest_assurance_on: date | None, *, today: date) -> bool:
    """Whether a control has an assurance given in the twelve months up to ``today``."""
    return latest_assurance_on is not None and assurance_cutoff(today) <= latest_assurance_on


def wants_effective_control(
    *, inherent: int | None, residual: int | None, any_effective: bool
) -> bool:
    """A residual score below the inherent claims that the controls work; with no control
    in place rated effective nothing shows that they do."""
    if inherent is None or residual is None:
        return False
    return residual < inherent and not any_effective


def wants_key_control_assurance(residual: int | None, bands: Sequence[matrix.Band]) -> bool:
    """Whether a risk's key controls need assurance in the last twelve months: a residual
    score above the lowest band (amber and red in the council's scheme)."""
    if residual is None or not bands:
        return False
    return matrix.band_for(residual, bands).floor > bands[0].floor


# The lines of assurance, weakest first (``AssuranceLine``'s values).
LINES = ("first", "second", "third")


def assured_to(key_control_lines: Sequence[set[str]]) -> str | None:
    """The line to which every one of a risk's key controls is assured: each key control
    counts at the strongest line that assured it, and the risk at the weakest of those.
    None when a key control has no assurance, or when there is no key control."""
    if not key_control_lines:
        return None
    strongest = []
    for lines in key_control_lines:
        known = [LINES.index(line) for line in lines if line in LINES]
        if not known:
            return None
        strongest.append(max(known))
    return LINES[min(strongest)]

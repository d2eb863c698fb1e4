"""The risk form's live score preview and ownership guidance, as the server renders them for
the first view, and the scheme data (``scheme_for_script``) the browser's copy of the preview
(``static/js/risk-form.js``) reads from the page: the script holds no band of its own, so it
follows each organisation's scheme."""

from __future__ import annotations

from dataclasses import dataclass

from registers.forms.risk_layout import ScoreGroup
from scoring import matrix
from scoring.selectors import SchemeGuide


@dataclass(frozen=True, slots=True)
class ScorePreview:
    """What the live preview shows for one score: the sum, the band and what it means."""

    group: ScoreGroup
    likelihood: int | None
    impact: int | None
    band: matrix.Band | None
    note: str = ""

    @property
    def score(self) -> int | None:
        return matrix.score_or_none(self.likelihood, self.impact)

    @property
    def sum(self) -> str:
        if self.score is None:
            return "No target set" if self.group.name == "target" else "Not scored yet"
        return f"{self.likelihood} × {self.impact} = {self.score}"

    @property
    def meaning(self) -> str:
        if self.band is None:
            return "" if self.group.name == "target" else ": choose a likelihood and an impact."
        appetite = "within" if self.band.within_appetite else "outside"
        return f": {appetite} the risk appetite"


@dataclass(frozen=True, slots=True)
class OwnerGuidance:
    """The policy's ownership guidance for the risk's band, and whether the owner fits it."""

    band_line: str
    fit_line: str
    fits: bool | None


def residual_note(residual: int, inherent: int | None, band: matrix.Band | None) -> str:
    """What the policy says when the residual score is not good enough (Part 5)."""
    notes = []
    if inherent is not None and residual >= inherent:
        notes.append(
            f"Not lower than the inherent score ({inherent}): the controls are at best stopping "
            "the risk from getting worse."
        )
    if band is not None and not band.within_appetite:
        notes.append("Still outside the appetite: consider whether the controls are adequate.")
    return " ".join(notes)


def owner_fit(name: str, seniority: int, band: matrix.Band) -> tuple[str, bool]:
    level = matrix.Seniority(seniority)
    if matrix.owner_fits_band(level, band):
        return f"{name} ({level.label} level) fits this guidance.", True
    return (
        f"Check the owner: {name} is at {level.label} level; a {band.label} risk should be "
        f"owned at {band.owner_seniority.label} level or above.",
        False,
    )


def scheme_for_script(guide: SchemeGuide) -> dict:
    """The bands and seniority labels the live preview needs, for ``json_script``: each band's
    floor, label and colours as the organisation's scheme holds them, lowest floor first."""
    return {
        "bands": [
            {
                "key": band.key,
                "label": band.label,
                "floor": band.floor,
                "colour": band.colour,
                "textColour": band.text_colour,
                "withinAppetite": band.within_appetite,
                "ownerSeniority": int(band.owner_seniority),
                "ownerSeniorityLabel": band.owner_seniority.label,
                "guidance": matrix.ownership_guidance(band),
            }
            for band in guide.bands
        ],
        "seniority": {int(level): level.label for level in matrix.Seniority},
    }

"""The council's estimated financial exposure, as the Section 151 Officer and SLT read it
(docs/domain.md#financial-exposure): the open risks' exposure ranges totalled by directorate,
and the risks that threaten an assumption of the Medium Term Financial Strategy."""

from __future__ import annotations

from dataclasses import dataclass, field

from common.people import OWNER_NAME_FIELDS, owner_name
from registers.models import FinancialLink, Organisation, Risk, exposure_range_text
from reports.permissions import variant_carries
from reports.vocabulary import UNSCORED_COLOUR, Rating
from scoring import matrix

CORPORATE_ROW = "Corporate register"


@dataclass
class DirectorateExposure:
    """One directorate's open risks (every register in it), or the corporate register's:
    how many carry an estimate, and the sum of their lowest and highest estimates."""

    directorate: str
    open_risks: int = 0
    estimated: int = 0
    low: int = 0
    high: int = 0

    @property
    def range_text(self) -> str:
        return exposure_range_text(self.low, self.high) if self.estimated else ""

    @property
    def not_estimated(self) -> int:
        return self.open_risks - self.estimated


@dataclass(frozen=True, slots=True)
class MtfsRisk:
    """An open risk threatening an assumption of the Medium Term Financial Strategy."""

    risk_id: int
    reference: str
    title: str
    register_name: str
    directorate: str
    owner_name: str
    assumption: str
    exposure: str
    highest: int  # the highest estimate in pounds, 0 when not estimated: what it sorts on
    residual: Rating


@dataclass
class Exposure:
    """What the exposure section prints: a row per directorate, the council's total, and the
    risks tied to the MTFS (largest highest estimate first)."""

    directorates: list[DirectorateExposure]
    total: DirectorateExposure
    mtfs_risks: list[MtfsRisk] = field(default_factory=list)


def _residual(likelihood: int | None, impact: int | None, bands: tuple[matrix.Band, ...]) -> Rating:
    band = matrix.band_or_none(likelihood, impact, bands)
    if band is None:
        return Rating(None, None, "", "", UNSCORED_COLOUR)
    return Rating(likelihood, impact, band.key, band.label, band.colour)


# The columns of a risk the section reads: every open risk is counted (the first six), and the
# few tied to the MTFS are written out (the rest).
EXPOSURE_FIELDS = (
    "exempt",
    "exposure_low",
    "exposure_high",
    "financial_link",
    "register__directorate",
    "register__directorate__name",
    "pk",
    "reference",
    "title",
    "register__name",
    "financial_link_detail",
    "residual_likelihood",
    "residual_impact",
    *OWNER_NAME_FIELDS,
)


def organisation_exposure(
    *, organisation: Organisation, bands: tuple[matrix.Band, ...], variant: str
) -> Exposure:
    """The open risks of every register of ``organisation``, as they are now, that a report in
    ``variant`` carries (the public version leaves exempt risks out of the totals too):
    totals by directorate, alphabetical, the corporate register first; then the risks tied to
    the MTFS. One query whatever the number of risks."""
    # Rows, not model instances: every open risk of the organisation is read to be counted,
    # and building a risk, its register, directorate, owner and profile for each cost more
    # than the rest of the SLT pack's reads together (10,000 risks).
    risks = (
        Risk.objects.open()
        .filter(register__organisation=organisation)
        .order_by("reference", "pk")
        .values(*EXPOSURE_FIELDS)
    )
    rows: dict[str, DirectorateExposure] = {}
    total = DirectorateExposure("All registers")
    mtfs: list[MtfsRisk] = []
    for risk in risks:
        if not variant_carries(variant, exempt=risk["exempt"]):
            continue
        name = (
            CORPORATE_ROW
            if risk["register__directorate"] is None
            else risk["register__directorate__name"]
        )
        row = rows.setdefault(name, DirectorateExposure(name))
        low, high = risk["exposure_low"], risk["exposure_high"]
        for counted in (row, total):
            counted.open_risks += 1
            if low is not None:
                counted.estimated += 1
                counted.low += low
                counted.high += high
        if risk["financial_link"] == FinancialLink.MTFS:
            mtfs.append(
                MtfsRisk(
                    risk_id=risk["pk"],
                    reference=risk["reference"],
                    title=risk["title"],
                    register_name=risk["register__name"],
                    directorate=name,
                    owner_name=owner_name(risk),
                    assumption=risk["financial_link_detail"],
                    exposure=exposure_range_text(low, high),
                    highest=high or 0,
                    residual=_residual(risk["residual_likelihood"], risk["residual_impact"], bands),
                )
            )
    ordered = sorted(rows.values(), key=lambda r: (r.directorate != CORPORATE_ROW, r.directorate))
    mtfs.sort(key=lambda m: (-m.highest, m.reference))
    return Exposure(directorates=ordered, total=total, mtfs_risks=mtfs)

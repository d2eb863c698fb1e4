"""The quarterly SLT pack: the corporate register as SLT approved it in a quarter.

Scores, bands, owners and trends come from the register's approved snapshots (frozen when SLT
approved the quarter), so the pack for a past quarter reads the same whenever it is printed.
A risk's text and its controls and actions come from the risk as it is when the pack is
generated: the pack says so on its cover.

Three variants (``reports.permissions``): ``full`` (everything, exempt risks marked),
``public`` (exempt risks left out of every section, and the number withheld said) and
``appendix`` (only the exempt risks, confidential). A fixed number of queries whatever the
number of risks.

The pack as plain data is in ``document``, the builder in ``build`` with the sections it
reads beside the snapshot in ``sections``; its words and marks are the reports' shared
``reports.vocabulary``.
"""

from reports.packs.build import TREND_QUARTERS, slt_pack, slt_pack_pdf
from reports.packs.document import (
    MARKINGS,
    SHORT_TITLE,
    TITLE,
    VARIANT_NAMES,
    Movement,
    OverdueAction,
    PackAction,
    PackProposal,
    PackRisk,
    Rescore,
    SltPack,
    pack_filename,
)
from reports.snapshots import (
    ApprovedQuarter,
    approved_quarters,
    corporate_register,
    latest_approved_quarter,
)

__all__ = [
    "MARKINGS",
    "SHORT_TITLE",
    "TITLE",
    "TREND_QUARTERS",
    "VARIANT_NAMES",
    "ApprovedQuarter",
    "Movement",
    "OverdueAction",
    "PackAction",
    "PackProposal",
    "PackRisk",
    "Rescore",
    "SltPack",
    "approved_quarters",
    "corporate_register",
    "latest_approved_quarter",
    "pack_filename",
    "slt_pack",
    "slt_pack_pdf",
]

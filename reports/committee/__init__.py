"""The annual risk management report to the Audit and Procurement Committee.

What the committee reads about a financial year of the corporate register: how it moved
(start- and end-of-year heat maps, every risk with its four-quarter trend, what came onto and
went off it), how well the process ran (quarterly approvals, reviews on time, actions
completed and overdue, escalations and their outcome), and the words people write for it (an
introduction by the Insurance Manager and Internal Audit's independent annual opinion, kept in
``CommitteeNarrative``).

Everything is read from the register's approved quarterly snapshots and its ledger of
movements, so the report of a past year never changes when today's risks do. A fixed number
of queries whatever the number of risks.

Variants: ``full`` (internal: everything), ``public`` (exempt risks left out of every section,
with how many were withheld) and ``appendix`` (the confidential appendix: only the exempt
risks).

The report as plain data is in ``document``, the builder in ``build`` with the process
figures in ``figures``, the narrative's writing in ``narrative``; its words and marks are the
reports' shared ``reports.vocabulary``.
"""

from reports.committee.build import committee_report, committee_report_pdf, committee_years
from reports.committee.document import (
    REPORT_TITLE,
    VARIANT_FILE_NAMES,
    VARIANT_LABELS,
    ActionFigures,
    CommitteeReport,
    CommitteeRisk,
    EscalationOutcome,
    ProcessFigures,
    QuarterApproval,
    ReportUnavailable,
    ReviewTimeliness,
    RiskArrival,
    SnapshotSide,
    committee_report_filename,
)
from reports.committee.narrative import committee_introduction_save, committee_opinion_save

__all__ = [
    "REPORT_TITLE",
    "VARIANT_FILE_NAMES",
    "VARIANT_LABELS",
    "ActionFigures",
    "CommitteeReport",
    "CommitteeRisk",
    "EscalationOutcome",
    "ProcessFigures",
    "QuarterApproval",
    "ReportUnavailable",
    "ReviewTimeliness",
    "RiskArrival",
    "SnapshotSide",
    "committee_introduction_save",
    "committee_opinion_save",
    "committee_report",
    "committee_report_filename",
    "committee_report_pdf",
    "committee_years",
]

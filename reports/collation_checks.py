"""The completeness checks the directorate collation runs on every open risk: the checks as
data, and the pure evaluation of one risk's fields against them (docs/domain.md, "Reports").
No database here: ``reports.collation`` reads the fields and counts the failures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from registers import control_rules, due
from registers.appetite import Verdict
from registers.models import Response
from reports.vocabulary import short_date
from scoring import matrix


@dataclass(frozen=True, slots=True)
class Check:
    """A completeness check run on every open risk."""

    key: str
    label: str
    looks_for: str


NO_OWNER = Check("no_owner", "No owner", "The risk has no owner.")
REVIEW_OVERDUE = Check(
    "review_overdue", "Review overdue", "The risk's next review date is before today."
)
TOLERATED_WITHOUT_REASON = Check(
    "tolerated_without_reason",
    "Tolerated without a reason",
    "The response is tolerate and no reason is documented. The app refuses this; a register "
    "imported or changed outside it may still hold one.",
)
RESIDUAL_NOT_BELOW_INHERENT = Check(
    "residual_not_below_inherent",
    "Residual not below inherent",
    "Both scores are given and the residual score is not lower than the inherent: the "
    "mitigations are at best stopping the risk from deteriorating.",
)
NO_CONTROLS = Check(
    "no_controls",
    "No controls",
    "No control in place is recorded (planned actions and cancelled controls do not count).",
)
NO_EFFECTIVE_CONTROL = Check(
    "no_effective_control",
    "No effective control",
    "The residual score is below the inherent but no control in place is rated effective "
    "(docs/domain.md#controls-and-assurance).",
)
KEY_CONTROL_UNASSURED = Check(
    "key_control_unassured",
    "Key control unassured",
    "The residual score is above the lowest band (amber or red) and a key control has no "
    "assurance given in the last twelve months.",
)
NOT_SCORED = Check("not_scored", "Not scored", "The inherent or the residual score is missing.")
OUTSIDE_APPETITE_WITHOUT_REASON = Check(
    "outside_appetite_without_reason",
    "Outside appetite, no reason",
    "The residual score is above its category's tolerance in the appetite statement in force "
    "(or, for a category the statement leaves out, in a band outside the appetite) and no "
    "reason for the response to it is documented.",
)
OWNER_SENIORITY = Check(
    "owner_seniority",
    "Owner not senior enough",
    "The owner is less senior than the band of the risk's higher score asks: a red risk is "
    "managed at Director level, an amber one by a Director or the service leadership team.",
)

CHECKS = (
    NO_OWNER,
    REVIEW_OVERDUE,
    TOLERATED_WITHOUT_REASON,
    RESIDUAL_NOT_BELOW_INHERENT,
    NO_CONTROLS,
    NO_EFFECTIVE_CONTROL,
    KEY_CONTROL_UNASSURED,
    NOT_SCORED,
    OUTSIDE_APPETITE_WITHOUT_REASON,
    OWNER_SENIORITY,
)


@dataclass(frozen=True, slots=True)
class Issue:
    """One check a risk fails, and what is wrong in words."""

    check: Check
    detail: str


def risk_issues(
    *,
    owner_id: int | None,
    next_review_due: date | None,
    response: str,
    tolerate_reason: str | None,
    inherent_score: int | None,
    residual_score: int | None,
    has_control: bool,
    today: date,
    bands: Sequence[matrix.Band] = (),
    has_effective_control: bool = True,
    has_unassured_key_control: bool = False,
    appetite: Verdict | None = None,
    has_reason: bool = True,
    owner_seniority: int | None = None,
) -> tuple[Issue, ...]:
    """The checks an open risk fails, in the order of ``CHECKS``. ``has_effective_control``:
    a control in place rated effective; ``has_unassured_key_control``: a key control in place
    with no assurance in the twelve months up to ``today``; ``appetite`` is the risk against
    the appetite in force, ``has_reason`` whether its response's reason is written,
    ``owner_seniority`` its owner's (None: not known) and ``bands`` the scheme's."""
    issues = []
    if owner_id is None:
        issues.append(Issue(NO_OWNER, "No owner"))
    if due.is_overdue(next_review_due, today):
        days = (today - next_review_due).days
        late = f"{days} day{'s' if days != 1 else ''} overdue"
        issues.append(
            Issue(REVIEW_OVERDUE, f"Review was due {short_date(next_review_due)} ({late})")
        )
    if response == Response.TOLERATE and not (tolerate_reason or "").strip():
        issues.append(Issue(TOLERATED_WITHOUT_REASON, "Tolerated with no reason documented"))
    issues.extend(_residual_not_below(inherent_score, residual_score))
    issues.extend(
        _controls(
            inherent_score,
            residual_score,
            has_control=has_control,
            has_effective_control=has_effective_control,
            has_unassured_key_control=has_unassured_key_control,
            bands=bands,
        )
    )
    if inherent_score is None or residual_score is None:
        missing = [
            name
            for name, score in (("inherent", inherent_score), ("residual", residual_score))
            if score is None
        ]
        issues.append(Issue(NOT_SCORED, f"No {' or '.join(missing)} score"))
    if appetite is not None and appetite.outside and not has_reason:
        words = appetite.text[:1].upper() + appetite.text[1:]
        issues.append(Issue(OUTSIDE_APPETITE_WITHOUT_REASON, f"{words}, no reason documented"))
    issues.extend(_seniority(inherent_score, residual_score, owner_seniority, bands))
    return tuple(issues)


def _residual_not_below(inherent: int | None, residual: int | None) -> list[Issue]:
    """The residual score at or above the inherent: the controls have not lowered it."""
    if inherent is None or residual is None or residual < inherent:
        return []
    if residual > inherent:
        detail = f"Residual {residual} is above inherent {inherent}"
    else:
        detail = f"Residual {residual} is the same as inherent {inherent}"
    return [Issue(RESIDUAL_NOT_BELOW_INHERENT, detail)]


def _controls(
    inherent: int | None,
    residual: int | None,
    *,
    has_control: bool,
    has_effective_control: bool,
    has_unassured_key_control: bool,
    bands: Sequence[matrix.Band],
) -> list[Issue]:
    """The controls' checks: none in place; none rated effective though the residual is below
    the inherent; a key control of an amber or red risk unassured for twelve months."""
    issues = []
    if not has_control:
        issues.append(Issue(NO_CONTROLS, "No control in place recorded"))
    if control_rules.wants_effective_control(
        inherent=inherent, residual=residual, any_effective=has_effective_control
    ):
        issues.append(Issue(NO_EFFECTIVE_CONTROL, "No control in place rated effective"))
    if has_unassured_key_control and control_rules.wants_key_control_assurance(residual, bands):
        label = matrix.band_for(residual, bands).label
        detail = f"{label} risk with a key control unassured for twelve months"
        issues.append(Issue(KEY_CONTROL_UNASSURED, detail))
    return issues


def _seniority(
    inherent: int | None, residual: int | None, seniority: int | None, bands
) -> list[Issue]:
    """The owner against the band of the higher score (docs/domain.md#ownership-by-band)."""
    scores = [score for score in (inherent, residual) if score is not None]
    if not scores or seniority is None or not bands:
        return []
    band = matrix.band_for(max(scores), bands)
    if matrix.owner_fits_band(seniority, band):
        return []
    owner = matrix.Seniority(seniority).label
    return [
        Issue(
            OWNER_SENIORITY,
            f"{band.label} risk owned at {owner} level, not {band.owner_seniority.label}",
        )
    ]

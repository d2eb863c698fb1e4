"""What a risk's page warns about: the rules of docs/domain.md#inherent-residual-and-target and
#ownership-by-band, computed, never stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from registers import control_rules
from registers.appetite import Verdict, compare
from registers.models import Action, ActionKind, ActionStatus, Effectiveness, Response, Risk
from scoring import matrix


@dataclass(frozen=True, slots=True)
class RiskWarning:
    code: str
    message: str


def risk_warnings(
    *,
    risk: Risk,
    bands: Sequence[matrix.Band],
    owner_seniority: int | None,
    actions: Iterable[Action],
    today: date,
    appetite: Verdict | None = None,
) -> list[RiskWarning]:
    """Every policy rule the risk breaks today, most serious first. ``actions`` are the
    risk's, from ``Action.objects.with_latest_assurance()``. ``appetite`` is the risk compared
    with its category's tolerance in force (``registers.appetite``); without it, the bands' own
    appetite decides."""
    inherent, residual = risk.inherent_score, risk.residual_score
    if appetite is None:
        appetite = compare(residual=residual, target=risk.target_score, tolerance=None, bands=bands)
    actions = list(actions)
    controls = [
        a for a in actions if a.kind == ActionKind.CONTROL and a.status != ActionStatus.CANCELLED
    ]
    found = [
        _not_scored(risk=risk, inherent=inherent, residual=residual),
        _outside_appetite(residual=residual, appetite=appetite),
        _residual_not_below_inherent(inherent=inherent, residual=residual),
        _no_effective_control(inherent=inherent, residual=residual, controls=controls),
        _key_controls_unassured(residual=residual, bands=bands, controls=controls, today=today),
        _ownership(
            risk=risk,
            scores=[s for s in (inherent, residual) if s is not None],
            bands=bands,
            owner_seniority=owner_seniority,
        ),
        _owner_as_written(risk=risk),
        _description_missing(risk=risk),
        _tolerated_without_reason(risk=risk),
        _tolerated_outside_appetite(risk=risk, residual=residual, appetite=appetite),
        _response_without_reason(risk=risk),
        _no_response(risk=risk),
        _review_overdue(risk=risk, today=today),
        _actions_overdue(actions=actions, today=today),
    ]
    return [warning for warning in found if warning is not None]


def _not_scored(*, risk: Risk, inherent: int | None, residual: int | None) -> RiskWarning | None:
    """A risk without both its inherent and residual scores; what an imported sheet said of it
    is repeated, since a rating word is not a score and none was invented."""
    if inherent is not None and residual is not None:
        return None
    imported = (
        f" The imported sheet rated it “{risk.imported_rating}”: a rating is not a score, "
        "so nothing was invented."
        if risk.imported_rating
        else ""
    )
    return RiskWarning(
        "not_scored",
        "Not scored yet: give the inherent and residual likelihood and impact." + imported,
    )


def _owner_as_written(*, risk: Risk) -> RiskWarning | None:
    """An imported owner that is no one's account, kept as written until a person is assigned
    (docs/domain.md#spreadsheets)."""
    if risk.owner_id is not None or not risk.owner_as_written:
        return None
    return RiskWarning(
        "owner_as_written",
        f"The imported sheet gave the owner as “{risk.owner_as_written}”, who is no one's "
        "account: assign a person as the risk's owner.",
    )


def _description_missing(*, risk: Risk) -> RiskWarning | None:
    """A description missing a part (an imported sheet did not give it): left empty, never
    filled with words that would print in the packs."""
    missing = [
        name for name in ("event", "consequence", "impact") if not getattr(risk, name).strip()
    ]
    if not missing:
        return None
    return RiskWarning(
        "description_missing",
        f"The description has no {' or '.join(missing)}: describe "
        f"{'it' if len(missing) == 1 else 'them'} (event, consequence, impact).",
    )


def _appetite_words(appetite: Verdict) -> str:
    """ "Finance: Cautious, tolerance 9", or "Red" where the band decided."""
    return appetite.tolerance.text if appetite.tolerance else appetite.band_label


def _outside_appetite(*, residual: int | None, appetite: Verdict) -> RiskWarning | None:
    """A residual score above its category's tolerance (or, for a category the statement in
    force leaves out, in a band outside the appetite); docs/domain.md#risk-appetite."""
    if residual is None or not appetite.outside:
        return None
    return RiskWarning(
        "outside_appetite",
        f"The residual score ({residual}, {_appetite_words(appetite)}) is outside the risk "
        "appetite: consider whether the mitigations are effective and adequate.",
    )


def _residual_not_below_inherent(
    *, inherent: int | None, residual: int | None
) -> RiskWarning | None:
    """Mitigations that bring the score no lower than it was before them."""
    if inherent is None or residual is None or residual < inherent:
        return None
    return RiskWarning(
        "residual_not_below_inherent",
        f"The residual score ({residual}) is not below the inherent score ({inherent}): "
        "the mitigations are at best stopping the risk from deteriorating.",
    )


def _no_effective_control(
    *, inherent: int | None, residual: int | None, controls: list[Action]
) -> RiskWarning | None:
    """A residual score below the inherent with no control in place rated effective
    (docs/domain.md#controls-and-assurance)."""
    any_effective = any(c.effectiveness == Effectiveness.EFFECTIVE for c in controls)
    if not control_rules.wants_effective_control(
        inherent=inherent, residual=residual, any_effective=any_effective
    ):
        return None
    return RiskWarning(
        "no_effective_control",
        f"The residual score ({residual}) is below the inherent ({inherent}) but no control "
        "in place is rated effective: rate the controls, or review the residual score.",
    )


def _key_controls_unassured(
    *, residual: int | None, bands: Sequence[matrix.Band], controls: list[Action], today: date
) -> RiskWarning | None:
    """A key control on a risk above the lowest band (amber or red) with no assurance given in
    the last twelve months (docs/domain.md#controls-and-assurance)."""
    if not control_rules.wants_key_control_assurance(residual, bands):
        return None
    unassured = [
        c
        for c in controls
        if c.key_control and not control_rules.assured_recently(c.latest_assurance_on, today=today)
    ]
    if not unassured:
        return None
    band = matrix.band_for(residual, bands)
    count = len(unassured)
    return RiskWarning(
        "key_control_unassured",
        f"{count} key control{'s' if count != 1 else ''} on this {band.label} risk "
        f"{'have' if count != 1 else 'has'} no assurance in the last twelve months: "
        "record first, second or third-line assurance.",
    )


def _ownership(
    *,
    risk: Risk,
    scores: list[int],
    bands: Sequence[matrix.Band],
    owner_seniority: int | None,
) -> RiskWarning | None:
    """No owner at all, or an owner less senior than the band of the higher of the risk's
    inherent and residual scores asks for."""
    if risk.owner_id is None:
        return RiskWarning("no_owner", "No owner: every risk needs a named owner.")
    if not scores or owner_seniority is None:
        return None
    band = matrix.band_for(max(scores), bands)
    if matrix.owner_fits_band(owner_seniority, band):
        return None
    return RiskWarning(
        "owner_seniority",
        f"A {band.label} risk should be owned at "
        f"{band.owner_seniority.label} level or above; its owner is at "
        f"{matrix.Seniority(owner_seniority).label} level. "
        f"{matrix.ownership_guidance(band)}",
    )


def _tolerated_without_reason(*, risk: Risk) -> RiskWarning | None:
    """A tolerated risk whose reason for tolerating it is not written down."""
    if risk.response != Response.TOLERATE or risk.response_rationale.strip():
        return None
    return RiskWarning(
        "tolerate_without_reason",
        "Tolerated without a documented reason: the policy asks for the reason.",
    )


def _tolerated_outside_appetite(
    *, risk: Risk, residual: int | None, appetite: Verdict
) -> RiskWarning | None:
    """A tolerated risk whose residual score is outside the appetite: the policy fits
    tolerating to low scores (docs/domain.md#mitigation); without a documented reason it is
    worse still."""
    if risk.response != Response.TOLERATE or residual is None or not appetite.outside:
        return None
    reason = (
        " No reason for tolerating it is documented." if not risk.response_rationale.strip() else ""
    )
    return RiskWarning(
        "tolerated_outside_appetite",
        f"Tolerated at a residual score of {residual} ({_appetite_words(appetite)}), outside "
        "the risk appetite: tolerating suits low scores; consider treating, transferring or "
        f"terminating it.{reason}",
    )


def _response_without_reason(*, risk: Risk) -> RiskWarning | None:
    """A treated, terminated or transferred risk whose reasons are not written down (a
    tolerated one has its own warning, and the database refuses it)."""
    if not risk.response or risk.response == Response.TOLERATE:
        return None
    if risk.response_rationale.strip():
        return None
    return RiskWarning(
        "response_without_reason",
        f"{risk.get_response_display()} without a documented reason: the policy asks for "
        "the reasons for a course of action.",
    )


def _no_response(*, risk: Risk) -> RiskWarning | None:
    """No response chosen yet."""
    if risk.response:
        return None
    return RiskWarning("no_response", "No response chosen: tolerate, treat, terminate or transfer.")


def _review_overdue(*, risk: Risk, today: date) -> RiskWarning | None:
    """A review date that has passed."""
    if not risk.review_overdue(today):
        return None
    return RiskWarning(
        "review_overdue",
        f"Review overdue: it was due on {risk.next_review_due:%-d %B %Y}.",
    )


def _actions_overdue(*, actions: Iterable[Action], today: date) -> RiskWarning | None:
    """Actions past their due date, counted."""
    overdue = [a for a in actions if a.is_overdue(today)]
    if not overdue:
        return None
    return RiskWarning(
        "action_overdue",
        f"{len(overdue)} action{'s' if len(overdue) != 1 else ''} overdue.",
    )

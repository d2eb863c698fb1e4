"""Answering an escalation checklist for a risk: pure Python, no Django, so every rule is
trivially testable.

Factor 1 follows from the residual band and factor 8 from the target score and date; a person
answers the rest, with a note, and factor 8 too when the risk has no dated target. The product
recommends escalation when at least ``recommend_at`` factors hold; a person decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date

from scoring import matrix

JUDGEMENT = "judgement"
RESIDUAL_RULES = ("residual_above_lowest", "residual_outside_appetite")
TARGET_RULES = ("target_not_lowest", "target_not_within_appetite")


@dataclass(frozen=True, slots=True)
class FactorSpec:
    """A factor as the checklist holds it."""

    number: int
    wording: str
    rule: str = JUDGEMENT


@dataclass(frozen=True, slots=True)
class RiskScores:
    """What the derived factors read from the risk."""

    residual_likelihood: int | None
    residual_impact: int | None
    target_likelihood: int | None
    target_impact: int | None
    target_date: date | None


@dataclass(frozen=True, slots=True)
class FactorAnswer:
    number: int
    wording: str
    rule: str
    derived: bool  # answered by the product from the scores, not by a person
    holds: bool
    explanation: str = ""  # why the product answered as it did
    note: str = ""  # the person's note on a factor they ticked

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Evaluation:
    answers: tuple[FactorAnswer, ...]
    recommend_at: int

    @property
    def held(self) -> int:
        return sum(answer.holds for answer in self.answers)

    @property
    def recommended(self) -> bool:
        return self.held >= self.recommend_at

    @property
    def judged_numbers(self) -> tuple[int, ...]:
        """The factors a person answers for this risk."""
        return tuple(answer.number for answer in self.answers if not answer.derived)


def _band_words(band: matrix.Band, value: int) -> str:
    return f"{band.label} {value}"


def _derive_residual(
    spec: FactorSpec, scores: RiskScores, bands: Sequence[matrix.Band]
) -> tuple[bool, str]:
    residual = matrix.score_or_none(scores.residual_likelihood, scores.residual_impact)
    if residual is None:
        return False, "The risk has no residual score, so this cannot hold."
    band = matrix.band_for(residual, bands)
    words = _band_words(band, residual)
    if spec.rule == "residual_above_lowest":
        holds = band.key != bands[0].key
        return holds, (
            f"The residual score is {words}: above {bands[0].label}."
            if holds
            else f"The residual score is {words}, the lowest band."
        )
    holds = not band.within_appetite
    return holds, (
        f"The residual score is {words}: outside the risk appetite."
        if holds
        else f"The residual score is {words}: within the risk appetite."
    )


def _derive_target(
    spec: FactorSpec, scores: RiskScores, bands: Sequence[matrix.Band], horizon_end: date
) -> tuple[bool, str] | None:
    """None when the risk has no dated target: a person must answer."""
    target = matrix.score_or_none(scores.target_likelihood, scores.target_impact)
    if target is None or scores.target_date is None:
        return None
    band = matrix.band_for(target, bands)
    if spec.rule == "target_not_lowest":
        reaches = band.key == bands[0].key
        goal = bands[0].label
    else:
        reaches = band.within_appetite
        goal = "within the risk appetite"
    by = f"{scores.target_date:%-d %b %Y}"
    limit = f"{horizon_end:%-d %b %Y}"
    target_words = f"The target is {_band_words(band, target)} by {by}"
    if not reaches:
        return True, f"{target_words}: not {goal}."
    if scores.target_date > horizon_end:
        return True, f"{target_words}: {goal}, but after {limit}, three months from today."
    return False, f"{target_words}: {goal} by {limit}, three months from today."


def evaluate(
    factors: Sequence[FactorSpec],
    *,
    scores: RiskScores,
    bands: Sequence[matrix.Band],
    horizon_end: date,
    recommend_at: int,
    ticks: Mapping[int, str] | None = None,
) -> Evaluation:
    """Answer every factor: derived ones from ``scores``, the rest from ``ticks`` (the numbers
    a person ticked, each with their note). ``horizon_end`` is "the next quarter": three
    months from today. Ticks for derived factors are ignored."""
    ticks = ticks or {}
    answers = []
    for spec in factors:
        derived: tuple[bool, str] | None = None
        explanation = ""
        if spec.rule in RESIDUAL_RULES:
            derived = _derive_residual(spec, scores, bands)
        elif spec.rule in TARGET_RULES:
            derived = _derive_target(spec, scores, bands, horizon_end)
            if derived is None:
                explanation = "The risk has no dated target score: answer this yourself."
        if derived is not None:
            holds, explanation = derived
            answers.append(
                FactorAnswer(spec.number, spec.wording, spec.rule, True, holds, explanation)
            )
            continue
        note = ticks.get(spec.number)
        answers.append(
            FactorAnswer(
                spec.number,
                spec.wording,
                spec.rule,
                derived=False,
                holds=note is not None,
                explanation=explanation,
                note=(note or "").strip(),
            )
        )
    return Evaluation(answers=tuple(answers), recommend_at=recommend_at)

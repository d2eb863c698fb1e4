"""Challenging a risk's assessment (docs/domain.md#challenging-an-assessment): a colleague who
can see a risk says it is not properly assessed, why, and the scores they think right; the
risk's owner and its register's owner are told, and one of them answers: re-score the risk
(the risk's history records it), or keep the assessment with a reason. The challenger and the
other answerer are told of the answer.

Rejection codes: ``risk_closed``, ``not_allowed``, ``scores_required``, ``reason_required``,
``already_answered``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.people import person_name
from escalation import permissions
from escalation.models import Challenge, ChallengeStatus
from escalation.notify import notify
from registers.models import Risk
from registers.services import risk_update, save_with_history

SUGGESTED_FIELDS = (
    "suggested_inherent_likelihood",
    "suggested_inherent_impact",
    "suggested_residual_likelihood",
    "suggested_residual_impact",
)
SCORE_FIELDS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")


def _scores_text(inherent: int | None, residual: int | None) -> str:
    parts = [f"inherent {inherent}" if inherent is not None else "", f"residual {residual}"]
    return ", ".join(part for part in parts if part)


@transaction.atomic
def challenge_raise(
    *, risk: Risk, by: AbstractBaseUser, reason: str, suggested: dict[str, int | None]
) -> Challenge:
    """Record that ``by`` thinks ``risk`` is not properly assessed, with why and the scores
    they think right (``suggested``: the ``suggested_*`` fields, the residual pair required),
    keeping the risk's scores of the moment; tell its owner and its register's owner."""
    risk = Risk.objects.select_for_update(of=("self",)).select_related("register").get(pk=risk.pk)
    if not risk.is_open:
        raise ValidationError("This risk is closed: its assessment is final.", code="risk_closed")
    if not permissions.can_challenge(by, risk):
        raise ValidationError("You may not challenge this risk's assessment.", code="not_allowed")
    challenge = Challenge(
        risk=risk,
        raised_by=by,
        reason=(reason or "").strip(),
        **Challenge.scores_of(risk=risk),
        **{name: suggested.get(name) for name in SUGGESTED_FIELDS},
    )
    challenge.full_clean()
    save_with_history(challenge, by=by, reason="Raised")
    notify(
        recipients=[risk.owner, risk.register.owner],
        subject=f"{risk.reference}: its assessment is challenged",
        message=f"{person_name(by)} thinks {risk.reference} {risk.title} is not properly "
        f"assessed: {challenge.reason}\nThe scores they think right: "
        f"{_scores_text(challenge.suggested_inherent_score, challenge.suggested_residual_score)}"
        f" (now {_scores_text(risk.inherent_score, risk.residual_score)}). Re-score it, or "
        "keep the assessment and say why.",
        url=challenge.get_absolute_url(),
        actor=by,
    )
    return challenge


@transaction.atomic
def challenge_answer(
    *,
    challenge: Challenge,
    by: AbstractBaseUser,
    rescore: bool,
    answer: str,
    scores: dict[str, int | None] | None = None,
) -> Challenge:
    """Answer an open challenge: re-score the risk with ``scores`` (its inherent and residual
    likelihood and impact; the risk's history says it was re-scored on this challenge), or
    keep the assessment, with ``answer`` saying why (optional when re-scoring)."""
    challenge = (
        Challenge.objects.select_for_update(of=("self",))
        .select_related("risk__register", "raised_by")
        .get(pk=challenge.pk)
    )
    if not challenge.is_open:
        raise ValidationError(
            f"This challenge was already answered by {person_name(challenge.answered_by)}.",
            code="already_answered",
        )
    risk = challenge.risk
    if not risk.is_open:
        raise ValidationError("This risk is closed: its assessment is final.", code="risk_closed")
    if not permissions.can_answer_challenge(by, challenge):
        raise ValidationError(
            "Only the risk's owner or its register's owner answers a challenge.",
            code="not_allowed",
        )
    answer = (answer or "").strip()
    if rescore:
        _rescore(challenge=challenge, by=by, scores=scores or {})
    elif not answer:
        raise ValidationError(
            "Say why the assessment stands: the colleague who challenged it will read it.",
            code="reason_required",
        )
    challenge.status = ChallengeStatus.RESCORED if rescore else ChallengeStatus.KEPT
    challenge.answered_by, challenge.answered_at, challenge.answer = by, timezone.now(), answer
    save_with_history(challenge, by=by, reason=challenge.get_status_display())
    _tell_of_answer(challenge=challenge, by=by)
    return challenge


def _rescore(*, challenge: Challenge, by: AbstractBaseUser, scores: dict) -> None:
    if any(scores.get(name) is None for name in SCORE_FIELDS):
        raise ValidationError(
            "Give the inherent and residual likelihood and impact the risk is re-scored at.",
            code="scores_required",
        )
    risk = challenge.risk
    risk_update(
        risk=risk,
        by=by,
        version=Risk.objects.values_list("version", flat=True).get(pk=risk.pk),
        changes={name: scores[name] for name in SCORE_FIELDS},
        reason=f"Re-scored on the challenge by {person_name(challenge.raised_by)}",
    )


def _tell_of_answer(*, challenge: Challenge, by: AbstractBaseUser) -> None:
    risk = challenge.risk
    if challenge.status == ChallengeStatus.RESCORED:
        risk.refresh_from_db()
        outcome = f"re-scored it ({_scores_text(risk.inherent_score, risk.residual_score)})"
    else:
        outcome = "kept the assessment"
    notify(
        recipients=[challenge.raised_by, risk.owner, risk.register.owner],
        subject=f"{risk.reference}: the challenge to its assessment is answered",
        message=f"{person_name(by)} {outcome}"
        + (f": {challenge.answer}" if challenge.answer else "."),
        url=challenge.get_absolute_url(),
        actor=by,
    )

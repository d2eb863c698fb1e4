"""Challenging a risk's assessment, and the owners' answer
(docs/domain.md#challenging-an-assessment)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.forms import add_service_error
from common.people import person_name
from escalation import challenges, permissions, selectors
from escalation.forms import ChallengeAnswerForm, ChallengeForm
from escalation.models import Challenge
from registers.models import Risk
from registers.permissions import can_view_risk, is_read_only


def _refuse_challenge(user, risk: Risk) -> PermissionDenied:
    if not can_view_risk(user, risk):
        return PermissionDenied("You do not have access to this risk.")
    if is_read_only(user):
        return PermissionDenied("Your role can read the registers but not challenge them.")
    if not risk.is_open:
        return PermissionDenied(f"{risk.reference} is closed: its assessment is final.")
    return PermissionDenied(
        f"You own {risk.reference} or its register: you answer challenges to its assessment, "
        "and re-score it yourself by editing it."
    )


@require_http_methods(["GET", "POST"])
def challenge_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Say a risk is not properly assessed: why, and the scores one thinks right."""
    risk = get_object_or_404(
        Risk.objects.select_related("register__owner", "register__organisation", "owner"), pk=pk
    )
    if not permissions.can_challenge(request.user, risk):
        raise _refuse_challenge(request.user, risk)
    form = ChallengeForm(request.POST or None)
    if form.is_bound and form.is_valid():
        try:
            challenge = challenges.challenge_raise(
                risk=risk,
                by=request.user,
                reason=form.cleaned_data["reason"],
                suggested=form.suggested(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            answerers = {person_name(p) for p in (risk.owner, risk.register.owner) if p}
            messages.success(
                request,
                f"Your challenge is sent to {' and '.join(sorted(answerers))}, who will "
                f"re-score {risk.reference} or say why its assessment stands.",
            )
            return redirect(challenge)
    return render(request, "escalation/challenge_form.html", {"risk": risk, "form": form})


def _challenge(request: HttpRequest, pk: int) -> Challenge:
    try:
        challenge = selectors.challenge_for_page(pk=pk)
    except Challenge.DoesNotExist as missing:
        raise Http404("No such challenge.") from missing
    if not permissions.can_view_challenge(request.user, challenge):
        raise PermissionDenied("You do not have access to this risk.")
    return challenge


def _page(request, challenge: Challenge, *, form=None, status: int = 200) -> HttpResponse:
    can_answer = permissions.can_answer_challenge(request.user, challenge)
    if can_answer and form is None:
        form = ChallengeAnswerForm(
            initial={
                "inherent_likelihood": challenge.suggested_inherent_likelihood
                or challenge.risk.inherent_likelihood,
                "inherent_impact": challenge.suggested_inherent_impact
                or challenge.risk.inherent_impact,
                "residual_likelihood": challenge.suggested_residual_likelihood,
                "residual_impact": challenge.suggested_residual_impact,
            }
        )
    return render(
        request,
        "escalation/challenge_detail.html",
        {"challenge": challenge, "risk": challenge.risk, "can_answer": can_answer, "form": form},
        status=status,
    )


@require_GET
def challenge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A challenge as raised (why, the scores then and suggested) and its answer; the risk's
    owner and its register's owner answer it here while it is open."""
    return _page(request, _challenge(request, pk))


@require_POST
def challenge_answer(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = _challenge(request, pk)
    if not permissions.answers_challenges_on(request.user, challenge.risk):
        raise PermissionDenied("Only the risk's owner or its register's owner answers a challenge.")
    form = ChallengeAnswerForm(request.POST)
    if form.is_valid():
        try:
            answered = challenges.challenge_answer(
                challenge=challenge,
                by=request.user,
                rescore=form.rescore,
                answer=form.cleaned_data["answer"],
                scores=form.scores(),
            )
        except ValidationError as error:
            if error.code in ("already_answered", "risk_closed"):
                messages.error(request, " ".join(error.messages))
                return redirect(challenge)
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"{answered.risk.reference} is re-scored; {person_name(answered.raised_by)} "
                "has been told."
                if form.rescore
                else f"The assessment of {answered.risk.reference} stands; "
                f"{person_name(answered.raised_by)} has been told why.",
            )
            return redirect(answered)
    return _page(request, challenge, form=form, status=200)

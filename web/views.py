"""Pages composed from several apps: the home page (the person's own work, with the escalations
waiting for them) and the risk page (with its escalation panel and history)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from escalation import permissions as escalation_permissions
from escalation import selectors as escalation_selectors
from escalation.selectors import awaiting_decision
from registers import permissions, reference, selectors
from registers.models import Risk
from registers.selectors.across import across_link
from registers.selectors.actions import mitigation_cost
from registers.selectors.home import home_for
from registers.warnings import risk_warnings
from scoring import matrix


@require_GET
def home(request):
    """The signed-in user's own work: their risks, actions, reviews due, registers and the
    escalations waiting for their decision."""
    return render(
        request,
        "web/home.html",
        {
            "home": home_for(user=request.user, today=timezone.localdate()),
            "escalations_waiting": awaiting_decision(user=request.user),
            "across": across_link(user=request.user),
        },
    )


@require_GET
def risk_detail(request, pk: int):
    """All of a risk: description, scores, warnings, controls and actions, reviews, history."""
    try:
        risk = selectors.risk_for_page(pk=pk)
    except Risk.DoesNotExist as missing:
        raise Http404("No such risk.") from missing
    if not permissions.can_view_risk(request.user, risk):
        raise PermissionDenied("You do not have access to this risk.")
    today = timezone.localdate()
    bands = reference.bands(risk.register.organisation)
    actions = list(risk.actions.all())
    controls, planned = selectors.split_mitigations(actions)
    residual = risk.residual_score
    appetite = reference.appetite(risk.register.organisation, on=today).verdict(risk)
    owner_profile = getattr(risk.owner, "profile", None) if risk.owner else None
    escalation = escalation_selectors.risk_escalation(risk=risk)
    challenges = escalation_selectors.risk_challenges(risk=risk)
    history = sorted(
        [
            *selectors.risk_history(risk=risk),
            *escalation_selectors.risk_escalation_events(escalation),
            *escalation_selectors.risk_challenge_events(challenges),
        ],
        key=lambda entry: entry.when,
        reverse=True,
    )
    return render(
        request,
        "web/risk_detail.html",
        {
            "risk": risk,
            "bands": bands,
            "controls": controls,
            "planned": planned,
            "mitigation_cost": mitigation_cost(actions),
            "residual_band": matrix.band_for(residual, bands) if residual is not None else None,
            "appetite": appetite,
            "warnings": risk_warnings(
                risk=risk,
                bands=bands,
                appetite=appetite,
                owner_seniority=owner_profile.seniority if owner_profile else None,
                actions=actions,
                today=today,
            ),
            "reviews": list(risk.reviews.all()),
            "history": history,
            "escalation": escalation,
            "today": today,
            **_what_user_may_do(request.user, risk, actions),
            **_challenge_context(request.user, risk, challenges),
        },
    )


def _what_user_may_do(user, risk: Risk, actions) -> dict:
    return {
        "can_change": permissions.can_change_risk(user, risk),
        # An owner of the risk or of one of its actions may sit outside the register.
        "can_view_register": permissions.can_view_register(user, risk.register),
        "can_propose": escalation_permissions.can_propose(user, risk),
        "can_de_escalate": escalation_permissions.can_de_escalate(user, risk),
        "can_close": permissions.can_close_risk(user, risk),
        "can_propose_closure": escalation_permissions.can_propose_closure(user, risk),
        # Action owners may update their own actions even when they cannot edit the risk.
        "changeable_actions": {a.pk for a in actions if permissions.can_change_action(user, a)},
        # Internal Audit, read-only everywhere else, records third-line assurance here.
        "assurable_controls": {a.pk for a in actions if permissions.can_record_assurance(user, a)},
    }


def _challenge_context(user, risk: Risk, challenges) -> dict:
    """Who may challenge the risk's assessment, and the challenges still waiting."""
    return {
        "can_challenge": escalation_permissions.can_challenge(user, risk),
        "open_challenges": [c for c in challenges if c.is_open],
        "answers_challenges": escalation_permissions.answers_challenges_on(user, risk),
    }

"""Pages for registers and risks. Thin: check permission, call a selector, render."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from registers import permissions, selectors
from registers.models import Register, Risk
from scoring import matrix


@require_GET
def home(request):
    """The registers the signed-in user may see, with their open risks by band."""
    groups = selectors.register_summaries(user=request.user, today=timezone.localdate())
    return render(request, "registers/home.html", {"groups": groups})


@require_GET
def register_detail(request, pk: int):
    register = get_object_or_404(
        Register.objects.select_related("owner", "organisation", "directorate", "service"), pk=pk
    )
    if not permissions.can_view_register(request.user, register):
        raise PermissionDenied("You do not have access to this register.")
    bands = selectors.organisation_bands(organisation_ids=[register.organisation_id])[
        register.organisation_id
    ]
    return render(
        request,
        "registers/register_detail.html",
        {
            "register": register,
            "risks": selectors.register_open_risks(register=register),
            "bands": bands,
            "today": timezone.localdate(),
        },
    )


@require_GET
def risk_detail(request, pk: int):
    try:
        risk = selectors.risk_for_page(pk=pk)
    except Risk.DoesNotExist as missing:
        raise Http404("No such risk.") from missing
    if not permissions.can_view_risk(request.user, risk):
        raise PermissionDenied("You do not have access to this risk.")
    bands = selectors.organisation_bands(organisation_ids=[risk.register.organisation_id])[
        risk.register.organisation_id
    ]
    controls, planned = selectors.split_mitigations(risk.actions.all())
    residual = risk.residual_score
    residual_band = matrix.band_for(residual, bands) if residual is not None else None
    return render(
        request,
        "registers/risk_detail.html",
        {
            "risk": risk,
            "bands": bands,
            "controls": controls,
            "planned": planned,
            "residual_band": residual_band,
            "history": selectors.risk_history(risk=risk),
            "today": timezone.localdate(),
        },
    )

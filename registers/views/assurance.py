"""Recording assurance over a control in place (docs/domain.md#controls-and-assurance)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from registers import permissions
from registers.assurance import assurance_record
from registers.forms.assurance import AssuranceForm
from registers.models import Action, ActionKind, Assurance
from registers.views.actions import risk_change_refused


@require_http_methods(["GET", "POST"])
def assurance_create(request, pk: int):
    """The control's assurance so far, and the form to record more in the lines the person
    may record: Internal Audit the third, managers the first, the Insurance Manager the first
    and second. Everyone else is refused."""
    control = get_object_or_404(
        Action.objects.select_related(
            "risk__register__organisation", "risk__register__owner", "risk__owner", "owner"
        ),
        pk=pk,
        kind=ActionKind.CONTROL,
    )
    lines = permissions.assurance_lines(request.user, control)
    if not lines:
        raise risk_change_refused(
            request.user,
            control.risk,
            who_may="Only the control's owner, the owner of the risk or of its register, the "
            "Insurance Manager and Internal Audit can record assurance over this control.",
        )
    form = AssuranceForm(request.POST if request.method == "POST" else None, lines=lines)
    if form.is_bound and form.is_valid():
        try:
            assurance_record(control=control, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Assurance recorded on {control.risk.reference}.")
            return redirect(control.get_absolute_url())
    return render(
        request,
        "registers/assurance_form.html",
        {
            "form": form,
            "control": control,
            "risk": control.risk,
            "assurances": Assurance.objects.filter(control=control)
            .select_related("recorded_by")
            .order_by("-given_on", "-pk"),
        },
    )

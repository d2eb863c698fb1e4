"""Create, edit and close a risk. There is no delete: a risk leaves a register by being closed,
with its reason kept on record."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from registers import permissions, services
from registers.forms.risk import RiskCloseForm, RiskForm, merge_stale_edit, scheme_for_script
from registers.models import Register, Risk, Tier
from registers.selectors.people import organisation_people
from scoring.selectors import scheme_guide


def _risk_to_change(request, pk: int) -> Risk:
    """The risk, if the user may change it: 404 if there is none, 403 (saying why) if not."""
    risk = get_object_or_404(Risk.objects.select_related("register__organisation"), pk=pk)
    if permissions.can_change_risk(request.user, risk):
        return risk
    if not risk.is_open and permissions.can_view_risk(request.user, risk):
        raise PermissionDenied(
            f"{risk.reference} was closed on {timezone.localdate(risk.closed_at):%-d %B %Y}: "
            "a closed risk is kept as it was and can no longer be changed."
        )
    raise PermissionDenied(
        "Only the risk's owner, the owner of its register and the Insurance Manager can change "
        "this risk."
    )


def _form_kwargs(register: Register, *, owner_id: int | None = None) -> dict:
    return {
        "register": register,
        "guide": scheme_guide(scheme_id=register.organisation.scheme_id),
        "people": organisation_people(organisation_id=register.organisation_id, keep=[owner_id]),
    }


def _render_form(request, form: RiskForm, **context):
    return render(
        request,
        "registers/risk_form.html",
        {
            "form": form,
            "register": form.register,
            "scheme": scheme_for_script(form.guide),
            **context,
        },
    )


@require_http_methods(["GET", "POST"])
def risk_create(request, pk: int):
    """Add a risk to a register: its owner and the Insurance Manager only."""
    register = get_object_or_404(Register.objects.select_related("organisation"), pk=pk)
    if not permissions.can_change_register(request.user, register):
        raise PermissionDenied(
            "Only the register's owner and the Insurance Manager can add risks to this "
            "register. To suggest a new risk, report it to the register's owner."
        )
    if register.tier == Tier.CORPORATE:
        # A risk that joins the corporate register is told to the Monitoring Officer: the
        # escalation app's page adds it and tells them.
        return redirect("escalation:corporate-risk-create", pk=register.pk)
    form_kwargs = _form_kwargs(register)
    if request.method == "POST":
        form = RiskForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                risk = services.risk_create(
                    register=register, by=request.user, **form.risk_fields()
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"{risk.reference} {risk.title} added to {register}.")
                return redirect(risk)
    else:
        form = RiskForm(**form_kwargs)
    return _render_form(request, form, cancel_url=register.get_absolute_url())


@require_http_methods(["GET", "POST"])
def risk_edit(request, pk: int):
    """Edit a risk. A save based on an older version than the risk's is refused, showing what
    changed in the meantime and keeping the edit in the form (no lost updates)."""
    risk = _risk_to_change(request, pk)
    heading = f"{risk.reference} {risk.title}"  # before the form applies the posted values
    form_kwargs = _form_kwargs(risk.register, owner_id=risk.owner_id)
    # Publishing a risk withheld from publication is decided for its register
    # (docs/domain.md#exempt-risks); the service refuses it to anyone else too.
    form_kwargs["may_publish"] = permissions.can_change_register(request.user, risk.register)
    stale = None
    if request.method == "POST":
        form = RiskForm(request.POST, instance=risk, **form_kwargs)
        if form.is_valid():
            if not form.has_changed():
                messages.info(
                    request, f"{risk.reference}: nothing had changed, so nothing was saved."
                )
                return redirect(risk)
            try:
                risk = services.risk_update(
                    risk=risk,
                    by=request.user,
                    version=form.cleaned_data["version"],
                    changes=form.risk_fields(),
                )
            except services.StaleEdit as error:
                data, stale = merge_stale_edit(error, form=form)
                form = RiskForm(data, instance=error.current, **form_kwargs)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"{risk.reference} {risk.title} saved.")
                return redirect(risk)
    else:
        form = RiskForm(instance=risk, **form_kwargs)
    return _render_form(
        request, form, heading=heading, stale=stale, cancel_url=risk.get_absolute_url()
    )


@require_http_methods(["GET", "POST"])
def risk_close(request, pk: int):
    """Close a risk with the reason the policy asks to be kept. A corporate risk's owner
    proposes its closure to SLT instead (docs/domain.md#closing-a-corporate-risk)."""
    risk = get_object_or_404(Risk.objects.select_related("register__organisation"), pk=pk)
    if not permissions.can_close_risk(request.user, risk):
        if risk.is_open and permissions.can_change_risk(request.user, risk):
            raise PermissionDenied(
                f"{risk.reference} is on the corporate register: it comes off by SLT's "
                "decision. Propose its closure from the risk's page."
            )
        _risk_to_change(request, pk)  # refuses, saying why
        raise PermissionDenied("You cannot close this risk.")
    if risk.register.tier == Tier.CORPORATE:
        # Closed outright as the record of SLT's decision, which the Monitoring Officer is told
        # of: the escalation app's page does both.
        return redirect("escalation:corporate-risk-close", pk=risk.pk)
    form = RiskCloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_close(risk=risk, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason" if error.code == "reason_required" else None, error)
        else:
            messages.success(
                request, f"{risk.reference} closed. It stays on record with your reason."
            )
            return redirect(risk)
    return render(request, "registers/risk_close.html", {"risk": risk, "form": form})

"""Recording a review of a risk: the policy's questions for its tier, answered."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from registers import permissions, services
from registers.forms.review import ReviewForm
from registers.models import Risk
from registers.review_questions import questions_for
from registers.views.actions import risk_change_refused
from scoring import matrix
from scoring.selectors import scheme_bands


@require_http_methods(["GET", "POST"])
def risk_review(request, pk: int):
    """Show the risk's scores as they stand and the tier's questions; record the answers
    with a snapshot of the scores, and set the next review date."""
    risk = get_object_or_404(
        Risk.objects.select_related("register__organisation", "register__owner", "owner"), pk=pk
    )
    if not permissions.can_change_risk(request.user, risk):
        raise risk_change_refused(
            request.user,
            risk,
            who_may=f"Only the owner of {risk.reference}, the owner of its register or the "
            "Insurance Manager can record a review of it.",
        )
    register = risk.register
    bands = scheme_bands(scheme_id=register.organisation.scheme_id)
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        questions=questions_for(register.tier),
    )
    if form.is_bound and form.is_valid():
        try:
            review = services.risk_review_record(
                risk=risk,
                by=request.user,
                answers=form.answers(),
                notes=form.cleaned_data["notes"],
                bands=bands,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Review of {risk.reference} recorded. The next review is due on "
                f"{date_format(review.next_review_due, 'j F Y')}.",
            )
            return redirect(risk.get_absolute_url())
    today = timezone.localdate()
    residual = risk.residual_score
    return render(
        request,
        "registers/review_form.html",
        {
            "form": form,
            "risk": risk,
            "bands": bands,
            "residual_band": matrix.band_for(residual, bands) if residual is not None else None,
            "next_due": services.review_due_after(register=register, reviewed_on=today),
            "last_review": risk.reviews.select_related("reviewed_by").first(),
        },
    )

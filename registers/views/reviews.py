"""Recording a review of a risk: the policy's questions for its tier answered, or, when nothing
has changed, a quick review in one step (docs/domain.md#quick-review)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from registers import permissions, services
from registers.forms.review import QuickReviewForm, ReviewForm
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
    posted = request.POST if request.method == "POST" else None
    quick_posted = posted is not None and QUICK_REVIEW in posted
    form = ReviewForm(
        None if quick_posted else posted,
        questions=questions_for(register.tier),
    )
    quick_form = QuickReviewForm(
        posted if quick_posted else None, initial={"version": risk.version}
    )
    review = None
    if quick_posted:
        review, quick_form = _record_quick_review(request, risk=risk, form=quick_form, bands=bands)
    elif form.is_bound:
        review = _record_full_review(request, risk=risk, form=form, bands=bands)
    if review is not None:
        messages.success(
            request,
            f"Review of {risk.reference} recorded{' (no change)' if review.no_change else ''}. "
            f"The next review is due on {date_format(review.next_review_due, 'j F Y')}.",
        )
        return redirect(risk.get_absolute_url())
    if quick_form.errors:
        risk.refresh_from_db()  # show the scores as they now are beside the refusal
    today = timezone.localdate()
    residual = risk.residual_score
    return render(
        request,
        "registers/review_form.html",
        {
            "form": form,
            "quick_form": quick_form,
            "quick_review": QUICK_REVIEW,
            "risk": risk,
            "bands": bands,
            "residual_band": matrix.band_for(residual, bands) if residual is not None else None,
            "next_due": services.review_due_after(register=register, reviewed_on=today),
            "last_review": risk.reviews.select_related("reviewed_by").first(),
        },
    )


# The name of the quick review's button: a post carrying it is a review with nothing new.
QUICK_REVIEW = "no_change"


def _record_full_review(request, *, risk: Risk, form: ReviewForm, bands):
    """The review with every question answered, or None with the errors on the form."""
    if not form.is_valid():
        return None
    try:
        return services.risk_review_record(
            risk=risk,
            by=request.user,
            answers=form.answers(),
            notes=form.cleaned_data["notes"],
            bands=bands,
        )
    except ValidationError as error:
        add_service_error(form, error)
        return None


def _record_quick_review(request, *, risk: Risk, form: QuickReviewForm, bands):
    """The quick review recorded, or None and the form to show again: with the risk's current
    version when someone changed the risk since the page was loaded, so that confirming again
    confirms what the page now shows."""
    if not form.is_valid():
        return None, form
    try:
        review = services.risk_review_record(
            risk=risk,
            by=request.user,
            answers=None,
            notes=form.cleaned_data["note"],
            bands=bands,
            seen_version=form.cleaned_data["version"],
        )
    except services.StaleEdit as error:
        data = request.POST.copy()
        data[form.add_prefix("version")] = str(error.current.version)
        form = QuickReviewForm(data)
        form.is_valid()
        what = f" ({'; '.join(error.reasons)})" if error.reasons else ""
        form.add_error(
            None,
            f"{error.changed_by} changed this risk{what} after you opened this page, so no "
            "review has been recorded. Check the risk as it is now, shown on this page, and "
            "confirm again if nothing has changed.",
        )
        return None, form
    except ValidationError as error:
        add_service_error(form, error)
        return None, form
    return review, form

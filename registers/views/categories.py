"""The organisation's categories of risk, kept by the Insurance Manager: add, rename, reorder,
retire or bring back, and delete one no risk holds (docs/domain.md#categories)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from registers import categories, permissions
from registers.forms.categories import CategoryForm
from registers.models import RiskCategory

ACTIONS = ("add", "rename", "up", "down", "retire", "restore", "delete")


def _category(organisation, pk) -> RiskCategory | None:
    """One of the organisation's categories by its id as posted; None for any other."""
    try:
        return RiskCategory.objects.get(organisation=organisation, pk=int(pk))
    except (TypeError, ValueError, RiskCategory.DoesNotExist):
        return None


def _form(data, *, renaming: bool, **kwargs) -> CategoryForm:
    """The form adding a category, or (prefixed, beside it on the page) renaming one."""
    if renaming:
        return CategoryForm(data, prefix="rename", label_text="New name", **kwargs)
    return CategoryForm(data, **kwargs)


def _act(request: HttpRequest, organisation, action: str, category) -> CategoryForm | None:
    """Make the change posted; the form again when its name is refused, else None."""
    by = request.user
    if action in ("add", "rename"):
        form = _form(request.POST, renaming=action == "rename")
        if not form.is_valid():
            return form
        label = form.cleaned_data["label"]
        try:
            if action == "add":
                categories.category_add(organisation=organisation, by=by, label=label)
            else:
                categories.category_rename(category=category, by=by, label=label)
        except ValidationError as error:
            add_service_error(form, error)
            return form
        messages.success(request, f"{label} {'added' if action == 'add' else 'saved'}.")
    elif action in ("up", "down"):
        categories.category_move(category=category, by=by, up=action == "up")
        messages.success(request, f"{category.label} moved {action}.")
    elif action in ("retire", "restore"):
        categories.category_set_active(category=category, by=by, active=action == "restore")
        done = "retired: no longer offered for new risks" if action == "retire" else "in use again"
        messages.success(request, f"{category.label} {done}.")
    else:
        categories.category_delete(category=category, by=by)
        messages.success(request, f"{category.label} deleted.")
    return None


@require_http_methods(["GET", "POST"])
def category_list(request: HttpRequest) -> HttpResponse:
    """The organisation's categories in their order, how many risks hold each, and the
    Insurance Manager's changes to them. ``?rename=<id>`` opens a category's new name."""
    if not permissions.can_change_categories(request.user):
        raise PermissionDenied("Only the Insurance Manager can change the categories of risk.")
    organisation = request.user.profile.organisation
    form, renaming, status = None, None, 200
    if request.method == "POST":
        # A button of the list posts its change and category as one ("retire:12").
        action, _colon, category_pk = request.POST.get("change", "").partition(":")
        if not action:
            action, category_pk = request.POST.get("action", ""), request.POST.get("category")
        category = _category(organisation, category_pk)
        if action not in ACTIONS or (action != "add" and category is None):
            messages.error(request, "That category is not one of the organisation's.")
            return redirect("registers:categories")
        try:
            form = _act(request, organisation, action, category)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("registers:categories")
        if form is None:
            return redirect("registers:categories")
        renaming, status = (category if action == "rename" else None), 400
    elif request.GET.get("rename"):
        renaming = _category(organisation, request.GET["rename"])
        if renaming is not None:
            form = _form(None, renaming=True, initial={"label": renaming.label})
    return render(
        request,
        "registers/categories.html",
        {
            "organisation": organisation,
            "rows": categories.category_page_rows(organisation),
            "form": form if renaming is None and form is not None else CategoryForm(),
            "rename_form": form if renaming is not None else None,
            "renaming": renaming,
        },
        status=status,
    )

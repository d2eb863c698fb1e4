"""Cabinet portfolios: the list, a portfolio's key risks, and the Insurance Manager's form
(docs/domain.md#cabinet-portfolios)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from registers import permissions, services
from registers.forms.portfolio import PortfolioForm
from registers.models import Portfolio
from registers.selectors.portfolios import portfolio_key_risks, portfolio_list


@require_GET
def portfolios(request):
    """The portfolios the person may read; the Insurance Manager adds and changes them here."""
    if not permissions.may_open_portfolios(request.user):
        raise PermissionDenied
    rows = portfolio_list(user=request.user)
    may_change = permissions.can_change_portfolios(request.user)
    return render(
        request,
        "registers/portfolio_list.html",
        {"portfolios": rows, "may_change": may_change},
    )


@require_GET
def portfolio_detail(request, pk: int):
    """A portfolio's key risks, red and amber, with their trends: read-only."""
    portfolio = get_object_or_404(Portfolio.objects.select_related("holder", "organisation"), pk=pk)
    if not permissions.can_view_portfolio(request.user, portfolio):
        raise PermissionDenied
    return render(
        request,
        "registers/portfolio_detail.html",
        {
            "key": portfolio_key_risks(portfolio=portfolio),
            "may_change": permissions.can_change_portfolios(request.user)
            and permissions.can_view_portfolio(request.user, portfolio),
        },
    )


@require_http_methods(["GET", "POST"])
def portfolio_edit(request, pk: int | None = None):
    """Add a portfolio, or change its name, Cabinet member and registers."""
    if not permissions.can_change_portfolios(request.user):
        raise PermissionDenied
    if pk is None:
        portfolio = Portfolio()
        organisation_id = getattr(getattr(request.user, "profile", None), "organisation_id", None)
        if organisation_id is None:
            raise PermissionDenied
    else:
        portfolio = get_object_or_404(Portfolio, pk=pk)
        if not permissions.can_view_portfolio(request.user, portfolio):
            raise PermissionDenied
        organisation_id = portfolio.organisation_id
    form = PortfolioForm(request.POST or None, instance=portfolio, organisation_id=organisation_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.portfolio_save(
                portfolio=portfolio,
                name=form.cleaned_data["name"],
                holder=form.cleaned_data["holder"],
                registers=form.cleaned_data["registers"],
                by=request.user,
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, f"Portfolio {portfolio.name} saved.")
            return redirect(portfolio)
    return render(request, "registers/portfolio_form.html", {"form": form, "portfolio": portfolio})

"""Any register's pack for its own leadership meeting, in the template's shape: its preview
page and its PDF (docs/domain.md#register-packs)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from registers.models import Register
from registers.periods import Quarter, quarter_considered
from reports.packs.register_pack import register_pack, register_pack_pdf, register_pack_quarters
from reports.permissions import can_read_register_pack
from reports.views.download import pdf_response


def _asked(request: HttpRequest, pk: int):
    """The register, the quarters to choose from, and the quarter asked for (default: the
    quarter the next meeting considers) or the reason it cannot be shown, with its status."""
    register = get_object_or_404(Register.objects.select_related("organisation"), pk=pk)
    if not can_read_register_pack(request.user, register):
        raise PermissionDenied("A register's pack is read by those who may see the register.")
    today = timezone.localdate()
    drafts, approved = register_pack_quarters(register=register, today=today)
    quarters = [(q, f"{q.label} (draft)") for q in drafts] + [(q, q.label) for q in approved]
    text = request.GET.get("quarter", "").strip()
    try:
        quarter = Quarter.parse(text) if text else quarter_considered(today)
    except ValueError as error:
        return register, quarters, None, (str(error), 400)
    if quarter not in drafts and quarter not in approved:
        message = (
            f"{register.name} was not approved in {quarter.label}: choose one of the quarters "
            "listed."
        )
        return register, quarters, quarter, (message, 404)
    return register, quarters, quarter, None


@require_GET
def register_pack_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A register's pack in the browser, ``?quarter=2026/27 Q3``: approved, or a draft for
    the quarter under review."""
    register, quarters, quarter, refused = _asked(request, pk)
    pack = None if refused else register_pack(register=register, quarter=quarter)
    pdf_url = ""
    if pack:
        pdf_url = (
            f"{reverse('reports:register-pack-pdf', kwargs={'pk': register.pk})}?"
            f"{urlencode({'quarter': quarter.label})}"
        )
    return render(
        request,
        "reports/register_pack_page.html",
        {
            "register": register,
            "organisation": register.organisation,
            "pack": pack,
            "quarters": quarters,
            "selected_quarter": quarter,
            "pdf_url": pdf_url,
            "error": refused[0] if refused else "",
        },
        status=refused[1] if refused else 200,
    )


@require_GET
def register_pack_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The register's pack as an A4 PDF; the same choices."""
    register, _, quarter, refused = _asked(request, pk)
    if refused:
        return register_pack_page(request, pk)
    pack = register_pack(register=register, quarter=quarter)
    return pdf_response(request, lambda: register_pack_pdf(pack=pack), pack.filename)

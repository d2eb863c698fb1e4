"""The reports index and the quarterly SLT pack: its preview page and its PDF."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from registers.models import Organisation
from registers.periods import Quarter, approvable_quarters, quarter_considered, year_label
from registers.permissions import can_open_approval, can_read_appetite, can_review_as_s151
from reports.packs import (
    VARIANT_NAMES,
    ApprovedQuarter,
    approved_quarters,
    corporate_register,
    pack_filename,
    slt_pack,
    slt_pack_pdf,
)
from reports.packs.stored import corporate_approval, stored_pack_store
from reports.permissions import (
    FULL,
    PUBLIC,
    VARIANTS,
    can_read_collation,
    readable_variants,
    reader_organisation,
)
from reports.views import organisation_or_404
from reports.views.download import pdf_response

NOT_A_READER = (
    "The SLT pack is read by the Strategic Leadership Team, the Insurance Manager, the Section "
    "151 and Monitoring Officers and Internal Audit; Audit and Procurement Committee members "
    "read its public version."
)


def _pack_query(quarter: Quarter, variant: str) -> str:
    return urlencode({"quarter": quarter.label, "variant": variant})


def _url_or_blank(name: str) -> str:
    """Another report's address, or "" while that report does not exist yet."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


@dataclass(frozen=True, slots=True)
class PackLink:
    variant: str
    name: str
    preview_url: str
    pdf_url: str


def _pack_links(quarter: Quarter, variants: list[str]) -> list[PackLink]:
    preview, pdf = reverse("reports:slt-pack"), reverse("reports:slt-pack-pdf")
    return [
        PackLink(
            variant,
            VARIANT_NAMES[variant],
            f"{preview}?{_pack_query(quarter, variant)}",
            f"{pdf}?{_pack_query(quarter, variant)}",
        )
        for variant in variants
    ]


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The reports the signed-in user may read: the draft SLT pack of the quarter under review
    and the pack of each quarter SLT approved the corporate register in (in the variants they
    may read), the committee's annual report and the directorate collation."""
    variants = readable_variants(request.user)
    organisation = reader_organisation(request.user)
    approved = approved_quarters(organisation=organisation) if variants and organisation else []
    has_register = bool(variants and organisation and corporate_register(organisation=organisation))
    drafts = draft_quarters(approved=approved) if has_register else []
    committee_url = _url_or_blank("reports:committee-report") if variants else ""
    years = sorted({item.quarter.year for item in approved}, reverse=True)
    return render(
        request,
        "reports/index.html",
        {
            "organisation": organisation,
            "variants": [VARIANT_NAMES[variant] for variant in variants],
            "packs": [(item, _pack_links(item.quarter, variants)) for item in approved],
            "drafts": [(quarter, _pack_links(quarter, variants)) for quarter in drafts],
            "committee_reports": [
                (year_label(year), f"{committee_url}?{urlencode({'year': year_label(year)})}")
                for year in years
            ]
            if committee_url
            else [],
            "collation_url": (
                _url_or_blank("reports:collation") if can_read_collation(request.user) else ""
            ),
            "may_read_appetite": can_read_appetite(request.user),
        },
    )


def draft_quarters(*, approved: list[ApprovedQuarter]) -> list[Quarter]:
    """The quarters whose pack is a draft today: those that may still be approved and have
    not been (docs/domain.md#draft-packs), latest first."""
    done = {item.quarter for item in approved}
    return [q for q in approvable_quarters(timezone.localdate()) if q not in done]


class _Refused(Exception):
    """A pack request that cannot be met: the page says why, with this status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True, slots=True)
class _PackRequest:
    organisation: Organisation
    quarter: Quarter | None
    variant: str
    variants: list[str]
    approved: list[ApprovedQuarter]
    drafts: list[Quarter]

    @property
    def quarters(self) -> list[tuple[Quarter, str]]:
        """The quarters to choose from, latest first: drafts, then approved quarters."""
        drafted = [(q, f"{q.label} (draft)") for q in self.drafts]
        return drafted + [(item.quarter, item.quarter.label) for item in self.approved]

    @property
    def draft(self) -> bool:
        return self.quarter in self.drafts


def _pack_request(request: HttpRequest) -> tuple[_PackRequest, _Refused | None]:
    """Who asks for which quarter and variant; ``PermissionDenied`` for those who may not
    read it, ``Http404`` for a reader of no organisation, a ``_Refused`` (400 or 404) for a
    quarter or variant that cannot be shown."""
    variants = readable_variants(request.user)
    if not variants:
        raise PermissionDenied(NOT_A_READER)
    organisation = organisation_or_404(request.user)
    variant = request.GET.get("variant", "").strip() or (FULL if FULL in variants else PUBLIC)
    if variant in VARIANTS and variant not in variants:
        raise PermissionDenied(
            f"You may read the {' and '.join(VARIANT_NAMES[v].lower() for v in variants)} of "
            "the SLT pack only."
        )
    approved = approved_quarters(organisation=organisation)
    has_register = corporate_register(organisation=organisation) is not None
    drafts = draft_quarters(approved=approved) if has_register else []
    asked = _PackRequest(organisation, None, variant, variants, approved, drafts)
    if variant not in VARIANTS:
        message = f"{variant!r} is not a version of the pack: choose one from the list."
        return asked, _Refused(message, 400)
    if not has_register:
        return asked, _Refused("Your organisation has no corporate register yet.", 404)
    text = request.GET.get("quarter", "").strip()
    try:
        quarter = Quarter.parse(text) if text else quarter_considered(timezone.localdate())
    except ValueError as error:
        return asked, _Refused(str(error), 400)
    if quarter not in drafts and quarter not in {item.quarter for item in approved}:
        message = (
            f"SLT did not approve the corporate register in {quarter.label}, so there is no "
            "pack for it. Choose one of the quarters listed: an approved quarter, or the "
            "quarter under review as a draft."
        )
        return asked, _Refused(message, 404)
    return _PackRequest(organisation, quarter, variant, variants, approved, drafts), None


def _page(request: HttpRequest, asked: _PackRequest, *, pack=None, refused=None) -> HttpResponse:
    quarter = asked.quarter
    return render(
        request,
        "reports/slt_pack_page.html",
        {
            "pack": pack,
            "organisation": asked.organisation,
            "error": refused.message if refused else "",
            "quarters": asked.quarters,
            "draft": asked.draft,
            "selected_quarter": quarter,
            "variant_choices": [(v, VARIANT_NAMES[v]) for v in asked.variants],
            "selected_variant": asked.variant,
            "pdf_url": (
                f"{reverse('reports:slt-pack-pdf')}?{_pack_query(quarter, asked.variant)}"
                if pack
                else ""
            ),
            **(_draft_links(request.user, pack) if pack and pack.draft else {}),
        },
        status=refused.status if refused else 200,
    )


def _draft_links(user, pack) -> dict:
    """Where a draft's reader goes next: the Section 151 Officer to record their oversight,
    those who approve the register (or record its approval) to the approval page."""
    quarter = urlencode({"quarter": pack.quarter.label})
    return {
        "s151_url": (
            f"{reverse('reports:s151-review')}?{quarter}" if can_review_as_s151(user) else ""
        ),
        "approval_url": (
            reverse("reports:register-approval", kwargs={"pk": pack.register.pk})
            if can_open_approval(user, pack.register)
            else ""
        ),
    }


@require_GET
def slt_pack_page(request: HttpRequest) -> HttpResponse:
    """The quarterly SLT pack in the browser: the same content as its PDF, with a choice of
    quarter and version. ``?quarter=2026/27 Q2`` (default the quarter under review, a draft
    until SLT approves it) and
    ``?variant=full|public|appendix`` (default the fullest the reader may read)."""
    asked, refused = _pack_request(request)
    if refused:
        return _page(request, asked, refused=refused)
    pack = slt_pack(organisation=asked.organisation, quarter=asked.quarter, variant=asked.variant)
    return _page(request, asked, pack=pack)


@require_GET
def slt_pack_download(request: HttpRequest) -> HttpResponse:
    """The quarterly SLT pack as an A4 PDF, shown in the browser; the same choices. An
    approved quarter's pack is the one stored when SLT approved it, the same bytes every time
    (stored on the first download if rendering failed at approval); a draft is rendered
    afresh, marked DRAFT."""
    asked, refused = _pack_request(request)
    if refused:
        return _page(request, asked, refused=refused)
    filename = pack_filename(quarter=asked.quarter, variant=asked.variant)
    if asked.draft:
        return pdf_response(
            request,
            lambda: slt_pack_pdf(
                organisation=asked.organisation, quarter=asked.quarter, variant=asked.variant
            ),
            filename.replace(".pdf", "-DRAFT.pdf"),
        )
    snapshot = corporate_approval(organisation=asked.organisation, quarter=asked.quarter)
    return pdf_response(
        request,
        lambda: bytes(stored_pack_store(snapshot=snapshot, variant=asked.variant).content),
        filename,
    )

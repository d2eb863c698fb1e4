"""Approved SLT packs kept as records: rendered once when SLT approves the corporate register,
stored with their SHA-256, and served as stored ever after (docs/domain.md#stored-packs).

Rendering happens after the approval has committed, never inside its transaction: a PDF that
fails (the renderer's time or memory cap, ``reports.pdf``) must not undo SLT's decision. A
variant that failed then is rendered and stored on its first download instead.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.models import Organisation, RegisterSnapshot, Tier
from registers.periods import Quarter
from reports.models import StoredPack
from reports.packs.build import slt_pack_pdf
from reports.permissions import VARIANTS


def corporate_approval(*, organisation: Organisation, quarter: Quarter) -> RegisterSnapshot | None:
    """SLT's approval of the corporate register that stands for ``quarter`` (the quarter's
    latest), or None. One query."""
    return (
        RegisterSnapshot.objects.filter(
            register__organisation=organisation,
            register__tier=Tier.CORPORATE,
            year=quarter.year,
            quarter=quarter.number,
        )
        .select_related("register__organisation")
        .order_by("-approved_at", "-pk")
        .first()
    )


def stored_pack_get(*, snapshot: RegisterSnapshot, variant: str) -> StoredPack | None:
    """The pack stored for the approval ``snapshot`` in ``variant``, or None. One query."""
    return StoredPack.objects.filter(snapshot=snapshot, variant=variant).first()


def stored_pack_store(
    *, snapshot: RegisterSnapshot, variant: str, now: datetime | None = None
) -> StoredPack:
    """Render the pack of ``snapshot``'s quarter in ``variant`` and store it, unless it is
    stored already: a stored pack never changes, so the first one stored is kept. Raises
    ``reports.pdf.PdfFailed`` when the renderer fails (nothing is stored)."""
    existing = stored_pack_get(snapshot=snapshot, variant=variant)
    if existing is not None:
        return existing
    now = now or timezone.now()
    pdf = slt_pack_pdf(
        organisation=snapshot.register.organisation,
        quarter=snapshot.period,
        variant=variant,
        now=now,
    )
    pack = StoredPack(
        snapshot=snapshot,
        variant=variant,
        content=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        rendered_at=now,
    )
    try:
        with transaction.atomic():
            pack.save()
    except IntegrityError:  # stored by a concurrent request meanwhile: theirs is the record
        return StoredPack.objects.get(snapshot=snapshot, variant=variant)
    return pack


def stored_packs_store(
    *, snapshot: RegisterSnapshot, now: datetime | None = None
) -> list[StoredPack]:
    """Store every variant of the pack SLT approved with ``snapshot``, at one moment ``now``,
    so the three read alike. ``PdfFailed`` stops at the first variant that fails; those
    stored before it stay."""
    now = now or timezone.now()
    return [stored_pack_store(snapshot=snapshot, variant=v, now=now) for v in VARIANTS]

"""Risk references: unique in the organisation (docs/domain.md#risks), the next one drawn in
the pattern of the register's own, and saving a risk unless another has its reference, even
one saved at the same moment in another transaction."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from registers.models import Register, Risk


def risk_reference_next(*, register: Register) -> str:
    """The next free reference on a register, in the pattern of the references it already has
    (docs/domain.md#risks): after an imported CRR01 … CRR20, CRR21; on a register with none
    of its own yet, its prefix and the next number, e.g. CRR-07.

    Numbers are never reused: the highest number ever issued in the pattern in the
    organisation (on any register, open or closed, since escalated risks keep their
    reference) plus one.
    """
    stem, width = _reference_pattern(register=register)
    pattern = re.compile(rf"^{re.escape(stem)}(\d+)$", re.IGNORECASE)
    issued = Risk.objects.filter(
        organisation_id=register.organisation_id, reference__istartswith=stem
    ).values_list("reference", flat=True)
    numbers = [int(match.group(1)) for ref in issued if (match := pattern.match(ref))]
    return f"{stem}{max(numbers, default=0) + 1:0{width}d}"


REFERENCE_SHAPE = re.compile(r"^(?P<stem>.*?\D)?(?P<number>\d+)$")


def _reference_pattern(*, register: Register) -> tuple[str, int]:
    """The stem and the digits' width most of the register's references share ("CRR", 2 for
    CRR01 and CRR17), or the register's prefix, a hyphen and 2 for a register with none."""
    shapes: dict[tuple[str, int], int] = {}
    for reference in Risk.objects.filter(register=register).values_list("reference", flat=True):
        match = REFERENCE_SHAPE.match(reference.upper())
        if match and match.group("stem"):
            shape = (match.group("stem"), len(match.group("number")))
            shapes[shape] = shapes.get(shape, 0) + 1
    if not shapes:
        return f"{register.prefix}-", 2
    return max(shapes, key=lambda shape: (shapes[shape], shape[0] == f"{register.prefix}-"))


# How often a generated reference is drawn again when a risk raised at the same moment on
# another register took it (typed there, e.g. CRR-08 on a service register): more than once
# would take several people typing the next numbers of the same prefix at once.
REFERENCE_ATTEMPTS = 5


def reference_taken(reference: str, *, new: bool) -> ValidationError:
    """The refusal of a reference another risk has (code ``reference_taken``), on the field.
    References are unique in the organisation, across its registers; the other risk may be
    one this person cannot see, so the message names only the reference."""
    return ValidationError(
        {
            "reference": ValidationError(
                "The reference %(reference)s is already taken by another risk: choose "
                "another%(or_blank)s.",
                code="reference_taken",
                params={
                    "reference": reference,
                    "or_blank": ", or leave it blank to number it automatically" if new else "",
                },
            )
        }
    )


def _reference_taken(risk: Risk) -> bool:
    """Whether another risk of the organisation has ``risk``'s reference, whatever its case."""
    return (
        Risk.objects.filter(organisation_id=risk.organisation_id, reference__iexact=risk.reference)
        .exclude(pk=risk.pk)
        .exists()
    )


def saved_unless_reference_taken(risk: Risk, *, save) -> Risk | None:
    """``save()``, or None when another risk has ``risk``'s reference: found before saving, or,
    when the other was saved at the same moment in another transaction, by the database's
    unique constraint (an IntegrityError on PostgreSQL once the other commits), in a savepoint
    so that the transaction carries on."""
    if _reference_taken(risk):
        return None
    try:
        with transaction.atomic():
            return save()
    except (IntegrityError, ValidationError):
        # The check in full_clean, or the constraint, may have met the other risk: anything
        # else is the caller's to hear.
        if _reference_taken(risk):
            return None
        raise

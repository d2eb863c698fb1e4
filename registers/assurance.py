"""Recording assurance over a control in place (docs/domain.md#controls-and-assurance)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from registers import permissions
from registers.models import Action, ActionKind, Assurance, AssuranceLine
from registers.versions import save_with_history


@transaction.atomic
def assurance_record(
    *,
    control: Action,
    by: AbstractBaseUser,
    line: str,
    source: str,
    given_on: date,
    conclusion: str,
) -> Assurance:
    """Record what ``line`` found about ``control`` on ``given_on``. Refused, writing nothing:
    anything but a control in place (``not_control``), a date still to come (``future``), and
    a line the person may not record (``line_refused``: Internal Audit records the third line
    only, managers the first, the Insurance Manager the first and second)."""
    control = Action.objects.select_related("risk__register").get(pk=control.pk)
    if control.kind != ActionKind.CONTROL:
        raise ValidationError(
            "Assurance is given over a control in place, not a planned action.",
            code="not_control",
        )
    if given_on > timezone.localdate():
        raise ValidationError("The date of an assurance cannot be in the future.", code="future")
    if not permissions.can_record_assurance(by, control, line):
        label = dict(AssuranceLine.choices).get(line, line)
        raise ValidationError(
            f"You cannot record {label.lower()} assurance over this control.",
            code="line_refused",
        )
    assurance = Assurance(
        control=control,
        line=line,
        source=source.strip(),
        given_on=given_on,
        conclusion=conclusion.strip(),
        recorded_by=by,
    )
    return save_with_history(assurance, by=by, reason="Recorded")

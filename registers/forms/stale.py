"""The lost update, on every form that edits a record under optimistic locking (a risk, an
action, a register's settings): when a colleague saved the record while this person was
editing it, the form is brought up to date with their changes, and what each of them changed
is listed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.text import Truncator

from registers.selectors import readable_values
from registers.versions import StaleEdit


@dataclass(frozen=True, slots=True)
class StaleChange:
    """One field a colleague changed while this person was editing it."""

    label: str
    anchor: str
    started_from: str
    now: str
    yours: str | None  # what this person's form says, when they changed the field too

    @property
    def conflict(self) -> bool:
        return self.yours is not None


@dataclass(frozen=True, slots=True)
class StaleNotice:
    """What the page says about a refused save (``registers/_stale_edit.html``): who saved the
    record in the meantime (``who``), what it is (``noun``: "risk", "action", "register"), the
    fields of the form they changed, and what they did (the history's reasons, "Reviewed")."""

    who: str
    noun: str
    changes: list[StaleChange]
    reasons: list[str]


def merge_stale_edit(
    error: StaleEdit, *, form: forms.BaseModelForm
) -> tuple[QueryDict, StaleNotice]:
    """The form's data brought up to date after ``error``, and what to tell the person.

    Everything the person changed stays as they typed it. Fields that only the colleague
    changed now show the colleague's value, so saving again cannot quietly undo their work;
    where both changed a field, the person's value stays and the change is marked as a
    conflict. The version becomes the current one, so saving again (deliberately) goes through.
    """
    model = form._meta.model
    shown = readable_values(model, error.changes)
    data = form.data.copy()
    data[form.add_prefix("version")] = str(error.current.version)
    rows = []
    for name, before, now in error.changes:
        submitted = form.cleaned_data.get(name)
        submitted = getattr(submitted, "pk", submitted)
        changed_by_both = _differs(submitted, before)
        if not changed_by_both:
            data[form.add_prefix(name)] = _as_form_data(now)
        bound = form[name]
        label = str(model._meta.get_field(name).verbose_name)
        rows.append(
            StaleChange(
                label=label[:1].upper() + label[1:],
                anchor=f"{bound.auto_id}_0" if bound.use_fieldset else bound.auto_id,
                started_from=_shown(shown(name, before)),
                now=_shown(shown(name, now)),
                yours=_shown(shown(name, submitted)) if changed_by_both else None,
            )
        )
    notice = StaleNotice(who=error.changed_by, noun=error.noun, changes=rows, reasons=error.reasons)
    return data, notice


def _as_form_data(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _differs(submitted, before) -> bool:
    def normal(value):
        return "" if value is None else value

    return normal(submitted) != normal(before)


def _shown(readable) -> str:
    """A readable value (from ``readable_values``) as the stale-edit alert prints it."""
    if readable is None:
        return "(blank)"
    if isinstance(readable, date):
        return f"{readable:%-d %b %Y}"
    return Truncator(str(readable)).chars(160)

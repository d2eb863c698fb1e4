"""Form pieces every app's forms share: long lists of choices handed over ready, a person
picker, a service error shown on its field, a crispy helper that leaves the <form> tag to the
template, the hidden version an edit under optimistic locking carries."""

from __future__ import annotations

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.choices import BaseChoiceIterator

from common.people import person_label, told_apart


class ReadyChoices(BaseChoiceIterator):
    """A long list of choices already as Django keeps them, ``(value, label)`` pairs, handed to
    a field as it is. Django normalises a list it is given pair by pair, to find groups in it,
    each time the choices are read, and a form copies its fields' choices item by item when it
    is made: 6 ms a request for the 3,000 registers and owners of a county's filters. These
    are read as they are and never copied, so do not change the list once it is handed over."""

    def __init__(self, choices: list[tuple[str, str]]):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def __deepcopy__(self, memo) -> ReadyChoices:
        return self


class _PeopleToldApart(forms.models.ModelChoiceIterator):
    """The choices, with an e-mail address added where two people's labels are the same."""

    def __iter__(self):
        choices = super().__iter__()
        # The empty choice alone first: the select asks for the first choice only (may it be
        # required?), which must not read the people.
        if self.field.empty_label is not None:
            yield next(choices)
        people = list(choices)
        labels = told_apart([label for _, label in people], [value.instance for value, _ in people])
        yield from ((value, label) for (value, _), label in zip(people, labels, strict=True))


class PersonChoiceField(forms.ModelChoiceField):
    """A person of the organisation, shown with their job title so that two people with the
    same name can be told apart, and with their e-mail address too where name and title are
    both the same. Give it ``organisation_people(...)`` as its queryset."""

    iterator = _PeopleToldApart

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", get_user_model().objects.none())
        super().__init__(**kwargs)

    def search_with(self, url: str) -> None:
        """Offer type-ahead from ``url`` (static/js/person-picker.js); without JavaScript the
        field stays a plain select of everyone in the queryset."""
        self.widget.attrs["data-person-search"] = url

    def label_from_instance(self, obj) -> str:
        return person_label(obj)


class DayMonthYearInput(forms.MultiWidget):
    """The GOV.UK date input: three boxes, day, month and year, so a date means the same in
    every browser whatever its locale (an en-US browser's ``<input type="date">`` asks for
    month/day/year). A post that carries the date whole under the field's own name (ISO or
    day/month/year, from a script or an older page) is read as that."""

    template_name = "common/widgets/day_month_year.html"
    PARTS = ("day", "month", "year")

    def __init__(self, attrs=None):
        def box(size: int) -> forms.TextInput:
            return forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "maxlength": size,
                    "class": f"date-input-{size}",
                    "spellcheck": "false",
                }
            )

        widgets = {"day": box(2), "month": box(2), "year": box(4)}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = [data.get(f"{name}_{part}") for part in self.PARTS]
        if all(part is None for part in parts) and name in data:
            return data.get(name)
        return parts

    def value_omitted_from_data(self, data, files, name):
        return name not in data and all(f"{name}_{part}" not in data for part in self.PARTS)


class DayMonthYearField(forms.DateField):
    """A date entered as day, month and year (``DayMonthYearInput``), with the GOV.UK
    pattern's messages: which part is missing, a year of four digits, a date that exists."""

    widget = DayMonthYearInput
    default_error_messages = {
        "invalid": "Enter a real date, e.g. 27 3 2027.",
        "incomplete": "The date must include a %(missing)s.",
        "year": "Enter the year as four digits, e.g. 2027.",
    }

    def to_python(self, value):
        if not isinstance(value, list | tuple):
            return super().to_python(value)
        day, month, year = (str(part if part is not None else "").strip() for part in value)
        if not (day or month or year):
            return None
        missing = [
            name
            for name, part in zip(DayMonthYearInput.PARTS, value, strict=True)
            if not str(part if part is not None else "").strip()
        ]
        if missing:
            raise ValidationError(
                self.error_messages["incomplete"],
                code="incomplete",
                params={"missing": " and a ".join(missing)},
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if len(year) != 4:
            raise ValidationError(self.error_messages["year"], code="year")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError as impossible:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from impossible


class PoundsField(forms.IntegerField):
    """An amount in whole pounds, typed as people write money: "£1,250,000" and "1250000" are
    the same. A text box with the numeric keypad (the GOV.UK advice for numbers), so the
    browser neither rounds nor spins the value."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})
    default_error_messages = {
        "invalid": "Enter an amount in whole pounds, e.g. 250000 or £250,000.",
        "min_value": "Enter an amount of £0 or more.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.pop("max_digits", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(",", "").replace(" ", "")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # Not the min/max attributes of a number box: the text box takes "£" and commas.
        return {}


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside the field it names where the form
    has that field, above the form otherwise. What the user typed stays in the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        if field in form.fields or field == NON_FIELD_ERRORS:
            form.add_error(field if field in form.fields else None, errors)
        else:
            # A rule on a field the form does not show: name the field in the message.
            name = field.replace("_", " ").capitalize()
            form.add_error(None, [f"{name}: {message}" for e in errors for message in e])


def fields_helper(*layout) -> FormHelper:
    """Crispy renders the fields; the template owns the <form> tag, buttons and CSRF token."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout:
        helper.layout = Layout(*layout)
    return helper


LOST_VERSION = (
    "The form lost track of the version you started from: reload the page and make your "
    "changes again."
)


class VersionedForm(forms.Form):
    """Mixed into the form editing a record under optimistic locking, before the form class:
    ``class ActionForm(VersionedForm, forms.ModelForm)``. It carries, hidden, the ``version``
    of the record the person started from, which the service compares with the record's own
    to refuse an edit someone else's save has overtaken. A new record has no version yet, so
    the form for one has no such field; a post without it is refused (``LOST_VERSION``)."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": LOST_VERSION, "invalid": LOST_VERSION},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            del self.fields["version"]
        else:
            self.fields["version"].initial = instance.version

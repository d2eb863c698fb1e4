"""The form renderer writes inputs and selects in Python: byte for byte what Django's own
templates write, in every case those templates tell apart, and the rest left to them."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from common.renderers import FastWidgets

DJANGO, OURS = DjangoTemplates(), FastWidgets()

CHOICES = [
    ("", "Anyone"),
    ("1", "Ann O'Neil & <Co>"),
    (2, "Two"),
    ("3", mark_safe("<b>bold</b> as written")),
    (0, "Zero"),
]
LAZY = [("a", gettext_lazy("Plans & <people>")), ("b", gettext_lazy("O'Neil"))]
GROUPED = [
    ("Directorates", [("d1", "Finance"), ("d2", 'People "and" places')]),
    ("x", "Not in a group"),
]


def both(widget: forms.Widget, name: str, value, attrs=None) -> tuple[str, str]:
    return (
        widget.render(name, value, attrs=attrs, renderer=DJANGO),
        widget.render(name, value, attrs=attrs, renderer=OURS),
    )


CASES = [
    (forms.TextInput(), "q", None, None),
    (forms.TextInput(), "q", "", {"id": "id_q", "class": "textinput form-control"}),
    (forms.TextInput(), "q", 'risk "1" <b> & more', {"required": True, "disabled": False}),
    (forms.TextInput(attrs={"placeholder": "Words", "maxlength": 0}), "q", 12, None),
    (forms.TextInput(), "q", mark_safe("<i>safe</i>"), {"aria-describedby": "id_q_helptext"}),
    (forms.SearchInput(), "s", "x", {"aria-invalid": "true"}),
    (forms.EmailInput(), "e", "a@b.example", None),
    (forms.NumberInput(), "n", 5, {"min": 1, "max": 25, "step": "any"}),
    (forms.PasswordInput(render_value=True), "p", "secret", None),
    (forms.PasswordInput(), "p", "secret", None),
    (forms.HiddenInput(), "h", "3", {"id": "id_h"}),
    (forms.DateInput(), "d", datetime.date(2026, 2, 28), None),
    (forms.DateInput(format="%d/%m/%Y"), "d", datetime.date(2026, 2, 28), None),
    (forms.CheckboxInput(), "c", True, {"id": "id_c", "class": "form-check-input"}),
    (forms.CheckboxInput(), "c", False, None),
    (forms.CheckboxInput(), "c", "on", None),
    (forms.Select(choices=CHOICES), "owner", "1", {"id": "id_owner", "class": "form-select"}),
    (forms.Select(choices=CHOICES), "owner", None, None),
    (forms.Select(choices=CHOICES), "owner", 0, None),
    (forms.Select(choices=CHOICES), "owner", "none of them", {"required": True}),
    (forms.Select(choices=[]), "empty", None, None),
    (forms.Select(choices=LAZY), "lazy", "b", None),
    (forms.Select(choices=GROUPED), "grouped", "d2", None),
    (forms.SelectMultiple(choices=CHOICES), "many", ["1", "3"], {"id": "id_many"}),
    (forms.NullBooleanSelect(), "yes_no", True, None),
    (forms.Textarea(), "long", "left to Django", None),
    (forms.RadioSelect(choices=CHOICES), "radio", "1", {"id": "id_radio"}),
]


@pytest.mark.parametrize(("widget", "name", "value", "attrs"), CASES)
def test_each_widget_is_written_as_djangos_templates_write_it(widget, name, value, attrs):
    django, ours = both(widget, name, value, attrs)
    assert ours == django


def test_a_select_whose_options_have_a_template_of_their_own_is_left_to_it():
    class Starred(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    django, ours = both(Starred(choices=CHOICES), "starred", "1")
    assert ours == django
    assert "<option" not in ours


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"q": "fire & <flood>", "residual_band": "red", "owner": "1", "status": "all"},
        {"residual_band": "nonsense", "owner": "999", "overdue": "maybe"},
    ],
)
def test_the_filter_forms_are_unchanged(filter_forms, data):
    """Every field of the register and cross-register filters, as their pages render them,
    valid and not."""
    for form in filter_forms(data):
        form.is_valid()
        for field in form:
            form.renderer = DJANGO
            django = str(field)
            form.renderer = OURS
            assert str(field) == django, field.name

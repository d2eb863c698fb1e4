"""The day, month and year date input (the GOV.UK date pattern)."""

import copy
from datetime import date

import pytest
from django import forms

from common.forms import DayMonthYearField, ReadyChoices


class DueForm(forms.Form):
    due = DayMonthYearField(label="Due date", required=False)


def bound(**data):
    form = DueForm(data=data)
    form.is_valid()
    return form


def test_day_month_year_make_the_date_whatever_the_order_a_locale_would_use():
    form = bound(due_day="4", due_month="7", due_year="2027")
    assert form.cleaned_data["due"] == date(2027, 7, 4)  # 4 July, never 7 April


def test_leading_zeros_and_spaces_are_fine():
    assert bound(due_day=" 04", due_month="07 ", due_year="2027").cleaned_data["due"] == date(
        2027, 7, 4
    )


def test_three_empty_boxes_are_no_date():
    form = bound(due_day="", due_month="", due_year="")
    assert form.is_valid() and form.cleaned_data["due"] is None


@pytest.mark.parametrize(
    ("data", "code", "message"),
    [
        ({"due_day": "4", "due_month": "", "due_year": "2027"}, "incomplete", "include a month"),
        (
            {"due_day": "", "due_month": "", "due_year": "2027"},
            "incomplete",
            "include a day and a month",
        ),
        ({"due_day": "31", "due_month": "2", "due_year": "2027"}, "invalid", "real date"),
        ({"due_day": "1", "due_month": "13", "due_year": "2027"}, "invalid", "real date"),
        ({"due_day": "x", "due_month": "2", "due_year": "2027"}, "invalid", "real date"),
        ({"due_day": "1", "due_month": "2", "due_year": "27"}, "year", "four digits"),
    ],
)
def test_each_mistake_says_how_to_put_it_right(data, code, message):
    form = bound(**data)
    assert form.has_error("due", code=code)
    assert message in form.errors["due"][0]


def test_a_date_posted_whole_is_read_too():
    assert bound(due="2027-07-04").cleaned_data["due"] == date(2027, 7, 4)


def test_the_boxes_show_the_date_day_first_and_are_labelled():
    html = str(DueForm(initial={"due": date(2027, 7, 4)})["due"])
    assert html.index('value="4"') < html.index('value="7"') < html.index('value="2027"')
    for part, label in enumerate(("Day", "Month", "Year")):
        assert (
            f'<label class="form-label date-input-label" for="id_due_{part}">{label}</label>'
            in html
        )
    assert 'inputmode="numeric"' in html


def test_a_refused_entry_keeps_what_was_typed():
    html = str(bound(due_day="31", due_month="2", due_year="2027")["due"])
    assert 'value="31"' in html and 'value="2"' in html and 'value="2027"' in html


# Long lists of choices handed over ready --------------------------------------------------

LONG = [(str(n), f"Register {n} <{n}>") for n in range(300)]


def _with_choices(choices):
    class Form(forms.Form):
        register = forms.ChoiceField(choices=[], required=False)

    def made(data=None):
        form = Form(data)
        form.fields["register"].choices = choices
        return form

    return made


def test_ready_choices_render_and_validate_as_the_same_list_would():
    ready, plain = _with_choices(ReadyChoices(LONG)), _with_choices(list(LONG))
    assert str(ready()["register"]) == str(plain()["register"])
    assert ready({"register": "299"}).is_valid()
    assert not ready({"register": "300"}).is_valid()
    assert ready({"register": "300"}).errors == plain({"register": "300"}).errors


def test_ready_choices_are_neither_copied_nor_normalised_pair_by_pair(monkeypatch):
    """A form copies its fields when it is made, and Django normalises a list of choices pair
    by pair (to find groups) each time it reads them: a long list handed over ready is read as
    it is, so neither happens a pair at a time."""
    import django.utils.choices

    calls = []
    normalise = django.utils.choices.normalize_choices

    def counted(value, **kwargs):
        calls.append(value)
        return normalise(value, **kwargs)

    monkeypatch.setattr(django.utils.choices, "normalize_choices", counted)
    monkeypatch.setattr(forms.fields, "normalize_choices", counted)
    choices = ReadyChoices(LONG)
    form = _with_choices(choices)()
    str(form["register"])
    assert len(calls) < 10
    assert form.fields["register"].choices is choices
    assert copy.deepcopy(form.fields["register"]).choices is choices

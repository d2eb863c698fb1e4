"""``bootstrap_field`` writes what crispy-forms' ``as_crispy_field`` writes (bootstrap5 pack):
the same elements, attributes and text in the same order, whitespace between tags aside, for
every field of the list pages' filter forms and for the other cases its markup tells apart
(help text, errors, required, a checkbox); anything else it hands to crispy."""

import re
from html.parser import HTMLParser

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms

from common.templatetags.bootstrap_fields import bootstrap_field


class Markup(HTMLParser):
    """Tags with their attributes in order, and text with its whitespace collapsed."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.items.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.items.append(("end", tag))

    def handle_data(self, data):
        text = re.sub(r"\s+", " ", data).strip()
        if text:
            self.items.append(("text", text))


def same_markup(make, name) -> None:
    """The field ``name`` of two fresh forms, one through each filter."""
    crispy, ours = make(), make()
    for form in (crispy, ours):
        form.is_valid()
    expected = Markup(str(as_crispy_field(crispy[name]))).items
    assert expected, name
    assert Markup(str(bootstrap_field(ours[name]))).items == expected, name


class Example(forms.Form):
    words = forms.CharField(help_text="Reference or <em>title</em>.", max_length=5)
    number = forms.IntegerField(required=False, min_value=1)
    choice = forms.ChoiceField(choices=[("a", "A & B"), ("b", "B")], required=False)
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], required=False)
    agreed = forms.BooleanField(help_text="Tick to agree.")
    optional = forms.BooleanField(required=False, label="")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    when = forms.DateField(required=False)
    radio = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect, required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"words": "far too long <b>", "number": "0", "choice": "z", "many": ["a", "x"]},
        {"words": "ok", "agreed": "on", "optional": "on", "when": "2026-02-30", "radio": "q"},
    ],
)
@pytest.mark.parametrize("name", list(Example.base_fields))
def test_each_kind_of_field_as_crispy_writes_it(data, name):
    same_markup(lambda: Example(data), name)


def test_a_field_it_does_not_write_is_crispys():
    form = Example({})
    assert str(bootstrap_field(form["radio"])) == str(as_crispy_field(Example({})["radio"]))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"q": "fire & <flood>", "residual_band": "red", "status": "all", "overdue": "yes"},
        {"residual_band": "nonsense", "owner": "999", "overdue": "maybe", "tier": "x"},
        {"overdue": "on", "not_scored": "on", "outside_appetite": "true"},
    ],
)
def test_the_filter_forms_as_crispy_writes_them(filter_forms, data):
    for which in range(2):

        def make(which=which):
            return filter_forms(data)[which]

        for name in make().fields:
            if not make()[name].is_hidden:
                same_markup(make, name)

"""A form field with its label, help and errors in Bootstrap 5's markup, written in Python.

``{{ form.field|bootstrap_field }}`` writes what crispy-forms' ``as_crispy_field`` writes with
its bootstrap5 pack (the same elements, attributes and text; only the whitespace between tags
differs, ``tests/common/test_bootstrap_fields.py``), for the fields a filter form has: text
inputs, selects, checkboxes. Crispy renders each field through half a dozen templates, which
a list page's filters pay on every request; any other kind of field is left to crispy.

    {% load bootstrap_fields %}
    <div class="col-6">{{ filterset.form.owner|bootstrap_field }}</div>
"""

from __future__ import annotations

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

REQUIRED = mark_safe('<span class="asteriskField">*</span>')


def _kind(field: BoundField) -> str | None:
    """``check``, ``select`` or ``input``; None for a field crispy should render."""
    widget = field.field.widget
    if field.is_hidden or field.use_fieldset or hasattr(widget, "widgets"):
        return None
    if isinstance(widget, forms.CheckboxInput):
        return "check"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.widgets.Input | forms.Textarea) and not isinstance(
        widget, forms.FileInput
    ):
        return "input"
    return None


def _add_classes(field: BoundField, classes: str) -> None:
    """As crispy's ``{% crispy_field %}`` does: the widget's class name, then ``classes``."""
    widget = field.field.widget
    name = widget.__class__.__name__.lower()
    css = widget.attrs.get("class", "")
    if not css:
        css = name
    elif css.find(name) == -1:
        css += f" {name}"
    for word in classes.split():
        if word not in css.split():
            css += f" {word}"
    widget.attrs["class"] = css


def _help_and_errors(field: BoundField) -> SafeString:
    errors = ""
    if field.errors:
        errors = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            getattr(field.errors, "field_id", "") or "",
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((n, field.auto_id, error) for n, error in enumerate(field.errors, start=1)),
            ),
        )
    help_text = ""
    if field.help_text:
        help_text = format_html(
            '<div {}class="form-text">{}</div>',
            format_html('id="{}_helptext" ', field.auto_id) if field.auto_id else "",
            mark_safe(field.help_text),
        )
    return format_html("{}{}", errors, help_text)


def _label(field: BoundField, css: str, *, always_for: bool = False) -> SafeString:
    required = field.field.required
    return format_html(
        '<label {}class="{}{}">{}{}</label>',
        format_html('for="{}" ', field.id_for_label) if field.id_for_label or always_for else "",
        css,
        " requiredField" if required else "",
        field.label,
        REQUIRED if required else "",
    )


@register.filter
def bootstrap_field(field: BoundField) -> SafeString:
    kind = _kind(field)
    if kind is None:
        return as_crispy_field(field)
    invalid = " is-invalid" if field.errors else ""
    css_classes = field.css_classes()
    extra = f" {css_classes}" if css_classes else ""
    if kind == "check":
        _add_classes(field, f"form-check-input{invalid}")
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check{}">{}{}{}</div></div>',
            field.auto_id,
            extra,
            str(field),
            _label(field, "form-check-label", always_for=True),
            _help_and_errors(field),
        )
    _add_classes(field, ("form-select" if kind == "select" else "form-control") + invalid)
    return format_html(
        '<div id="div_{}" class="mb-3{}">{}{}{}</div>',
        field.auto_id,
        extra,
        _label(field, "form-label") if field.label else "",
        str(field),
        _help_and_errors(field),
    )

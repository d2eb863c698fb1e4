"""The form renderer: Django's own, with its commonest widgets written in Python.

Django renders every widget through a template, and a select through one more template per
option, each with an ``attrs.html`` of its own: a register page's filter form of nine fields
and about eighty options took some 160 template includes and about a fifth of the page.
``render`` writes the same bytes as Django's ``input.html``, ``select.html`` and
``select_option.html`` (``tests/common/test_renderers.py`` holds them side by side for every
case those templates distinguish) and hands any other template, or a widget whose option
template is not the default, to Django's renderer.
"""

from __future__ import annotations

import html

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

_WIDGETS = "django/forms/widgets/"
SELECT = _WIDGETS + "select.html"
OPTION = _WIDGETS + "select_option.html"
_SELECTED = {"selected": True}
# Templates that are nothing but ``{% include "django/forms/widgets/input.html" %}``.
INPUTS = frozenset(
    _WIDGETS + name
    for name in (
        "input.html",
        "text.html",
        "search.html",
        "email.html",
        "url.html",
        "tel.html",
        "number.html",
        "password.html",
        "hidden.html",
        "date.html",
        "datetime.html",
        "time.html",
        "checkbox.html",
        "color.html",
    )
)


def _formatted(value) -> str:
    """``{{ value|stringformat:'s' }}``: escaped unless the value was marked safe."""
    formatted = "%s" % (str(value) if isinstance(value, tuple) else value)
    return formatted if isinstance(value, SafeData) else escape(formatted)


def attributes(attrs: dict) -> str:
    """``attrs.html``: `` name="value"`` each, a bare name for True, nothing for False."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def input_html(widget: dict) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{shown}{attributes(widget["attrs"])}>'
    )


def _text(value) -> str:
    """``conditional_escape``, with plain strings (nearly every label and value) escaped
    straight away rather than through Django's lazy-string wrapper: the same characters."""
    return html.escape(value) if type(value) is str else conditional_escape(value)


def option_html(option: dict) -> str:
    value = option["value"]
    value = html.escape(value) if type(value) is str else _formatted(value)
    attrs = option["attrs"]
    # A select's options inherit no attributes (``Select.option_inherits_attrs``): nearly
    # always none, or the chosen one's ``selected``.
    if not attrs:
        shown = ""
    elif attrs == _SELECTED:
        shown = " selected"
    else:
        shown = attributes(attrs)
    return f'<option value="{value}"{shown}>{_text(option["label"])}</option>'


def select_html(widget: dict) -> str | None:
    """The select, or None when an option has a template of its own."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION:
                return None
            parts.append(f"\n  {option_html(option)}\n")  # the option template's newline
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FastWidgets(DjangoTemplates):
    """``FORM_RENDERER``: Django's template renderer but for inputs and selects."""

    def render(self, template_name, context, request=None):
        written = None
        if template_name in INPUTS:
            written = input_html(context["widget"])
        elif template_name == SELECT:
            written = select_html(context["widget"])
        if written is None:
            return super().render(template_name, context, request)
        return written

"""Hypothesis strategies shared by the property tests: hostile text and form data.

Every property test runs its examples against the `org` fixture's database with
``DB_SETTINGS``: few examples (each touches the database), no deadline, derandomized so CI
runs the same examples every time.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

DB_SETTINGS = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
JS_URL = "javascript:alert(1)"

# Values that have broken forms somewhere: HTML, formulas, NUL and other control characters,
# characters whose upper case is longer (ß → SS), right-to-left marks, only whitespace.
NASTY = [
    "",
    " ",
    " \t\n ",
    "\u00a0",
    "\x00",
    "a\x00b",
    "\x01\x1f\x7f",
    SCRIPT,
    IMG,
    SVG,
    JS_URL,
    f'<a href="{JS_URL}">x</a>',
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://127.0.0.1:9/x","y")',
    "+1+1",
    "-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "'=1",
    "ß" * 20,
    "ﬁ" * 16,
    "\u202eevil",
    "😀" * 10,
    "%(reference)s %s {}",
    "x" * 201,
    "y" * 5000,
    "0",
    "-0",
    "1e400",
    "NaN",
    "Infinity",
    "٣",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "99999999999999999999",
]

# Text as a form might receive it: anything Unicode (surrogates cannot come over HTTP), mixed
# with the nasty values above.
any_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=190, max_size=260),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=20)),
)

# Text a person could store: what the forms keep (stripped, no NUL).
stored_text = (
    st.text(
        alphabet=st.characters(codec="utf-8", blacklist_characters="\x00"), min_size=1, max_size=80
    )
    .map(str.strip)
    .filter(bool)
)


def dates_as_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
        st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
        any_text,
    )


def value_for(field: forms.Field) -> st.SearchStrategy[str]:
    """What a browser (or an attacker) might post for ``field``: its valid values, near
    misses and hostile text."""
    if isinstance(field, forms.ModelChoiceField):
        pks = [str(pk) for pk in field.queryset.values_list("pk", flat=True)]
        return st.one_of(st.sampled_from(pks or ["1"]), any_text, st.integers().map(str))
    if isinstance(field, forms.ChoiceField):
        valid = [str(value) for value, _ in field.choices]
        return st.one_of(st.sampled_from(valid or [""]), any_text)
    if isinstance(field, forms.BooleanField):
        return st.one_of(st.sampled_from(["on", "", "true", "false", "0", "1"]), any_text)
    if isinstance(field, forms.DateField):
        return dates_as_text()
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return st.one_of(
            st.integers(min_value=-(10**15), max_value=10**15).map(str),
            st.decimals(allow_nan=True, allow_infinity=True).map(str),
            any_text,
        )
    return any_text


def form_data(form: forms.BaseForm) -> st.SearchStrategy[dict[str, str]]:
    """Data for every field of ``form`` (prefixed as it renders them), each key sometimes
    left out, as a hostile client may."""
    return st.fixed_dictionaries(
        {},
        optional={form.add_prefix(name): value_for(field) for name, field in form.fields.items()},
    )


def rolled_back(call):
    """Run ``call`` in a savepoint that is always rolled back, so each example starts from
    the same database; return what it returned."""
    with transaction.atomic():
        result = call()
        transaction.set_rollback(True)
    return result

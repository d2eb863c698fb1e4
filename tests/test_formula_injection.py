"""Spreadsheet formula injection (OWASP "CSV injection"): no cell of any CSV or XLSX
the app writes starts with = + - @ tab or carriage return, and no XLSX cell is a formula,
whatever people typed; the full export still imports back to exactly what was typed.

The files: the register's CSV and XLSX exports, the full export for re-import and the
directorate collation workbook (every writer goes through ``common.spreadsheets.neutralise``,
the XLSX ones through ``common.spreadsheets.write_table``). Full-width look-alikes (＝) are not
formula triggers in Excel and are not neutralised.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from common.spreadsheets import FORMULA_TRIGGERS, neutralise
from registers import services
from registers.imports.apply import apply_plan
from registers.imports.cells import cell_text
from registers.imports.export import keep_leading_quote, register_workbook
from registers.imports.mapping import find_header_row, guess_mapping
from registers.imports.plan import build_plan
from registers.imports.reader import read_table
from registers.models import ActionKind, PolicyCategory, Response, Risk
from reports.collation import collation_xlsx
from tests.factories import UserFactory
from tests.strategies import DB_SETTINGS, rolled_back

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("http://127.0.0.1:9/x","Click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",
    "''+1",
    "=",
]

# Text as the app may hold it (typed, imported, or written by a service), beginning with
# what a spreadsheet might run.
formula_like = st.builds(
    lambda prefix, body: prefix + body,
    st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "'\t", "＝", " =", ""]),
    st.text(alphabet=st.characters(codec="utf-8", blacklist_characters="\x00"), max_size=30),
)


def assert_csv_safe(content: bytes) -> int:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS), repr(cell)
    return len(rows)


def assert_xlsx_safe(content: bytes) -> int:
    workbook = load_workbook(io.BytesIO(content))  # not data_only: formulas stay formulas
    cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                cells += 1
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_TRIGGERS), repr(cell.value)
    return cells


# The pure rule --------------------------------------------------------------------------------


@settings(max_examples=300, derandomize=True, deadline=None)  # pure, but a busy CI machine pauses
@given(value=st.one_of(formula_like, st.text()))
def test_neutralised_text_never_starts_a_formula(value):
    written = neutralise(value)
    assert not written.startswith(FORMULA_TRIGGERS)
    assert written in (value, f"'{value}")
    assert neutralise(written) == written  # the register XLSX neutralises the CSV's text again


@settings(max_examples=300, derandomize=True, deadline=None)  # pure, but a busy CI machine pauses
@given(value=st.one_of(st.integers(), st.floats(), st.none(), st.booleans()))
def test_numbers_and_blanks_are_left_alone(value):
    assert neutralise(value) is value


# Every file the app writes --------------------------------------------------------------------


@pytest.fixture
def formulas(org):
    """A risk per formula on the service register, with the formula in every text field,
    controls and actions, an owner named by one, overdue so the collation lists it."""
    head = org.people["head"]
    owner = UserFactory(first_name="=cmd|' /C calc'!A0", last_name="-1")
    org.people["officer"].first_name = "@SUM(1)"
    org.people["officer"].save()
    for number, formula in enumerate(FORMULAS, start=1):
        risk = services.risk_create(
            register=org.service_register,
            by=head,
            reference=f"AC-{number:02d}",
            title=formula,
            event=formula,
            consequence=formula,
            impact=formula,
            category=PolicyCategory.FINANCE,
            owner=owner if number % 2 else org.people["officer"],
            response=Response.TOLERATE,
            response_rationale=formula,
            imported_rating=formula,
            imported_trend=formula,
            next_review_due=timezone.localdate() - timedelta(days=3),
        )
        for kind in ActionKind.values:
            services.action_create(
                risk=risk,
                by=head,
                kind=kind,
                description=formula,
                due_date=timezone.localdate() - timedelta(days=3),
            )
    return org


def test_the_register_csv_and_xlsx_exports(client, formulas):
    client.force_login(formulas.people["head"])
    register = formulas.service_register
    response = client.get(reverse("registers:register-export", args=[register.pk]))
    assert assert_csv_safe(response.content) == len(FORMULAS) + 1
    response = client.get(reverse("registers:register-export-xlsx", args=[register.pk]))
    assert assert_xlsx_safe(response.content)


def test_the_full_export(client, formulas):
    client.force_login(formulas.people["head"])
    register = formulas.service_register
    response = client.get(reverse("registers:register-export-full", args=[register.pk]))
    assert response.status_code == 200
    assert assert_xlsx_safe(response.content)


def test_the_collation_workbook(client, formulas):
    content = collation_xlsx(organisation=formulas.organisation)
    assert assert_xlsx_safe(content)
    client.force_login(formulas.people["insurance"])
    response = client.get(reverse("reports:collation-xlsx"))
    assert response.status_code == 200
    assert_xlsx_safe(response.content)
    # The titles are in the Issues sheet: the check saw the formulas, not empty sheets.
    issues = load_workbook(io.BytesIO(content))["Issues"]
    titles = {row[4] for row in issues.iter_rows(min_row=2, values_only=True)}
    assert "'=cmd|' /C calc'!A0" in titles


# The full export's round trip -----------------------------------------------------------------


def stored_title(text: str) -> str:
    """A title as the risk form and the import keep it: runs of whitespace as one space."""
    return " ".join(text.split())


def stored_text(text: str) -> str:
    """A text field as the import keeps it: line ends as \\n, no outer whitespace."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@settings(max_examples=300, derandomize=True, deadline=None)  # pure, but a busy CI machine pauses
@given(value=formula_like.map(stored_text))
def test_a_neutralised_cell_reads_back_as_written(value):
    """What the full export writes (its quote kept, then neutralised) the import reads back."""
    assert cell_text(neutralise(keep_leading_quote(value))) == value


def xlsx_text(text: str) -> str:
    """Characters XML cannot hold are dropped by every workbook the app writes (and cannot be
    typed into a spreadsheet): leave them out of what is compared."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def round_trip(org, texts: list[str]) -> None:
    head = org.people["head"]
    source, target = org.service_register, org.project_register
    originals = []
    for number, text in enumerate(texts, start=1):
        title, body = stored_title(text), stored_text(text)
        if not title or not body:
            continue
        risk = services.risk_create(
            register=source,
            by=head,
            reference=f"AC-{number:02d}",
            title=title[:200],
            event=body,
            consequence=body,
            impact=body,
            category=PolicyCategory.FINANCE,
            response_rationale=body,
        )
        # One line: the export writes controls as "- " bullets, one per line, and the import
        # splits on bullets and drops blank lines and indentation, so a multi-line control
        # whose later line starts "- " comes back as two (a limitation of the format).
        services.action_create(
            risk=risk, by=head, kind=ActionKind.CONTROL, description=stored_title(body)
        )
        originals.append(risk)
    exported = register_workbook(register=source)
    assert_xlsx_safe(exported)
    table = read_table(data=exported, filename="export-full.xlsx")
    header = find_header_row(table.rows)
    mapping = guess_mapping(table.rows[header])
    # Into another register: the references must change, as in test_import's round trip.
    for row in table.rows[header + 1 :]:
        row[0] = str(row[0]).replace("AC-", "PRJ-CH-")
    plan = build_plan(register=target, table=table, header_row=header, mapping=mapping)
    assert plan.ok, [(p.row, p.column, p.message) for p in plan.problems]
    apply_plan(plan=plan, register=target, by=head)
    for original in originals:
        copy = Risk.objects.get(reference=original.reference.replace("AC-", "PRJ-CH-"))
        for name in ("title", "event", "consequence", "impact", "response_rationale"):
            assert getattr(copy, name) == getattr(original, name), name
        assert [a.description for a in copy.actions.all()] == [
            a.description for a in original.actions.all()
        ]


@pytest.mark.parametrize("text", ["'=1+1", "''+1", "'\t=1", "=1+1", "-", "'", "＝1"])
def test_the_full_export_imports_back_exactly(org, text):
    round_trip(org, [text])


@settings(DB_SETTINGS, max_examples=10)
@given(texts=st.lists(formula_like.map(xlsx_text), min_size=1, max_size=3))
def test_the_full_export_imports_back_exactly_whatever_the_text(org, texts):
    rolled_back(lambda: round_trip(org, texts))

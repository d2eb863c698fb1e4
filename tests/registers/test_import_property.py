"""Property-based tests of the spreadsheet import (docs/domain.md#spreadsheets): for any
workbook or CSV (random headings, numbers, dates, booleans, formulas, error values, huge
strings, HTML, control characters, blank rows, merged cells), reading, mapping and planning
raise nothing but the reader's own ``ImportFileError``; a plan without problems applies
completely, and a plan with problems writes nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from hypothesis import event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from registers.imports.apply import apply_plan
from registers.imports.mapping import EXPORT_HEADINGS, TARGETS, find_header_row, guess_mapping
from registers.imports.plan import build_plan
from registers.imports.reader import ImportFileError, read_table
from registers.models import Action, Risk
from tests.factories import RiskFactory
from tests.strategies import DB_SETTINGS, NASTY, any_text, rolled_back, stored_text

pytestmark = pytest.mark.django_db

HEADINGS = [
    *EXPORT_HEADINGS,
    "ID",
    "Risk Name",
    "Description",
    "Residual Risk\nRating",
    "Q3 Trending",
    "Key Controls and Activities",
    "Owner",
    "Risk owner",
    "Gross likelihood",
    "Net impact score",
]
REFERENCES = ["AC-01", "ac-01", "AC-02", "CRR-01", "ß", "", " AC-01 "]
OWNERS = ["officer", "Officer", "head@example.org", "Nobody Known", "", NASTY[7]]
TARGET_KEYS = [key for key, _ in TARGETS]

cell_text_values = st.one_of(
    any_text,
    st.sampled_from(REFERENCES + OWNERS),
    st.sampled_from(["1", "5", "6", "4 - Likely", "Critical", "Treat", "Tolerate", "n/a"]),
    st.sampled_from(["31/03/2027", "2027-03-31", "31 Mar 2027", "- one\n- two", "• a\n• b"]),
    st.sampled_from(["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "=1/0", "=A1", "=SUM(1,2)"]),
    st.text(min_size=3000, max_size=5000),
)
cells = st.one_of(
    st.none(),
    cell_text_values,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
)


def xlsx_text(value):
    """openpyxl refuses characters XML cannot hold: leave them out, as Excel would."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


@st.composite
def sheets(draw):
    width = draw(st.integers(min_value=1, max_value=8))
    heading = st.one_of(st.sampled_from(HEADINGS), any_text, st.none(), st.integers())
    headings = draw(st.lists(heading, min_size=width, max_size=width))
    title_rows = draw(st.lists(st.lists(cells, max_size=3), max_size=2))
    body = draw(
        st.lists(
            st.one_of(st.just([]), st.lists(cells, min_size=1, max_size=width + 2)),
            max_size=6,
        )
    )
    return [*title_rows, headings, *body]


@st.composite
def workbooks(draw):
    rows = draw(sheets())
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append([xlsx_text(value) for value in row])
    if draw(st.booleans()) and len(rows) > 1:
        sheet.merge_cells(start_row=2, start_column=1, end_row=len(rows), end_column=2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@st.composite
def csv_files(draw):
    rows = draw(sheets())
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t", "|"]))).writerows(
        [["" if value is None else str(value) for value in row] for row in rows]
    )
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return buffer.getvalue().encode(encoding, errors="replace")


files = st.one_of(
    workbooks(),
    csv_files(),
    st.binary(max_size=300),
    st.sampled_from([b"PK\x03\x04" + b"\x00" * 40, b"\xef\xbb\xbf", b"a\x00b,c\n"]),
)


def ledger():
    return (
        list(Risk.objects.order_by("pk").values_list("pk", "version", "title", "owner")),
        Risk.history.count(),
        list(Action.objects.order_by("pk").values_list("pk", "description")),
    )


def plan_file(register, data, draw, *, people):
    """Read, find the headings, map (as guessed, or at random) and plan; None when the file
    is refused with the reader's own message."""
    try:
        table = read_table(data=data, filename="upload")
    except ImportFileError as error:
        assert str(error).strip()
        return None
    header_row = find_header_row(table.rows)
    assert 0 <= header_row <= max(len(table.rows) - 1, 0)
    headings = table.rows[header_row] if table.rows else []
    mapping = guess_mapping(headings)
    if draw(st.booleans()):
        mapping = {
            index: draw(st.sampled_from(TARGET_KEYS)) for index in range(max(len(headings), 1) + 1)
        }
    unmatched = build_plan(
        register=register, table=table, header_row=header_row, mapping=mapping
    ).unmatched_owners
    choices = {
        name: draw(st.sampled_from([None, *[person.pk for person in people], -1]))
        for name in unmatched
    }
    return build_plan(
        register=register,
        table=table,
        header_row=header_row,
        mapping=mapping,
        owner_choices=choices,
    )


@pytest.fixture
def existing(org):
    """A risk a row may update, and one on another register a row may not."""
    RiskFactory(register=org.service_register, reference="AC-01", owner=org.people["officer"])
    RiskFactory(register=org.corporate, reference="CRR-01", owner=org.people["chief"])


@DB_SETTINGS
@given(data=files, draw=st.data())
def test_any_file_plans_and_applies_all_or_nothing(org, existing, data, draw):
    register = org.service_register
    plan = plan_file(register, data, draw.draw, people=list(org.people.values()))
    if plan is None:
        event("refused by the reader")
        return
    event(f"plan ok: {plan.ok}, rows: {min(len(plan.rows), 3)}")
    for problem in plan.problems:
        assert problem.message.strip() and problem.row >= 1
    before = ledger()
    if not plan.ok:
        with pytest.raises(ValidationError) as refused:
            apply_plan(plan=plan, register=register, by=org.people["head"])
        assert refused.value.code == "plan_has_problems"
        assert ledger() == before
        return

    def apply():
        result = apply_plan(plan=plan, register=register, by=org.people["head"], filename="x")
        assert result.created + result.updated + result.unchanged == len(plan.rows)
        assert Risk.objects.filter(register=register).count() == 1 + result.created
        for risk in Risk.objects.filter(register=register):
            risk.full_clean()
            assert "\x00" not in risk.title + risk.event + risk.consequence + risk.impact
        return result

    rolled_back(apply)
    assert ledger() == before


scores = st.one_of(st.integers(min_value=1, max_value=5), st.sampled_from(["3", "4 - Likely"]))
COLUMNS = {
    "Reference": st.one_of(st.sampled_from(REFERENCES), st.none()),
    "Title": st.one_of(stored_text, st.sampled_from(["Flooding", NASTY[7], NASTY[8], "=1+1"])),
    "Description (event)": st.one_of(any_text, st.none()),
    "Consequence": any_text,
    "Category": st.sampled_from(["Finance", "legal", "People", "", None]),
    "Owner": st.sampled_from(OWNERS),
    "Inherent likelihood": scores,
    "Inherent impact": scores,
    "Residual likelihood": scores,
    "Residual impact": scores,
    "Response": st.sampled_from(["Treat", "Transfer", "n/a", None]),
    "Response rationale": any_text,
    "Next review": st.one_of(st.dates(), st.sampled_from(["31/03/2027", None])),
    "Controls": st.one_of(any_text, st.sampled_from(["- =cmd\n- <script>", "• a\n• a"])),
    "Planned actions": any_text,
    "Trend in the imported sheet": any_text,
}


PAIRS = {f"{stage} likelihood": f"{stage} impact" for stage in ("Inherent", "Residual")}


@st.composite
def plausible_workbooks(draw):
    """Sheets with recognised headings and mostly sensible values, so many plans have no
    problems and are applied; the text is still hostile."""
    optional = sorted(set(COLUMNS) - {"Title"} - set(PAIRS.values()))
    headings = ["Title", *draw(st.lists(st.sampled_from(optional), unique=True, max_size=8))]
    headings += [PAIRS[heading] for heading in headings if heading in PAIRS]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headings)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        sheet.append([xlsx_text(draw(COLUMNS[heading])) for heading in headings])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@settings(DB_SETTINGS, max_examples=25)
@given(data=plausible_workbooks(), draw=st.data())
def test_plausible_sheets_apply_completely_or_not_at_all(org, existing, data, draw):
    test_any_file_plans_and_applies_all_or_nothing.hypothesis.inner_test(org, existing, data, draw)


def test_a_failure_half_way_writes_nothing(org, monkeypatch):
    """All or nothing: the second row fails after the first was written; nothing stays."""
    from registers.imports import apply as apply_module

    rows = [["Title", "Description"], ["First", "a"], ["Second", "b"]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    table = read_table(data=buffer.getvalue().encode(), filename="r.csv")
    plan = build_plan(
        register=org.service_register,
        table=table,
        header_row=0,
        mapping=guess_mapping(table.rows[0]),
    )
    assert plan.ok
    real, calls = apply_module.risk_create, []

    def fail_second(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise ValidationError("boom", code="boom")
        return real(**kwargs)

    monkeypatch.setattr(apply_module, "risk_create", fail_second)
    before = ledger()
    with pytest.raises(ValidationError):
        apply_plan(plan=plan, register=org.service_register, by=org.people["head"])
    assert ledger() == before


@pytest.mark.parametrize(
    "cell",
    [time(9, 30), datetime(2027, 3, 31, 12, 0), True, 1e300, -0.0, "=1/0", "#N/A"],
)
def test_odd_cell_types_in_a_title_import_as_text(org, cell):
    workbook = Workbook()
    workbook.active.append(["Title", "Description"])
    workbook.active.append([cell, "e"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(data=buffer.getvalue(), filename="odd.xlsx")
    plan = build_plan(
        register=org.service_register, table=table, header_row=0, mapping={0: "title", 1: "event"}
    )
    if plan.ok:
        apply_plan(plan=plan, register=org.service_register, by=org.people["head"])
        assert Risk.objects.filter(register=org.service_register).count() == 1
    else:
        assert Risk.objects.filter(register=org.service_register).count() == 0


@pytest.mark.parametrize(
    "data",
    [
        b"Title,Event\na\x00b,c\n",  # NUL in a CSV: refused as not a spreadsheet
        "Title,Event\n\u0000x,c\n".encode("utf-16"),
    ],
)
def test_nul_never_reaches_the_database(data):
    with pytest.raises(ImportFileError):
        read_table(data=data, filename="nul.csv")

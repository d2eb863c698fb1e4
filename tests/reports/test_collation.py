"""The directorate collation: its checks, its numbers adding up, who may read it, the page, the
PDF and the workbook, and a fixed number of queries whatever the number of risks."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Effectiveness,
    PolicyCategory,
    Response,
    Risk,
    RiskStatus,
)
from reports import collation
from reports.collation import directorate_collation
from reports.collation_checks import (
    CHECKS,
    KEY_CONTROL_UNASSURED,
    NO_CONTROLS,
    NO_EFFECTIVE_CONTROL,
    NO_OWNER,
    NOT_SCORED,
    RESIDUAL_NOT_BELOW_INHERENT,
    REVIEW_OVERDUE,
    TOLERATED_WITHOUT_REASON,
    risk_issues,
)
from scoring.matrix import COVENTRY
from tests.factories import (
    DirectorateFactory,
    OrganisationFactory,
    ProfileFactory,
    RiskFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URLS = ["reports:collation", "reports:collation-pdf", "reports:collation-xlsx"]
READERS = ["chief", "insurance", "s151", "monitoring", "audit"]
NOT_READERS = ["committee", "director", "other_director", "head", "officer", "other_officer"]


# Helpers ------------------------------------------------------------------------------------


def today():
    return timezone.localdate()


def clean_risk(register, reference, **fields):
    """An open risk that passes every check (owner, scores going down, a control, a review
    date ahead), with ``fields`` changed to make it fail some."""
    values = {
        "register": register,
        "reference": reference,
        "title": f"Risk {reference}",
        "owner": register.owner,
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "response": Response.TREAT,
        "next_review_due": today() + timedelta(days=30),
    }
    control = fields.pop("control", True)
    risk = RiskFactory(**{**values, **fields})
    if control:
        Action.objects.create(
            risk=risk,
            kind=ActionKind.CONTROL,
            description="Monthly audit",
            effectiveness=Effectiveness.EFFECTIVE,
        )
    return risk


def issues_of(result, reference):
    for directorate in result.directorates:
        for register in directorate.registers:
            for risk in register.risks_with_issues:
                if risk.reference == reference:
                    return {issue.check for issue in risk.issues}
    return set()


def checks_as_dict(tally):
    return {check.key: count for check, count in tally.by_check}


@pytest.fixture
def crafted(org):
    """Risks failing one check each on People's directorate register, two failing several
    on its service and project registers, clean ones on Place's, and risks the collation
    must leave out (closed, corporate)."""
    people = org.directorate_register
    clean_risk(people, "DP-CLEAN")
    clean_risk(people, "DP-NOOWNER", owner=None)
    clean_risk(people, "DP-OVERDUE", next_review_due=today() - timedelta(days=3))
    clean_risk(people, "DP-TOLERATE", response=Response.TOLERATE, response_rationale="  \n ")
    clean_risk(people, "DP-EQUAL", residual_likelihood=4, residual_impact=4)
    clean_risk(people, "DP-ABOVE", residual_likelihood=5, residual_impact=5)
    no_control = clean_risk(people, "DP-NOCONTROL", control=False)
    Action.objects.create(risk=no_control, kind=ActionKind.ACTION, description="Plan")
    Action.objects.create(
        risk=no_control,
        kind=ActionKind.CONTROL,
        description="Dropped control",
        status=ActionStatus.CANCELLED,
    )
    clean_risk(people, "DP-UNSCORED", residual_likelihood=None, residual_impact=None)
    clean_risk(
        org.service_register,
        "AC-TWO",
        owner=None,
        next_review_due=today() - timedelta(days=1),
        residual_likelihood=1,
        residual_impact=2,
    )
    # Inherent 16 is red: owned at Director level, as the policy asks.
    clean_risk(
        org.service_register,
        "AC-CLEAN",
        residual_likelihood=5,
        residual_impact=1,
        owner=org.people["director"],
    )
    clean_risk(
        org.project_register,
        "PRJ-THREE",
        control=False,
        inherent_likelihood=None,
        inherent_impact=None,
        response=Response.TOLERATE,
        response_rationale="\t",
    )
    clean_risk(org.other_directorate_register, "DPL-CLEAN")
    clean_risk(org.other_service_register, "HW-CLEAN", residual_likelihood=2, residual_impact=2)
    # Left out: a closed risk and a corporate risk, both failing checks.
    clean_risk(
        people,
        "DP-CLOSED",
        owner=None,
        status=RiskStatus.CLOSED,
        closed_at=timezone.now(),
        closure_reason="Merged",
    )
    clean_risk(org.corporate, "CRR-NOOWNER", owner=None)
    return org


# The checks -----------------------------------------------------------------------------------

CLEAN = {
    "owner_id": 1,
    "next_review_due": None,
    "response": Response.TREAT,
    "tolerate_reason": None,
    "inherent_score": 16,
    "residual_score": 9,
    "has_control": True,
    "has_effective_control": True,
    "has_unassured_key_control": False,
    "bands": COVENTRY,
}


def test_a_clean_risk_fails_no_check():
    assert risk_issues(**CLEAN, today=today()) == ()
    due_today = {**CLEAN, "next_review_due": today()}
    assert risk_issues(**due_today, today=today()) == ()
    reasoned = {**CLEAN, "response": Response.TOLERATE, "tolerate_reason": "Cost of cover"}
    assert risk_issues(**reasoned, today=today()) == ()


@pytest.mark.parametrize(
    ("changes", "check", "detail"),
    [
        ({"owner_id": None}, NO_OWNER, "No owner"),
        ({"next_review_due": "yesterday"}, REVIEW_OVERDUE, "(1 day overdue)"),
        (
            {"response": Response.TOLERATE, "tolerate_reason": " \n"},
            TOLERATED_WITHOUT_REASON,
            "Tolerated with no reason documented",
        ),
        (
            {"response": Response.TOLERATE, "tolerate_reason": None},
            TOLERATED_WITHOUT_REASON,
            "Tolerated with no reason documented",
        ),
        ({"residual_score": 16}, RESIDUAL_NOT_BELOW_INHERENT, "Residual 16 is the same as"),
        ({"residual_score": 20}, RESIDUAL_NOT_BELOW_INHERENT, "Residual 20 is above inherent 16"),
        ({"has_control": False}, NO_CONTROLS, "No control in place recorded"),
        (
            {"has_effective_control": False},
            NO_EFFECTIVE_CONTROL,
            "No control in place rated effective",
        ),
        (
            {"has_unassured_key_control": True, "residual_score": 6},
            KEY_CONTROL_UNASSURED,
            "Amber risk with a key control unassured",
        ),
        (
            {"has_unassured_key_control": True, "residual_score": 15, "inherent_score": 20},
            KEY_CONTROL_UNASSURED,
            "Red risk with a key control unassured",
        ),
        ({"residual_score": None}, NOT_SCORED, "No residual score"),
        ({"inherent_score": None, "residual_score": None}, NOT_SCORED, "No inherent or residual"),
    ],
)
def test_each_check_in_words(changes, check, detail):
    if changes.get("next_review_due") == "yesterday":
        changes = {**changes, "next_review_due": today() - timedelta(days=1)}
    [issue] = risk_issues(**{**CLEAN, **changes}, today=today())
    assert issue.check == check
    assert detail in issue.detail


def test_the_control_checks_hold_back_at_their_edges():
    # Residual equal to inherent: the residual-not-below check speaks, not the effective one.
    same = risk_issues(
        **{**CLEAN, "has_effective_control": False, "residual_score": 16}, today=today()
    )
    assert [issue.check for issue in same] == [RESIDUAL_NOT_BELOW_INHERENT]
    # A green risk's key controls need no yearly assurance (5 is the top of green).
    green = {**CLEAN, "has_unassured_key_control": True, "residual_score": 5}
    assert risk_issues(**green, today=today()) == ()
    unscored = {**CLEAN, "has_unassured_key_control": True, "residual_score": None}
    assert KEY_CONTROL_UNASSURED not in [i.check for i in risk_issues(**unscored, today=today())]


def test_residual_not_below_inherent_needs_both_scores():
    issues = risk_issues(**{**CLEAN, "inherent_score": None}, today=today())
    assert [issue.check for issue in issues] == [NOT_SCORED]


def test_each_check_is_found_on_its_crafted_risk_and_not_on_a_clean_one(crafted):
    result = directorate_collation(organisation=crafted.organisation)
    assert issues_of(result, "DP-CLEAN") == set()
    assert issues_of(result, "DP-NOOWNER") == {NO_OWNER}
    assert issues_of(result, "DP-OVERDUE") == {REVIEW_OVERDUE}
    assert issues_of(result, "DP-TOLERATE") == {TOLERATED_WITHOUT_REASON}
    assert issues_of(result, "DP-EQUAL") == {RESIDUAL_NOT_BELOW_INHERENT}
    assert issues_of(result, "DP-ABOVE") == {RESIDUAL_NOT_BELOW_INHERENT}
    # Scored down with no control at all: nothing rated effective either.
    assert issues_of(result, "DP-NOCONTROL") == {NO_CONTROLS, NO_EFFECTIVE_CONTROL}
    assert issues_of(result, "DP-UNSCORED") == {NOT_SCORED}
    assert issues_of(result, "AC-TWO") == {NO_OWNER, REVIEW_OVERDUE}
    assert issues_of(result, "PRJ-THREE") == {NO_CONTROLS, NOT_SCORED, TOLERATED_WITHOUT_REASON}
    for reference in ("AC-CLEAN", "DPL-CLEAN", "HW-CLEAN", "DP-CLOSED", "CRR-NOOWNER"):
        assert issues_of(result, reference) == set()


# The numbers add up -------------------------------------------------------------------------


def test_registers_directorates_and_totals_add_up(crafted):
    result = directorate_collation(organisation=crafted.organisation)
    assert [d.name for d in result.directorates] == ["People", "Place"]
    people, place = result.directorates
    assert people.register.name == "People directorate"
    assert [r.name for r in people.other_registers] == ["Adult Care service", "Care home project"]
    assert place.register.name == "Place directorate"
    assert [r.name for r in place.other_registers] == ["Highways service"]
    by_name = {r.name: r for d in result.directorates for r in d.registers}
    assert "Corporate" not in by_name

    directorate = by_name["People directorate"].tally
    assert directorate.open_risks == 8  # the closed risk left out
    assert directorate.band_counts == {"amber": 5, "red": 2}
    assert directorate.residual_not_scored == 1
    assert checks_as_dict(directorate) == {
        "no_owner": 1,
        "review_overdue": 1,
        "tolerated_without_reason": 1,
        "residual_not_below_inherent": 2,
        "no_controls": 1,
        "no_effective_control": 1,
        "key_control_unassured": 0,
        "not_scored": 1,
        "outside_appetite_without_reason": 0,
        "owner_seniority": 0,
    }
    assert directorate.risks_with_issues == 7
    assert directorate.issues == 8

    service = by_name["Adult Care service"].tally
    assert (service.open_risks, service.band_counts) == (2, {"green": 2})
    assert checks_as_dict(service)["no_owner"] == checks_as_dict(service)["review_overdue"] == 1
    assert (service.issues, service.risks_with_issues) == (2, 1)
    project = by_name["Care home project"].tally
    assert (project.issues, project.risks_with_issues) == (3, 1)

    for directorate_result in result.directorates:
        tally = directorate_result.tally
        registers = directorate_result.registers
        assert tally.open_risks == sum(r.tally.open_risks for r in registers)
        assert tally.issues == sum(r.tally.issues for r in registers)
        assert tally.risks_with_issues == sum(r.tally.risks_with_issues for r in registers)
        for check in CHECKS:
            assert tally.check_counts.get(check.key, 0) == sum(
                r.tally.check_counts.get(check.key, 0) for r in registers
            )
        for register in registers:
            assert (
                sum(register.tally.band_counts.values()) + register.tally.residual_not_scored
                == register.tally.open_risks
            )
            assert register.tally.risks_with_issues == len(register.risks_with_issues)
            assert register.tally.issues == sum(len(r.issues) for r in register.risks_with_issues)

    totals = result.totals
    assert totals.open_risks == 13 == sum(d.tally.open_risks for d in result.directorates)
    assert totals.band_counts == {"amber": 7, "red": 2, "green": 3}
    assert totals.issues == 13
    assert totals.risks_with_issues == 9
    assert result.register_count == 5
    open_outside_corporate = Risk.objects.filter(
        register__organisation=crafted.organisation, status=RiskStatus.OPEN
    ).exclude(register=crafted.corporate)
    assert totals.open_risks == open_outside_corporate.count()


def test_register_owner_and_approval_dates(crafted):
    register = crafted.directorate_register
    register.owner.first_name, register.owner.last_name = "Dana", "Director"
    register.owner.save()
    approved = timezone.now() - timedelta(days=100)
    register.last_approved_at, register.last_approved_by = approved, register.owner
    register.review_interval_months = 3
    register.save()
    result = directorate_collation(organisation=crafted.organisation)
    people = result.directorates[0].register
    assert people.owner_name == "Dana Director"
    assert people.last_approved_on == timezone.localdate(approved)
    assert people.next_review_due == register.next_review_due
    assert people.review_overdue is True
    service = result.directorates[0].other_registers[0]
    assert (service.last_approved_on, service.next_review_due, service.review_overdue) == (
        None,
        None,
        False,
    )


def test_a_directorate_without_registers_still_shows(org):
    DirectorateFactory(organisation=org.organisation, name="Chief Executive's Office")
    result = directorate_collation(organisation=org.organisation)
    office = result.directorates[0]
    assert office.name == "Chief Executive's Office"
    assert office.register is None and office.registers == []
    assert office.tally.open_risks == 0


# Who may read it ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("who", READERS)
def test_readers_may_read(client, crafted, name, who):
    client.force_login(crafted.people[who])
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("who", NOT_READERS)
def test_others_are_refused(client, crafted, name, who):
    client.force_login(crafted.people[who])
    response = client.get(reverse(name))
    assert response.status_code == 403
    assert b"DP-NOOWNER" not in response.content


@pytest.mark.parametrize("name", URLS)
def test_anonymous_is_sent_to_sign_in_and_only_get_is_allowed(client, org, name):
    assert client.get(reverse(name))["Location"].startswith(reverse("login"))
    client.force_login(org.people["insurance"])
    assert client.post(reverse(name)).status_code == 405


# The page -----------------------------------------------------------------------------------


def test_page_shows_every_directorate_its_registers_and_issues(client, crafted):
    client.force_login(crafted.people["insurance"])
    response = client.get(reverse("reports:collation"))
    page = response.content.decode()
    for text in (
        "People",
        "Place",
        "People directorate",
        "Adult Care service",
        "Care home project",
        "Highways service",
        "Organisation total",
        "DP-NOOWNER",
        "Tolerated with no reason documented",
        "Residual 25 is above inherent 16",
        reverse("reports:collation-pdf"),
        reverse("reports:collation-xlsx"),
        reverse("registers:register-detail", args=[crafted.service_register.pk]),
    ):
        assert text in page, text
    # Service and project registers' issues are counted, listed only in the workbook.
    assert "AC-TWO" not in page
    assert "CRR-NOOWNER" not in page and "DP-CLOSED" not in page
    assert response.context["collation"].totals.issues == 13


# The PDF ------------------------------------------------------------------------------------


def test_pdf_has_every_directorate_and_the_issue_lines(client, crafted):
    client.force_login(crafted.people["audit"])
    response = client.get(reverse("reports:collation-pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="testshire-directorate-collation-{today().isoformat()}.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in (
        "Directorate collation",
        "Testshire Council",
        "Summary by directorate",
        "People directorate",
        "Place directorate",
        "Highways service",
        "DP-NOOWNER",
        "DP-TOLERATE",
        "No owner: No owner",
        "Review overdue: Review was due",
        "No controls: No control in place recorded",
        "Organisation total",
        f"Page 1 of {len(reader.pages)}",
    ):
        assert expected in text, expected


# The workbook -------------------------------------------------------------------------------


def workbook(client, org):
    client.force_login(org.people["insurance"])
    response = client.get(reverse("reports:collation-xlsx"))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="testshire-directorate-collation-{today().isoformat()}.xlsx"'
    )
    return openpyxl.load_workbook(io.BytesIO(response.content))


def rows_of(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_sheets_headers_and_totals(client, crafted):
    book = workbook(client, crafted)
    assert book.sheetnames == ["Summary", "Registers", "Issues"]
    tally_headers = [
        "Open risks",
        "Residual Red",
        "Residual Amber",
        "Residual Green",
        "Residual not scored",
        *(check.label for check in CHECKS),
        "Issues",
        "Risks with issues",
    ]
    summary = rows_of(book["Summary"])
    assert summary[0] == ["Directorate", "Registers", *tally_headers]
    assert summary[1] == ["People", 3, 11, 2, 6, 2, 1, 2, 2, 2, 2, 2, 1, 0, 2, 0, 0, 13, 9]
    assert summary[2] == ["Place", 2, 2, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert summary[3] == [
        "Organisation total",
        5,
        13,
        2,
        7,
        3,
        1,
        2,
        2,
        2,
        2,
        2,
        1,
        0,
        2,
        0,
        0,
        13,
        9,
    ]
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + (
            f"{sheet.max_row}"
        )
        assert sheet.column_dimensions["A"].width >= 20

    registers = rows_of(book["Registers"])
    assert registers[0][:9] == [
        "Directorate",
        "Register",
        "Prefix",
        "Tier",
        "Service",
        "Register owner",
        "Last approved",
        "Next review due",
        "Register review overdue",
    ]
    assert registers[0][9:] == tally_headers
    assert [row[1] for row in registers[1:]] == [
        "People directorate",
        "Adult Care service",
        "Care home project",
        "Place directorate",
        "Highways service",
    ]
    assert registers[1][9:] == [8, 2, 5, 0, 1, 1, 1, 1, 2, 1, 1, 0, 1, 0, 0, 8, 7]


def test_workbook_issues_are_one_row_each_with_dates_and_numbers(client, crafted):
    book = workbook(client, crafted)
    sheet = book["Issues"]
    rows = rows_of(sheet)
    assert rows[0] == [
        "Directorate",
        "Register",
        "Tier",
        "Reference",
        "Title",
        "Risk owner",
        "Check",
        "What is wrong",
        "Residual score",
        "Next review due",
    ]
    assert len(rows) == 1 + 13
    by_reference = {}
    for row in rows[1:]:
        by_reference.setdefault(row[3], []).append(row)
    assert [row[6] for row in by_reference["AC-TWO"]] == ["No owner", "Review overdue"]
    assert by_reference["AC-TWO"][0][:3] == ["People", "Adult Care service", "Service"]
    overdue = by_reference["DP-OVERDUE"][0]
    assert overdue[8] == 9
    assert overdue[9].date() == today() - timedelta(days=3)
    date_cell = sheet.cell(row=1 + [row[3] for row in rows[1:]].index("DP-OVERDUE") + 1, column=10)
    assert date_cell.is_date and date_cell.number_format == "d mmm yyyy"
    assert by_reference["DP-UNSCORED"][0][8] is None


def test_workbook_neutralises_formula_like_text(client, crafted):
    clean_risk(
        crafted.directorate_register,
        "DP-FORMULA",
        title='=HYPERLINK("http://evil.example","Click")',
        owner=None,
    )
    Risk.objects.filter(reference="DP-EQUAL").update(title="@SUM(A1:A9)\x07")
    book = workbook(client, crafted)
    sheet = book["Issues"]
    titles = {row[3].value: row[4] for row in sheet.iter_rows(min_row=2)}
    assert titles["DP-FORMULA"].value == '\'=HYPERLINK("http://evil.example","Click")'
    assert titles["DP-FORMULA"].data_type == "s"
    # A control character XML cannot carry is dropped rather than failing the download.
    assert titles["DP-EQUAL"].value == "'@SUM(A1:A9)"


# Bounded queries ------------------------------------------------------------------------------


def bulk(org, count):
    """``count`` open risks spread over every register of both directorates, a share of them
    failing each check, with controls on most."""
    registers = [
        org.directorate_register,
        org.service_register,
        org.project_register,
        org.other_directorate_register,
        org.other_service_register,
    ]
    risks = Risk.objects.bulk_create(
        [
            Risk(
                register=registers[n % len(registers)],
                organisation_id=registers[0].organisation_id,
                reference=f"BULK-{n:05d}",
                title=f"Bulk risk {n}",
                event="If it happens",
                consequence="then this",
                impact="costing that",
                category=PolicyCategory.FINANCE,
                owner=None if n % 11 == 0 else org.people["officer"],
                inherent_likelihood=n % 5 + 1,
                inherent_impact=(n // 5) % 5 + 1,
                residual_likelihood=None if n % 13 == 0 else (n // 3) % 5 + 1,
                residual_impact=None if n % 13 == 0 else (n // 7) % 5 + 1,
                response=Response.TOLERATE if n % 4 == 0 else Response.TREAT,
                response_rationale="Accepted by the director" if n % 4 == 0 else "",
                next_review_due=today() + timedelta(days=n % 40 - 20),
            )
            for n in range(count)
        ]
    )
    Action.objects.bulk_create(
        [
            Action(risk=risk, kind=ActionKind.CONTROL, description="Control")
            for risk in risks
            if int(risk.reference[-5:]) % 6
        ]
    )


@pytest.mark.parametrize("count", [20, 400])
def test_collation_is_five_queries_whatever_the_number_of_risks(
    org, count, django_assert_num_queries
):
    bulk(org, count)
    with django_assert_num_queries(5):  # with the appetite in force
        result = directorate_collation(organisation=org.organisation)
    assert result.totals.open_risks == count


MAX_VIEW_QUERIES = 11  # the tenth and eleventh: the appetite in force, the risks


@pytest.mark.parametrize("count", [20, 400])
@pytest.mark.parametrize("name", URLS)
def test_views_queries_do_not_grow_with_risks(client, org, count, name):
    bulk(org, count)
    client.force_login(org.people["insurance"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name))
    assert response.status_code == 200
    assert len(queries) <= MAX_VIEW_QUERIES, [q["sql"] for q in queries]


def test_builders_take_the_organisation(crafted):
    pdf = collation.collation_pdf(organisation=crafted.organisation)
    assert pdf.startswith(b"%PDF")
    book = openpyxl.load_workbook(
        io.BytesIO(collation.collation_xlsx(organisation=crafted.organisation))
    )
    assert book["Summary"]["A4"].value == "Organisation total"


def test_a_superuser_reads_their_organisations_collation_and_needs_one(client, org):
    """Without a profile, an administrator reads the only organisation of a one-body
    installation (as reports.permissions.reader_organisation says for every report); with
    several, none until their profile says which."""
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(reverse("reports:collation"))
    assert response.status_code == 200
    assert response.context["collation"].organisation_name == "Testshire Council"
    OrganisationFactory(name="Elsewhere Council", slug="elsewhere")
    assert client.get(reverse("reports:collation")).status_code == 404
    ProfileFactory(user=admin, organisation=org.organisation)
    response = client.get(reverse("reports:collation"))
    assert response.status_code == 200
    assert response.context["collation"].organisation_name == "Testshire Council"


def test_the_page_reuses_a_collation_until_a_risk_changes(client, org, monkeypatch):
    from registers import services

    risks = [RiskFactory(register=org.directorate_register) for _ in range(3)]
    built = []
    real = collation.directorate_collation
    monkeypatch.setattr(
        collation, "directorate_collation", lambda **kw: built.append(1) or real(**kw)
    )
    client.force_login(org.people["insurance"])

    def page():
        response = client.get(reverse("reports:collation"))
        assert response.status_code == 200
        return response.content.decode()

    first = page()
    assert risks[0].reference in first  # listed with its issues (no controls recorded)
    assert risks[0].reference in page()
    assert len(built) == 1  # the second read reused the first

    services.risk_close(risk=risks[0], by=org.people["insurance"], reason="Mitigated for good")
    assert risks[0].reference not in page()  # a change is seen at once
    assert len(built) == 2

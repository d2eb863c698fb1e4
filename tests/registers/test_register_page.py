"""The register page and its CSV export: who may use them, filters, sorting, pagination,
heat maps, trend, CSV content and the bounded number of queries."""

import csv
import io
import re
from datetime import datetime, time, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from common.spreadsheets import neutralise
from registers.models import (
    Horizon,
    MovementKind,
    PolicyCategory,
    RegisterSnapshot,
    Response,
    Risk,
    RiskMovement,
    RiskStatus,
)
from registers.periods import Quarter
from registers.services import register_approve
from tests.factories import RiskFactory, UserFactory, police_scheme

pytestmark = pytest.mark.django_db


# Helpers ------------------------------------------------------------------------------------


def page_url(register, **params):
    url = reverse("registers:register-detail", args=[register.pk])
    return f"{url}?{urlencode(params)}" if params else url


def export_url(register, **params):
    url = reverse("registers:register-export", args=[register.pk])
    return f"{url}?{urlencode(params)}" if params else url


def references(response):
    return [row.risk.reference for row in response.context["rows"]]


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def close(risk):
    risk.status = RiskStatus.CLOSED
    risk.closed_at = timezone.now()
    risk.closure_reason = "No longer relevant"
    risk.save()
    return risk


def quarters_ago(count):
    return Quarter.containing(timezone.localdate()).last(count + 1)[0]


def approve_in(register, quarter, *, day=40):
    """Approve the register on a day of ``quarter``: a snapshot of its open risks."""
    at = timezone.make_aware(datetime.combine(quarter.start + timedelta(days=day), time(12)))
    return register_approve(register=register, by=register.owner, at=at)


def rescore(risk, likelihood, impact):
    Risk.objects.filter(pk=risk.pk).update(residual_likelihood=likelihood, residual_impact=impact)


def trend_cells(response):
    """Reference -> (label, title) of each row's trend."""
    return {
        row.risk.reference: (row.trend.label, row.trend.explanation)
        for row in response.context["rows"]
    }


@pytest.fixture
def signed_in(client, org):
    client.force_login(org.people["head"])
    return client


# Who may use the page and the export ---------------------------------------------------------


@pytest.mark.parametrize("view", ["page", "export"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("head", 200),
        ("officer", 200),
        ("director", 200),
        ("chief", 200),
        ("insurance", 200),
        ("audit", 200),
        ("other_officer", 403),
        ("other_director", 403),
        ("committee", 403),
    ],
)
def test_service_register_allowed_and_refused(client, org, view, who, status):
    RiskFactory(register=org.service_register, title="Care home closures")
    client.force_login(org.people[who])
    url = (page_url if view == "page" else export_url)(org.service_register)
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        assert "Care home closures" in response.content.decode("utf-8-sig")
    else:
        assert "Care home closures" not in response.content.decode()


@pytest.mark.parametrize("view", [page_url, export_url])
@pytest.mark.parametrize("who", ["committee", "other_officer", "officer", "audit"])
def test_corporate_register_is_open_to_everyone_signed_in(client, org, view, who):
    client.force_login(org.people[who])
    assert client.get(view(org.corporate)).status_code == 200


@pytest.mark.parametrize("view", [page_url, export_url])
def test_other_directorates_register_is_refused_to_a_director(client, org, view):
    client.force_login(org.people["director"])
    assert client.get(view(org.other_service_register)).status_code == 403
    assert client.get(view(org.other_directorate_register)).status_code == 403


@pytest.mark.parametrize("name", ["registers:register-detail", "registers:register-export"])
def test_missing_register_is_404_and_anonymous_is_sent_to_sign_in(client, org, name):
    assert client.get(reverse(name, args=[org.corporate.pk]))["Location"].startswith(
        reverse("login")
    )
    client.force_login(org.people["chief"])
    assert client.get(reverse(name, args=[999999])).status_code == 404


@pytest.mark.parametrize("view", [page_url, export_url])
def test_only_get_is_allowed(signed_in, org, view):
    assert signed_in.post(view(org.service_register)).status_code == 405


# The table --------------------------------------------------------------------------------


def test_the_table_shows_each_column_with_band_labels(signed_in, org):
    officer = org.people["officer"]
    officer.first_name, officer.last_name = "Priya", "Shah"
    officer.save()
    today = timezone.localdate()
    risk = RiskFactory(
        register=org.service_register,
        reference="AC-01",
        title="Care home closures",
        owner=officer,
        inherent_likelihood=5,
        inherent_impact=4,
        residual_likelihood=3,
        residual_impact=4,
        response=Response.TRANSFER,
        next_review_due=today - timedelta(days=3),
    )
    RiskFactory(
        register=org.service_register,
        reference="AC-02",
        owner=None,
        residual_likelihood=None,
        residual_impact=None,
        response="",
        next_review_due=None,
    )
    page = signed_in.get(page_url(org.service_register)).content.decode()
    assert f'<a href="{risk.get_absolute_url()}">Care home closures</a>' in page
    assert "Priya Shah" in page
    assert 'Red <span class="band-score">20</span>' in page  # label and score, not colour alone
    assert 'Amber <span class="band-score">12</span>' in page
    assert "Not scored" in page
    assert "Transfer" in page and "Not decided" in page
    assert f'{today - timedelta(days=3):%-d %b %Y} <span class="overdue">overdue</span>' in page
    assert "No owner" in page and "Not set" in page
    assert re.search(r'<th scope="col"[^>]*><a class="sort-link"[^>]*>Reference', page)
    assert '<th scope="col">Trend</th>' in page


def test_trend_is_the_latest_approved_quarter_against_the_one_before(signed_in, org):
    register = org.service_register
    before, latest = quarters_ago(2), quarters_ago(1)
    up = RiskFactory(register=register, reference="AC-UP", residual_likelihood=2)  # 2x3 = 6
    down = RiskFactory(register=register, reference="AC-DOWN", residual_likelihood=4)  # 12
    steady = RiskFactory(register=register, reference="AC-STEADY")  # 9
    gone = RiskFactory(register=register, reference="AC-GONE")
    approve_in(register, before)
    rescore(up, 2, 5)  # 10: up 4
    rescore(down, 2, 5)  # 10: down 2
    close(gone)
    added = RiskFactory(register=register, reference="AC-ADDED")
    approve_in(register, latest)
    rescore(steady, 5, 5)  # changed since the approval: the trend is what was approved
    later = RiskFactory(register=register, reference="AC-LATER")
    response = signed_in.get(page_url(register, status="all"))
    against = f"Residual score approved in {latest} against {before}"
    assert trend_cells(response) == {
        "AC-UP": ("Up 4", against),
        "AC-DOWN": ("Down 2", against),
        "AC-STEADY": ("Steady", against),
        "AC-ADDED": ("New", f"New in {latest}: not on the register approved in {before}"),
        "AC-LATER": (
            f"New since {latest}",
            f"Added to the register (or moved here) after its {latest} approval",
        ),
        "AC-GONE": ("N/A", f"Not on the register approved in {latest}"),
    }
    assert {later.pk, added.pk} <= {row.risk.pk for row in response.context["rows"]}
    page = response.content.decode()
    assert f'title="{against}"><span aria-hidden="true">↑</span> Up 4</span>' in page
    assert '<span aria-hidden="true">↓</span> Down 2' in page
    assert '<span aria-hidden="true">→</span> Steady' in page
    assert f">New since {latest}</span>" in page  # words only: no arrow
    assert (
        f"Trend: residual scores approved in {latest} against those approved in {before}."
    ) in page


def test_a_register_never_approved_has_no_trend_yet(signed_in, org):
    RiskFactory(register=org.service_register, reference="AC-1")
    response = signed_in.get(page_url(org.service_register))
    assert trend_cells(response) == {
        "AC-1": (
            "Not yet approved",
            "No quarter of this register has been approved yet: nothing to compare with",
        )
    }
    assert "Trend: the register has no approved quarter yet." in response.content.decode()


def test_the_first_approved_quarter_shows_every_risk_new(signed_in, org):
    RiskFactory(register=org.service_register, reference="AC-1")
    latest = quarters_ago(1)
    approve_in(org.service_register, latest)
    response = signed_in.get(page_url(org.service_register))
    assert trend_cells(response) == {
        "AC-1": ("New", f"{latest} is the register's first approved quarter")
    }
    page = response.content.decode()
    assert escape(f"Trend: {latest} is the register's first approved quarter.") in page


def test_a_quarter_without_approval_is_skipped_and_the_later_approval_wins(signed_in, org):
    register = org.service_register
    oldest, latest = quarters_ago(3), quarters_ago(1)
    risk = RiskFactory(register=register, reference="AC-1", residual_likelihood=2)  # 6
    approve_in(register, oldest)
    rescore(risk, 4, 3)  # 12
    approve_in(register, latest, day=10)
    rescore(risk, 5, 3)  # 15: approved again later in the same quarter, so this one counts
    approve_in(register, latest, day=50)
    rescore(risk, 1, 1)  # after the approval: not shown
    response = signed_in.get(page_url(register))
    assert trend_cells(response) == {
        "AC-1": ("Up 9", f"Residual score approved in {latest} against {oldest}")
    }


def test_a_risk_escalated_in_says_where_from(signed_in, org):
    register = org.directorate_register
    before, latest = quarters_ago(2), quarters_ago(1)
    RiskFactory(register=register, reference="DIR-PEOPLE-01")
    approve_in(register, before)
    risk = RiskFactory(register=org.service_register, reference="AC-UP")
    Risk.objects.filter(pk=risk.pk).update(register=register)
    RiskMovement.objects.create(
        risk=risk,
        kind=MovementKind.ESCALATED,
        from_register=org.service_register,
        to_register=register,
        moved_by=org.people["director"],
        moved_at=timezone.make_aware(datetime.combine(latest.start, time(9))),
    )
    approve_in(register, latest)
    signed_in.force_login(org.people["director"])
    response = signed_in.get(page_url(register))
    assert trend_cells(response)["AC-UP"] == (
        "New",
        f"Escalated in from Adult Care service in {latest}: "
        f"not on the register approved in {before}",
    )


def test_approvals_from_before_snapshots_give_no_trend(signed_in, org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-1")
    approve_in(register, quarters_ago(1))
    RegisterSnapshot.objects.filter(register=register).delete()
    response = signed_in.get(page_url(register))
    assert trend_cells(response) == {
        "AC-1": (
            "Not comparable",
            "Approved before quarterly snapshots were kept: no approved scores to compare",
        )
    }


# Filters ---------------------------------------------------------------------------------------


def test_closed_risks_show_only_when_the_status_filter_asks(signed_in, org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-OPEN")
    close(RiskFactory(register=register, reference="AC-SHUT"))
    assert references(signed_in.get(page_url(register))) == ["AC-OPEN"]
    assert references(signed_in.get(page_url(register, status="open"))) == ["AC-OPEN"]
    assert references(signed_in.get(page_url(register, status="closed"))) == ["AC-SHUT"]
    every = signed_in.get(page_url(register, status="all", sort="reference"))
    assert references(every) == ["AC-OPEN", "AC-SHUT"]
    assert "Closed</span>" in every.content.decode()


@pytest.mark.parametrize(
    ("band", "expected"),
    [("red", ["AC-RED"]), ("amber", ["AC-AMBER"]), ("green", ["AC-GREEN"]), ("none", ["AC-NONE"])],
)
def test_filter_by_residual_band(signed_in, org, band, expected):
    register = org.service_register
    RiskFactory(register=register, reference="AC-RED", residual_likelihood=5, residual_impact=3)
    RiskFactory(register=register, reference="AC-AMBER", residual_likelihood=2, residual_impact=3)
    RiskFactory(register=register, reference="AC-GREEN", residual_likelihood=1, residual_impact=5)
    RiskFactory(
        register=register, reference="AC-NONE", residual_likelihood=None, residual_impact=None
    )
    assert references(signed_in.get(page_url(register, residual_band=band))) == expected


def test_band_choices_and_filter_follow_the_organisations_scheme(signed_in, org):
    scheme = police_scheme()
    org.organisation.scheme = scheme
    org.organisation.save()
    register = org.service_register
    RiskFactory(register=register, reference="AC-CRIT", residual_likelihood=5, residual_impact=4)
    RiskFactory(register=register, reference="AC-HIGH", residual_likelihood=3, residual_impact=4)
    response = signed_in.get(page_url(register, residual_band="critical"))
    assert references(response) == ["AC-CRIT"]
    choices = list(response.context["filterset"].form.fields["residual_band"].choices)
    assert [label for _, label in choices] == [
        "Any band",
        "Critical",
        "High",
        "Medium",
        "Low",
        "Not scored",
    ]
    assert 'Critical <span class="band-score">20</span>' in response.content.decode()


def test_filter_by_category(signed_in, org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-PEOPLE", category=PolicyCategory.PEOPLE)
    RiskFactory(register=register, reference="AC-MONEY", category=PolicyCategory.FINANCE)
    assert references(signed_in.get(page_url(register, category="people"))) == ["AC-PEOPLE"]


def test_filter_by_owner_offers_only_this_registers_owners(signed_in, org):
    register = org.service_register
    officer, head = org.people["officer"], org.people["head"]
    RiskFactory(register=register, reference="AC-OFFICER", owner=officer)
    RiskFactory(register=register, reference="AC-HEAD", owner=head)
    RiskFactory(register=register, reference="AC-NOBODY", owner=None)
    elsewhere = UserFactory(first_name="Elsewhere", last_name="Person")
    RiskFactory(register=org.corporate, owner=elsewhere)
    response = signed_in.get(page_url(register, owner=officer.pk))
    assert references(response) == ["AC-OFFICER"]
    offered = dict(response.context["filterset"].form.fields["owner"].choices)
    assert set(offered) == {"", str(officer.pk), str(head.pk), "none"}
    assert offered[str(officer.pk)] == officer.get_full_name()
    assert references(signed_in.get(page_url(register, owner="none"))) == ["AC-NOBODY"]
    # Someone who owns nothing here is not a valid choice: the filter is ignored, not an error.
    refused = signed_in.get(page_url(register, owner=elsewhere.pk))
    assert refused.status_code == 200
    assert len(refused.context["rows"]) == 3


def test_filter_by_horizon(signed_in, org):
    """SLT scans the horizon (the policy's Roles): the register lists a horizon's risks."""
    register = org.service_register
    RiskFactory(register=register, reference="AC-SOON", horizon=Horizon.SHORT)
    RiskFactory(register=register, reference="AC-LATER", horizon=Horizon.LONG)
    response = signed_in.get(page_url(register, horizon="long"))
    assert references(response) == ["AC-LATER"]
    assert 'name="horizon"' in response.content.decode()
    assert references(signed_in.get(page_url(register, horizon="short"))) == ["AC-SOON"]


def test_filter_by_response(signed_in, org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-TREAT", response=Response.TREAT)
    RiskFactory(
        register=register,
        reference="AC-TOLERATE",
        response=Response.TOLERATE,
        response_rationale="Cheaper to accept",
    )
    RiskFactory(register=register, reference="AC-UNDECIDED", response="")
    assert references(signed_in.get(page_url(register, response="tolerate"))) == ["AC-TOLERATE"]
    assert references(signed_in.get(page_url(register, response="none"))) == ["AC-UNDECIDED"]


def test_filter_by_review_overdue(signed_in, org):
    register = org.service_register
    today = timezone.localdate()
    RiskFactory(register=register, reference="AC-LATE", next_review_due=today - timedelta(1))
    RiskFactory(register=register, reference="AC-TODAY", next_review_due=today)
    RiskFactory(register=register, reference="AC-UNSET", next_review_due=None)
    close(RiskFactory(register=register, reference="AC-SHUT", next_review_due=today - timedelta(9)))
    assert references(signed_in.get(page_url(register, overdue="yes"))) == ["AC-LATE"]
    assert sorted(references(signed_in.get(page_url(register, overdue="no")))) == [
        "AC-TODAY",
        "AC-UNSET",
    ]
    # A closed risk is never overdue for review.
    closed_too = signed_in.get(page_url(register, overdue="yes", status="all"))
    assert references(closed_too) == ["AC-LATE"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reference", "AC-FLOOD"),
        ("title", "River flooding"),
        ("event", "Heavy rain overwhelms the culverts"),
        ("consequence", "Homes are evacuated"),
        ("impact", "Emergency accommodation costs"),
    ],
)
def test_search_covers_reference_title_event_consequence_and_impact(signed_in, org, field, value):
    register = org.service_register
    RiskFactory(register=register, reference="AC-OTHER", title="Something else")
    RiskFactory(register=register, **{"reference": "AC-MATCH", field: value})
    word = value.split()[-1].lower()
    assert references(signed_in.get(page_url(register, q=word))) == [
        "AC-FLOOD" if field == "reference" else "AC-MATCH"
    ]


def test_search_needs_every_word(signed_in, org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-1", title="Cyber attack on payroll")
    RiskFactory(register=register, reference="AC-2", title="Cyber security training")
    assert references(signed_in.get(page_url(register, q="cyber payroll"))) == ["AC-1"]


def test_filter_by_heat_map_cell(signed_in, org):
    register = org.service_register
    RiskFactory(
        register=register,
        reference="AC-A",
        inherent_likelihood=5,
        inherent_impact=5,
        residual_likelihood=4,
        residual_impact=5,
    )
    RiskFactory(
        register=register,
        reference="AC-B",
        inherent_likelihood=4,
        inherent_impact=5,
        residual_likelihood=4,
        residual_impact=4,
    )
    cell = {"residual_likelihood": 4, "residual_impact": 5}
    assert references(signed_in.get(page_url(register, **cell))) == ["AC-A"]
    inherent = {"inherent_likelihood": 4, "inherent_impact": 5}
    response = signed_in.get(page_url(register, **inherent))
    assert references(response) == ["AC-B"]
    assert response.context["selected_cells"] == {"inherent": (4, 5)}
    assert "Only risks with inherent likelihood 4 and impact 5" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"residual_band": "purple"},
        {"category": "weather"},
        {"residual_likelihood": "9", "residual_impact": "1"},
        {"inherent_likelihood": "x"},
        {"overdue": "maybe"},
        {"owner": "abc"},
        {"status": "deleted"},
        {"page": "abc"},
        {"sort": "password"},
    ],
)
def test_bad_parameters_are_ignored_never_an_error(signed_in, org, params):
    RiskFactory(register=org.service_register, reference="AC-1")
    response = signed_in.get(page_url(org.service_register, **params))
    assert response.status_code == 200
    assert references(response) == ["AC-1"]


def test_an_invalid_filter_says_so_beside_its_input(signed_in, org):
    page = signed_in.get(page_url(org.service_register, residual_band="purple")).content.decode()
    assert "purple is not one of the available choices" in page


def test_filter_form_labels_every_input_and_keeps_the_cell_and_sort(signed_in, org):
    RiskFactory(register=org.service_register)
    response = signed_in.get(
        page_url(org.service_register, residual_likelihood=3, residual_impact=3, sort="title")
    )
    page = response.content.decode()
    start = page.index('<form method="get"')
    form = page[start : page.index("</form>", start)]
    for name in ["q", "residual_band", "category", "owner", "response", "status", "overdue"]:
        assert re.search(rf'<label\s+for="id_{name}" class="form-label">', form)
    assert '<input type="hidden" name="residual_likelihood" value="3"' in form
    assert '<input type="hidden" name="sort" value="title">' in form
    assert "inherent_likelihood" not in form  # empty cell parameters are not carried
    assert f'href="/registers/{org.service_register.pk}/?sort=title">Clear filters' in form
    assert '<option value="open" selected>Open</option>' in form


# Sorting --------------------------------------------------------------------------------------


@pytest.fixture
def sortable(org):
    register = org.service_register
    alice = UserFactory(first_name="Alice", last_name="Zephyr")
    bob = UserFactory(first_name="Bob", last_name="Adams")
    today = timezone.localdate()
    RiskFactory(
        register=register,
        reference="AC-01",
        title="beta",
        owner=alice,
        inherent_likelihood=5,
        inherent_impact=5,
        residual_likelihood=2,
        residual_impact=2,
        next_review_due=today + timedelta(days=30),
    )
    RiskFactory(
        register=register,
        reference="AC-02",
        title="Alpha",
        owner=bob,
        inherent_likelihood=2,
        inherent_impact=2,
        residual_likelihood=5,
        residual_impact=4,
        next_review_due=today + timedelta(days=5),
    )
    RiskFactory(
        register=register,
        reference="AC-03",
        title="gamma",
        owner=None,
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
        next_review_due=None,
    )
    return register


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["AC-02", "AC-01", "AC-03"]),  # default: residual high to low, unscored last
        ("-residual", ["AC-02", "AC-01", "AC-03"]),
        ("residual", ["AC-01", "AC-02", "AC-03"]),  # unscored last both ways
        ("-inherent", ["AC-01", "AC-02", "AC-03"]),
        ("inherent", ["AC-02", "AC-01", "AC-03"]),
        ("reference", ["AC-01", "AC-02", "AC-03"]),
        ("-reference", ["AC-03", "AC-02", "AC-01"]),
        ("title", ["AC-02", "AC-01", "AC-03"]),  # case-insensitive: Alpha, beta, gamma
        ("-title", ["AC-03", "AC-01", "AC-02"]),
        ("owner", ["AC-02", "AC-01", "AC-03"]),  # Adams, Zephyr, no owner last
        ("-owner", ["AC-01", "AC-02", "AC-03"]),
        ("next_review", ["AC-02", "AC-01", "AC-03"]),  # soonest first, unset last
        ("-next_review", ["AC-01", "AC-02", "AC-03"]),
        ("owner__password", ["AC-02", "AC-01", "AC-03"]),  # not on the whitelist: default
        ("--title", ["AC-02", "AC-01", "AC-03"]),
    ],
)
def test_sorting(signed_in, sortable, sort, expected):
    response = signed_in.get(page_url(sortable, sort=sort))
    assert response.status_code == 200
    assert references(response) == expected


def test_sorted_header_has_aria_sort_and_links_keep_filters(signed_in, sortable):
    response = signed_in.get(page_url(sortable, residual_band="red", sort="title", page=1))
    page = response.content.decode()
    headers = re.findall(
        r'<th scope="col"( aria-sort="\w+")?><a class="sort-link" href="([^"]+)"', page
    )
    by_sort = {
        parse_qs(urlsplit(href.replace("&amp;", "&")).query)["sort"][0]: aria
        for aria, href in headers
    }
    # Title is sorted A to Z, so its link now sorts Z to A; scores first sort high to low.
    assert by_sort == {
        "reference": "",
        "-title": ' aria-sort="ascending"',
        "owner": "",
        "-inherent": "",
        "-residual": "",
        "next_review": "",
    }
    for _, href in headers:
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert query["residual_band"] == ["red"]
        assert "page" not in query  # a new order starts at page 1
    assert page.count("aria-sort=") == 1
    assert "sorted by title, A to Z" in page


def test_default_sort_is_marked_descending_on_residual(signed_in, sortable):
    page = signed_in.get(page_url(sortable)).content.decode()
    assert re.search(r'<th scope="col" aria-sort="descending"><a [^>]*>Residual', page)
    assert "sorted by residual score, high to low" in page


# Pagination -------------------------------------------------------------------------------


def bulk_risks(register, count, *, owners=None, start=0, **fields):
    """Many risks in one insert, with varied scores."""
    owners = owners or [register.owner]
    today = timezone.localdate()
    return Risk.objects.bulk_create(
        [
            Risk(
                register=register,
                organisation_id=register.organisation_id,
                reference=f"{register.prefix}-{start + n:04d}",
                title=f"Risk {start + n}",
                event="If it happens",
                consequence="then this",
                impact="costing that",
                category=PolicyCategory.FINANCE,
                owner=owners[n % len(owners)],
                inherent_likelihood=n % 5 + 1,
                inherent_impact=(n // 5) % 5 + 1,
                residual_likelihood=(n // 3) % 5 + 1,
                residual_impact=(n // 7) % 5 + 1,
                response=Response.TREAT,
                next_review_due=today + timedelta(days=n % 40 - 20),
                **fields,
            )
            for n in range(count)
        ]
    )


def test_pagination_fifty_a_page_with_a_summary(signed_in, org):
    bulk_risks(org.service_register, 134)
    response = signed_in.get(page_url(org.service_register, sort="reference", page=2))
    assert references(response) == [f"AC-{n:04d}" for n in range(50, 100)]
    page = response.content.decode()
    assert "Showing 51–100 of 134 risks" in page
    last = signed_in.get(page_url(org.service_register, sort="reference", page=3))
    assert "Showing 101–134 of 134 risks" in last.content.decode()
    assert len(last.context["rows"]) == 34
    # Out of range goes to the last page, nonsense to the first.
    assert signed_in.get(page_url(org.service_register, page=99)).context["page"].number == 3
    assert signed_in.get(page_url(org.service_register, page="x")).context["page"].number == 1


def test_page_links_keep_filters_and_sort(signed_in, org):
    bulk_risks(org.service_register, 120)
    page = signed_in.get(
        page_url(org.service_register, category="finance", sort="-reference", page=2)
    ).content.decode()
    nav = page[page.index('<nav aria-label="Pages of risks">') :]
    links = re.findall(r'class="page-link" href="([^"]+)"', nav)
    assert links
    for href in links:
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert query["category"] == ["finance"]
        assert query["sort"] == ["-reference"]
        assert "page" in query
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2<' in nav


def test_no_risks_says_so(signed_in, org):
    page = signed_in.get(page_url(org.service_register, q="nothing")).content.decode()
    assert "No risks match these filters" in page
    assert "Pages of risks" not in page


# Heat maps ------------------------------------------------------------------------------


@pytest.fixture
def mapped(org):
    register = org.service_register
    for inherent, residual in [
        ((5, 5), (4, 5)),
        ((5, 5), (4, 5)),
        ((5, 5), (4, 5)),
        ((4, 4), (2, 2)),
        ((4, 4), None),
    ]:
        RiskFactory(
            register=register,
            inherent_likelihood=inherent[0],
            inherent_impact=inherent[1],
            residual_likelihood=residual[0] if residual else None,
            residual_impact=residual[1] if residual else None,
            category=PolicyCategory.FINANCE if residual != (2, 2) else PolicyCategory.PEOPLE,
        )
    close(RiskFactory(register=register, residual_likelihood=4, residual_impact=5))
    return register


def test_heat_map_counts(signed_in, mapped):
    response = signed_in.get(page_url(mapped))
    assert response.context["inherent_counts"] == {(5, 5): 3, (4, 4): 2}
    assert response.context["residual_counts"] == {(4, 5): 3, (2, 2): 1, (None, None): 1}
    page = response.content.decode()
    assert "Likelihood 4, impact 5, Red: 3 risks" in page
    assert "Likelihood 2, impact 2, Green: 1 risk<" in page
    assert "Likelihood 1, impact 1, Green: 0 risks" in page
    assert "4 risks on the map; 1 not scored" in page


def test_heat_maps_follow_the_filters_but_not_the_cell(signed_in, mapped):
    finance = signed_in.get(page_url(mapped, category="finance"))
    assert finance.context["residual_counts"] == {(4, 5): 3, (None, None): 1}
    cell = signed_in.get(page_url(mapped, residual_likelihood=4, residual_impact=5))
    assert len(cell.context["rows"]) == 3
    assert cell.context["residual_counts"] == {(4, 5): 3, (2, 2): 1, (None, None): 1}
    closed = signed_in.get(page_url(mapped, status="all"))
    assert closed.context["residual_counts"][(4, 5)] == 4


def test_heat_map_cells_link_to_the_filtered_list(signed_in, mapped):
    response = signed_in.get(
        page_url(
            mapped,
            category="finance",
            sort="title",
            page=1,
            inherent_likelihood=5,
            inherent_impact=5,
        )
    )
    page = response.content.decode()
    links = dict(
        (text, href.replace("&amp;", "&"))
        for href, text in re.findall(
            r'<a href="(\?[^"]*)"(?: aria-current="true")?><span aria-hidden="true">\d+</span>'
            r'<span class="visually-hidden">([^<]+)</span>',
            page,
        )
    )
    residual = parse_qs(urlsplit(links["Likelihood 4, impact 5, Red: 3 risks"]).query)
    assert residual == {
        "category": ["finance"],
        "sort": ["title"],
        "residual_likelihood": ["4"],
        "residual_impact": ["5"],
    }  # filters and sort kept; page and the other map's cell dropped
    selected = "Likelihood 5, impact 5, Red: 3 risks, shown in the list"
    assert parse_qs(urlsplit(links[selected]).query)["inherent_likelihood"] == ["5"]
    assert 'aria-current="true"' in page
    # An empty cell is not a link.
    assert not any(text.startswith("Likelihood 1, impact 1,") for text in links)
    following = signed_in.get(page_url(mapped) + links["Likelihood 4, impact 5, Red: 3 risks"])
    assert len(following.context["rows"]) == 3


def test_heat_map_tables_have_captions_and_headers(signed_in, mapped):
    page = signed_in.get(page_url(mapped)).content.decode()
    assert "<caption>Inherent risk (before controls)</caption>" in page
    assert "<caption>Residual risk (after controls)</caption>" in page
    assert page.count('<th scope="row"><span class="visually-hidden">Likelihood </span>') == 10
    assert page.count('<th scope="col"><span class="visually-hidden">Impact </span>') == 10


# CSV export ---------------------------------------------------------------------------------


def test_export_has_the_columns_and_the_numbers(signed_in, org):
    officer = org.people["officer"]
    officer.first_name, officer.last_name = "Priya", "Shah"
    officer.save()
    today = timezone.localdate()
    risk = RiskFactory(
        register=org.service_register,
        reference="AC-01",
        title="Care home closures",
        owner=officer,
        inherent_likelihood=5,
        inherent_impact=4,
        residual_likelihood=2,
        residual_impact=4,
        next_review_due=today - timedelta(days=1),
    )
    approve_in(org.service_register, quarters_ago(2))
    rescore(risk, 3, 4)
    approve_in(org.service_register, quarters_ago(1))
    RiskFactory(register=org.service_register, reference="AC-02", title="Added since")
    response = signed_in.get(export_url(org.service_register))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="AC-risks-{today.isoformat()}.csv"'
    )
    assert response.content.startswith("\ufeff".encode())
    row, added = csv_rows(response)
    assert added["Trend"] == f"New since {quarters_ago(1)}"
    assert row == {
        "Reference": "AC-01",
        "Title": "Care home closures",
        "Owner": "Priya Shah",
        "Inherent likelihood": "5",
        "Inherent impact": "4",
        "Inherent score": "20",
        "Inherent band": "Red",
        "Residual likelihood": "3",
        "Residual impact": "4",
        "Residual score": "12",
        "Residual band": "Amber",
        "Appetite": "Within appetite (Amber band)",
        "Response": "Treat",
        "Horizon": "Medium term (one to three years)",
        "Trend": "↑ Up 4",  # the page's words and arrow
        "Next review": (today - timedelta(days=1)).isoformat(),
        "Review overdue": "Yes",
        "Status": "Open",
    }


def test_export_is_the_current_view_on_every_page(signed_in, org):
    bulk_risks(org.service_register, 120)
    response = signed_in.get(export_url(org.service_register, sort="-reference", page=2))
    rows = csv_rows(response)
    assert [row["Reference"] for row in rows] == [f"AC-{n:04d}" for n in reversed(range(120))]
    filtered = csv_rows(signed_in.get(export_url(org.service_register, residual_band="red")))
    assert filtered and {row["Residual band"] for row in filtered} == {"Red"}
    cell = csv_rows(
        signed_in.get(export_url(org.service_register, residual_likelihood=5, residual_impact=5))
    )
    assert cell and {(r["Residual likelihood"], r["Residual impact"]) for r in cell} == {("5", "5")}


def test_export_link_carries_the_filters_and_sort_but_not_the_page(signed_in, org):
    bulk_risks(org.service_register, 60)
    page = signed_in.get(
        page_url(org.service_register, residual_band="red", sort="title", page=2)
    ).content.decode()
    href = re.search(r'href="([^"]*export\.csv[^"]*)"', page).group(1).replace("&amp;", "&")
    assert urlsplit(href).path == export_url(org.service_register)
    assert parse_qs(urlsplit(href).query) == {"residual_band": ["red"], "sort": ["title"]}


@pytest.mark.parametrize(
    ("title", "written"),
    [
        (
            '=HYPERLINK("http://evil.example","Click")',
            '\'=HYPERLINK("http://evil.example","Click")',
        ),
        ("+44 cost", "'+44 cost"),
        ("-1 staff", "'-1 staff"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("Safe title", "Safe title"),
        ("Budget = 5", "Budget = 5"),
    ],
)
def test_export_neutralises_formulas(signed_in, org, title, written):
    owner = UserFactory(first_name="=cmd|' /C calc'!A0", last_name="")
    RiskFactory(register=org.service_register, title=title, owner=owner, reference="AC-01")
    [row] = csv_rows(signed_in.get(export_url(org.service_register)))
    assert row["Title"] == written
    assert row["Owner"].startswith("'=cmd")


def test_neutralise_leaves_numbers_alone():
    assert neutralise(-3) == -3
    assert neutralise(None) is None
    assert neutralise("-") == "'-"


# Bounded queries --------------------------------------------------------------------------

MAX_QUERIES = 16


def approved_bulk(register, count, *, owners, start=0):
    """``count`` more risks on the register, all approved in the last two quarters (so the
    trend reads two snapshots of every risk), a third of them re-scored in between."""
    risks = bulk_risks(register, count, owners=owners, start=start)
    RegisterSnapshot.objects.filter(register=register).delete()
    approve_in(register, quarters_ago(2))
    Risk.objects.filter(pk__in=[risk.pk for risk in risks[::3]]).update(residual_likelihood=5)
    approve_in(register, quarters_ago(1))
    return risks


@pytest.mark.parametrize("count", [20, 1000])
@pytest.mark.parametrize(
    "params",
    [{}, {"residual_band": "red", "q": "risk", "sort": "owner", "page": 2, "overdue": "yes"}],
)
def test_page_queries_do_not_grow_with_risks(
    client, org, count, params, django_assert_max_num_queries
):
    owners = [org.people[name] for name in ("head", "officer", "director")]
    approved_bulk(org.service_register, count, owners=owners)
    client.force_login(org.people["head"])
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(page_url(org.service_register, **params))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [20, 1000])
def test_export_queries_do_not_grow_with_risks(client, org, count, django_assert_max_num_queries):
    owners = [org.people[name] for name in ("head", "officer", "director")]
    approved_bulk(org.service_register, count, owners=owners)
    client.force_login(org.people["head"])
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(export_url(org.service_register))
    rows = csv_rows(response)
    assert len(rows) == count
    trends = {row["Trend"] for row in rows}
    assert "→ Steady" in trends and any(trend.startswith("↑ Up ") for trend in trends)


@pytest.mark.parametrize("url", [page_url, export_url])
def test_the_same_number_of_queries_with_20_and_1000_risks(client, org, url):
    owners = [org.people[name] for name in ("head", "officer", "director")]
    client.force_login(org.people["head"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(org.service_register)).status_code == 200
        return len(captured)

    approved_bulk(org.service_register, 20, owners=owners)
    queries()  # the organisation's bands, appetite and categories read once (registers.reference)
    with_20 = queries()
    approved_bulk(org.service_register, 980, owners=owners, start=20)
    assert queries() == with_20 <= MAX_QUERIES


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"residual_likelihood": 4, "residual_impact": 4},
        {"inherent_likelihood": 5, "inherent_impact": 5},
        {
            "inherent_likelihood": 5,
            "inherent_impact": 5,
            "residual_likelihood": 2,
            "residual_impact": 2,
        },
        {"inherent_likelihood": 5, "inherent_impact": 5, "status": "all"},
        {"residual_likelihood": 1, "residual_impact": 1},
        {"residual_likelihood": 4},  # half a cell is ignored
    ],
)
def test_the_list_count_read_from_the_heat_maps_matches_the_list(signed_in, org, params):
    """The paginator's count comes from the heat maps' groups (no COUNT query): it must be
    the number of risks the list itself holds, whatever cells and filters are chosen."""
    for likelihood, impact, in_l, in_i in [
        (4, 4, 5, 5),
        (4, 4, 5, 5),
        (2, 2, 5, 5),
        (4, 4, 4, 4),
        (1, 1, 1, 1),
        (None, None, 5, 5),
    ]:
        RiskFactory(
            register=org.service_register,
            residual_likelihood=likelihood,
            residual_impact=impact,
            inherent_likelihood=in_l,
            inherent_impact=in_i,
        )
    close(RiskFactory(register=org.service_register, inherent_likelihood=5, inherent_impact=5))
    response = signed_in.get(page_url(org.service_register, **params))
    page = response.context["page"]
    assert page.paginator.count == len(references(response))
    assert page.paginator.count == page.paginator.object_list.count()

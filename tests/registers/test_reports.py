"""Reporting a new risk to a register, and the register owner's decision on it."""

from datetime import timedelta
from html import escape

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from registers import services
from registers.models import PolicyCategory, ReportStatus, Risk, RiskReport
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db

REPORT = {
    "title": "Care provider failure",
    "event": "If a large home care provider fails",
    "consequence": "hundreds of visits may go uncovered",
    "impact": "resulting in harm to vulnerable adults",
    "category": PolicyCategory.CUSTOMERS_CITIZENS,
}


def report_url(register):
    return reverse("registers:report-create", kwargs={"pk": register.pk})


def detail_url(report):
    return reverse("registers:report-detail", kwargs={"pk": report.pk})


def accept_url(report):
    return reverse("registers:report-accept", kwargs={"pk": report.pk})


def decline_url(report):
    return reverse("registers:report-decline", kwargs={"pk": report.pk})


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def reported(org, *, by="officer", register=None, **changes) -> RiskReport:
    return services.risk_report_submit(
        register=register or org.service_register, by=org.people[by], **(REPORT | changes)
    )


# Reporting a new risk


@pytest.mark.parametrize(
    ("who", "register"),
    [
        ("officer", "service_register"),
        ("head", "service_register"),
        ("director", "service_register"),
        ("insurance", "service_register"),
        ("other_officer", "corporate"),
        ("officer", "directorate_register"),
    ],
)
def test_any_colleague_who_sees_a_register_may_report_a_risk_to_it(client, org, who, register):
    register = getattr(org, register)
    client.force_login(org.people[who])
    assert client.get(report_url(register)).status_code == 200
    response = client.post(report_url(register), REPORT)
    report = RiskReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(report)
    assert (report.register, report.reported_by) == (register, org.people[who])


@pytest.mark.parametrize(
    ("who", "register"),
    [
        ("audit", "service_register"),
        ("committee", "corporate"),
        ("other_officer", "service_register"),
        ("officer", "other_directorate_register"),
    ],
)
def test_readers_and_people_who_cannot_see_the_register_are_refused(client, org, who, register):
    register = getattr(org, register)
    client.force_login(org.people[who])
    assert client.get(report_url(register)).status_code == 403
    assert client.post(report_url(register), REPORT).status_code == 403
    assert not RiskReport.objects.exists()


def test_reporting_to_a_missing_register_is_not_found(client, org):
    client.force_login(org.people["officer"])
    assert client.get(reverse("registers:report-create", kwargs={"pk": 9999})).status_code == 404


def test_a_report_waits_for_the_register_owner_and_says_so(client, org):
    client.force_login(org.people["officer"])
    response = client.post(report_url(org.service_register), REPORT, follow=True)
    report = RiskReport.objects.get()
    assert report.status == ReportStatus.PENDING
    assert report.title == REPORT["title"] and report.impact == REPORT["impact"]
    head = org.people["head"].get_full_name()
    assert messages_of(response) == [
        f"Thank you: your risk has been sent to {head}, who owns Adult Care service "
        "and will decide whether to add it to the register."
    ]
    assert "Waiting for the register owner" in response.content.decode()


def test_every_report_field_is_labelled(client, org):
    client.force_login(org.people["officer"])
    page = client.get(report_url(org.service_register)).content.decode()
    for name in REPORT:
        assert f'for="id_{name}"' in page


@pytest.mark.parametrize("field", list(REPORT))
def test_each_missing_field_is_refused_and_the_rest_kept(client, org, field):
    client.force_login(org.people["officer"])
    response = client.post(report_url(org.service_register), REPORT | {field: ""})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    page = response.content.decode()
    kept = next(value for name, value in REPORT.items() if name not in (field, "category"))
    assert kept in page
    assert not RiskReport.objects.exists()


def test_an_unknown_category_is_refused(client, org):
    client.force_login(org.people["officer"])
    response = client.post(report_url(org.service_register), REPORT | {"category": "weather"})
    assert response.context["form"].has_error("category", code="invalid_choice")


# The report's page


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("officer", 200),  # the reporter
        ("head", 200),  # the register's owner
        ("insurance", 200),
        ("director", 403),  # sees the register, but does not own it
        ("other_officer", 403),
        ("chief", 403),
        ("audit", 200),  # Internal Audit reads everything
        ("committee", 403),
    ],
)
def test_a_report_is_seen_by_its_reporter_and_those_who_decide(client, org, who, status):
    report = reported(org)
    client.force_login(org.people[who])
    assert client.get(detail_url(report)).status_code == status


def test_a_missing_report_is_not_found(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(reverse("registers:report-detail", kwargs={"pk": 9999})).status_code == 404


def test_internal_audit_reads_reported_risks_and_is_offered_no_decision(client, org):
    report = reported(org)
    register = org.service_register
    client.force_login(org.people["audit"])
    listing = client.get(list_url(register)).content.decode()
    assert detail_url(report) in listing and "Open one to accept or decline" not in listing
    page = client.get(detail_url(report)).content.decode()
    assert escape(report.title) in page
    assert accept_url(report) not in page and decline_url(report) not in page
    register_page = client.get(register.get_absolute_url()).content.decode()
    assert list_url(register) in register_page
    assert reverse("registers:risk-create", kwargs={"pk": register.pk}) not in register_page
    client.force_login(org.people["officer"])  # the reporter reads it, but not the list
    assert list_url(register) not in client.get(register.get_absolute_url()).content.decode()


def test_only_those_who_decide_are_offered_the_decision(client, org):
    report = reported(org)
    client.force_login(org.people["officer"])
    page = client.get(detail_url(report)).content.decode()
    assert accept_url(report) not in page and decline_url(report) not in page
    client.force_login(org.people["head"])
    response = client.get(detail_url(report))
    page = response.content.decode()
    assert accept_url(report) in page and decline_url(report) in page
    assert 'for="id_accept-owner"' in page and 'for="id_decline-reason"' in page
    owners = list(response.context["accept_form"].fields["owner"].queryset)
    assert org.people["officer"] in owners and org.people["audit"] not in owners


# Accepting


@pytest.mark.parametrize("who", ["head", "insurance"])
def test_accepting_puts_an_unscored_risk_on_the_register(client, org, who):
    report = reported(org)
    client.force_login(org.people[who])
    response = client.post(accept_url(report), {"accept-owner": org.people["officer"].pk})
    assert response.status_code == 302
    assert response["Location"] == detail_url(report)
    report.refresh_from_db()
    risk = report.risk
    assert report.status == ReportStatus.ACCEPTED
    assert (report.decided_by, report.decided_at is not None) == (org.people[who], True)
    assert risk.register == org.service_register
    assert risk.reference == "AC-01"
    assert (risk.title, risk.event, risk.category) == (
        REPORT["title"],
        REPORT["event"],
        REPORT["category"],
    )
    assert risk.owner == org.people["officer"]
    assert risk.inherent_score is None and risk.residual_score is None
    assert risk.history.get().history_user == org.people[who]
    assert messages_of(response) == [
        f"Accepted: the risk is on the register as AC-01, not yet scored. "
        f"{org.people['officer'].get_full_name()} owns it."
    ]
    page = client.get(detail_url(report)).content.decode()
    assert f'href="{risk.get_absolute_url()}"' in page
    assert "not yet scored" in page


def test_accepting_without_an_owner_is_refused(client, org):
    report = reported(org)
    client.force_login(org.people["head"])
    response = client.post(accept_url(report), {"accept-owner": ""})
    assert response.status_code == 200
    assert response.context["accept_form"].has_error("owner", code="required")
    assert "Choose who will own the new risk." in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.PENDING and not Risk.objects.exists()


def test_accepting_with_an_owner_who_cannot_own_risks_is_refused(client, org):
    report = reported(org)
    client.force_login(org.people["head"])
    response = client.post(accept_url(report), {"accept-owner": org.people["committee"].pk})
    assert response.context["accept_form"].has_error("owner", code="invalid_choice")
    assert not Risk.objects.exists()


@pytest.mark.parametrize("who", ["officer", "director", "chief", "audit", "committee"])
def test_others_may_not_decide(client, org, who):
    report = reported(org)
    client.force_login(org.people[who])
    assert client.post(accept_url(report), {"accept-owner": org.people[who].pk}).status_code == 403
    assert client.post(decline_url(report), {"decline-reason": "No"}).status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.PENDING


def test_deciding_is_post_only(client, org):
    report = reported(org)
    client.force_login(org.people["head"])
    assert client.get(accept_url(report)).status_code == 405
    assert client.get(decline_url(report)).status_code == 405


# Declining


def test_declining_without_a_reason_is_refused(client, org):
    report = reported(org)
    client.force_login(org.people["head"])
    response = client.post(decline_url(report), {"decline-reason": "   "})
    assert response.status_code == 200
    assert response.context["decline_form"].has_error("reason", code="required")
    assert "Say why you are declining" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.PENDING


def test_declining_keeps_the_reason_for_the_reporter(client, org):
    report = reported(org)
    client.force_login(org.people["head"])
    response = client.post(decline_url(report), {"decline-reason": "Already on as AC-03"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.DECLINED
    assert (report.decided_by, report.decision_reason) == (
        org.people["head"],
        "Already on as AC-03",
    )
    assert messages_of(response) == [
        f"Declined. {org.people['officer'].get_full_name()} will see your reason."
    ]
    client.force_login(org.people["officer"])
    assert "Already on as AC-03" in client.get(detail_url(report)).content.decode()
    mine = client.get(reverse("registers:my-reports")).content.decode()
    assert "Already on as AC-03" in mine


# Deciding twice


def test_the_service_refuses_a_second_decision(org):
    report = reported(org)
    services.risk_report_decline(report=report, by=org.people["head"], reason="Duplicate")
    with pytest.raises(ValidationError) as error:
        services.risk_report_accept(report=report, by=org.people["head"], owner=org.people["head"])
    assert error.value.code == "already_decided"


@pytest.mark.parametrize(
    ("first", "second", "data", "word"),
    [
        ("accept", "decline", {"decline-reason": "Too late"}, "accepted"),
        ("decline", "accept", {"accept-owner": "OWNER"}, "declined"),
        ("accept", "accept", {"accept-owner": "OWNER"}, "accepted"),
    ],
)
def test_deciding_twice_is_refused_with_a_message(client, org, first, second, data, word):
    report = reported(org)
    owner = org.people["officer"].pk
    data = {key: owner if value == "OWNER" else value for key, value in data.items()}
    if first == "accept":
        services.risk_report_accept(report=report, by=org.people["head"], owner=org.people["head"])
    else:
        services.risk_report_decline(report=report, by=org.people["head"], reason="Duplicate")
    client.force_login(org.people["insurance"])
    url = accept_url(report) if second == "accept" else decline_url(report)
    response = client.post(url, data)
    assert response.status_code == 302
    assert messages_of(response) == [f"This report has already been {word}."]
    report.refresh_from_db()
    assert report.decided_by == org.people["head"]
    assert Risk.objects.count() == (1 if first == "accept" else 0)


def test_a_decided_report_offers_no_decision(client, org):
    report = reported(org)
    services.risk_report_decline(report=report, by=org.people["head"], reason="Duplicate")
    client.force_login(org.people["head"])
    page = client.get(detail_url(report)).content.decode()
    assert accept_url(report) not in page


# The lists


def list_url(register):
    return reverse("registers:register-reports", kwargs={"pk": register.pk})


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("head", 200),
        ("insurance", 200),
        ("officer", 403),
        ("director", 403),
        ("chief", 403),
        ("other_officer", 403),
        ("audit", 200),  # Internal Audit reads everything
        ("committee", 403),
    ],
)
def test_a_registers_reports_are_listed_for_those_who_decide(client, org, who, status):
    reported(org)
    client.force_login(org.people[who])
    assert client.get(list_url(org.service_register)).status_code == status


def test_a_registers_list_shows_pending_reports_first(client, org):
    older = reported(org, title="Older and waiting")
    decided = reported(org, title="Decided")
    newest = reported(org, title="Newest and waiting")
    RiskReport.objects.filter(pk=older.pk).update(reported_at=timezone.now() - timedelta(days=5))
    services.risk_report_decline(report=decided, by=org.people["head"], reason="Duplicate")
    reported(org, register=org.directorate_register, title="On another register")
    client.force_login(org.people["head"])
    response = client.get(list_url(org.service_register))
    assert [r.pk for r in response.context["reports"]] == [newest.pk, older.pk, decided.pk]
    assert "On another register" not in response.content.decode()


def test_my_reports_lists_only_my_own_with_their_status(client, org):
    mine = reported(org, title="Mine")
    reported(org, by="head", title="Someone else's")
    services.risk_report_accept(report=mine, by=org.people["head"], owner=org.people["officer"])
    client.force_login(org.people["officer"])
    response = client.get(reverse("registers:my-reports"))
    page = response.content.decode()
    assert [r.title for r in response.context["reports"]] == ["Mine"]
    assert "Accepted" in page and "AC-01" in page
    assert "Someone else&#x27;s" not in page


def test_my_reports_is_empty_for_someone_who_reported_nothing(client, org):
    client.force_login(org.people["audit"])
    response = client.get(reverse("registers:my-reports"))
    assert response.status_code == 200
    assert "You have not reported any risks." in response.content.decode()


def _many_reports(org, count, *, by="officer"):
    for number in range(count):
        report = reported(org, by=by, title=f"Report {number}")
        if number % 3 == 1:
            services.risk_report_decline(report=report, by=org.people["head"], reason="No")
        elif number % 3 == 2:
            owner = org.people["officer"]
            services.risk_report_accept(report=report, by=org.people["head"], owner=owner)


@pytest.mark.parametrize("count", [3, 40])
def test_the_registers_list_runs_a_fixed_number_of_queries(
    client, org, count, django_assert_max_num_queries
):
    _many_reports(org, count)
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(9):
        response = client.get(list_url(org.service_register))
    assert len(response.context["reports"]) == count


@pytest.mark.parametrize("count", [3, 40])
def test_my_reports_runs_a_fixed_number_of_queries(
    client, org, count, django_assert_max_num_queries
):
    _many_reports(org, count)
    client.force_login(org.people["officer"])
    with django_assert_max_num_queries(5):
        response = client.get(reverse("registers:my-reports"))
    assert len(response.context["reports"]) == count


def test_the_report_page_runs_a_bounded_number_of_queries(
    client, org, django_assert_max_num_queries
):
    report = reported(org)
    RiskFactory.create_batch(3, register=org.service_register)
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(10):
        client.get(detail_url(report))

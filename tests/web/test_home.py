from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import ActionStatus, RiskReport
from registers.services import risk_close
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db


def test_home_requires_sign_in(client):
    response = client.get(reverse("web:home"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["chief", "officer", "committee", "audit", "other_officer"])
def test_every_signed_in_user_has_a_home_page(client, org, who):
    client.force_login(org.people[who])
    assert client.get(reverse("web:home")).status_code == 200


def test_home_shows_my_open_risks_and_not_others(client, org):
    officer = org.people["officer"]
    RiskFactory(register=org.service_register, owner=officer, title="Mine, open")
    closed = RiskFactory(register=org.service_register, owner=officer, title="Mine, closed")
    risk_close(risk=closed, by=officer, reason="Gone")
    RiskFactory(register=org.service_register, owner=org.people["head"], title="Someone else's")
    client.force_login(officer)
    page = client.get(reverse("web:home")).content.decode()
    assert "Mine, open" in page
    assert "Mine, closed" not in page and "Someone else&#x27;s" not in page


def test_home_shows_my_actions_due_and_overdue_only(client, org):
    today = timezone.localdate()
    officer = org.people["officer"]
    risk = RiskFactory(register=org.service_register, owner=officer)
    ActionFactory(risk=risk, owner=officer, due_date=today - timedelta(days=3), description="Late")
    ActionFactory(risk=risk, owner=officer, due_date=today + timedelta(days=10), description="Soon")
    ActionFactory(risk=risk, owner=officer, due_date=today + timedelta(days=90), description="Far")
    ActionFactory(
        risk=risk,
        owner=officer,
        due_date=today - timedelta(days=3),
        description="Finished",
        status=ActionStatus.DONE,
    )
    client.force_login(officer)
    page = client.get(reverse("web:home")).content.decode()
    assert "Late" in page and "(overdue)" in page and "Soon" in page
    assert "Far" not in page and "Finished" not in page


def test_home_shows_reviews_due_and_reports_waiting_on_registers_i_own(client, org):
    today = timezone.localdate()
    head = org.people["head"]
    RiskFactory(
        register=org.service_register, title="Due soon", next_review_due=today + timedelta(days=5)
    )
    RiskFactory(
        register=org.service_register, title="Not yet", next_review_due=today + timedelta(days=80)
    )
    RiskReport.objects.create(
        register=org.service_register,
        reported_by=org.people["officer"],
        title="Flooding",
        event="e",
        consequence="c",
        impact="i",
        category="environmental",
    )
    client.force_login(head)
    page = client.get(reverse("web:home")).content.decode()
    assert "Due soon" in page and "Not yet" not in page
    assert "Flooding" in page and "waiting for your decision" in page
    assert "Adult Care service" in page


@pytest.mark.parametrize("count", [20, 1000])
def test_home_query_count_is_bounded(client, org, count, django_assert_max_num_queries):
    head = org.people["head"]
    for _ in range(count):
        risk = RiskFactory(register=org.service_register, owner=head)
        ActionFactory(risk=risk, owner=head, due_date=timezone.localdate())
    client.force_login(head)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("web:home"))
    assert len(response.context["home"].my_risks) == count


def test_password_change_page(client, org):
    client.force_login(org.people["officer"])
    assert client.get(reverse("password_change")).status_code == 200
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "password",
            "new_password1": "a-long-new-pass-2026",
            "new_password2": "a-long-new-pass-2026",
        },
    )
    assert response.status_code == 302
    org.people["officer"].refresh_from_db()
    assert org.people["officer"].check_password("a-long-new-pass-2026")


def test_password_change_requires_sign_in(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_escalations_waiting_show_to_whoever_decides_them(client, org):
    from escalation.services import proposal_create

    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        residual_likelihood=4,
        residual_impact=4,
        title="Home care market failure",
    )
    proposal_create(
        risk=risk,
        by=org.people["head"],
        ticks={2: "Statutory duty", 3: "Needs the directorate"},
    )
    client.force_login(org.people["director"])
    response = client.get(reverse("web:home"))
    assert [p.risk for p in response.context["escalations_waiting"]] == [risk]
    assert "Escalations waiting for your decision" in response.content.decode()
    for name in ("head", "other_director", "insurance", "chief"):
        client.force_login(org.people[name])
        response = client.get(reverse("web:home"))
        assert response.context["escalations_waiting"] == [], name
        assert "Escalations waiting for your decision" not in response.content.decode()

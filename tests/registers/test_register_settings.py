"""A register's settings, and the way to its approval page (tests/reports/test_cycle.py)."""

from html import escape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from registers.due import add_months
from tests.conftest import person
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# The Adult Care service register is owned by "head".
ALLOWED = ["head", "insurance"]
REFUSED = ["officer", "director", "chief", "other_officer", "other_director", "audit", "committee"]


def settings_url(register):
    return reverse("registers:register-settings", kwargs={"pk": register.pk})


def settings_data(register, **changes):
    return {
        "name": register.name,
        "owner": register.owner_id,
        "review_interval_months": register.review_interval_months,
        "version": register.version,
        **changes,
    }


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# Who may


@pytest.mark.parametrize("who", ALLOWED)
def test_the_owner_and_insurance_may_change_the_settings(client, org, who):
    register = org.service_register
    client.force_login(org.people[who])
    assert client.get(settings_url(register)).status_code == 200
    response = client.post(
        settings_url(register), settings_data(register, name="Adult Social Care")
    )
    assert response.status_code == 302
    register.refresh_from_db()
    assert register.name == "Adult Social Care"


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_the_settings(client, org, who):
    register = org.service_register
    client.force_login(org.people[who])
    assert client.get(settings_url(register)).status_code == 403
    response = client.post(settings_url(register), settings_data(register, name="Renamed"))
    assert response.status_code == 403
    register.refresh_from_db()
    assert register.name == "Adult Care service"


def test_the_refusal_says_why(client, org):
    client.force_login(org.people["director"])
    page = client.get(settings_url(org.service_register)).content.decode()
    assert "Only the register&#x27;s owner or the Insurance Manager" in page
    client.force_login(org.people["other_officer"])
    page = client.get(settings_url(org.service_register)).content.decode()
    assert "You do not have access to this register." in page
    client.force_login(org.people["audit"])
    page = client.get(settings_url(org.service_register)).content.decode()
    assert "Your role can read the registers but not change them." in page


def test_a_missing_register_is_not_found(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(reverse("registers:register-settings", kwargs={"pk": 999})).status_code == 404


# Settings


def test_saving_the_settings_keeps_them_and_history_names_the_user(client, org):
    register = org.service_register
    client.force_login(org.people["insurance"])
    response = client.post(
        settings_url(register),
        settings_data(
            register,
            name="Adult Social Care",
            owner=org.people["director"].pk,
            review_interval_months=6,
        ),
    )
    assert response["Location"] == register.get_absolute_url()
    register.refresh_from_db()
    assert (register.name, register.owner, register.review_interval_months) == (
        "Adult Social Care",
        org.people["director"],
        6,
    )
    record = register.history.latest()
    assert record.history_user == org.people["insurance"]
    assert record.history_change_reason == "Settings changed"
    assert messages_of(response) == ["Settings of Adult Social Care saved."]


def test_every_setting_is_labelled_and_owners_show_job_titles(client, org):
    client.force_login(org.people["head"])
    response = client.get(settings_url(org.service_register))
    page = response.content.decode()
    for name in ("name", "owner", "review_interval_months"):
        assert f'for="id_{name}"' in page
    assert f"{escape(org.people['director'].get_full_name())}, Officer" in page
    owners = list(response.context["form"].fields["owner"].queryset)
    assert org.people["audit"] not in owners and org.people["committee"] not in owners


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"review_interval_months": 0}, "review_interval_months"),
        ({"review_interval_months": 25}, "review_interval_months"),
        ({"review_interval_months": "often"}, "review_interval_months"),
        ({"owner": ""}, "owner"),
        ({"owner": "AUDIT"}, "owner"),
        ({"owner": "STRANGER"}, "owner"),
    ],
)
def test_invalid_settings_are_shown_on_the_form_and_the_input_kept(client, org, changes, field):
    register, changes = org.service_register, dict(changes)
    if changes.get("owner") == "AUDIT":
        changes["owner"] = org.people["audit"].pk
    elif changes.get("owner") == "STRANGER":
        changes["owner"] = person(OrganisationFactory(), "stranger").pk
    client.force_login(org.people["head"])
    data = settings_data(register, **({"name": "Typed name"} | changes))
    response = client.post(settings_url(register), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    if field != "name":
        assert 'value="Typed name"' in response.content.decode()
    # The rest of the page still describes the register as saved.
    assert response.context["register"].name == "Adult Care service"
    register.refresh_from_db()
    assert (register.name, register.review_interval_months) == ("Adult Care service", 3)


# Approval


def test_the_page_explains_approval_and_when_the_next_is_due(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    page = client.get(settings_url(register)).content.decode()
    assert "reviewed and approved at the right level of management" in page
    assert "the Head of Service" in page
    next_due = add_months(timezone.localdate(), register.review_interval_months)
    assert date_format(next_due, "j M Y") in page
    assert "Never" in page


def test_the_settings_send_the_approver_to_the_approval_page(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    page = client.get(settings_url(register)).content.decode()
    assert reverse("reports:register-approval", kwargs={"pk": register.pk}) in page
    assert f"registers/{register.pk}/approve/" not in page

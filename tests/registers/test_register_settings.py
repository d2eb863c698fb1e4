"""A register's settings and the approval of its review."""

import re
from html import escape, unescape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from registers import services
from registers.due import add_months
from registers.models import Register
from tests.conftest import person
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# The Adult Care service register is owned by "head".
ALLOWED = ["head", "insurance"]
REFUSED = ["officer", "director", "chief", "other_officer", "other_director", "audit", "committee"]


def settings_url(register):
    return reverse("registers:register-settings", kwargs={"pk": register.pk})


def approve_url(register):
    return reverse("registers:register-approve", kwargs={"pk": register.pk})


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


@pytest.mark.parametrize("who", ALLOWED)
def test_the_owner_and_insurance_may_approve(client, org, who):
    register = org.service_register
    client.force_login(org.people[who])
    response = client.post(approve_url(register), {"approve-confirm": "on"})
    assert response.status_code == 302
    register.refresh_from_db()
    assert register.last_approved_by == org.people[who]


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_approval(client, org, who):
    register = org.service_register
    client.force_login(org.people[who])
    assert client.post(approve_url(register), {"approve-confirm": "on"}).status_code == 403
    register.refresh_from_db()
    assert register.last_approved_at is None


def test_the_chief_executive_approves_the_corporate_register(client, org):
    client.force_login(org.people["chief"])
    assert client.get(settings_url(org.corporate)).status_code == 200
    assert client.post(approve_url(org.corporate), {"approve-confirm": "on"}).status_code == 302


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
    missing = reverse("registers:register-approve", kwargs={"pk": 999})
    assert client.post(missing, {"approve-confirm": "on"}).status_code == 404


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
    assert 'for="id_approve-confirm"' in page
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


def test_approving_needs_the_confirmation(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    response = client.post(approve_url(register), {})
    assert response.status_code == 200
    assert response.context["approve_form"].has_error("confirm", code="required")
    assert "Tick the box to confirm" in response.content.decode()
    register.refresh_from_db()
    assert register.last_approved_at is None


def test_approving_records_who_and_when_and_says_when_the_next_is_due(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    response = client.post(approve_url(register), {"approve-confirm": "on"})
    assert response["Location"] == register.get_absolute_url()
    register.refresh_from_db()
    assert register.last_approved_by == org.people["head"]
    assert timezone.localdate(register.last_approved_at) == timezone.localdate()
    next_due = add_months(timezone.localdate(), 3)
    assert register.next_review_due == next_due
    record = register.history.latest()
    assert (record.history_user, record.history_change_reason) == (
        org.people["head"],
        "Review approved",
    )
    assert messages_of(response) == [
        f"Adult Care service approved. Its next review and approval is due by "
        f"{date_format(next_due, 'j F Y')}."
    ]
    page = client.get(settings_url(register)).content.decode()
    assert f"{date_format(timezone.localdate(), 'j M Y')} by" in page


def test_approving_is_post_only(client, org):
    client.force_login(org.people["head"])
    assert client.get(approve_url(org.service_register)).status_code == 405


def test_an_overdue_approval_is_flagged(client, org):
    register = org.service_register
    Register.objects.filter(pk=register.pk).update(
        last_approved_at=timezone.now() - timezone.timedelta(days=200),
        last_approved_by=org.people["head"],
    )
    client.force_login(org.people["head"])
    assert "(overdue)" in client.get(settings_url(register)).content.decode()


def test_the_settings_page_runs_a_bounded_number_of_queries(
    client, org, django_assert_max_num_queries
):
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(8):
        client.get(settings_url(org.service_register))


# No lost updates


def page_text(response) -> str:
    """The page's text as a reader sees it: tags removed, entities read, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", unescape(text))


def test_stale_settings_are_refused_keeping_the_input_and_save_on_the_second_try(client, org):
    """The Insurance Manager and the register's owner open the settings at once; the Insurance
    Manager renames the register first. The owner's save from the old form is refused, says
    who changed what and keeps the owner's interval; saved again, both changes are kept."""
    register = org.service_register
    insurance = org.people["insurance"]
    client.force_login(org.people["head"])
    started = client.get(settings_url(register)).context["form"]["version"].value()
    services.register_update(
        register=register, by=insurance, version=started, name="Adult Social Care"
    )
    response = client.post(
        settings_url(register), settings_data(register, review_interval_months=6)
    )

    assert response.status_code == 200
    text = page_text(response)
    name = insurance.get_full_name()
    assert f"Not saved: {name} changed this register while you were editing it" in text
    assert (
        "Name : you started from Adult Care service, it is now Adult Social Care. You had not "
        "changed it, so the form now shows their value." in text
    )
    form = response.context["form"]
    assert (form["name"].value(), form["review_interval_months"].value()) == (
        "Adult Social Care",
        "6",
    )
    assert form["version"].value() == "2"
    register.refresh_from_db()
    assert (register.name, register.review_interval_months, register.version) == (
        "Adult Social Care",
        3,
        2,
    )

    response = client.post(settings_url(register), form.data.dict())
    assert response.status_code == 302
    register.refresh_from_db()
    assert (register.name, register.review_interval_months, register.version) == (
        "Adult Social Care",
        6,
        3,
    )


def test_settings_opened_before_an_approval_say_the_register_was_approved(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    data = settings_data(register, name="Renamed")
    services.register_approve(register=register, by=org.people["insurance"])
    response = client.post(settings_url(register), data)
    text = page_text(response)
    assert "None of the fields on this form changed (what they did: Review approved)" in text
    # Beside the form, the approval as it now is.
    assert response.context["register"].last_approved_by == org.people["insurance"]
    assert client.post(settings_url(register), response.context["form"].data).status_code == 302


def test_a_post_without_the_version_is_refused(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    data = settings_data(register, name="Renamed")
    del data["version"]
    response = client.post(settings_url(register), data)
    assert "lost track of the version you started from" in response.content.decode()
    register.refresh_from_db()
    assert register.name == "Adult Care service"


# A name people can read


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("\u202e", "Remove the invisible direction control"),
        ("\u202e\u202e\u202e", "Remove the invisible direction control"),
        ("Adult Care \u202eecivres", "Remove the invisible direction control"),
        ("\u2067Adult Care\u2069", "Remove the invisible direction control"),
        ("\u200b\u200b", "at least one visible letter, number or sign"),
        ("\u200d\u2060\u00ad\ufeff", "at least one visible letter, number or sign"),
        ("\u3164", "at least one visible letter, number or sign"),
        ("\u0301", "at least one visible letter, number or sign"),
    ],
)
def test_a_name_with_nothing_visible_or_a_direction_control_is_refused(client, org, name, message):
    register = org.service_register
    client.force_login(org.people["head"])
    response = client.post(settings_url(register), settings_data(register, name=name))
    assert response.status_code == 200
    [error] = response.context["form"].errors["name"]
    assert message in error and "register's name" in error
    register.refresh_from_db()
    assert register.name == "Adult Care service"


@pytest.mark.parametrize("name", ["خدمات الرعاية", "שירותי רווחה", "Adult Care – North", "Ø"])
def test_names_in_any_script_are_kept(client, org, name):
    register = org.service_register
    client.force_login(org.people["head"])
    response = client.post(settings_url(register), settings_data(register, name=name))
    assert response.status_code == 302
    register.refresh_from_db()
    assert register.name == name

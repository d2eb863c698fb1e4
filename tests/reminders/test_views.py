"""The reminder settings page (the Insurance Manager's) and the digest choice (everyone's)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from reminders.models import DigestPreference, Frequency, ReminderSettings
from reminders.services import reminder_settings_for, reminder_settings_update

pytestmark = pytest.mark.django_db

SETTINGS_URL = reverse("reminders:settings")
DIGEST_URL = reverse("reminders:digest-preference")
EVERYONE = [
    "chief",
    "insurance",
    "audit",
    "s151",
    "monitoring",
    "committee",
    "director",
    "other_director",
    "head",
    "officer",
    "other_officer",
]


def settings_form(version=1, **changes):
    return {
        "lead_days": "14",
        "on_the_day": "on",
        "first_chase_days": "7",
        "repeat_days": "14",
        "register_owner_after_days": "21",
        "insurance_manager_after_days": "42",
        "weekly_day": "0",
        "version": str(version),
        **changes,
    }


def test_the_insurance_manager_sees_and_changes_the_ladder(client, org):
    client.force_login(org.people["insurance"])
    page = client.get(SETTINGS_URL).content.decode()
    for label in (
        "Reminders before the due date (days)",
        "First reminder when overdue, after (days)",
        "Then every (days)",
        "Tell the register&#x27;s owner after (days overdue)",
        "Tell the Insurance Manager after (days overdue)",
    ):
        assert label in page
    response = client.post(
        SETTINGS_URL, settings_form(lead_days="1; 30 ,7", repeat_days="10", weekly_day="4")
    )
    assert response.status_code == 302
    settings = ReminderSettings.objects.get(organisation=org.organisation)
    assert (settings.lead_days, settings.repeat_days, settings.weekly_day) == ("30, 7, 1", 10, 4)
    assert settings.ladder.lead_days == (30, 7, 1)
    record = settings.history.latest()
    assert (record.history_user, record.history_change_reason) == (
        org.people["insurance"],
        "Reminder settings changed",
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Reminder settings saved. The next run follows them."
    ]


@pytest.mark.parametrize("who", [p for p in EVERYONE if p != "insurance"])
def test_nobody_else_may_see_or_change_the_ladder(client, org, who):
    client.force_login(org.people[who])
    assert client.get(SETTINGS_URL).status_code == 403
    assert client.post(SETTINGS_URL, settings_form(repeat_days="3")).status_code == 403
    assert not ReminderSettings.objects.filter(repeat_days=3).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"lead_days": "14, soon"}, "lead_days", "Give whole numbers of days from 1 to 365"),
        ({"lead_days": "0"}, "lead_days", "Give whole numbers of days from 1 to 365"),
        ({"repeat_days": "0"}, "repeat_days", "greater than or equal to 1"),
        ({"first_chase_days": ""}, "first_chase_days", "This field is required"),
        (
            {"insurance_manager_after_days": "14"},
            "insurance_manager_after_days",
            "Tell the Insurance Manager no sooner than the register",
        ),
    ],
)
def test_a_ladder_that_makes_no_sense_is_refused_with_the_typing_kept(
    client, org, changes, field, message
):
    client.force_login(org.people["insurance"])
    response = client.post(SETTINGS_URL, settings_form(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert f'href="#id_{field}"' in page
    assert message in page
    for value in changes.values():
        if value:
            assert f'value="{value}"' in page
    assert ReminderSettings.objects.get().version == 1


def test_a_colleagues_save_in_the_meantime_is_shown_not_overwritten(client, org):
    settings = reminder_settings_for(organisation=org.organisation)
    reminder_settings_update(
        settings=settings, by=org.people["insurance"], version=1, repeat_days=10
    )
    client.force_login(org.people["insurance"])
    response = client.post(SETTINGS_URL, settings_form(version=1, first_chase_days="5"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "stale-edit" in page
    assert 'name="repeat_days" value="10"' in page  # theirs, now in the form
    assert 'name="first_chase_days" value="5"' in page  # yours, kept
    assert ReminderSettings.objects.get().first_chase_days == 7
    assert (
        client.post(
            SETTINGS_URL, settings_form(version=2, repeat_days="10", first_chase_days="5")
        ).status_code
        == 302
    )


def test_the_settings_page_takes_a_fixed_number_of_queries(
    client, org, django_assert_max_num_queries
):
    client.force_login(org.people["insurance"])
    client.get(SETTINGS_URL)
    with django_assert_max_num_queries(8):
        assert client.get(SETTINGS_URL).status_code == 200


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_chooses_their_own_digest_daily_or_weekly(client, org, who):
    client.force_login(org.people[who])
    page = client.get(DIGEST_URL).content.decode()
    assert "How often should your digest come?" in page
    assert 'value="daily"  id="id_frequency_0" required checked>' in page  # daily until chosen
    response = client.post(DIGEST_URL, {"frequency": "weekly"})
    assert response.status_code == 302
    assert DigestPreference.objects.get(user=org.people[who]).frequency == Frequency.WEEKLY
    assert DigestPreference.objects.count() == 1


@pytest.mark.parametrize("choice", ["", "never"])
def test_there_is_no_choosing_none(client, org, choice):
    client.force_login(org.people["officer"])
    response = client.post(DIGEST_URL, {"frequency": choice})
    assert response.status_code == 200
    assert "Choose daily or weekly." in response.content.decode()
    assert not DigestPreference.objects.exists()


def test_the_digest_page_takes_a_fixed_number_of_queries(
    client, org, django_assert_max_num_queries
):
    client.force_login(org.people["officer"])
    with django_assert_max_num_queries(6):
        assert client.get(DIGEST_URL).status_code == 200


def test_signed_out_people_are_sent_to_sign_in(client):
    for url in (SETTINGS_URL, DIGEST_URL):
        assert client.get(url)["Location"].startswith(reverse("login"))


def test_the_notifications_page_links_to_the_digest_and_for_the_manager_the_settings(client, org):
    client.force_login(org.people["officer"])
    page = client.get(reverse("escalation:notifications")).content.decode()
    assert f'href="{DIGEST_URL}"' in page and f'href="{SETTINGS_URL}"' not in page
    client.force_login(org.people["insurance"])
    page = client.get(reverse("escalation:notifications")).content.decode()
    assert f'href="{SETTINGS_URL}"' in page

"""Adding, editing and completing actions: who may, what is kept, what is refused."""

import re
from datetime import timedelta
from decimal import Decimal
from html import escape, unescape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from registers import services
from registers.models import Action, ActionKind, ActionStatus, RiskStatus
from tests.conftest import MAY_CHANGE_SERVICE_RISK, MAY_NOT_CHANGE_SERVICE_RISK, person
from tests.factories import ActionFactory, OrganisationFactory, RiskFactory

pytestmark = pytest.mark.django_db

# A risk on the Adult Care service register (owned by "head"), owned by "officer".
ALLOWED = MAY_CHANGE_SERVICE_RISK
REFUSED = MAY_NOT_CHANGE_SERVICE_RISK


@pytest.fixture
def risk(org):
    return RiskFactory(register=org.service_register, owner=org.people["officer"])


def create_url(risk):
    return reverse("registers:action-create", kwargs={"pk": risk.pk})


def edit_url(action):
    return reverse("registers:action-edit", kwargs={"pk": action.pk})


def complete_url(action):
    return reverse("registers:action-complete", kwargs={"pk": action.pk})


def action_data(**changes):
    due = timezone.localdate() + timedelta(days=60)
    return {
        "kind": ActionKind.ACTION,
        "description": "Run a business continuity exercise with the care providers",
        "owner": "",
        "due_date": due.isoformat(),
        "status": ActionStatus.OPEN,
        "cost": "1500.50",
        "evaluation_notes": "",
        **changes,
    }


def edit_data(action, **changes):
    """The edit form of ``action``, from the version it is at, with ``changes`` typed in."""
    return action_data(version=str(action.version), **changes)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# Who may add an action


@pytest.mark.parametrize("who", ALLOWED)
def test_the_risk_and_register_owners_and_insurance_may_add_an_action(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.get(create_url(risk)).status_code == 200
    response = client.post(create_url(risk), action_data())
    action = Action.objects.get(risk=risk)
    assert response.status_code == 302
    assert response["Location"] == action.get_absolute_url()


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_adding_an_action(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.get(create_url(risk)).status_code == 403
    assert client.post(create_url(risk), action_data()).status_code == 403
    assert not Action.objects.exists()


def test_the_refusal_says_why_to_someone_who_can_see_the_risk(client, org, risk):
    client.force_login(org.people["director"])
    page = client.get(create_url(risk)).content.decode()
    assert f"Only the owner of {risk.reference}" in page


def test_the_refusal_does_not_describe_a_risk_the_user_cannot_see(client, org, risk):
    client.force_login(org.people["other_officer"])
    page = client.get(create_url(risk)).content.decode()
    assert "You do not have access to this risk." in page
    assert risk.reference not in page


def test_a_closed_risk_takes_no_new_actions(client, org, risk):
    risk.status, risk.closure_reason, risk.closed_at = RiskStatus.CLOSED, "Gone", timezone.now()
    risk.save()
    client.force_login(org.people["officer"])
    response = client.get(create_url(risk))
    assert response.status_code == 403
    assert "is closed" in response.content.decode()


def test_a_missing_risk_is_not_found(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(reverse("registers:action-create", kwargs={"pk": 9999})).status_code == 404


# Adding an action


def test_adding_a_planned_action_keeps_every_field_and_names_the_user_in_history(client, org, risk):
    client.force_login(org.people["officer"])
    owner = org.people["head"]
    response = client.post(
        create_url(risk), action_data(owner=owner.pk, evaluation_notes="Not yet tried")
    )
    action = Action.objects.get(risk=risk)
    assert action.kind == ActionKind.ACTION
    assert action.description.startswith("Run a business continuity exercise")
    assert action.owner == owner
    assert action.due_date == timezone.localdate() + timedelta(days=60)
    assert action.status == ActionStatus.OPEN
    assert action.cost == Decimal("1500.50")
    assert action.evaluation_notes == "Not yet tried"
    record = action.history.get()
    assert record.history_user == org.people["officer"]
    assert record.history_change_reason == "Added"
    assert messages_of(response) == [f"Planned action added to {risk.reference}."]


def test_a_control_in_place_needs_no_due_date(client, org, risk):
    client.force_login(org.people["head"])
    client.post(create_url(risk), action_data(kind=ActionKind.CONTROL, due_date="", cost=""))
    control = Action.objects.get(risk=risk)
    assert control.kind == ActionKind.CONTROL
    assert control.due_date is None and control.cost is None


def test_an_action_added_as_done_is_completed_today(client, org, risk):
    client.force_login(org.people["head"])
    client.post(create_url(risk), action_data(status=ActionStatus.DONE))
    assert Action.objects.get(risk=risk).completed_on == timezone.localdate()


def test_the_form_offers_the_organisations_people_with_their_job_titles(client, org, risk):
    stranger = person(OrganisationFactory(), "stranger")
    client.force_login(org.people["officer"])
    response = client.get(create_url(risk))
    choices = list(response.context["form"].fields["owner"].queryset)
    assert org.people["head"] in choices and org.people["chief"] in choices
    # Internal Audit and committee members change nothing, so they own nothing.
    assert org.people["audit"] not in choices and org.people["committee"] not in choices
    assert stranger not in choices
    head = org.people["head"]
    assert f"{escape(head.get_full_name())}, Officer" in response.content.decode()
    # The risk's owner is offered first as the action's owner.
    assert response.context["form"]["owner"].value() == org.people["officer"].pk


def test_every_input_is_labelled(client, org, risk):
    client.force_login(org.people["officer"])
    page = client.get(create_url(risk)).content.decode()
    for name in ("description", "owner", "status", "cost", "evaluation_notes"):
        assert f'for="id_{name}"' in page
    assert "<legend" in page and "Kind" in page  # the radio buttons sit in a fieldset
    # The due date is a fieldset of day, month and year, each box labelled.
    # (Django's ids for a MultiWidget's boxes, which the error summary links to.)
    for part in range(3):
        assert f'for="id_due_date_{part}"' in page


def test_a_planned_action_without_a_due_date_is_refused_and_keeps_the_input(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.post(
        create_url(risk), action_data(due_date="", description="Replace the boiler")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("due_date", code="due_date_required")
    page = response.content.decode()
    assert "Give a due date: a planned action needs one" in page
    assert "Replace the boiler" in page
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": ""}, "description"),
        ({"cost": "-1"}, "cost"),
        ({"cost": "lots"}, "cost"),
        ({"due_date": "31/02/2030"}, "due_date"),
        ({"status": "finished"}, "status"),
        ({"kind": "wish"}, "kind"),
    ],
)
def test_invalid_input_is_shown_on_the_form(client, org, risk, changes, field):
    client.force_login(org.people["officer"])
    response = client.post(create_url(risk), action_data(**changes))
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    assert "nothing has been saved" in response.content.decode()
    assert not Action.objects.exists()


@pytest.mark.parametrize("who", ["audit", "stranger"])
def test_an_owner_outside_the_choices_is_refused(client, org, risk, who):
    outsider = org.people.get(who) or person(OrganisationFactory(), who)
    client.force_login(org.people["officer"])
    response = client.post(create_url(risk), action_data(owner=outsider.pk))
    assert response.context["form"].has_error("owner", code="invalid_choice")
    assert not Action.objects.exists()


# Editing an action


@pytest.fixture
def action(risk, org):
    # Owned by the director, who owns neither the risk nor its register.
    return ActionFactory(
        risk=risk,
        owner=org.people["director"],
        kind=ActionKind.ACTION,
        due_date=timezone.localdate() + timedelta(days=10),
    )


@pytest.mark.parametrize("who", [*ALLOWED, "director"])
def test_the_actions_own_owner_may_edit_it_too(client, org, action, who):
    client.force_login(org.people[who])
    assert client.get(edit_url(action)).status_code == 200
    response = client.post(
        edit_url(action),
        edit_data(action, owner=org.people["director"].pk, status=ActionStatus.IN_PROGRESS),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS


@pytest.mark.parametrize("who", ["audit", "committee", "other_officer", "other_director", "chief"])
def test_others_are_refused_editing_an_action(client, org, action, who):
    client.force_login(org.people[who])
    assert client.get(edit_url(action)).status_code == 403
    response = client.post(edit_url(action), edit_data(action, description="Hijacked"))
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.description != "Hijacked"


def test_editing_saves_the_changes_and_history_names_the_user(client, org, action):
    client.force_login(org.people["director"])
    response = client.post(
        edit_url(action),
        edit_data(
            action, owner=org.people["head"].pk, status=ActionStatus.DONE, evaluation_notes="Worked"
        ),
    )
    assert response["Location"] == action.get_absolute_url()
    action.refresh_from_db()
    assert action.owner == org.people["head"]
    assert action.status == ActionStatus.DONE
    assert action.completed_on == timezone.localdate()
    latest = action.history.latest()
    assert latest.history_user == org.people["director"]
    assert latest.history_change_reason == "Edited"
    assert messages_of(response) == [f"Changes saved to the action on {action.risk.reference}."]


def test_a_rejected_edit_keeps_the_input_and_changes_nothing(client, org, action):
    client.force_login(org.people["officer"])
    response = client.post(
        edit_url(action), edit_data(action, description="Rewritten description", due_date="")
    )
    assert response.status_code == 200
    assert "Rewritten description" in response.content.decode()
    action.refresh_from_db()
    assert action.description != "Rewritten description"


def test_the_edit_page_shows_the_actions_history(client, org, action):
    client.force_login(org.people["officer"])
    client.post(edit_url(action), edit_data(action, owner=org.people["director"].pk))
    page = client.get(edit_url(action)).content.decode()
    assert f"{escape(org.people['officer'].get_full_name())}: Edited" in page


def test_an_action_keeps_its_current_owner_even_if_no_longer_choosable(client, org, action):
    leaver = org.people["director"]
    leaver.is_active = False
    leaver.save()
    client.force_login(org.people["officer"])
    response = client.post(edit_url(action), edit_data(action, owner=leaver.pk))
    assert response.status_code == 302


def test_a_missing_action_is_not_found(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(reverse("registers:action-edit", kwargs={"pk": 9999})).status_code == 404
    missing = reverse("registers:action-complete", kwargs={"pk": 9999})
    assert client.post(missing).status_code == 404


# Completing an action


@pytest.mark.parametrize("who", [*ALLOWED, "director"])
def test_the_owners_may_complete_an_action(client, org, action, who):
    client.force_login(org.people[who])
    response = client.post(complete_url(action), {"evaluation": "Exercise held; plan updated"})
    assert response.status_code == 302
    assert response["Location"] == action.get_absolute_url()
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.completed_on == timezone.localdate()
    assert action.evaluation_notes == "Exercise held; plan updated"
    latest = action.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (org.people[who], "Completed")


@pytest.mark.parametrize("who", ["audit", "committee", "other_officer", "other_director", "chief"])
def test_others_are_refused_completing_an_action(client, org, action, who):
    client.force_login(org.people[who])
    assert client.post(complete_url(action)).status_code == 403
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_completing_is_post_only(client, org, action):
    client.force_login(org.people["officer"])
    assert client.get(complete_url(action)).status_code == 405


def test_completing_without_an_evaluation_keeps_the_notes(client, org, action):
    action.evaluation_notes = "Earlier notes"
    action.save()
    client.force_login(org.people["officer"])
    client.post(complete_url(action), {"evaluation": "  "})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.evaluation_notes == "Earlier notes"


def test_completing_twice_is_refused_with_a_message(client, org, action):
    client.force_login(org.people["officer"])
    client.post(complete_url(action))
    response = client.post(complete_url(action))
    assert response.status_code == 302
    assert "This action is already done." in messages_of(response)


def test_the_edit_page_offers_mark_as_done_until_it_is_done(client, org, action):
    client.force_login(org.people["officer"])
    assert complete_url(action) in client.get(edit_url(action)).content.decode()
    client.post(complete_url(action))
    page = client.get(edit_url(action)).content.decode()
    assert complete_url(action) not in page
    assert "Completed on" in page


def test_actions_on_a_closed_risk_can_no_longer_be_changed(client, org, action, risk):
    risk.status, risk.closure_reason, risk.closed_at = RiskStatus.CLOSED, "Gone", timezone.now()
    risk.save()
    client.force_login(org.people["director"])
    assert client.get(edit_url(action)).status_code == 403
    assert client.post(complete_url(action)).status_code == 403


def test_the_messages_say_how_to_fix_the_input(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.post(create_url(risk), action_data(description="", cost="-5"))
    page = response.content.decode()
    assert "Describe the control or action." in page
    assert "Give a cost of zero or more, in pounds." in page
    assert 'value="-5"' in page


# No lost updates


def page_text(response) -> str:
    """The page's text as a reader sees it: tags removed, entities read, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", unescape(text))


def test_a_stale_edit_is_refused_keeping_the_input_and_saves_on_the_second_try(client, org, action):
    """The director and the officer open the action at once; the officer saves first. The
    director's save from the old form is refused, says who changed what, keeps what the
    director typed and shows the officer's change; saved again, both changes are kept."""
    officer, director = org.people["officer"], org.people["director"]
    client.force_login(director)
    started = client.get(edit_url(action)).context["form"]["version"].value()
    assert started == 1
    services.action_update(
        action=action, by=officer, version=started, description="Exercise with every provider"
    )
    response = client.post(
        edit_url(action),
        edit_data(
            action,
            owner=director.pk,
            description=action.description,
            status=ActionStatus.IN_PROGRESS,
            evaluation_notes="Booked for March",
        ),
    )

    assert response.status_code == 200
    text = page_text(response)
    name = officer.get_full_name()
    assert f"Not saved: {name} changed this action while you were editing it" in text
    assert (
        f"Description : you started from {action.description}, it is now Exercise with every "
        "provider. You had not changed it, so the form now shows their value." in text
    )
    assert 'id="stale-edit" tabindex="-1" autofocus' in response.content.decode()
    form = response.context["form"]
    assert form["version"].value() == "2"
    assert form["description"].value() == "Exercise with every provider"
    assert (form["status"].value(), form["evaluation_notes"].value()) == (
        ActionStatus.IN_PROGRESS,
        "Booked for March",
    )
    # The history beside the form already shows the officer's save.
    assert f"{escape(name)}: Edited" in response.content.decode()
    saved = Action.objects.get(pk=action.pk)
    assert (saved.status, saved.evaluation_notes, saved.version) == (ActionStatus.OPEN, "", 2)

    response = client.post(edit_url(action), form.data.dict())
    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.description, saved.status, saved.evaluation_notes, saved.version) == (
        "Exercise with every provider",
        ActionStatus.IN_PROGRESS,
        "Booked for March",
        3,
    )
    assert [row.history_user for row in saved.history.order_by("history_id")][1:] == [
        officer,
        director,
    ]


def test_a_field_both_changed_keeps_the_editors_value_and_says_so(client, org, action):
    client.force_login(org.people["officer"])
    services.action_update(action=action, by=org.people["head"], version=1, cost=Decimal("2000.00"))
    response = client.post(edit_url(action), edit_data(action, cost="1750"))
    text = page_text(response)
    assert "Cost in pounds : you started from (blank), it is now 2000.00." in text
    assert "You changed it too, to 1750: saving again replaces their value with yours." in text
    assert response.context["form"]["cost"].value() == "1750"


def test_a_post_without_the_version_is_refused(client, org, action):
    client.force_login(org.people["officer"])
    data = edit_data(action, description="Changed")
    del data["version"]
    response = client.post(edit_url(action), data)
    assert response.status_code == 200
    assert "lost track of the version you started from" in response.content.decode()
    action.refresh_from_db()
    assert action.description != "Changed"


def test_an_action_form_opened_before_completion_cannot_reopen_it(client, org, action):
    client.force_login(org.people["officer"])
    page = client.get(edit_url(action))
    data = {**edit_data(action), "version": page.context["form"]["version"].value()}
    client.post(complete_url(action), {"evaluation": "Done well"})
    response = client.post(edit_url(action), data)
    assert response.status_code == 200
    assert "Status : you started from Not started, it is now Done." in page_text(response)
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE

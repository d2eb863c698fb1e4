"""Create, edit and close a risk: who may, what the form checks, and no lost updates."""

import html
import json
import re
from datetime import date

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registers import services
from registers.models import Response, Risk, RiskStatus
from registers.selectors.people import organisation_people
from registers.services import EDITABLE_RISK_FIELDS
from scoring.matrix import Seniority
from scoring.selectors import scheme_guide
from tests.conftest import person
from tests.factories import OrganisationFactory, RiskFactory, police_scheme

pytestmark = pytest.mark.django_db

# People of the `org` fixture who may change a risk on the Adult Care service register that
# the officer owns: the risk's owner, the register's owner (head), the Insurance Manager.
MAY_CHANGE = ["officer", "head", "insurance"]
MAY_NOT_CHANGE = ["audit", "committee", "other_officer", "other_director", "director", "chief"]
# Adding a risk to that register: its owner and the Insurance Manager only.
MAY_ADD = ["head", "insurance"]
MAY_NOT_ADD = ["officer", "director", "chief", "audit", "committee", "other_officer"]


def service_risk(org, **fields) -> Risk:
    """A risk on the Adult Care service register, owned by the officer, scored 4×4 / 3×3."""
    defaults = {
        "register": org.service_register,
        "reference": "AC-01",
        "title": "Care home closures",
        "owner": org.people["officer"],
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "response": Response.TREAT,
    }
    return RiskFactory(**(defaults | fields))


def as_form_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def edit_data(risk: Risk, **changes) -> dict:
    """The edit form as it is first shown for ``risk``, with ``changes`` typed in."""
    data = {
        name: as_form_value(getattr(risk, Risk._meta.get_field(name).attname))
        for name in EDITABLE_RISK_FIELDS
    }
    data["version"] = str(risk.version)
    return data | {name: as_form_value(value) for name, value in changes.items()}


def new_risk_data(org, **changes) -> dict:
    data = {
        "reference": "",
        "title": "Unsafe discharge from hospital",
        "event": "If hospital discharges are arranged without a care package",
        "consequence": "people may return home without the support they need",
        "impact": "resulting in harm, readmission and complaints",
        "category": "customers_citizens",
        "owner": org.people["officer"].pk,
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "target_likelihood": "",
        "target_impact": "",
        "target_date": "",
        "response": "treat",
        "response_rationale": "Discharge support can be arranged at modest cost.",
        "horizon": "short",
        "next_review_due": "",
    }
    return data | {name: as_form_value(value) for name, value in changes.items()}


def edit_url(risk) -> str:
    return reverse("registers:risk-edit", kwargs={"pk": risk.pk})


def close_url(risk) -> str:
    return reverse("registers:risk-close", kwargs={"pk": risk.pk})


def create_url(register) -> str:
    return reverse("registers:risk-create", kwargs={"pk": register.pk})


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def page_text(response) -> str:
    """The page's text with tags removed, entities read (O&#x27;Neill is O'Neill) and
    whitespace collapsed, as a reader sees it."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


# Who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", MAY_ADD)
def test_the_register_owner_and_insurance_manager_may_add_a_risk(client, org, who):
    client.force_login(org.people[who])
    assert client.get(create_url(org.service_register)).status_code == 200
    response = client.post(create_url(org.service_register), new_risk_data(org))
    assert response.status_code == 302
    assert Risk.objects.filter(register=org.service_register).count() == 1


@pytest.mark.parametrize("who", MAY_NOT_ADD)
def test_everyone_else_is_refused_adding_a_risk(client, org, who):
    client.force_login(org.people[who])
    response = client.get(create_url(org.service_register))
    assert response.status_code == 403
    assert "Only the register&#x27;s owner and the Insurance Manager" in response.content.decode()
    assert client.post(create_url(org.service_register), new_risk_data(org)).status_code == 403
    assert not Risk.objects.exists()


@pytest.mark.parametrize("who", MAY_CHANGE)
def test_the_owner_register_owner_and_insurance_manager_may_edit(client, org, who):
    risk = service_risk(org)
    client.force_login(org.people[who])
    assert client.get(edit_url(risk)).status_code == 200
    response = client.post(edit_url(risk), edit_data(risk, title="Care home market failure"))
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.title == "Care home market failure"


@pytest.mark.parametrize("who", MAY_NOT_CHANGE)
def test_everyone_else_is_refused_editing(client, org, who):
    risk = service_risk(org)
    client.force_login(org.people[who])
    response = client.get(edit_url(risk))
    assert response.status_code == 403
    assert "Only the risk&#x27;s owner" in response.content.decode()
    response = client.post(edit_url(risk), edit_data(risk, title="Overwritten"))
    assert response.status_code == 403
    risk.refresh_from_db()
    assert (risk.title, risk.version) == ("Care home closures", 1)


def test_internal_audit_may_not_edit_even_a_risk_it_owns(client, org):
    risk = service_risk(org, owner=org.people["audit"])
    client.force_login(org.people["audit"])
    assert client.get(edit_url(risk)).status_code == 403
    assert client.get(close_url(risk)).status_code == 403


def test_a_closed_risk_cannot_be_edited_or_closed_again(client, org):
    risk = service_risk(org)
    services.risk_close(risk=risk, by=org.people["head"], reason="Merged into AC-02")
    client.force_login(org.people["officer"])
    response = client.get(edit_url(risk))
    assert response.status_code == 403
    assert "closed on" in response.content.decode()
    assert client.post(edit_url(risk), edit_data(risk, title="Reopened?")).status_code == 403
    assert client.get(close_url(risk)).status_code == 403
    assert client.post(close_url(risk), {"reason": "Again"}).status_code == 403
    risk.refresh_from_db()
    assert risk.title == "Care home closures"
    assert risk.closure_reason == "Merged into AC-02"


@pytest.mark.parametrize("who", MAY_CHANGE)
def test_the_same_people_may_close(client, org, who):
    risk = service_risk(org)
    client.force_login(org.people[who])
    assert client.get(close_url(risk)).status_code == 200
    assert client.post(close_url(risk), {"reason": "No longer relevant"}).status_code == 302
    risk.refresh_from_db()
    assert risk.status == RiskStatus.CLOSED


@pytest.mark.parametrize("who", MAY_NOT_CHANGE)
def test_everyone_else_is_refused_closing(client, org, who):
    risk = service_risk(org)
    client.force_login(org.people[who])
    assert client.get(close_url(risk)).status_code == 403
    assert client.post(close_url(risk), {"reason": "Not mine to close"}).status_code == 403
    risk.refresh_from_db()
    assert risk.status == RiskStatus.OPEN


def test_signing_in_is_required(client, org):
    risk = service_risk(org)
    for url in [create_url(org.service_register), edit_url(risk), close_url(risk)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_missing_risks_and_registers_are_404(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(reverse("registers:risk-edit", kwargs={"pk": 999})).status_code == 404
    assert client.get(reverse("registers:risk-close", kwargs={"pk": 999})).status_code == 404
    assert client.get(reverse("registers:risk-create", kwargs={"pk": 999})).status_code == 404


def test_there_is_no_delete(client, org):
    risk = service_risk(org)
    client.force_login(org.people["insurance"])
    for url in [edit_url(risk), close_url(risk)]:
        assert client.delete(url).status_code == 405
    assert Risk.objects.filter(pk=risk.pk).exists()


# Create ------------------------------------------------------------------------------------


def test_create_generates_the_reference_and_records_who(client, org):
    service_risk(org, reference="AC-07")
    client.force_login(org.people["head"])
    response = client.post(create_url(org.service_register), new_risk_data(org))
    risk = Risk.objects.get(title="Unsafe discharge from hospital")
    assert risk.reference == "AC-08"
    assert response["Location"] == risk.get_absolute_url()
    assert messages_of(response) == [
        "AC-08 Unsafe discharge from hospital added to Adult Care service."
    ]
    assert risk.next_review_due is not None  # one register interval from today
    created = risk.history.get()
    assert created.history_user == org.people["head"]
    assert created.history_change_reason == "Risk raised"


def test_create_keeps_a_given_reference_in_capitals(client, org):
    client.force_login(org.people["head"])
    client.post(create_url(org.service_register), new_risk_data(org, reference=" ac-99 "))
    assert Risk.objects.get().reference == "AC-99"


def test_create_refuses_a_reference_in_use_and_suggests_leaving_it_blank(client, org):
    RiskFactory(register=org.other_service_register, reference="HW-01")
    client.force_login(org.people["head"])
    response = client.post(create_url(org.service_register), new_risk_data(org, reference="hw-01"))
    assert response.context["form"].errors["reference"] == [
        "Another risk already has the reference HW-01: choose another, or leave it blank to "
        "number it automatically."
    ]
    assert Risk.objects.count() == 1


def test_create_shows_every_problem_at_once_without_saving(client, org):
    client.force_login(org.people["head"])
    data = new_risk_data(
        org,
        title="",
        owner="",
        residual_impact="",
        response="tolerate",
        response_rationale="",
        target_likelihood=2,
    )
    response = client.post(create_url(org.service_register), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "title",
        "owner",
        "residual_impact",
        "response_rationale",
        "target_impact",
    }
    summary = [message for _, message in response.context["form"].error_summary()]
    assert summary[0].startswith("Give the risk a short title")  # in the order of the page
    assert not Risk.objects.exists()


def test_the_create_form_explains_the_blank_reference(client, org):
    client.force_login(org.people["head"])
    page = page_text(client.get(create_url(org.service_register)))
    assert "Leave blank to number it automatically (AC-01, AC-02, …)" in page
    assert "New risk on Adult Care service" in page


# Edit --------------------------------------------------------------------------------------


def test_edit_saves_through_the_service_and_names_the_editor_in_the_history(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    response = client.post(edit_url(risk), edit_data(risk, residual_likelihood=2))
    assert response.status_code == 302
    assert response["Location"] == risk.get_absolute_url()
    assert messages_of(response) == ["AC-01 Care home closures saved."]
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.version) == (2, 2)
    latest = risk.history.latest()
    assert latest.history_user == org.people["officer"]
    assert latest.history_change_reason == "Edited"
    delta = latest.diff_against(latest.prev_record, excluded_fields=["updated_at", "version"])
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("residual_likelihood", 3, 2)]


def test_saving_an_unchanged_form_saves_nothing(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    response = client.post(edit_url(risk), edit_data(risk))
    assert response.status_code == 302
    assert messages_of(response) == ["AC-01: nothing had changed, so nothing was saved."]
    risk.refresh_from_db()
    assert risk.version == 1
    assert risk.history.count() == 1


def test_a_tolerated_risk_with_a_reason_is_saved(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    reason = "The cost of further controls exceeds the benefit; monitored monthly."
    client.post(edit_url(risk), edit_data(risk, response="tolerate", response_rationale=reason))
    risk.refresh_from_db()
    assert (risk.response, risk.response_rationale) == ("tolerate", reason)


def test_a_target_with_its_date_is_saved_and_a_target_can_be_cleared(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    client.post(
        edit_url(risk),
        edit_data(risk, target_likelihood=2, target_impact=2, target_date="2027-03-31"),
    )
    risk.refresh_from_db()
    assert (risk.target_likelihood, risk.target_impact) == (2, 2)
    assert risk.target_date == date(2027, 3, 31)
    client.post(
        edit_url(risk), edit_data(risk, target_likelihood="", target_impact="", target_date="")
    )
    risk.refresh_from_db()
    assert (risk.target_likelihood, risk.target_impact, risk.target_date) == (None, None, None)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"residual_impact": ""}, "residual_impact", "Choose the residual impact"),
        ({"inherent_likelihood": ""}, "inherent_likelihood", "Choose the inherent likelihood"),
        ({"residual_likelihood": "7"}, "residual_likelihood", "Choose a likelihood from 1 to 5."),
        (
            {"target_likelihood": "2"},
            "target_impact",
            "Give the target impact too, or clear the likelihood.",
        ),
        (
            {"target_impact": "2"},
            "target_likelihood",
            "Give the target likelihood too, or clear the impact.",
        ),
        (
            {"target_date": "2027-03-31"},
            "target_date",
            "Give the target likelihood and impact this date is for.",
        ),
        ({"target_date": "31st of March"}, "target_date", "Enter the target date as a real date"),
        (
            {"response": "tolerate", "response_rationale": ""},
            "response_rationale",
            "Say why the risk is tolerated",
        ),
        (
            {"response": "tolerate", "response_rationale": "   "},
            "response_rationale",
            "Say why the risk is tolerated",
        ),
        ({"response": "ignore"}, "response", "Choose one of the four responses"),
        ({"owner": ""}, "owner", "Choose the risk's owner: every risk needs a named owner."),
        ({"title": ""}, "title", "Give the risk a short title"),
        ({"event": ""}, "event", "Describe the event: what could happen."),
        ({"consequence": ""}, "consequence", "Describe the consequence"),
        ({"impact": ""}, "impact", "Describe the impact on the council"),
        ({"category": ""}, "category", "Choose a category"),
        ({"reference": ""}, "reference", "This field is required."),
    ],
)
def test_each_invalid_edit_is_refused_with_how_to_fix_it(client, org, changes, field, message):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    response = client.post(edit_url(risk), edit_data(risk, **changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    page = response.content.decode()
    assert "things need fixing" in page or "one thing needs fixing" in page
    assert f'id="{form[field].auto_id}_error"' in page or f"{form[field].auto_id}_error" in page
    risk.refresh_from_db()
    assert risk.version == 1


def test_a_reference_already_used_is_refused_on_the_reference(client, org):
    service_risk(org, reference="AC-02", title="Workforce shortages")
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    response = client.post(edit_url(risk), edit_data(risk, reference="ac-02"))
    assert response.context["form"].errors["reference"] == [
        "Another risk already has the reference AC-02: choose another."
    ]


def test_the_owner_must_be_one_of_the_councils_people(client, org):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    stranger = person(elsewhere, "stranger", Seniority.DIRECTOR)
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    for owner in [stranger, org.people["audit"], org.people["committee"]]:
        response = client.post(edit_url(risk), edit_data(risk, owner=owner.pk))
        assert response.context["form"].errors["owner"] == [
            "Choose the owner from the list of the council's people."
        ]


def test_the_owner_list_shows_name_and_job_title_but_not_read_only_roles(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    form = client.get(edit_url(risk)).context["form"]
    people = set(form.fields["owner"].queryset)
    assert org.people["director"] in people and org.people["officer"] in people
    assert org.people["audit"] not in people and org.people["committee"] not in people
    label = form.fields["owner"].label_from_instance(org.people["director"])
    assert label == f"{org.people['director'].get_full_name()}, Officer"


def test_a_missing_version_is_refused(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    data = edit_data(risk, title="Changed")
    del data["version"]
    response = client.post(edit_url(risk), data)
    assert response.status_code == 200
    assert "lost track of the version you started from" in response.content.decode()
    risk.refresh_from_db()
    assert risk.title == "Care home closures"


# No lost updates ---------------------------------------------------------------------------


def test_a_stale_edit_is_refused_showing_what_changed_and_saves_on_the_second_try(client, org):
    risk = service_risk(org)
    head = org.people["head"]
    client.force_login(org.people["officer"])
    started = client.get(edit_url(risk)).context["form"]["version"].value()
    # The head of service saves first: a higher residual likelihood and a new title.
    services.risk_update(
        risk=risk,
        by=head,
        version=started,
        changes={"residual_likelihood": 4, "title": "Care home market failure"},
    )
    # The officer, working from the version they opened, changes the residual impact.
    response = client.post(edit_url(risk), edit_data(risk, residual_impact=2))

    assert response.status_code == 200
    text = page_text(response)
    assert f"Not saved: {head.get_full_name()} changed this risk while you were editing it" in text
    assert "Residual likelihood : you started from 3, it is now 4." in text
    assert (
        "Title : you started from Care home closures, it is now Care home market failure." in text
    )
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact) == (4, 3)
    assert (risk.title, risk.version) == ("Care home market failure", 2)

    # The form keeps what the officer typed, shows the head's changes where the officer had
    # changed nothing, and now carries the current version.
    form = response.context["form"]
    assert form["version"].value() == "2"
    assert form["residual_impact"].value() == "2"
    assert form["residual_likelihood"].value() == "4"
    assert form["title"].value() == "Care home market failure"

    response = client.post(edit_url(risk), form.data.dict())
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact, risk.version) == (4, 2, 3)
    assert risk.title == "Care home market failure"


def test_a_field_both_changed_keeps_the_editors_value_and_says_so(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    services.risk_update(
        risk=risk, by=org.people["insurance"], version=1, changes={"residual_likelihood": 4}
    )
    response = client.post(edit_url(risk), edit_data(risk, residual_likelihood=2))
    text = page_text(response)
    assert "Residual likelihood : you started from 3, it is now 4." in text
    assert "You changed it too, to 2: saving again replaces their value with yours." in text
    risk.refresh_from_db()
    assert risk.residual_likelihood == 4
    form = response.context["form"]
    assert form["residual_likelihood"].value() == "2"
    client.post(edit_url(risk), form.data.dict())
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.version) == (2, 3)


def test_a_stale_edit_names_a_changed_owner_by_name(client, org):
    risk = service_risk(org)
    director = org.people["director"]
    client.force_login(org.people["head"])
    services.risk_update(risk=risk, by=director, version=1, changes={"owner": director})
    response = client.post(edit_url(risk), edit_data(risk, title="Changed title"))
    text = page_text(response)
    officer = org.people["officer"].get_full_name()
    assert f"Owner : you started from {officer}, it is now {director.get_full_name()}." in text


# Close -------------------------------------------------------------------------------------


def test_close_asks_for_a_reason(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    page = page_text(client.get(close_url(risk)))
    assert "Close AC-01 Care home closures?" in page
    assert "Why is this risk being closed?" in page
    assert "It is not deleted" in page


@pytest.mark.parametrize("reason", ["", "   "])
def test_close_without_a_reason_is_refused_with_the_services_message(client, org, reason):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    response = client.post(close_url(risk), {"reason": reason})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [
        "Say why the risk is being closed: the reason is kept on record."
    ]
    assert 'aria-invalid="true"' in response.content.decode()
    risk.refresh_from_db()
    assert risk.status == RiskStatus.OPEN


def test_close_with_a_reason_keeps_it_on_record(client, org):
    risk = service_risk(org)
    client.force_login(org.people["head"])
    response = client.post(close_url(risk), {"reason": "  Merged into AC-02  "})
    assert response.status_code == 302
    assert response["Location"] == risk.get_absolute_url()
    assert messages_of(response) == ["AC-01 closed. It stays on record with your reason."]
    risk.refresh_from_db()
    assert risk.status == RiskStatus.CLOSED
    assert risk.closure_reason == "Merged into AC-02"
    assert risk.closed_by == org.people["head"]
    assert risk.history.latest().history_user == org.people["head"]


# The page ----------------------------------------------------------------------------------


def test_the_form_shows_the_policy_descriptors_and_the_score_without_javascript(client, org):
    risk = service_risk(org, target_likelihood=None, target_impact=None)
    client.force_login(org.people["officer"])
    response = client.get(edit_url(risk))
    text = page_text(response)
    assert "Inherent score: 4 × 4 = 16 Red : outside the risk appetite" in text
    assert "Residual score: 3 × 3 = 9 Amber : within the risk appetite" in text
    assert "Target score: No target set" in text
    assert "5 Highly likely to happen – More than an 80% chance" in text  # Table 1
    assert "Impact 4 means any of: Service capability: Medium term loss" in text  # Table 2
    assert "Adverse UK wide publicity" in text
    assert "A Red risk (the higher of its inherent and residual scores is 16)" in text
    assert "is at Officer level; a Red risk should be owned at Director level or above" in text
    page = response.content.decode()
    assert page.count('aria-live="polite"') == 4  # three score previews and the owner guidance
    # No inline script: the preview's code is a static file, its data JSON.
    scripts = re.findall(r"<script([^>]*)>", page)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)
    assert "js/risk-form.js" in page


def test_the_page_gives_the_preview_the_organisations_bands(client, org):
    """The live preview reads its bands from the page, so each organisation's scheme reaches
    the browser: floors, labels and colours, lowest first."""
    org.organisation.scheme = police_scheme()
    org.organisation.save()
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    page = client.get(edit_url(risk)).content.decode()
    data = re.search(
        r'<script id="risk-scheme" type="application/json">(.*?)</script>', page, re.DOTALL
    )
    bands = json.loads(data.group(1))["bands"]
    assert [(b["floor"], b["label"], b["colour"]) for b in bands] == [
        (1, "Low", "#00b050"),
        (5, "Medium", "#ffc000"),
        (10, "High", "#ff6600"),
        (20, "Critical", "#c00000"),
    ]
    assert "Residual score: 3 × 3 = 9 Medium : within the risk appetite" in page_text(
        client.get(edit_url(risk))
    )


def test_the_preview_script_holds_no_band_of_its_own():
    """Thresholds, labels and colours of bands come from the page, never from the script."""
    script = (settings.BASE_DIR / "static" / "js" / "risk-form.js").read_text()
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)  # comments aside
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(", code)
    assert not re.search(r"\b(Green|Amber|Red|Low|Medium|High|Critical)\b", code)
    assert not re.search(r"\b(6|14|15)\b", code)  # the default floors and edges


def test_the_residual_preview_flags_a_residual_not_below_inherent(client, org):
    risk = service_risk(org, residual_likelihood=4, residual_impact=4)
    client.force_login(org.people["officer"])
    text = page_text(client.get(edit_url(risk)))
    assert "Not lower than the inherent score (16)" in text
    assert "Still outside the appetite" in text


def test_the_edit_page_queries_do_not_grow_with_the_number_of_people(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    client.get(edit_url(risk))  # warm the session and the content types

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(edit_url(risk)).status_code == 200
        return len(captured)

    few = queries()
    for number in range(40):
        person(org.organisation, f"colleague{number}", directorate=org.directorate)
    assert queries() == few
    assert few <= 15


# Selectors ---------------------------------------------------------------------------------


def test_the_scheme_guide_holds_tables_1_and_2_in_five_queries(org, django_assert_num_queries):
    with django_assert_num_queries(5):
        guide = scheme_guide(scheme_id=org.organisation.scheme_id)
    assert [level.value for level in guide.likelihood] == [5, 4, 3, 2, 1]
    assert guide.likelihood_for(4).description == "60% to 79% chance"
    assert ("Publicity", "Adverse UK wide publicity") in guide.impact_for(4)
    priorities = next(d for d in guide.impact_dimensions if d.name == "Priorities")
    assert priorities.cells == (
        (1, ""),
        (2, ""),
        (3, ""),
        (4, ""),
        (5, "Failure to deliver a One Coventry priority"),
    )
    assert [band.key for band in guide.bands] == ["green", "amber", "red"]


def test_the_people_who_can_own_a_risk(org):
    leaver = person(org.organisation, "leaver")
    leaver.is_active = False
    leaver.save()
    stranger = person(OrganisationFactory(name="Elsewhere", slug="elsewhere"), "stranger")
    people = set(organisation_people(organisation_id=org.organisation.pk))
    assert {org.people["officer"], org.people["chief"], org.people["insurance"]} <= people
    assert not {leaver, stranger, org.people["audit"], org.people["committee"]} & people
    assert leaver in organisation_people(organisation_id=org.organisation.pk, keep=[leaver.pk])


def test_a_risk_whose_owner_has_left_can_still_be_edited(client, org):
    leaver = person(org.organisation, "leaver")
    leaver.is_active = False
    leaver.save()
    risk = service_risk(org, owner=leaver)
    client.force_login(org.people["head"])
    response = client.post(edit_url(risk), edit_data(risk, title="Care home market failure"))
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.owner, risk.title) == (leaver, "Care home market failure")


# Exempt from publication: withheld by anyone who may change the risk, published again only by
# those who decide for its register (docs/domain.md#exempt-risks) -------------------------


def test_the_risks_owner_cannot_untick_an_exemption(client, org):
    risk = service_risk(org, exempt=True)
    client.force_login(org.people["officer"])  # owns the risk, not its register
    form = client.get(edit_url(risk)).context["form"]
    assert form.fields["exempt"].disabled
    assert "Only the register's owner or the Insurance Manager" in form.fields["exempt"].help_text
    # Unticked in the post (a forged or an old form): the exemption stays, the rest is saved.
    data = edit_data(risk, title="Care home closures in the north")
    data.pop("exempt", None)
    response = client.post(edit_url(risk), data)
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.exempt, risk.title) == (True, "Care home closures in the north")


@pytest.mark.parametrize("who", ["head", "insurance"])
def test_the_registers_owner_and_the_insurance_manager_may_publish_it(client, org, who):
    risk = service_risk(org, exempt=True)
    client.force_login(org.people[who])
    assert not client.get(edit_url(risk)).context["form"].fields["exempt"].disabled
    data = edit_data(risk)
    data.pop("exempt")
    assert client.post(edit_url(risk), data).status_code == 302
    risk.refresh_from_db()
    assert risk.exempt is False


def test_the_risks_owner_may_still_withhold_a_risk(client, org):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    assert not client.get(edit_url(risk)).context["form"].fields["exempt"].disabled
    assert client.post(edit_url(risk), edit_data(risk, exempt="on")).status_code == 302
    risk.refresh_from_db()
    assert risk.exempt is True


def test_the_service_refuses_the_risks_owner_publishing_it(org):
    risk = service_risk(org, exempt=True)
    with pytest.raises(ValidationError) as refused:
        services.risk_update(
            risk=risk, by=org.people["officer"], version=1, changes={"exempt": False}
        )
    [error] = refused.value.error_dict["exempt"]
    assert error.code == "exemption_not_yours"
    risk.refresh_from_db()
    assert (risk.exempt, risk.version) == (True, 1)
    services.risk_update(risk=risk, by=org.people["head"], version=1, changes={"exempt": False})
    risk.refresh_from_db()
    assert (risk.exempt, risk.version) == (False, 2)


# A title people can read -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("\u202e", "Remove the invisible direction control"),
        ("Care home \u202esesolc", "Remove the invisible direction control"),
        ("\u200b\u2063", "at least one visible letter, number or sign"),
    ],
)
def test_a_title_with_nothing_visible_or_a_direction_control_is_refused(
    client, org, title, message
):
    risk = service_risk(org)
    client.force_login(org.people["officer"])
    response = client.post(edit_url(risk), edit_data(risk, title=title))
    assert response.status_code == 200
    [error] = response.context["form"].errors["title"]
    assert message in error and "the title" in error
    client.force_login(org.people["head"])
    response = client.post(create_url(org.service_register), new_risk_data(org, title=title))
    assert response.status_code == 200 and "title" in response.context["form"].errors
    assert Risk.objects.count() == 1

"""Controls as records: their type, rating and key flag, the assurance the Three Lines record
over them, who may record which line, and where they show
(docs/domain.md#controls-and-assurance)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from registers.assurance import assurance_record
from registers.imports.apply import apply_plan
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Assurance,
    AssuranceLine,
    ControlType,
    Effectiveness,
    RiskStatus,
)
from registers.permissions import assurance_lines, can_record_assurance
from tests.conftest import person
from tests.factories import ActionFactory, OrganisationFactory, RiskFactory
from tests.registers.test_import import SCORED_HEADINGS, plan_for, scored_row

pytestmark = pytest.mark.django_db

FIRST, SECOND, THIRD = AssuranceLine.FIRST, AssuranceLine.SECOND, AssuranceLine.THIRD


@pytest.fixture
def risk(org):
    """On the Adult Care service register (owned by "head"), owned by "officer"; amber 9."""
    return RiskFactory(register=org.service_register, owner=org.people["officer"])


@pytest.fixture
def control(org, risk):
    return ActionFactory(
        risk=risk, kind=ActionKind.CONTROL, status=ActionStatus.DONE, owner=org.people["director"]
    )


def url(control):
    return reverse("registers:assurance-create", kwargs={"pk": control.pk})


def posted(line, **changes):
    return {
        "line": line,
        "source": "Internal Audit report IA-2026-14",
        "given_on": (timezone.localdate() - timedelta(days=10)).isoformat(),
        "conclusion": "Designed and operating as intended.",
        **changes,
    }


# The model ----------------------------------------------------------------------------------


def test_a_new_control_is_not_assessed_and_not_key(risk):
    action = Action.objects.create(risk=risk, kind=ActionKind.CONTROL, description="Rota")
    assert (action.effectiveness, action.control_type, action.key_control) == (
        Effectiveness.NOT_ASSESSED,
        "",
        False,
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"control_type": ControlType.PREVENTIVE},
        {"effectiveness": Effectiveness.EFFECTIVE},
        {"key_control": True},
    ],
)
def test_the_database_refuses_a_rated_planned_action(risk, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(risk=risk, kind=ActionKind.ACTION, description="Plan", **fields)


@pytest.mark.parametrize(
    "fields", [{"control_type": "magical"}, {"effectiveness": "quite"}, {"effectiveness": ""}]
)
def test_the_database_refuses_an_unknown_type_or_rating(risk, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(risk=risk, kind=ActionKind.CONTROL, description="Rota", **fields)


def test_a_control_takes_every_type_and_rating(risk):
    for control_type in ControlType.values:
        for effectiveness in Effectiveness.values:
            Action.objects.create(
                risk=risk,
                kind=ActionKind.CONTROL,
                description="Rota",
                control_type=control_type,
                effectiveness=effectiveness,
                key_control=True,
            )
    assert risk.actions.count() == len(ControlType.values) * len(Effectiveness.values)


@pytest.mark.parametrize("fields", [{"line": "fourth"}, {"source": ""}, {"conclusion": ""}])
def test_the_database_refuses_an_incomplete_assurance(org, control, fields):
    values = {
        "control": control,
        "line": FIRST,
        "source": "Check",
        "given_on": timezone.localdate(),
        "conclusion": "Fine",
        "recorded_by": org.people["head"],
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Assurance.objects.create(**(values | fields))


# Who records which line ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "lines"),
    [
        ("audit", [THIRD]),  # Internal Audit: the third line and nothing else
        ("insurance", [FIRST, SECOND]),
        ("director", [FIRST]),  # the control's owner
        ("officer", [FIRST]),  # the risk's owner
        ("head", [FIRST]),  # the register's owner
        ("chief", []),
        ("s151", []),
        ("monitoring", []),
        ("committee", []),
        ("other_director", []),
        ("other_officer", []),
    ],
)
def test_the_lines_each_person_may_record(org, control, who, lines):
    assert assurance_lines(org.people[who], control) == lines


def test_internal_audit_owning_the_control_still_records_only_the_third_line(org, control):
    control.owner = org.people["audit"]
    assert assurance_lines(org.people["audit"], control) == [THIRD]


def test_nobody_records_assurance_over_a_planned_action_or_on_a_closed_risk(org, risk, control):
    planned = ActionFactory(risk=risk, kind=ActionKind.ACTION, owner=org.people["officer"])
    assert not can_record_assurance(org.people["audit"], planned)
    assert not can_record_assurance(org.people["insurance"], planned)
    risk.status = RiskStatus.CLOSED
    for who in ("audit", "insurance", "officer", "head"):
        assert assurance_lines(org.people[who], control) == []


def test_another_councils_internal_audit_records_nothing(control):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    auditor = person(elsewhere, "elsewhere.audit", roles=["Internal Audit"])
    assert assurance_lines(auditor, control) == []


# The service --------------------------------------------------------------------------------


def record(control, by, line, **changes):
    values = {
        "source": "Quarterly check",
        "given_on": timezone.localdate(),
        "conclusion": "In place and followed.",
    } | changes
    return assurance_record(control=control, by=by, line=line, **values)


def test_internal_audit_records_third_line_assurance_with_history(org, control):
    assurance = record(control, org.people["audit"], THIRD, source="  IA-2026-14 ")
    assert (assurance.line, assurance.source, assurance.recorded_by) == (
        THIRD,
        "IA-2026-14",
        org.people["audit"],
    )
    [entry] = assurance.history.all()
    assert (entry.history_user, entry.history_change_reason) == (org.people["audit"], "Recorded")


@pytest.mark.parametrize(
    ("who", "line"),
    [
        ("audit", FIRST),
        ("audit", SECOND),
        ("officer", THIRD),
        ("officer", SECOND),
        ("insurance", THIRD),
        ("committee", FIRST),
    ],
)
def test_a_line_not_ones_own_is_refused_and_nothing_written(org, control, who, line):
    with pytest.raises(ValidationError) as refused:
        record(control, org.people[who], line)
    assert refused.value.code == "line_refused"
    assert not Assurance.objects.exists()


def test_assurance_is_refused_on_a_planned_action_and_for_a_date_to_come(org, risk, control):
    planned = ActionFactory(risk=risk, kind=ActionKind.ACTION, owner=org.people["officer"])
    with pytest.raises(ValidationError) as refused:
        record(planned, org.people["audit"], THIRD)
    assert refused.value.code == "not_control"
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        record(control, org.people["audit"], THIRD, given_on=tomorrow)
    assert refused.value.code == "future"
    assert not Assurance.objects.exists()


# The page -----------------------------------------------------------------------------------


def test_internal_audit_is_offered_the_third_line_only_and_records_it(client, org, control):
    client.force_login(org.people["audit"])
    page = client.get(url(control))
    assert page.status_code == 200
    assert [value for value, _ in page.context["form"].fields["line"].choices] == [THIRD]
    response = client.post(url(control), posted(THIRD))
    assert response.status_code == 302
    assert response["Location"] == control.get_absolute_url()
    assurance = Assurance.objects.get()
    assert (assurance.control, assurance.line, assurance.recorded_by) == (
        control,
        THIRD,
        org.people["audit"],
    )


def test_internal_audit_posting_the_first_line_is_shown_the_form_and_nothing_saved(
    client, org, control
):
    client.force_login(org.people["audit"])
    response = client.post(url(control), posted(FIRST))
    assert response.status_code == 200
    assert "line" in response.context["form"].errors
    assert not Assurance.objects.exists()


def test_internal_audit_changes_nothing_else_about_the_control_or_its_risk(
    client, org, risk, control
):
    client.force_login(org.people["audit"])
    edit = reverse("registers:action-edit", kwargs={"pk": control.pk})
    assert client.get(edit).status_code == 403
    data = {"kind": "control", "description": "Changed", "status": "done", "version": "1"}
    assert client.post(edit, data | {"effectiveness": "effective"}).status_code == 403
    assert client.get(reverse("registers:risk-edit", kwargs={"pk": risk.pk})).status_code == 403
    assert client.get(reverse("registers:action-create", kwargs={"pk": risk.pk})).status_code == 403
    control.refresh_from_db()
    assert (control.description, control.effectiveness) != ("Changed", Effectiveness.EFFECTIVE)


def test_a_manager_records_first_line_and_the_insurance_manager_second(client, org, control):
    client.force_login(org.people["officer"])
    assert client.post(url(control), posted(FIRST)).status_code == 302
    client.force_login(org.people["insurance"])
    assert client.post(url(control), posted(SECOND)).status_code == 302
    assert sorted(Assurance.objects.values_list("line", flat=True)) == [FIRST, SECOND]


@pytest.mark.parametrize("who", ["committee", "chief", "other_officer", "s151"])
def test_everyone_else_is_refused(client, org, control, who):
    client.force_login(org.people[who])
    assert client.get(url(control)).status_code == 403
    assert client.post(url(control), posted(FIRST)).status_code == 403
    assert not Assurance.objects.exists()


def test_a_planned_action_has_no_assurance_page(client, org, risk):
    planned = ActionFactory(risk=risk, kind=ActionKind.ACTION, owner=org.people["officer"])
    client.force_login(org.people["audit"])
    assert client.get(url(planned)).status_code == 404


def test_a_missing_field_is_named_in_the_error_summary(client, org, control):
    client.force_login(org.people["audit"])
    response = client.post(url(control), posted(THIRD, source="", given_on=""))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Say where the assurance comes from." in page
    assert 'href="#id_source"' in page
    assert not Assurance.objects.exists()


@pytest.mark.parametrize("count", [1, 30])
def test_the_assurance_page_costs_the_same_queries_whatever_its_size(
    client, org, control, count, django_assert_max_num_queries
):
    for _ in range(count):
        record(control, org.people["audit"], THIRD)
    client.force_login(org.people["audit"])
    with django_assert_max_num_queries(9):
        response = client.get(url(control))
    assert len(response.context["assurances"]) == count


# Rating a control where controls are edited, and the risk page --------------------------------


def test_the_action_form_rates_a_control_and_clears_a_planned_actions_rating(client, org, risk):
    client.force_login(org.people["officer"])
    data = {
        "kind": "control",
        "description": "Two people sign every payment",
        "status": "done",
        "control_type": ControlType.PREVENTIVE,
        "effectiveness": Effectiveness.EFFECTIVE,
        "key_control": "on",
    }
    create = reverse("registers:action-create", kwargs={"pk": risk.pk})
    assert client.post(create, data).status_code == 302
    control = Action.objects.get()
    assert (control.control_type, control.effectiveness, control.key_control) == (
        ControlType.PREVENTIVE,
        Effectiveness.EFFECTIVE,
        True,
    )
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    planned = data | {"kind": "action", "description": "Plan", "status": "open", "due_date": due}
    assert client.post(create, planned).status_code == 302
    action = Action.objects.get(kind=ActionKind.ACTION)
    assert (action.control_type, action.effectiveness, action.key_control) == (
        "",
        Effectiveness.NOT_ASSESSED,
        False,
    )
    # A control turned into a planned action loses its rating.
    edit = reverse("registers:action-edit", kwargs={"pk": control.pk})
    assert client.post(edit, planned | {"version": str(control.version)}).status_code == 302
    control.refresh_from_db()
    assert (control.kind, control.effectiveness, control.key_control) == (
        ActionKind.ACTION,
        Effectiveness.NOT_ASSESSED,
        False,
    )


def test_a_control_posted_without_a_rating_is_not_assessed(client, org, risk):
    client.force_login(org.people["officer"])
    create = reverse("registers:action-create", kwargs={"pk": risk.pk})
    data = {"kind": "control", "description": "Rota", "status": "done"}
    assert client.post(create, data).status_code == 302
    assert Action.objects.get().effectiveness == Effectiveness.NOT_ASSESSED


def test_the_risk_page_shows_ratings_assurance_and_the_warnings(client, org, risk, control):
    control.control_type = ControlType.DETECTIVE
    control.effectiveness = Effectiveness.PARTLY_EFFECTIVE
    control.key_control = True
    control.save()
    client.force_login(org.people["audit"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert "Key control" in page and "Detective control" in page and "Partly effective" in page
    assert url(control) in page  # Internal Audit may record third-line assurance
    assert "no control in place is rated effective" in page
    assert "1 key control on this Amber risk has no assurance" in page
    record(control, org.people["audit"], THIRD, source="IA-2026-14")
    page = client.get(risk.get_absolute_url()).content.decode()
    assert "IA-2026-14" in page and "Third line (Internal Audit)" in page
    assert "has no assurance" not in page
    client.force_login(org.people["committee"])
    assert url(control) not in client.get(risk.get_absolute_url()).content.decode()


@pytest.mark.parametrize("count", [2, 30])
def test_the_risk_page_costs_the_same_queries_whatever_its_assurance(
    client, org, risk, count, django_assert_max_num_queries
):
    for _ in range(count):
        control = ActionFactory(risk=risk, kind=ActionKind.CONTROL, key_control=True)
        record(control, org.people["audit"], THIRD)
        record(control, org.people["insurance"], SECOND)
    client.force_login(org.people["audit"])
    with django_assert_max_num_queries(15):
        response = client.get(risk.get_absolute_url())
    assert len(response.context["assurable_controls"]) == count


# Import -------------------------------------------------------------------------------------


def test_imported_control_text_becomes_controls_not_assessed(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(**{"Controls": "Sandbags\nPumps"})])
    apply_plan(plan=plan, register=org.corporate, by=org.people["chief"])
    controls = Action.objects.filter(kind=ActionKind.CONTROL)
    assert sorted(controls.values_list("description", flat=True)) == ["Pumps", "Sandbags"]
    assert {(c.effectiveness, c.control_type, c.key_control) for c in controls} == {
        (Effectiveness.NOT_ASSESSED, "", False)
    }

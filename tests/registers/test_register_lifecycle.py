"""Opening project, programme, partnership and shared-service registers in a directorate, and
closing one with its risks moved or closed (docs/domain.md#opening-and-closing-a-register)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from registers import permissions
from registers.lifecycle import register_close, register_open
from registers.models import Kind, MovementKind, Register, ReportStatus, RiskStatus, Tier
from registers.services import risk_create
from tests.factories import RegisterFactory, RiskFactory
from tests.registers.test_reports import reported

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> set[str]:
    """The codes of a service's refusal, whether it names a field or not."""
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def _open(org, *, by=None, **fields):
    values = {
        "directorate": org.directorate,
        "kind": Kind.PROGRAMME,
        "name": "Transformation programme",
        "prefix": "prg-tx",
        "owner": org.people["director"],
        "by": by or org.people["director"],
    }
    return register_open(**(values | fields))


# The model ------------------------------------------------------------------------------------


def test_a_project_register_may_be_held_by_its_directorate_without_a_service(org):
    register = RegisterFactory(
        organisation=org.organisation,
        tier=Tier.PROJECT,
        kind=Kind.PARTNERSHIP,
        directorate=org.directorate,
        owner=org.people["director"],
    )
    register.full_clean()
    assert register.escalates_to == org.directorate_register
    assert register.kind_label == "Partnership"


def test_only_a_project_register_has_a_kind(org):
    with pytest.raises(IntegrityError), transaction.atomic():
        Register.objects.filter(pk=org.service_register.pk).update(kind=Kind.PROGRAMME)
    with pytest.raises(IntegrityError), transaction.atomic():
        Register.objects.filter(pk=org.project_register.pk).update(kind="")


def test_only_a_project_register_closes_and_its_closure_is_complete(org):
    with pytest.raises(IntegrityError), transaction.atomic():
        Register.objects.filter(pk=org.service_register.pk).update(
            closed_at=timezone.now(), closed_by=org.people["director"], closure_reason="No"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Register.objects.filter(pk=org.project_register.pk).update(closed_at=timezone.now())


# Who may open and close -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "may"),
    [
        ("director", True),
        ("insurance", True),
        ("other_director", False),
        ("head", False),
        ("chief", False),
        ("audit", False),
        ("officer", False),
    ],
)
def test_the_directorate_s_director_and_the_insurance_manager_open_and_close(org, who, may):
    user = org.people[who]
    assert permissions.can_open_register(user, org.directorate) is may
    assert permissions.can_close_register(user, org.project_register) is may
    assert (org.directorate in permissions.directorates_to_open_in(user)) is may


def test_the_structure_s_registers_never_close(org):
    for register in (org.corporate, org.directorate_register, org.service_register):
        assert not permissions.can_close_register(org.people["insurance"], register)


# Opening --------------------------------------------------------------------------------------


def test_a_director_opens_a_programme_register_held_by_the_directorate(org):
    register = _open(org, review_lead=org.people["head"])
    assert (register.tier, register.kind, register.service) == (Tier.PROJECT, Kind.PROGRAMME, None)
    assert register.prefix == "PRG-TX"
    assert register.review_lead == org.people["head"]
    assert register.escalates_to == org.directorate_register
    assert register.history.get().history_change_reason == ("Opened as a programme of People")
    risk = risk_create(
        register=register, by=org.people["director"], title="A risk", category="finance"
    )
    assert risk.reference == "PRG-TX-01"


def test_the_insurance_manager_opens_a_partnership_held_by_a_service(org):
    register = _open(
        org,
        by=org.people["insurance"],
        kind=Kind.PARTNERSHIP,
        service=org.service,
        owner=org.people["head"],
    )
    assert register.service == org.service
    assert register.escalates_to == org.directorate_register


def test_another_director_may_not_open_a_register_in_the_directorate(org):
    with pytest.raises(ValidationError) as refused:
        _open(org, by=org.people["other_director"])
    assert refused.value.code == "not_allowed"


@pytest.mark.parametrize("field", ["owner", "review_lead"])
def test_the_owner_and_review_lead_are_people_of_the_organisation_who_may_own(org, field):
    with pytest.raises(ValidationError) as refused:
        _open(org, **{field: org.people["audit"]})
    assert field in refused.value.message_dict


def test_a_prefix_another_register_has_is_refused(org):
    with pytest.raises(ValidationError) as refused:
        _open(org, prefix="AC")
    assert "prefix" in str(refused.value) or "__all__" in refused.value.message_dict


def test_a_service_of_another_directorate_is_refused(org):
    with pytest.raises(ValidationError) as refused:
        _open(org, service=org.other_service)
    assert "service" in refused.value.message_dict


# Closing --------------------------------------------------------------------------------------


def test_closing_moves_or_closes_every_open_risk_in_one_go(org):
    register = org.project_register
    moved = RiskFactory(register=register, reference="PRJ-CH-01")
    closed = RiskFactory(register=register, reference="PRJ-CH-02")
    report = reported(org, register=register)
    register_close(
        register=register,
        by=org.people["director"],
        reason="The project is complete",
        destinations={moved.pk: org.service_register, closed.pk: None},
    )
    register.refresh_from_db()
    moved.refresh_from_db()
    closed.refresh_from_db()
    report.refresh_from_db()
    assert register.is_closed and register.closure_reason == "The project is complete"
    assert register.closed_by == org.people["director"]
    assert moved.register == org.service_register and moved.is_open
    assert moved.movements.get().kind == MovementKind.MOVED
    assert closed.status == RiskStatus.CLOSED
    assert closed.closure_reason == "Its register was closed: The project is complete"
    assert report.status == ReportStatus.DECLINED
    assert register.history.first().history_change_reason == "Closed: The project is complete"


def test_a_closed_register_takes_no_risks_and_changes_no_more(org):
    register = org.project_register
    register_close(register=register, by=org.people["insurance"], reason="Done", destinations={})
    register.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        risk_create(register=register, by=org.people["head"], title="Late", category="finance")
    assert refused.value.code == "register_closed"
    head = org.people["head"]
    assert not permissions.can_change_register(head, register)
    assert not permissions.can_report_risk(head, register)
    assert not permissions.may_approve_register(head, register)
    assert not permissions.can_circulate_register(head, register)
    assert permissions.can_view_register(head, register)  # kept, and still read


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"reason": "  "}, "reason_required"),
        ({"destinations": {}}, "risk_undecided"),
        ({"by": "other_director"}, "not_allowed"),
    ],
)
def test_closing_is_refused_without_a_reason_a_decision_for_each_risk_or_the_right(
    org, change, code
):
    risk = RiskFactory(register=org.project_register)
    arguments = {
        "register": org.project_register,
        "by": org.people["director"],
        "reason": "Complete",
        "destinations": {risk.pk: None},
    } | change
    if isinstance(arguments["by"], str):
        arguments["by"] = org.people[arguments["by"]]
    with pytest.raises(ValidationError) as refused:
        register_close(**arguments)
    assert codes(refused.value) == {code}
    risk.refresh_from_db()
    assert risk.is_open and not Register.objects.get(pk=org.project_register.pk).is_closed


def test_a_risk_may_not_move_to_a_closed_register_or_one_the_closer_cannot_see(org):
    risk = RiskFactory(register=org.project_register)
    elsewhere = RegisterFactory(owner=org.people["head"])  # another organisation
    with pytest.raises(ValidationError) as refused:
        register_close(
            register=org.project_register,
            by=org.people["director"],
            reason="Complete",
            destinations={risk.pk: elsewhere},
        )
    assert refused.value.code == "destination"
    risk.refresh_from_db()
    assert risk.register == org.project_register


def test_the_structure_s_registers_are_refused(org):
    with pytest.raises(ValidationError) as refused:
        register_close(
            register=org.service_register,
            by=org.people["insurance"],
            reason="Merged",
            destinations={},
        )
    assert refused.value.code == "structure"


# The pages ------------------------------------------------------------------------------------


def test_the_organisation_page_offers_opening_to_the_director_only_in_their_directorate(
    client, org
):
    client.force_login(org.people["director"])
    page = client.get(reverse("registers:organisation")).content.decode()
    assert reverse("registers:register-open", args=[org.directorate.pk]) in page
    assert reverse("registers:register-open", args=[org.other_directorate.pk]) not in page


def test_the_open_page_opens_a_register_and_shows_it(client, org):
    client.force_login(org.people["director"])
    url = reverse("registers:register-open", args=[org.directorate.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": Kind.PARTNERSHIP,
            "name": "Community safety partnership",
            "service": "",
            "prefix": "pshp-cs",
            "owner": org.people["director"].pk,
            "review_lead": org.people["head"].pk,
            "review_interval_months": 3,
        },
    )
    register = Register.objects.get(prefix="PSHP-CS")
    assert response.status_code == 302 and response.url == register.get_absolute_url()
    page = client.get(register.get_absolute_url()).content.decode()
    assert "Partnership, held by People" in page
    assert "Review lead" in page and "head" in page


def test_the_open_page_keeps_what_was_typed_and_explains_a_refusal(client, org):
    client.force_login(org.people["insurance"])
    url = reverse("registers:register-open", args=[org.directorate.pk])
    response = client.post(url, {"kind": "", "name": "X", "prefix": "AC", "owner": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There are problems" in page and 'value="X"' in page
    # The summary's title has an id of its own, not the prefix field's markup.
    assert 'aria-labelledby="open-register-error-title"' in page
    assert not Register.objects.filter(name="X").exists()


def test_the_close_page_moves_and_closes_and_hides_the_register_from_the_list(client, org):
    moved = RiskFactory(register=org.project_register, reference="PRJ-CH-01")
    closed = RiskFactory(register=org.project_register, reference="PRJ-CH-02")
    client.force_login(org.people["director"])
    url = reverse("registers:register-close", args=[org.project_register.pk])
    page = client.get(url).content.decode()
    assert "Move to Adult Care service" in page and "Close the risk" in page
    response = client.post(
        url,
        {
            "reason": "Delivered",
            f"risk_{moved.pk}": str(org.directorate_register.pk),
            f"risk_{closed.pk}": "close",
        },
    )
    assert response.status_code == 302
    moved.refresh_from_db()
    closed.refresh_from_db()
    assert moved.register == org.directorate_register
    assert closed.status == RiskStatus.CLOSED
    link = f'href="{org.project_register.get_absolute_url()}"'
    listing = client.get(reverse("registers:organisation")).content.decode()
    assert link not in listing
    listing = client.get(reverse("registers:organisation") + "?closed=1").content.decode()
    assert link in listing and "Closed</span>" in listing
    register_page = client.get(org.project_register.get_absolute_url()).content.decode()
    assert "Delivered" in register_page and "Close the register" not in register_page


def test_the_close_page_refuses_without_a_choice_for_each_risk(client, org):
    risk = RiskFactory(register=org.project_register)
    client.force_login(org.people["insurance"])
    url = reverse("registers:register-close", args=[org.project_register.pk])
    response = client.post(url, {"reason": "Delivered"})
    assert response.status_code == 200
    assert f"Say whether {risk.reference} moves or closes." in response.content.decode()
    assert not Register.objects.get(pk=org.project_register.pk).is_closed


@pytest.mark.parametrize("risks", [1, 12])
def test_the_close_page_s_queries_do_not_grow_with_risks(
    client, org, risks, django_assert_max_num_queries
):
    for _ in range(risks):
        RiskFactory(register=org.project_register)
    client.force_login(org.people["director"])
    with django_assert_max_num_queries(12):
        client.get(reverse("registers:register-close", args=[org.project_register.pk]))


def test_the_open_page_s_queries_are_pinned(client, org, django_assert_max_num_queries):
    client.force_login(org.people["director"])
    with django_assert_max_num_queries(10):
        client.get(reverse("registers:register-open", args=[org.directorate.pk]))


def test_the_settings_name_the_review_lead_and_the_register_page_shows_them(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    url = reverse("registers:register-settings", args=[register.pk])
    response = client.post(
        url,
        {
            "name": register.name,
            "owner": register.owner_id,
            "review_lead": org.people["officer"].pk,
            "review_interval_months": register.review_interval_months,
            "version": register.version,
        },
    )
    assert response.status_code == 302
    register.refresh_from_db()
    assert register.review_lead == org.people["officer"]
    assert register.history.first().history_change_reason == "Settings changed"
    page = client.get(register.get_absolute_url()).content.decode()
    lead = escape(org.people["officer"].get_full_name())
    assert f'Review lead</dt><dd class="col-sm-10">{lead}</dd>' in page


def test_a_review_lead_from_elsewhere_sees_the_register_they_lead(org):
    outsider = org.people["other_officer"]
    assert not permissions.can_view_register(outsider, org.service_register)
    Register.objects.filter(pk=org.service_register.pk).update(review_lead=outsider)
    register = Register.objects.get(pk=org.service_register.pk)
    del outsider._can_view_register
    assert permissions.can_view_register(outsider, register)
    assert register in permissions.visible_registers(outsider)


def test_the_directorate_s_people_see_the_programmes_it_holds_itself(org):
    programme = _open(org)
    officer = org.people["officer"]  # in a service of the directorate, not a director
    assert programme in permissions.visible_registers(officer)
    assert org.project_register not in permissions.visible_registers(officer) or (
        org.project_register.service_id == officer.profile.service_id
    )
    assert programme not in permissions.visible_registers(org.people["other_officer"])

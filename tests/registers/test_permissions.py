import pytest

from registers.models import Risk
from registers.permissions import (
    can_view_register,
    can_view_risk,
    visible_registers,
    visible_risks,
    visible_risks_in,
    visible_risks_of_organisation,
)
from tests.conftest import MAY_CHANGE_SERVICE_RISK, MAY_NOT_CHANGE_SERVICE_RISK, person
from tests.factories import ActionFactory, OrganisationFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db

ALL = {
    "corporate",
    "directorate_register",
    "other_directorate_register",
    "service_register",
    "project_register",
    "other_service_register",
}
EXPECTED = {
    "chief": ALL,
    "insurance": ALL,
    "audit": ALL,
    "s151": ALL,
    "monitoring": ALL,
    "committee": {"corporate"},
    "director": {"corporate", "directorate_register", "service_register", "project_register"},
    "other_director": {"corporate", "other_directorate_register", "other_service_register"},
    "head": {"corporate", "directorate_register", "service_register", "project_register"},
    "officer": {"corporate", "directorate_register", "service_register", "project_register"},
    "other_officer": {"corporate", "other_directorate_register", "other_service_register"},
}


@pytest.mark.parametrize(("who", "expected"), EXPECTED.items())
def test_who_sees_which_register(org, who, expected):
    user = org.people[who]
    visible = set(visible_registers(user))
    assert {name for name in ALL if getattr(org, name) in visible} == expected
    for name in ALL:
        assert can_view_register(user, getattr(org, name)) is (name in expected)


def test_nobody_sees_another_organisations_registers(org):
    elsewhere = RegisterFactory(organisation=OrganisationFactory(), prefix="ELSE")
    for user in org.people.values():
        assert not can_view_register(user, elsewhere)


def test_owning_a_risk_elsewhere_opens_that_risk_not_its_register(org):
    """An outside audit found that owning one risk (or one action on it) opened the whole
    register it was on, and kept it open after the risk was closed."""
    officer = org.people["officer"]
    risk = RiskFactory(register=org.other_service_register, owner=officer)
    other = RiskFactory(register=org.other_service_register, owner=org.people["other_officer"])
    acting = RiskFactory(register=org.other_service_register, owner=org.people["other_officer"])
    ActionFactory(risk=acting, owner=officer)
    assert can_view_risk(officer, risk)
    assert can_view_risk(officer, acting)
    assert not can_view_risk(officer, other)
    assert not can_view_register(officer, org.other_service_register)
    assert org.other_service_register not in visible_registers(officer)


def test_a_user_without_a_profile_sees_only_what_they_own(org):
    stray = person(org.organisation, "stray")
    stray.profile.delete()
    stray.refresh_from_db()
    assert set(visible_registers(stray)) == set()


def _risks_everywhere(org):
    """A risk on every register of the fixture, one owned (and one with an action) by the
    officer on a register they may not open, and risks of another organisation: one owned by
    the officer, one whose action they own."""
    for name in ALL:
        RiskFactory(register=getattr(org, name), owner=org.people["chief"])
    officer = org.people["officer"]
    RiskFactory(register=org.other_service_register, owner=officer)
    ActionFactory(risk=RiskFactory(register=org.other_service_register), owner=officer)
    elsewhere = RegisterFactory(organisation=OrganisationFactory(), prefix="ELSE")
    RiskFactory(register=elsewhere, owner=officer)
    ActionFactory(risk=RiskFactory(register=elsewhere), owner=officer)
    return elsewhere.organisation


def _everyone(org) -> list:
    """The fixture's people, someone without a profile who owns a risk, a superuser and an
    anonymous visitor."""
    from django.contrib.auth.models import AnonymousUser

    stray = person(org.organisation, "stray")
    stray.profile.delete()
    stray.refresh_from_db()
    RiskFactory(register=org.service_register, owner=stray)
    superuser = person(org.organisation, "root")
    superuser.is_superuser = True
    return [*org.people.values(), stray, superuser, AnonymousUser()]


def test_the_risks_one_may_see_in_an_organisation_are_those_one_may_see_there(org):
    """``visible_risks_in`` answers those who see every register of the organisation with
    its risks alone: for everyone it is ``visible_risks`` within the organisation, in both
    organisations, anonymous, a superuser and someone without a profile included."""
    elsewhere = _risks_everywhere(org)
    users = _everyone(org)
    superuser = next(user for user in users if user.is_superuser)
    for organisation in (org.organisation, elsewhere):
        for user in users:
            expected = set(visible_risks(user).filter(organisation=organisation))
            assert set(visible_risks_in(user, organisation.pk)) == expected, (user, organisation)
    assert set(visible_risks_in(superuser, elsewhere.pk)) == set(
        Risk.objects.filter(organisation=elsewhere)
    )


def test_who_sees_every_register_is_given_the_organisations_risks_by_one_condition(org):
    """For SLT the read is the organisation's risks: no test of each risk's register, owner
    and actions, which a large organisation's every row would go through."""
    for who, expected in EXPECTED.items():
        sql = str(visible_risks_in(org.people[who], org.organisation.pk).query)
        assert ("registers_action" not in sql) is (expected == ALL), who


def test_the_risks_of_ones_organisation_are_the_risks_one_may_see(org):
    """``visible_risks_of_organisation`` is ``visible_risks`` for everyone (anonymous, a
    superuser, someone without a profile, a risk in another organisation), only asked
    differently."""
    _risks_everywhere(org)
    for user in _everyone(org):
        assert set(visible_risks_of_organisation(user)) == set(visible_risks(user)), user


def test_who_sees_every_register_is_given_the_risks_of_their_organisations_registers(org):
    """For SLT the search reads the organisation's risks and names the organisation of their
    registers, which lets the database read the registers in name order from their index."""
    for who, expected in EXPECTED.items():
        sql = str(visible_risks_of_organisation(org.people[who]).query)
        assert ("registers_action" not in sql) is (expected == ALL), who
        assert ('"registers_register"."organisation_id" =' in sql) is (expected == ALL), who


# Who may change what (docs/domain.md#who-may-change-what): the risk's owner, its register's
# owner, the Insurance Manager; registers: their owner and the Insurance Manager; never
# Internal Audit or committee.
CHANGE_RISK = {who: True for who in MAY_CHANGE_SERVICE_RISK} | {
    who: False for who in MAY_NOT_CHANGE_SERVICE_RISK
}


@pytest.mark.parametrize(("who", "allowed"), CHANGE_RISK.items())
def test_who_may_change_a_service_risk(org, who, allowed):
    from registers.permissions import can_change_risk

    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    assert can_change_risk(org.people[who], risk) is allowed


def test_nobody_changes_a_closed_risk(org):
    from registers.permissions import can_change_risk
    from registers.services import risk_close

    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    closed = risk_close(risk=risk, by=org.people["head"], reason="Gone")
    assert not any(can_change_risk(user, closed) for user in org.people.values())


def test_read_only_roles_change_nothing_even_what_they_own(org):
    from registers.permissions import can_change_register, can_change_risk, can_report_risk

    audit = org.people["audit"]
    risk = RiskFactory(register=org.corporate, owner=audit)
    org.corporate.owner = audit
    assert not can_change_risk(audit, risk)
    assert not can_change_register(audit, org.corporate)
    assert not can_report_risk(audit, org.corporate)
    assert not can_report_risk(org.people["committee"], org.corporate)


@pytest.mark.parametrize(
    ("who", "register", "allowed"),
    [
        ("head", "service_register", True),
        ("insurance", "service_register", True),
        ("director", "service_register", False),
        ("officer", "service_register", False),
        ("chief", "corporate", True),
        ("director", "directorate_register", True),
        ("other_director", "directorate_register", False),
    ],
)
def test_who_may_change_a_register(org, who, register, allowed):
    from registers.permissions import can_change_register

    assert can_change_register(org.people[who], getattr(org, register)) is allowed


def test_an_action_owner_may_update_their_action(org):
    from registers.permissions import can_change_action

    risk = RiskFactory(register=org.service_register, owner=org.people["head"])
    action = ActionFactory(risk=risk, owner=org.people["other_officer"])
    assert can_change_action(org.people["other_officer"], action)
    assert not can_change_action(org.people["committee"], action)
    assert not can_change_action(org.people["director"], action)


@pytest.mark.parametrize(
    ("who", "allowed"), [("officer", True), ("other_officer", False), ("committee", False)]
)
def test_who_may_report_a_risk_to_a_register(org, who, allowed):
    from registers.permissions import can_report_risk

    assert can_report_risk(org.people[who], org.service_register) is allowed


def test_every_person_of_the_fixture_is_classified_for_changing(org):
    assert set(CHANGE_RISK) == set(org.people)
    assert set(EXPECTED) == set(org.people)

import pytest

from registers.permissions import can_view_register, can_view_risk, visible_registers
from tests.conftest import person
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory

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


def test_a_risk_owner_sees_the_register_holding_their_risk(org):
    risk = RiskFactory(register=org.other_service_register, owner=org.people["officer"])
    assert can_view_register(org.people["officer"], org.other_service_register)
    assert can_view_risk(org.people["officer"], risk)


def test_a_user_without_a_profile_sees_only_what_they_own(org):
    stray = person(org.organisation, "stray")
    stray.profile.delete()
    stray.refresh_from_db()
    assert set(visible_registers(stray)) == set()

"""The people a register's page names: its owner, review lead, who closed it, who approved it
and who recorded the approval, read with the register in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.people import person_name
from registers.models import Register
from registers.selectors.register_page import PAGE_PEOPLE, register_for_page

pytestmark = pytest.mark.django_db

NAMED = {
    "owner": "director",
    "review_lead": "head",
    "closed_by": "director",
    "last_approved_by": "chief",
    "last_approval_recorded_by": "insurance",
}


@pytest.fixture
def named(org) -> Register:
    """The project register, approved, approval recorded by another, and closed."""
    now = timezone.now()
    Register.objects.filter(pk=org.project_register.pk).update(
        owner=org.people[NAMED["owner"]],
        review_lead=org.people[NAMED["review_lead"]],
        last_approved_at=now,
        last_approved_by=org.people[NAMED["last_approved_by"]],
        last_approval_recorded_by=org.people[NAMED["last_approval_recorded_by"]],
        closed_at=now,
        closed_by=org.people[NAMED["closed_by"]],
        closure_reason="The project is finished.",
    )
    return org.project_register


def test_every_person_the_page_names_is_read_with_the_register_in_one_query(org, named):
    assert set(PAGE_PEOPLE) == set(NAMED)
    with CaptureQueriesContext(connection) as queries:
        register = register_for_page(pk=named.pk)
        names = {person: person_name(getattr(register, person)) for person in PAGE_PEOPLE}
        places = (register.organisation.name, register.directorate.name)
    assert len(queries) == 1
    assert names == {person: person_name(org.people[who]) for person, who in NAMED.items()}
    assert places == (org.organisation.name, org.directorate.name)
    # By sub-queries: the user table is not joined five times over.
    assert 'JOIN "auth_user"' not in queries[0]["sql"]


def test_a_person_is_the_user_and_reads_what_was_not_read_when_asked(org, named):
    register = register_for_page(pk=named.pk)
    assert register.owner == org.people["director"]
    assert register.owner.email == org.people["director"].email


def test_nobody_named_where_nobody_is(org):
    register = register_for_page(pk=org.service_register.pk)
    assert register.review_lead is None
    assert register.closed_by is None
    assert register.last_approved_by is None
    assert register.owner == org.service_register.owner


def test_the_page_names_each_of_them(client, org, named):
    client.force_login(org.people["chief"])
    page = client.get(named.get_absolute_url()).content.decode()
    for person, who in NAMED.items():
        assert person_name(org.people[who]) in page, person
    assert f"by {person_name(org.people['director'])}: The project is finished." in page
    assert f"(recorded by {person_name(org.people['insurance'])})" in page

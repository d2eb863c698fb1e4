"""The people pickers' type-ahead search: who may search, whom it finds, and its queries."""

import pytest
from django.urls import reverse

from common.forms import PersonChoiceField
from registers.selectors.people import PEOPLE_SEARCH_LIMIT, organisation_people
from scoring.matrix import Seniority
from tests.conftest import person
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get(reverse("registers:people-search"), {"q": q, **params})


def names(response):
    return [result["name"] for result in response.json()["results"]]


@pytest.fixture
def named(org):
    people = org.people
    for username, first, last, title in [
        ("head", "Hannah", "Head", "Head of Adult Care"),
        ("officer", "Oscar", "Officer", "Care Officer"),
        ("other_officer", "Hana", "Roads", "Highways Officer"),
        ("audit", "Hanna", "Audit", "Auditor"),
    ]:
        user = people[username]
        user.first_name, user.last_name = first, last
        user.save()
        user.profile.job_title = title
        user.profile.save()
    return people


def test_finds_people_by_name_and_job_title(client, org, named):
    client.force_login(named["officer"])
    assert names(search(client, "han")) == ["Hannah Head", "Hana Roads"]
    assert names(search(client, "highways")) == ["Hana Roads"]
    assert names(search(client, "care head")) == ["Hannah Head"]


def test_each_result_has_what_the_picker_shows(client, org, named):
    client.force_login(named["officer"])
    [result] = search(client, "hannah").json()["results"]
    assert result == {
        "id": named["head"].pk,
        "label": "Hannah Head, Head of Adult Care",
        "name": "Hannah Head",
        "seniority": Seniority.SERVICE_LEADERSHIP,
    }


def test_never_offers_people_who_cannot_own_anything_or_another_council(client, org, named):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    person(elsewhere, "hannah_elsewhere").profile  # noqa: B018
    inactive = named["other_director"]
    inactive.first_name, inactive.is_active = "Hanley", False
    inactive.save()
    client.force_login(named["officer"])
    # Internal Audit's Hanna changes nothing, so owns nothing; the other council's people
    # and people who have left are not the organisation's to choose.
    assert names(search(client, "han", organisation=elsewhere.pk)) == ["Hannah Head", "Hana Roads"]


def test_a_superuser_searches_the_organisation_asked_for(client, org, named, admin_user):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    other = person(elsewhere, "zed")
    other.first_name, other.last_name = "Hannibal", "Lecter"
    other.save()
    client.force_login(admin_user)
    assert names(search(client, "han", organisation=elsewhere.pk)) == ["Hannibal Lecter"]
    assert search(client, "han").status_code == 403  # no organisation of their own


@pytest.mark.parametrize("username", ["audit", "committee"])
def test_those_who_change_nothing_choose_nobody(client, org, username):
    client.force_login(org.people[username])
    assert search(client, "han").status_code == 403


def test_fewer_than_two_characters_find_nobody(client, org, named):
    client.force_login(named["officer"])
    assert names(search(client, "h")) == []


def test_anonymous_is_sent_to_sign_in(client):
    response = search(client, "han")
    assert response.status_code == 302 and "login" in response.url


@pytest.mark.parametrize("count", [5, 200])
def test_the_same_few_queries_however_many_people(
    client, org, count, django_assert_max_num_queries
):
    for n in range(count):
        person(org.organisation, f"hank{n:03d}")
    client.force_login(org.people["officer"])
    with django_assert_max_num_queries(4):
        response = search(client, "hank")
    assert len(names(response)) == min(count, PEOPLE_SEARCH_LIMIT)


def test_two_people_with_the_same_name_and_title_are_told_apart(client, org, named):
    twin = named["other_officer"]
    twin.first_name, twin.last_name, twin.email = "Hannah", "Head", "hannah.head2@example.org"
    twin.save()
    twin.profile.job_title = "Head of Adult Care"
    twin.profile.save()
    client.force_login(named["officer"])
    labels = sorted(result["label"] for result in search(client, "hannah").json()["results"])
    assert labels == sorted(
        [
            f"Hannah Head, Head of Adult Care ({named['head'].email})",
            "Hannah Head, Head of Adult Care (hannah.head2@example.org)",
        ]
    )
    # Others keep their plain label.
    [other] = search(client, "oscar").json()["results"]
    assert other["label"] == "Oscar Officer, Care Officer"


def test_without_javascript_the_select_tells_the_same_two_apart(org, named):
    twin = named["other_officer"]
    twin.first_name, twin.last_name, twin.email = "Hannah", "Head", "hannah.head2@example.org"
    twin.save()
    twin.profile.job_title = "Head of Adult Care"
    twin.profile.save()
    field = PersonChoiceField(queryset=organisation_people(organisation_id=org.organisation.pk))
    labels = [label for value, label in field.choices if value != ""]
    assert f"Hannah Head, Head of Adult Care ({named['head'].email})" in labels
    assert "Hannah Head, Head of Adult Care (hannah.head2@example.org)" in labels
    assert "Oscar Officer, Care Officer" in labels
    assert len(labels) == len(set(labels))

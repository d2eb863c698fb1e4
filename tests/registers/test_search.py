"""The search in the navigation: what it finds, that it finds only what the person may see,
grouped by register with band and owner, and a number of queries that does not grow."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.factories import ActionFactory, RiskFactory
from tests.registers.test_register_page import bulk_risks

pytestmark = pytest.mark.django_db


def url(**params):
    return f"{reverse('registers:search')}?{urlencode(params)}"


def found(response):
    results = response.context["results"]
    return {risk.reference for group in results.groups for risk in group.risks}


def actions_found(response):
    results = response.context["results"]
    return {action.description for group in results.groups for action in group.actions}


@pytest.fixture
def flooding(org):
    """A risk about flooding on each of three registers, and an action about it elsewhere."""
    return {
        "corporate": RiskFactory(
            register=org.corporate, reference="CRR-01", title="Flooding of the city centre"
        ),
        "service": RiskFactory(
            register=org.service_register,
            reference="AC-01",
            title="Care homes",
            event="Flooding closes two care homes",
            owner=org.people["officer"],
            residual_likelihood=5,
            residual_impact=4,
        ),
        "highways": RiskFactory(
            register=org.other_service_register,
            reference="HW-01",
            title="Road flooding",
            owner=org.people["other_officer"],
        ),
        "unrelated": RiskFactory(register=org.service_register, reference="AC-02", title="Staff"),
        "action": ActionFactory(
            risk=RiskFactory(register=org.other_service_register, reference="HW-02", title="Bins"),
            description="Sandbags against flooding at the depot",
            owner=org.people["officer"],
        ),
    }


@pytest.mark.parametrize(
    ("person", "risks", "actions"),
    [
        ("insurance", {"CRR-01", "AC-01", "HW-01"}, {"Sandbags against flooding at the depot"}),
        ("audit", {"CRR-01", "AC-01", "HW-01"}, {"Sandbags against flooding at the depot"}),
        # Owning an action opens its risk, not the register it is on.
        ("officer", {"CRR-01", "AC-01"}, {"Sandbags against flooding at the depot"}),
        ("other_officer", {"CRR-01", "HW-01"}, {"Sandbags against flooding at the depot"}),
        ("committee", {"CRR-01"}, set()),
        ("director", {"CRR-01", "AC-01"}, set()),
    ],
)
def test_finds_only_what_the_person_may_see(client, org, flooding, person, risks, actions):
    client.force_login(org.people[person])
    response = client.get(url(q="flooding"))
    assert response.status_code == 200
    assert found(response) == risks
    assert actions_found(response) == actions


def test_an_action_owner_sees_the_action_s_risk_in_search(client, org, flooding):
    client.force_login(org.people["officer"])
    assert found(client.get(url(q="bins"))) == {"HW-02"}


def test_every_word_must_match_in_reference_title_or_text(client, org, flooding):
    client.force_login(org.people["insurance"])
    assert found(client.get(url(q="flooding care"))) == {"AC-01"}
    assert found(client.get(url(q="hw-01"))) == {"HW-01"}
    assert found(client.get(url(q="flooding nothing-like-this"))) == set()


def test_results_grouped_by_register_with_band_and_owner(client, org, flooding):
    org.people["officer"].first_name, org.people["officer"].last_name = "Olive", "Officer"
    org.people["officer"].save()
    client.force_login(org.people["insurance"])
    response = client.get(url(q="flooding"))
    groups = response.context["results"].groups
    assert [group.register.name for group in groups] == [
        "Adult Care service",
        "Corporate",
        "Highways service",
    ]
    page = response.content.decode()
    care = page.index(f'id="search-group-{org.service_register.pk}"')
    assert "Red" in page[care:] and "Olive Officer" in page[care:]
    assert "3 risks" in page and "1 action" in page


def test_registers_found_by_name_or_prefix(client, org):
    client.force_login(org.people["other_officer"])
    response = client.get(url(q="highways"))
    assert [r.name for r in response.context["results"].registers] == ["Highways service"]
    client.force_login(org.people["officer"])
    response = client.get(url(q="highways"))
    assert response.context["results"].registers == []


def test_a_one_letter_search_asks_for_more(client, org, flooding):
    client.force_login(org.people["insurance"])
    response = client.get(url(q="a"))
    assert "at least two letters" in response.content.decode()
    assert found(response) == set()


def test_the_navigation_has_the_search_box(client, org):
    client.force_login(org.people["officer"])
    page = client.get(reverse("web:home")).content.decode()
    assert 'role="search"' in page and f'action="{reverse("registers:search")}"' in page


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(url(q="flooding"))
    assert response.status_code == 302 and "login" in response.url


MAX_QUERIES = 10


@pytest.mark.parametrize("count", [20, 10_000])
def test_queries_do_not_grow_with_risks(client, org, count, django_assert_max_num_queries):
    risks = bulk_risks(org.service_register, count, owners=[org.people["officer"]])
    ActionFactory.create_batch(3, risk=risks[0], description="Risk review action")
    client.force_login(org.people["head"])
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url(q="risk"))
    results = response.context["results"]
    assert results.risk_count == count and results.risks_shown == min(count, 100)
    assert results.action_count == 3

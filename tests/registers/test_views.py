from collections import Counter
from html import escape

import pytest
from django.urls import reverse

from registers.models import Risk
from scoring import matrix
from tests.factories import (
    ActionFactory,
    OrganisationFactory,
    RegisterFactory,
    RiskFactory,
    UserFactory,
    police_scheme,
)

pytestmark = pytest.mark.django_db


def test_every_page_but_login_requires_sign_in(client, org):
    risk = RiskFactory(register=org.corporate)
    for url in [
        reverse("registers:organisation"),
        org.corporate.get_absolute_url(),
        risk.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert client.get(reverse("login")).status_code == 200


def test_sign_in_leads_to_the_home_page(client, org):
    response = client.post(
        reverse("login"), {"username": "chief", "password": "password"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("web:home")
    assert "Your risk work" in response.content.decode()


def test_a_wrong_password_says_so_and_keeps_the_username(client, org):
    response = client.post(reverse("login"), {"username": "chief", "password": "nope"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "correct username and password" in page
    assert 'value="chief"' in page


def test_home_lists_the_registers_the_user_may_see(client, org):
    client.force_login(org.people["other_officer"])
    page = client.get(reverse("registers:organisation")).content.decode()
    assert "Highways service" in page and "Place directorate" in page and "Corporate" in page
    assert "Adult Care service" not in page and "People directorate" not in page


def test_home_counts_open_risks_by_residual_band(client, org):
    for likelihood, impact in [(5, 5), (3, 5), (2, 3), (1, 1)]:
        RiskFactory(register=org.corporate, residual_likelihood=likelihood, residual_impact=impact)
    RiskFactory(register=org.corporate, residual_likelihood=None, residual_impact=None)
    client.force_login(org.people["chief"])
    response = client.get(reverse("registers:organisation"))
    summaries = [s for g in response.context["groups"] for s in g.summaries]
    corporate = next(s for s in summaries if s.register_id == org.corporate.pk)
    assert corporate.band_counts == {"red": 2, "amber": 1, "green": 1}
    assert corporate.not_scored == 1
    assert corporate.open_risks == 5


def test_organisation_counts_each_register_by_its_own_organisations_scheme(client, org):
    """A superuser sees two councils: each register's risks are banded by its own scheme,
    as ``matrix.band_for`` bands them one by one."""
    police = police_scheme()
    force = RegisterFactory(organisation=OrganisationFactory(name="A Police Force", scheme=police))
    scores = [(5, 4), (3, 4), (2, 3), (1, 4), (1, 1), (None, None)]
    for likelihood, impact in scores:
        for register in (org.corporate, force):
            RiskFactory(register=register, residual_likelihood=likelihood, residual_impact=impact)
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("registers:organisation"))
    summaries = {s.register_id: s for g in response.context["groups"] for s in g.summaries}
    for register in (org.corporate, force):
        bands = register.organisation.scheme.as_bands()
        expected = Counter(matrix.band_for(like * imp, bands).key for like, imp in scores if like)
        assert summaries[register.pk].band_counts == expected
        assert summaries[register.pk].not_scored == 1
    assert summaries[force.pk].band_counts == {"critical": 1, "high": 1, "medium": 1, "low": 2}
    assert summaries[org.corporate.pk].band_counts == {"red": 1, "amber": 2, "green": 2}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("head", 200),
        ("officer", 200),
        ("director", 200),
        ("audit", 200),
        ("insurance", 200),
        ("other_officer", 403),
        ("other_director", 403),
        ("committee", 403),
    ],
)
def test_service_register_page_allowed_and_refused(client, org, who, status):
    RiskFactory(register=org.service_register, title="Care home closures")
    client.force_login(org.people[who])
    response = client.get(org.service_register.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert "Care home closures" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("committee", 200), ("officer", 200), ("other_officer", 200), ("chief", 200)],
)
def test_corporate_register_is_open_to_everyone_signed_in(client, org, who, status):
    client.force_login(org.people[who])
    assert client.get(org.corporate.get_absolute_url()).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 200), ("head", 200), ("chief", 200), ("other_officer", 403), ("committee", 403)],
)
def test_risk_page_allowed_and_refused(client, org, who, status):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    ActionFactory(risk=risk, description="Recruit two social workers")
    client.force_login(org.people[who])
    response = client.get(risk.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert "Recruit two social workers" in response.content.decode()


def test_unknown_objects_are_404(client, org):
    client.force_login(org.people["chief"])
    assert client.get(reverse("web:risk-detail", args=[999999])).status_code == 404
    assert client.get(reverse("registers:register-detail", args=[999999])).status_code == 404


def test_risk_page_shows_bands_with_labels_and_its_history(client, org):
    from registers.services import save_with_history

    risk = RiskFactory(register=org.corporate, residual_likelihood=5, residual_impact=3)
    risk.residual_likelihood = 4
    save_with_history(risk, by=org.people["insurance"], reason="Rescored at SLT")
    client.force_login(org.people["chief"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert "Amber <span" in page  # residual 4 x 3 = 12: label, not colour alone
    assert "Rescored at SLT" in page
    assert "Residual likelihood: 5 → 4" in page


def make_risks(register, count):
    for _ in range(count):
        risk = RiskFactory(register=register, owner=register.owner)
        ActionFactory(risk=risk, owner=register.owner)


@pytest.mark.parametrize("count", [20, 1000])
def test_organisation_query_count_does_not_grow_with_risks(
    client, org, count, django_assert_max_num_queries
):
    make_risks(org.corporate, count // 2)
    make_risks(org.service_register, count // 2)
    client.force_login(org.people["chief"])
    with django_assert_max_num_queries(9):
        client.get(reverse("registers:organisation"))


@pytest.mark.parametrize("count", [2, 40])
def test_risk_query_count_does_not_grow_with_actions(
    client, org, count, django_assert_max_num_queries
):
    risk = RiskFactory(register=org.corporate, owner=org.people["chief"])
    for _ in range(count):
        ActionFactory(risk=risk)
    client.force_login(org.people["chief"])
    # The session, the user, the risk, its actions, their assurance, its reviews, the bands,
    # the appetite in force, its proposals, moves, challenges and history, the person's roles,
    # the unread count: none grows with the actions.
    with django_assert_max_num_queries(14):
        response = client.get(risk.get_absolute_url())
    assert response.status_code == 200
    assert Risk.objects.count() == 1


def test_history_names_people_and_choices_not_ids(client, org):
    from registers.services import save_with_history

    officer, head = org.people["officer"], org.people["head"]
    officer.first_name, officer.last_name = "Priya", "Shah"
    officer.save()
    risk = RiskFactory(register=org.service_register, owner=officer, response="treat")
    risk.owner, risk.response = head, "transfer"
    save_with_history(risk, by=head, reason="Handed over")
    client.force_login(head)
    page = client.get(risk.get_absolute_url()).content.decode()
    assert f"Owner: Priya Shah → {escape(head.get_full_name())}" in page
    assert "Response: Treat → Transfer" in page


def test_refusals_and_missing_pages_are_our_own_pages(client, org):
    client.force_login(org.people["committee"])
    refused = client.get(org.service_register.get_absolute_url())
    assert refused.status_code == 403
    page = refused.content.decode()
    assert "You do not have access to this register." in page
    assert 'href="/"' in page and "Sign out" in page
    missing = client.get("/risks/999999/")
    assert missing.status_code == 404 and "Page not found" in missing.content.decode()


@pytest.mark.parametrize(
    ("who", "new_risk", "report"),
    [
        ("head", True, False),
        ("insurance", True, False),
        ("officer", False, True),
        ("audit", False, False),
    ],
)
def test_register_page_offers_what_the_user_may_do(client, org, who, new_risk, report):
    client.force_login(org.people[who])
    page = client.get(org.service_register.get_absolute_url()).content.decode()
    assert ("New risk</a>" in page) is new_risk
    assert (">Settings</a>" in page) is new_risk
    approval = reverse("reports:register-approval", kwargs={"pk": org.service_register.pk})
    assert (approval in page) is new_risk  # the owner approves, the Insurance Manager records
    assert ("Report a new risk" in page) is report


@pytest.mark.parametrize(("who", "buttons"), [("officer", True), ("director", False)])
def test_risk_page_offers_changes_only_to_those_who_may(client, org, who, buttons):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    client.force_login(org.people[who])
    page = client.get(risk.get_absolute_url()).content.decode()
    for label in ("Edit risk", "Record a review", "Add control or action", "Close risk"):
        assert (label in page) is buttons


def test_risk_page_shows_its_warnings(client, org):
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        inherent_likelihood=5,
        inherent_impact=5,
        residual_likelihood=5,
        residual_impact=5,
    )
    client.force_login(org.people["head"])
    page = client.get(risk.get_absolute_url()).content.decode()
    for code in ("outside_appetite", "residual_not_below_inherent", "owner_seniority"):
        assert f'data-warning="{code}"' in page


def test_an_action_owner_elsewhere_can_open_the_risk(client, org):
    risk = RiskFactory(register=org.service_register, owner=org.people["head"])
    ActionFactory(risk=risk, owner=org.people["other_officer"], description="Lend a gully tanker")
    client.force_login(org.people["other_officer"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert "Lend a gully tanker" in page and "Edit risk" not in page


def test_history_names_a_register_change_by_register_not_as_a_person(client, org):
    from registers.services import save_with_history

    risk = RiskFactory(register=org.service_register, owner=org.people["head"])
    risk.register = org.directorate_register  # as an escalation will move it
    save_with_history(risk, by=org.people["director"], reason="Escalated")
    client.force_login(org.people["director"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert "Register: Adult Care service → People directorate" in page


def test_the_risk_page_says_whether_the_risk_is_published(client, org):
    published = RiskFactory(register=org.corporate, owner=org.people["chief"])
    exempt = RiskFactory(register=org.corporate, owner=org.people["chief"], exempt=True)
    client.force_login(org.people["chief"])
    assert "Published in the public packs" in client.get(published.get_absolute_url()).text
    assert "Exempt: left out of the public" in client.get(exempt.get_absolute_url()).text


# A large organisation's page: the corporate and directorate registers, and each
# directorate's service and project registers on the directorate's own page.


@pytest.fixture
def overview(monkeypatch):
    """The organisation's six registers count as many: more than the page lists in full."""
    from registers import selectors

    monkeypatch.setattr(selectors, "OVERVIEW_ABOVE", 3)


def organisation_page(client, **params):
    response = client.get(reverse("registers:organisation"), params)
    assert response.status_code == 200
    return response, response.content.decode()


def test_a_large_organisation_lists_its_corporate_and_directorate_registers(client, org, overview):
    RiskFactory(register=org.directorate_register, residual_likelihood=5, residual_impact=5)
    RiskFactory(register=org.service_register, residual_likelihood=5, residual_impact=5)
    client.force_login(org.people["chief"])
    response, page = organisation_page(client)
    groups = {group.name: group for group in response.context["groups"]}
    assert list(groups) == ["Testshire Council", "People", "Place"]
    assert [[s.name for s in g.summaries] for g in groups.values()] == [
        ["Corporate"],
        ["People directorate"],
        ["Place directorate"],
    ]
    assert [g.more for g in groups.values()] == [0, 2, 1]
    assert groups["People"].summaries[0].band_counts == {"red": 1}
    assert "Adult Care service" not in page and "Highways service" not in page
    assert "too many to list on one page" in page
    people = reverse("registers:organisation") + f"?directorate={org.directorate.pk}"
    assert f'<a href="{people}">The 2 service and project registers in People</a>' in page
    place = reverse("registers:organisation") + f"?directorate={org.other_directorate.pk}"
    assert f'<a href="{place}">The 1 service and project register in Place</a>' in page
    across = reverse("registers:risks-across") + f"?directorate={org.directorate.pk}"
    assert f'<a href="{across}">People\'s open risks, side by side</a>' in page


def test_a_directorate_s_page_lists_all_its_registers(client, org, overview):
    RiskFactory(register=org.service_register, residual_likelihood=5, residual_impact=5)
    client.force_login(org.people["chief"])
    response, page = organisation_page(client, directorate=org.directorate.pk)
    [group] = response.context["groups"]
    assert group.name == "People" and group.more == 0
    assert [s.name for s in group.summaries] == [
        "People directorate",
        "Adult Care service",
        "Care home project",
    ]
    assert group.summaries[1].band_counts == {"red": 1}
    assert '<h1 class="h2">Risk registers in People</h1>' in page
    assert "Corporate" not in page.split("</h1>")[1] and "Highways" not in page
    assert f"?directorate={org.directorate.pk}&amp;closed=1" in page
    assert "too many to list" not in page


def test_a_directorate_s_page_shows_only_registers_its_reader_may_see(client, org):
    client.force_login(org.people["other_officer"])
    response, page = organisation_page(client, directorate=org.directorate.pk)
    assert response.context["groups"] == []
    assert "There are no registers you can see in this directorate." in page
    assert "People" not in page and "Adult Care" not in page


def test_a_directorate_that_is_not_a_number_shows_every_register(client, org):
    client.force_login(org.people["chief"])
    response, page = organisation_page(client, directorate="people")
    assert len(response.context["groups"]) == 3 and "Adult Care service" in page


@pytest.mark.parametrize("count", [20, 1000])
def test_a_large_organisation_s_pages_do_not_grow_with_risks(
    client, org, overview, count, django_assert_max_num_queries
):
    make_risks(org.directorate_register, count // 2)
    make_risks(org.service_register, count // 2)
    client.force_login(org.people["chief"])
    for params in ({}, {"directorate": org.directorate.pk}):
        with django_assert_max_num_queries(9):
            client.get(reverse("registers:organisation"), params)

"""Cabinet portfolios: who reads a portfolio's key risks, which risks are key, and the
Insurance Manager keeping the portfolios (docs/domain.md#cabinet-portfolios)."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from registers import permissions, roles
from registers.models import Portfolio, Risk, RiskStatus
from registers.periods import Quarter
from registers.services import portfolio_save, register_approve
from tests.conftest import person
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cabinet(org):
    """Two Cabinet members; the first holds a portfolio of Adult Care and its project."""
    member = person(org.organisation, "cabinet", roles=[roles.CABINET_MEMBER])
    other = person(org.organisation, "other_cabinet", roles=[roles.CABINET_MEMBER])
    portfolio = portfolio_save(
        portfolio=Portfolio(organisation=org.organisation),
        name="Adult Services",
        holder=member,
        registers=[org.service_register, org.project_register],
        by=org.people["insurance"],
    )
    return member, other, portfolio


def scored(register, likelihood, impact, **fields):
    fields.setdefault("owner", register.owner)
    return RiskFactory(
        register=register,
        residual_likelihood=likelihood,
        residual_impact=impact,
        **fields,
    )


# Who reads a portfolio


def test_the_cabinet_member_reads_their_own_portfolio_and_no_other(org, cabinet):
    member, other, portfolio = cabinet
    assert permissions.can_view_portfolio(member, portfolio)
    assert not permissions.can_view_portfolio(other, portfolio)
    assert list(permissions.visible_portfolios(member)) == [portfolio]
    assert list(permissions.visible_portfolios(other)) == []


@pytest.mark.parametrize("who", ["chief", "insurance", "s151", "monitoring", "audit"])
def test_those_who_see_every_register_read_every_portfolio(org, cabinet, who):
    assert permissions.can_view_portfolio(org.people[who], cabinet[2])


@pytest.mark.parametrize("who", ["director", "head", "officer", "committee"])
def test_others_read_no_portfolio(org, cabinet, who):
    assert not permissions.can_view_portfolio(org.people[who], cabinet[2])


def test_another_council_s_insurance_manager_neither_reads_nor_changes_it(org, cabinet):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    stranger = person(elsewhere, "elsewhere_im", roles=[roles.INSURANCE_MANAGER])
    assert not permissions.can_view_portfolio(stranger, cabinet[2])


def test_a_cabinet_member_is_read_only(org, cabinet):
    member, _, _ = cabinet
    assert permissions.is_read_only(member)
    risk = scored(org.service_register, 4, 4, owner=org.people["officer"])
    assert not permissions.can_change_risk(member, risk)
    assert not permissions.can_change_portfolios(member)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("insurance", True), ("chief", False), ("audit", False), ("director", False)],
)
def test_only_the_insurance_manager_keeps_portfolios(org, who, allowed):
    assert permissions.can_change_portfolios(org.people[who]) is allowed


# Which risks are key


def test_key_risks_are_the_open_red_and_amber_risks_of_the_portfolio_s_registers(
    client, org, cabinet
):
    member, _, portfolio = cabinet
    red = scored(org.service_register, 4, 4, title="Care market failure")
    amber = scored(org.project_register, 2, 3, title="Contractor delay")
    scored(org.service_register, 1, 2, title="Green and managed")
    scored(
        org.service_register,
        5,
        5,
        title="Closed red",
        status=RiskStatus.CLOSED,
        closed_at=timezone.now(),
        closure_reason="Gone",
    )
    scored(org.other_service_register, 5, 5, title="Not in the portfolio")
    scored(org.corporate, 5, 5, title="Corporate, not in it")
    client.force_login(member)
    page = client.get(portfolio.get_absolute_url())
    assert page.status_code == 200
    assert [row.risk.pk for row in page.context["key"].risks] == [red.pk, amber.pk]
    html = page.content.decode()
    assert "Care market failure" in html and "Contractor delay" in html
    assert 'Red <span class="band-score">16</span>' in html
    assert 'Amber <span class="band-score">6</span>' in html
    assert "Green and managed" not in html and "Not in the portfolio" not in html


def test_the_trend_of_each_key_risk_is_its_register_s(org, cabinet, client):
    member, _, portfolio = cabinet
    risk = scored(org.service_register, 3, 3)
    last = Quarter.containing(timezone.localdate()).last(3)
    for quarter, (likelihood, impact) in zip(last[:2], [(3, 3), (4, 4)], strict=True):
        Risk.objects.filter(pk=risk.pk).update(
            residual_likelihood=likelihood, residual_impact=impact
        )
        at = timezone.make_aware(datetime.combine(quarter.start + timedelta(days=40), time(12)))
        register_approve(register=org.service_register, by=org.people["head"], at=at)
    client.force_login(member)
    (row,) = client.get(portfolio.get_absolute_url()).context["key"].risks
    assert row.trend.label == "Up 7"
    assert "Up 7" in client.get(portfolio.get_absolute_url()).content.decode()


def test_a_portfolio_without_key_risks_says_so(client, org, cabinet):
    member, _, portfolio = cabinet
    scored(org.service_register, 1, 1)
    client.force_login(member)
    html = client.get(portfolio.get_absolute_url()).content.decode()
    assert "No open risk in this portfolio is Red or Amber" in html


@pytest.mark.parametrize("count", [5, 200])
def test_the_portfolio_page_s_queries_do_not_grow_with_risks(
    client, org, cabinet, count, django_assert_max_num_queries
):
    member, _, portfolio = cabinet
    for n in range(count):
        scored(org.service_register if n % 2 else org.project_register, 4, 4)
    register_approve(register=org.service_register, by=org.people["head"])
    register_approve(register=org.project_register, by=org.people["head"])
    client.force_login(member)
    # The session and the user, the portfolio, the scheme's bands, its registers, the key
    # risks, the two registers' trends (two each), the role check of the menu.
    with django_assert_max_num_queries(12):
        response = client.get(portfolio.get_absolute_url())
    assert len(response.context["key"].risks) == count


@pytest.mark.parametrize("count", [2, 30])
def test_the_portfolio_list_s_queries_do_not_grow_with_portfolios(
    client, org, count, django_assert_max_num_queries
):
    for n in range(count):
        portfolio_save(
            portfolio=Portfolio(organisation=org.organisation),
            name=f"Portfolio {n}",
            holder=None,
            registers=[org.service_register],
            by=org.people["insurance"],
        )
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(5):
        response = client.get(reverse("registers:portfolios"))
    assert len(response.context["portfolios"]) == count


# The pages refuse whom the rules refuse


def test_the_portfolio_page_refuses_another_cabinet_member_and_a_director(client, org, cabinet):
    _, other, portfolio = cabinet
    for who in (other, org.people["director"]):
        client.force_login(who)
        assert client.get(portfolio.get_absolute_url()).status_code == 403


def test_the_list_shows_a_cabinet_member_their_portfolio_and_refuses_a_head(client, org, cabinet):
    member, _, portfolio = cabinet
    client.force_login(member)
    page = client.get(reverse("registers:portfolios"))
    assert list(page.context["portfolios"]) == [portfolio]
    assert "Add a portfolio" not in page.content.decode()
    client.force_login(org.people["head"])
    assert client.get(reverse("registers:portfolios")).status_code == 403


def test_the_pack_is_a_pdf_for_the_cabinet_member_and_refused_to_another(
    client, org, cabinet, monkeypatch
):
    member, other, portfolio = cabinet
    scored(org.service_register, 4, 4, title="Care market failure")
    rendered = {}

    def fake_pdf(*, pack):
        rendered["pack"] = pack
        return b"%PDF-portfolio"

    monkeypatch.setattr("reports.views.portfolio_pack.portfolio_pack_pdf", fake_pdf)
    url = reverse("reports:portfolio-pack", args=[portfolio.pk])
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert [row.title for row in rendered["pack"].rows] == ["Care market failure"]
    assert rendered["pack"].rows[0].residual.text == "Red 16"
    client.force_login(other)
    assert client.get(url).status_code == 403


# The Insurance Manager keeps the portfolios


def test_the_insurance_manager_adds_a_portfolio_with_its_cabinet_member_and_registers(
    client, org, cabinet
):
    _, other, _ = cabinet
    client.force_login(org.people["insurance"])
    response = client.post(
        reverse("registers:portfolio-create"),
        {
            "name": "Highways",
            "holder": other.pk,
            "registers": [org.other_service_register.pk],
        },
    )
    portfolio = Portfolio.objects.get(name="Highways")
    assert response.status_code == 302 and response["Location"] == portfolio.get_absolute_url()
    assert portfolio.holder == other
    assert list(portfolio.registers.all()) == [org.other_service_register]
    (row,) = portfolio.history.all()
    assert row.history_user == org.people["insurance"]
    assert [kept.register for kept in row.registers.all()] == [org.other_service_register]


def test_the_form_offers_only_cabinet_members_and_registers_below_the_corporate_one(
    client, org, cabinet
):
    client.force_login(org.people["insurance"])
    form = client.get(reverse("registers:portfolio-create")).context["form"]
    assert {user.username for user in form.fields["holder"].queryset} == {
        "cabinet",
        "other_cabinet",
    }
    assert org.corporate not in form.fields["registers"].queryset
    assert org.service_register in form.fields["registers"].queryset


def test_a_refused_form_keeps_what_was_typed_and_says_what_is_wrong(client, org, cabinet):
    client.force_login(org.people["insurance"])
    response = client.post(
        reverse("registers:portfolio-create"),
        {"name": "Adult Services", "registers": [org.service_register.pk]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Another portfolio already has this name." in html
    assert "nothing has been saved" in html
    assert response.context["form"]["registers"].value() == [str(org.service_register.pk)]
    assert Portfolio.objects.count() == 1


@pytest.mark.parametrize("who", ["chief", "director", "audit"])
def test_the_service_refuses_anyone_but_the_insurance_manager(org, who):
    with pytest.raises(ValidationError) as refused:
        portfolio_save(
            portfolio=Portfolio(organisation=org.organisation),
            name="Highways",
            holder=None,
            registers=[],
            by=org.people[who],
        )
    assert refused.value.code == "not_allowed"
    assert not Portfolio.objects.exists()


def test_the_service_refuses_a_holder_who_is_not_a_cabinet_member_of_the_council(org):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    foreign = person(elsewhere, "elsewhere_cabinet", roles=[roles.CABINET_MEMBER])
    for holder in (org.people["director"], foreign):
        with pytest.raises(ValidationError) as refused:
            portfolio_save(
                portfolio=Portfolio(organisation=org.organisation),
                name="Highways",
                holder=holder,
                registers=[],
                by=org.people["insurance"],
            )
        assert refused.value.code == "not_cabinet_member"
    assert not Portfolio.objects.exists()


def test_the_service_refuses_the_corporate_register_and_another_council_s(org):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    foreign = RegisterFactory(organisation=elsewhere, prefix="ELS")
    for register in (org.corporate, foreign):
        with pytest.raises(ValidationError) as refused:
            portfolio_save(
                portfolio=Portfolio(organisation=org.organisation),
                name="Everything",
                holder=None,
                registers=[register],
                by=org.people["insurance"],
            )
        assert refused.value.code == "wrong_register"
    assert not Portfolio.objects.exists()


def test_a_cabinet_member_cannot_post_a_change(client, org, cabinet):
    member, _, portfolio = cabinet
    client.force_login(member)
    url = reverse("registers:portfolio-edit", args=[portfolio.pk])
    assert client.post(url, {"name": "Mine now"}).status_code == 403
    portfolio.refresh_from_db()
    assert portfolio.name == "Adult Services"


@pytest.mark.parametrize("count", [2, 30])
def test_the_portfolio_form_s_queries_do_not_grow_with_registers(
    client, org, cabinet, count, django_assert_max_num_queries
):
    _, _, portfolio = cabinet
    for n in range(count):
        RegisterFactory(
            organisation=org.organisation,
            tier="project",
            directorate=org.directorate,
            service=org.service,
            name=f"Partnership {n}",
            prefix=f"PSHIP{n}",
            owner=org.people["head"],
        )
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("registers:portfolio-edit", args=[portfolio.pk]))
    assert response.status_code == 200
    assert len(response.context["form"].fields["registers"].queryset) == count + 5


@pytest.mark.parametrize("count", [3, 120])
def test_the_pack_s_queries_do_not_grow_with_risks(
    client, org, cabinet, count, monkeypatch, django_assert_max_num_queries
):
    member, _, portfolio = cabinet
    for _ in range(count):
        scored(org.service_register, 4, 4)
    monkeypatch.setattr(
        "reports.views.portfolio_pack.portfolio_pack_pdf", lambda **kwargs: b"%PDF-portfolio"
    )
    client.force_login(member)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("reports:portfolio-pack", args=[portfolio.pk]))
    assert response.status_code == 200


def test_the_reports_page_leads_cabinet_members_and_slt_to_the_portfolios_not_a_head(
    client, org, cabinet
):
    link = reverse("registers:portfolios")
    for who, shown in (
        (cabinet[0], True),
        (org.people["chief"], True),
        (org.people["head"], False),
    ):
        client.force_login(who)
        assert (f'href="{link}"' in client.get(reverse("reports:index")).content.decode()) is shown

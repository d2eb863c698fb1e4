"""The demo organisation: believable, complete and idempotent."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from demo.loader import load_demo
from registers.categories import category_labels
from registers.models import (
    ActionKind,
    Kind,
    Organisation,
    PolicyCategory,
    Portfolio,
    Register,
    RegisterSnapshot,
    Response,
    Risk,
    Tier,
)
from registers.permissions import visible_registers
from scoring import matrix

pytestmark = pytest.mark.django_db

ROLE_USERNAMES = [
    "admin",
    "insurance.manager",
    "chief.executive",
    "s151.officer",
    "monitoring.officer",
    "internal.audit",
    "committee.member",
    "cabinet.adults",
    "cabinet.city",
    "cabinet.regeneration",
]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"registers", "scoring", "auth", "escalation"}
    }


def test_load_demo_twice_leaves_the_same_row_counts(capsys):
    call_command("load_demo")
    first = row_counts()
    call_command("load_demo")
    assert row_counts() == first
    assert "nothing to do" in capsys.readouterr().out


def test_the_demo_is_a_believable_council():
    load_demo()
    risks = list(Risk.objects.select_related("register"))
    assert 230 <= len(risks) <= 320
    # The policy's ten, and the council's own category for its projects' delivery.
    assert {r.category for r in risks} == {*PolicyCategory.values, "construction"}
    labels = category_labels(Organisation.objects.get())
    assert labels["construction"] == "Construction and delivery"
    assert list(labels)[:10] == PolicyCategory.values
    assert {r.response for r in risks} == set(Response.values)
    bands = {matrix.band_for(r.residual_score).key for r in risks}
    assert bands == {"green", "amber", "red"}
    assert {matrix.band_for(r.inherent_score).key for r in risks} >= {"amber", "red"}
    tiers = {r.register.tier for r in risks}
    assert tiers == set(Tier.values)
    assert 5 <= Register.objects.filter(tier=Tier.DIRECTORATE).count() <= 6
    assert 18 <= Register.objects.filter(tier=Tier.SERVICE).count() <= 24
    assert any(r.review_overdue() for r in risks)
    assert all(r.response_rationale for r in risks if r.response == Response.TOLERATE)


def test_the_demo_has_controls_actions_and_overdue_actions():
    load_demo()
    actions = [a for r in Risk.objects.prefetch_related("actions") for a in r.actions.all()]
    assert {a.kind for a in actions} == set(ActionKind.values)
    assert any(a.is_overdue() for a in actions)


def test_the_demo_has_one_user_per_role_with_the_agreed_usernames():
    load_demo()
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert set(ROLE_USERNAMES) <= usernames
    directorate_slugs = Register.objects.filter(tier=Tier.DIRECTORATE).values_list(
        "directorate__slug", flat=True
    )
    assert {f"director.{slug}" for slug in directorate_slugs} <= usernames
    service_slugs = Register.objects.filter(tier=Tier.SERVICE).values_list(
        "service__slug", flat=True
    )
    assert {f"head.{slug}" for slug in service_slugs} <= usernames
    assert len([u for u in usernames if u.startswith("owner.")]) >= 3
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff


def test_demo_users_share_the_printed_password(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "kingsmere-demo" in out and "chief.executive" in out
    assert get_user_model().objects.get(username="owner.priya").check_password("kingsmere-demo")


def test_demo_registers_escalate_up_the_tree():
    load_demo()
    corporate = Register.objects.get(tier=Tier.CORPORATE)
    for register in Register.objects.exclude(tier=Tier.CORPORATE):
        target = register.escalates_to
        assert target is not None
        if register.tier == Tier.DIRECTORATE:
            assert target == corporate
        else:
            assert target.tier == Tier.DIRECTORATE
            assert target.directorate_id == register.directorate_id


def test_demo_directors_and_statutory_officers_sit_on_slt_and_read_its_reports():
    from registers import roles
    from registers.permissions import role_names
    from reports.permissions import can_read_pack

    load_demo()
    users = get_user_model().objects
    slt = [
        *users.filter(username__startswith="director."),
        users.get(username="s151.officer"),
        users.get(username="monitoring.officer"),
        users.get(username="chief.executive"),
    ]
    assert len(slt) > 3
    for person in slt:
        assert roles.SLT in role_names(person), person
        assert can_read_pack(person, variant="full"), person
        # SLT sees every register of the council, not only its own directorate's.
        assert set(visible_registers(person)) == set(Register.objects.all()), person
    officer = users.filter(groups__name=roles.RISK_OWNERS).first()
    assert roles.SLT not in role_names(officer)


def test_reloading_the_demo_brings_existing_directors_onto_slt():
    from django.contrib.auth.models import Group

    from registers import roles

    load_demo()
    director = get_user_model().objects.get(username="director.adults-housing")
    director.groups.remove(Group.objects.get(name=roles.SLT))
    load_demo()
    assert director.groups.filter(name=roles.SLT).exists()


def test_the_demo_has_a_closure_awaiting_slt_and_internal_audits_opinion():
    from escalation.models import Proposal, ProposalKind
    from escalation.selectors import closure_proposals_pending
    from registers.periods import Quarter
    from reports.models import CommitteeNarrative

    load_demo()
    today = timezone.localdate()
    corporate = Register.objects.get(tier=Tier.CORPORATE)
    (closure,) = closure_proposals_pending(register=corporate)
    assert closure.kind == ProposalKind.CLOSURE and closure.risk.is_open
    assert closure.proposed_by == closure.risk.owner
    assert Quarter.containing(timezone.localdate(closure.proposed_at)) == Quarter.containing(today)
    assert Proposal.objects.filter(kind=ProposalKind.CLOSURE).count() == 1
    last_year = Quarter.containing(today).year - 1
    narrative = CommitteeNarrative.objects.get(year=last_year)
    assert narrative.opinion_by.username == "internal.audit"
    assert narrative.introduction_by.username == "insurance.manager"
    assert "adequate" in narrative.opinion


def test_the_demo_has_escalations_to_try(django_capture_on_commit_callbacks, mailoutbox):
    from escalation.models import Notification, Proposal, ProposalStatus
    from registers.models import MovementKind, RiskMovement

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    proposals = list(
        Proposal.objects.filter(kind="escalation").select_related("to_register", "risk__register")
    )
    by_status = sorted((p.status, p.to_register.tier) for p in proposals)
    assert by_status == [
        (ProposalStatus.ACCEPTED, Tier.DIRECTORATE),
        (ProposalStatus.OPEN, Tier.CORPORATE),
        (ProposalStatus.OPEN, Tier.DIRECTORATE),
    ]
    accepted = next(p for p in proposals if p.status == ProposalStatus.ACCEPTED)
    assert accepted.risk.register == accepted.to_register
    movement = RiskMovement.objects.get(risk=accepted.risk)
    assert movement.kind == MovementKind.ESCALATED
    assert movement.moved_at == accepted.decided_at
    assert all(p.recommended for p in proposals)
    # The Insurance Manager has been told in the app; nobody was emailed by a demo load.
    # Three proposals and one decision.
    escalations = Notification.objects.filter(proposal__kind="escalation")
    assert escalations.filter(recipient__username="insurance.manager").count() == 4
    assert escalations.filter(recipient__username="s151.officer").count() == 1
    assert mailoutbox == []


def test_the_demo_has_four_approved_quarters_showing_every_trend(client):
    from escalation.models import Proposal, ProposalStatus
    from registers.models import MovementKind, RiskMovement, RiskStatus
    from registers.periods import Quarter
    from registers.selectors.snapshots import quarter_trends

    load_demo()
    quarters = Quarter.containing(timezone.localdate()).previous.last(4)
    corporate = Register.objects.get(tier=Tier.CORPORATE)
    trends = quarter_trends(register=corporate, quarters=quarters)
    assert list(trends.snapshots) == quarters
    for quarter, snapshot in trends.snapshots.items():
        assert snapshot.approved_by == corporate.owner
        assert quarter.start <= timezone.localdate(snapshot.approved_at) <= quarter.end
    latest = quarters[-1]
    assert corporate.last_approved_at == trends.snapshots[latest].approved_at
    # Every case shows in the latest quarter, and the committee's four quarters.
    risks = Risk.objects.filter(register=corporate)
    in_latest = {trends.in_quarter(risk.pk, latest).direction for risk in risks}
    assert in_latest == {"new", "up", "down", "steady", "na"}
    over_the_year = {trend.direction for risk in risks for trend in trends.of(risk.pk)}
    assert over_the_year == {"new", "up", "down", "steady", "na"}
    # The closed risk: on the register until the latest quarter, its removal kept with why.
    closed = risks.get(status=RiskStatus.CLOSED)
    assert [t.direction for t in trends.of(closed.pk)] == ["new", "down", "steady", "na"]
    assert all(trends.snapshot_of(closed.pk, quarter) for quarter in quarters[:3])
    removal = RiskMovement.objects.get(risk=closed, kind=MovementKind.REMOVED)
    assert removal.reason == closed.closure_reason != ""
    assert trends.snapshots[quarters[2]].approved_at < removal.moved_at == closed.closed_at
    assert removal.moved_at < trends.snapshots[latest].approved_at
    # The latest quarter froze the open risks as they stand now.
    for risk in risks.filter(status=RiskStatus.OPEN):
        row = trends.snapshot_of(risk.pk, latest)
        assert (row.residual_likelihood, row.residual_impact, row.exempt) == (
            risk.residual_likelihood,
            risk.residual_impact,
            risk.exempt,
        )
        assert row.owner_name == risk.owner.get_full_name()
        assert timezone.localdate(risk.created_at) < timezone.localdate(
            min(
                s.approved_at for q, s in trends.snapshots.items() if trends.snapshot_of(risk.pk, q)
            )
        )
    assert any(
        row.next_review_due < timezone.localdate(trends.snapshots[latest].approved_at)
        for row in trends.risks[latest].values()
    )  # some reviews were overdue when SLT approved the register
    exempt = sorted(risks.filter(exempt=True).values_list("title", flat=True))
    assert exempt == ["Cyber attack", "Equal pay claims"]

    # Every approved register's last approval is its latest snapshot's, by its owner; some are
    # overdue for review (late in a quarter, all are: none is approved in the current quarter),
    # a few never approved.
    today = timezone.localdate()
    registers = list(Register.objects.select_related("owner"))
    overdue = never = 0
    for register in registers:
        snapshots = list(RegisterSnapshot.objects.filter(register=register).order_by("approved_at"))
        if register.last_approved_at is None:
            assert snapshots == []
            never += 1
            continue
        assert {s.approved_by for s in snapshots} == {register.owner}
        assert snapshots[-1].approved_at == register.last_approved_at
        assert register.last_approved_by == register.owner
        assert {s.period for s in snapshots} <= set(quarters)
        overdue += register.next_review_due < today
    assert never >= 2 and overdue >= 3
    assert RegisterSnapshot.objects.count() >= 4 * 20

    # The risk escalated in the escalation demo was on its service register until it moved;
    # on its directorate register it is new: since the latest approved quarter when that was
    # approved before the move (as on 21 November 2026), else escalated in that quarter.
    accepted = Proposal.objects.select_related("from_register", "to_register").get(
        status=ProposalStatus.ACCEPTED
    )
    on_service = quarter_trends(register=accepted.from_register, quarters=quarters)
    assert any(s.approved_at < accepted.decided_at for s in on_service.snapshots.values())
    for quarter, snapshot in on_service.snapshots.items():
        assert (on_service.snapshot_of(accepted.risk_id, quarter) is not None) is (
            snapshot.approved_at < accepted.decided_at
        )
    directorate = accepted.to_register
    there = quarter_trends(register=directorate, quarters=quarters)
    latest_there = max(there.snapshots)
    client.force_login(directorate.owner)
    rows = client.get(directorate.get_absolute_url()).context["rows"]
    row = next(row for row in rows if row.risk.pk == accepted.risk_id)
    if there.snapshots[latest_there].approved_at < accepted.decided_at:
        assert row.trend.label == f"New since {latest_there}"
    else:
        arrived = there.snapshot_of(accepted.risk_id, latest_there)
        assert (arrived.arrival, arrived.arrived_from) == ("escalated", accepted.from_register.name)
        assert row.trend.label == "New"
        assert row.trend.explanation.startswith(f"Escalated in from {arrived.arrived_from}")


def test_the_s151_officer_sees_the_demo_councils_exposure_by_directorate(client):
    load_demo()
    client.force_login(get_user_model().objects.get(username="s151.officer"))

    response = client.get(reverse("reports:s151-review"))

    exposure = response.context["exposure"]
    estimated = [row.directorate for row in exposure.directorates if row.estimated]
    assert len(estimated) >= 6  # the corporate register and each directorate
    assert exposure.total.low > 0 and exposure.total.high > exposure.total.low
    assert len(exposure.mtfs_risks) >= 5
    page = response.content.decode()
    assert "Care fees rise by 5% in 2027/28" in page


def test_each_demo_cabinet_member_reads_the_key_risks_of_their_own_portfolio(client):
    load_demo()
    for portfolio in Portfolio.objects.select_related("holder"):
        assert portfolio.holder is not None
        assert portfolio.registers.count() == 4
        client.force_login(portfolio.holder)
        page = client.get(reverse("registers:portfolio-detail", args=[portfolio.pk]))
        assert page.status_code == 200
        key = page.context["key"]
        assert key.risks, portfolio.name
        assert {row.risk.register_id for row in key.risks} <= {r.pk for r in key.registers}
        others = Portfolio.objects.exclude(pk=portfolio.pk).first()
        refused = client.get(reverse("registers:portfolio-detail", args=[others.pk]))
        assert refused.status_code == 403


def test_a_demo_director_opened_a_programme_and_a_partnership_with_review_leads():
    load_demo()
    adults = Register.objects.filter(directorate__slug="adults-housing")
    programme = adults.get(kind=Kind.PROGRAMME)
    partnership = adults.get(kind=Kind.PARTNERSHIP)
    assert programme.service is None and partnership.service is not None
    assert programme.review_lead is not None and partnership.review_lead is not None
    assert programme.risks.exists() and partnership.risks.exists()
    assert adults.get(tier=Tier.DIRECTORATE).review_lead is not None


def test_the_demo_has_a_new_corporate_risk_proposed_by_an_slt_member():
    from escalation.models import Notification
    from escalation.selectors import new_risks_pending
    from registers import roles
    from registers.periods import Quarter

    load_demo()
    corporate = Register.objects.get(tier=Tier.CORPORATE)
    (proposal,) = new_risks_pending(register=corporate)
    proposer_roles = set(proposal.proposed_by.groups.values_list("name", flat=True))
    assert {roles.SLT, roles.DIRECTORS} <= proposer_roles
    assert proposal.proposed_owner.username == "monitoring.officer"
    assert proposal.horizon == "long" and proposal.case
    today = timezone.localdate()
    assert Quarter.containing(timezone.localdate(proposal.proposed_at)) == Quarter.containing(today)
    told = Notification.objects.filter(subject__startswith="New corporate risk proposed")
    assert told.filter(recipient__username="insurance.manager").exists()


def test_the_demo_rates_controls_and_records_assurance_from_two_lines():
    from registers.models import Action, Assurance, AssuranceLine, Effectiveness

    load_demo()
    controls = Action.objects.filter(kind=ActionKind.CONTROL)
    assert set(controls.values_list("effectiveness", flat=True)) >= {
        Effectiveness.EFFECTIVE,
        Effectiveness.PARTLY_EFFECTIVE,
        Effectiveness.NOT_ASSESSED,
    }
    assert controls.filter(key_control=True).exists()
    assert controls.exclude(control_type="").exists()
    third = Assurance.objects.filter(line=AssuranceLine.THIRD)
    assert third.exists()
    assert set(third.values_list("recorded_by__username", flat=True)) == {"internal.audit"}
    assert Assurance.objects.filter(line=AssuranceLine.FIRST).exists()
    # Planned actions are never rated.
    planned = Action.objects.filter(kind=ActionKind.ACTION)
    assert not planned.exclude(effectiveness=Effectiveness.NOT_ASSESSED).exists()
    count = Assurance.objects.count()
    load_demo()  # loading again adds nothing
    assert Assurance.objects.count() == count

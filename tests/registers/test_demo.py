"""The demo organisation: believable, complete and idempotent."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from registers.demo.loader import load_demo
from registers.models import (
    ActionKind,
    Category,
    Register,
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
    assert {r.category for r in risks} == set(Category.values)
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


def test_a_demo_director_sees_their_directorate_but_not_anothers_services():
    load_demo()
    director = get_user_model().objects.get(username="director.adults-housing")
    visible = set(visible_registers(director))
    assert Register.objects.get(tier=Tier.CORPORATE) in visible
    for register in Register.objects.exclude(tier=Tier.CORPORATE):
        mine = register.directorate.slug == "adults-housing"
        assert (register in visible) is mine, register


def test_the_demo_has_escalations_to_try(django_capture_on_commit_callbacks, mailoutbox):
    from escalation.models import Notification, Proposal, ProposalStatus
    from registers.models import MovementKind, RiskMovement

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    proposals = list(Proposal.objects.select_related("to_register", "risk__register"))
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
    assert Notification.objects.filter(recipient__username="insurance.manager").count() == 4
    assert Notification.objects.filter(recipient__username="s151.officer").count() == 1
    assert mailoutbox == []

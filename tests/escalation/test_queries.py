"""Bounded queries on the escalation pages: the queue, a proposal, the notifications and the
risk page cost the same number of queries however many rows they show."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from escalation.models import Checklist, Notification, Proposal, ProposalStatus
from registers.models import MovementKind, PolicyCategory, Response, Risk, RiskMovement
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db

# The most queries each page may make, as measured on SQLite and PostgreSQL. The queue: the
# session, the user, their profile and roles, the directorates (for those who see everything),
# the count, the unread count, the page of proposals, and the new corporate risks proposed by
# SLT's members (with, for a member of SLT, the corporate register they may propose one for).
QUEUE_MAX_QUERIES = 9
PROPOSAL_MAX_QUERIES = 8
# The notifications page: the session, the user, the unread count, the page, and the person's
# roles (whether to offer the reminder settings, the Insurance Manager's).
NOTIFICATIONS_MAX_QUERIES = 5
# The risk page, as tests/registers/test_views.py counts it, and the escalation's own.
RISK_PAGE_MAX_QUERIES = 15


# Helpers ------------------------------------------------------------------------------------


def answers(held):
    """Eight answered factors, the first ``held`` holding."""
    return [
        {
            "number": n,
            "wording": f"Factor {n}",
            "rule": "judgement",
            "derived": False,
            "holds": n <= held,
            "explanation": "",
            "note": f"Note {n}" if n <= held else "",
        }
        for n in range(1, 9)
    ]


def bulk_risks(register, count, *, owners, start=0):
    return Risk.objects.bulk_create(
        [
            Risk(
                register=register,
                organisation_id=register.organisation_id,
                reference=f"{register.prefix}-Q{start + n:04d}",
                title=f"Queued risk {start + n}",
                event="If it happens",
                consequence="then this",
                impact="costing that",
                category=PolicyCategory.FINANCE,
                owner=owners[n % len(owners)],
                inherent_likelihood=5,
                inherent_impact=4,
                residual_likelihood=n % 5 + 1,
                residual_impact=4,
                response=Response.TREAT,
            )
            for n in range(count)
        ]
    )


def bulk_proposals(org, from_register, to_register, count, *, proposers, owners, start=0):
    """``count`` proposals of new risks on ``from_register`` into ``to_register``, by turns
    open, accepted (recorded for SLT on the corporate register), declined and withdrawn."""
    checklist = Checklist.objects.get(receiving_tier=to_register.tier)
    risks = bulk_risks(from_register, count, owners=owners, start=start)
    now = timezone.now()
    deciders = [to_register.owner, org.people["insurance"]]
    proposals = []
    for n, risk in enumerate(risks):
        status = [
            ProposalStatus.OPEN,
            ProposalStatus.ACCEPTED,
            ProposalStatus.DECLINED,
            ProposalStatus.WITHDRAWN,
        ][n % 4]
        decided = status != ProposalStatus.OPEN
        proposals.append(
            Proposal(
                risk=risk,
                from_register=from_register,
                to_register=to_register,
                checklist=checklist,
                answers=answers(n % 8),
                factors_held=n % 8,
                recommend_at=3,
                case="Because" if n % 8 < 3 else "",
                proposed_by=proposers[n % len(proposers)],
                proposed_at=now - timedelta(minutes=start + n),
                residual_likelihood=risk.residual_likelihood,
                residual_impact=risk.residual_impact,
                residual_band_label="Amber",
                residual_band_key="amber",
                status=status,
                decided_by=deciders[n % 2] if decided else None,
                decided_at=now if decided else None,
                decision_reason="A reason" if decided else "",
                recorded_for_slt=decided and n % 2 == 1,
            )
        )
    return Proposal.objects.bulk_create(proposals)


def fill_queue(org, count, *, start=0):
    """``count`` proposals spread over both directorates and the corporate register."""
    people = org.people
    third = count // 3
    bulk_proposals(
        org,
        org.service_register,
        org.directorate_register,
        third,
        proposers=[people["officer"], people["head"]],
        owners=[people["officer"], people["head"]],
        start=start,
    )
    bulk_proposals(
        org,
        org.other_service_register,
        org.other_directorate_register,
        third,
        proposers=[people["other_officer"], people["other_director"]],
        owners=[people["other_officer"]],
        start=start,
    )
    bulk_proposals(
        org,
        org.directorate_register,
        org.corporate,
        count - 2 * third,
        proposers=[people["director"]],
        owners=[people["director"], people["officer"]],
        start=start,
    )


def queue_url(**params):
    url = reverse("escalation:queue")
    return f"{url}?{urlencode(params)}" if params else url


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


QUEUE_CASES = [
    ("insurance", {}),
    ("insurance", {"status": ""}),
    ("insurance", {"status": "accepted", "tier": "corporate", "page": 2}),
    ("director", {}),
    ("director", {"status": ""}),
]


# The queue ----------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [20, 500])
@pytest.mark.parametrize(("who", "params"), QUEUE_CASES)
def test_queue_queries_are_bounded(client, org, count, who, params, django_assert_max_num_queries):
    fill_queue(org, count)
    client.force_login(org.people[who])
    with django_assert_max_num_queries(QUEUE_MAX_QUERIES):
        response = client.get(queue_url(**params))
    assert response.status_code == 200
    assert response.context["page"].object_list


@pytest.mark.parametrize(("who", "params"), QUEUE_CASES)
def test_the_queue_costs_the_same_with_20_and_500_proposals(client, org, who, params):
    client.force_login(org.people[who])
    fill_queue(org, 20)
    with_20, response = count_queries(client, queue_url(**params))
    shown_20 = len(response.context["page"].object_list)
    fill_queue(org, 480, start=20)
    with_500, response = count_queries(client, queue_url(**params))
    # More rows are shown with more proposals, for the same queries.
    assert len(response.context["page"].object_list) > shown_20
    assert with_500 == with_20 <= QUEUE_MAX_QUERIES


def test_the_directorate_filter_costs_no_more(client, org):
    fill_queue(org, 60)
    client.force_login(org.people["insurance"])
    plain, _ = count_queries(client, queue_url())
    filtered, response = count_queries(client, queue_url(directorate=org.directorate.pk))
    assert response.context["directorate_id"] == org.directorate.pk
    assert filtered == plain


# A proposal ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["director", "officer", "insurance", "audit"])
@pytest.mark.parametrize("status", [ProposalStatus.OPEN, ProposalStatus.ACCEPTED])
def test_proposal_page_queries_are_bounded(client, org, who, status):
    fill_queue(org, 12)
    proposal = Proposal.objects.filter(to_register=org.directorate_register, status=status)[0]
    client.force_login(org.people[who])
    queries, response = count_queries(client, proposal.get_absolute_url())
    assert response.context["proposal"] == proposal
    assert queries <= PROPOSAL_MAX_QUERIES


def test_a_corporate_proposal_page_for_the_insurance_manager_is_bounded(client, org):
    fill_queue(org, 12)
    proposal = Proposal.objects.filter(to_register=org.corporate, status=ProposalStatus.OPEN)[0]
    client.force_login(org.people["insurance"])
    queries, response = count_queries(client, proposal.get_absolute_url())
    assert response.context["can_decide"] and response.context["records_for_slt"]
    assert queries <= PROPOSAL_MAX_QUERIES


# Notifications ------------------------------------------------------------------------------


def bulk_notifications(user, count, *, proposal=None):
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            subject=f"Notification {n}",
            message="Something happened",
            url="/escalations/",
            proposal=proposal,
            created_at=now - timedelta(minutes=n),
            read_at=now if n % 3 == 0 else None,
        )
        for n in range(count)
    )


def test_the_notifications_page_costs_the_same_with_20_and_200(
    client, org, django_assert_max_num_queries
):
    fill_queue(org, 3)
    proposal = Proposal.objects.first()
    director = org.people["director"]
    client.force_login(director)
    url = reverse("escalation:notifications")
    bulk_notifications(director, 20, proposal=proposal)
    with_20, response = count_queries(client, url)
    assert len(response.context["notifications"]) == 20
    bulk_notifications(director, 180, proposal=proposal)
    with django_assert_max_num_queries(NOTIFICATIONS_MAX_QUERIES):
        with_200, response = count_queries(client, url)
    # The page lists the latest 100.
    assert len(response.context["notifications"]) == 100
    assert with_200 == with_20 <= NOTIFICATIONS_MAX_QUERIES


# The risk page ------------------------------------------------------------------------------


def add_history(org, risk, count, *, start=0):
    """``count`` decided proposals and ``count`` moves of ``risk``, by turns up and down."""
    checklist = Checklist.objects.get(receiving_tier="directorate")
    now = timezone.now()
    people = [org.people[name] for name in ("officer", "head", "director", "insurance")]
    Proposal.objects.bulk_create(
        Proposal(
            risk=risk,
            from_register=org.service_register,
            to_register=org.directorate_register,
            checklist=checklist,
            answers=answers(3),
            factors_held=3,
            recommend_at=3,
            proposed_by=people[n % 2],
            proposed_at=now - timedelta(days=start + n + 1),
            status=[ProposalStatus.ACCEPTED, ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN][
                n % 3
            ],
            decided_by=people[n % 4],
            decided_at=now - timedelta(days=start + n),
            decision_reason=f"Reason {n}",
        )
        for n in range(count)
    )
    RiskMovement.objects.bulk_create(
        RiskMovement(
            risk=risk,
            kind=MovementKind.ESCALATED if n % 2 == 0 else MovementKind.DE_ESCALATED,
            from_register=org.service_register if n % 2 == 0 else org.directorate_register,
            to_register=org.directorate_register if n % 2 == 0 else org.service_register,
            reason="" if n % 2 == 0 else f"Moved back {n}",
            moved_by=people[(n + 1) % 4],
            moved_at=now - timedelta(days=start + n),
        )
        for n in range(count)
    )


@pytest.mark.parametrize("who", ["officer", "head", "director", "insurance"])
def test_the_risk_page_costs_the_same_with_1_and_30_proposals_and_moves(client, org, who):
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        residual_likelihood=4,
        residual_impact=4,
    )
    client.force_login(org.people[who])
    add_history(org, risk, 1)
    count_queries(client, risk.get_absolute_url())  # the bands and appetite read once
    with_1, response = count_queries(client, risk.get_absolute_url())
    assert len(response.context["escalation"].proposals) == 1
    add_history(org, risk, 29, start=1)
    with_30, response = count_queries(client, risk.get_absolute_url())
    assert len(response.context["escalation"].proposals) == 30
    assert len(response.context["escalation"].movements) == 30
    assert with_30 == with_1 <= RISK_PAGE_MAX_QUERIES

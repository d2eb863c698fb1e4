"""The risk appetite pages: who reads, drafts and approves, what each page shows, refusals
and query counts (docs/domain.md#risk-appetite)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.appetite import ensure_appetite_levels
from registers.appetite_services import appetite_approve, appetite_draft_save, appetite_draft_start
from registers.models import AppetiteLevel, AppetiteStatement, StatementStatus
from tests.factories import OrganisationFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

EVERYONE = ["chief", "insurance", "audit", "committee", "director", "head", "officer"]


def levels() -> dict[str, AppetiteLevel]:
    ensure_appetite_levels()
    return {level.key: level for level in AppetiteLevel.objects.all()}


def draft_form(**lines) -> dict:
    """The edit form: every category without a line unless given as key=(level pk, tol)."""
    data = {"summary": "We are cautious with public money."}
    for key, (level, tolerance) in lines.items():
        data[f"{key}__level"] = level
        data[f"{key}__tolerance"] = tolerance
    return data


def approved(org, *, days_ago=0, **lines):
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary="",
        lines={
            k: (levels()[lv], t) for k, (lv, t) in (lines or {"finance": ("cautious", 9)}).items()
        },
    )
    return appetite_approve(
        statement=draft,
        by=org.people["chief"],
        decided_on=timezone.localdate() - timedelta(days=days_ago),
    )


@pytest.mark.parametrize("who", EVERYONE)
def test_every_member_reads_the_statement_in_force(client, org, who):
    approved(org, finance=("cautious", 9), people=("open", 12))
    client.force_login(org.people[who])
    page = client.get(reverse("registers:appetite"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Version 1, approved by SLT on" in text
    assert "Cautious" in text and "Open" in text
    assert ("Draft the next version" in text) is (who == "insurance")


def test_someone_of_no_organisation_is_refused(client, org):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(reverse("registers:appetite")).status_code == 403


def test_another_organisations_statement_is_not_found(client, org):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    insurance = UserFactory(username="else.insurance", roles=["Insurance Manager"])
    ProfileFactory(user=insurance, organisation=elsewhere)
    statement = approved(org)
    client.force_login(insurance)
    assert client.get(reverse("registers:appetite-detail", args=[statement.pk])).status_code == 404
    assert client.get(reverse("registers:appetite-approve", args=[statement.pk])).status_code == 404


@pytest.mark.parametrize("who", ["chief", "audit", "director", "officer", "committee"])
def test_only_the_insurance_manager_opens_the_draft(client, org, who):
    client.force_login(org.people[who])
    assert client.get(reverse("registers:appetite-edit")).status_code == 403
    assert client.post(reverse("registers:appetite-edit"), draft_form()).status_code == 403
    assert not AppetiteStatement.objects.exists()


def test_the_insurance_manager_drafts_a_copy_and_edits_it(client, org):
    first = approved(org, finance=("cautious", 9), people=("open", 12))
    client.force_login(org.people["insurance"])
    page = client.get(reverse("registers:appetite-edit"))
    assert page.status_code == 200
    assert "starts as a copy of version 1" in page.content.decode()
    assert not AppetiteStatement.objects.filter(status=StatementStatus.DRAFT).exists()
    lvl = levels()
    response = client.post(
        reverse("registers:appetite-edit"),
        draft_form(
            finance=(lvl["open"].pk, 12),
            people=(lvl["open"].pk, ""),
            legal_regulatory=(lvl["averse"].pk, 3),
        ),
    )
    draft = AppetiteStatement.objects.get(status=StatementStatus.DRAFT)
    assert response.status_code == 302 and response["Location"] == reverse(
        "registers:appetite-detail", args=[draft.pk]
    )
    assert draft.version == 2 and draft.summary == "We are cautious with public money."
    lines = {line.category: (line.level.key, line.tolerance) for line in draft.lines.all()}
    # People kept its level and took the level's default tolerance for the empty box.
    assert lines == {
        "finance": ("open", 12),
        "people": ("open", 12),
        "legal_regulatory": ("averse", 3),
    }
    first.refresh_from_db()
    assert first.status == StatementStatus.APPROVED  # in force until SLT approves the draft


def test_a_tolerance_out_of_range_or_without_a_level_is_shown_and_nothing_saved(client, org):
    client.force_login(org.people["insurance"])
    lvl = levels()
    response = client.post(
        reverse("registers:appetite-edit"),
        draft_form(finance=(lvl["open"].pk, 26), people=("", 9)),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "There are problems: nothing has been saved" in text
    assert 'href="#id_finance__tolerance"' in text and 'href="#id_people__level"' in text
    assert not AppetiteStatement.objects.exists()


def test_slt_approves_the_draft_on_its_page(client, org):
    first = approved(org, days_ago=30)
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    client.force_login(org.people["chief"])
    url = reverse("registers:appetite-approve", args=[draft.pk])
    page = client.get(url)
    assert page.status_code == 200 and "decided_by" not in page.context["form"].fields
    today = timezone.localdate()
    response = client.post(url, {"decided_on": today.isoformat()})
    assert response.status_code == 302
    draft.refresh_from_db()
    first.refresh_from_db()
    assert (draft.status, draft.approved_by, draft.recorded_by, draft.approved_on) == (
        StatementStatus.APPROVED,
        org.people["chief"],
        None,
        today,
    )
    assert first.status == StatementStatus.SUPERSEDED
    # An approved statement's approval page sends back to the statement.
    assert client.get(url).status_code == 302


def test_the_insurance_manager_records_slts_approval(client, org):
    approved(org, days_ago=30)
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    client.force_login(org.people["insurance"])
    url = reverse("registers:appetite-approve", args=[draft.pk])
    form = client.get(url).context["form"]
    assert list(form.fields["decided_by"].queryset) == [org.people["chief"]]
    response = client.post(
        url, {"decided_on": timezone.localdate().isoformat(), "decided_by": org.people["chief"].pk}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.approved_by, draft.recorded_by) == (org.people["chief"], org.people["insurance"])


@pytest.mark.parametrize("who", ["audit", "director", "committee", "officer"])
def test_others_cannot_approve(client, org, who):
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    client.force_login(org.people[who])
    url = reverse("registers:appetite-approve", args=[draft.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"decided_on": timezone.localdate().isoformat()}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == StatementStatus.DRAFT


def test_a_meeting_in_the_future_is_refused(client, org):
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary="",
        lines={"finance": (levels()["open"], 12)},
    )
    client.force_login(org.people["chief"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("registers:appetite-approve", args=[draft.pk]), {"decided_on": tomorrow.isoformat()}
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


# Bounded queries --------------------------------------------------------------------------


@pytest.mark.parametrize("versions", [1, 6])
def test_the_pages_cost_the_same_queries_whatever_the_versions(
    client, org, versions, django_assert_max_num_queries
):
    for _ in range(versions):
        approved(org, finance=("cautious", 9), people=("open", 12), information=("minimal", 6))
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"])
    client.force_login(org.people["insurance"])
    for url, most in (
        (reverse("registers:appetite"), 9),
        (reverse("registers:appetite-detail", args=[draft.pk]), 8),
        (reverse("registers:appetite-edit"), 10),
        (reverse("registers:appetite-approve", args=[draft.pk]), 10),
    ):
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200

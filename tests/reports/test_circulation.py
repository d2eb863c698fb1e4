"""Circulating a register's draft pack to its leadership team before the review meeting
(docs/domain.md#register-packs). The PDF is the register pack's own renderer, replaced here
by a few bytes: laying out a real PDF is what tests/reports/test_render_report.py checks."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from registers.models import Register
from registers.services import risk_close
from reports.circulation import leadership_team, register_pack_circulate
from reports.models import Circulation
from reports.pdf import PdfFailed
from tests.factories import RiskFactory, UserFactory

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.7 circulated"


@pytest.fixture
def fake_pdf(monkeypatch):
    rendered = []

    def render(*, pack):
        rendered.append(pack)
        return FAKE_PDF

    monkeypatch.setattr("reports.circulation.register_pack_pdf", render)
    return rendered


def _lead(register: Register, person) -> Register:
    Register.objects.filter(pk=register.pk).update(review_lead=person)
    register.refresh_from_db()
    return register


def test_a_directorate_register_s_team_is_the_owners_of_its_registers_and_its_review_lead(org):
    register = _lead(org.directorate_register, org.people["officer"])
    team = leadership_team(register=register)
    assert set(team) == {org.people["director"], org.people["head"], org.people["officer"]}


def test_another_register_s_team_is_its_owner_review_lead_and_risk_owners(org):
    register = _lead(org.service_register, org.people["director"])
    RiskFactory(register=register, owner=org.people["officer"])
    gone = RiskFactory(register=register, owner=org.people["other_officer"])
    risk_close(risk=gone, by=org.people["head"], reason="Gone")
    team = leadership_team(register=register)
    assert set(team) == {org.people["head"], org.people["director"], org.people["officer"]}


def test_circulating_emails_the_draft_pack_to_each_member_and_records_it(
    org, fake_pdf, django_capture_on_commit_callbacks
):
    register = _lead(org.service_register, org.people["director"])
    RiskFactory(register=register, owner=org.people["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        circulation = register_pack_circulate(register=register, by=org.people["head"])
    assert fake_pdf[0].draft and fake_pdf[0].register == register
    assert sorted(message.to[0] for message in mail.outbox) == [
        "director@example.org",
        "head@example.org",
        "officer@example.org",
    ]
    message = mail.outbox[0]
    assert message.attachments[0][1:] == (FAKE_PDF, "application/pdf")
    assert message.attachments[0][0].endswith("-DRAFT.pdf")
    assert "The draft pack is attached." in message.body
    assert circulation.attached and circulation.size == len(FAKE_PDF)
    assert circulation.sent_by == org.people["head"]
    assert {person["email"] for person in circulation.recipients} == {
        "director@example.org",
        "head@example.org",
        "officer@example.org",
    }


def test_a_pack_too_large_to_attach_goes_as_a_link(
    org, fake_pdf, settings, django_capture_on_commit_callbacks
):
    settings.RISKREG_CIRCULATION_ATTACH_MAX_BYTES = len(FAKE_PDF) - 1
    with django_capture_on_commit_callbacks(execute=True):
        circulation = register_pack_circulate(
            register=org.service_register, by=org.people["insurance"]
        )
    assert not circulation.attached
    message = mail.outbox[0]
    assert message.attachments == []
    assert reverse("reports:register-pack", args=[org.service_register.pk]) in message.body


def test_a_member_without_an_email_address_is_recorded_as_not_sent(
    org, fake_pdf, django_capture_on_commit_callbacks
):
    no_email = UserFactory(email="")
    RiskFactory(register=org.service_register, owner=no_email)
    with django_capture_on_commit_callbacks(execute=True):
        circulation = register_pack_circulate(register=org.service_register, by=org.people["head"])
    assert circulation.without_email == [no_email.get_full_name() or no_email.username]
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("who", ["officer", "director", "audit", "chief"])
def test_only_the_owner_review_lead_and_insurance_manager_circulate(org, fake_pdf, who):
    with pytest.raises(ValidationError) as refused:
        register_pack_circulate(register=org.service_register, by=org.people[who])
    assert refused.value.code == "not_allowed"
    assert not Circulation.objects.exists()


def test_the_review_lead_circulates(org, fake_pdf):
    register = _lead(org.service_register, org.people["officer"])
    register_pack_circulate(register=register, by=org.people["officer"])
    assert Circulation.objects.get().sent_by == org.people["officer"]


def test_a_pdf_that_fails_sends_nothing(org, monkeypatch, django_capture_on_commit_callbacks):
    def failing(**kwargs):
        raise PdfFailed("The PDF could not be produced.")

    monkeypatch.setattr("reports.circulation.register_pack_pdf", failing)
    with (
        pytest.raises(ValidationError) as refused,
        django_capture_on_commit_callbacks(execute=True),
    ):
        register_pack_circulate(register=org.service_register, by=org.people["head"])
    assert refused.value.code == "pdf_failed"
    assert mail.outbox == [] and not Circulation.objects.exists()


def test_the_page_shows_the_team_sends_and_shows_the_record(
    client, org, fake_pdf, django_capture_on_commit_callbacks
):
    register = _lead(org.service_register, org.people["officer"])
    client.force_login(org.people["officer"])
    url = reverse("reports:register-circulate", args=[register.pk])
    page = client.get(url).content.decode()
    assert "(review lead)" in page and "Not circulated yet." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Circulated before" in page and "Not circulated yet." not in page
    assert len(mail.outbox) == 2  # the owner and the review lead


def test_the_register_page_offers_circulation_to_its_review_lead_only(client, org):
    register = _lead(org.service_register, org.people["officer"])
    url = reverse("reports:register-circulate", args=[register.pk])
    client.force_login(org.people["officer"])
    assert url in client.get(register.get_absolute_url()).content.decode()
    client.force_login(org.people["other_officer"])
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("risks", [1, 10])
def test_the_page_s_queries_do_not_grow_with_the_team(
    client, org, risks, django_assert_max_num_queries
):
    for _ in range(risks):
        RiskFactory(register=org.service_register, owner=UserFactory())
    client.force_login(org.people["head"])
    with django_assert_max_num_queries(14):
        client.get(reverse("reports:register-circulate", args=[org.service_register.pk]))

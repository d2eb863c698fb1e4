"""The quarterly cycle: approving a register on its own page (by its approver, or recorded by
the Insurance Manager on their behalf), the checklist and register-level questions, the
Section 151 Officer's oversight, draft packs and the approved packs stored as records."""

import hashlib
import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from common.people import person_name
from escalation.closures import closure_propose
from escalation.models import Notification
from registers import roles
from registers.approvals import register_approve, s151_review_record
from registers.models import OversightVerdict, RegisterSnapshot, S151Review
from registers.periods import Quarter, approvable_quarters, quarter_considered
from registers.review_questions import questions_for
from reports.committee import committee_report
from reports.models import StoredPack
from reports.packs import slt_pack
from reports.packs.stored import stored_packs_store
from reports.pdf import PdfFailed
from scoring.matrix import Seniority
from tests.conftest import person
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def approval_url(register):
    return reverse("reports:register-approval", kwargs={"pk": register.pk})


def s151_url(quarter=None):
    url = reverse("reports:s151-review")
    return f"{url}?quarter={quarter.label}" if quarter else url


def today():
    return timezone.localdate()


def answers_for(register, text="Considered at the meeting."):
    return {
        f"answer_{n}": f"{text} ({n})" for n, _ in enumerate(questions_for(register.tier), start=1)
    }


def approval_data(register, **fields):
    return {
        "quarter": quarter_considered(today()).label,
        "decided_on": today().isoformat(),
        **answers_for(register),
        **fields,
    }


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def fake_pdfs(monkeypatch):
    """Storing a pack renders three PDFs: these tests ask what is stored, not how it looks
    (the real rendering is tested below, once)."""
    rendered = []

    def fake(*, organisation, quarter, variant, now=None):
        rendered.append(variant)
        return f"%PDF {quarter.label} {variant}".encode()

    monkeypatch.setattr("reports.packs.stored.slt_pack_pdf", fake)
    return rendered


# The quarter a meeting considers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 1, 1), Quarter(2026, 3)),  # first day of Q4: Q3 just ended
        (date(2027, 2, 11), Quarter(2026, 3)),  # day 42 of Q4, still the first six weeks
        (date(2027, 2, 12), Quarter(2026, 4)),  # day 43: the quarter itself
        (date(2026, 12, 6), Quarter(2026, 3)),  # the walk-through's day, Q3 under way
        (date(2026, 4, 1), Quarter(2025, 4)),  # across the financial year
    ],
)
def test_the_quarter_a_meeting_considers(day, expected):
    assert quarter_considered(day) == expected
    assert expected in approvable_quarters(day)


def test_only_this_quarter_and_the_last_may_be_approved():
    assert approvable_quarters(date(2026, 12, 6)) == (Quarter(2026, 3), Quarter(2026, 2))


# Who approves -----------------------------------------------------------------------------


def test_the_owner_approves_in_their_own_name_with_the_answers_kept(client, org):
    register = org.service_register
    client.force_login(org.people["head"])
    assert client.get(approval_url(register)).status_code == 200

    response = client.post(approval_url(register), approval_data(register))

    assert response["Location"] == register.get_absolute_url()
    register.refresh_from_db()
    assert register.last_approved_by == org.people["head"]
    assert register.last_approval_recorded_by is None
    snapshot = RegisterSnapshot.objects.get(register=register)
    assert (snapshot.approved_by, snapshot.recorded_by) == (org.people["head"], None)
    assert snapshot.period == quarter_considered(today())
    assert [item["question"] for item in snapshot.answers] == list(questions_for(register.tier))
    assert snapshot.answers[0]["answer"] == "Considered at the meeting. (1)"
    assert snapshot.decided_on == today()
    assert register.history.latest().history_change_reason == "Review approved"


def test_the_insurance_manager_records_the_owners_approval(client, org):
    register = org.service_register
    client.force_login(org.people["insurance"])
    page = client.get(approval_url(register)).content.decode()
    assert "You are <strong>recording</strong> an approval" in page

    response = client.post(
        approval_url(register), approval_data(register, decided_by=org.people["head"].pk)
    )

    assert response.status_code == 302
    register.refresh_from_db()
    assert register.last_approved_by == org.people["head"]
    assert register.last_approval_recorded_by == org.people["insurance"]
    snapshot = RegisterSnapshot.objects.get(register=register)
    assert (snapshot.approved_by, snapshot.recorded_by) == (
        org.people["head"],
        org.people["insurance"],
    )
    record = register.history.latest()
    assert record.history_user == org.people["insurance"]
    assert record.history_change_reason == (
        f"Approval by {person_name(org.people['head'])} recorded by "
        f"{person_name(org.people['insurance'])}"
    )
    page = client.get(register.get_absolute_url()).content.decode()
    assert f"(recorded by {person_name(org.people['insurance'])})" in page


def test_the_insurance_manager_must_say_who_approved(client, org):
    register = org.service_register
    client.force_login(org.people["insurance"])

    response = client.post(approval_url(register), approval_data(register))

    assert response.status_code == 400
    assert response.context["form"].has_error("decided_by", code="required")
    assert RegisterSnapshot.objects.count() == 0


def test_the_insurance_manager_cannot_approve_in_their_own_name(org):
    for register in (org.service_register, org.corporate):
        with pytest.raises(ValidationError) as refused:
            register_approve(register=register, by=org.people["insurance"])
        assert refused.value.code == "not_an_approver"
    # Nor name themselves as the approver on the page: they are not among the choices.
    assert RegisterSnapshot.objects.count() == 0


def test_the_insurance_manager_is_not_offered_as_the_approver(client, org):
    client.force_login(org.people["insurance"])
    response = client.get(approval_url(org.corporate))
    choices = list(response.context["form"].fields["decided_by"].queryset)
    assert org.people["chief"] in choices
    assert org.people["insurance"] not in choices
    assert org.people["audit"] not in choices


def test_only_the_insurance_manager_records_for_someone_else(org):
    with pytest.raises(ValidationError) as refused:
        register_approve(
            register=org.service_register, by=org.people["director"], decided_by=org.people["head"]
        )
    assert refused.value.code == "not_a_recorder"


@pytest.mark.parametrize(
    "who", ["officer", "director", "chief", "other_director", "s151", "audit", "committee"]
)
def test_a_non_owner_who_is_not_the_insurance_manager_is_refused(client, org, who):
    register = org.service_register
    client.force_login(org.people[who])

    assert client.get(approval_url(register)).status_code == 403
    data = approval_data(register, decided_by=org.people["head"].pk)
    assert client.post(approval_url(register), data).status_code == 403

    register.refresh_from_db()
    assert register.last_approved_at is None
    assert not RegisterSnapshot.objects.exists()


def test_any_member_of_slt_approves_the_corporate_register(client, org, fake_pdfs):
    director = person(
        org.organisation,
        "slt_director",
        Seniority.DIRECTOR,
        roles=[roles.SLT],
        directorate=org.directorate,
    )
    client.force_login(director)
    data = approval_data(org.corporate, confirm_without_s151="on")

    response = client.post(approval_url(org.corporate), data)

    assert response.status_code == 302
    snapshot = RegisterSnapshot.objects.get(register=org.corporate)
    assert snapshot.approved_by == director
    assert snapshot.recorded_by is None


def test_a_director_outside_slt_is_refused_the_corporate_register(client, org):
    client.force_login(org.people["director"])
    assert client.get(approval_url(org.corporate)).status_code == 403


def test_an_approval_recorded_for_slt_counts_as_slts_in_the_committee_report(org, fake_pdfs):
    chief, insurance = org.people["chief"], org.people["insurance"]
    at = datetime(2026, 11, 20, 10, tzinfo=LONDON)
    register_approve(register=org.corporate, by=insurance, decided_by=chief, at=at)

    report = committee_report(organisation=org.organisation, year=2026, variant="full")

    approved = [a for a in report.process.approvals if a.quarter == Quarter(2026, 3)]
    assert approved[0].approved_by == person_name(chief)
    assert report.process.quarters_approved == 1


# The checklist and the questions ----------------------------------------------------------


def test_the_checklist_lists_what_is_being_approved(client, org):
    register = org.service_register
    RiskFactory(
        register=register,
        reference="AC-01",
        title="Unscored ownerless",
        owner=None,
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
    )
    scored = RiskFactory(
        register=register, reference="AC-02", title="Well kept", owner=org.people["head"]
    )
    ActionFactory(risk=scored, kind="control", description="A control")
    client.force_login(org.people["head"])

    response = client.get(approval_url(register))

    checklist = response.context["checklist"]
    flagged = {line.code: [f.risk.reference for f in line.risks] for line in checklist.flagged}
    assert flagged["not_scored"] == ["AC-01"]
    assert flagged["no_owner"] == ["AC-01"]
    assert "AC-01" in flagged["no_controls"] and "AC-02" not in flagged["no_controls"]
    page = response.content.decode()
    assert "Not scored:</strong> 1 risk" in page
    assert "Outside the risk appetite:</strong> none" in page or "Outside the risk appetite" in page


def test_every_question_must_be_answered_and_nothing_is_lost(client, org):
    register = org.directorate_register
    client.force_login(org.people["director"])
    data = approval_data(register)
    data["answer_2"] = "  "

    response = client.post(approval_url(register), data)

    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["answer_2"]
    page = response.content.decode()
    assert "There is a problem: nothing has been saved" in page
    assert "Considered at the meeting. (1)" in page  # what was typed stays
    assert 'for="id_answer_2"' in page
    assert not RegisterSnapshot.objects.exists()


def test_the_questions_are_the_tiers(client, org):
    client.force_login(org.people["director"])
    page = client.get(approval_url(org.directorate_register)).content.decode()
    assert "Should the risk be escalated to the Strategic Leadership Team?" in page


def test_a_closed_quarter_is_refused(org):
    with pytest.raises(ValidationError) as refused:
        register_approve(
            register=org.service_register,
            by=org.people["head"],
            quarter=quarter_considered(today()).previous.previous,
        )
    assert refused.value.code == "quarter_closed"


def test_answers_are_all_required_by_the_service_too(org):
    with pytest.raises(ValidationError) as refused:
        register_approve(register=org.service_register, by=org.people["head"], answers={})
    assert refused.value.code == "questions_unanswered"


# The Section 151 Officer's oversight ------------------------------------------------------


def test_without_the_s151_sign_off_slt_must_confirm_and_it_is_recorded(client, org, fake_pdfs):
    client.force_login(org.people["chief"])

    refused = client.post(approval_url(org.corporate), approval_data(org.corporate))

    assert refused.status_code == 400
    assert refused.context["form"].has_error("confirm_without_s151", code="s151_sign_off_missing")
    assert not RegisterSnapshot.objects.exists()

    data = approval_data(org.corporate, confirm_without_s151="on")
    assert client.post(approval_url(org.corporate), data).status_code == 302
    assert RegisterSnapshot.objects.get().without_s151_sign_off is True


def test_with_the_sign_off_no_confirmation_is_asked(client, org, fake_pdfs):
    quarter = quarter_considered(today())
    s151_review_record(
        register=org.corporate,
        quarter=quarter,
        by=org.people["s151"],
        verdict=OversightVerdict.SIGNED_OFF,
        comments="Aligned with the MTFS.",
    )
    client.force_login(org.people["chief"])
    response = client.get(approval_url(org.corporate))
    if quarter_considered(today()).previous not in approvable_quarters(today()):
        assert "confirm_without_s151" not in response.context["form"].fields

    assert client.post(approval_url(org.corporate), approval_data(org.corporate)).status_code == 302
    assert RegisterSnapshot.objects.get().without_s151_sign_off is False


def test_the_s151_officer_records_comments_kept_with_history(client, org):
    quarter = quarter_considered(today())
    client.force_login(org.people["s151"])
    assert client.get(s151_url()).status_code == 200

    first = client.post(s151_url(), {"verdict": "concerns", "comments": "Savings at risk."})
    second = client.post(
        s151_url(), {"verdict": "signed_off", "comments": "Savings plan now credible."}
    )

    assert first.status_code == second.status_code == 302
    review = S151Review.objects.get(register=org.corporate)
    assert (review.period, review.verdict) == (quarter, OversightVerdict.SIGNED_OFF)
    assert [h.verdict for h in review.history.order_by("history_date")] == [
        "concerns",
        "signed_off",
    ]
    assert review.history.latest().history_user == org.people["s151"]
    pack = slt_pack(organisation=org.organisation, quarter=quarter, variant="full")
    assert pack.oversight.comments == "Savings plan now credible."
    assert pack.oversight.signed_off


@pytest.mark.parametrize(
    "who", ["chief", "insurance", "monitoring", "audit", "committee", "director", "officer"]
)
def test_only_the_s151_officer_records_the_oversight(client, org, who):
    client.force_login(org.people[who])
    assert client.get(s151_url()).status_code == 403
    data = {"verdict": "signed_off", "comments": "Fine."}
    assert client.post(s151_url(), data).status_code == 403
    assert not S151Review.objects.exists()


def test_the_s151_comments_are_required(client, org):
    client.force_login(org.people["s151"])
    response = client.post(s151_url(), {"verdict": "signed_off", "comments": ""})
    assert response.status_code == 400
    assert response.context["form"].has_error("comments", code="required")
    assert "There is a problem" in response.content.decode()


def test_a_closed_quarter_cannot_be_overseen(client, org):
    client.force_login(org.people["s151"])
    assert client.get(s151_url(Quarter(2020, 1))).status_code == 404


def test_the_monitoring_and_s151_officers_are_told_of_slts_approval(client, org, fake_pdfs):
    client.force_login(org.people["chief"])
    client.post(
        approval_url(org.corporate), approval_data(org.corporate, confirm_without_s151="on")
    )
    told = set(
        Notification.objects.filter(subject__startswith="SLT approved").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"monitoring", "s151"}


# Stored packs -----------------------------------------------------------------------------


def test_slts_approval_stores_every_variant_once(client, org, fake_pdfs):
    client.force_login(org.people["chief"])
    data = approval_data(org.corporate, confirm_without_s151="on")
    client.post(approval_url(org.corporate), data)

    packs = {p.variant: p for p in StoredPack.objects.all()}
    assert sorted(packs) == ["appendix", "full", "public"]
    full = packs["full"]
    assert full.sha256 == hashlib.sha256(bytes(full.content)).hexdigest()
    assert full.size == len(bytes(full.content))

    quarter = quarter_considered(today())
    url = f"{reverse('reports:slt-pack-pdf')}?quarter={quarter.label}&variant=full"
    first, second = client.get(url), client.get(url)
    assert first.content == second.content == bytes(full.content)
    assert fake_pdfs == ["full", "public", "appendix"]  # rendered once, at approval


def test_a_pdf_failure_does_not_lose_the_approval(client, org, monkeypatch):
    def failing(**kwargs):
        raise PdfFailed("The PDF took too long.")

    monkeypatch.setattr("reports.packs.stored.slt_pack_pdf", failing)
    client.force_login(org.people["chief"])
    data = approval_data(org.corporate, confirm_without_s151="on")

    response = client.post(approval_url(org.corporate), data)

    assert response.status_code == 302
    assert RegisterSnapshot.objects.filter(register=org.corporate).exists()
    assert not StoredPack.objects.exists()
    assert any("could not be stored yet" in m for m in messages_of(response))
    # The first download stores it.
    monkeypatch.setattr("reports.packs.stored.slt_pack_pdf", lambda **kwargs: b"%PDF stored later")
    quarter = quarter_considered(today())
    url = f"{reverse('reports:slt-pack-pdf')}?quarter={quarter.label}&variant=full"
    assert client.get(url).content == b"%PDF stored later"
    assert StoredPack.objects.get().content == b"%PDF stored later"


@pytest.mark.parametrize("format", ["json", "xml"])  # the README's backup uses XML
def test_stored_packs_survive_a_dumpdata_loaddata_round_trip(org, fake_pdfs, format):
    register_approve(register=org.corporate, by=org.people["chief"])
    stored_packs_store(snapshot=RegisterSnapshot.objects.get())
    before = {p.variant: (bytes(p.content), p.sha256) for p in StoredPack.objects.all()}
    dumped = serializers.serialize(format, StoredPack.objects.all())
    StoredPack.objects.all().delete()

    for obj in serializers.deserialize(format, dumped):
        obj.save()

    after = {p.variant: (bytes(p.content), p.sha256) for p in StoredPack.objects.all()}
    assert after == before
    for content, sha in after.values():
        assert hashlib.sha256(content).hexdigest() == sha


# Draft and approved packs -----------------------------------------------------------------


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_draft_and_the_approved_pack_differ_only_by_draft_marks_and_approval(org):
    RiskFactory(register=org.corporate, reference="CRR-01", title="Budget gap")
    RiskFactory(
        register=org.directorate_register,
        reference="DIR-PEOPLE-01",
        title="Care market failure",
        residual_likelihood=5,
        residual_impact=4,
        inherent_likelihood=5,
        inherent_impact=5,
    )
    quarter = quarter_considered(today())
    now = timezone.now()
    draft = slt_pack(organisation=org.organisation, quarter=quarter, variant="full", now=now)
    register_approve(
        register=org.corporate,
        by=org.people["insurance"],
        decided_by=org.people["chief"],
        quarter=quarter,
        answers={q: "Yes" for q in questions_for(org.corporate.tier)},
        at=now,
    )
    approved = slt_pack(organisation=org.organisation, quarter=quarter, variant="full", now=now)

    assert draft.draft and not approved.draft
    assert approved.approval.approved_by == person_name(org.people["chief"])
    assert approved.approval.recorded_by == person_name(org.people["insurance"])
    approval_fields = {"draft", "approval", "approved_by"}
    for name in draft.__dataclass_fields__:
        if name not in approval_fields:
            assert getattr(draft, name) == getattr(approved, name), name
    assert [g.directorate for g in draft.lower_reds] == ["People"]
    assert draft.lower_reds[0].risks[0].reference == "DIR-PEOPLE-01"


def test_the_draft_pack_lists_closures_proposed_to_slt_apart_from_escalations(client, org):
    risk = RiskFactory(
        register=org.corporate, reference="CRR-01", title="Budget gap", owner=org.people["head"]
    )
    closure_propose(risk=risk, by=org.people["head"], reason="The settlement closed the gap.")
    quarter = Quarter.containing(today())

    pack = slt_pack(organisation=org.organisation, quarter=quarter, variant="full")

    assert [(c.reference, c.case) for c in pack.closures] == [
        ("CRR-01", "The settlement closed the gap.")
    ]
    assert pack.proposals == []
    public = slt_pack(organisation=org.organisation, quarter=quarter, variant="public")
    assert [c.reference for c in public.closures] == ["CRR-01"]
    client.force_login(org.people["insurance"])
    page = client.get(f"{reverse('reports:slt-pack')}?quarter={quarter.label}")
    assert "Proposed for closure" in page.text
    assert "The settlement closed the gap." in page.text


def test_an_exempt_closure_is_withheld_from_the_public_pack(org):
    risk = RiskFactory(
        register=org.corporate, reference="CRR-02", owner=org.people["head"], exempt=True
    )
    closure_propose(risk=risk, by=org.people["head"], reason="No longer a risk.")
    quarter = Quarter.containing(today())

    public = slt_pack(organisation=org.organisation, quarter=quarter, variant="public")
    full = slt_pack(organisation=org.organisation, quarter=quarter, variant="full")

    assert public.closures == [] and public.withheld == 1
    assert [c.reference for c in full.closures] == ["CRR-02"]


def test_render_report_writes_a_draft_before_approval_and_says_so(org, tmp_path):
    RiskFactory(register=org.corporate, reference="CRR-01", title="Budget gap")
    quarter = quarter_considered(today())
    output = tmp_path / "pack.pdf"
    out = io.StringIO()

    call_command(
        "render_report",
        "slt-quarterly",
        "--quarter",
        quarter.label,
        "--output",
        str(output),
        "--organisation",
        org.organisation.slug,
        stdout=out,
    )

    assert "DRAFT" in out.getvalue()
    pages = pdf_pages(output.read_bytes())
    for page in pages:
        assert "DRAFT, generated" in page
    assert "Draft: SLT has not approved the register" in pages[0]


# Bounded queries --------------------------------------------------------------------------

# The session, the user, their roles and profile, the register, the scheme's bands, the open
# risks with their owners' profiles, their actions, the quarters signed off, the approvers
# (for the Insurance Manager), the risk appetite in force and the unread-notifications count.
APPROVAL_PAGE_MAX_QUERIES = 11
# The S151 page: the session, the user, their roles and profile, the corporate register, the
# review, the notifications count; and for the exposure beside the form, the scheme's bands
# and the open risks with their registers, directorates and owners.
S151_PAGE_MAX_QUERIES = 9


@pytest.mark.parametrize("count", [3, 30])
def test_the_approval_page_costs_the_same_queries_for_3_or_30_risks(
    client, org, count, django_assert_max_num_queries
):
    for number in range(count):
        risk = RiskFactory(register=org.corporate, reference=f"CRR-{number:02d}")
        ActionFactory(risk=risk)
    client.force_login(org.people["insurance"])

    with django_assert_max_num_queries(APPROVAL_PAGE_MAX_QUERIES):
        response = client.get(approval_url(org.corporate))

    assert response.status_code == 200
    assert response.context["checklist"].open_risks == count


@pytest.mark.parametrize("reviews", [0, 5])
def test_the_s151_page_costs_a_fixed_number_of_queries(
    client, org, reviews, django_assert_max_num_queries
):
    for number in range(reviews):
        s151_review_record(
            register=org.corporate,
            quarter=quarter_considered(today()),
            by=org.people["s151"],
            verdict=OversightVerdict.CONCERNS,
            comments=f"Version {number}",
        )
    client.force_login(org.people["s151"])

    with django_assert_max_num_queries(S151_PAGE_MAX_QUERIES):
        assert client.get(s151_url()).status_code == 200


def test_the_meeting_date_is_entered_as_day_month_and_year(client, org):
    """Three boxes, whatever the browser's locale (an en-US browser's date input asks for
    month/day/year), filled with today's date."""
    client.force_login(org.people["head"])
    page = client.get(approval_url(org.service_register)).content.decode()
    assert 'type="date"' not in page
    for part, value in (("day", today().day), ("month", today().month), ("year", today().year)):
        assert re.search(rf'name="decided_on_{part}"[^>]*value="{value}"', page), part


# A register's own pack (the template's shape) ---------------------------------------------


def register_pack_url(register, name="reports:register-pack", quarter=None):
    url = reverse(name, kwargs={"pk": register.pk})
    return f"{url}?quarter={quarter.label}" if quarter else url


def test_a_service_register_prints_in_the_templates_columns_draft_then_approved(client, org):
    register = org.service_register
    risk = RiskFactory(
        register=register,
        reference="AC-01",
        title="Care home closure",
        owner=org.people["head"],
        inherent_likelihood=4,
        inherent_impact=5,
        residual_likelihood=3,
        residual_impact=4,
    )
    ActionFactory(risk=risk, kind="control", description="Market sustainability plan")
    client.force_login(org.people["head"])

    draft = client.get(register_pack_url(register))

    assert draft.status_code == 200
    pack = draft.context["pack"]
    assert pack.draft and pack.quarter == quarter_considered(today())
    row = pack.rows[0]
    assert (row.number, row.reference, row.owner_name) == (1, "AC-01", person_name(risk.owner))
    assert (row.inherent.likelihood, row.inherent.impact) == (4, 5)
    assert (row.residual.likelihood, row.residual.impact) == (3, 4)
    assert [c.description for c in row.controls] == ["Market sustainability plan"]
    page = draft.content.decode()
    for heading in ("Risk description", "Impact", "Inherent L × I", "Mitigations"):
        assert heading in page
    assert "4 × 5 =" in page

    client.post(approval_url(register), approval_data(register))
    approved = client.get(register_pack_url(register)).context["pack"]
    assert not approved.draft
    assert approved.approval.approved_by == person_name(org.people["head"])
    assert approved.rows == pack.rows


def test_the_register_pack_pdf_says_draft_on_every_page(client, org):
    RiskFactory(register=org.directorate_register, reference="DIR-PEOPLE-01")
    client.force_login(org.people["director"])

    response = client.get(register_pack_url(org.directorate_register, "reports:register-pack-pdf"))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-DRAFT.pdf"')
    pages = pdf_pages(response.content)
    assert all("DRAFT, generated" in page for page in pages)
    assert "DIR-PEOPLE-01" in " ".join(pages)


@pytest.mark.parametrize("who", ["other_officer", "other_director"])
def test_the_register_pack_is_refused_to_who_may_not_see_the_register(client, org, who):
    client.force_login(org.people[who])
    assert client.get(register_pack_url(org.service_register)).status_code == 403
    assert (
        client.get(register_pack_url(org.service_register, "reports:register-pack-pdf")).status_code
        == 403
    )


def test_a_quarter_never_approved_has_no_register_pack(client, org):
    client.force_login(org.people["head"])
    response = client.get(register_pack_url(org.service_register, quarter=Quarter(2020, 1)))
    assert response.status_code == 404
    assert "was not approved in 2020/21 Q1" in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_register_pack_costs_the_same_queries_for_3_or_30_risks(
    client, org, count, django_assert_max_num_queries
):
    for number in range(count):
        ActionFactory(risk=RiskFactory(register=org.service_register, reference=f"AC-{number:02d}"))
    client.force_login(org.people["head"])

    with django_assert_max_num_queries(REGISTER_PACK_MAX_QUERIES):
        response = client.get(register_pack_url(org.service_register))

    assert len(response.context["pack"].rows) == count


# The session, the user and their profile, the register, its quarters, the draft's snapshot
# reads (the previous snapshot, its rows, the movements in, the bands, the appetite in force,
# the open risks), the bands, the risks with their actions and the unread-notifications count.
REGISTER_PACK_MAX_QUERIES = 15

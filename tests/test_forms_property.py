"""Property-based tests of every form (OWASP ASVS level 2).

For any data a client can post (hostile text, NUL, very long strings, out-of-range numbers
and choices, fields left out):

- ``is_valid()`` never raises;
- an invalid form explains itself: every error belongs to one of its fields or to the form,
  with a message;
- a valid form's cleaned values fit the model (lengths, 1–5 scores, no NUL, which PostgreSQL
  refuses), and the service that saves them either saves or refuses with a ValidationError,
  never a database error;
- posted through the views, the answer is never a server error, and an invalid form writes
  nothing; nor is any query string on the register page (its filter form) and its exports.

The admin's scheme band formset is held to the same promises.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import inlineformset_factory
from django.urls import reverse
from django.utils import timezone
from hypothesis import event, given, settings
from hypothesis import strategies as st

from escalation import selectors as escalation_selectors
from escalation.forms import DecisionForm, DeEscalateForm, ProposalForm, WithdrawForm
from escalation.models import Proposal
from escalation.services import (
    proposal_create,
    proposal_decide,
    proposal_withdraw,
    risk_de_escalate,
)
from registers import services
from registers.approvals import register_approve
from registers.assurance import assurance_record
from registers.filters import RegisterRiskFilter
from registers.forms.action import ActionCompleteForm, ActionForm
from registers.forms.assurance import AssuranceForm
from registers.forms.imports import MappingForm, UploadForm
from registers.forms.register import RegisterSettingsForm
from registers.forms.report import AcceptReportForm, DeclineReportForm, RiskReportForm
from registers.forms.review import ReviewForm
from registers.forms.risk import SCORE_GROUPS, RiskCloseForm, RiskForm
from registers.imports.reader import ImportFileError, read_table
from registers.models import (
    Action,
    ActionKind,
    Assurance,
    PolicyCategory,
    Register,
    Risk,
    RiskMovement,
    RiskReport,
    RiskReview,
)
from registers.periods import quarter_considered
from registers.review_questions import questions_for
from registers.selectors.approvals import register_approvers
from registers.selectors.people import organisation_people
from reports.committee import committee_introduction_save, committee_opinion_save
from reports.forms import CommitteeNarrativeForm, CommitteeOpinionForm
from reports.forms_cycle import RegisterApprovalForm
from reports.models import CommitteeNarrative
from reports.permissions import VARIANTS
from scoring.admin import SchemeBandFormSet
from scoring.models import Scheme, SchemeBand
from scoring.selectors import scheme_bands, scheme_guide
from tests.factories import RiskFactory
from tests.strategies import DB_SETTINGS, any_text, form_data, rolled_back

pytestmark = pytest.mark.django_db


# What every form promises ---------------------------------------------------------------------


def assert_errors_explained(form) -> None:
    for name, errors in form.errors.items():
        assert name == NON_FIELD_ERRORS or name in form.fields, name
        assert errors, name
        for message in errors:
            assert isinstance(message, str) and message.strip(), (name, message)


def assert_fits_model(form, model=None) -> None:
    """Cleaned text holds no NUL and fits the model's column; scores are 1–5."""
    model = model or getattr(getattr(form, "_meta", None), "model", None)
    for name, value in form.cleaned_data.items():
        if isinstance(value, str):
            assert "\x00" not in value, name
            if model is not None:
                try:
                    limit = model._meta.get_field(name).max_length
                except FieldDoesNotExist:
                    limit = None
                if limit is not None:
                    assert len(value) <= limit, (name, len(value), limit)
        if name.endswith(("_likelihood", "_impact")) and not isinstance(value, str):
            assert value is None or 1 <= value <= 5, (name, value)
        if isinstance(value, date):
            assert date(1, 1, 1) <= value <= date(9999, 12, 31)


def checked(form, model=None) -> bool:
    """is_valid() (which must not raise) and the promises for either outcome."""
    valid = form.is_valid()
    event(f"{type(form).__name__} valid: {valid}")
    if valid:
        assert_fits_model(form, model)
    else:
        assert_errors_explained(form)
    return valid


def save_or_refuse(call):
    """A service given a valid form's values saves (rolled back after) or refuses with a
    ValidationError that says why; anything else (IntegrityError, DataError, ValueError from
    the database driver) fails the test."""
    try:
        return rolled_back(call)
    except ValidationError as error:
        assert error.messages and all(m.strip() for m in error.messages)
        return None


def draw_data(data, form, *, base: dict | None = None, **overrides) -> dict:
    """Hostile data for ``form``; with a valid ``base``, half the time the base with one or
    two of its fields replaced, so that valid forms (and the services they feed) are reached
    too, not only refusals."""
    posted = data.draw(form_data(form))
    for name, strategy in overrides.items():
        key = form.add_prefix(name)
        if key in posted:
            posted[key] = data.draw(strategy)
    if base is not None and data.draw(st.booleans()):
        keep = data.draw(st.sets(st.sampled_from(sorted(posted) or [""]), max_size=2))
        posted = {**base, **{key: posted[key] for key in keep if key in posted}}
    return posted


def risk_base(org, risk=None) -> dict:
    """A valid post of the risk form."""
    base = {
        "title": "Flooding of the depot",
        "event": "If the river floods",
        "consequence": "the depot closes",
        "impact": "gritting stops",
        "category": PolicyCategory.FINANCE,
        "owner": str(org.people["officer"].pk),
        "inherent_likelihood": "4",
        "inherent_impact": "4",
        "residual_likelihood": "3",
        "residual_impact": "3",
        "horizon": "medium",
        "response": "treat",
        "response_rationale": "Gritting is statutory",
    }
    if risk is not None:
        base.update(version=str(risk.version), reference=risk.reference)
    return base


ACTION_BASE = {"kind": "action", "description": "d", "due_date": "2027-01-31", "status": "open"}
REPORT_BASE = {"title": "t", "event": "e", "consequence": "c", "impact": "i", "category": "people"}
NARRATIVE_BASE = {"year": "2026/27", "variant": "full", "version": "0", "introduction": "i"}
OPINION_BASE = {"year": "2026/27", "variant": "full", "version": "0", "opinion": "o"}


def review_base(questions) -> dict:
    return {ReviewForm.answer_field(n): "Yes" for n in range(1, len(questions) + 1)}


def settings_base(org) -> dict:
    return {
        "name": "n",
        "owner": str(org.people["head"].pk),
        "review_interval_months": "3",
        "version": "1",
    }


# Fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def risk(org):
    """A red residual risk on the service register, owned by the officer."""
    return RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        reference="AC-01",
        residual_likelihood=4,
        residual_impact=4,
    )


def risk_form(org, data=None, instance=None):
    register = org.service_register
    return RiskForm(
        data,
        instance=instance,
        register=register,
        guide=scheme_guide(scheme_id=register.organisation.scheme_id),
        people=organisation_people(
            organisation_id=register.organisation_id, keep=[getattr(instance, "owner_id", None)]
        ),
    )


def score_values():
    return st.one_of(st.sampled_from(["1", "2", "3", "4", "5", ""]), any_text)


SCORE_OVERRIDES = {
    f"{group.name}_{part}": score_values()
    for group in SCORE_GROUPS
    for part in ("likelihood", "impact")
}


# The risk form --------------------------------------------------------------------------------


@DB_SETTINGS
@given(data=st.data())
def test_risk_form_create(org, data):
    head = org.people["head"]
    posted = draw_data(data, risk_form(org), base=risk_base(org), **SCORE_OVERRIDES)
    form = risk_form(org, data=posted)
    if checked(form):
        save_or_refuse(
            lambda: services.risk_create(
                register=org.service_register, by=head, **form.risk_fields()
            )
        )


@DB_SETTINGS
@given(data=st.data())
def test_risk_form_edit(org, risk, data):
    overrides = {**SCORE_OVERRIDES, "version": st.sampled_from([str(risk.version), "0", "x"])}
    posted = draw_data(data, risk_form(org, instance=risk), base=risk_base(org, risk), **overrides)
    form = risk_form(org, data=posted, instance=Risk.objects.get(pk=risk.pk))
    if checked(form):
        save_or_refuse(
            lambda: services.risk_update(
                risk=risk,
                by=org.people["head"],
                version=form.cleaned_data["version"],
                changes=form.risk_fields(),
            )
        )


@pytest.mark.parametrize("reference", ["ß" * 16, "ﬁ" * 16, "ŉ" * 20])
def test_a_reference_longer_once_in_capitals_is_refused_by_the_form(org, reference):
    """The form capitalises the reference: "ß" * 16 fits the 30 characters, "SS" * 16 does not,
    and the form (not the database) must say so."""
    form = risk_form(
        org,
        data={
            "reference": reference,
            "title": "Flooding",
            "event": "e",
            "consequence": "c",
            "impact": "i",
            "category": PolicyCategory.FINANCE,
            "owner": org.people["officer"].pk,
            "inherent_likelihood": 3,
            "inherent_impact": 3,
            "residual_likelihood": 2,
            "residual_impact": 2,
            "horizon": "medium",
        },
    )
    assert not form.is_valid()
    assert form.errors["reference"]


@DB_SETTINGS
@given(reason=st.one_of(any_text, st.none()))
def test_risk_close_form(org, risk, reason):
    form = RiskCloseForm({} if reason is None else {"reason": reason})
    if checked(form, Risk):
        save_or_refuse(
            lambda: services.risk_close(
                risk=risk, by=org.people["head"], reason=form.cleaned_data["reason"]
            )
        )


# Actions, reviews, reports and register settings -------------------------------------------


@DB_SETTINGS
@given(data=st.data())
def test_action_form(org, risk, data):
    organisation_id = org.organisation.pk
    blank = ActionForm(organisation_id=organisation_id, instance=Action(risk=risk))
    form = ActionForm(
        draw_data(
            data,
            blank,
            base=ACTION_BASE,
        ),
        organisation_id=organisation_id,
        instance=Action(risk=risk),
    )
    if checked(form):
        assert form.cleaned_data["cost"] is None or form.cleaned_data["cost"] >= 0
        save_or_refuse(
            lambda: services.action_create(
                risk=risk, by=org.people["head"], **form.service_fields()
            )
        )


@DB_SETTINGS
@given(evaluation=st.one_of(any_text, st.none()))
def test_action_complete_form(org, risk, evaluation):
    action = services.action_create(
        risk=risk, by=org.people["head"], kind=ActionKind.CONTROL, description="Sandbags"
    )
    form = ActionCompleteForm({} if evaluation is None else {"evaluation": evaluation})
    if checked(form, Action):
        save_or_refuse(
            lambda: services.action_complete(
                action=action, by=org.people["head"], evaluation=form.cleaned_data["evaluation"]
            )
        )


ASSURANCE_BASE = {"line": "third", "source": "s", "given_on": "2026-01-31", "conclusion": "c"}


@DB_SETTINGS
@given(data=st.data())
def test_assurance_form(org, risk, data):
    control = services.action_create(
        risk=risk, by=org.people["head"], kind=ActionKind.CONTROL, description="Sandbags"
    )
    lines = ["third"]  # Internal Audit's
    form = AssuranceForm(
        draw_data(data, AssuranceForm(lines=lines), base=ASSURANCE_BASE), lines=lines
    )
    if checked(form, Assurance):
        save_or_refuse(
            lambda: assurance_record(control=control, by=org.people["audit"], **form.cleaned_data)
        )


@DB_SETTINGS
@given(data=st.data())
def test_review_form(org, risk, data):
    questions = questions_for(risk.register.tier)
    form = ReviewForm(
        draw_data(data, ReviewForm(questions=questions), base=review_base(questions)),
        questions=questions,
    )
    if checked(form, RiskReview):
        save_or_refuse(
            lambda: services.risk_review_record(
                risk=risk,
                by=org.people["head"],
                answers=form.answers(),
                notes=form.cleaned_data["notes"],
                bands=scheme_bands(scheme_id=org.organisation.scheme_id),
            )
        )


@DB_SETTINGS
@given(data=st.data())
def test_risk_report_form(org, data):
    blank = RiskReport(register=org.service_register)
    form = RiskReportForm(
        draw_data(data, RiskReportForm(instance=blank), base=REPORT_BASE), instance=blank
    )
    if checked(form):
        save_or_refuse(
            lambda: services.risk_report_submit(
                register=org.service_register, by=org.people["officer"], **form.service_fields()
            )
        )


@pytest.fixture
def report(org):
    return services.risk_report_submit(
        register=org.service_register,
        by=org.people["officer"],
        title="Lift failure",
        event="e",
        consequence="c",
        impact="i",
        category=PolicyCategory.PEOPLE,
    )


@DB_SETTINGS
@given(data=st.data())
def test_accept_report_form(org, report, data):
    organisation_id = org.organisation.pk
    form = AcceptReportForm(
        draw_data(data, AcceptReportForm(organisation_id=organisation_id)),
        organisation_id=organisation_id,
    )
    if checked(form):
        save_or_refuse(
            lambda: services.risk_report_accept(
                report=report, by=org.people["head"], owner=form.cleaned_data["owner"]
            )
        )


@DB_SETTINGS
@given(data=st.data())
def test_decline_report_form(org, report, data):
    form = DeclineReportForm(draw_data(data, DeclineReportForm()))
    if checked(form, RiskReport):
        save_or_refuse(
            lambda: services.risk_report_decline(
                report=report, by=org.people["head"], reason=form.cleaned_data["reason"]
            )
        )


@DB_SETTINGS
@given(data=st.data())
def test_register_settings_form(org, data):
    register = Register.objects.get(pk=org.service_register.pk)
    form = RegisterSettingsForm(
        draw_data(
            data,
            RegisterSettingsForm(instance=register),
            base=settings_base(org),
        ),
        instance=register,
    )
    if checked(form):
        assert 1 <= form.cleaned_data["review_interval_months"] <= 24
        save_or_refuse(
            lambda: services.register_update(
                register=org.service_register, by=org.people["head"], **form.service_fields()
            )
        )


def approval_form(org, data=None):
    register = org.service_register
    return RegisterApprovalForm(
        data,
        register=register,
        today=timezone.localdate(),
        approvers=register_approvers(register=register),
        unsigned=set(),
    )


@DB_SETTINGS
@given(data=st.data())
def test_register_approval_form(org, data):
    base = {
        "quarter": quarter_considered(timezone.localdate()).label,
        "decided_by": str(org.people["head"].pk),
        "decided_on": timezone.localdate().isoformat(),
        **{f"answer_{n}": "Considered." for n in range(1, 7)},
    }
    form = approval_form(org, draw_data(data, approval_form(org), base=base))
    if checked(form):
        save_or_refuse(
            lambda: register_approve(
                register=org.service_register,
                by=org.people["insurance"],
                decided_by=form.cleaned_data["decided_by"],
                quarter=form.cleaned_data["quarter"],
                answers=form.answers(),
                decided_on=form.cleaned_data["decided_on"],
            )
        )


# The import's forms ---------------------------------------------------------------------------


@DB_SETTINGS
@given(
    name=st.one_of(st.sampled_from(["risks.xlsx", "r.csv", "", "a" * 300]), any_text),
    content=st.one_of(
        st.binary(max_size=200),
        st.sampled_from([b"", b"\x00", b"PK\x03\x04junk", b"Title,Event\n<b>x</b>,=1+1\n"]),
    ),
)
def test_upload_form(name, content):
    files = {"file": SimpleUploadedFile(name or "x", content)} if name else {}
    form = UploadForm({}, files)
    if checked(form):
        try:
            read_table(data=form.cleaned_data["file"].read(), filename=name)
        except ImportFileError as error:
            assert str(error).strip()


@DB_SETTINGS
@given(
    headers=st.lists(st.one_of(any_text, st.none(), st.integers(), st.dates()), max_size=8),
    owners=st.lists(any_text, max_size=3, unique_by=lambda s: s.strip().casefold()),
    data=st.data(),
)
def test_mapping_form(org, headers, owners, data):
    kwargs = {
        "headers": headers,
        "header_row": 1,
        "row_count": 3,
        "samples": {},
        "unmatched_owners": owners,
        "people": organisation_people(organisation_id=org.organisation.pk),
    }
    blank = MappingForm(**kwargs)
    base = {"header_row": "1", **{name: "none" for name in blank.owner_names}}
    if headers:
        base["column_0"] = "title"
    form = MappingForm(draw_data(data, blank, base=base), **kwargs)
    if checked(form):
        mapping = form.mapping()
        assert "title" in mapping.values()
        assert len(set(mapping.values())) == len(mapping)
        for person in form.owner_choices().values():
            assert person is None or isinstance(person, int)


# Escalation -----------------------------------------------------------------------------------


def evaluation_for(risk):
    receiving = risk.register.escalates_to
    return escalation_selectors.evaluate_risk(
        risk=risk,
        checklist=escalation_selectors.checklist_for(receiving=receiving),
        bands=escalation_selectors.bands_for(risk),
        today=date.today(),
    )


@DB_SETTINGS
@given(data=st.data())
def test_proposal_form(org, risk, data):
    evaluation = evaluation_for(risk)
    form = ProposalForm(draw_data(data, ProposalForm(evaluation=evaluation)), evaluation=evaluation)
    if checked(form, Proposal):
        for note in form.ticks().values():
            assert note and "\x00" not in note
        save_or_refuse(
            lambda: proposal_create(
                risk=risk, by=org.people["head"], ticks=form.ticks(), case=form.cleaned_data["case"]
            )
        )


@pytest.fixture
def proposal(org, risk):
    return proposal_create(
        risk=risk,
        by=org.people["head"],
        ticks={2: "A statutory duty is at stake", 3: "Needs the directorate's budget"},
    )


@DB_SETTINGS
@given(data=st.data())
def test_decision_form(org, proposal, data):
    to_register = proposal.to_register
    form = DecisionForm(
        draw_data(data, DecisionForm(to_register=to_register)), to_register=to_register
    )
    if checked(form, Proposal):
        save_or_refuse(
            lambda: proposal_decide(
                proposal=proposal,
                by=org.people["director"],
                accept=form.accept,
                reason=form.cleaned_data["reason"],
            )
        )


@DB_SETTINGS
@given(data=st.data())
def test_withdraw_form(org, proposal, data):
    form = WithdrawForm(draw_data(data, WithdrawForm()))
    if checked(form, Proposal):
        save_or_refuse(
            lambda: proposal_withdraw(
                proposal=proposal, by=org.people["head"], reason=form.cleaned_data["reason"]
            )
        )


@DB_SETTINGS
@given(data=st.data())
def test_de_escalate_form(org, data):
    risk = RiskFactory(register=org.directorate_register, owner=org.people["director"])
    targets = escalation_selectors.de_escalation_targets(risk=risk)
    base = {"to_register": str(targets[0].pk), "reason": "Back where it came from"}
    form = DeEscalateForm(
        draw_data(data, DeEscalateForm(targets=targets), base=base), targets=targets
    )
    if checked(form, RiskMovement):
        assert form.cleaned_data["to_register"] in targets
        save_or_refuse(
            lambda: risk_de_escalate(
                risk=risk,
                to_register=form.cleaned_data["to_register"],
                by=org.people["director"],
                reason=form.cleaned_data["reason"],
            )
        )


# Reports --------------------------------------------------------------------------------------


def years():
    return st.one_of(
        st.integers(min_value=0, max_value=9999).map(lambda y: f"{y:04d}/{(y + 1) % 100:02d}"),
        st.sampled_from(["2026/27", "2026/28", "٢٠٢٦/٢٧", "0000/01", "9999/00", "2026"]),
        st.sampled_from(["0000/01", "0001/02", "9999/00"]),
        any_text,
    )


@DB_SETTINGS
@given(data=st.data())
def test_committee_narrative_form(org, data):
    form = CommitteeNarrativeForm(
        draw_data(data, CommitteeNarrativeForm(), base=NARRATIVE_BASE, year=years())
    )
    if checked(form, CommitteeNarrative):
        save_or_refuse(
            lambda: committee_introduction_save(
                organisation=org.organisation,
                year=form.cleaned_data["year"],
                introduction=form.cleaned_data["introduction"],
                version=form.cleaned_data["version"],
                by=org.people["insurance"],
            )
        )


@DB_SETTINGS
@given(data=st.data())
def test_committee_opinion_form(org, data):
    form = CommitteeOpinionForm(
        draw_data(data, CommitteeOpinionForm(), base=OPINION_BASE, year=years())
    )
    if checked(form, CommitteeNarrative):
        save_or_refuse(
            lambda: committee_opinion_save(
                organisation=org.organisation,
                year=form.cleaned_data["year"],
                opinion=form.cleaned_data["opinion"],
                version=form.cleaned_data["version"],
                by=org.people["audit"],
            )
        )


@pytest.mark.parametrize("year", ["0000/01", "0001/02", "9999/00"])
def test_a_narrative_for_a_year_outside_the_calendar_is_refused(year):
    """Found by the property above: these years parse but have no quarters (date(0, 4, 1))."""
    form = CommitteeNarrativeForm(
        {"year": year, "variant": "public", "version": "0", "introduction": "x"}
    )
    assert not form.is_valid()
    assert form.errors["year"]


# Through the views ----------------------------------------------------------------------------


def ledger() -> dict:
    """Everything a refused form must leave as it was."""
    return {
        "risks": list(Risk.objects.order_by("pk").values_list("pk", "version", "status")),
        "risk_history": Risk.history.count(),
        "actions": list(Action.objects.order_by("pk").values_list("pk", "status")),
        "reviews": RiskReview.objects.count(),
        "reports": list(RiskReport.objects.order_by("pk").values_list("pk", "status")),
        "proposals": list(Proposal.objects.order_by("pk").values_list("pk", "status")),
        "movements": RiskMovement.objects.count(),
        "registers": list(
            Register.objects.order_by("pk").values_list("pk", "name", "review_interval_months")
        ),
        "narratives": CommitteeNarrative.objects.count(),
    }


def post_anything(client, user, url, data) -> None:
    """POST ``data``; never a server error; when the form is refused (no redirect) nothing
    is written. Every example is rolled back, so the next starts from the same database."""
    client.force_login(user)

    def post():
        before = ledger()
        response = client.post(url, data)
        event(f"status {response.status_code}")
        assert response.status_code < 500
        if response.status_code != 302:
            assert ledger() == before
        return response

    rolled_back(post)


VIEW_CASES = [
    "risk-create",
    "risk-edit",
    "risk-close",
    "action-create",
    "risk-review",
    "report-create",
    "register-settings",
    "proposal-create",
    "committee-narrative",
    "committee-opinion",
    "assurance-create",
]


@pytest.mark.parametrize("view", VIEW_CASES)
@settings(DB_SETTINGS, max_examples=12)
@given(data=st.data())
def test_posting_anything_to_a_form_view(client, org, risk, view, data):
    officer, head = org.people["officer"], org.people["head"]
    register = org.service_register
    if view == "risk-create":
        user, url = head, reverse("registers:risk-create", args=[register.pk])
        posted = draw_data(data, risk_form(org), base=risk_base(org), **SCORE_OVERRIDES)
    elif view == "risk-edit":
        user, url = officer, reverse("registers:risk-edit", args=[risk.pk])
        posted = draw_data(
            data,
            risk_form(org, instance=risk),
            base=risk_base(org, risk),
            **SCORE_OVERRIDES,
            version=st.sampled_from([str(risk.version), "0"]),
        )
    elif view == "risk-close":
        user, url = officer, reverse("registers:risk-close", args=[risk.pk])
        posted = draw_data(data, RiskCloseForm())
    elif view == "action-create":
        user, url = officer, reverse("registers:action-create", args=[risk.pk])
        posted = draw_data(
            data,
            ActionForm(organisation_id=org.organisation.pk, instance=Action(risk=risk)),
            base=ACTION_BASE,
        )
    elif view == "risk-review":
        user, url = officer, reverse("registers:risk-review", args=[risk.pk])
        questions = questions_for(register.tier)
        posted = draw_data(data, ReviewForm(questions=questions), base=review_base(questions))
    elif view == "report-create":
        user, url = officer, reverse("registers:report-create", args=[register.pk])
        blank = RiskReport(register=register)
        posted = draw_data(data, RiskReportForm(instance=blank), base=REPORT_BASE)
    elif view == "register-settings":
        user, url = head, reverse("registers:register-settings", args=[register.pk])
        posted = draw_data(data, RegisterSettingsForm(instance=register), base=settings_base(org))
    elif view == "proposal-create":
        user, url = head, reverse("escalation:proposal-create", args=[risk.pk])
        posted = draw_data(data, ProposalForm(evaluation=evaluation_for(risk)))
    elif view == "assurance-create":
        control = Action.objects.create(risk=risk, kind=ActionKind.CONTROL, description="c")
        user, url = org.people["audit"], reverse("registers:assurance-create", args=[control.pk])
        posted = draw_data(data, AssuranceForm(lines=["third"]), base=ASSURANCE_BASE)
    elif view == "committee-opinion":
        user, url = org.people["audit"], reverse("reports:committee-opinion")
        posted = draw_data(
            data,
            CommitteeOpinionForm(),
            base=OPINION_BASE,
            year=years(),
            variant=st.sampled_from(VARIANTS),
        )
    else:
        user, url = org.people["insurance"], reverse("reports:committee-narrative")
        # A valid variant with a year outside the calendar once showed the page again (500).
        posted = draw_data(
            data,
            CommitteeNarrativeForm(),
            base=NARRATIVE_BASE,
            year=years(),
            variant=st.sampled_from(VARIANTS),
        )
    post_anything(client, user, url, posted)


@pytest.mark.parametrize("text", ["a\x00b", "\x00"])
def test_nul_in_risk_text_is_refused_not_a_server_error(client, org, text):
    """PostgreSQL cannot store NUL in text: the form refuses it before the database sees it."""
    client.force_login(org.people["head"])
    before = ledger()
    response = client.post(
        reverse("registers:risk-create", args=[org.service_register.pk]),
        {
            "title": text,
            "event": text,
            "consequence": "c",
            "impact": "i",
            "category": PolicyCategory.FINANCE,
            "owner": org.people["officer"].pk,
            "inherent_likelihood": 3,
            "inherent_impact": 3,
            "residual_likelihood": 2,
            "residual_impact": 2,
            "horizon": "medium",
        },
    )
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert ledger() == before


# Query strings: the register page's filter form, and every page that reads ?parameters ---

QUERY_VALUES = st.one_of(
    any_text,
    st.sampled_from(["²", "٣", "-1", "0", "2026/27", "2026/27 Q2", "0000/01 Q1", "full"]),
)


def query_for(names) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional={name: QUERY_VALUES for name in names})


REGISTER_PARAMETERS = [
    *RegisterRiskFilter.base_filters,
    "sort",
    "page",
]


@DB_SETTINGS
@given(
    query=query_for(REGISTER_PARAMETERS),
    view=st.sampled_from(["register-detail", "register-export", "register-export-xlsx"]),
)
def test_any_query_on_the_register_page_and_its_exports(client, org, risk, query, view):
    client.force_login(org.people["head"])
    url = reverse(f"registers:{view}", args=[org.service_register.pk])
    assert client.get(url, query).status_code < 500


# The admin's scheme bands ---------------------------------------------------------------------

BAND_FIELDS = ("key", "label", "floor", "colour", "within_appetite", "owner_seniority")


@DB_SETTINGS
@given(
    bands=st.lists(
        st.fixed_dictionaries(
            {
                "key": st.one_of(st.sampled_from(["green", "amber", "red"]), any_text),
                "label": any_text,
                "floor": st.one_of(st.integers(min_value=-2, max_value=30).map(str), any_text),
                "colour": st.sampled_from(["#00ff00", "red", "", "#GGGGGG"]),
                "within_appetite": st.sampled_from(["on", ""]),
                "owner_seniority": st.one_of(st.integers(-1, 6).map(str), any_text),
            },
            optional={"DELETE": st.sampled_from(["on", ""])},
        ),
        max_size=4,
    )
)
def test_scheme_band_formset(org, bands):
    scheme = org.organisation.scheme
    formset_class = inlineformset_factory(
        Scheme, SchemeBand, formset=SchemeBandFormSet, fields=BAND_FIELDS, extra=0
    )
    prefix = formset_class.get_default_prefix()
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(bands)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, band in enumerate(bands):
        data.update({f"{prefix}-{index}-{name}": value for name, value in band.items()})
    formset = formset_class(data, instance=Scheme(pk=None, name="Copy"))
    if formset.is_valid():
        kept = [f.cleaned_data for f in formset.forms if not f.cleaned_data.get("DELETE")]
        floors = sorted(band["floor"] for band in kept)
        assert floors and floors[0] == 1 and floors[-1] <= 25
        for form in formset.forms:
            assert_fits_model(form, SchemeBand)
    else:
        assert formset.non_form_errors() or any(form.errors for form in formset.forms)
        for form in formset.forms:
            assert_errors_explained(form)
    assert scheme.bands.exists()  # the organisation's own scheme is untouched

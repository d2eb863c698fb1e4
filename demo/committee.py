"""The demo's quarter in progress and its last full year, as the policy runs them: a risk owner's
proposal to take a corporate risk off the register, waiting for SLT's next meeting, and the
last full year's committee report with the Insurance Manager's introduction and Internal
Audit's independent opinion. Made through the services, so every rule and record applies."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from escalation.closures import closure_propose
from escalation.models import Proposal, ProposalKind
from escalation.notify import without_email
from registers.history import history_aware_update, history_redate
from registers.models import Organisation, Risk, Tier
from registers.periods import Quarter, year_label
from reports.committee import committee_introduction_save, committee_opinion_save
from reports.models import CommitteeNarrative

CLOSURE_TITLE = "Economic downturn"
CLOSURE_REASON = (
    "Inflation has been close to the 2% target for three quarters and business rates income "
    "has held up against the budget. What remains of the risk (demand for welfare support, the "
    "local jobs market) is managed on the Regeneration and Economy directorate register, so I "
    "propose taking it off the corporate register."
)

INTRODUCTION = (
    "This report looks back on the corporate risk register in {year}: how it moved quarter by "
    "quarter, the risks that came onto it and went off it, and how well the process ran. SLT "
    "reviewed and approved the register every quarter; the Section 151 Officer oversaw it "
    "before each review. Two risks are exempt from publication and are reported to members in "
    "the confidential appendix."
)
OPINION = (
    "On the basis of the work Internal Audit carried out in {year}, including a review of the "
    "risk management framework and testing of the controls recorded against four corporate "
    "risks, my opinion is that the council's risk management and control environment is "
    "adequate. Risks are identified, scored and owned at the right level, and SLT considers "
    "the corporate register every quarter. Two areas need attention: reviews of directorate "
    "risks slipped in the winter quarters, and some actions have no measurable target date. "
    "Management has agreed actions on both, which we will follow up in {next_year}."
)


def load_closure_proposal(*, organisation: Organisation, today: date) -> int:
    """A corporate risk's owner proposes, a few days ago, to take it off the register: the
    change waits for SLT at the quarter's meeting. Once; returns how many were made."""
    open_closures = Proposal.objects.filter(
        kind=ProposalKind.CLOSURE, to_register__organisation=organisation
    )
    if open_closures.exists():
        return 0
    risk = (
        Risk.objects.open()
        .filter(
            register__organisation=organisation,
            register__tier=Tier.CORPORATE,
            title=CLOSURE_TITLE,
        )
        .select_related("register", "owner")
        .first()
    )
    if risk is None or risk.owner is None:
        return 0
    with without_email():
        proposal = closure_propose(risk=risk, by=risk.owner, reason=CLOSURE_REASON)
    # Proposed within the quarter SLT is about to consider, a few days before today.
    days = min(5, (today - Quarter.containing(today).start).days)
    proposed_at = proposal.proposed_at - timedelta(days=days)
    rows = {"pk": proposal.pk}
    history_aware_update(Proposal, rows, proposed_at=proposed_at)
    history_redate(Proposal, rows, when=proposed_at, history_type="+")
    proposal.notifications.update(created_at=proposed_at)
    return 1


def load_committee_words(*, organisation: Organisation, today: date) -> int:
    """The last full year's committee report words: the Insurance Manager's introduction and
    Internal Audit's opinion. Once; returns how many narratives were made."""
    year = Quarter.containing(today).year - 1
    if CommitteeNarrative.objects.filter(organisation=organisation, year=year).exists():
        return 0
    people = get_user_model().objects.filter(profile__organisation=organisation)
    insurance = people.filter(username="insurance.manager").first()
    audit = people.filter(username="internal.audit").first()
    if insurance is None or audit is None:
        return 0
    narrative = committee_introduction_save(
        organisation=organisation,
        year=year,
        introduction=INTRODUCTION.format(year=year_label(year)),
        version=0,
        by=insurance,
    )
    committee_opinion_save(
        organisation=organisation,
        year=year,
        opinion=OPINION.format(year=year_label(year), next_year=year_label(year + 1)),
        version=narrative.version,
        by=audit,
    )
    return 1

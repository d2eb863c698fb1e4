"""Who may see and change what, decided here and only here (never in templates).

Viewing (docs/domain.md#who-may-see-what):
- the corporate register: every signed-in member of the organisation;
- a directorate register, and a project register the directorate holds itself: people of that
  directorate and its services;
- a service register, and a project register a service holds: that service's people and the
  directorate's leadership (Director level and above in the directorate);
- everything: SLT, the Insurance Manager, the S151 and Monitoring Officers, Internal Audit and
  superusers; and anyone sees a register they own or lead the review of.
Owning a risk, or an action on one, opens that risk (and its actions), not the register it is
on: the rest of a register is its people's business, and a risk's owner may sit elsewhere.

Changing (docs/domain.md#who-may-change-what):
- a risk (edit, review, close, its actions): its owner, its register's owner, the Insurance
  Manager; an action also its own owner;
- closing a corporate risk outright: the register's owner (who chairs SLT) or the Insurance
  Manager recording SLT's decision, never the risk's own owner; the risk's owner and any
  other member of SLT propose the closure instead (docs/domain.md#closing-a-corporate-risk);
- proposing a new corporate risk: any member of SLT (docs/domain.md#new-corporate-risks);
- a register's settings and the risks reported to it: its owner and the Insurance Manager;
- the organisation's categories of risk: the Insurance Manager;
- approving a register: its owner, the corporate register also any member of SLT; the
  Insurance Manager records an approval on their behalf, never in their own name
  (docs/domain.md#register-approval);
- the oversight of the corporate register: the Section 151 Officer;
- reporting a new risk: anyone who can see the register;
- opening a project, programme, partnership or shared-service register in a directorate, and
  closing one: the directorate's director and the Insurance Manager
  (docs/domain.md#opening-and-closing-a-register);
- a closed register: nobody changes it, approves it, circulates it or adds risks to it;
- circulating a register's draft pack before its meeting: its owner, its review lead and the
  Insurance Manager;
- Internal Audit and committee members change nothing, whatever else they are, with one
  exception: Internal Audit records third-line assurance over a control, and nothing else;
- assurance over a control (docs/domain.md#controls-and-assurance): first line its owner, the
  risk's owner, the register's owner and the Insurance Manager; second line the Insurance
  Manager; third line Internal Audit alone.

Cabinet portfolios (docs/domain.md#cabinet-portfolios): a Cabinet member reads the key risks
of their own portfolio and nothing else; those who see every register read every portfolio of
their organisation; the Insurance Manager keeps portfolios and what is in them.

Reading the risks reported to a register: their reporter, those who decide on them, and
Internal Audit, which reads everything (docs/domain.md#roles).

The risk appetite (docs/domain.md#appetite-by-category): every member of an organisation reads
its statements; its Insurance Manager drafts the next one; SLT approves it, or the Insurance
Manager records SLT's approval on its behalf.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from registers import roles
from registers.models import (
    Action,
    ActionKind,
    AssuranceLine,
    Directorate,
    Portfolio,
    Register,
    Risk,
    Tier,
)
from scoring.matrix import Seniority


def _profile(user):
    return getattr(user, "profile", None)


def role_names(user: AbstractBaseUser) -> set[str]:
    """The user's roles (group names), fetched once per user object."""
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        user._role_names = names
    return names


def sees_everything(user: AbstractBaseUser) -> bool:
    return user.is_superuser or bool(role_names(user) & set(roles.SEE_EVERY_REGISTER))


def is_read_only(user: AbstractBaseUser) -> bool:
    """Internal Audit and committee members read; they never change anything."""
    if not user.is_authenticated:
        return True
    return not user.is_superuser and bool(role_names(user) & set(roles.READ_ONLY))


def is_insurance_manager(user: AbstractBaseUser) -> bool:
    return user.is_superuser or roles.INSURANCE_MANAGER in role_names(user)


def visible_registers(user: AbstractBaseUser) -> QuerySet[Register]:
    """Registers the user may open, as one queryset (no per-row checks)."""
    if not user.is_authenticated:
        return Register.objects.none()
    if user.is_superuser:
        return Register.objects.all()
    profile = _profile(user)
    if profile is None:
        return Register.objects.filter(owner=user)
    in_organisation = Register.objects.filter(organisation_id=profile.organisation_id)
    if sees_everything(user):
        return in_organisation
    rule = Q(tier=Tier.CORPORATE) | Q(owner=user) | Q(review_lead=user)
    if profile.directorate_id:
        # The directorate's own registers: its register and the projects it holds itself.
        rule |= Q(
            tier__in=[Tier.DIRECTORATE, Tier.PROJECT],
            directorate_id=profile.directorate_id,
            service__isnull=True,
        )
        if profile.seniority >= Seniority.DIRECTOR:
            rule |= Q(directorate_id=profile.directorate_id)
    if profile.service_id:
        rule |= Q(service_id=profile.service_id)
    return in_organisation.filter(rule)


def visible_risks(user: AbstractBaseUser) -> QuerySet[Risk]:
    """Risks the user may open, as one queryset: ``can_view_risk`` for many risks at once
    (those on registers they may see, those they own, those they own an action on)."""
    if not user.is_authenticated:
        return Risk.objects.none()
    own_actions = Action.objects.filter(owner_id=user.pk).values("risk_id")
    return Risk.objects.filter(
        Q(register__in=visible_registers(user)) | Q(owner_id=user.pk) | Q(pk__in=own_actions)
    )


def sees_every_register_of(user: AbstractBaseUser, organisation_id: int) -> bool:
    """Whether the person may open every register of the organisation: a superuser, or a role
    that sees every register of their own organisation (``visible_registers``' first rules)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    profile = _profile(user)
    return (
        profile is not None and profile.organisation_id == organisation_id and sees_everything(user)
    )


def visible_risks_in(user: AbstractBaseUser, organisation_id: int) -> QuerySet[Risk]:
    """``visible_risks`` within one organisation. For someone who may open every register of
    it, simply its risks: the same set, without asking of each risk whether its register is
    visible, it is theirs or they own one of its actions, which on a large organisation is a
    test of every row that the database cannot answer from an index."""
    if sees_every_register_of(user, organisation_id):
        return Risk.objects.filter(organisation_id=organisation_id)
    return visible_risks(user).filter(organisation_id=organisation_id)


def visible_risks_of_organisation(user: AbstractBaseUser) -> QuerySet[Risk]:
    """``visible_risks``, the same risks, asked so that the database can read them in register
    order: for someone whose role sees every register of their organisation, its risks, named
    by the organisation of each risk and of its register (from the register-name index, a
    search reads an organisation's registers in name order and stops at the 100th risk found,
    where three conditions on every risk made it test and sort them all). Everyone else, a
    superuser among them, as ``visible_risks``."""
    profile = _profile(user) if user.is_authenticated else None
    if (
        profile is None
        or user.is_superuser
        or not sees_every_register_of(user, profile.organisation_id)
    ):
        return visible_risks(user)
    organisation = profile.organisation_id
    return Risk.objects.filter(organisation_id=organisation, register__organisation_id=organisation)


def can_view_register(user: AbstractBaseUser, register: Register) -> bool:
    """Remembered on the user object: a page asks this several times in one request."""
    answers = user.__dict__.setdefault("_can_view_register", {})
    if register.pk not in answers:
        answers[register.pk] = _plainly_visible(user, register) or (
            visible_registers(user).filter(pk=register.pk).exists()
        )
    return answers[register.pk]


def _plainly_visible(user: AbstractBaseUser, register: Register) -> bool:
    """True when one of ``visible_registers``' first rules admits the register on what is
    already in hand (no query): each case below is one of its disjuncts, word for word. False
    means "ask the database", never "refused"."""
    if sees_every_register_of(user, register.organisation_id):
        return True
    profile = _profile(user) if user.is_authenticated else None
    if profile is None or register.organisation_id != profile.organisation_id:
        return False
    return register.tier == Tier.CORPORATE or user.pk in (
        register.owner_id,
        register.review_lead_id,
    )


def can_view_risk(user: AbstractBaseUser, risk: Risk) -> bool:
    """A risk is visible with its register, and always to its owner and its actions' owners
    (someone in another service asked to carry out an action must be able to see why)."""
    return (
        risk.owner_id == user.pk
        or can_view_register(user, risk.register)
        or risk.actions.filter(owner_id=user.pk).exists()
    )


def can_change_register(user: AbstractBaseUser, register: Register) -> bool:
    """Change a register's settings, add and import risks, decide risks reported to it. A
    closed register changes no more."""
    if is_read_only(user) or register.is_closed:
        return False
    return register.owner_id == user.pk or (
        is_insurance_manager(user) and can_view_register(user, register)
    )


def can_read_reports(user: AbstractBaseUser, register: Register) -> bool:
    """See the risks reported to ``register`` (deciding needs ``can_change_register``)."""
    if can_change_register(user, register):
        return True
    audits = user.is_authenticated and roles.INTERNAL_AUDIT in role_names(user)
    return audits and can_view_register(user, register)


def can_change_risk(user: AbstractBaseUser, risk: Risk) -> bool:
    """Edit, review or close an open risk and manage its actions."""
    if is_read_only(user) or not risk.is_open:
        return False
    if user.pk in (risk.owner_id, risk.register.owner_id):
        return True
    return is_insurance_manager(user) and can_view_register(user, risk.register)


def decides_for_slt(user: AbstractBaseUser, register: Register) -> bool:
    """Take a decision on the corporate register as SLT: its owner (the Chief Executive), any
    member of SLT in the organisation, or the Insurance Manager recording SLT's decision."""
    if register.tier != Tier.CORPORATE or is_read_only(user):
        return False
    if register.owner_id == user.pk or user.is_superuser:
        return True
    profile = _profile(user)
    in_organisation = profile is not None and profile.organisation_id == register.organisation_id
    return in_organisation and (roles.SLT in role_names(user) or is_insurance_manager(user))


def is_slt_member(user: AbstractBaseUser, register: Register) -> bool:
    """A member of SLT of the register's organisation, who may act for nobody read-only."""
    profile = _profile(user)
    return (
        user.is_authenticated
        and not is_read_only(user)
        and profile is not None
        and profile.organisation_id == register.organisation_id
        and roles.SLT in role_names(user)
    )


def can_propose_corporate_risk(user: AbstractBaseUser, register: Register) -> bool:
    """Propose a new risk for the corporate register, for SLT to decide: any member of SLT,
    who "scan the horizon for new risks" (docs/domain.md#new-corporate-risks). The register's
    owner may also add one directly (``can_change_register``)."""
    return register.tier == Tier.CORPORATE and is_slt_member(user, register)


def can_close_risk(user: AbstractBaseUser, risk: Risk) -> bool:
    """Close an open risk outright, with a reason. Below the corporate register whoever may
    change the risk. On the corporate register only SLT's decision closes a risk: outright,
    as the record of a decision SLT took in its meeting, by the register's owner (the Chief
    Executive, who chairs SLT) or the Insurance Manager recording it; never by the risk's own
    owner. Any other member of SLT proposes the closure, and another member decides it, so
    that no corporate risk comes off on one member's word
    (docs/domain.md#closing-a-corporate-risk)."""
    if risk.register.tier != Tier.CORPORATE:
        return can_change_risk(user, risk)
    register = risk.register
    if not risk.is_open or risk.owner_id == user.pk or not decides_for_slt(user, register):
        return False
    if register.owner_id == user.pk or user.is_superuser:
        return True
    return roles.SLT not in role_names(user)  # the Insurance Manager, recording


def can_change_action(user: AbstractBaseUser, action) -> bool:
    """An action can also be updated and completed by the person who owns it."""
    if is_read_only(user) or not action.risk.is_open:
        return False
    return action.owner_id == user.pk or can_change_risk(user, action.risk)


def assurance_lines(user: AbstractBaseUser, control: Action) -> list[str]:
    """The lines of assurance ``user`` may record over ``control``, a control in place on an
    open risk (docs/domain.md#controls-and-assurance): empty for everyone else.

    - third line: Internal Audit, on a risk it may see; it records this and nothing else, so
      neither first nor second line even where it owns something;
    - first line (management): the control's owner, the risk's owner, the register's owner,
      and the Insurance Manager recording it for them;
    - second line (risk and compliance functions): the Insurance Manager."""
    risk = control.risk
    if control.kind != ActionKind.CONTROL or not risk.is_open or not user.is_authenticated:
        return []
    if roles.INTERNAL_AUDIT in role_names(user) and not user.is_superuser:
        return [AssuranceLine.THIRD] if can_view_register(user, risk.register) else []
    if is_read_only(user):
        return []
    lines = []
    manages = user.pk in (control.owner_id, risk.owner_id, risk.register.owner_id)
    insurance = is_insurance_manager(user) and can_view_register(user, risk.register)
    if manages or insurance:
        lines.append(AssuranceLine.FIRST)
    if insurance:
        lines.append(AssuranceLine.SECOND)
    return lines


def can_record_assurance(user: AbstractBaseUser, control: Action, line: str | None = None) -> bool:
    """Record assurance over ``control``: in ``line``, or in any line when none is given."""
    lines = assurance_lines(user, control)
    return line in lines if line else bool(lines)


def can_report_risk(user: AbstractBaseUser, register: Register) -> bool:
    """Any colleague who can see a register may report a new risk to it, unless it is closed."""
    return not is_read_only(user) and not register.is_closed and can_view_register(user, register)


def people_search_organisation(user: AbstractBaseUser, organisation_id: int | None) -> int | None:
    """The organisation whose people the user may search to choose an owner, or None: anyone
    who may change something chooses among their own organisation's people (a superuser,
    among any organisation's); Internal Audit and committee members choose nobody."""
    if is_read_only(user):
        return None
    if user.is_superuser and organisation_id is not None:
        return organisation_id
    profile = _profile(user)
    return profile.organisation_id if profile is not None else None


def may_approve_register(user: AbstractBaseUser, register: Register) -> bool:
    """Approve a register's review in one's own name ("at the right level of management"):
    its owner; the corporate register also any member of SLT of its organisation. The
    Insurance Manager records approvals, never gives them (docs/domain.md#register-approval)."""
    if not user.is_authenticated or is_read_only(user) or not user.is_active:
        return False
    if register.is_closed:
        return False
    if register.owner_id == user.pk:
        return True
    profile = _profile(user)
    return (
        register.tier == Tier.CORPORATE
        and profile is not None
        and profile.organisation_id == register.organisation_id
        and roles.SLT in role_names(user)
    )


def can_record_approval(user: AbstractBaseUser, register: Register) -> bool:
    """Record an approval on the approver's behalf: the Insurance Manager."""
    return (
        not is_read_only(user)
        and not register.is_closed
        and is_insurance_manager(user)
        and can_view_register(user, register)
    )


def can_open_approval(user: AbstractBaseUser, register: Register) -> bool:
    """Open a register's approval page: those who approve it and the Insurance Manager."""
    return may_approve_register(user, register) or can_record_approval(user, register)


def directs(user: AbstractBaseUser, directorate_id: int | None) -> bool:
    """Whether the user leads the directorate: placed in it at Director level or above (how
    the product knows a directorate's director, docs/domain.md#registers-and-tiers)."""
    profile = _profile(user)
    return (
        directorate_id is not None
        and profile is not None
        and profile.directorate_id == directorate_id
        and profile.seniority >= Seniority.DIRECTOR
    )


def can_open_register(user: AbstractBaseUser, directorate: Directorate) -> bool:
    """Open a project, programme, partnership or shared-service register in ``directorate``:
    its director and the Insurance Manager of its organisation."""
    if not user.is_authenticated or is_read_only(user):
        return False
    if user.is_superuser:
        return True
    profile = _profile(user)
    if profile is None or profile.organisation_id != directorate.organisation_id:
        return False
    return roles.INSURANCE_MANAGER in role_names(user) or directs(user, directorate.pk)


def directorates_to_open_in(user: AbstractBaseUser) -> QuerySet[Directorate]:
    """The directorates in which the user may open registers (``can_open_register`` for many
    directorates at once)."""
    if not user.is_authenticated or is_read_only(user):
        return Directorate.objects.none()
    if user.is_superuser:
        return Directorate.objects.all()
    profile = _profile(user)
    if profile is None:
        return Directorate.objects.none()
    in_organisation = Directorate.objects.filter(organisation_id=profile.organisation_id)
    if roles.INSURANCE_MANAGER in role_names(user):
        return in_organisation
    if directs(user, profile.directorate_id):
        return in_organisation.filter(pk=profile.directorate_id)
    return Directorate.objects.none()


def can_close_register(user: AbstractBaseUser, register: Register) -> bool:
    """Close an open project, programme, partnership or shared-service register: whoever may
    open one in its directorate. The corporate, directorate and service registers are the
    structure of the organisation and never close."""
    if register.tier != Tier.PROJECT or register.is_closed:
        return False
    return can_open_register(user, register.directorate)


def can_circulate_register(user: AbstractBaseUser, register: Register) -> bool:
    """Circulate the register's draft pack to its leadership team before the review meeting:
    its owner, its review lead and the Insurance Manager (docs/domain.md#register-packs)."""
    if is_read_only(user) or register.is_closed:
        return False
    if user.pk in (register.owner_id, register.review_lead_id):
        return True
    return is_insurance_manager(user) and can_view_register(user, register)


def can_review_as_s151(user: AbstractBaseUser) -> bool:
    """Record the oversight of the corporate register: the Section 151 Officer."""
    if not user.is_authenticated or is_read_only(user):
        return False
    return roles.S151_OFFICER in role_names(user)


def visible_portfolios(user: AbstractBaseUser) -> QuerySet[Portfolio]:
    """The portfolios the user may read: their own, or every one of their organisation for
    those who see every register (docs/domain.md#cabinet-portfolios)."""
    if not user.is_authenticated:
        return Portfolio.objects.none()
    if user.is_superuser:
        return Portfolio.objects.all()
    profile = _profile(user)
    if profile is not None and sees_everything(user):
        return Portfolio.objects.filter(organisation_id=profile.organisation_id)
    return Portfolio.objects.filter(holder=user)


def can_view_portfolio(user: AbstractBaseUser, portfolio: Portfolio) -> bool:
    """Its Cabinet member, and those who see every register of its organisation."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or portfolio.holder_id == user.pk:
        return True
    profile = _profile(user)
    return (
        profile is not None
        and profile.organisation_id == portfolio.organisation_id
        and sees_everything(user)
    )


def can_change_portfolios(user: AbstractBaseUser) -> bool:
    """The Insurance Manager keeps the portfolios and the registers in each, in their own
    organisation; nobody read-only does."""
    if not user.is_authenticated or is_read_only(user):
        return False
    return user.is_superuser or (
        roles.INSURANCE_MANAGER in role_names(user) and _profile(user) is not None
    )


def may_open_portfolios(user: AbstractBaseUser) -> bool:
    """Whether the reports page offers the portfolios: to Cabinet members, those who see every
    register and the Insurance Manager. From the person's roles alone (no query for the
    portfolios themselves): the list says when there is none."""
    if not user.is_authenticated:
        return False
    return (
        sees_everything(user)
        or roles.CABINET_MEMBER in role_names(user)
        or can_change_portfolios(user)
    )


def can_change_categories(user: AbstractBaseUser) -> bool:
    """Keep the categories of risk of one's own organisation (add, rename, reorder, retire,
    docs/domain.md#categories): the Insurance Manager, and a superuser placed in an
    organisation; nobody read-only."""
    if not user.is_authenticated or is_read_only(user) or _profile(user) is None:
        return False
    return is_insurance_manager(user)


# The risk appetite (docs/domain.md#risk-appetite) ------------------------------------------


def appetite_organisation_id(user: AbstractBaseUser) -> int | None:
    """The organisation whose appetite statements the user reads and writes: their own."""
    profile = _profile(user) if user.is_authenticated else None
    return profile.organisation_id if profile is not None else None


def can_read_appetite(user: AbstractBaseUser) -> bool:
    """Every member of an organisation reads its appetite statements: its risk pages cite them."""
    return appetite_organisation_id(user) is not None


def can_draft_appetite(user: AbstractBaseUser) -> bool:
    """Draft and edit the next statement: the Insurance Manager of the organisation."""
    return (
        appetite_organisation_id(user) is not None
        and not is_read_only(user)
        and roles.INSURANCE_MANAGER in role_names(user)
    )


def may_approve_appetite(user: AbstractBaseUser) -> bool:
    """Approve a statement in one's own name: a member of SLT, which sets the appetite."""
    return (
        appetite_organisation_id(user) is not None
        and user.is_active
        and not is_read_only(user)
        and roles.SLT in role_names(user)
    )


def can_open_appetite_approval(user: AbstractBaseUser) -> bool:
    """The approval page: SLT, and the Insurance Manager recording SLT's decision."""
    return may_approve_appetite(user) or can_draft_appetite(user)

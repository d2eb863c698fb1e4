"""Law, Governance and Communities: the demo council's directorate register for it, its services'
registers and their projects' registers, as data (read by ``demo.loader``)."""

from __future__ import annotations

from demo.council.seeds import action, control
from demo.types import DirectorateSeed, RiskSeed, ServiceSeed

_LEGAL_SERVICES_RISKS = (
    RiskSeed(
        title="Care proceedings capacity",
        event=(
            "If the number of care proceedings stays high and the childcare team cannot keep to "
            "court timetables"
        ),
        consequence=(
            "cases may run beyond the 26-week limit and the court may criticise the council"
        ),
        impact="resulting in delay for children, costs orders and higher counsel spend",
        category="legal_regulatory",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=30,
        horizon="short",
        target=(3, 3),
        target_in_days=180,
        owner="director",
        mitigations=(
            control("Weekly case tracking and legal planning meetings with Children's Services"),
            action(
                "Recruit two childcare solicitors and a paralegal",
                due_in_days=60,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Locum and external counsel spend",
        exposure=(400_000, 900_000),
        budget_line="Legal Services: external counsel",
        event="If vacancies are covered by locum lawyers and more work goes to external counsel",
        consequence="legal costs may exceed the budget",
        impact="resulting in an overspend of up to £800,000",
        category="finance",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=-11,
        horizon="medium",
        owner="head",
        mitigations=(
            control("All external instructions approved by the Head of Legal Services"),
            control("Counsel instructed at framework rates through the regional legal framework"),
        ),
    ),
    RiskSeed(
        title="Solicitor recruitment and retention",
        event=(
            "If the council cannot recruit and keep solicitors in childcare, planning and property "
            "law"
        ),
        consequence="the service may not have the capacity to advise and act for the council",
        impact="resulting in delayed decisions and court cases and dependence on expensive locums",
        category="people",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=20,
        horizon="medium",
        target=(3, 3),
        target_in_days=270,
        owner="director",
        mitigations=(
            control("Market supplement for childcare solicitors"),
            action(
                "Start a trainee solicitor and solicitor apprenticeship scheme",
                due_in_days=120,
                status="in_progress",
                cost=65000,
            ),
            action(
                "Introduce a career grade scheme and hybrid working offer for lawyers",
                due_in_days=45,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Professional regulation of in-house lawyers",
        event=(
            "If in-house lawyers breach Solicitors Regulation Authority rules on conflicts, "
            "confidentiality or competence"
        ),
        consequence="the SRA may investigate",
        impact="resulting in sanctions and damage to the council's reputation",
        category="legal_regulatory",
        inherent=(2, 4),
        residual=(1, 4),
        response="treat",
        review_in_days=75,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Lexcel accreditation, file reviews and a conflict check when each matter is opened"
            ),
        ),
    ),
    RiskSeed(
        title="Judicial review of service changes",
        event=(
            "If council decisions on service changes, such as library closures or SEND transport "
            "policy, are challenged by judicial review"
        ),
        consequence="decisions may be quashed",
        impact="resulting in legal costs and delayed savings",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=50,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Legal review of the consultation and equality assessment for every major decision"
            ),
        ),
    ),
    RiskSeed(
        title="Legal case management system",
        event="If the legal case management system fails or loses data",
        consequence="lawyers may lose access to their files and deadlines",
        impact="resulting in missed deadlines and data breaches",
        category="information",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Daily backups and a manual deadlines diary"),
            action("Move to a cloud-hosted case management system", due_in_days=180, cost=75000),
        ),
    ),
    RiskSeed(
        title="Outsourced legal advice",
        event="If an external law firm gives the council negligent advice",
        consequence="the council may act on wrong advice",
        impact="resulting in losses and claims",
        category="partnerships",
        inherent=(3, 3),
        residual=(2, 2),
        response="transfer",
        rationale=(
            "Work sent to panel firms is covered by their professional indemnity insurance, so "
            "liability for negligent advice sits with the firm."
        ),
        review_in_days=85,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "External legal panel with professional indemnity cover of at least £10m a claim"
            ),
        ),
    ),
    RiskSeed(
        title="Housing disrepair claims",
        exposure=(300_000, 1_200_000),
        event=(
            "If claims management firms keep bringing housing disrepair claims against the council "
            "as landlord"
        ),
        consequence=(
            "compensation and legal costs may rise quickly, with new duties under Awaab's Law "
            "adding to them"
        ),
        impact="resulting in a large budget pressure and repairs money diverted to legal costs",
        category="finance",
        inherent=(5, 4),
        residual=(5, 3),
        response="treat",
        review_in_days=25,
        horizon="medium",
        owner="director",
        mitigations=(
            control(
                "Disrepair claims triaged with the housing repairs team and properties "
                "inspected within 20 days"
            ),
            action(
                "Set up a dedicated disrepair team with Housing",
                due_in_days=45,
                status="in_progress",
                cost=220000,
            ),
        ),
    ),
    RiskSeed(
        title="Missed court and limitation deadlines",
        event="If court or limitation deadlines are missed",
        consequence="the council may lose a case or claim by default",
        impact="resulting in costs and damages",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(1, 4),
        response="treat",
        review_in_days=70,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Deadlines diary in the case management system with alerts to supervisors"),
        ),
    ),
    RiskSeed(
        title="Shared legal service with Bramley",
        event=(
            "If the shared legal service with Bramley District Council keeps acting for both "
            "councils where their interests conflict"
        ),
        consequence="the council may receive compromised advice",
        impact="resulting in SRA complaints and legal challenge",
        category="partnerships",
        inherent=(3, 3),
        residual=(1, 2),
        response="terminate",
        rationale=(
            "The shared service has been ended to remove the conflicts of interest; each council "
            "now has its own legal team."
        ),
        review_in_days=90,
        horizon="short",
        owner="head",
        mitigations=(
            control(
                "Shared service agreement ended by mutual agreement and staff transferred back "
                "to each council"
            ),
            action(
                "Transfer the remaining open files to Kingsmere's own team",
                due_in_days=30,
                status="in_progress",
            ),
        ),
    ),
)

_DEMOCRATIC_SERVICES_RISKS = (
    RiskSeed(
        title="Voter ID at polling stations",
        event=(
            "If voters do not bring accepted photo identification, or polling staff apply the "
            "rules wrongly"
        ),
        consequence="eligible electors may be turned away",
        impact=(
            "resulting in disenfranchisement, complaints and challenge to the conduct of the poll"
        ),
        category="legal_regulatory",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        review_in_days=35,
        horizon="short",
        target=(2, 3),
        target_in_days=60,
        owner="officer",
        mitigations=(
            control(
                "Voter Authority Certificate campaign and training for every presiding officer"
            ),
            action(
                "Target communications at the groups least likely to hold photo ID",
                due_in_days=60,
                status="in_progress",
                cost=15000,
            ),
        ),
    ),
    RiskSeed(
        title="Election count error",
        event="If an error is made at the count or in declaring the result",
        consequence="the wrong candidate may be declared elected",
        impact="resulting in an election petition, a rerun and national publicity",
        category="political",
        inherent=(2, 5),
        residual=(1, 5),
        response="treat",
        review_in_days=45,
        horizon="short",
        owner="head",
        mitigations=(
            control(
                "Verification and reconciliation procedures following Electoral Commission guidance"
            ),
            control("Experienced count supervisors and a count rehearsal before each election"),
        ),
    ),
    RiskSeed(
        title="Polling station availability",
        event=(
            "If schools and community buildings used as polling stations stop being available or "
            "accessible"
        ),
        consequence="electors may have to travel further or vote in unsuitable buildings",
        impact="resulting in lower turnout and complaints about accessibility",
        category="customers_citizens",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        review_in_days=50,
        horizon="medium",
        owner="officer",
        mitigations=(
            control("Polling district review and an accessibility audit of every station"),
        ),
    ),
    RiskSeed(
        title="Electoral register accuracy",
        event=(
            "If the annual canvass misses house moves in areas with many private renters and "
            "students"
        ),
        consequence="the register may be inaccurate",
        impact="resulting in electors being unable to vote and loss of confidence in the register",
        category="information",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="officer",
        mitigations=(control("Data matching against DWP and local council tax records"),),
    ),
    RiskSeed(
        title="Postal vote fraud and secrecy",
        event="If postal votes are handled or collected improperly, including by campaigners",
        consequence="votes may be influenced or cast fraudulently",
        impact="resulting in electoral offences, election petitions and loss of trust",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=40,
        horizon="short",
        owner="head",
        mitigations=(
            control("Personal identifiers checked on every returned postal vote"),
            control("Police single point of contact for electoral fraud"),
        ),
    ),
    RiskSeed(
        title="Election staff recruitment",
        event="If not enough presiding officers, poll clerks and count staff can be recruited",
        consequence="polling stations may not open on time or be properly staffed",
        impact="resulting in electors being unable to vote and challenge to the election",
        category="people",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=-4,
        horizon="short",
        owner="officer",
        mitigations=(
            control("Staff bank, with training for new poll staff"),
            action(
                "Recruit poll staff from council staff and partner organisations",
                due_in_days=30,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Election printing supplier",
        event=(
            "If the specialist supplier printing poll cards and postal votes fails or makes errors"
        ),
        consequence="poll cards and postal votes may be late or wrong",
        impact="resulting in electors being unable to vote and an election petition",
        category="partnerships",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=20,
        horizon="short",
        owner="director",
        mitigations=(
            control(
                "Contract let through the national election services framework, with "
                "proof-checking of every print run"
            ),
            action("Agree a fallback supplier and test it at the next by-election", due_in_days=28),
        ),
    ),
    RiskSeed(
        title="Member code of conduct complaints",
        event=(
            "If complaints about member conduct keep rising, including about conduct on social "
            "media"
        ),
        consequence=(
            "the Monitoring Officer's capacity may be overwhelmed and investigations delayed"
        ),
        impact="resulting in damage to the council's reputation and strained relationships",
        category="political",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=-15,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Members' code of conduct and training on it"),
            action(
                (
                    "Review the arrangements for handling complaints and appoint a second "
                    "Independent Person"
                ),
                due_in_days=60,
            ),
        ),
    ),
    RiskSeed(
        title="Access to information for meetings",
        event="If agendas and reports are not published five clear working days before meetings",
        consequence="decisions may be open to challenge",
        impact="resulting in decisions having to be retaken and criticism of the council",
        category="legal_regulatory",
        inherent=(3, 3),
        residual=(1, 3),
        response="treat",
        review_in_days=80,
        horizon="medium",
        owner="head",
        mitigations=(control("Committee management system with publication deadlines"),),
    ),
    RiskSeed(
        title="Webcasting of meetings",
        event="If webcasting of council meetings fails",
        consequence="the public may be unable to watch meetings live",
        impact="resulting in complaints and minor reputational damage",
        category="reputation",
        inherent=(2, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "Webcast failures are rare and every meeting is also recorded locally; a second "
            "streaming system would cost more than the small impact of a missed broadcast "
            "justifies."
        ),
        review_in_days=90,
        horizon="medium",
        owner="head",
        mitigations=(control("Every meeting recorded locally and published afterwards"),),
    ),
    RiskSeed(
        title="Unscheduled elections",
        event="If a by-election or an early general election is called at short notice",
        consequence="the service may have to run an election alongside its other work",
        impact="resulting in pressure on staff and a higher risk of error",
        category="customers_citizens",
        inherent=(3, 4),
        residual=(2, 3),
        response="treat",
        review_in_days=70,
        horizon="short",
        owner="officer",
        mitigations=(
            control("Election plan template and standing contracts for venues and printing"),
        ),
    ),
)

_LIBRARIES_COMMUNITIES_RISKS = (
    RiskSeed(
        title="Library service review challenge",
        event=(
            "If proposals to close or move five branch libraries into community hubs are not based "
            "on a sound needs assessment and consultation"
        ),
        consequence=(
            "the decision may be challenged by judicial review or referred to the Secretary of "
            "State under the Public Libraries and Museums Act 1964"
        ),
        impact="resulting in delayed savings, legal costs and political embarrassment",
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=15,
        horizon="short",
        target=(2, 4),
        target_in_days=240,
        owner="director",
        mitigations=(
            control(
                "Library needs assessment and public consultation with an equality impact "
                "assessment"
            ),
            action(
                "Report the consultation results and revised proposals to Cabinet",
                due_in_days=45,
                status="in_progress",
            ),
            action("Notify DCMS of the proposed changes", due_in_days=-3),
        ),
    ),
    RiskSeed(
        title="Community-managed libraries",
        event="If community groups running libraries cannot keep enough volunteers or money",
        consequence="community libraries may close",
        impact="resulting in loss of service and the council having to step back in",
        category="partnerships",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        review_in_days=55,
        horizon="long",
        owner="head",
        mitigations=(
            control(
                "Service level agreements providing support, book stock and IT from the council"
            ),
        ),
    ),
    RiskSeed(
        title="Safeguarding in library spaces",
        event="If staff do not recognise and report safeguarding concerns about library users",
        consequence="vulnerable children or adults may be left at risk",
        impact="resulting in harm and reputational damage",
        category="customers_citizens",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=40,
        horizon="medium",
        owner="head",
        mitigations=(control("Safeguarding training for all library staff"),),
    ),
    RiskSeed(
        title="Staff safety and anti-social behaviour",
        event=(
            "If anti-social behaviour and aggression towards staff continue at Central Library and "
            "some branches"
        ),
        consequence="staff may be hurt or leave",
        impact="resulting in staff absence, shorter opening hours and claims",
        category="people",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=-6,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Lone working procedure and personal alarms"),
            action(
                "Install CCTV and provide security staff at Central Library on Saturdays",
                due_in_days=30,
                status="in_progress",
                cost=28000,
            ),
        ),
    ),
    RiskSeed(
        title="Warm spaces funding",
        event="If funding for warm spaces ends",
        consequence="fewer warm spaces may open this winter",
        impact="resulting in vulnerable residents having fewer places to go",
        category="customers_citizens",
        inherent=(3, 2),
        residual=(2, 2),
        response="treat",
        review_in_days=60,
        horizon="short",
        owner="head",
        mitigations=(control("Warm spaces run in every library from existing budgets"),),
    ),
    RiskSeed(
        title="Community grants",
        event="If community grants are misused or not spent on the agreed purposes",
        consequence="public money may be wasted",
        impact="resulting in clawback and criticism",
        category="finance",
        inherent=(3, 3),
        residual=(1, 3),
        response="treat",
        review_in_days=80,
        horizon="medium",
        owner="head",
        mitigations=(control("Grant agreements with monitoring returns and spot checks"),),
    ),
    RiskSeed(
        title="Public computers and Wi-Fi",
        event=(
            "If public PCs and library Wi-Fi are used to access illegal material or to attack "
            "council systems"
        ),
        consequence="the network may be compromised",
        impact="resulting in criminal investigations and data breaches",
        category="information",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        review_in_days=65,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Public network separated from the corporate network, with web filtering"),
        ),
    ),
    RiskSeed(
        title="Prevent duty and room bookings",
        event="If library and community rooms are booked by groups promoting extremist views",
        consequence="the council may be seen to give them a platform",
        impact="resulting in a breach of the Prevent duty and community tensions",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=45,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Room booking policy with due diligence checks, and Prevent training for staff"
            ),
        ),
    ),
    RiskSeed(
        title="Registration service timescales",
        event=(
            "If the registration service cannot register deaths within five days and births within "
            "42 days"
        ),
        consequence="funerals may be delayed",
        impact="resulting in distress for families and complaints",
        category="customers_citizens",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=50,
        horizon="short",
        owner="head",
        mitigations=(
            control("Appointment system with extra capacity after bank holidays"),
            action("Train two more deputy registrars", due_in_days=60, status="in_progress"),
        ),
    ),
    RiskSeed(
        title="Voluntary sector capacity",
        event=(
            "If the council's funding for voluntary sector infrastructure and advice services is "
            "reduced"
        ),
        consequence="local advice and volunteering organisations may cut their services",
        impact="resulting in more demand on council services",
        category="partnerships",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=35,
        horizon="long",
        owner="head",
        mitigations=(
            control("Three-year funding agreements with Kingsmere CVS and Citizens Advice"),
            action(
                "Develop a joint funding bid with the ICB for social prescribing", due_in_days=120
            ),
        ),
    ),
)

_LAW_GOVERNANCE_RISKS = (
    RiskSeed(
        title="Lawful decision-making",
        event=(
            "If key decisions are taken without proper delegation, notice in the forward plan or "
            "legal and financial advice"
        ),
        consequence="decisions may be unlawful or open to challenge",
        impact=(
            "resulting in judicial review, decisions being quashed and a Monitoring Officer report "
            "under section 5"
        ),
        category="legal_regulatory",
        inherent=(3, 5),
        residual=(2, 4),
        response="treat",
        review_in_days=40,
        horizon="medium",
        owner="director",
        mitigations=(
            control(
                "Report template requires signed-off legal, financial and equality implications"
            ),
            action(
                "Refresh the scheme of delegation and the officer decision record",
                due_in_days=90,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Governance in no overall control",
        event="If the council remains in no overall control after the May elections",
        consequence=(
            "decisions on the budget and major schemes may be delayed and member-officer relations "
            "strained"
        ),
        impact=(
            "resulting in delay, failure to set a balanced budget on time and reputational damage"
        ),
        category="political",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=30,
        horizon="medium",
        target=(2, 4),
        target_in_days=180,
        owner="director",
        mitigations=(
            control("Group leaders meet the Chief Executive monthly"),
            control("Member-officer protocol in the constitution"),
            action(
                "Run an induction programme for new members after the elections", due_in_days=55
            ),
        ),
    ),
    RiskSeed(
        title="Community tensions and public disorder",
        event="If national events or local incidents spark protests or disorder, as in summer 2024",
        consequence=(
            "community tensions may rise and council buildings, staff and residents may be targeted"
        ),
        impact="resulting in harm, damage to community cohesion and the cost of recovery",
        category="partnerships",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=14,
        horizon="short",
        target=(2, 5),
        target_in_days=120,
        owner="director",
        mitigations=(
            control(
                "Community tension monitoring with the police through the Community Safety "
                "Partnership"
            ),
            control("Community reassurance plan and a network of faith and community leaders"),
            action(
                (
                    "Exercise the public disorder response with the police and the Local "
                    "Resilience Forum"
                ),
                due_in_days=-18,
            ),
        ),
    ),
)


DIRECTORATE = DirectorateSeed(
    slug="law-governance",
    name="Law, Governance and Communities",
    director=("Jonathan", "Whitfield"),
    services=(
        ServiceSeed(
            slug="legal-services",
            name="Legal Services",
            head=("Elizabeth", "Moran"),
            risks=_LEGAL_SERVICES_RISKS,
        ),
        ServiceSeed(
            slug="democratic-services-elections",
            name="Democratic Services and Elections",
            head=("Philip", "Kendrick"),
            officer=("Imran", "Hussain"),
            risks=_DEMOCRATIC_SERVICES_RISKS,
        ),
        ServiceSeed(
            slug="libraries-communities",
            name="Libraries and Communities",
            head=("Victoria", "Bannister"),
            risks=_LIBRARIES_COMMUNITIES_RISKS,
        ),
    ),
    risks=_LAW_GOVERNANCE_RISKS,
)

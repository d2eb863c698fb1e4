"""Children's Services and Education: the demo council's directorate register for it, its services'
registers and their projects' registers, as data (read by ``demo.loader``)."""

from __future__ import annotations

from demo.council.seeds import action, control
from demo.types import DirectorateSeed, ProjectSeed, RiskSeed, ServiceSeed

CHILDREN_EDUCATION_RISKS = (
    RiskSeed(
        title="High-needs deficit and the statutory override",
        exposure=(10_000_000, 25_000_000),
        budget_line="Dedicated Schools Grant: high-needs block",
        event=(
            "If the statutory override for the Dedicated Schools Grant deficit ends in March 2028 "
            "without a national solution"
        ),
        consequence=(
            "the accumulated high-needs deficit, forecast at £48m and rising, may fall on the "
            "council's general reserves"
        ),
        impact=(
            "resulting in a threat to the council's financial sustainability and a possible "
            "section 114 notice"
        ),
        category="finance",
        inherent=(5, 5),
        residual=(5, 5),
        response="treat",
        horizon="long",
        review_in_days=30,
        target=(3, 5),
        target_in_days=730,
        owner="director",
        mitigations=(
            control(
                (
                    "Deficit management plan monitored by the Schools Forum and reported to "
                    "Cabinet quarterly"
                ),
                "Slows the growth of the deficit but does not reverse it.",
            ),
            action(
                "Open 180 local special school places to reduce independent placements",
                400,
                "in_progress",
                cost=14000000,
            ),
            action(
                "Make the case for deficit write-off through the LGA and F40 group",
                90,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Ofsted inspection of children's services",
        event=(
            "If the next Ofsted inspection of local authority children's services finds practice "
            "that is not good enough"
        ),
        consequence="children's services may be judged 'requires improvement' or 'inadequate'",
        impact=(
            "resulting in Department for Education intervention, national publicity and difficulty "
            "recruiting staff"
        ),
        category="reputation",
        inherent=(3, 5),
        residual=(2, 5),
        response="treat",
        horizon="short",
        review_in_days=30,
        owner="director",
        mitigations=(
            control("Monthly practice audits moderated by the Principal Social Worker"),
            control("Annual self-evaluation shared with Ofsted at the annual engagement meeting"),
            action(
                "Complete the mock focused visit on the front door and act on its findings",
                40,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Families First Partnership reforms",
        event=(
            "If the national children's social care reforms, including Families First and "
            "multi-agency child protection teams, must be delivered without enough funding or "
            "staff"
        ),
        consequence=(
            "the council may not redesign early help and child protection to the government's "
            "timetable"
        ),
        impact=(
            "resulting in a fragmented service for families, non-compliance with new statutory "
            "guidance and lost grant funding"
        ),
        category="strategic",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        horizon="long",
        review_in_days=45,
        owner="director",
        mitigations=(
            control(
                "Reform programme board chaired by the Director with police and health partners"
            ),
            action(
                "Set up the first multi-agency child protection team in the north locality",
                160,
                "in_progress",
                cost=350000,
            ),
        ),
    ),
)

CHILDRENS_SOCIAL_CARE_RISKS = (
    RiskSeed(
        title="Children's residential placement costs",
        exposure=(3_000_000, 8_000_000),
        mtfs="Children's placement numbers held at their 2026/27 level",
        event=(
            "If the number of children in care needing residential placements keeps rising and "
            "private providers charge £7,000 to £12,000 a week"
        ),
        consequence="placement spending may exceed the budget by several million pounds",
        impact=(
            "resulting in a major overspend, cuts to preventive services and children placed far "
            "from Kingsmere"
        ),
        category="finance",
        inherent=(5, 5),
        residual=(4, 5),
        response="treat",
        horizon="medium",
        review_in_days=14,
        target=(3, 4),
        target_in_days=365,
        owner="director",
        mitigations=(
            control(
                (
                    "Placement panel approves every residential placement and reviews each one "
                    "every 12 weeks"
                ),
                "Stepped down nine children to foster care this year.",
            ),
            action("Open two four-bed in-house children's homes", 200, "in_progress", cost=2400000),
            action(
                "Join the regional care cooperative for joint commissioning of placements",
                -30,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Unregistered placements for children",
        event=(
            "If a child with complex needs has to be placed in an unregistered children's home "
            "because no registered place can be found"
        ),
        consequence=(
            "the council may be placing a child unlawfully, without Ofsted oversight of the care"
        ),
        impact=(
            "resulting in risk of serious harm to the child, Ofsted criticism and possible "
            "prosecution of the provider"
        ),
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        horizon="short",
        review_in_days=7,
        target=(2, 5),
        target_in_days=150,
        owner="director",
        mitigations=(
            control(
                "Director approval for any unregistered placement, with daily oversight and "
                "Ofsted notified"
            ),
            action(
                "Commission a solo emergency children's home registered with Ofsted",
                120,
                "in_progress",
                cost=900000,
            ),
        ),
    ),
    RiskSeed(
        title="Social worker caseloads and agency reliance",
        event="If we cannot recruit and keep enough permanent children's social workers",
        consequence=(
            "caseloads may rise above 20 and a third of posts may be filled by agency staff"
        ),
        impact=(
            "resulting in children seeing frequent changes of worker, drift in plans and extra "
            "spending of about £2m a year"
        ),
        category="people",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="medium",
        review_in_days=-10,
        target=(3, 3),
        target_in_days=270,
        owner="director",
        mitigations=(
            control(
                "Regional memorandum of understanding capping agency pay rates, in line with "
                "national agency rules"
            ),
            control(
                "Career progression framework and a protected caseload for newly qualified workers"
            ),
            action(
                "Run a social work apprenticeship for 12 existing staff",
                300,
                "in_progress",
                cost=190000,
            ),
        ),
    ),
    RiskSeed(
        title="Child protection conference timescales",
        event=(
            "If initial child protection conferences are not held within 15 working days of the "
            "strategy discussion"
        ),
        consequence="there may be delays in agreeing child protection plans",
        impact="resulting in children remaining at risk of significant harm for longer",
        category="customers_citizens",
        inherent=(3, 5),
        residual=(2, 4),
        response="treat",
        horizon="short",
        review_in_days=30,
        owner="officer",
        mitigations=(
            control(
                "Conference scheduling tracked daily by the safeguarding and quality unit",
                "92% of conferences were on time last quarter.",
            ),
            action("Recruit a further independent chair", 45, "in_progress"),
        ),
    ),
    RiskSeed(
        title="Unaccompanied asylum-seeking children",
        event=(
            "If the number of unaccompanied asylum-seeking children arriving in the city or "
            "transferred under the National Transfer Scheme rises"
        ),
        consequence=(
            "there may be more demand for placements and leaving care support than Home Office "
            "funding covers"
        ),
        impact="resulting in a budget pressure and fewer placements for other children in care",
        category="political",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=45,
        mitigations=(
            control(
                "Dedicated team for unaccompanied children, with supported lodgings for 16 and 17 "
                "year olds"
            ),
            action(
                (
                    "Submit evidence of the funding gap to the Home Office through the regional "
                    "partnership"
                ),
                30,
            ),
        ),
    ),
    RiskSeed(
        title="Accommodation for care leavers",
        event="If there are not enough suitable homes for care leavers moving on from care at 18",
        consequence=(
            "some young people may be placed in bed and breakfast or unsuitable shared housing"
        ),
        impact="resulting in tenancy failure, exploitation and poor outcomes for care leavers",
        category="customers_citizens",
        inherent=(4, 3),
        residual=(3, 2),
        response="treat",
        horizon="medium",
        review_in_days=40,
        owner="officer",
        mitigations=(
            control(
                "Care leavers given priority on the housing register and council tax exemption to "
                "age 25"
            ),
            action(
                "Commission 12 supported flats for care leavers with a housing association",
                150,
                "in_progress",
                cost=300000,
            ),
        ),
    ),
    RiskSeed(
        title="Multi-agency safeguarding hub staffing",
        event=(
            "If police or health partners reduce their staffing in the multi-agency safeguarding "
            "hub"
        ),
        consequence="referrals may not be screened with full information within 24 hours",
        impact="resulting in wrong threshold decisions and children left at risk",
        category="partnerships",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        horizon="medium",
        review_in_days=55,
        mitigations=(
            control("Safeguarding partnership agreement setting each agency's MASH staffing"),
            control("Monthly MASH performance report to the safeguarding children partnership"),
        ),
    ),
    RiskSeed(
        title="Subject access requests from care-experienced adults",
        event=(
            "If the backlog of subject access requests from adults who were in care as children is "
            "not cleared"
        ),
        consequence="requests may not be answered within the one-month limit under UK GDPR",
        impact=(
            "resulting in complaints to the Information Commissioner, enforcement and distress to "
            "care-experienced people"
        ),
        category="information",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="short",
        review_in_days=-3,
        owner="officer",
        mitigations=(
            control("Requests logged and prioritised by the information governance team"),
            action(
                "Bring in two temporary redaction officers to clear the backlog of 140 requests",
                -21,
                "in_progress",
                cost=48000,
            ),
        ),
    ),
    RiskSeed(
        title="Foster carer recruitment",
        event=(
            "If we cannot recruit and keep enough in-house foster carers while experienced carers "
            "retire"
        ),
        consequence=(
            "more children may be placed with independent fostering agencies or in residential care"
        ),
        impact=(
            "resulting in higher costs, children placed away from their schools and communities, "
            "and placement breakdown"
        ),
        category="strategic",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="long",
        review_in_days=35,
        target=(3, 4),
        target_in_days=540,
        owner="director",
        mitigations=(
            control(
                "Enhanced fostering allowances and council tax relief for Kingsmere foster carers"
            ),
            action(
                "Take part in the regional fostering recruitment hub and campaign",
                90,
                "in_progress",
                cost=60000,
            ),
        ),
    ),
    RiskSeed(
        title="Death or serious harm of a child known to services",
        event=(
            "If a child known to children's services dies or is seriously harmed through abuse or "
            "neglect"
        ),
        consequence=(
            "there may be a Child Safeguarding Practice Review and national media attention"
        ),
        impact=(
            "resulting in loss of public confidence, staff distress and intense scrutiny of the "
            "council"
        ),
        category="reputation",
        inherent=(3, 5),
        residual=(2, 5),
        response="treat",
        horizon="long",
        review_in_days=60,
        mitigations=(
            control(
                "Learning from reviews embedded through the safeguarding partnership's training "
                "programme"
            ),
            control("Communications protocol for serious incidents agreed with partners"),
        ),
    ),
    RiskSeed(
        title="Misdirected case records",
        event=(
            "If a social worker sends case records or a court report to the wrong email address or "
            "postal address"
        ),
        consequence="sensitive personal data about a child and family may be disclosed",
        impact="resulting in risk to the child, a reportable data breach and possible ICO action",
        category="information",
        inherent=(4, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=70,
        mitigations=(
            control("Secure email with address autocomplete switched off for external addresses"),
            control("Mandatory annual data protection training, at 97% completion"),
        ),
    ),
)

EDUCATION_SEND_RISKS = (
    RiskSeed(
        title="EHCP 20-week timescale",
        event=(
            "If requests for education, health and care needs assessments keep rising, as they "
            "have by 30% in two years"
        ),
        consequence="EHC plans may not be issued within the 20-week statutory timescale",
        impact=(
            "resulting in tribunal appeals, Ombudsman findings, children without the right support "
            "and a poor area SEND inspection"
        ),
        category="legal_regulatory",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="short",
        review_in_days=-5,
        target=(3, 3),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                "Weekly EHCP tracker with escalation of cases over 16 weeks",
                "Timeliness has improved from 31% to 48% but is below the national average.",
            ),
            action("Recruit four more EHC plan coordinators", 60, "in_progress", cost=180000),
            action("Introduce a quality-assured template for professional advice", -16),
        ),
    ),
    RiskSeed(
        title="Home to school transport costs",
        event=(
            "If the number of children with SEND eligible for home to school transport keeps "
            "rising, with more travelling to schools out of the city"
        ),
        consequence="transport spending may exceed the budget by £3m or more",
        impact="resulting in a significant overspend met from council reserves",
        category="finance",
        inherent=(5, 5),
        residual=(5, 4),
        response="treat",
        horizon="medium",
        review_in_days=21,
        target=(4, 3),
        target_in_days=365,
        owner="director",
        mitigations=(
            control(
                "Route optimisation and retendering of all routes on a dynamic purchasing system"
            ),
            action(
                "Offer independent travel training to 60 young people",
                200,
                "in_progress",
                cost=75000,
            ),
            action("Offer personal transport budgets as an alternative to taxis", 120),
        ),
    ),
    RiskSeed(
        title="Passenger transport operator liability",
        event=(
            "If a contracted taxi or minibus carrying pupils is involved in a collision or a "
            "driver's conduct harms a child"
        ),
        consequence="claims may be made for injury and loss",
        impact="resulting in financial liability and reputational damage",
        category="legal_regulatory",
        inherent=(2, 5),
        residual=(1, 5),
        response="transfer",
        rationale=(
            "Operators carry the liability under the transport contract, which requires hire and "
            "reward insurance, enhanced DBS checks and safeguarding training for drivers and "
            "passenger assistants."
        ),
        horizon="long",
        review_in_days=80,
        owner="officer",
        mitigations=(
            control(
                "Insurance certificates and DBS checks verified before a contract starts and at "
                "each renewal"
            ),
            control("Spot checks of vehicles and drivers by the passenger transport team"),
        ),
    ),
    RiskSeed(
        title="Area SEND inspection",
        event=(
            "If the joint Ofsted and CQC area SEND inspection finds widespread or systemic failings"
        ),
        consequence="the local area partnership may be required to produce a priority action plan",
        impact="resulting in DfE monitoring, national publicity and loss of parents' confidence",
        category="reputation",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="short",
        review_in_days=30,
        target=(2, 4),
        target_in_days=270,
        mitigations=(
            control(
                "SEND partnership board with the ICB and parent carer forum, and a joint "
                "self-evaluation"
            ),
            action(
                "Co-produce a new SEND and alternative provision strategy with parents",
                100,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="RAAC in maintained school buildings",
        event=(
            "If reinforced autoclaved aerated concrete in school roofs deteriorates or is found in "
            "further buildings"
        ),
        consequence="classrooms or whole schools may have to close at short notice",
        impact="resulting in lost learning, injury if a roof fails and emergency building costs",
        category="legal_regulatory",
        inherent=(3, 5),
        residual=(1, 5),
        response="treat",
        horizon="medium",
        review_in_days=45,
        mitigations=(
            control(
                (
                    "Survey of all 64 maintained schools completed; RAAC found at two, both "
                    "propped and monitored"
                ),
                "Structural engineer's monitoring visits show no movement.",
            ),
            action(
                "Replace the RAAC roof at Hollins Green Primary", 160, "in_progress", cost=1600000
            ),
        ),
    ),
    RiskSeed(
        title="Secondary school place sufficiency",
        event="If secondary school numbers peak as forecast while planned expansions are delayed",
        consequence="there may not be enough Year 7 places in the east of the city",
        impact=(
            "resulting in children travelling long distances, appeals and a failure of our "
            "sufficiency duty"
        ),
        category="strategic",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        horizon="long",
        review_in_days=75,
        mitigations=(
            control(
                "Annual pupil place planning forecast, checked against the DfE school capacity "
                "survey"
            ),
            action(
                "Agree bulge classes with two academy trusts for the next two years",
                90,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Falling primary rolls",
        event="If primary pupil numbers keep falling in the inner city",
        consequence="maintained schools may go into deficit and some may become unviable",
        impact=(
            "resulting in school deficits falling to the council if they close or convert, and "
            "reduced local choice"
        ),
        category="finance",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="long",
        review_in_days=-11,
        mitigations=(
            control("School budget monitoring, with licensed deficits and recovery plans"),
            action("Consult on reducing the published admission number at five primaries", 120),
        ),
    ),
    RiskSeed(
        title="Children missing education",
        event=(
            "If children missing education or educated at home are not identified and followed up"
        ),
        consequence=(
            "some children may not receive a suitable education and may be hidden from services"
        ),
        impact=(
            "resulting in harm to children at risk and criticism in a safeguarding practice review"
        ),
        category="customers_citizens",
        inherent=(3, 4),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=50,
        owner="officer",
        mitigations=(
            control(
                "Children missing education register checked against school rolls each half term"
            ),
            action(
                "Prepare for the children not in school register required by new legislation",
                180,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Quality of alternative provision",
        event=(
            "If pupils are placed in unregistered alternative provision that is not quality assured"
        ),
        consequence="they may receive a poor education in unsafe settings",
        impact="resulting in harm to pupils, poor outcomes and inspection criticism",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(2, 3),
        response="treat",
        horizon="medium",
        review_in_days=60,
        mitigations=(
            control("Approved directory of alternative provision, with annual quality visits"),
        ),
    ),
    RiskSeed(
        title="Admissions of pupils with EHCPs to academies",
        event="If academy trusts resist admitting pupils whose EHC plans name their school",
        consequence=(
            "there may be delays in placing children and disputes that need direction by the "
            "Secretary of State"
        ),
        impact="resulting in children out of school and strained relations with trusts",
        category="partnerships",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=65,
        mitigations=(
            control(
                "Inclusion charter agreed with all trusts through the Kingsmere Education "
                "Partnership"
            ),
        ),
    ),
    RiskSeed(
        title="Educational psychologist capacity",
        event="If we cannot recruit enough educational psychologists",
        consequence="psychological advice for EHC needs assessments may be late",
        impact=(
            "resulting in missed statutory timescales and more spending on locum psychologists at "
            "£700 a day"
        ),
        category="people",
        inherent=(4, 4),
        residual=(4, 3),
        response="treat",
        horizon="medium",
        review_in_days=30,
        mitigations=(
            control(
                "Trainee educational psychologist placements with a bursary and two-year commitment"
            ),
            action("Agree a locum framework with fixed day rates", 40, "in_progress"),
        ),
    ),
)

SEND_CAPITAL_PROGRAMME_RISKS = (
    RiskSeed(
        title="Construction cost inflation",
        event=(
            "If construction prices rise faster than allowed for in the SEND Capital Programme "
            "budget"
        ),
        consequence="schemes may cost more than the £22m approved",
        impact="resulting in fewer special school places or extra borrowing",
        category="finance",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=30,
        target=(2, 3),
        target_in_days=200,
        mitigations=(
            control("Programme contingency of 10% and fixed-price stage two tenders"),
            action(
                "Value engineering review of the Brookfield special school design",
                25,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Planning consent for Brookfield special school",
        event=(
            "If the planning application for the 150-place Brookfield special school is delayed by "
            "local objections"
        ),
        consequence="the school may not open in September as planned",
        impact="resulting in continued use of costly independent placements",
        category="political",
        inherent=(2, 4),
        residual=(1, 4),
        response="treat",
        horizon="short",
        review_in_days=20,
        mitigations=(
            control("Pre-application advice taken and ward members briefed"),
            action("Hold a public drop-in session for neighbours", 12),
        ),
    ),
    RiskSeed(
        title="Main contractor insolvency",
        event="If the main contractor on the SEND Capital Programme becomes insolvent",
        consequence="work may stop on site while a replacement is found",
        impact="resulting in delays and extra cost",
        category="partnerships",
        inherent=(2, 5),
        residual=(2, 3),
        response="transfer",
        rationale=(
            "A 10% performance bond and a parent company guarantee pass most of the cost of "
            "failure to the contractor's guarantors."
        ),
        horizon="medium",
        review_in_days=60,
        mitigations=(
            control("Financial checks at tender and quarterly credit monitoring"),
            control("Performance bond and parent company guarantee in the contract"),
        ),
    ),
    RiskSeed(
        title="Resource base places not ready for September",
        event=(
            "If the fit-out of three mainstream school resource bases is not finished over the "
            "summer"
        ),
        consequence="children with places agreed for September may not be able to start",
        impact="resulting in temporary arrangements, complaints from families and tribunal risk",
        category="customers_citizens",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="short",
        review_in_days=14,
        mitigations=(
            control("Fortnightly progress meetings with the schools and contractor"),
            action("Agree interim classroom arrangements with each school", 30, "in_progress"),
        ),
    ),
)

EARLY_HELP_RISKS = (
    RiskSeed(
        title="Supporting Families outcome claims",
        event=(
            "If the service cannot evidence enough sustained family outcomes under the Supporting "
            "Families programme"
        ),
        consequence="payment-by-results income may be lower than budgeted",
        impact="resulting in a shortfall of up to £300,000",
        category="finance",
        inherent=(3, 3),
        residual=(1, 3),
        response="treat",
        horizon="medium",
        review_in_days=45,
        mitigations=(control("Outcome data matched quarterly with police, schools and DWP data"),),
    ),
    RiskSeed(
        title="Family hubs funding beyond the grant period",
        event="If the Family Hubs and Start for Life grant is not continued at its current level",
        consequence="the council may have to reduce the family hub network from eight hubs to four",
        impact=(
            "resulting in less support for families with young children and a gap in the early "
            "help offer"
        ),
        category="strategic",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="long",
        review_in_days=60,
        target=(2, 3),
        target_in_days=365,
        mitigations=(
            control("Hubs delivered from shared buildings such as libraries and health centres"),
            action("Agree joint funding of hub health services with the ICB", 180),
        ),
    ),
    RiskSeed(
        title="Step-down from social care",
        event=(
            "If families stepped down from children's social care are not picked up promptly by "
            "early help"
        ),
        consequence="support may lapse and concerns may escalate again",
        impact="resulting in re-referrals and children at risk of harm",
        category="customers_citizens",
        inherent=(3, 4),
        residual=(2, 3),
        response="treat",
        horizon="short",
        review_in_days=-8,
        mitigations=(
            control("Joint step-down meeting before a case closes to social care"),
            action("Audit a sample of 30 step-down cases", -18),
        ),
    ),
    RiskSeed(
        title="Westgate children's centre building",
        event=(
            "If the council continues to deliver services from the Westgate children's centre, "
            "which has failed its fire risk assessment and contains damaged asbestos"
        ),
        consequence="children, families and staff may be exposed to unsafe conditions",
        impact=(
            "resulting in injury, enforcement by the fire service and HSE, and closure at short "
            "notice"
        ),
        category="legal_regulatory",
        inherent=(3, 5),
        residual=(1, 4),
        response="terminate",
        rationale=(
            "Services have moved into the new Westgate family hub at the library and the old "
            "building is being disposed of."
        ),
        horizon="short",
        review_in_days=30,
        mitigations=(
            control("Building closed to the public and services moved to the library hub"),
            action("Hand the building to corporate property for disposal", 60, "in_progress"),
        ),
    ),
    RiskSeed(
        title="DBS checks by voluntary sector partners",
        event=(
            "If voluntary sector partners delivering family hub sessions do not keep DBS checks "
            "and safeguarding training up to date"
        ),
        consequence="unsuitable adults may have contact with children",
        impact="resulting in risk of harm and reputational damage",
        category="partnerships",
        inherent=(2, 4),
        residual=(1, 4),
        response="tolerate",
        rationale=(
            "Partners must evidence DBS checks and training under their grant agreements, and last "
            "year's audit found full compliance. Our own staff are present at most sessions. "
            "Further checks would cost more than the risk warrants; the annual audit continues."
        ),
        horizon="long",
        review_in_days=90,
        mitigations=(
            control("Annual safeguarding audit of every partner under its grant agreement"),
        ),
    ),
    RiskSeed(
        title="Holiday Activities and Food programme funding",
        event="If the Holiday Activities and Food programme grant is confirmed late again",
        consequence="providers may have little time to plan the Easter and summer programmes",
        impact="resulting in fewer places in the first holiday and some disappointed families",
        category="political",
        inherent=(3, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "Late confirmation happens most years and providers are used to it; the impact is "
            "limited to a smaller first holiday programme. There is nothing cost-effective the "
            "council can do about the national timetable."
        ),
        horizon="short",
        review_in_days=70,
        mitigations=(
            control(
                "Provisional provider list kept ready so grants can be issued within two weeks"
            ),
        ),
    ),
    RiskSeed(
        title="Early help workforce turnover",
        event="If early help practitioners leave for better-paid roles in schools and the NHS",
        consequence="families may experience changes of worker and waits for support",
        impact="resulting in poorer engagement and more escalation to social care",
        category="people",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=55,
        mitigations=(
            control("Regrading of family practitioner roles completed last year"),
            action("Offer a funded route into social work for early help staff", 240),
        ),
    ),
    RiskSeed(
        title="Child criminal exploitation",
        event="If county lines activity and child criminal exploitation increase in the city",
        consequence="more children may be drawn into drug dealing, violence and missing episodes",
        impact=(
            "resulting in serious harm or death of young people and pressure on social care and "
            "youth justice"
        ),
        category="customers_citizens",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="medium",
        review_in_days=21,
        mitigations=(
            control("Multi-agency exploitation panel with the police and youth justice service"),
            action(
                "Expand detached youth work in the two hotspot wards",
                90,
                "in_progress",
                cost=110000,
            ),
        ),
    ),
    RiskSeed(
        title="Early help information sharing",
        event=(
            "If schools and health partners do not record their early help work on the shared "
            "early help module"
        ),
        consequence="there may be an incomplete picture of the support a family is receiving",
        impact=(
            "resulting in duplicated work, missed concerns and weak evidence for Supporting "
            "Families claims"
        ),
        category="information",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        horizon="medium",
        review_in_days=40,
        mitigations=(
            control("Information sharing agreement signed by all schools and the NHS trusts"),
            action(
                "Give school staff read-and-write access to the early help module",
                75,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Youth centre consolidation consultation",
        event=(
            "If the proposal to consolidate six youth centres into three provokes strong community "
            "opposition"
        ),
        consequence=(
            "the decision may be called in or challenged by judicial review on the adequacy of "
            "consultation"
        ),
        impact="resulting in delayed savings of £400,000 and political embarrassment",
        category="political",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        horizon="short",
        review_in_days=15,
        mitigations=(
            control(
                "Consultation plan reviewed by legal services, with an equality impact assessment"
            ),
            action(
                "Hold consultation events with young people in every affected ward",
                20,
                "in_progress",
            ),
        ),
    ),
)


DIRECTORATE = DirectorateSeed(
    slug="children-education",
    name="Children's Services and Education",
    director=("Richard", "Osei"),
    risks=CHILDREN_EDUCATION_RISKS,
    services=(
        ServiceSeed(
            slug="childrens-social-care",
            name="Children's Social Care",
            head=("Claire", "Donnelly"),
            officer=("Aisha", "Rahman"),
            risks=CHILDRENS_SOCIAL_CARE_RISKS,
        ),
        ServiceSeed(
            slug="education-send",
            name="Education and SEND",
            head=("Simon", "Baptiste"),
            officer=("Mohammed", "Iqbal"),
            risks=EDUCATION_SEND_RISKS,
            projects=(
                ProjectSeed(
                    slug="send-capital-programme",
                    name="SEND Capital Programme",
                    risks=SEND_CAPITAL_PROGRAMME_RISKS,
                ),
            ),
        ),
        ServiceSeed(
            slug="early-help",
            name="Early Help and Family Support",
            head=("Louise", "Kaur"),
            risks=EARLY_HELP_RISKS,
        ),
    ),
)

"""The demo council's corporate risk register, reviewed by SLT every quarter, as data."""

from __future__ import annotations

from demo.council.seeds import action, control
from demo.types import RiskSeed

CORPORATE_RISKS: tuple[RiskSeed, ...] = (
    RiskSeed(
        title="Financial sustainability and the MTFS gap",
        exposure=(8_000_000, 22_000_000),
        mtfs=(
            "The £38m budget gap over the three years is closed by savings and council tax "
            "rises of 4.99% a year"
        ),
        event=(
            "If the council cannot close the budget gap of £38m forecast over the three years of "
            "the Medium Term Financial Strategy, as demand for social care, home-to-school "
            "transport and temporary accommodation grows faster than government funding"
        ),
        consequence=(
            "the council may be unable to set a balanced budget without unsustainable use of "
            "reserves, and the Section 151 Officer may have to consider issuing a Section 114 "
            "notice"
        ),
        impact=(
            "resulting in emergency spending controls, loss of local control over services, "
            "possible government intervention and long-term damage to the council's standing with "
            "residents, partners and lenders"
        ),
        category="finance",
        inherent=(5, 5),
        residual=(4, 5),
        response="treat",
        review_in_days=30,
        horizon="long",
        target=(3, 4),
        target_in_days=365,
        owner="s151.officer",
        mitigations=(
            control(
                (
                    "Medium Term Financial Strategy refreshed twice a year with demand, inflation "
                    "and funding scenarios. The budget gap and savings delivery are reported to "
                    "Cabinet monthly and to the Audit and Procurement Committee quarterly."
                ),
                evaluation=(
                    "2025/26 budget balanced with £6.1m of reserves, down from £11m the year before"
                ),
            ),
            control(
                "Transformation programme with a £14m savings target, each saving owned by a "
                "named director and tracked monthly by SLT on a RAG-rated tracker."
            ),
            control(
                (
                    "Spending controls panel chaired by the Section 151 Officer reviews all "
                    "recruitment and all non-essential spend over £5,000."
                ),
                evaluation="In-year overspend held at £2.3m at quarter 2",
            ),
            action(
                (
                    "Agree the 2026/27 savings proposals for consultation, including a review of "
                    "fees and charges and service redesign in adult social care and home-to-school "
                    "transport."
                ),
                due_in_days=75,
                status="in_progress",
            ),
            action(
                (
                    "Respond to the Fair Funding Review and press, with the LGA and regional "
                    "councils, for multi-year settlements that reflect deprivation and temporary "
                    "accommodation costs."
                ),
                due_in_days=-14,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="SEND high needs deficit",
        exposure=(15_000_000, 40_000_000),
        mtfs=(
            "The statutory override keeps the high-needs deficit off the General Fund until "
            "March 2028"
        ),
        event=(
            "If demand for education, health and care plans and specialist placements keeps "
            "growing faster than the high needs block of the Dedicated Schools Grant"
        ),
        consequence=(
            "the cumulative DSG deficit, forecast at £42m by March 2026, may keep growing and may "
            "fall on the general fund when the statutory override ends in March 2028"
        ),
        impact=(
            "resulting in a direct threat to the council's financial sustainability, pressure to "
            "cut support for children with special educational needs and a possible Section 114 "
            "notice"
        ),
        category="finance",
        inherent=(5, 5),
        residual=(5, 4),
        response="treat",
        review_in_days=21,
        horizon="long",
        target=(4, 4),
        target_in_days=540,
        owner="director:children-education",
        mitigations=(
            control(
                "Delivering Better Value in SEND programme, supported by £1m of DfE grant, "
                "focused on early help, inclusion in mainstream schools and less reliance on "
                "independent special schools."
            ),
            control(
                (
                    "High needs deficit management plan reviewed monthly by the Director of "
                    "Children's Services and termly by the Schools Forum, and reported to SLT each "
                    "quarter."
                ),
                evaluation="Growth in independent placements slowed from 22% to 9% a year",
            ),
            action(
                "Open 120 new places in specialist resource bases attached to mainstream schools.",
                due_in_days=240,
                status="in_progress",
                cost=4800000,
            ),
            action(
                (
                    "Model the general fund impact of the statutory override ending and build it "
                    "into the MTFS and the reserves strategy."
                ),
                due_in_days=60,
            ),
            action(
                (
                    "Review home-to-school transport eligibility and independent travel training "
                    "for post-16 learners with SEND."
                ),
                due_in_days=-25,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Cyber attack",
        exposure=(2_000_000, 10_000_000),
        event=(
            "If a cyber attack such as ransomware succeeds through phishing, compromised "
            "credentials, an unpatched vulnerability or a supplier's systems"
        ),
        consequence=(
            "critical systems, including social care, revenues and benefits, payments and "
            "telephony, may be unavailable for weeks and personal data may be stolen and published"
        ),
        impact=(
            "resulting in harm to vulnerable residents, failure of statutory services, recovery "
            "costs of £5m or more, ICO enforcement and a long-term loss of public trust"
        ),
        category="information",
        inherent=(5, 5),
        residual=(4, 5),
        response="treat",
        review_in_days=14,
        horizon="short",
        target=(3, 5),
        target_in_days=180,
        owner="director:finance-resources",
        mitigations=(
            control(
                "Layered defences assessed against the NCSC Cyber Assessment Framework: "
                "multi-factor authentication, email filtering, firewalls, privileged access "
                "management and monthly patching."
            ),
            control(
                (
                    "Immutable and offline backups of critical systems with quarterly restore "
                    "tests. Every service's business continuity plan assumes four weeks without "
                    "ICT."
                ),
                evaluation="Restore tests met recovery time targets for 11 of 13 critical systems",
            ),
            control(
                (
                    "Mandatory cyber awareness training and simulated phishing for all staff and "
                    "members."
                ),
                evaluation="Phishing click rate down from 14% to 4% in a year",
            ),
            action(
                (
                    "Procure a 24/7 managed detection and response service covering endpoints and "
                    "Microsoft 365."
                ),
                due_in_days=60,
                status="in_progress",
                cost=185000,
            ),
            action(
                (
                    "Complete cyber assurance questionnaires for the 40 suppliers that host or "
                    "process critical council data."
                ),
                due_in_days=45,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Workforce recruitment and retention",
        event=(
            "If the council cannot recruit and keep staff in key professions, including social "
            "work, planning, legal, building control, finance and ICT, in a tight labour market"
        ),
        consequence=(
            "vacancy rates may stay above 12% in critical services and reliance on agency staff "
            "may continue"
        ),
        impact=(
            "resulting in failure to meet statutory duties, poorer outcomes for residents, agency "
            "costs above £14m a year and low morale among the staff who remain"
        ),
        category="people",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=45,
        horizon="medium",
        owner="chief.executive",
        mitigations=(
            control(
                "Workforce strategy and strategic workforce plan, with each directorate's "
                "workforce plan reviewed by SLT every six months."
            ),
            control(
                (
                    "Market supplements and career grade schemes for hard-to-fill roles, and a "
                    "regional agreement capping agency pay rates for social workers."
                ),
                evaluation="Children's social worker vacancies down from 28% to 19%",
            ),
            control(
                "Grow-your-own routes: social work apprenticeships, trainee solicitors, "
                "planning and surveying apprentices and a graduate programme."
            ),
            action(
                "Launch the new employee value proposition and recruitment website.",
                due_in_days=45,
                status="in_progress",
                cost=60000,
            ),
            action("Review the lowest pay points against the real living wage.", due_in_days=120),
        ),
    ),
    RiskSeed(
        title="Climate change adaptation",
        event=(
            "If the council and the city are not adapted to more frequent extreme weather, "
            "including flash flooding, heatwaves and storms"
        ),
        consequence=(
            "homes, roads, schools and council buildings may flood or overheat, and care and other "
            "services may be disrupted"
        ),
        impact=(
            "resulting in harm to vulnerable residents, damage to infrastructure and property, "
            "higher costs and failure to meet the city's climate commitments"
        ),
        category="environmental",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=60,
        horizon="long",
        owner="director:city-services",
        mitigations=(
            control(
                "Local Flood Risk Management Strategy and surface water management plan, with "
                "the council acting as Lead Local Flood Authority."
            ),
            control(
                (
                    "Severe weather and heatwave plans agreed with the Local Resilience Forum and "
                    "triggered by UK Health Security Agency alerts."
                ),
                evaluation=(
                    "Plans worked well in the July heatwave; cooling centres opened within 24 hours"
                ),
            ),
            action(
                "Complete a climate risk assessment of the council's services and estate.",
                due_in_days=150,
                status="in_progress",
                cost=45000,
            ),
            action(
                (
                    "Deliver the Brook Valley natural flood management scheme with the Environment "
                    "Agency."
                ),
                due_in_days=400,
                status="in_progress",
                cost=1600000,
            ),
        ),
    ),
    RiskSeed(
        title="Adult social care demand and market sustainability",
        exposure=(4_000_000, 9_000_000),
        mtfs="Adult social care demand grows by 4% a year",
        event=(
            "If the number of older and disabled adults needing care, and the complexity of their "
            "needs, keeps rising while care providers face higher National Insurance and National "
            "Living Wage costs"
        ),
        consequence=(
            "the council may be unable to meet its Care Act 2014 duties within budget, and care "
            "homes and home care providers may fail or hand back contracts"
        ),
        impact=(
            "resulting in unmet need, delayed hospital discharges, poor findings at CQC assessment "
            "and an overspend of £8m or more"
        ),
        category="customers_citizens",
        inherent=(5, 5),
        residual=(4, 5),
        response="treat",
        review_in_days=30,
        horizon="medium",
        owner="director:adults-housing",
        mitigations=(
            control(
                "Strength-based practice and reablement manage demand and reduce admissions to "
                "long-term care."
            ),
            control(
                (
                    "Market position statement and annual fee uplift based on cost of care work, "
                    "with contingency plans for provider failure."
                ),
                evaluation="No unplanned care home closures in the last 12 months",
            ),
            action(
                (
                    "Deliver the CQC assessment improvement plan, starting with the waiting list "
                    "for Care Act assessments."
                ),
                due_in_days=-10,
                status="in_progress",
            ),
            action(
                "Build 150 more extra care homes to reduce admissions to residential care.",
                due_in_days=500,
                status="in_progress",
                cost=3500000,
            ),
        ),
    ),
    RiskSeed(
        title="Housing and temporary accommodation",
        exposure=(3_000_000, 7_500_000),
        budget_line="Temporary accommodation (Housing Options)",
        event=(
            "If homelessness keeps rising as private rents increase and the supply of social "
            "housing falls short"
        ),
        consequence=(
            "the number of households in temporary accommodation, now over 900, may keep growing, "
            "with more families placed in bed and breakfast beyond the six-week legal limit"
        ),
        impact=(
            "resulting in harm to children and families, a temporary accommodation overspend of "
            "£9m a year made worse by housing benefit subsidy loss, and legal challenge"
        ),
        category="customers_citizens",
        inherent=(5, 5),
        residual=(5, 4),
        response="treat",
        review_in_days=-8,
        horizon="medium",
        target=(4, 4),
        target_in_days=270,
        owner="director:adults-housing",
        mitigations=(
            control(
                "Homelessness prevention service with early intervention and a landlord "
                "incentive scheme to keep and find private tenancies."
            ),
            control(
                (
                    "Temporary accommodation acquisitions programme: 120 homes bought with Local "
                    "Authority Housing Fund grant."
                ),
                evaluation="Nightly-paid placements down by 85 households",
            ),
            action(
                "Buy a further 80 homes for temporary accommodation.",
                due_in_days=300,
                status="in_progress",
                cost=14000000,
            ),
            action(
                "End the placement of families in bed and breakfast for longer than six weeks.",
                due_in_days=-20,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Major supplier failure",
        event=(
            "If a major supplier or contractor, such as a care provider, the waste collection "
            "contractor or a construction contractor, fails financially or stops trading"
        ),
        consequence="services may stop at short notice and the council may have to step in",
        impact="resulting in service disruption, emergency costs and harm to vulnerable residents",
        category="partnerships",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=50,
        horizon="medium",
        owner="s151.officer",
        mitigations=(
            control(
                (
                    "Financial health checks of strategic suppliers at tender and every year "
                    "after, with continuous credit reference monitoring and alerts to the contract "
                    "manager when a supplier's rating falls."
                ),
                evaluation=(
                    "Early warning on a home care provider in 2024 allowed a planned transfer of "
                    "140 packages"
                ),
            ),
            control(
                "Contract management framework: every contract over £1m has a named contract "
                "manager, quarterly performance reviews, and a risk-rated exit and continuity "
                "plan."
            ),
            control(
                "Provider failure protocol agreed with Adult Social Care and Procurement, "
                "setting out who steps in, how residents are kept safe and how emergency spend "
                "is authorised."
            ),
            action(
                (
                    "Complete business continuity and exit plans for the 25 most critical "
                    "contracts, starting with waste collection, home care and the highways term "
                    "contract."
                ),
                due_in_days=90,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Information governance",
        event=(
            "If personal and sensitive data is not handled in line with UK GDPR and the Data "
            "Protection Act 2018, or freedom of information and subject access requests are not "
            "answered on time"
        ),
        consequence="data breaches and complaints to the Information Commissioner may follow",
        impact=(
            "resulting in ICO enforcement, reprimands and fines, harm to the people whose data is "
            "lost and loss of trust"
        ),
        category="information",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=40,
        horizon="medium",
        owner="monitoring.officer",
        mitigations=(
            control(
                "Senior Information Risk Owner and Data Protection Officer in post; the "
                "information governance board meets quarterly."
            ),
            control(
                "Mandatory data protection training, completed by 94% of staff.",
                evaluation="Breaches reported to the ICO fell from nine to four a year",
            ),
            action(
                (
                    "Clear the backlog of 160 overdue subject access requests, most of them for "
                    "children's social care records."
                ),
                due_in_days=-15,
                status="in_progress",
                cost=90000,
            ),
            action(
                "Refresh the information asset register and retention schedules.", due_in_days=120
            ),
        ),
    ),
    RiskSeed(
        title="Safeguarding failure",
        event=(
            "If the council and its partners fail to identify and respond to abuse, neglect or "
            "exploitation of children or adults at risk"
        ),
        consequence="a child or an adult may suffer serious harm or die",
        impact=(
            "resulting in a child safeguarding practice review or safeguarding adults review, "
            "criticism by Ofsted or the CQC and serious reputational damage"
        ),
        category="customers_citizens",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=28,
        horizon="medium",
        owner="director:children-education",
        mitigations=(
            control(
                "Multi-Agency Safeguarding Hub with the police and health partners, working to "
                "a thresholds document agreed by the safeguarding partnership."
            ),
            control(
                (
                    "Quality assurance framework with monthly case audits and performance reports "
                    "to the Director of Children's Services."
                ),
                evaluation="Ofsted judged children's services 'good' in 2024",
            ),
            action(
                "Implement the Families First Partnership reforms.",
                due_in_days=200,
                status="in_progress",
            ),
            action(
                "Recruit permanent team managers to reduce turnover among agency managers.",
                due_in_days=90,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="RAAC and building safety",
        event=(
            "If RAAC, cladding defects or other structural problems are found in council "
            "buildings, schools or council housing, or the council fails to meet its Building "
            "Safety Act 2022 duties for higher-risk residential buildings"
        ),
        consequence="buildings may have to be closed or evacuated at short notice",
        impact=(
            "resulting in a risk to life, service disruption, large unplanned repair costs and "
            "action by the Building Safety Regulator"
        ),
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=35,
        horizon="medium",
        target=(2, 5),
        target_in_days=270,
        owner="director:regeneration-economy",
        mitigations=(
            control(
                "RAAC survey of all council buildings and maintained schools completed; the "
                "two affected buildings are monitored monthly by a structural engineer."
            ),
            control(
                "Building safety cases submitted to the Building Safety Regulator for all 12 "
                "council high-rise blocks."
            ),
            action(
                "Remediate RAAC at the two affected buildings.",
                due_in_days=180,
                status="in_progress",
                cost=1200000,
            ),
            action(
                "Complete intrusive fire safety surveys of every high-rise block.",
                due_in_days=20,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Elections integrity",
        event=(
            "If a local, mayoral or parliamentary election is not run in line with the law, "
            "including the Elections Act 2022 rules on voter ID and postal votes"
        ),
        consequence="the result may be challenged or eligible electors may be unable to vote",
        impact=(
            "resulting in an election petition, a rerun, criticism from the Electoral Commission "
            "and loss of public trust in local democracy"
        ),
        category="political",
        inherent=(3, 5),
        residual=(2, 5),
        response="treat",
        review_in_days=75,
        horizon="short",
        owner="chief.executive",
        mitigations=(
            control(
                "Project plan and risk register for every election, reviewed by the Returning "
                "Officer at each stage, with a pre-poll assurance meeting with the Electoral "
                "Commission."
            ),
            control(
                (
                    "Electoral Commission performance standards applied, with mandatory training "
                    "for every presiding officer, poll clerk and count assistant."
                ),
                evaluation="No complaints upheld after the May elections",
            ),
            control(
                "Voter ID plan: Voter Authority Certificate campaign, ID checks recorded at "
                "each station, and a post-poll report to the Electoral Commission on electors "
                "turned away."
            ),
            action(
                (
                    "Appoint a fallback printer for poll cards and postal votes and test it at a "
                    "by-election."
                ),
                due_in_days=45,
            ),
        ),
    ),
    RiskSeed(
        title="Partnership with health",
        event=(
            "If the Integrated Care Board cuts funding, changes its priorities or does not agree "
            "joint plans with the council as it reduces its own running costs"
        ),
        consequence=(
            "joint services such as hospital discharge, community equipment and mental health "
            "support may be underfunded"
        ),
        impact=(
            "resulting in delayed discharges, costs shifting to the council and poorer health "
            "outcomes for residents"
        ),
        category="partnerships",
        inherent=(4, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=21,
        horizon="medium",
        owner="director:adults-housing",
        mitigations=(
            control(
                "Better Care Fund plan and section 75 pooled budget agreement with the ICB, "
                "monitored monthly by a joint finance group of council and ICB officers."
            ),
            control(
                "Health and Wellbeing Board and the Kingsmere place partnership board, where "
                "the ICB's place director and council directors agree joint priorities and any "
                "change to shared funding."
            ),
            control(
                (
                    "Joint discharge hub with the acute trust, with daily review of delayed "
                    "discharges and escalation to directors."
                ),
                evaluation="Discharge delays attributable to social care down 35% this year",
            ),
            action(
                (
                    "Agree the hospital discharge funding model for 2026/27 with the ICB before "
                    "the BCF plan is signed off."
                ),
                due_in_days=60,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Capital programme delivery",
        event=(
            "If the £480m five-year capital programme cannot be delivered on time and within "
            "budget because of construction inflation, contractor capacity and higher borrowing "
            "costs"
        ),
        consequence=(
            "schemes may be delayed, reduced or cancelled, and the cost of borrowing may rise"
        ),
        impact=(
            "resulting in pressure on the revenue budget, lost grant and missed regeneration, "
            "housing and school place outcomes"
        ),
        category="finance",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=55,
        horizon="long",
        owner="s151.officer",
        mitigations=(
            control(
                "Capital programme board chaired by the Section 151 Officer, with gateway "
                "reviews for every scheme and prioritisation against the council plan."
            ),
            control(
                (
                    "Prudential indicators and the cost of borrowing monitored quarterly and "
                    "reported to Cabinet with the treasury management update."
                ),
                evaluation="Borrowing stayed within the operational boundary all year",
            ),
            action(
                (
                    "Reprofile the capital programme and remove uncommitted schemes that no longer "
                    "have a funded business case."
                ),
                due_in_days=40,
                status="in_progress",
            ),
            action(
                (
                    "Refresh the capital strategy alongside the MTFS, with a cap on new "
                    "borrowing-funded schemes."
                ),
                due_in_days=120,
            ),
        ),
    ),
    RiskSeed(
        title="Equal pay claims",
        event=(
            "If the council's pay and grading arrangements, including allowances, bonuses and "
            "market supplements, are found to discriminate between male- and female-dominated "
            "roles"
        ),
        consequence="large numbers of equal pay claims may be brought at the Employment Tribunal",
        impact=(
            "resulting in back pay liabilities that could exceed £20m, legal costs and a threat to "
            "financial sustainability, as other councils have found"
        ),
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=30,
        horizon="long",
        owner="director:finance-resources",
        mitigations=(
            control(
                "Every post is evaluated under the NJC job evaluation scheme, with moderation "
                "panels that include trade union representatives."
            ),
            control(
                "Any new allowance, bonus or market supplement needs HR and Legal Services "
                "approval and an equality check before it is paid."
            ),
            action(
                (
                    "Commission an independent equal pay audit of the whole pay structure, "
                    "reported to the Employment Committee."
                ),
                due_in_days=100,
                status="in_progress",
                cost=75000,
            ),
            action(
                (
                    "Review all allowances paid mainly in male-dominated roles, such as waste and "
                    "highways bonus schemes."
                ),
                due_in_days=30,
            ),
        ),
    ),
    RiskSeed(
        title="Economic downturn",
        event=(
            "There is a risk that an economic downturn, with high interest rates and inflation, "
            "will mean local businesses struggle"
        ),
        consequence=(
            "unemployment and household debt may rise, and business rates and council tax income "
            "may fall"
        ),
        impact=(
            "resulting in more demand for council services, lower income and slower regeneration"
        ),
        category="strategic",
        inherent=(4, 4),
        residual=(4, 3),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="director:regeneration-economy",
        mitigations=(
            control(
                "Economic strategy with a dashboard of key indicators (claimant count, "
                "business insolvencies, vacancy rates, collection rates) reviewed quarterly by "
                "SLT."
            ),
            control(
                (
                    "Cost-of-living support, debt advice and the local welfare scheme commissioned "
                    "with Citizens Advice and the credit union."
                ),
                evaluation="Advice services helped 4,200 residents last year",
            ),
            control(
                "Business support through the Growth Hub and the Chamber of Commerce, "
                "including help for firms at risk of closure."
            ),
            action(
                (
                    "Model the income impact of a recession on business rates and council tax for "
                    "the MTFS."
                ),
                due_in_days=90,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Civil contingencies and emergency response",
        event=(
            "If a major emergency, such as flooding, a large fire, a power outage or a terrorist "
            "attack, happens in the city"
        ),
        consequence=(
            "the council may not respond effectively as a Category 1 responder under the Civil "
            "Contingencies Act 2004"
        ),
        impact=(
            "resulting in harm to residents, failure of statutory duties and reputational damage"
        ),
        category="strategic",
        inherent=(3, 5),
        residual=(2, 5),
        response="treat",
        review_in_days=70,
        horizon="medium",
        owner="chief.executive",
        mitigations=(
            control(
                "Emergency plans aligned with the Local Resilience Forum, covering flooding, "
                "mass evacuation, rest centres and recovery, tested in a joint exercise every "
                "year."
            ),
            control(
                (
                    "Trained strategic (gold) and tactical (silver) on-call rota, with an "
                    "emergency planning officer available around the clock."
                ),
                evaluation="Rest centre opened within two hours during the February floods",
            ),
            control(
                "Business continuity plans for every critical service, reviewed annually and "
                "tested through desktop exercises."
            ),
            action(
                (
                    "Exercise the council's response to a cyber incident that takes out telephony "
                    "and email."
                ),
                due_in_days=90,
            ),
        ),
    ),
    RiskSeed(
        title="ERP programme delivery",
        event=(
            "If the programme to replace the council's finance, HR and payroll systems with a "
            "cloud ERP system does not go live safely in April"
        ),
        consequence=(
            "the council may have to keep unsupported legacy systems running, and may pay staff or "
            "suppliers wrongly"
        ),
        impact=(
            "resulting in extra costs of £1.5m or more, loss of planned savings, audit criticism "
            "and damage to staff trust"
        ),
        category="strategic",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        review_in_days=14,
        horizon="short",
        target=(3, 3),
        target_in_days=150,
        owner="director:finance-resources",
        mitigations=(
            control(
                "Programme board chaired by the Director of Finance and Resources, with "
                "independent gateway reviews and monthly reporting to SLT."
            ),
            control(
                (
                    "Go/no-go criteria agreed by SLT, covering payroll parallel runs, data "
                    "reconciliation, user readiness and supplier support."
                ),
            ),
            action(
                "Complete user acceptance testing and resolve all priority 1 defects.",
                due_in_days=45,
                status="in_progress",
            ),
            action(
                (
                    "Agree extended support for the legacy finance and payroll systems as a "
                    "contingency if go-live slips."
                ),
                due_in_days=30,
                status="in_progress",
                cost=150000,
            ),
        ),
    ),
)

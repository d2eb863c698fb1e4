"""Regeneration and Economy: the demo council's directorate register for it, its services'
registers and their projects' registers, as data (read by ``demo.loader``)."""

from __future__ import annotations

from demo.council.seeds import action, control
from demo.types import DirectorateSeed, ProjectSeed, RiskSeed, ServiceSeed

_PLANNING_BUILDING_CONTROL_RISKS = (
    RiskSeed(
        title="Five-year housing land supply",
        exposure=(200_000, 1_500_000),
        event=(
            "If the council cannot show a five-year supply of deliverable housing sites against "
            "the new standard method"
        ),
        consequence=(
            "the presumption in favour of sustainable development may apply and speculative "
            "applications may be allowed on appeal"
        ),
        impact="resulting in unplanned development, loss of local control and appeal costs",
        category="strategic",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=20,
        horizon="medium",
        target=(3, 4),
        target_in_days=365,
        owner="director",
        mitigations=(
            control("Annual housing land supply statement with site-by-site evidence"),
            action(
                "Unlock stalled sites with developers and Homes England",
                due_in_days=100,
                status="in_progress",
            ),
            action(
                "Allocate additional housing sites through the Local Plan review", due_in_days=365
            ),
        ),
    ),
    RiskSeed(
        title="Planning appeal costs",
        exposure=(100_000, 600_000),
        budget_line="Planning: appeals and inquiries",
        event=(
            "If the Planning Committee refuses applications against officer advice without sound "
            "planning reasons"
        ),
        consequence="appellants may be awarded costs against the council",
        impact="resulting in unbudgeted costs and criticism from the Planning Inspectorate",
        category="finance",
        inherent=(3, 3),
        residual=(1, 3),
        response="treat",
        review_in_days=70,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Committee members trained on planning reasons and appeal costs before they sit"
            ),
            control(
                "Officers advise on the costs risk at committee when a refusal against "
                "recommendation is proposed"
            ),
        ),
    ),
    RiskSeed(
        title="Planning performance designation",
        event=(
            "If the speed or quality of major or non-major planning decisions falls below the "
            "government's thresholds"
        ),
        consequence=(
            "the council may be designated as underperforming and applicants may apply direct to "
            "the Planning Inspectorate"
        ),
        impact="resulting in loss of fee income and local control",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=45,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                "Weekly performance dashboard; extension of time agreements used where appropriate"
            ),
            action(
                "Introduce a validation checklist and a front-loaded validation team",
                due_in_days=-9,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Building control inspector registration",
        event=(
            "If not enough building control surveyors are registered with the Building Safety "
            "Regulator at the right competence class"
        ),
        consequence=(
            "the council may be unable to carry out its statutory building control work on complex "
            "buildings"
        ),
        impact=(
            "resulting in regulatory action by the Building Safety Regulator and delays to "
            "development"
        ),
        category="legal_regulatory",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=25,
        horizon="short",
        target=(2, 3),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                "All surveyors registered as building inspectors, with competence assessments "
                "paid for by the council"
            ),
            action(
                "Recruit two trainee building control surveyors through the LABC apprenticeship",
                due_in_days=90,
                status="in_progress",
                cost=70000,
            ),
            action(
                "Agree a partnering arrangement with a neighbouring authority for class 3 work",
                due_in_days=60,
            ),
        ),
    ),
    RiskSeed(
        title="Dangerous structures response",
        event=(
            "If a report of a dangerous structure is not responded to promptly, including out of "
            "hours"
        ),
        consequence="a structure may collapse onto a road or neighbouring property",
        impact="resulting in injury or death and liability claims",
        category="customers_citizens",
        inherent=(2, 5),
        residual=(1, 5),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                (
                    "24/7 on-call rota of building control surveyors with an emergency contractor "
                    "on call"
                ),
                evaluation="All 46 call-outs last year attended within two hours",
            ),
        ),
    ),
    RiskSeed(
        title="Planning enforcement backlog",
        event=(
            "If planning enforcement cases keep exceeding the team's capacity (over 600 are open)"
        ),
        consequence=(
            "breaches such as unauthorised HMOs and advertisements may go unchallenged and become "
            "immune from enforcement"
        ),
        impact=(
            "resulting in harm to local amenity, complaints from residents and councillors and "
            "Ombudsman findings"
        ),
        category="reputation",
        inherent=(4, 3),
        residual=(4, 3),
        response="treat",
        review_in_days=-7,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Local enforcement plan prioritising cases by harm"),
            action(
                "Recruit two enforcement officers funded from the increased planning fees",
                due_in_days=75,
                cost=95000,
            ),
        ),
    ),
    RiskSeed(
        title="Biodiversity net gain",
        event=(
            "If biodiversity net gain plans are approved without proper ecological review, or "
            "on-site habitats are not monitored for 30 years"
        ),
        consequence="the required 10% net gain may not be delivered",
        impact=(
            "resulting in loss of biodiversity, legal challenge and damage to the council's "
            "environmental commitments"
        ),
        category="environmental",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=80,
        horizon="long",
        owner="officer",
        mitigations=(
            control("Shared ecologist service reviews every biodiversity metric submitted"),
            action(
                "Set up a habitat monitoring regime funded through section 106 monitoring fees",
                due_in_days=150,
            ),
        ),
    ),
    RiskSeed(
        title="Development in flood risk areas",
        event=(
            "If development is approved in areas at risk of flooding without a robust sequential "
            "test and drainage strategy"
        ),
        consequence="new homes and neighbouring properties may flood",
        impact="resulting in damage, insurance problems for residents and reputational damage",
        category="environmental",
        inherent=(3, 4),
        residual=(2, 3),
        response="treat",
        review_in_days=55,
        horizon="long",
        owner="head",
        mitigations=(
            control("Lead Local Flood Authority consulted on all major applications"),
            control("Strategic flood risk assessment updated in 2024"),
        ),
    ),
    RiskSeed(
        title="Planning fee income",
        event="If the number of planning applications stays low because of market conditions",
        consequence="fee income may fall short of the budget",
        impact="resulting in a small overspend in the service",
        category="finance",
        inherent=(4, 2),
        residual=(3, 2),
        response="tolerate",
        rationale=(
            "Application numbers are falling nationally. The December 2024 fee increase offsets "
            "most of the loss, and the remaining variance of up to £150,000 is managed within the "
            "directorate budget; cutting posts would damage performance."
        ),
        review_in_days=40,
        horizon="short",
        owner="head",
        mitigations=(control("Monthly fee income monitoring with the finance business partner"),),
    ),
    RiskSeed(
        title="Local land charges search accuracy",
        event="If a local land charges search omits a registered charge",
        consequence="a buyer may proceed without knowing of the charge",
        impact="resulting in compensation claims under the Local Land Charges Act 1975",
        category="information",
        inherent=(3, 3),
        residual=(1, 3),
        response="transfer",
        rationale=(
            "The register has migrated to HM Land Registry, which now holds it and is liable for "
            "compensation for errors in official searches."
        ),
        review_in_days=90,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                "Local land charges register migrated to HM Land Registry's national register",
                evaluation="Migration completed with HM Land Registry sign-off",
            ),
            control("New charges sent to HM Land Registry within two working days"),
        ),
    ),
    RiskSeed(
        title="Planning committee probity",
        event="If Planning Committee members predetermine applications or do not declare interests",
        consequence="decisions may be challenged through judicial review or complaint",
        impact="resulting in decisions being quashed, costs and damage to public confidence",
        category="political",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=65,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Planning code of practice and compulsory training for committee members"),
            control("Monitoring Officer advice on declarations of interest before each meeting"),
        ),
    ),
)

_PROPERTY_ESTATES_RISKS = (
    RiskSeed(
        title="Structural surveys and RAAC",
        event=(
            "If reinforced autoclaved aerated concrete (RAAC) or other structural defects are "
            "found in operational buildings"
        ),
        consequence="buildings may have to close at short notice",
        impact="resulting in service disruption, repair costs and a risk to safety",
        category="legal_regulatory",
        inherent=(3, 5),
        residual=(2, 5),
        response="treat",
        review_in_days=30,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "RAAC survey of all pre-1990 flat-roofed buildings completed; two buildings "
                "with RAAC under monitoring"
            ),
            action(
                "Replace the RAAC roof panels at Northgate Community Centre",
                due_in_days=180,
                status="in_progress",
                cost=640000,
            ),
        ),
    ),
    RiskSeed(
        title="Commercial property voids",
        event=(
            "If retail and office units in the commercial property portfolio stay empty or tenants "
            "fall into arrears"
        ),
        consequence="rental income may fall short of the £7.4m budget",
        impact="resulting in a budget pressure and business rates liability on empty units",
        category="finance",
        inherent=(5, 4),
        residual=(5, 3),
        response="treat",
        review_in_days=45,
        horizon="medium",
        target=(3, 3),
        target_in_days=270,
        owner="director",
        mitigations=(
            control("Letting agents instructed on all vacant units, with flexible lease terms"),
            control("Monthly arrears meetings with Revenues and Legal Services"),
            action(
                "Review the portfolio and identify poorly performing assets for disposal",
                due_in_days=25,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Statutory compliance in corporate buildings",
        event=(
            "If gas, electrical, fire risk, asbestos and legionella inspections in corporate "
            "buildings are not up to date"
        ),
        consequence=(
            "a serious incident such as a fire, a legionella outbreak or asbestos exposure may "
            "occur"
        ),
        impact=(
            "resulting in injury or death, prosecution by the Health and Safety Executive and "
            "building closures"
        ),
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=-3,
        horizon="short",
        target=(2, 5),
        target_in_days=180,
        owner="director",
        mitigations=(
            control("Compliance database tracks every inspection across 240 buildings"),
            action(
                "Clear the backlog of 38 overdue fire risk assessments",
                due_in_days=30,
                status="in_progress",
                cost=45000,
            ),
            action("Appoint a compliance manager to the corporate landlord team", due_in_days=-10),
        ),
    ),
    RiskSeed(
        title="Backlog maintenance",
        event="If the £38m maintenance backlog in the operational estate is not funded",
        consequence="roofs, heating and lifts may fail and buildings may close",
        impact="resulting in service disruption and higher emergency repair costs",
        category="finance",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=40,
        horizon="long",
        target=(3, 4),
        target_in_days=365,
        owner="director",
        mitigations=(
            control(
                "Condition surveys every five years feed a priority-ranked maintenance programme"
            ),
            action(
                "Rationalise the estate, cutting the number of buildings by a fifth by 2028",
                due_in_days=365,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Estate decarbonisation",
        event=(
            "If the council's buildings are not decarbonised in line with its 2030 net zero "
            "commitment"
        ),
        consequence="gas boilers and poor insulation may keep emissions and energy costs high",
        impact="resulting in missed climate targets and energy bills above budget",
        category="environmental",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=60,
        horizon="long",
        owner="head",
        mitigations=(
            control("Energy management system monitoring half-hourly data for the major buildings"),
            action(
                (
                    "Bid to the Public Sector Decarbonisation Scheme for heat pumps at four sites "
                    "(council match funding)"
                ),
                due_in_days=90,
                status="in_progress",
                cost=300000,
            ),
        ),
    ),
    RiskSeed(
        title="Security of vacant buildings",
        event=(
            "If vacant buildings awaiting disposal, such as the former Elm Lodge care home, are "
            "broken into"
        ),
        consequence="they may suffer arson, vandalism or squatting",
        impact="resulting in costs, a risk to trespassers and reputational damage",
        category="reputation",
        inherent=(3, 3),
        residual=(2, 2),
        response="transfer",
        rationale=(
            "Security of buildings awaiting disposal is contracted to a property guardian company, "
            "which is responsible for occupation and damage; vacant property insurance covers the "
            "rest."
        ),
        review_in_days=50,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Property guardian contract for vacant buildings, with weekly inspections"),
            control("Vacant property insurance arranged through the corporate programme"),
        ),
    ),
    RiskSeed(
        title="Capital receipts target",
        event="If surplus land and buildings cannot be sold at the values assumed",
        consequence="the council may not realise its £12m capital receipts target",
        impact="resulting in more borrowing to fund the capital programme",
        category="finance",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=35,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Disposals programme monitored by the asset management board"),
            action(
                "Market the former depot site at Canal Street", due_in_days=60, status="in_progress"
            ),
        ),
    ),
    RiskSeed(
        title="Estates terrier data quality",
        event="If the estates terrier holds incomplete or wrong lease and title data",
        consequence="rent reviews and lease breaks may be missed",
        impact="resulting in lost income and disputes with tenants",
        category="information",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=75,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Lease events diary reviewed monthly"),
            action(
                "Cleanse terrier records against HM Land Registry titles",
                due_in_days=40,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Community asset transfers at undervalue",
        event=(
            "If community buildings are transferred to voluntary groups for less than best "
            "consideration"
        ),
        consequence="a transfer may be challenged",
        impact="resulting in a small loss of receipts and possible challenge",
        category="legal_regulatory",
        inherent=(2, 3),
        residual=(1, 3),
        response="tolerate",
        rationale=(
            "Transfers at less than best consideration are allowed under the General Disposal "
            "Consent where they improve local wellbeing. Each is approved by Cabinet with a "
            "valuation report, and the receipts forgone are small."
        ),
        review_in_days=90,
        horizon="long",
        owner="head",
        mitigations=(
            control(
                "Community asset transfer policy, with a valuation and Cabinet approval for "
                "each transfer"
            ),
        ),
    ),
    RiskSeed(
        title="Civic Centre Annexe occupation",
        event=(
            "If staff keep working from the Civic Centre Annexe, which has failing heating and a "
            "costly lease"
        ),
        consequence="repair and running costs may keep rising and working conditions may worsen",
        impact="resulting in budget pressure and staff wellbeing complaints",
        category="finance",
        inherent=(3, 4),
        residual=(1, 2),
        response="terminate",
        rationale=(
            "The Annexe is being vacated and the lease ended at the break; staff move to the main "
            "Civic Centre."
        ),
        review_in_days=45,
        horizon="short",
        owner="head",
        mitigations=(
            control(
                "Cabinet decision to vacate the Annexe and hand it back to the landlord at the "
                "lease break"
            ),
            action(
                "Move the 180 staff to the main Civic Centre under the hybrid working plan",
                due_in_days=75,
                status="in_progress",
                cost=210000,
            ),
        ),
    ),
)

_CITY_CENTRE_REGENERATION_RISKS = (
    RiskSeed(
        title="Market Square construction costs",
        event=(
            "If construction costs for the Market Square scheme keep rising faster than the "
            "contingency"
        ),
        consequence="the scheme may become unaffordable within its £48m budget",
        impact="resulting in reduced scope, delay or extra borrowing",
        category="finance",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=20,
        horizon="medium",
        target=(3, 4),
        target_in_days=180,
        owner="director",
        mitigations=(
            control("Two-stage design and build procurement with an independent cost consultant"),
            action("Value engineering review of phase 2", due_in_days=40, status="in_progress"),
        ),
    ),
    RiskSeed(
        title="Development partner viability",
        event="If the development partner decides the residential phase is not viable",
        consequence="phase 2 may be deferred or the partner may withdraw",
        impact=(
            "resulting in a half-finished site, loss of Homes England grant and reputational damage"
        ),
        category="partnerships",
        inherent=(3, 5),
        residual=(3, 4),
        response="treat",
        review_in_days=30,
        horizon="long",
        target=(2, 4),
        target_in_days=240,
        owner="head",
        mitigations=(
            control("Development agreement with viability review points and step-in rights"),
            action(
                "Agree a revised phasing plan with the partner",
                due_in_days=15,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Compulsory purchase order",
        event=(
            "If objections to the compulsory purchase order for the remaining Market Street "
            "properties lead to a public inquiry"
        ),
        consequence="land assembly may be delayed by 12 months or more",
        impact="resulting in programme delay and higher costs",
        category="legal_regulatory",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=45,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Negotiations with every landowner continue in parallel with the CPO"),
            action("Instruct counsel for the CPO inquiry", due_in_days=60, cost=80000),
        ),
    ),
    RiskSeed(
        title="Trader disruption during construction",
        event="If construction work reduces access and footfall in Market Street",
        consequence="independent traders may lose trade or close",
        impact="resulting in complaints, negative publicity and political pressure",
        category="construction",
        inherent=(4, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=35,
        horizon="short",
        owner="head",
        mitigations=(
            control("Construction management plan keeps pedestrian access to every shop"),
            control("Business liaison officer and an 'open as usual' marketing campaign"),
        ),
    ),
)

_ECONOMIC_DEVELOPMENT_RISKS = (
    RiskSeed(
        title="UKSPF programme spend",
        event="If UK Shared Prosperity Fund projects do not spend their allocations by 31 March",
        consequence="unspent grant may have to be returned to government",
        impact=(
            "resulting in lost investment in the city and doubts about the council's capacity to "
            "deliver future funding"
        ),
        category="finance",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=25,
        horizon="short",
        target=(2, 3),
        target_in_days=90,
        owner="head",
        mitigations=(
            control("Monthly spend and output monitoring with each delivery partner"),
            action(
                "Reallocate slow-spending allocations to the business grant scheme",
                due_in_days=20,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Inward investment competition",
        event="If Kingsmere loses out to neighbouring cities in attracting investment",
        consequence="new employers may choose other locations",
        impact="resulting in fewer jobs and slower business rates growth",
        category="strategic",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=60,
        horizon="long",
        owner="head",
        mitigations=(
            control(
                "Investment promotion through the Combined Authority's inward investment agency"
            ),
            action(
                "Refresh the city's investment prospectus with its available sites", due_in_days=90
            ),
        ),
    ),
    RiskSeed(
        title="City centre retail decline",
        event=(
            "If more national retailers leave the city centre following the closure of the "
            "department store"
        ),
        consequence="shop vacancy rates may rise above 20% and footfall may fall",
        impact=(
            "resulting in a declining city centre, lower business rates and more anti-social "
            "behaviour"
        ),
        category="strategic",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=30,
        horizon="long",
        target=(3, 4),
        target_in_days=365,
        owner="director",
        mitigations=(
            control("City centre management partnership with the Business Improvement District"),
            action(
                "Run a meanwhile-use programme of pop-up shops in empty units",
                due_in_days=45,
                status="in_progress",
                cost=60000,
            ),
            action(
                "Prepare a business case to acquire and repurpose the former department store",
                due_in_days=300,
            ),
        ),
    ),
    RiskSeed(
        title="Business grant fraud",
        event="If business grants are awarded to ineligible or fraudulent applicants",
        consequence="public money may be lost",
        impact="resulting in losses, clawback action and reputational damage",
        category="finance",
        inherent=(3, 3),
        residual=(1, 3),
        response="treat",
        review_in_days=80,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Companies House, bank account and HMRC checks before any grant is paid",
                evaluation="No fraud found in post-payment assurance",
            ),
        ),
    ),
    RiskSeed(
        title="Adult skills provision",
        event=(
            "If adult skills funding devolved to the Combined Authority does not match local "
            "employers' needs"
        ),
        consequence="residents may not gain the skills needed for local jobs",
        impact="resulting in skills gaps and higher economic inactivity",
        category="partnerships",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        review_in_days=55,
        horizon="long",
        owner="head",
        mitigations=(
            control("Employment and skills board with the college, DWP and employers"),
            action(
                (
                    "Agree joint priorities with the Chamber of Commerce for the Local Skills "
                    "Improvement Plan"
                ),
                due_in_days=100,
            ),
        ),
    ),
    RiskSeed(
        title="Subsidy control compliance",
        event=(
            "If business support is awarded without an assessment under the Subsidy Control Act "
            "2022"
        ),
        consequence="a subsidy may be unlawful",
        impact=(
            "resulting in recovery of the subsidy and challenge before the Competition Appeal "
            "Tribunal"
        ),
        category="legal_regulatory",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=70,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Subsidy control checklist for every scheme, reviewed by Legal Services"),
        ),
    ),
    RiskSeed(
        title="Major employer closure",
        event=(
            "If a major employer such as the Kingsmere Components plant, with 1,200 jobs, closes "
            "or relocates"
        ),
        consequence="large numbers of residents may lose their jobs at once",
        impact="resulting in higher unemployment, pressure on benefits and lost business rates",
        category="strategic",
        inherent=(2, 5),
        residual=(2, 4),
        response="treat",
        review_in_days=50,
        horizon="long",
        owner="head",
        mitigations=(
            control("Key account management with the city's 20 largest employers"),
            control("Rapid response arrangements with DWP and Kingsmere College"),
        ),
    ),
    RiskSeed(
        title="Business loan fund",
        event="If businesses default on loans made through the council's business loan fund",
        consequence="loans may have to be written off",
        impact="resulting in a financial loss to the council",
        category="finance",
        inherent=(3, 3),
        residual=(1, 2),
        response="terminate",
        rationale=(
            "The council no longer lends directly to businesses. The remaining loans are being run "
            "down, and support is now offered as grants through the Combined Authority."
        ),
        review_in_days=90,
        horizon="short",
        owner="head",
        mitigations=(
            control("No new loans since Cabinet closed the fund; existing loans monitored monthly"),
            action(
                "Recover or settle the remaining six loans", due_in_days=120, status="in_progress"
            ),
        ),
    ),
    RiskSeed(
        title="Low carbon business programme outputs",
        event="If fewer businesses than planned take up low carbon audits and grants",
        consequence="the programme may miss its carbon savings outputs",
        impact="resulting in a lower grant claim and a slower fall in business emissions",
        category="environmental",
        inherent=(3, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "The programme is fully grant-funded and discretionary. A shortfall in outputs means a "
            "lower final claim rather than a cost to the council, so more control effort is not "
            "justified."
        ),
        review_in_days=75,
        horizon="medium",
        owner="head",
        mitigations=(control("Quarterly output reporting to the funder"),),
    ),
    RiskSeed(
        title="Devolution and Combined Authority priorities",
        event=(
            "If the Mayoral Combined Authority's priorities change after elections or under the "
            "English Devolution White Paper"
        ),
        consequence=(
            "Kingsmere may not secure its share of investment from the integrated settlement"
        ),
        impact="resulting in fewer regeneration and transport schemes in the city",
        category="political",
        inherent=(3, 4),
        residual=(3, 3),
        response="treat",
        review_in_days=40,
        horizon="long",
        owner="head",
        mitigations=(
            control(
                "The Leader and Chief Executive sit on the Combined Authority board and its "
                "chief executives' group"
            ),
            action(
                "Agree a pipeline of investment-ready schemes for the integrated settlement",
                due_in_days=60,
                status="in_progress",
            ),
        ),
    ),
)

_CULTURE_EVENTS_RISKS = (
    RiskSeed(
        title="Event safety and Martyn's Law",
        event=(
            "If the council's events and venues are not ready for the Terrorism (Protection of "
            "Premises) Act 2025 and current crowd safety standards"
        ),
        consequence="a terrorist attack or crowd crush may not be prevented or managed well",
        impact=(
            "resulting in death or serious injury, enforcement by the Security Industry Authority "
            "and long-term reputational damage"
        ),
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=20,
        horizon="short",
        target=(2, 5),
        target_in_days=200,
        owner="officer",
        mitigations=(
            control(
                "Safety Advisory Group reviews every large event with police, fire and "
                "ambulance services"
            ),
            control("Event management plans, with crowd management by SIA-licensed stewards"),
            action(
                (
                    "Complete enhanced-tier assessments for the Playhouse and the Riverside "
                    "Festival site"
                ),
                due_in_days=90,
                status="in_progress",
            ),
            action("ACT (Action Counters Terrorism) training for all venue staff", due_in_days=-12),
        ),
    ),
    RiskSeed(
        title="Festival financial loss",
        event=(
            "If the Kingsmere Riverside Festival is cancelled or poorly attended because of "
            "weather or other causes"
        ),
        consequence="ticket and sponsorship income may not cover costs",
        impact="resulting in a loss to the service budget",
        category="finance",
        inherent=(3, 3),
        residual=(2, 3),
        response="transfer",
        rationale=(
            "Event cancellation and adverse weather insurance transfers the main financial loss "
            "from cancellation to the insurer."
        ),
        review_in_days=50,
        horizon="short",
        owner="officer",
        mitigations=(
            control("Event cancellation and adverse weather insurance"),
            control("Sponsorship contracts signed before headline acts are booked"),
        ),
    ),
    RiskSeed(
        title="Museum collection environmental controls",
        event="If temperature and humidity controls fail in the museum stores",
        consequence="objects in the collection may be damaged by mould, pests or light",
        impact="resulting in the loss of irreplaceable items and of Museum Accreditation",
        category="environmental",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=45,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Environmental monitoring with alerts to the collections team"),
            action("Replace the air handling unit in the main store", due_in_days=150, cost=120000),
        ),
    ),
    RiskSeed(
        title="Arts Council funding",
        event=(
            "If Arts Council England reduces National Portfolio funding for the Kingsmere Museums "
            "Trust"
        ),
        consequence="the Trust may cut opening hours or programmes",
        impact="resulting in less cultural provision and pressure on the council to fill the gap",
        category="partnerships",
        inherent=(3, 4),
        residual=(3, 3),
        response="treat",
        review_in_days=60,
        horizon="long",
        owner="head",
        mitigations=(
            control("Funding agreement with the Trust, monitored quarterly"),
            action(
                "Support the Trust's business plan for the next investment round", due_in_days=180
            ),
        ),
    ),
    RiskSeed(
        title="Playhouse stage engineering",
        event="If the Playhouse safety curtain or flying system fails inspection",
        consequence="the theatre may have to close or cancel performances",
        impact="resulting in lost income and disappointed audiences",
        category="customers_citizens",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=-2,
        horizon="medium",
        owner="head",
        mitigations=(
            control("LOLER inspections every six months by an independent engineer"),
            action(
                "Replace the flying system control desk",
                due_in_days=-20,
                status="in_progress",
                cost=85000,
            ),
        ),
    ),
    RiskSeed(
        title="UK City of Culture bid",
        event="If Kingsmere's bid to be UK City of Culture is unsuccessful",
        consequence="the money and effort spent on the bid may not bring the hoped-for investment",
        impact="resulting in criticism of the spending and disappointment among partners",
        category="political",
        inherent=(3, 2),
        residual=(3, 2),
        response="tolerate",
        rationale=(
            "The bid is a Cabinet priority and its cost is capped at £250,000, mostly from "
            "partners. Even if it fails, the bid builds partnerships and a cultural strategy, so "
            "the risk is accepted."
        ),
        review_in_days=30,
        horizon="long",
        owner="head",
        mitigations=(control("Bid budget capped and mostly funded by partners"),),
    ),
    RiskSeed(
        title="Safeguarding in youth arts programmes",
        event=(
            "If children and young people on arts and events programmes are not properly "
            "safeguarded"
        ),
        consequence="a child may come to harm",
        impact="resulting in harm and serious reputational damage",
        category="customers_citizens",
        inherent=(3, 4),
        residual=(1, 4),
        response="treat",
        review_in_days=65,
        horizon="medium",
        owner="officer",
        mitigations=(
            control("All staff and volunteers in regulated activity are DBS checked and trained"),
            control("A safeguarding lead for the service with a referral route to the MASH"),
        ),
    ),
    RiskSeed(
        title="Premises licence conditions",
        event=(
            "If council venues breach their premises licence conditions on capacity, noise or hours"
        ),
        consequence="the licence may be reviewed",
        impact="resulting in restrictions, fines and reputational damage",
        category="legal_regulatory",
        inherent=(2, 3),
        residual=(1, 3),
        response="treat",
        review_in_days=85,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                "Duty manager checklist and a briefing on licence conditions before each event"
            ),
        ),
    ),
    RiskSeed(
        title="Heritage volunteer numbers",
        event="If volunteer numbers at the heritage sites keep falling",
        consequence="tours and events may be reduced",
        impact="resulting in a smaller visitor offer",
        category="people",
        inherent=(3, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "Volunteers support but do not run the heritage sites: paid staff cover core opening, "
            "and a small fall in numbers only affects extra activities."
        ),
        review_in_days=90,
        horizon="long",
        owner="officer",
        mitigations=(control("Volunteer coordinator and an annual recruitment campaign"),),
    ),
    RiskSeed(
        title="Loaned objects indemnity",
        event="If a borrowed object is damaged or stolen while on display",
        consequence="the lender may claim compensation",
        impact="resulting in a large liability",
        category="finance",
        inherent=(2, 4),
        residual=(1, 4),
        response="transfer",
        rationale=(
            "Borrowed objects are covered by the Government Indemnity Scheme or the lender's "
            "insurance, so loss or damage does not fall on the council."
        ),
        review_in_days=80,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Government Indemnity Scheme cover for all eligible loans, with its security "
                "standards met"
            ),
            control("Commercial insurance for objects outside the scheme"),
        ),
    ),
)

_REGENERATION_ECONOMY_RISKS = (
    RiskSeed(
        title="Regeneration funding gap",
        event=(
            "If construction inflation and higher borrowing costs push the cost of the "
            "regeneration pipeline beyond the Levelling Up Fund and Combined Authority grants"
        ),
        consequence="schemes may have to be phased, redesigned or stopped",
        impact=(
            "resulting in lost grant, lost regeneration benefits and borrowing costs falling on "
            "the general fund"
        ),
        category="finance",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        review_in_days=21,
        horizon="long",
        target=(3, 4),
        target_in_days=270,
        owner="director",
        mitigations=(
            control("Each scheme has a business case with a cost review at every RIBA stage"),
            action(
                "Reprioritise the pipeline with the Combined Authority",
                due_in_days=75,
                status="in_progress",
            ),
            action(
                "Capital programme board to challenge every scheme over £5m",
                due_in_days=-20,
                status="done",
                evaluation="First challenge session removed two schemes from the pipeline",
            ),
        ),
    ),
    RiskSeed(
        title="Loss of external funding after UKSPF",
        event="If the UK Shared Prosperity Fund ends without a replacement",
        consequence=(
            "business support, employment and skills programmes and 22 fixed-term posts may lose "
            "their funding"
        ),
        impact="resulting in reduced services, redundancy costs and lost partner capacity",
        category="partnerships",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=35,
        horizon="medium",
        owner="director",
        mitigations=(
            control("Exit plans for each funded programme"),
            action(
                "Bid for the economic programmes in the Combined Authority's integrated settlement",
                due_in_days=50,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Local Plan and housing requirement",
        event=(
            "If the Local Plan review is not submitted for examination by the government's "
            "deadline under the revised National Planning Policy Framework"
        ),
        consequence=(
            "the council may face a higher housing requirement, government intervention and "
            "planning by appeal"
        ),
        impact=(
            "resulting in development in the wrong places, loss of local control and "
            "infrastructure falling behind"
        ),
        category="strategic",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=-30,
        horizon="long",
        target=(2, 4),
        target_in_days=365,
        owner="director",
        mitigations=(
            control("Local Development Scheme agreed by Cabinet and monitored monthly"),
            action(
                "Complete the Regulation 19 consultation on the draft Local Plan",
                due_in_days=120,
                status="in_progress",
                cost=250000,
            ),
            action(
                "Update the housing and economic land availability assessment",
                due_in_days=-40,
                status="in_progress",
            ),
        ),
    ),
)


DIRECTORATE = DirectorateSeed(
    slug="regeneration-economy",
    name="Regeneration and Economy",
    director=("Catherine", "Adeyemi"),
    services=(
        ServiceSeed(
            slug="planning-building-control",
            name="Planning and Building Control",
            head=("Stephen", "Haslam"),
            officer=("Kwame", "Mensah"),
            risks=_PLANNING_BUILDING_CONTROL_RISKS,
        ),
        ServiceSeed(
            slug="property-estates",
            name="Property and Estates",
            head=("Nicola", "Summers"),
            risks=_PROPERTY_ESTATES_RISKS,
            projects=(
                ProjectSeed(
                    slug="city-centre-regeneration-scheme",
                    name="City Centre Regeneration Scheme",
                    risks=_CITY_CENTRE_REGENERATION_RISKS,
                ),
            ),
        ),
        ServiceSeed(
            slug="economic-development",
            name="Economic Development",
            head=("Mark", "Ellison"),
            risks=_ECONOMIC_DEVELOPMENT_RISKS,
        ),
        ServiceSeed(
            slug="culture-events",
            name="Culture and Events",
            head=("Anita", "Sandhu"),
            officer=("Fiona", "Campbell"),
            risks=_CULTURE_EVENTS_RISKS,
        ),
    ),
    risks=_REGENERATION_ECONOMY_RISKS,
)

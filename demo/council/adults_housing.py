"""Adult Services and Housing: the demo council's directorate register for it, its services'
registers and their projects' registers, as data (read by ``demo.loader``)."""

from __future__ import annotations

from demo.council.seeds import action, control
from demo.types import DirectorateSeed, RiskSeed, ServiceSeed

ADULTS_HOUSING_RISKS = (
    RiskSeed(
        title="Adult social care budget overspend",
        exposure=(2_500_000, 6_000_000),
        mtfs="Care fees rise by 5% in 2027/28",
        event=(
            "If demand for adult social care keeps rising faster than the budget, driven by more "
            "people with complex needs and higher provider fees"
        ),
        consequence=(
            "the directorate may overspend its £168m net adult social care budget by £6m to £9m "
            "this year"
        ),
        impact=(
            "resulting in in-year spending controls across the council, use of reserves and a "
            "wider gap in the Medium Term Financial Strategy"
        ),
        category="finance",
        inherent=(5, 5),
        residual=(4, 5),
        response="treat",
        horizon="medium",
        review_in_days=14,
        target=(3, 4),
        target_in_days=270,
        owner="director",
        mitigations=(
            control(
                (
                    "Monthly budget monitoring with the Section 151 Officer and a weekly high-cost "
                    "package panel"
                ),
                (
                    "The panel has held the average cost of new residential placements flat since "
                    "April."
                ),
            ),
            action(
                (
                    "Deliver the Living Well at Home demand management programme (£3.2m savings "
                    "target)"
                ),
                120,
                "in_progress",
                cost=250000,
            ),
            action(
                (
                    "Review every home care package over £1,500 a week against strengths-based "
                    "practice"
                ),
                -14,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="CQC local authority assessment",
        event=(
            "If the Care Quality Commission's assessment of how we meet our Care Act 2014 duties "
            "finds significant gaps"
        ),
        consequence=(
            "the council may be rated 'requires improvement' or 'inadequate' and face government "
            "intervention"
        ),
        impact=(
            "resulting in reputational damage, loss of staff confidence and leadership time "
            "diverted into an improvement plan"
        ),
        category="legal_regulatory",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="short",
        review_in_days=30,
        target=(2, 4),
        target_in_days=240,
        owner="director",
        mitigations=(
            control(
                (
                    "Self-assessment refreshed every six months and tested through a regional "
                    "ADASS peer challenge"
                ),
                "The spring peer challenge found the self-assessment realistic.",
            ),
            action(
                (
                    "Run the CQC readiness programme: case file audits, staff briefings and an "
                    "evidence library"
                ),
                60,
                "in_progress",
                cost=45000,
            ),
        ),
    ),
    RiskSeed(
        title="NHS discharge funding withdrawn",
        exposure=(1_200_000, 2_400_000),
        budget_line="Better Care Fund: hospital discharge grant",
        event=(
            "If the Integrated Care Board reduces or withdraws its contribution to "
            "discharge-to-assess and reablement services"
        ),
        consequence=(
            "the council may have to fund those services alone or cut them, and discharges from "
            "Kingsmere General Hospital may slow"
        ),
        impact=(
            "resulting in a £2.4m budget pressure, people staying in hospital longer than they "
            "need to and strained NHS relationships"
        ),
        category="partnerships",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        horizon="medium",
        review_in_days=-9,
        target=(3, 4),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                "Section 75 agreement for the Better Care Fund, with a joint commissioning board "
                "meeting monthly"
            ),
            action(
                "Agree a two-year funding settlement for discharge-to-assess with the ICB",
                45,
                "in_progress",
            ),
            action("Model a reduced reablement offer as a contingency if NHS funding ends", 30),
        ),
    ),
)

ADULT_SOCIAL_CARE_RISKS = (
    RiskSeed(
        title="Care Act assessment backlog",
        event=(
            "If the waiting list for Care Act needs assessments and annual reviews continues to "
            "grow"
        ),
        consequence=(
            "people with eligible needs may wait months for support and reviews of existing "
            "packages may go overdue"
        ),
        impact=(
            "resulting in avoidable deterioration, carer breakdown, complaints to the Ombudsman "
            "and a breach of our Care Act 2014 duties"
        ),
        category="customers_citizens",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="short",
        review_in_days=14,
        target=(3, 3),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                "Risk-prioritised waiting list, triaged weekly by team managers",
                (
                    "The highest-risk cases are seen within five working days; lower-priority "
                    "waits are still about 14 weeks."
                ),
            ),
            action(
                "Commission an agency assessment team for six months to clear the backlog",
                60,
                "in_progress",
                cost=180000,
            ),
            action(
                (
                    "Introduce a trusted assessor model with occupational therapy for "
                    "equipment-only cases"
                ),
                -10,
            ),
        ),
    ),
    RiskSeed(
        title="Hospital discharge delays over winter",
        event=(
            "If winter pressures push more people needing care out of Kingsmere General Hospital "
            "than the home care and reablement market can absorb"
        ),
        consequence=(
            "there may be a rise in delayed discharges and more people placed straight into "
            "short-term residential care"
        ),
        impact=(
            "resulting in worse outcomes for older people, higher long-term care costs and "
            "national scrutiny of hospital flow"
        ),
        category="customers_citizens",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="short",
        review_in_days=7,
        target=(3, 3),
        target_in_days=150,
        owner="director",
        mitigations=(
            control(
                "Daily integrated discharge hub with the hospital trust, seven days a week",
                "Works well on weekdays; weekend discharges remain low.",
            ),
            action(
                "Block-book 24 discharge-to-assess beds for December to March",
                45,
                "in_progress",
                cost=420000,
            ),
            action("Extend reablement hours to 10pm and weekends", 30),
        ),
    ),
    RiskSeed(
        title="Section 42 safeguarding enquiries",
        event=(
            "If section 42 safeguarding enquiries are not started and completed within our "
            "multi-agency timescales"
        ),
        consequence=(
            "adults at risk of abuse or neglect may be left without protection while concerns are "
            "investigated"
        ),
        impact=(
            "resulting in serious harm to vulnerable people, a Safeguarding Adults Review and "
            "criticism from the Safeguarding Adults Board"
        ),
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(2, 5),
        response="treat",
        horizon="medium",
        review_in_days=30,
        mitigations=(
            control(
                "Adult safeguarding hub screens all concerns within 24 hours",
                "Quarterly audit shows 96% of concerns screened on time.",
            ),
            control("Monthly performance report to the Kingsmere Safeguarding Adults Board"),
            action("Refresh section 42 practice guidance and retrain enquiry officers", 75),
        ),
    ),
    RiskSeed(
        title="Deprivation of Liberty Safeguards backlog",
        event=(
            "If Deprivation of Liberty Safeguards applications continue to exceed the capacity of "
            "our Best Interests Assessors"
        ),
        consequence=(
            "people in care homes and hospitals may be deprived of their liberty without lawful "
            "authorisation"
        ),
        impact=(
            "resulting in unlawful detention claims, damages and adverse findings in the CQC "
            "assessment"
        ),
        category="legal_regulatory",
        inherent=(5, 3),
        residual=(5, 3),
        response="treat",
        horizon="medium",
        review_in_days=-12,
        owner="officer",
        mitigations=(
            control(
                "Applications prioritised using the ADASS screening tool",
                "Holding the backlog at about 900 applications but not reducing it.",
            ),
            action(
                "Commission additional Best Interests Assessors from an approved framework",
                30,
                cost=60000,
            ),
            action(
                (
                    "Prepare for Liberty Protection Safeguards if government confirms an "
                    "implementation date"
                ),
                365,
            ),
        ),
    ),
    RiskSeed(
        title="Social worker recruitment and retention",
        event=(
            "If we cannot recruit and keep enough qualified social workers and occupational "
            "therapists"
        ),
        consequence=(
            "there may be high caseloads, reliance on agency staff and delays in assessments and "
            "reviews"
        ),
        impact=(
            "resulting in a poorer service to residents, extra agency spend of around £1.5m a year "
            "and low staff morale"
        ),
        category="people",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="medium",
        review_in_days=45,
        target=(2, 4),
        target_in_days=365,
        mitigations=(
            control("Market supplement for hard-to-fill social work posts"),
            control(
                "Assessed and Supported Year in Employment (ASYE) academy",
                (
                    "Fourteen newly qualified social workers recruited this year; retention after "
                    "two years is 80%."
                ),
            ),
            action(
                "Launch an international recruitment campaign for 10 social workers",
                90,
                "in_progress",
                cost=70000,
            ),
        ),
    ),
    RiskSeed(
        title="Adult case management system migration",
        event=(
            "If the migration from the legacy adult social care case recording system slips or "
            "moves data incorrectly"
        ),
        consequence=(
            "practitioners may lose access to accurate case histories and care package costs may "
            "be mis-recorded"
        ),
        impact=(
            "resulting in unsafe decisions, provider payment errors and a possible reportable data "
            "breach"
        ),
        category="information",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        horizon="short",
        review_in_days=21,
        owner="officer",
        mitigations=(
            control(
                "Project board with the supplier and ICT, and three trial data loads with "
                "reconciliation"
            ),
            action("Complete user acceptance testing with each locality team", -5, "in_progress"),
            action("Run old and new systems in parallel for one payment cycle", 40),
        ),
    ),
    RiskSeed(
        title="Lone working in the community",
        event="If staff visiting people at home are not covered by lone working arrangements",
        consequence=(
            "a member of staff may be assaulted or taken ill without anyone knowing where they are"
        ),
        impact="resulting in injury to staff, an HSE investigation and a claim against the council",
        category="people",
        inherent=(3, 4),
        residual=(1, 4),
        response="treat",
        horizon="long",
        review_in_days=60,
        owner="officer",
        mitigations=(
            control(
                "Lone working app with a monitored alarm issued to all community staff",
                "Usage audit shows 93% of visits are logged in the app.",
            ),
            control("Warning markers for known risks shown on the case record before visits"),
        ),
    ),
    RiskSeed(
        title="Misuse of direct payments",
        event=(
            "If a small number of people receiving direct payments use the money for things other "
            "than their assessed needs"
        ),
        consequence="there may be funds that have to be recovered and needs that are not met",
        impact="resulting in minor financial loss and occasional safeguarding follow-up",
        category="finance",
        inherent=(3, 3),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "The annual audit of direct payment accounts finds misuse in under 1% of packages and "
            "most of it is recovered. Further checks would cost more than the losses they prevent "
            "and would undermine the choice and control that direct payments exist to give."
        ),
        horizon="long",
        review_in_days=75,
        mitigations=(
            control(
                "Managed accounts and prepaid cards for new direct payments, with an annual audit "
                "sample"
            ),
        ),
    ),
    RiskSeed(
        title="Client contributions debt",
        event=(
            "If assessed charges for non-residential and residential care are not invoiced and "
            "collected promptly"
        ),
        consequence=(
            "there may be a growing level of aged debt, some of which becomes unrecoverable"
        ),
        impact=(
            "resulting in lost income of up to £800,000 a year and write-offs charged to the "
            "service budget"
        ),
        category="finance",
        inherent=(4, 3),
        residual=(3, 2),
        response="treat",
        horizon="medium",
        review_in_days=40,
        mitigations=(
            control(
                "Financial assessment completed before a package starts, with charges explained "
                "in writing"
            ),
            action(
                "Move to monthly direct debit as the default way of paying care charges",
                100,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Approved Mental Health Professional rota",
        event=(
            "If there are not enough Approved Mental Health Professionals to cover the day and "
            "out-of-hours rotas"
        ),
        consequence=(
            "Mental Health Act assessments may be delayed and people held in police custody or A&E "
            "longer"
        ),
        impact=(
            "resulting in risk to the person and the public, a breach of statutory duty and "
            "strained police relations"
        ),
        category="customers_citizens",
        inherent=(4, 4),
        residual=(2, 4),
        response="treat",
        horizon="short",
        review_in_days=30,
        owner="officer",
        mitigations=(
            control(
                "Payment for AMHP warrant holders and a shared out-of-hours rota with the "
                "emergency duty team"
            ),
            action(
                "Sponsor four social workers through AMHP training", 200, "in_progress", cost=32000
            ),
        ),
    ),
    RiskSeed(
        title="Extreme heat and cold affecting people receiving care",
        event=(
            "If a prolonged heatwave or severe cold spell occurs, as climate change makes more "
            "likely"
        ),
        consequence=(
            "vulnerable adults receiving care at home may suffer heat- or cold-related illness and "
            "care workers may be unable to reach them"
        ),
        impact=(
            "resulting in avoidable deaths and hospital admissions, missed care calls and "
            "criticism of the council's response"
        ),
        category="environmental",
        inherent=(3, 5),
        residual=(2, 4),
        response="treat",
        horizon="long",
        review_in_days=55,
        mitigations=(
            control(
                "Providers' business continuity plans reviewed annually, with a priority list of "
                "people who cannot go without a call"
            ),
            control(
                "UKHSA heat-health and cold-health alerts cascaded to providers and care staff"
            ),
            action("Add overheating checks to care home and extra care quality visits", 150),
        ),
    ),
)

HOUSING_RISKS = (
    RiskSeed(
        title="Temporary accommodation costs",
        event=(
            "If the number of homeless households in temporary accommodation keeps rising and "
            "nightly-paid placements stay the main supply"
        ),
        consequence=(
            "there may be spending on temporary accommodation well above budget, most of it not "
            "covered by housing benefit subsidy"
        ),
        impact=(
            "resulting in a forecast overspend of £4.8m, pressure on the council's general fund "
            "and families living in unsuitable housing"
        ),
        category="finance",
        inherent=(5, 5),
        residual=(5, 4),
        response="treat",
        horizon="medium",
        review_in_days=14,
        target=(4, 3),
        target_in_days=365,
        owner="director",
        mitigations=(
            control(
                "Weekly temporary accommodation placement panel and move-on tracker",
                (
                    "Average stay has fallen from 41 to 37 weeks, but new placements still outpace "
                    "move-on."
                ),
            ),
            action(
                "Lease 60 homes through a private sector leasing scheme",
                150,
                "in_progress",
                cost=1200000,
            ),
            action(
                "Buy 40 homes for use as temporary accommodation through the capital programme",
                240,
                "in_progress",
                cost=8000000,
            ),
            action(
                (
                    "Agree a sub-regional rate cap for nightly-paid accommodation with "
                    "neighbouring councils"
                ),
                -20,
            ),
        ),
    ),
    RiskSeed(
        title="Families in bed and breakfast",
        event=(
            "If families with children have to be placed in bed and breakfast accommodation for "
            "more than six weeks"
        ),
        consequence=(
            "the council may breach the Homelessness (Suitability of Accommodation) (England) "
            "Order 2003"
        ),
        impact=(
            "resulting in harm to children's health and schooling, Ombudsman findings and adverse "
            "local publicity"
        ),
        category="legal_regulatory",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="short",
        review_in_days=7,
        target=(2, 4),
        target_in_days=120,
        mitigations=(
            control(
                "Daily check of every family in B&B, with moves prioritised before week five",
                "There are still 12 families past six weeks at the latest count.",
            ),
            action(
                "Convert the former Fenwick House offices into 24 self-contained family units",
                180,
                "in_progress",
                cost=2100000,
            ),
        ),
    ),
    RiskSeed(
        title="Homelessness prevention duty",
        event="If housing options caseloads keep rising beyond what officers can manage",
        consequence=(
            "prevention and relief duties under the Homelessness Reduction Act 2017 may not be "
            "started early enough in the 56 days"
        ),
        impact=(
            "resulting in more households reaching the main duty and entering temporary "
            "accommodation, and successful reviews against us"
        ),
        category="customers_citizens",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=28,
        target=(2, 3),
        target_in_days=200,
        owner="officer",
        mitigations=(
            control("Caseload cap of 35 per housing options officer, monitored weekly"),
            control("Prevention fund for rent arrears and deposits"),
            action(
                (
                    "Recruit three extra housing options officers funded by the Homelessness "
                    "Prevention Grant"
                ),
                60,
                "in_progress",
                cost=135000,
            ),
        ),
    ),
    RiskSeed(
        title="Winter night shelter provider withdraws",
        event=(
            "If the charity commissioned to run the winter night shelter withdraws or cannot open"
        ),
        consequence=(
            "people sleeping rough may have nowhere to go during the Severe Weather Emergency "
            "Protocol"
        ),
        impact=(
            "resulting in risk to life, more rough sleeping in the city centre and criticism from "
            "partners"
        ),
        category="partnerships",
        inherent=(3, 4),
        residual=(2, 3),
        response="treat",
        horizon="short",
        review_in_days=20,
        mitigations=(
            control("Grant agreement with monthly contract meetings and a named back-up venue"),
            action(
                "Agree a standby arrangement with a second provider for SWEP nights",
                10,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Damp and mould in temporary accommodation",
        event=(
            "If damp and mould in temporary accommodation and leased homes are not found and fixed "
            "quickly"
        ),
        consequence="households, often with young children, may live with serious health hazards",
        impact=(
            "resulting in harm to health, claims under the Homes (Fitness for Human Habitation) "
            "Act 2018 and national publicity"
        ),
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        horizon="medium",
        review_in_days=21,
        target=(2, 4),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                (
                    "Inspection of every temporary accommodation unit before first use and every "
                    "six months"
                ),
                (
                    "Inspections are up to date, but repairs by landlords of nightly-paid units "
                    "are slow."
                ),
            ),
            action(
                "Write Awaab's Law repair timescales into all temporary accommodation agreements",
                90,
                "in_progress",
            ),
            action("Set up a damp and mould reporting line with 24-hour triage", -8),
        ),
    ),
    RiskSeed(
        title="Selective licensing scheme challenge",
        event=(
            "If the proposed selective licensing scheme for private rented homes in three wards is "
            "challenged by landlord groups"
        ),
        consequence="the scheme may be delayed or quashed by judicial review",
        impact=(
            "resulting in poor private rented housing going unchecked, wasted consultation costs "
            "and political embarrassment"
        ),
        category="political",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        horizon="long",
        review_in_days=50,
        mitigations=(
            control("Evidence base and consultation designed with external legal advice"),
            action("Report consultation results and the final scheme to Cabinet", 70),
        ),
    ),
    RiskSeed(
        title="Housing register banding errors",
        event=(
            "If the housing register system calculates priority bands incorrectly after a policy "
            "change"
        ),
        consequence="some applicants may be placed in the wrong band and offered homes out of turn",
        impact="resulting in complaints, a small number of reviews and minor reputational damage",
        category="information",
        inherent=(3, 3),
        residual=(1, 3),
        response="tolerate",
        rationale=(
            "Quarterly sample checks of 100 applications have found no systematic error since the "
            "last policy change, and every offer is checked by hand before it is made. Further "
            "automated testing is not proportionate; we will re-assess at the next policy change."
        ),
        horizon="medium",
        review_in_days=85,
        mitigations=(
            control("Manual verification of banding before every offer of accommodation"),
        ),
    ),
    RiskSeed(
        title="Refugees leaving asylum accommodation",
        event=(
            "If the Home Office speeds up asylum decisions while the move-on period from asylum "
            "hotels stays at 28 days"
        ),
        consequence=(
            "there may be a surge of newly recognised refugees presenting to the council as "
            "homeless"
        ),
        impact=(
            "resulting in more households in temporary accommodation, rough sleeping and unplanned "
            "costs"
        ),
        category="political",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="short",
        review_in_days=14,
        target=(3, 3),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                "Weekly data sharing with the Home Office accommodation provider on expected "
                "decisions"
            ),
            action(
                (
                    "Lobby through the regional Strategic Migration Partnership for a 56-day "
                    "move-on period"
                ),
                60,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Disabled Facilities Grant delays",
        event=(
            "If occupational therapy waits and builder capacity delay Disabled Facilities Grant "
            "adaptations"
        ),
        consequence=(
            "disabled residents may wait many months for level-access showers, stairlifts and ramps"
        ),
        impact=(
            "resulting in falls, hospital admissions, extra care costs and an underspent capital "
            "grant"
        ),
        category="customers_citizens",
        inherent=(3, 3),
        residual=(1, 3),
        response="treat",
        horizon="medium",
        review_in_days=60,
        mitigations=(
            control("Framework of approved adaptation contractors with agreed schedule of rates"),
            action(
                (
                    "Fast-track route for stairlifts and minor adaptations without a full grant "
                    "process"
                ),
                45,
                "done",
            ),
        ),
    ),
    RiskSeed(
        title="Fraudulent homelessness applications",
        event=(
            "If applicants give false information about their circumstances to get help under the "
            "homelessness duties"
        ),
        consequence=(
            "temporary accommodation or social housing may be given to households not entitled to "
            "it"
        ),
        impact="resulting in small financial losses and fewer homes for those in genuine need",
        category="finance",
        inherent=(2, 3),
        residual=(1, 3),
        response="tolerate",
        rationale=(
            "Identity and residence checks at triage and National Fraud Initiative data matching "
            "catch almost all cases; corporate fraud team referrals found two cases last year. "
            "More checks would slow help to genuine applicants for little gain."
        ),
        horizon="long",
        review_in_days=90,
        mitigations=(
            control(
                "Identity, residence and income checks at triage, with referral to the corporate "
                "fraud team"
            ),
        ),
    ),
    RiskSeed(
        title="Violence at the housing options reception",
        event=(
            "If a distressed or aggressive customer assaults staff at the Civic Centre housing "
            "reception"
        ),
        consequence="staff may be injured and the service closed for the rest of the day",
        impact="resulting in harm to staff, sickness absence and homeless people turned away",
        category="people",
        inherent=(4, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=30,
        owner="officer",
        mitigations=(
            control("Security officer on site, panic alarms and interview rooms with two exits"),
            control(
                "Conflict resolution training for all front-line staff, refreshed every two years"
            ),
        ),
    ),
)

PUBLIC_HEALTH_RISKS = (
    RiskSeed(
        title="Public health grant falls in real terms",
        event=(
            "If the ring-fenced public health grant continues to rise by less than pay and "
            "contract inflation"
        ),
        consequence=(
            "commissioned services such as sexual health, health visiting and stop smoking may "
            "have to be reduced"
        ),
        impact=(
            "resulting in poorer health outcomes, wider health inequalities and pressure on NHS "
            "services"
        ),
        category="finance",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="long",
        review_in_days=60,
        mitigations=(
            control(
                "Three-year public health commissioning plan aligned with the Medium Term "
                "Financial Strategy"
            ),
            action("Review every public health contract for value for money before renewal", 150),
        ),
    ),
    RiskSeed(
        title="Drug and alcohol treatment contract re-procurement",
        event=(
            "If the re-procurement of the adult drug and alcohol treatment service is delayed or "
            "attracts no suitable bidder"
        ),
        consequence=(
            "the current contract may have to be extended outside the Provider Selection Regime "
            "rules"
        ),
        impact=(
            "resulting in a risk of challenge, loss of service continuity and harm to people in "
            "treatment"
        ),
        category="partnerships",
        inherent=(3, 4),
        residual=(1, 4),
        response="treat",
        horizon="medium",
        review_in_days=35,
        mitigations=(
            control(
                "Procurement timetable agreed with the corporate procurement team and legal "
                "services"
            ),
            action("Run market engagement events with treatment providers", 20, "done"),
        ),
    ),
    RiskSeed(
        title="Communicable disease outbreak",
        event=(
            "If a large outbreak of measles or another communicable disease occurs in the city, "
            "where childhood vaccination uptake is below 90%"
        ),
        consequence=(
            "there may be serious illness in unvaccinated children and school and care home "
            "closures"
        ),
        impact=(
            "resulting in hospital admissions, possible deaths and pressure on the council's "
            "emergency response"
        ),
        category="customers_citizens",
        inherent=(3, 5),
        residual=(2, 4),
        response="treat",
        horizon="long",
        review_in_days=45,
        mitigations=(
            control("Joint outbreak management plan with UKHSA and the ICB, exercised annually"),
            action(
                "Targeted MMR catch-up clinics in the three wards with lowest uptake",
                90,
                "in_progress",
                cost=25000,
            ),
        ),
    ),
    RiskSeed(
        title="NHS Health Check uptake",
        event=(
            "If fewer eligible residents take up their NHS Health Check than the national ambition"
        ),
        consequence="cardiovascular risk may go undetected in some residents",
        impact=(
            "resulting in avoidable strokes and heart attacks in the longer term and a "
            "below-average published indicator"
        ),
        category="strategic",
        inherent=(3, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "Uptake is a little below target but the programme is mandated and delivered through "
            "GP practices; targeted outreach in the most deprived wards is already funded. "
            "Further spend would buy few extra checks. We will watch the quarterly figures."
        ),
        horizon="long",
        review_in_days=80,
        mitigations=(
            control("Outreach Health Checks in community venues in the most deprived wards"),
        ),
    ),
    RiskSeed(
        title="Drug treatment grant ends",
        event=(
            "If the Drug and Alcohol Treatment and Recovery Improvement Grant is not renewed "
            "beyond March"
        ),
        consequence="around 20 treatment and recovery posts funded by the grant may have to end",
        impact=(
            "resulting in fewer treatment places, longer waits and a rise in drug-related deaths"
        ),
        category="finance",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="short",
        review_in_days=21,
        target=(2, 4),
        target_in_days=120,
        mitigations=(
            control("Posts on fixed-term contracts matched to the grant period"),
            action(
                "Prepare an exit plan that protects the highest-impact roles", 45, "in_progress"
            ),
        ),
    ),
    RiskSeed(
        title="Data for the Joint Strategic Needs Assessment",
        event="If data-sharing agreements with GP practices and the ICB lapse or are not renewed",
        consequence=(
            "the Joint Strategic Needs Assessment and health needs assessments may rely on "
            "out-of-date data"
        ),
        impact="resulting in commissioning decisions that miss the greatest needs",
        category="information",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=70,
        mitigations=(
            control(
                "Information governance register of all public health data-sharing agreements "
                "with renewal dates"
            ),
            action("Renew the primary care data-sharing agreement", 55),
        ),
    ),
    RiskSeed(
        title="Health effects of poor air quality",
        event=(
            "If nitrogen dioxide and fine particulate levels stay high along the ring road and "
            "inner radial routes"
        ),
        consequence=(
            "residents, particularly children and older people, may suffer more respiratory and "
            "heart disease"
        ),
        impact=(
            "resulting in early deaths attributable to air pollution and widening health "
            "inequalities"
        ),
        category="environmental",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="long",
        review_in_days=-15,
        mitigations=(
            control(
                "Air quality action plan jointly owned with regulatory services and transport "
                "planning"
            ),
            action(
                "Run the school streets programme at ten more primary schools",
                210,
                "in_progress",
                cost=80000,
            ),
        ),
    ),
    RiskSeed(
        title="Health visiting workforce",
        event=(
            "If the NHS trust delivering the 0-19 Healthy Child Programme cannot recruit enough "
            "health visitors"
        ),
        consequence=(
            "mandated checks such as the new birth visit and the 2-2.5 year review may be missed "
            "or late"
        ),
        impact=(
            "resulting in missed developmental and safeguarding concerns and poorer school "
            "readiness"
        ),
        category="partnerships",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=20,
        mitigations=(
            control("Quarterly contract reviews with performance against each mandated check"),
            action(
                "Agree a skill-mix plan with the trust using community nursery nurses",
                30,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Public health grant conditions",
        event="If public health grant is spent on activity that does not meet the grant conditions",
        consequence="the Department of Health and Social Care may claw back funding",
        impact="resulting in a financial loss and a qualified grant return",
        category="legal_regulatory",
        inherent=(2, 4),
        residual=(1, 4),
        response="tolerate",
        rationale=(
            "Every proposed use of the grant outside core public health services is checked "
            "against "
            "the conditions by the Director of Public Health and finance; the grant return has "
            "been "
            "signed off without qualification for five years. No further action is proportionate."
        ),
        horizon="medium",
        review_in_days=88,
        mitigations=(
            control(
                "Grant spend approved jointly by the Director of Public Health and the Section "
                "151 Officer"
            ),
        ),
    ),
    RiskSeed(
        title="Cluster of suicides among young people",
        event="If a cluster of suicides among young people occurs in the city",
        consequence="there may be intense media attention and community fear of further deaths",
        impact=(
            "resulting in further harm through contagion and loss of public confidence in local "
            "services"
        ),
        category="reputation",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        horizon="long",
        review_in_days=40,
        mitigations=(
            control("Real-time suspected suicide surveillance with the police and coroner"),
            control("Multi-agency suicide cluster response plan"),
            action(
                "Deliver suicide prevention training to school and college staff",
                120,
                "in_progress",
                cost=15000,
            ),
        ),
    ),
)

COMMISSIONING_RISKS = (
    RiskSeed(
        title="Care home provider failure",
        event=(
            "If a large care home operator in the city fails financially or is rated inadequate by "
            "the CQC"
        ),
        consequence=(
            "residents may need to move at short notice under the council's temporary duty in "
            "section 48 of the Care Act 2014"
        ),
        impact=(
            "resulting in harm and distress to residents, emergency placement costs and adverse "
            "regional publicity"
        ),
        category="partnerships",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        horizon="medium",
        review_in_days=30,
        target=(2, 5),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                (
                    "Provider risk dashboard combining CQC ratings, safeguarding alerts and "
                    "financial checks"
                ),
                "Gave early warning of both home closures in the last two years.",
            ),
            control("Provider failure protocol agreed with the ICB and CQC"),
            action(
                "Commission an independent financial health check of the five largest operators",
                90,
                cost=30000,
            ),
        ),
    ),
    RiskSeed(
        title="Home care market capacity",
        event=(
            "If home care providers cannot recruit enough care workers, especially in the outer "
            "estates"
        ),
        consequence=(
            "there may be people waiting for a home care package or placed in a care home instead"
        ),
        impact="resulting in loss of independence, delayed hospital discharges and higher costs",
        category="customers_citizens",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        horizon="short",
        review_in_days=25,
        mitigations=(
            control("Zoned home care contracts with guaranteed hours in hard-to-serve areas"),
            action(
                "Pilot a rural and outer-estates rate with mileage paid to care workers",
                60,
                "in_progress",
                cost=90000,
            ),
        ),
    ),
    RiskSeed(
        title="Care fee uplift pressure",
        event=(
            "If the National Living Wage and employer National Insurance rise faster than the "
            "budgeted fee uplift"
        ),
        consequence=(
            "providers may seek higher fees, refuse new placements at our rates or hand back "
            "contracts"
        ),
        impact="resulting in a budget pressure of up to £5m and reduced care supply",
        category="finance",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="short",
        review_in_days=-7,
        target=(3, 4),
        target_in_days=120,
        owner="director",
        mitigations=(
            control("Annual cost of care exercise with providers to set fee rates"),
            action(
                "Agree the fee uplift with providers before the budget is set", -12, "in_progress"
            ),
            action("Present fee options and their budget impact to Cabinet", 35),
        ),
    ),
    RiskSeed(
        title="Procurement Act 2023 compliance",
        event=(
            "If commissioning staff are not familiar with the Procurement Act 2023 and the Health "
            "Care Services (Provider Selection Regime) Regulations"
        ),
        consequence="contracts may be awarded or varied in breach of the rules",
        impact="resulting in legal challenge, contracts set aside and delays to services",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(1, 4),
        response="treat",
        horizon="short",
        review_in_days=60,
        mitigations=(
            control("All commissioners completed the Cabinet Office Procurement Act training"),
            control("Legal services sign off every award above the threshold"),
        ),
    ),
    RiskSeed(
        title="Contract monitoring records",
        event=(
            "If provider monitoring information is kept in separate spreadsheets rather than the "
            "contract management system"
        ),
        consequence=(
            "concerns about a provider may not be joined up or may be lost when staff leave"
        ),
        impact="resulting in missed warning signs of poor care",
        category="information",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=65,
        mitigations=(
            control("Quality assurance team uses a shared provider log reviewed monthly"),
            action(
                "Move all provider monitoring into the contract management system",
                120,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Exploitation of overseas care workers",
        event=(
            "If overseas care workers sponsored by commissioned providers are exploited through "
            "illegal fees or unpaid hours"
        ),
        consequence="modern slavery may be found in the council's care supply chain",
        impact=(
            "resulting in harm to workers, sponsor licences revoked, sudden loss of care staff and "
            "national publicity"
        ),
        category="reputation",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        horizon="medium",
        review_in_days=50,
        mitigations=(
            control(
                "Modern slavery clauses in all care contracts and an annual provider workforce "
                "return"
            ),
            action(
                (
                    "Joint visits with the Gangmasters and Labour Abuse Authority to providers "
                    "with concerns"
                ),
                75,
            ),
        ),
    ),
    RiskSeed(
        title="Provider liability insurance",
        event=(
            "If a commissioned care provider's public or employer's liability insurance lapses or "
            "is inadequate"
        ),
        consequence="claims arising from the provider's care may be pursued against the council",
        impact="resulting in uninsured financial loss",
        category="finance",
        inherent=(3, 3),
        residual=(1, 3),
        response="transfer",
        rationale=(
            "Liability for care delivered sits with providers under the contract, which requires "
            "£10m public liability and £10m employer's liability cover."
        ),
        horizon="long",
        review_in_days=90,
        mitigations=(
            control(
                "Contract clause requiring insurance cover, with certificates checked at renewal",
                "Checks at the last renewal found all certificates in date.",
            ),
        ),
    ),
    RiskSeed(
        title="Unregistered supported living providers",
        event=(
            "If the council continues to place people with supported living providers that give "
            "personal care without CQC registration"
        ),
        consequence="people may receive unregulated care with no independent inspection",
        impact=(
            "resulting in serious harm, regulatory action and the council being complicit in "
            "unlawful care"
        ),
        category="legal_regulatory",
        inherent=(3, 5),
        residual=(1, 5),
        response="terminate",
        rationale=(
            "We have stopped all new placements with unregistered providers and are moving people "
            "to registered services."
        ),
        horizon="short",
        review_in_days=30,
        mitigations=(
            control(
                "New placements only with providers on the supported living framework, all CQC "
                "registered"
            ),
            action("Move the remaining 11 people to registered providers", 60, "in_progress"),
        ),
    ),
    RiskSeed(
        title="Quality of residential care",
        event=(
            "If the proportion of city care homes rated 'requires improvement' by the CQC "
            "continues to rise"
        ),
        consequence=(
            "there may be fewer good-quality placements and more suspensions of new admissions"
        ),
        impact="resulting in poorer care for residents and placements out of the city",
        category="customers_citizens",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=35,
        target=(2, 3),
        target_in_days=300,
        mitigations=(
            control("Quality improvement team supporting homes rated 'requires improvement'"),
            action(
                "Fund registered manager leadership programme for 20 homes",
                180,
                "in_progress",
                cost=40000,
            ),
        ),
    ),
    RiskSeed(
        title="Better Care Fund plan",
        event=(
            "If the Better Care Fund plan is not agreed with the ICB and signed off by the Health "
            "and Wellbeing Board by the national deadline"
        ),
        consequence="NHS England may escalate and the release of pooled funding may be delayed",
        impact="resulting in national scrutiny and short-term cash flow pressure",
        category="political",
        inherent=(2, 4),
        residual=(1, 4),
        response="tolerate",
        rationale=(
            "The plan has been agreed on time for eight years running and the joint commissioning "
            "board tracks the timetable monthly. The residual risk is low and needs no extra "
            "action."
        ),
        horizon="short",
        review_in_days=45,
        mitigations=(control("Joint commissioning board tracks the plan timetable monthly"),),
    ),
)


DIRECTORATE = DirectorateSeed(
    slug="adults-housing",
    name="Adult Services and Housing",
    director=("Elaine", "Whitmore"),
    risks=ADULTS_HOUSING_RISKS,
    services=(
        ServiceSeed(
            slug="adult-social-care",
            name="Adult Social Care",
            head=("Joanne", "Pritchard"),
            officer=("Hannah", "Brookes"),
            risks=ADULT_SOCIAL_CARE_RISKS,
        ),
        ServiceSeed(
            slug="housing-homelessness",
            name="Housing and Homelessness",
            head=("Neil", "Atherton"),
            officer=("Priya", "Chauhan"),
            risks=HOUSING_RISKS,
        ),
        ServiceSeed(
            slug="public-health",
            name="Public Health",
            head=("Rebecca", "Hollis"),
            risks=PUBLIC_HEALTH_RISKS,
        ),
        ServiceSeed(
            slug="commissioning-quality",
            name="Commissioning and Quality",
            head=("Andrew", "McKenzie"),
            risks=COMMISSIONING_RISKS,
        ),
    ),
)

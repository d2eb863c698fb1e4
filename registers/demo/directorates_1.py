"""Demo registers for Kingsmere City Council, part 1: three of its directorates.

Adult Services and Housing, Children's Services and Education, and City Services, each with
its directorate register, its service registers and (for two services) a project register.
The risks follow the council's policy: every description is framed as event, consequence and
impact; scores are (likelihood, impact) on the 1-5 scales of Tables 1 and 2; each risk carries
its controls in place and the actions being put in place. Dates are offsets in days from the
day the demo is loaded (negative = in the past, so overdue).
"""

from __future__ import annotations

from registers.demo.types import DirectorateSeed, MitigationSeed, ProjectSeed, RiskSeed, ServiceSeed


def control(description: str, evaluation: str = "") -> MitigationSeed:
    """A control already in place, with a short note of how well it is working."""
    return MitigationSeed(description, evaluation=evaluation)


def action(
    description: str,
    due_in_days: int,
    status: str = "open",
    cost: int | None = None,
    evaluation: str = "",
) -> MitigationSeed:
    """A planned action, due ``due_in_days`` from today (negative = overdue)."""
    return MitigationSeed(
        description,
        kind="action",
        status=status,
        due_in_days=due_in_days,
        cost=cost,
        evaluation=evaluation,
    )


# ---------------------------------------------------------------------------------------------
# Adult Services and Housing
# ---------------------------------------------------------------------------------------------

ADULTS_HOUSING_RISKS = (
    RiskSeed(
        title="Adult social care budget overspend",
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

# ---------------------------------------------------------------------------------------------
# Children's Services and Education
# ---------------------------------------------------------------------------------------------

CHILDREN_EDUCATION_RISKS = (
    RiskSeed(
        title="High-needs deficit and the statutory override",
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

# ---------------------------------------------------------------------------------------------
# City Services
# ---------------------------------------------------------------------------------------------

CITY_SERVICES_RISKS = (
    RiskSeed(
        title="Net zero 2030 target for the council's estate",
        event=(
            "If the council's commitment to net zero carbon for its own buildings and fleet by "
            "2030 is not funded"
        ),
        consequence="the heat decarbonisation and fleet electrification programmes may stall",
        impact=(
            "resulting in missing a Council Plan priority, higher long-term energy costs and loss "
            "of credibility on the climate emergency"
        ),
        category="environmental",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        horizon="long",
        review_in_days=60,
        target=(3, 4),
        target_in_days=540,
        owner="director",
        mitigations=(
            control(
                "Climate change board chaired by the Director, with an annual carbon report to "
                "Cabinet"
            ),
            action(
                "Bid to the Public Sector Decarbonisation Scheme for the Civic Centre heat pumps",
                45,
                "in_progress",
            ),
            action("Adopt an electric-first fleet replacement policy", -25),
        ),
    ),
    RiskSeed(
        title="Simpler Recycling and Extended Producer Responsibility funding",
        event=(
            "If the government's Simpler Recycling requirements and packaging Extended Producer "
            "Responsibility payments are not funded as expected"
        ),
        consequence=(
            "the council may have to pay for weekly food waste collections and new recycling "
            "streams itself"
        ),
        impact=(
            "resulting in an unfunded pressure of about £2m a year and a service change that "
            "residents may resist"
        ),
        category="political",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="medium",
        review_in_days=30,
        owner="director",
        mitigations=(
            control("Waste strategy modelling of costs under each funding scenario"),
            action(
                "Respond to the DEFRA consultation on EPR payment methodology through the LGA",
                15,
                "done",
            ),
        ),
    ),
    RiskSeed(
        title="Severe weather response",
        event=(
            "If a prolonged spell of snow and ice or widespread flooding coincides with staff "
            "shortages"
        ),
        consequence=(
            "the council may be unable to grit the priority network, collect waste or clear "
            "blocked drains"
        ),
        impact=(
            "resulting in accidents, residents cut off, missed collections and criticism of the "
            "council"
        ),
        category="customers_citizens",
        inherent=(3, 5),
        residual=(2, 5),
        response="treat",
        horizon="medium",
        review_in_days=-14,
        owner="director",
        mitigations=(
            control(
                "Winter service plan, salt stock of 6,000 tonnes and mutual aid with neighbouring "
                "councils"
            ),
            control("Directorate business continuity plans tested in an autumn exercise"),
        ),
    ),
)

WASTE_RISKS = (
    RiskSeed(
        title="HGV driver shortage",
        event="If we cannot recruit and keep enough HGV drivers for refuse and recycling rounds",
        consequence="rounds may run short-staffed or rely on agency drivers at higher cost",
        impact="resulting in missed collections, overtime spend and complaints",
        category="people",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=30,
        owner="officer",
        mitigations=(
            control("HGV driver market supplement and a loaders-to-drivers training scheme"),
            action("Train six more loaders to HGV Category C", 150, "in_progress", cost=24000),
        ),
    ),
    RiskSeed(
        title="Lithium-ion battery fires",
        event=(
            "If lithium-ion batteries and vapes put in household bins ignite in refuse vehicles or "
            "at the depot"
        ),
        consequence="there may be vehicle and building fires",
        impact=(
            "resulting in injury to crews, loss of vehicles worth £300,000 each and disruption to "
            "collections"
        ),
        category="environmental",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        horizon="medium",
        review_in_days=21,
        target=(2, 5),
        target_in_days=240,
        owner="director",
        mitigations=(
            control(
                "Crews trained to tip a burning load safely; thermal imaging at the transfer "
                "station"
            ),
            action(
                "Launch a kerbside collection of small electricals and batteries",
                120,
                "in_progress",
                cost=85000,
            ),
            action("Run a battery fire communications campaign", -9, "in_progress"),
        ),
    ),
    RiskSeed(
        title="Weekly food waste service launch",
        event=(
            "If vehicles and caddies for the new weekly food waste service are not delivered "
            "before launch"
        ),
        consequence="the service may start late or only in part of the city",
        impact="resulting in failure to meet the statutory start date and confused residents",
        category="strategic",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="short",
        review_in_days=14,
        owner="officer",
        mitigations=(
            control("Project board with fortnightly tracking of vehicle and caddy orders"),
            action("Confirm the delivery slot for 14 food waste vehicles", -6, "in_progress"),
            action("Deliver caddies to 140,000 households", 100, cost=520000),
        ),
    ),
    RiskSeed(
        title="Energy from waste plant outage",
        event=(
            "If the energy from waste plant operated under the 25-year PFI contract has an "
            "unplanned outage"
        ),
        consequence="residual waste may have to go to landfill",
        impact="resulting in landfill tax and haulage costs and higher carbon emissions",
        category="partnerships",
        inherent=(3, 4),
        residual=(2, 2),
        response="transfer",
        rationale=(
            "Under the PFI contract the operator bears the cost of diverting waste during "
            "unplanned outages."
        ),
        horizon="long",
        review_in_days=75,
        mitigations=(
            control(
                "Contract deductions and operator-funded diversion during outages",
                "Used twice last year at no cost to the council.",
            ),
        ),
    ),
    RiskSeed(
        title="Ageing refuse fleet",
        event="If replacement refuse vehicles are not funded in the capital programme",
        consequence="more vehicles may break down and repair costs may rise",
        impact="resulting in missed rounds and higher revenue costs",
        category="finance",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=45,
        mitigations=(
            control("Fleet replacement plan with vehicles replaced at seven years"),
            action("Hire five spare vehicles over the winter", 20, "done", cost=65000),
        ),
    ),
    RiskSeed(
        title="Fly-tipping",
        event="If fly-tipping continues to rise in back alleys and on open land",
        consequence="there may be more clearance work and fewer resources for routine cleansing",
        impact="resulting in dirtier streets, clearance costs and resident dissatisfaction",
        category="environmental",
        inherent=(5, 3),
        residual=(4, 3),
        response="treat",
        horizon="medium",
        review_in_days=35,
        mitigations=(
            control(
                "Enforcement team issuing fixed penalty notices and prosecuting repeat offenders"
            ),
            action(
                "Install 20 more deployable CCTV cameras at hotspots", 90, "in_progress", cost=40000
            ),
        ),
    ),
    RiskSeed(
        title="Industrial action in waste services",
        event=(
            "If a ballot over pay, grading or shift patterns results in industrial action by "
            "refuse and recycling crews"
        ),
        consequence="collections may stop for weeks and waste may build up in the streets",
        impact=(
            "resulting in public health risks, vermin, national media coverage and the cost of "
            "contingency arrangements"
        ),
        category="people",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        horizon="short",
        review_in_days=-2,
        target=(2, 5),
        target_in_days=90,
        owner="director",
        mitigations=(
            control("Monthly joint consultative meetings with GMB and Unite"),
            action("Complete the job evaluation of the driver and loader roles", 40, "in_progress"),
            action("Agree a strike contingency plan with a private waste contractor", -15),
        ),
    ),
    RiskSeed(
        title="Workplace transport at the depot",
        event=(
            "If a pedestrian is struck by a reversing refuse vehicle at the Harrow Lane depot or "
            "on a round"
        ),
        consequence="a member of staff or the public may be killed or seriously injured",
        impact=(
            "resulting in an HSE prosecution, unlimited fines and lasting harm to families and "
            "staff"
        ),
        category="legal_regulatory",
        inherent=(3, 5),
        residual=(1, 5),
        response="treat",
        horizon="long",
        review_in_days=60,
        owner="officer",
        mitigations=(
            control(
                "One-way system, segregated walkways and banksmen at the depot",
                "No reversing incidents at the depot in the last two years.",
            ),
            control("360-degree cameras and reversing sensors on every refuse vehicle"),
            control("Route risk assessments reviewed annually to remove reversing where possible"),
        ),
    ),
    RiskSeed(
        title="Missed bin collections",
        event="If collections are missed because of blocked access, breakdowns or staff absence",
        consequence="some residents may have their bins left for a week or more",
        impact="resulting in complaints, councillor enquiries and some local criticism",
        category="reputation",
        inherent=(4, 2),
        residual=(3, 2),
        response="tolerate",
        rationale=(
            "The missed bin rate is 48 per 100,000 collections, in the top quartile nationally, "
            "and "
            "missed bins are returned to within two working days. A further cut would need an "
            "extra "
            "crew at about £180,000 a year, which is not proportionate to the impact."
        ),
        horizon="medium",
        review_in_days=85,
        mitigations=(control("In-cab technology records missed bins and the reason in real time"),),
    ),
    RiskSeed(
        title="Trade waste debt",
        event="If commercial waste customers fall behind with payments",
        consequence="the service may carry bad debt",
        impact="resulting in small write-offs against trading income",
        category="finance",
        inherent=(3, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "Customers pay quarterly in advance and collections stop after 30 days' arrears, so "
            "write-offs are under £10,000 a year. Chasing further would cost more than it recovers."
        ),
        horizon="long",
        review_in_days=90,
        mitigations=(
            control("Payment in advance, with collections suspended for accounts in arrears"),
        ),
    ),
    RiskSeed(
        title="Unstaffed bring bank sites",
        event=(
            "If the council keeps operating 24 unstaffed bring bank recycling sites, which attract "
            "fly-tipping and contamination"
        ),
        consequence="sites may become dumping grounds and loads of recycling may be rejected",
        impact="resulting in clearance costs, lost recycling income and complaints from neighbours",
        category="environmental",
        inherent=(4, 3),
        residual=(1, 3),
        response="terminate",
        rationale=(
            "Kerbside glass collection now covers every household, so the bring banks are being "
            "removed."
        ),
        horizon="short",
        review_in_days=40,
        mitigations=(
            control("Kerbside glass collection extended to all households"),
            action("Remove the last eight bring bank sites", 30, "in_progress"),
        ),
    ),
    RiskSeed(
        title="Garden waste subscription system",
        event=(
            "If the online garden waste subscription system fails during the February renewal "
            "window"
        ),
        consequence="residents may be unable to renew and income may be delayed",
        impact="resulting in lost income, a spike in calls and complaints",
        category="information",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        horizon="short",
        review_in_days=25,
        mitigations=(
            control("Load testing of the payment platform before renewals open"),
            action("Add a telephone payment fallback for the renewal period", 50),
        ),
    ),
)

HIGHWAYS_RISKS = (
    RiskSeed(
        title="Highway maintenance backlog",
        event=(
            "If capital funding for road and footway maintenance stays well below what is needed "
            "to hold the network's condition"
        ),
        consequence="the £92m maintenance backlog may keep growing and more potholes may form",
        impact=(
            "resulting in more third-party claims, damage to vehicles, trips on footways and loss "
            "of DfT incentive funding"
        ),
        category="finance",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        horizon="long",
        review_in_days=30,
        target=(3, 4),
        target_in_days=730,
        owner="director",
        mitigations=(
            control(
                "Highway asset management plan prioritising preventive treatments",
                (
                    "Surface dressing has slowed deterioration of the classified network; "
                    "unclassified roads still worsen."
                ),
            ),
            action(
                "Invest an extra £5m of prudential borrowing in resurfacing",
                180,
                "in_progress",
                cost=5000000,
            ),
            action("Publish the network condition report required for DfT funding", -4),
        ),
    ),
    RiskSeed(
        title="Highway safety inspections and claims",
        event=(
            "If highway safety inspections are not carried out at the intervals set in our Highway "
            "Safety Inspection Manual"
        ),
        consequence="the council may lose its section 58 defence under the Highways Act 1980",
        impact="resulting in more successful personal injury and vehicle damage claims",
        category="legal_regulatory",
        inherent=(4, 4),
        residual=(2, 3),
        response="treat",
        horizon="medium",
        review_in_days=30,
        owner="officer",
        mitigations=(
            control(
                (
                    "Inspection schedule tracked on the highways asset system, with monthly "
                    "compliance reports"
                ),
                "99% of inspections were on time last quarter.",
            ),
            control(
                "Claims handled with the insurance team, with inspection records kept for six years"
            ),
        ),
    ),
    RiskSeed(
        title="Bridge and structure condition",
        event="If principal inspections of the city's 212 bridges and structures fall behind",
        consequence=(
            "defects may be missed and structures may need emergency weight limits or closure"
        ),
        impact=(
            "resulting in disruption to traffic and buses, emergency repair costs and risk to road "
            "users"
        ),
        category="customers_citizens",
        inherent=(3, 5),
        residual=(2, 4),
        response="treat",
        horizon="long",
        review_in_days=60,
        mitigations=(
            control(
                "Inspection programme to the national Code of Practice, with general inspections "
                "every two years"
            ),
            action(
                "Commission principal inspections of 18 overdue structures",
                100,
                "in_progress",
                cost=120000,
            ),
        ),
    ),
    RiskSeed(
        title="Street lighting energy costs",
        event="If wholesale electricity prices rise again",
        consequence="the street lighting energy bill may exceed budget",
        impact="resulting in a modest overspend within the service",
        category="finance",
        inherent=(3, 3),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "All 38,000 street lights are now LED with dimming, and energy is bought through a "
            "hedged public sector framework. Any remaining price rise would be small and can be "
            "absorbed within the service budget."
        ),
        horizon="medium",
        review_in_days=90,
        mitigations=(control("LED conversion with central management system dimming"),),
    ),
    RiskSeed(
        title="Bus service withdrawals",
        event=(
            "If commercial operators withdraw evening and outer-estate bus routes when national "
            "fare support and Bus Service Improvement Plan funding change"
        ),
        consequence="residents may lose their only public transport to work, hospital and school",
        impact="resulting in isolation, pressure to subsidise routes and political criticism",
        category="political",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=-13,
        mitigations=(
            control("Enhanced partnership with operators, with 56 days' notice of route changes"),
            action("Prioritise routes for support from the local transport grant", 60),
        ),
    ),
    RiskSeed(
        title="Traffic signal control system",
        event="If the supplier ends support for the legacy urban traffic control software",
        consequence="the system may be exposed to cyber attack or fail without a fix",
        impact="resulting in signal failures, congestion and a possible safety incident",
        category="information",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        horizon="medium",
        review_in_days=40,
        owner="officer",
        mitigations=(
            control("Traffic control network separated from the corporate network"),
            action(
                "Procure a replacement urban traffic management system",
                270,
                "in_progress",
                cost=650000,
            ),
        ),
    ),
    RiskSeed(
        title="Surface water flooding",
        event=(
            "If intense rainfall overwhelms gullies, culverts and watercourses, as happens more "
            "often with climate change"
        ),
        consequence="homes, businesses and roads may flood",
        impact=(
            "resulting in damage to property, road closures and criticism of the council as Lead "
            "Local Flood Authority"
        ),
        category="environmental",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        horizon="long",
        review_in_days=30,
        target=(3, 4),
        target_in_days=365,
        owner="director",
        mitigations=(
            control("Risk-based gully cleansing programme and culvert inspections before autumn"),
            control("Local flood risk management strategy agreed with the Environment Agency"),
            action(
                "Build the Brook Lane flood alleviation scheme", 300, "in_progress", cost=1800000
            ),
        ),
    ),
    RiskSeed(
        title="Utility street works overruns",
        event=(
            "If utility companies overrun their street works permits or carry out works without "
            "permits"
        ),
        consequence="there may be congestion and disruption on key routes",
        impact=(
            "resulting in delays, complaints and damage to the reputation of the council's network "
            "management"
        ),
        category="partnerships",
        inherent=(4, 2),
        residual=(3, 2),
        response="treat",
        horizon="short",
        review_in_days=30,
        owner="officer",
        mitigations=(
            control("Permit scheme with fixed penalty notices and overrun charges"),
            action("Introduce lane rental on the most congested routes", 150),
        ),
    ),
    RiskSeed(
        title="Road casualties",
        event="If the number of people killed or seriously injured rises on high-risk routes",
        consequence=(
            "there may be more deaths and serious injuries, particularly among pedestrians and "
            "cyclists"
        ),
        impact=(
            "resulting in lasting harm to families, coroner's reports and criticism of the council"
        ),
        category="reputation",
        inherent=(3, 4),
        residual=(3, 3),
        response="treat",
        horizon="long",
        review_in_days=50,
        mitigations=(
            control("Casualty reduction schemes targeted using police collision data"),
            action(
                "Introduce 20mph limits around all primary schools", 240, "in_progress", cost=350000
            ),
        ),
    ),
    RiskSeed(
        title="Eastgate multi-storey car park",
        event=(
            "If the council continues to operate the Eastgate multi-storey car park, where "
            "concrete decks are spalling"
        ),
        consequence="part of a deck may fail",
        impact="resulting in injury or death, litigation and an enforced closure",
        category="legal_regulatory",
        inherent=(3, 5),
        residual=(1, 5),
        response="terminate",
        rationale=(
            "The car park has been closed permanently and Cabinet has approved its demolition."
        ),
        horizon="short",
        review_in_days=30,
        mitigations=(
            control("Car park closed and fenced; monthly structural monitoring until demolition"),
            action("Demolish the car park", 120, "in_progress", cost=1100000),
        ),
    ),
    RiskSeed(
        title="Highways term contractor performance",
        event=(
            "If the highways term maintenance contractor does not meet agreed performance standards"
        ),
        consequence="repairs may be late or poor quality",
        impact="resulting in more claims and complaints",
        category="partnerships",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=60,
        mitigations=(
            control(
                "Monthly key performance indicators with a pain-gain mechanism in the contract"
            ),
        ),
    ),
)

KINGSBRIDGE_ROAD_BRIDGE_RISKS = (
    RiskSeed(
        title="Network Rail possessions",
        event=(
            "If Network Rail cannot grant the weekend track possessions needed to strengthen the "
            "deck of Kingsbridge Road bridge"
        ),
        consequence="the programme may slip by up to a year",
        impact=(
            "resulting in extra costs and the 7.5-tonne weight restriction staying in place, which "
            "keeps buses on a diversion"
        ),
        category="partnerships",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="medium",
        review_in_days=14,
        mitigations=(
            control("Asset protection agreement signed with Network Rail"),
            action(
                "Confirm the possession dates in the Network Rail access planning process",
                -7,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Bridge scheme cost overrun",
        event=(
            "If the condition of the bridge found once works start is worse than the surveys showed"
        ),
        consequence="the £6.8m scheme may cost considerably more",
        impact=(
            "resulting in a call on the capital programme contingency and delays to other highway "
            "schemes"
        ),
        category="finance",
        inherent=(4, 4),
        residual=(4, 4),
        response="treat",
        horizon="medium",
        review_in_days=14,
        owner="director",
        mitigations=(
            control(
                "Scheme risk allowance of 15% held by the project board",
                (
                    "Already a third committed on additional steel repairs; the risk is being "
                    "held, not reduced."
                ),
            ),
            action(
                "Commission intrusive investigations of the abutments",
                20,
                "in_progress",
                cost=85000,
            ),
        ),
    ),
    RiskSeed(
        title="Traffic disruption during bridge works",
        event=(
            "If diversion routes cannot cope with traffic during the full closure of Kingsbridge "
            "Road"
        ),
        consequence="there may be serious congestion and delays to buses and emergency services",
        impact=(
            "resulting in complaints, pressure from ward councillors and lost trade for local "
            "businesses"
        ),
        category="reputation",
        inherent=(4, 3),
        residual=(3, 2),
        response="treat",
        horizon="short",
        review_in_days=30,
        mitigations=(
            control("Traffic management plan agreed with bus operators and the emergency services"),
            action("Run a communications campaign with businesses before the closure", 45),
        ),
    ),
    RiskSeed(
        title="Bat roosts in the bridge abutments",
        event="If bat roosts are found in the bridge abutments",
        consequence="works may need a Natural England licence and be restricted by season",
        impact="resulting in programme delays and extra ecological costs",
        category="environmental",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        horizon="short",
        review_in_days=35,
        mitigations=(
            control("Bat surveys completed by the project ecologist"),
            action("Apply for a mitigation licence in case roosts are confirmed", 30),
        ),
    ),
)

PARKS_RISKS = (
    RiskSeed(
        title="Tree safety",
        event=(
            "If trees in parks, streets and council land are not inspected and made safe in line "
            "with the tree management policy"
        ),
        consequence="a tree or large branch may fall onto a person, vehicle or property",
        impact="resulting in death or serious injury, claims and prosecution",
        category="legal_regulatory",
        inherent=(4, 5),
        residual=(2, 4),
        response="treat",
        horizon="long",
        review_in_days=45,
        mitigations=(
            control(
                "Risk-zoned tree inspection programme recorded on the tree management system",
                "High-risk zones are on schedule; low-risk zones are six months behind.",
            ),
            action(
                "Clear the backlog of low-risk zone inspections", 120, "in_progress", cost=35000
            ),
        ),
    ),
    RiskSeed(
        title="Ash dieback",
        event="If ash dieback continues to spread through the city's estimated 12,000 ash trees",
        consequence="dead and dying trees may become dangerous next to roads, paths and homes",
        impact=(
            "resulting in injuries, felling costs of about £1.5m over five years and loss of tree "
            "canopy"
        ),
        category="environmental",
        inherent=(5, 4),
        residual=(5, 3),
        response="treat",
        horizon="long",
        review_in_days=-20,
        target=(4, 3),
        target_in_days=365,
        owner="director",
        mitigations=(
            control("Ash dieback action plan with priority felling next to highways and footpaths"),
            action("Fell 600 high-risk ash trees this winter", 90, "in_progress", cost=300000),
            action("Plant two replacement trees for every ash felled", 400),
        ),
    ),
    RiskSeed(
        title="Play area injuries",
        event="If a child is injured on play equipment in a council play area",
        consequence="a claim may be made against the council",
        impact="resulting in compensation and legal costs",
        category="legal_regulatory",
        inherent=(3, 3),
        residual=(2, 2),
        response="transfer",
        rationale=(
            "Claims are covered by the council's public liability insurance, and equipment meets "
            "BS EN 1176."
        ),
        horizon="long",
        review_in_days=75,
        mitigations=(
            control(
                "Weekly visual checks and an annual independent inspection of all 96 play areas"
            ),
            control("Public liability insurance through the corporate insurance programme"),
        ),
    ),
    RiskSeed(
        title="Cremator breakdown",
        event=(
            "If one of the two cremators at Kingsmere Crematorium breaks down during the winter "
            "peak"
        ),
        consequence="funerals may have to be rescheduled",
        impact="resulting in distress to bereaved families and lost income",
        category="customers_citizens",
        inherent=(3, 4),
        residual=(1, 3),
        response="treat",
        horizon="medium",
        review_in_days=40,
        mitigations=(
            control("Planned maintenance contract with a 48-hour callout"),
            control("Mutual aid agreement with the neighbouring crematorium"),
        ),
    ),
    RiskSeed(
        title="Burial space",
        event=(
            "If the remaining burial capacity, about six years, runs out before a new cemetery is "
            "open"
        ),
        consequence="residents may have to be buried outside the city",
        impact="resulting in distress to families and communities with religious needs for burial",
        category="strategic",
        inherent=(3, 4),
        residual=(3, 3),
        response="treat",
        horizon="long",
        review_in_days=60,
        target=(2, 3),
        target_in_days=720,
        mitigations=(
            control("Annual review of burial capacity"),
            action(
                "Secure planning consent for the new cemetery at Pennington Fields",
                365,
                "in_progress",
                cost=250000,
            ),
        ),
    ),
    RiskSeed(
        title="Kingsmere Lake reservoir embankment",
        event=(
            "If the Kingsmere Lake embankment is not inspected and maintained as required by the "
            "Reservoirs Act 1975"
        ),
        consequence="the embankment may weaken and fail",
        impact="resulting in flooding of homes downstream and a breach of the Act",
        category="legal_regulatory",
        inherent=(2, 5),
        residual=(1, 5),
        response="treat",
        horizon="long",
        review_in_days=90,
        mitigations=(
            control(
                "Supervising engineer visits twice a year and inspecting engineer every ten years"
            ),
            control("Reservoir flood plan tested with the emergency planning team"),
        ),
    ),
    RiskSeed(
        title="Park events cancelled by weather",
        event=(
            "If major events in Kingsmere Park are cancelled because of storms or waterlogged "
            "ground"
        ),
        consequence="hire income from events may be lost",
        impact="resulting in a small income shortfall in the parks budget",
        category="finance",
        inherent=(3, 2),
        residual=(3, 2),
        response="tolerate",
        rationale=(
            "Event income is under 3% of the parks budget, and organisers carry their own "
            "cancellation insurance. Weather risk is part of running outdoor events; no control "
            "would reduce it at reasonable cost."
        ),
        horizon="short",
        review_in_days=90,
        mitigations=(
            control("Event bookings require the organiser to hold cancellation insurance"),
        ),
    ),
    RiskSeed(
        title="Friends of parks groups folding",
        event="If Friends of parks groups fold as volunteers age and are not replaced",
        consequence="volunteer litter picks, planting and events may stop",
        impact="resulting in some parks looking less cared for",
        category="partnerships",
        inherent=(3, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "The impact is minor and the core maintenance of every park is covered by our own "
            "crews. The parks team keeps in touch with all 23 groups and helps recruit volunteers."
        ),
        horizon="long",
        review_in_days=90,
        mitigations=(control("Parks volunteer coordinator supports all Friends groups"),),
    ),
    RiskSeed(
        title="Seasonal grounds maintenance staff",
        event=(
            "If we cannot recruit enough seasonal grounds maintenance staff for the growing season"
        ),
        consequence="grass cutting and shrub maintenance may fall behind",
        impact=(
            "resulting in untidy parks and verges, complaints and blocked sightlines at junctions"
        ),
        category="people",
        inherent=(4, 3),
        residual=(3, 2),
        response="treat",
        horizon="short",
        review_in_days=25,
        mitigations=(
            control(
                "Seasonal recruitment starts in January, with returning staff offered early "
                "contracts"
            ),
            action("Agree a standby agency framework", 40),
        ),
    ),
    RiskSeed(
        title="Biodiversity net gain sites",
        event=(
            "If council land sold as habitat bank for biodiversity net gain credits is not managed "
            "for the required 30 years"
        ),
        consequence="the habitat targets agreed with developers may not be met",
        impact="resulting in breach of legal agreements, repayment and environmental loss",
        category="environmental",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        horizon="long",
        review_in_days=80,
        mitigations=(
            control(
                "Thirty-year habitat management plans, funded from credit income held in a reserve"
            ),
            action(
                "Set up the monitoring regime for the first two habitat banks", 100, "in_progress"
            ),
        ),
    ),
)

REGULATORY_RISKS = (
    RiskSeed(
        title="Food hygiene inspection backlog",
        event=(
            "If food hygiene inspections of higher-risk premises fall behind the Food Law Code of "
            "Practice"
        ),
        consequence="unsafe practices in food businesses may go undetected",
        impact=(
            "resulting in food poisoning, Food Standards Agency intervention and loss of public "
            "confidence"
        ),
        category="legal_regulatory",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        horizon="short",
        review_in_days=21,
        target=(2, 3),
        target_in_days=180,
        mitigations=(
            control(
                "Risk-based inspection programme reported to the Food Standards Agency quarterly",
                (
                    "All category A premises are up to date; 210 category B and C inspections are "
                    "overdue."
                ),
            ),
            action(
                "Buy in contractor inspections for lower-risk premises",
                90,
                "in_progress",
                cost=55000,
            ),
        ),
    ),
    RiskSeed(
        title="Serious foodborne outbreak",
        event=(
            "If a serious outbreak of E. coli O157 or another foodborne infection is linked to a "
            "city business"
        ),
        consequence="there may be serious illness and a large-scale investigation",
        impact="resulting in deaths or long-term harm, and scrutiny of our inspection record",
        category="customers_citizens",
        inherent=(2, 5),
        residual=(2, 4),
        response="treat",
        horizon="medium",
        review_in_days=60,
        mitigations=(
            control("Outbreak control plan agreed with UKHSA"),
            control("Officers trained in outbreak investigation and sampling"),
        ),
    ),
    RiskSeed(
        title="Environmental health officer recruitment",
        event="If we cannot recruit qualified environmental health officers in a national shortage",
        consequence="posts may remain vacant or filled by agency staff",
        impact="resulting in backlogs in food, health and safety and housing enforcement",
        category="people",
        inherent=(4, 4),
        residual=(4, 4),
        response="treat",
        horizon="medium",
        review_in_days=30,
        owner="director",
        mitigations=(
            control(
                "Market supplement and funded professional training",
                "Keeping the vacancy rate steady at 25% but not reducing it.",
            ),
            action(
                "Sponsor three apprentices on the environmental health degree apprenticeship",
                120,
                "in_progress",
                cost=54000,
            ),
        ),
    ),
    RiskSeed(
        title="Illicit vapes and underage sales",
        event=(
            "If illicit and non-compliant vapes and underage sales keep rising and new tobacco and "
            "vapes duties are not funded"
        ),
        consequence="trading standards may not be able to enforce effectively",
        impact=(
            "resulting in harm to children's health and criticism that local and national policy "
            "is not delivered"
        ),
        category="political",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        horizon="medium",
        review_in_days=30,
        mitigations=(
            control("Intelligence-led test purchasing and seizures with the police and HMRC"),
            action("Bid for national enforcement funding for illicit tobacco and vapes", 40),
        ),
    ),
    RiskSeed(
        title="Doorstep crime and scams",
        event="If older and vulnerable residents are targeted by doorstep criminals and scams",
        consequence="they may lose money and confidence",
        impact="resulting in financial loss and harm to their wellbeing",
        category="customers_citizens",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        horizon="medium",
        review_in_days=75,
        mitigations=(
            control("No-cold-calling zones and a rapid response to reports of doorstep crime"),
        ),
    ),
    RiskSeed(
        title="Air quality legal limits",
        event="If nitrogen dioxide levels stay above the legal limit on the Eastway corridor",
        consequence="the government may direct the council to take further action",
        impact="resulting in a ministerial direction, extra costs and harm to health",
        category="environmental",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        horizon="long",
        review_in_days=50,
        mitigations=(
            control("Air quality management area and monitoring network"),
            action(
                "Reconfigure the Eastway junction to reduce idling traffic",
                210,
                "in_progress",
                cost=900000,
            ),
        ),
    ),
    RiskSeed(
        title="Contaminated land",
        event=(
            "If previously unknown contamination is found on land where people live or children "
            "play"
        ),
        consequence="the council may have to investigate and determine land as contaminated",
        impact="resulting in costs and concern among residents",
        category="environmental",
        inherent=(2, 4),
        residual=(1, 4),
        response="tolerate",
        rationale=(
            "The contaminated land strategy has already inspected all high-priority sites and the "
            "planning process deals with new development. The remaining risk is low and no further "
            "action would be cost-effective."
        ),
        horizon="long",
        review_in_days=90,
        mitigations=(
            control("Contaminated land strategy and planning conditions on brownfield sites"),
        ),
    ),
    RiskSeed(
        title="Taxi licensing safeguarding",
        event=(
            "If a licensed taxi or private hire driver commits a serious offence against a "
            "passenger after safeguarding checks were missed"
        ),
        consequence="a passenger may be harmed and our licensing decisions questioned",
        impact="resulting in harm, national publicity and a review of our licensing practice",
        category="reputation",
        inherent=(3, 5),
        residual=(2, 5),
        response="treat",
        horizon="medium",
        review_in_days=45,
        mitigations=(
            control(
                "Six-monthly DBS update service checks and safeguarding training for all drivers"
            ),
            control("Use of the national register of refusals and revocations"),
            action(
                "Adopt the statutory taxi and private hire vehicle standards in full",
                -35,
                "in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Regulatory services database",
        event=(
            "If the regulatory services database goes out of supplier support without a replacement"
        ),
        consequence="inspection and enforcement records may be lost or inaccessible",
        impact=(
            "resulting in failed prosecutions and inability to report to the Food Standards Agency"
        ),
        category="information",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        horizon="medium",
        review_in_days=15,
        mitigations=(
            control("Nightly backups held by ICT"),
            action(
                "Migrate to the cloud-hosted version of the system", 150, "in_progress", cost=95000
            ),
        ),
    ),
    RiskSeed(
        title="Primary authority partnerships",
        event="If primary authority partnerships with 14 local businesses lapse",
        consequence="the income from them may fall",
        impact="resulting in a small income shortfall",
        category="partnerships",
        inherent=(2, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "The income is small and the partnerships are renewed annually with businesses that "
            "value them; the risk is accepted and reviewed at each renewal."
        ),
        horizon="medium",
        review_in_days=90,
        mitigations=(control("Annual review meetings with each partner business"),),
    ),
)

# ---------------------------------------------------------------------------------------------
# The directorates
# ---------------------------------------------------------------------------------------------

DIRECTORATES_1: tuple[DirectorateSeed, ...] = (
    DirectorateSeed(
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
    ),
    DirectorateSeed(
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
    ),
    DirectorateSeed(
        slug="city-services",
        name="City Services",
        director=("Martin", "Fairbairn"),
        risks=CITY_SERVICES_RISKS,
        services=(
            ServiceSeed(
                slug="waste-street-scene",
                name="Waste and Street Scene",
                head=("Paul", "Grimshaw"),
                officer=("Tom", "Hargreaves"),
                risks=WASTE_RISKS,
            ),
            ServiceSeed(
                slug="highways-transport",
                name="Highways and Transport",
                head=("Helen", "Oduya"),
                officer=("Gareth", "Llewellyn"),
                risks=HIGHWAYS_RISKS,
                projects=(
                    ProjectSeed(
                        slug="kingsbridge-road-bridge",
                        name="Kingsbridge Road Bridge Strengthening Scheme",
                        risks=KINGSBRIDGE_ROAD_BRIDGE_RISKS,
                    ),
                ),
            ),
            ServiceSeed(
                slug="parks-green-spaces",
                name="Parks and Green Spaces",
                head=("Stuart", "Bellamy"),
                risks=PARKS_RISKS,
            ),
            ServiceSeed(
                slug="regulatory-services",
                name="Regulatory Services",
                head=("Karen", "Doyle"),
                risks=REGULATORY_RISKS,
            ),
        ),
    ),
)

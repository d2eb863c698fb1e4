"""City Services: the demo council's directorate register for it, its services'
registers and their projects' registers, as data (read by ``demo.loader``)."""

from __future__ import annotations

from demo.council.seeds import action, control
from demo.types import DirectorateSeed, ProjectSeed, RiskSeed, ServiceSeed

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
        exposure=(1_500_000, 3_500_000),
        mtfs="Extended Producer Responsibility income of £3.5m a year",
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
        exposure=(500_000, 1_800_000),
        budget_line="Waste disposal",
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


DIRECTORATE = DirectorateSeed(
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
)

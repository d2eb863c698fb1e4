"""Finance and Resources: the demo council's directorate register for it, its services'
registers and their projects' registers, as data (read by ``demo.loader``)."""

from __future__ import annotations

from demo.council.seeds import action, control
from demo.types import DirectorateSeed, ProjectSeed, RiskSeed, ServiceSeed

_FINANCE_AUDIT_RISKS = (
    RiskSeed(
        title="Statement of accounts and audit backlog",
        event=(
            "If the 2023/24 and 2024/25 statements of accounts are not audited by the statutory "
            "backstop dates"
        ),
        consequence=(
            "the external auditor may issue a disclaimed or modified opinion, and the disclaimer "
            "may carry forward into later years"
        ),
        impact=(
            "resulting in reduced assurance for members and lenders, a qualified value for money "
            "conclusion and adverse regional publicity"
        ),
        category="legal_regulatory",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=28,
        horizon="short",
        target=(2, 3),
        target_in_days=150,
        owner="head",
        mitigations=(
            control(
                (
                    "Closedown timetable agreed with the external auditor, with weekly progress "
                    "meetings from April"
                ),
                evaluation=(
                    "Draft 2024/25 accounts published by 30 June for the first time in three years"
                ),
            ),
            control("Working-paper standards and a shared evidence portal for audit queries"),
            action(
                (
                    "Commission an independent revaluation of the operational estate to clear the "
                    "prior-year valuation queries"
                ),
                due_in_days=45,
                status="in_progress",
                cost=38000,
            ),
            action(
                (
                    "Report the backstop position and the plan to rebuild assurance to the Audit "
                    "and Procurement Committee"
                ),
                due_in_days=60,
            ),
        ),
    ),
    RiskSeed(
        title="Budget monitoring accuracy",
        event="If directorate budget holders do not forecast their outturn accurately and on time",
        consequence=(
            "overspends, particularly in children's placements and home-to-school transport, may "
            "be found too late in the year to correct"
        ),
        impact=(
            "resulting in unplanned use of reserves and a weaker starting point for next year's "
            "budget"
        ),
        category="finance",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        review_in_days=45,
        horizon="short",
        owner="officer",
        mitigations=(
            control(
                "Monthly budget monitoring with a finance business partner for every "
                "directorate, reported to SLT monthly and to Cabinet quarterly"
            ),
            control(
                "Spending controls panel approves all non-essential spend over £5,000",
                evaluation="Reduced discretionary spend by £1.1m in 2024/25",
            ),
            action(
                (
                    "Roll out the forecasting module and budget-holder training to the remaining "
                    "120 budget holders"
                ),
                due_in_days=-18,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Treasury management counterparty exposure",
        exposure=(1_000_000, 5_000_000),
        budget_line="Interest receivable",
        event=(
            "If a bank or money market fund holding council deposits fails or is sharply downgraded"
        ),
        consequence="invested cash may be frozen or lost",
        impact="resulting in a loss to the general fund and pressure on day-to-day liquidity",
        category="finance",
        inherent=(2, 5),
        residual=(1, 5),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Treasury Management Strategy, approved by Council each February, sets "
                "counterparty limits, durations and minimum credit ratings"
            ),
            control(
                (
                    "External treasury advisers provide daily credit rating alerts and a weekly "
                    "counterparty list"
                ),
                evaluation="No breaches of counterparty limits reported in the mid-year review",
            ),
            control(
                "Deposits spread across the Debt Management Office, money market funds and "
                "other local authorities"
            ),
        ),
    ),
    RiskSeed(
        title="Reserves falling below the prudent minimum",
        exposure=(5_000_000, 12_000_000),
        mtfs="The General Fund reserve is held at £15m",
        event=(
            "If the general fund balance and earmarked reserves continue to be drawn down to "
            "balance the budget"
        ),
        consequence=(
            "reserves may fall below the £15m minimum set in the Section 151 Officer's reserves "
            "assessment"
        ),
        impact=(
            "resulting in no capacity to absorb shocks and the Section 151 Officer having to "
            "consider a Section 114 notice"
        ),
        category="finance",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=30,
        horizon="long",
        target=(2, 5),
        target_in_days=365,
        owner="director",
        mitigations=(
            control(
                "Reserves strategy reviewed with each budget and in the Section 25 robustness "
                "statement"
            ),
            control(
                (
                    "Earmarked reserves reviewed quarterly and uncommitted balances returned to "
                    "the general fund"
                ),
                evaluation="£4.6m released to the general fund in 2024/25",
            ),
            action(
                (
                    "Agree a reserves replenishment plan of £3m a year within the Medium Term "
                    "Financial Strategy"
                ),
                due_in_days=120,
                status="in_progress",
            ),
            action(
                (
                    "Assess the exposure to the Dedicated Schools Grant deficit when the statutory "
                    "override ends"
                ),
                due_in_days=200,
            ),
        ),
    ),
    RiskSeed(
        title="Head of Internal Audit annual opinion",
        event=(
            "If the risk-based internal audit plan is not delivered because of vacancies and "
            "unplanned investigations"
        ),
        consequence=(
            "the Head of Internal Audit may be unable to give an annual opinion on governance, "
            "risk management and control"
        ),
        impact=(
            "resulting in non-conformance with the Global Internal Audit Standards and a weaker "
            "Annual Governance Statement"
        ),
        category="strategic",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        review_in_days=60,
        horizon="short",
        owner="head",
        mitigations=(
            control(
                "Audit plan prioritised on risk and reviewed quarterly with the Audit and "
                "Procurement Committee"
            ),
            action(
                "Buy in 150 days of specialist ICT and contract audit from the framework provider",
                due_in_days=30,
                status="in_progress",
                cost=67500,
            ),
        ),
    ),
    RiskSeed(
        title="Payment mandate fraud",
        event="If a fraudster impersonates a supplier and asks for its bank details to be changed",
        consequence="payments may be diverted to a fraudulent account before the change is noticed",
        impact=(
            "resulting in financial loss that may not be recoverable and an adverse audit finding"
        ),
        category="finance",
        inherent=(4, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=-9,
        horizon="short",
        owner="officer",
        mitigations=(
            control(
                (
                    "Every change of supplier bank details is verified by calling a number already "
                    "held on file, never one given in the request"
                ),
                evaluation="Stopped two attempted frauds totalling £186,000 this year",
            ),
            control("National Fraud Initiative data matching and monthly duplicate payment checks"),
            action(
                "Introduce automated bank account validation in the finance system",
                due_in_days=-25,
                status="in_progress",
                cost=12000,
            ),
        ),
    ),
    RiskSeed(
        title="Insurance fund adequacy",
        event=(
            "If claims against the council, chiefly highways trips and public liability, exceed "
            "the self-insured provision"
        ),
        consequence="the insurance fund may be unable to meet settlements below the policy excess",
        impact="resulting in an unbudgeted charge to the general fund",
        category="finance",
        inherent=(3, 4),
        residual=(2, 3),
        response="transfer",
        rationale=(
            "Losses above the £250,000 per-claim excess are transferred to external insurers "
            "through the corporate insurance programme."
        ),
        review_in_days=75,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "External liability, property and motor insurance above a £250,000 excess, "
                "retendered through a consortium in 2024"
            ),
            control(
                "Actuarial review of the insurance fund every three years",
                evaluation="2024 review found the fund adequately provisioned",
            ),
            action(
                "Tender broker services ahead of the insurance programme renewal", due_in_days=150
            ),
        ),
    ),
    RiskSeed(
        title="Minimum Revenue Provision policy",
        event=(
            "If the council's Minimum Revenue Provision policy is judged imprudent under the "
            "revised statutory guidance"
        ),
        consequence=(
            "the council may have to make a higher revenue charge for repaying capital debt, "
            "including debt on commercial property"
        ),
        impact="resulting in an unplanned budget pressure of up to £2.4m a year",
        category="legal_regulatory",
        inherent=(2, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=90,
        horizon="long",
        owner="head",
        mitigations=(
            control("MRP policy approved each year by Council on the treasury advisers' advice"),
            action(
                (
                    "Model the MRP effect of the investment property portfolio under the new "
                    "guidance and report to Cabinet"
                ),
                due_in_days=75,
            ),
        ),
    ),
    RiskSeed(
        title="Grant conditions and clawback",
        event="If the conditions attached to external grants are not met or cannot be evidenced",
        consequence=(
            "funders such as Homes England or the Combined Authority may claw back grant already "
            "spent"
        ),
        impact="resulting in unfunded expenditure falling on the council",
        category="partnerships",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=40,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                "Grants register with an accountable officer and a conditions checklist for "
                "every grant over £50,000"
            ),
            control(
                "Internal audit certifies grant claims before they are submitted",
                evaluation="All 2024/25 claims certified without exception",
            ),
        ),
    ),
    RiskSeed(
        title="Finance team capacity",
        event="If the finance team cannot recruit and keep qualified accountants",
        consequence=(
            "the council may rely on interim staff and lose knowledge of closedown and budget "
            "setting"
        ),
        impact="resulting in higher costs, late accounts and weaker support for budget holders",
        category="people",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=21,
        horizon="medium",
        target=(2, 3),
        target_in_days=180,
        owner="head",
        mitigations=(
            control("Market supplement for qualified accountant posts, approved in 2024"),
            action(
                "Launch a finance trainee scheme taking two CIPFA trainees a year",
                due_in_days=90,
                status="in_progress",
                cost=54000,
            ),
            action("Document the closedown procedure for every key reconciliation", due_in_days=20),
        ),
    ),
    RiskSeed(
        title="Cheque payment fraud",
        event="If the council continues to pay suppliers and residents by cheque",
        consequence="cheques may be intercepted, altered or cloned in the post",
        impact="resulting in fraud losses and delayed payments to vulnerable residents",
        category="finance",
        inherent=(3, 2),
        residual=(1, 2),
        response="terminate",
        rationale=(
            "Cheque payments are being withdrawn altogether; residents without a bank account will "
            "be paid by prepaid card."
        ),
        review_in_days=90,
        horizon="short",
        owner="officer",
        mitigations=(
            control(
                "Cheque payments to suppliers stopped from 1 April; all suppliers are now paid "
                "by BACS"
            ),
            action(
                (
                    "Move the remaining resident payments to prepaid cards and close the cheque "
                    "account"
                ),
                due_in_days=35,
                status="in_progress",
            ),
        ),
    ),
)

_REVENUES_BENEFITS_RISKS = (
    RiskSeed(
        title="Council tax collection",
        event=(
            "If the in-year council tax collection rate falls below the 95.5% target as "
            "cost-of-living pressures continue"
        ),
        consequence="arrears may grow and the collection fund may move into deficit",
        impact=(
            "resulting in less funding for services next year and more residents in unmanageable "
            "debt"
        ),
        category="finance",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=30,
        horizon="short",
        target=(3, 3),
        target_in_days=120,
        owner="director",
        mitigations=(
            control(
                "Weekly collection monitoring against profile, with recovery runs on a fixed "
                "timetable"
            ),
            control(
                (
                    "Ethical collection policy: early contact, affordable arrangements and "
                    "referral to debt advice before a liability order is sought"
                ),
                evaluation="71% of residents contacted kept to their arrangement",
            ),
            action(
                "Send text and email reminders before the statutory reminder notice",
                due_in_days=40,
                status="in_progress",
                cost=18000,
            ),
            action(
                "Review the minimum payment in the council tax support scheme for 2026/27",
                due_in_days=150,
            ),
        ),
    ),
    RiskSeed(
        title="Housing benefit subsidy loss",
        event=(
            "If housing benefit is paid for supported exempt and temporary accommodation above the "
            "subsidy limits, or local authority error overpayments exceed the lower threshold"
        ),
        consequence="the DWP may not reimburse the full cost through housing benefit subsidy",
        impact="resulting in a subsidy loss of around £3m a year falling on the general fund",
        category="finance",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=14,
        horizon="medium",
        target=(3, 4),
        target_in_days=270,
        owner="director",
        mitigations=(
            control("Monthly subsidy forecast by claim type, reported to the Section 151 Officer"),
            control(
                (
                    "Quality checks on 5% of assessments to keep local authority error below the "
                    "threshold"
                ),
                evaluation="Error rate 0.41% against a threshold of 0.48%",
            ),
            action(
                (
                    "Review the rents charged by supported exempt accommodation providers with the "
                    "Supported Housing Improvement Programme team"
                ),
                due_in_days=35,
                status="in_progress",
            ),
            action(
                (
                    "Press, through the LGA, for the temporary accommodation subsidy cap to be "
                    "uprated from 2011 rent levels"
                ),
                due_in_days=180,
            ),
        ),
    ),
    RiskSeed(
        title="Business rates appeals",
        event=(
            "If appeals against the 2023 rating list succeed in greater numbers than provided for"
        ),
        consequence="refunds backdated to April 2023 may exceed the appeals provision",
        impact="resulting in a collection fund deficit and a shortfall in retained business rates",
        category="finance",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                "Appeals provision reviewed at each NNDR1 and NNDR3 return using VOA challenge data"
            ),
            action(
                "Commission a rating adviser to review the 50 largest assessments for appeal risk",
                due_in_days=55,
                cost=15000,
            ),
        ),
    ),
    RiskSeed(
        title="Benefits processing times",
        event="If new claims and changes of circumstances are not processed within 20 and 8 days",
        consequence=(
            "residents may fall into rent arrears or face eviction while they wait for a decision"
        ),
        impact=(
            "resulting in hardship, more homelessness presentations and complaints to the Ombudsman"
        ),
        category="customers_citizens",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=-5,
        horizon="short",
        owner="officer",
        mitigations=(
            control("Daily work queue management, with overtime at peak periods"),
            control(
                "Priority processing for claims from temporary accommodation and from "
                "residents facing possession proceedings"
            ),
            action(
                (
                    "Automate change-of-circumstance notifications from the DWP earnings and "
                    "pensions feed"
                ),
                due_in_days=70,
                status="in_progress",
                cost=22000,
            ),
        ),
    ),
    RiskSeed(
        title="Universal Credit managed migration",
        event=(
            "If the DWP completes the managed migration of working-age housing benefit claims to "
            "Universal Credit"
        ),
        consequence=(
            "the caseload and administration grant may fall while the remaining pensioner and "
            "supported housing caseload becomes more complex"
        ),
        impact=(
            "resulting in a team of the wrong size and shape and the loss of experienced assessors"
        ),
        category="strategic",
        inherent=(4, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=80,
        horizon="long",
        owner="head",
        mitigations=(
            control("Workforce plan for the benefits service, updated every six months"),
            action(
                "Retrain assessors for council tax support and discretionary housing payments",
                due_in_days=120,
            ),
        ),
    ),
    RiskSeed(
        title="Council tax support scheme changes",
        event="If members agree to reduce the local council tax support scheme to make savings",
        consequence=(
            "the decision may be challenged for inadequate consultation or equality assessment"
        ),
        impact="resulting in the scheme being quashed, delayed savings and political embarrassment",
        category="political",
        inherent=(3, 3),
        residual=(1, 3),
        response="treat",
        review_in_days=90,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Statutory consultation with the major preceptors and the public, with an "
                "equality impact assessment reported to Council"
            ),
            control(
                "Legal Services review the scheme and consultation material before Cabinet",
                evaluation="No challenge received to the last two scheme changes",
            ),
        ),
    ),
    RiskSeed(
        title="Single person discount fraud",
        event="If residents claim single person discount while another adult lives at the property",
        consequence="council tax may be under-billed",
        impact="resulting in lost income for the council, the police and the fire authority",
        category="finance",
        inherent=(3, 2),
        residual=(2, 2),
        response="treat",
        review_in_days=70,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                "Annual review of single person discounts against credit reference data",
                evaluation="Removed 1,900 discounts worth £620,000 in 2024/25",
            ),
        ),
    ),
    RiskSeed(
        title="Enforcement agent conduct",
        event=(
            "If enforcement agents collecting council tax for the council treat vulnerable debtors "
            "unfairly"
        ),
        consequence="complaints and Ombudsman findings may follow",
        impact="resulting in reputational damage and compensation payments",
        category="reputation",
        inherent=(3, 3),
        residual=(2, 2),
        response="transfer",
        rationale=(
            "Enforcement is contracted out; the contract makes the agencies liable for their "
            "agents' conduct and for any compensation."
        ),
        review_in_days=45,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Enforcement contract requires compliance with the Taking Control of Goods "
                "Regulations, body-worn cameras and a vulnerability policy"
            ),
            control("Agencies indemnify the council for complaints upheld against their agents"),
            action(
                "Audit body-worn camera footage with the agencies each quarter",
                due_in_days=30,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Revenues and benefits system migration",
        event=(
            "If the move of the revenues and benefits system to the supplier's hosted platform "
            "overruns into annual billing"
        ),
        consequence="council tax and business rates bills may not be issued on time",
        impact="resulting in delayed income, cash flow pressure and the cost of rebilling",
        category="information",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=20,
        horizon="short",
        owner="officer",
        mitigations=(
            control(
                "Migration plan with a go/no-go decision agreed with the supplier before January"
            ),
            action(
                "Complete two full test billing runs on the hosted platform",
                due_in_days=-7,
                status="in_progress",
            ),
            action("Agree a fallback to on-premise billing if cutover slips", due_in_days=25),
        ),
    ),
    RiskSeed(
        title="End of the Household Support Fund",
        event="If the Household Support Fund is not renewed beyond March",
        consequence=(
            "residents in crisis may lose help with food, fuel and white goods, and demand may "
            "shift to local welfare provision"
        ),
        impact=(
            "resulting in hardship and pressure on discretionary budgets and the voluntary sector"
        ),
        category="customers_citizens",
        inherent=(4, 3),
        residual=(4, 3),
        response="treat",
        review_in_days=10,
        horizon="short",
        owner="head",
        mitigations=(
            control("Local welfare provision scheme kept in the base budget at £400,000"),
            action(
                (
                    "Agree a crisis support offer with food banks and the credit union in case the "
                    "fund ends"
                ),
                due_in_days=50,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Low-value overpayment recovery",
        event="If housing benefit overpayments below £50 are not pursued",
        consequence="a small amount of debt may go uncollected",
        impact="resulting in a minor loss of income",
        category="finance",
        inherent=(2, 1),
        residual=(2, 1),
        response="tolerate",
        rationale=(
            "Recovery costs more than it brings in: each debt under £50 costs about £65 to pursue. "
            "Write-offs total under £20,000 a year and are reported to the Section 151 Officer."
        ),
        review_in_days=90,
        horizon="medium",
        owner="officer",
        mitigations=(
            control(
                "Write-off policy delegates small debts to the Revenues Manager, with a "
                "quarterly report"
            ),
        ),
    ),
)

_ICT_DIGITAL_RISKS = (
    RiskSeed(
        title="Ransomware attack on council systems",
        event=(
            "If a ransomware group gets in through phishing, stolen credentials or an unpatched "
            "device"
        ),
        consequence=(
            "council systems and data may be encrypted and stolen, leaving services unable to "
            "operate for weeks"
        ),
        impact=(
            "resulting in harm to vulnerable residents, recovery costs of several million pounds "
            "and action by the ICO"
        ),
        category="information",
        inherent=(5, 5),
        residual=(4, 5),
        response="treat",
        review_in_days=14,
        horizon="short",
        target=(3, 5),
        target_in_days=180,
        owner="director",
        mitigations=(
            control("Multi-factor authentication on all remote access and Microsoft 365 accounts"),
            control(
                "Immutable backups with monthly restore tests",
                evaluation="Last test restored the social care case management system in 9 hours",
            ),
            action(
                "Deploy endpoint detection and response with a 24/7 managed security service",
                due_in_days=60,
                status="in_progress",
                cost=185000,
            ),
            action(
                "Run a ransomware exercise with SLT using the LGA Cyber 360 scenario",
                due_in_days=-15,
            ),
        ),
    ),
    RiskSeed(
        title="Legacy systems out of support",
        event=(
            "If line-of-business systems stay on Windows Server 2012 and other platforms the "
            "vendors no longer support"
        ),
        consequence="security patches may not be available and faults may not be fixable",
        impact=(
            "resulting in exposure to cyber attack, loss of critical systems and a failed PSN "
            "assessment"
        ),
        category="information",
        inherent=(4, 5),
        residual=(3, 5),
        response="treat",
        review_in_days=25,
        horizon="medium",
        target=(2, 4),
        target_in_days=365,
        owner="head",
        mitigations=(
            control("Legacy systems isolated on a segregated network with restricted access"),
            action(
                (
                    "Replace or upgrade the 14 applications on unsupported servers, starting with "
                    "housing and planning"
                ),
                due_in_days=240,
                status="in_progress",
                cost=420000,
            ),
            action(
                "Buy extended security updates for the servers that cannot be migrated this year",
                due_in_days=-30,
                status="in_progress",
                cost=36000,
            ),
        ),
    ),
    RiskSeed(
        title="Data centre power and cooling",
        event="If the Civic Centre data centre loses power or cooling, or the basement floods",
        consequence="on-premise systems may shut down without warning",
        impact=(
            "resulting in loss of services until power is restored and possible damage to hardware"
        ),
        category="environmental",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=50,
        horizon="medium",
        owner="officer",
        mitigations=(
            control("UPS and standby generator tested monthly under load"),
            action(
                "Move the remaining on-premise workloads to the cloud and the secondary site",
                due_in_days=300,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Software licensing cost increases",
        event=(
            "If major suppliers, including Microsoft and the social care system vendor, keep "
            "raising licence prices above inflation"
        ),
        consequence="the ICT budget may be overspent",
        impact="resulting in pressure on other services or cuts to planned investment",
        category="finance",
        inherent=(4, 3),
        residual=(4, 2),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Licence use reviewed quarterly and unused licences removed",
                evaluation="Saved £140,000 in 2024/25",
            ),
            action(
                "Negotiate a three-year Microsoft agreement through Crown Commercial Service",
                due_in_days=90,
            ),
        ),
    ),
    RiskSeed(
        title="Cloud supplier outage",
        event="If a software-as-a-service supplier suffers an extended outage",
        consequence="the council services that depend on it may be unavailable",
        impact="resulting in service disruption and backlogs",
        category="partnerships",
        inherent=(3, 4),
        residual=(2, 3),
        response="transfer",
        rationale=(
            "Availability is contracted to the suppliers, with service credits, and the supplier "
            "carries the cost of recovery."
        ),
        review_in_days=40,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Contracts for critical SaaS systems include availability targets, service "
                "credits and exit plans"
            ),
            control("Each service's business continuity plan includes manual workarounds"),
        ),
    ),
    RiskSeed(
        title="Digital exclusion in channel shift",
        event="If services move online without assisted routes for residents who cannot use them",
        consequence=(
            "older, disabled and low-income residents may be unable to get the services they need"
        ),
        impact="resulting in unmet need, complaints and challenge under the Equality Act 2010",
        category="customers_citizens",
        inherent=(3, 3),
        residual=(2, 3),
        response="treat",
        review_in_days=65,
        horizon="long",
        owner="head",
        mitigations=(
            control("Equality impact assessment for every channel shift project"),
            control("Assisted digital support in libraries and at the customer service centre"),
            action(
                "Expand the device lending and data bank scheme with the libraries service",
                due_in_days=100,
                cost=25000,
            ),
        ),
    ),
    RiskSeed(
        title="Unmanaged use of AI tools",
        event="If staff paste personal or sensitive data into public generative AI tools",
        consequence=(
            "the data may be kept by the provider, used to train models or exposed outside the "
            "council"
        ),
        impact="resulting in data protection breaches, ICO action and loss of trust",
        category="information",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=-20,
        horizon="short",
        target=(2, 3),
        target_in_days=90,
        owner="officer",
        mitigations=(
            control("Acceptable use policy updated to cover generative AI"),
            action(
                (
                    "Block unapproved AI sites and roll out Microsoft Copilot with data protection "
                    "controls"
                ),
                due_in_days=45,
                status="in_progress",
                cost=60000,
            ),
            action(
                "Publish an AI use register and an algorithmic transparency record for each tool",
                due_in_days=-8,
            ),
        ),
    ),
    RiskSeed(
        title="ICT skills and retention",
        event=(
            "If the council cannot recruit and keep cloud, cyber and data engineers against "
            "private-sector pay"
        ),
        consequence="key projects may stall and knowledge may sit with one or two people",
        impact="resulting in delays, reliance on contractors and higher costs",
        category="people",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=35,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Career grades and market supplements for cyber security posts"),
            action(
                "Start a digital apprenticeship scheme with Kingsmere College",
                due_in_days=120,
                status="in_progress",
                cost=40000,
            ),
        ),
    ),
    RiskSeed(
        title="PSN compliance",
        event="If the council fails its annual Public Services Network compliance assessment",
        consequence="access to DWP and other government data may be withdrawn",
        impact="resulting in the council being unable to process benefits and other statutory work",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(1, 4),
        response="treat",
        review_in_days=80,
        horizon="short",
        owner="officer",
        mitigations=(
            control(
                "Annual IT health check by a CHECK-approved tester, with a remediation plan",
                evaluation="Certificate renewed in March with no critical findings",
            ),
        ),
    ),
    RiskSeed(
        title="Ageing laptop estate",
        event="If laptops older than five years stay in use",
        consequence="they may run slowly or fail more often",
        impact="resulting in lost staff time and small replacement costs",
        category="finance",
        inherent=(3, 2),
        residual=(2, 2),
        response="tolerate",
        rationale=(
            "Devices are replaced on a rolling five-year cycle within the existing budget. "
            "Replacing them faster would cost about £300,000 for little benefit, and every device "
            "still receives security updates."
        ),
        review_in_days=85,
        horizon="medium",
        owner="head",
        mitigations=(control("Rolling five-year device refresh programme"),),
    ),
    RiskSeed(
        title="Analogue telephone line switch-off",
        event=(
            "If analogue lines used by lift alarms, intruder alarms and telecare equipment are not "
            "replaced before the national switch-off in January 2027"
        ),
        consequence="alarm calls may fail without anyone noticing",
        impact="resulting in a risk to life for residents and staff",
        category="customers_citizens",
        inherent=(4, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=30,
        horizon="medium",
        target=(1, 4),
        target_in_days=300,
        owner="head",
        mitigations=(
            control(
                "Inventory of analogue lines across council buildings completed with the "
                "telecoms supplier"
            ),
            action(
                "Replace 210 analogue lines with digital alternatives, lift and fire alarms first",
                due_in_days=200,
                status="in_progress",
                cost=95000,
            ),
        ),
    ),
)

_ERP_PROGRAMME_RISKS = (
    RiskSeed(
        title="ERP go-live readiness",
        event=(
            "If design, testing and data are not ready for the planned April go-live of the new "
            "finance, HR and payroll system"
        ),
        consequence="go-live may be delayed, or the system may go live with known defects",
        impact=(
            "resulting in the cost of running two systems, payroll and payment errors and loss of "
            "confidence in the programme"
        ),
        category="strategic",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=14,
        horizon="short",
        target=(3, 3),
        target_in_days=120,
        owner="director",
        mitigations=(
            control(
                "Programme board chaired by the Director of Finance and Resources, with "
                "independent assurance at each gateway"
            ),
            action(
                "Complete user acceptance testing and resolve all priority 1 defects",
                due_in_days=45,
                status="in_progress",
            ),
            action(
                "Independent go-live readiness review by the internal audit partner",
                due_in_days=-6,
                cost=18000,
            ),
        ),
    ),
    RiskSeed(
        title="ERP data migration",
        event=(
            "If supplier, employee and ledger data are migrated from the legacy systems with errors"
        ),
        consequence="staff may be paid wrongly and suppliers paid twice or not at all",
        impact="resulting in hardship for staff, exposure to fraud and a broken audit trail",
        category="information",
        inherent=(4, 4),
        residual=(3, 3),
        response="treat",
        review_in_days=21,
        horizon="short",
        owner="officer",
        mitigations=(
            control("Data cleansing plan with named data owners in finance and HR"),
            action(
                "Run three parallel payroll runs and reconcile them to the penny before go-live",
                due_in_days=70,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="ERP programme budget",
        event="If the programme needs more supplier days and staff backfill than budgeted",
        consequence="costs may exceed the £6.8m approved budget",
        impact="resulting in a call on reserves and the loss of planned savings",
        category="finance",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=30,
        horizon="medium",
        target=(2, 4),
        target_in_days=180,
        owner="head",
        mitigations=(
            control(
                "Monthly budget report to the programme board; contingency drawdown approved "
                "by the Section 151 Officer"
            ),
            action(
                "Re-baseline the plan and cost after the design phase",
                due_in_days=-14,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="ERP implementation partner capacity",
        event="If the implementation partner moves experienced consultants to other clients",
        consequence="design and build work may be delayed or of poor quality",
        impact="resulting in programme slippage and rework",
        category="partnerships",
        inherent=(3, 4),
        residual=(2, 4),
        response="transfer",
        rationale=(
            "The partner works on a fixed-price, milestone-based contract with retention, so the "
            "cost of delay it causes falls on the partner."
        ),
        review_in_days=45,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Fixed-price contract with payment released at accepted milestones and 10% "
                "retention"
            ),
            control("Key personnel named in the contract; any change needs the council's approval"),
        ),
    ),
)

_HR_OD_RISKS = (
    RiskSeed(
        title="Agency staff spend",
        event=(
            "If services keep filling vacancies with agency workers, chiefly in social work, legal "
            "and planning"
        ),
        consequence="agency spend may stay above £14m a year",
        impact="resulting in budget overspends and less stable teams",
        category="finance",
        inherent=(5, 4),
        residual=(5, 3),
        response="treat",
        review_in_days=21,
        horizon="medium",
        target=(3, 3),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                "All agency bookings go through the managed service provider and need director "
                "approval after 12 weeks"
            ),
            control(
                "Regional memorandum of cooperation caps agency social worker pay rates",
                evaluation="Average agency social worker rate down 8%",
            ),
            action(
                "Convert long-term agency workers to permanent posts through a targeted campaign",
                due_in_days=90,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Pay award affordability",
        event=(
            "If the national pay award for local government staff is settled above the 3% allowed "
            "for in the budget"
        ),
        consequence="pay costs may rise beyond the budget",
        impact="resulting in an in-year pressure of about £1.6m for each extra 1%",
        category="finance",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=40,
        horizon="short",
        owner="head",
        mitigations=(
            control("Pay contingency held corporately and reviewed at each budget monitoring"),
            action(
                "Model pay award scenarios for the Medium Term Financial Strategy refresh",
                due_in_days=30,
            ),
        ),
    ),
    RiskSeed(
        title="Recruitment to hard-to-fill posts",
        event=(
            "If the council cannot recruit to hard-to-fill professional posts such as planners, "
            "surveyors, building control inspectors and lawyers"
        ),
        consequence="vacancies may stay open for months",
        impact=(
            "resulting in failing statutory services, backlogs and reliance on costly agency staff"
        ),
        category="people",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=30,
        horizon="long",
        target=(3, 4),
        target_in_days=365,
        owner="director",
        mitigations=(
            control(
                "Employer brand and recruitment microsite with targeted social media campaigns"
            ),
            action(
                "Introduce a grow-your-own apprenticeship route for planning and surveying",
                due_in_days=150,
                status="in_progress",
                cost=80000,
            ),
            action(
                "Review the market supplements policy against regional pay benchmarking",
                due_in_days=30,
            ),
        ),
    ),
    RiskSeed(
        title="Job evaluation scheme integrity",
        event=(
            "If posts are graded outside the agreed job evaluation scheme or market supplements "
            "are not reviewed"
        ),
        consequence="the pay structure may drift apart between male- and female-dominated roles",
        impact="resulting in equal pay claims and their costs",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(2, 4),
        response="treat",
        review_in_days=75,
        horizon="long",
        owner="head",
        mitigations=(
            control("All new and changed posts evaluated by a trained panel under the NJC scheme"),
            action(
                "Complete the equal pay audit of the pay structure", due_in_days=100, cost=30000
            ),
        ),
    ),
    RiskSeed(
        title="Sickness absence",
        event=(
            "If sickness absence stays above 11 days per employee, driven by stress and "
            "musculoskeletal conditions"
        ),
        consequence="services may lose capacity and need cover",
        impact="resulting in poorer service and extra agency and overtime costs",
        category="people",
        inherent=(4, 3),
        residual=(3, 3),
        response="treat",
        review_in_days=-14,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Attendance management policy with occupational health referral at 10 days"),
            control(
                "Employee assistance programme and mental health first aiders",
                evaluation="Use of the programme up 30% year on year",
            ),
            action(
                (
                    "Carry out targeted stress risk assessments in the three services with the "
                    "highest absence"
                ),
                due_in_days=40,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Payroll accuracy and HMRC compliance",
        event="If payroll errors are made or off-payroll (IR35) decisions are wrong",
        consequence="staff may be paid incorrectly and tax may be underpaid",
        impact="resulting in HMRC penalties and interest and hardship for staff",
        category="legal_regulatory",
        inherent=(3, 4),
        residual=(1, 3),
        response="treat",
        review_in_days=60,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "Payroll reconciliations and exception reports signed off before every pay run"
            ),
            control(
                "IR35 decisions made with the HMRC CEST tool and checked by payroll",
                evaluation="Internal audit gave substantial assurance in 2024",
            ),
        ),
    ),
    RiskSeed(
        title="Industrial action",
        event=(
            "If trade unions ballot for industrial action over pay or the restructuring of waste "
            "services"
        ),
        consequence="strike action may disrupt frontline services",
        impact="resulting in missed bin collections, public complaints and the cost of cover",
        category="people",
        inherent=(3, 4),
        residual=(3, 3),
        response="treat",
        review_in_days=55,
        horizon="short",
        owner="head",
        mitigations=(
            control("Regular meetings with the trade unions through the joint consultative forum"),
            control("Business continuity plans for strike action in critical services"),
        ),
    ),
    RiskSeed(
        title="Mandatory training completion",
        event=(
            "If staff do not complete mandatory training in health and safety, data protection and "
            "safeguarding"
        ),
        consequence="staff may not know how to work safely or handle data properly",
        impact="resulting in incidents, enforcement action and a weaker defence against claims",
        category="legal_regulatory",
        inherent=(3, 3),
        residual=(2, 2),
        response="treat",
        review_in_days=50,
        horizon="medium",
        owner="head",
        mitigations=(
            control("Learning management system reports completion to managers monthly"),
            action(
                "Report training completion below 85% to directorate management teams each quarter",
                due_in_days=20,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Pre-employment and DBS checks",
        event=(
            "If DBS checks, references and right to work checks are not completed for roles "
            "working with children and adults at risk"
        ),
        consequence="unsuitable people may be employed in regulated activity",
        impact="resulting in harm to vulnerable people and serious reputational damage",
        category="customers_citizens",
        inherent=(3, 5),
        residual=(1, 5),
        response="treat",
        review_in_days=70,
        horizon="medium",
        owner="head",
        mitigations=(
            control(
                "No one starts until all pre-employment checks are cleared, enforced by the "
                "recruitment system"
            ),
            control(
                "Three-yearly DBS rechecks for regulated roles",
                evaluation="Audit sample of 60 personnel files found full compliance",
            ),
        ),
    ),
    RiskSeed(
        title="Apprenticeship levy expiry",
        event="If the council does not spend its apprenticeship levy within 24 months",
        consequence="unused funds may expire",
        impact="resulting in a small loss of training funding",
        category="finance",
        inherent=(4, 2),
        residual=(3, 2),
        response="tolerate",
        rationale=(
            "Up to half of the unused levy is transferred to local employers and care providers. "
            "The remaining expiry is about £60,000 a year and does not justify creating "
            "apprenticeships that services cannot support."
        ),
        review_in_days=85,
        horizon="long",
        owner="head",
        mitigations=(
            control("Levy transfers to local small businesses and care providers"),
            control("Apprenticeship spend reported quarterly to the workforce board"),
        ),
    ),
)

_FINANCE_RESOURCES_RISKS = (
    RiskSeed(
        title="Directorate savings delivery",
        event=(
            "If the Finance and Resources directorate does not deliver its £3.2m savings plan, "
            "including the ERP, customer services and accommodation savings"
        ),
        consequence=(
            "the directorate may overspend and other services may have to find further savings"
        ),
        impact="resulting in pressure on the council's overall budget and reserves",
        category="finance",
        inherent=(5, 4),
        residual=(4, 4),
        response="treat",
        review_in_days=30,
        horizon="short",
        target=(3, 4),
        target_in_days=180,
        owner="director",
        mitigations=(
            control(
                "Savings tracker with RAG ratings reviewed monthly by the directorate "
                "management team"
            ),
            action(
                (
                    "Identify replacement savings for the £900,000 of ERP benefits slipped into "
                    "next year"
                ),
                due_in_days=60,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Statutory officer resilience",
        event=(
            "If the Section 151 Officer, the deputy or other key finance and ICT leaders leave or "
            "are absent for a long period"
        ),
        consequence="there may be no one with the knowledge and authority to act",
        impact="resulting in weaker financial control and delayed decisions",
        category="people",
        inherent=(4, 4),
        residual=(3, 4),
        response="treat",
        review_in_days=45,
        horizon="medium",
        owner="director",
        mitigations=(
            control("Deputy Section 151 Officer formally designated with delegated authority"),
            action(
                "Agree a succession plan for the directorate leadership team with named deputies",
                due_in_days=90,
            ),
        ),
    ),
    RiskSeed(
        title="Back-office systems reaching end of life",
        event=(
            "If the revenues, payroll and finance systems reach end of life before their "
            "replacements are live"
        ),
        consequence="several back-office systems may fail or go unpatched at the same time",
        impact="resulting in the council being unable to bill, pay staff or pay suppliers",
        category="information",
        inherent=(4, 5),
        residual=(4, 4),
        response="treat",
        review_in_days=-12,
        horizon="medium",
        owner="director",
        mitigations=(
            control(
                "Systems roadmap covering every directorate system with its end-of-support date"
            ),
            action(
                (
                    "Agree extended vendor support for the finance and payroll systems until six "
                    "months after ERP go-live"
                ),
                due_in_days=30,
                status="in_progress",
                cost=150000,
            ),
        ),
    ),
)


DIRECTORATE = DirectorateSeed(
    slug="finance-resources",
    name="Finance and Resources",
    director=("Graham", "Pryce"),
    services=(
        ServiceSeed(
            slug="finance-audit",
            name="Finance and Audit",
            head=("Huw", "Jenkins"),
            officer=("Sophie", "Marsh"),
            risks=_FINANCE_AUDIT_RISKS,
        ),
        ServiceSeed(
            slug="revenues-benefits",
            name="Revenues and Benefits",
            head=("Deborah", "Pickering"),
            officer=("Ravi", "Patel"),
            risks=_REVENUES_BENEFITS_RISKS,
        ),
        ServiceSeed(
            slug="ict-digital",
            name="ICT and Digital",
            head=("Daniel", "Forsyth"),
            officer=("Bethan", "Rees"),
            risks=_ICT_DIGITAL_RISKS,
            projects=(
                ProjectSeed(
                    slug="erp-replacement-programme",
                    name="ERP Replacement Programme",
                    risks=_ERP_PROGRAMME_RISKS,
                ),
            ),
        ),
        ServiceSeed(
            slug="hr-organisational-development",
            name="Human Resources and Organisational Development",
            head=("Michelle", "Doherty"),
            risks=_HR_OD_RISKS,
        ),
    ),
    risks=_FINANCE_RESOURCES_RISKS,
)

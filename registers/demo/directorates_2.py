"""Demo content, part 2: three of Kingsmere City Council's directorates and its corporate register.

Kingsmere is a fictional English unitary city council. This module holds the registers of
Finance and Resources, Regeneration and Economy, and Law, Governance and Communities (their
services, project registers and directorate-level risks) and the corporate risk register that
the Strategic Leadership Team reviews each quarter. Each risk is written as the policy asks:
an event, its consequence and its impact. Scores are (likelihood, impact) on the policy's 1-5
scales; dates are offsets in days from the day the demo is loaded (negative means overdue).
"""

from registers.demo.types import DirectorateSeed, MitigationSeed, ProjectSeed, RiskSeed, ServiceSeed


def control(description: str, evaluation: str = "") -> MitigationSeed:
    """A control already in place."""
    return MitigationSeed(description, evaluation=evaluation)


def action(
    description: str,
    *,
    due: int,
    status: str = "open",
    cost: int | None = None,
    evaluation: str = "",
) -> MitigationSeed:
    """A planned action, due ``due`` days from the load date (negative: in the past)."""
    return MitigationSeed(
        description, kind="action", status=status, due_in_days=due, cost=cost, evaluation=evaluation
    )


# ---------------------------------------------------------------------------------------------
# Finance and Resources
# ---------------------------------------------------------------------------------------------

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
                due=45,
                status="in_progress",
                cost=38000,
            ),
            action(
                (
                    "Report the backstop position and the plan to rebuild assurance to the Audit "
                    "and Procurement Committee"
                ),
                due=60,
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
                due=-18,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Treasury management counterparty exposure",
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
                due=120,
                status="in_progress",
            ),
            action(
                (
                    "Assess the exposure to the Dedicated Schools Grant deficit when the statutory "
                    "override ends"
                ),
                due=200,
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
                due=30,
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
                due=-25,
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
            action("Tender broker services ahead of the insurance programme renewal", due=150),
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
                due=75,
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
                due=90,
                status="in_progress",
                cost=54000,
            ),
            action("Document the closedown procedure for every key reconciliation", due=20),
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
                due=35,
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
                due=40,
                status="in_progress",
                cost=18000,
            ),
            action(
                "Review the minimum payment in the council tax support scheme for 2026/27", due=150
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
                due=35,
                status="in_progress",
            ),
            action(
                (
                    "Press, through the LGA, for the temporary accommodation subsidy cap to be "
                    "uprated from 2011 rent levels"
                ),
                due=180,
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
                due=55,
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
                due=70,
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
                due=120,
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
                due=30,
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
                due=-7,
                status="in_progress",
            ),
            action("Agree a fallback to on-premise billing if cutover slips", due=25),
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
                due=50,
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
                due=60,
                status="in_progress",
                cost=185000,
            ),
            action("Run a ransomware exercise with SLT using the LGA Cyber 360 scenario", due=-15),
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
                due=240,
                status="in_progress",
                cost=420000,
            ),
            action(
                "Buy extended security updates for the servers that cannot be migrated this year",
                due=-30,
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
                due=300,
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
                due=90,
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
                due=100,
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
                due=45,
                status="in_progress",
                cost=60000,
            ),
            action(
                "Publish an AI use register and an algorithmic transparency record for each tool",
                due=-8,
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
                due=120,
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
                due=200,
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
                due=45,
                status="in_progress",
            ),
            action(
                "Independent go-live readiness review by the internal audit partner",
                due=-6,
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
                due=70,
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
                due=-14,
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
                due=90,
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
                "Model pay award scenarios for the Medium Term Financial Strategy refresh", due=30
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
                due=150,
                status="in_progress",
                cost=80000,
            ),
            action(
                "Review the market supplements policy against regional pay benchmarking", due=30
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
            action("Complete the equal pay audit of the pay structure", due=100, cost=30000),
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
                due=40,
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
                due=20,
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
                due=60,
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
                due=90,
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
                due=30,
                status="in_progress",
                cost=150000,
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# Regeneration and Economy
# ---------------------------------------------------------------------------------------------

_PLANNING_BUILDING_CONTROL_RISKS = (
    RiskSeed(
        title="Five-year housing land supply",
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
                due=100,
                status="in_progress",
            ),
            action("Allocate additional housing sites through the Local Plan review", due=365),
        ),
    ),
    RiskSeed(
        title="Planning appeal costs",
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
                due=-9,
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
                due=90,
                status="in_progress",
                cost=70000,
            ),
            action(
                "Agree a partnering arrangement with a neighbouring authority for class 3 work",
                due=60,
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
                due=75,
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
                due=150,
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
                due=180,
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
                due=25,
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
                due=30,
                status="in_progress",
                cost=45000,
            ),
            action("Appoint a compliance manager to the corporate landlord team", due=-10),
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
                due=365,
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
                due=90,
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
            action("Market the former depot site at Canal Street", due=60, status="in_progress"),
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
                due=40,
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
                due=75,
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
            action("Value engineering review of phase 2", due=40, status="in_progress"),
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
            action("Agree a revised phasing plan with the partner", due=15, status="in_progress"),
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
            action("Instruct counsel for the CPO inquiry", due=60, cost=80000),
        ),
    ),
    RiskSeed(
        title="Trader disruption during construction",
        event="If construction work reduces access and footfall in Market Street",
        consequence="independent traders may lose trade or close",
        impact="resulting in complaints, negative publicity and political pressure",
        category="reputation",
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
                due=20,
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
            action("Refresh the city's investment prospectus with its available sites", due=90),
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
                due=45,
                status="in_progress",
                cost=60000,
            ),
            action(
                "Prepare a business case to acquire and repurpose the former department store",
                due=300,
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
                due=100,
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
            action("Recover or settle the remaining six loans", due=120, status="in_progress"),
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
                due=60,
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
                due=90,
                status="in_progress",
            ),
            action("ACT (Action Counters Terrorism) training for all venue staff", due=-12),
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
            action("Replace the air handling unit in the main store", due=150, cost=120000),
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
            action("Support the Trust's business plan for the next investment round", due=180),
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
                due=-20,
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
                due=75,
                status="in_progress",
            ),
            action(
                "Capital programme board to challenge every scheme over £5m",
                due=-20,
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
                due=50,
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
                due=120,
                status="in_progress",
                cost=250000,
            ),
            action(
                "Update the housing and economic land availability assessment",
                due=-40,
                status="in_progress",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# Law, Governance and Communities
# ---------------------------------------------------------------------------------------------

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
                "Recruit two childcare solicitors and a paralegal", due=60, status="in_progress"
            ),
        ),
    ),
    RiskSeed(
        title="Locum and external counsel spend",
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
                due=120,
                status="in_progress",
                cost=65000,
            ),
            action(
                "Introduce a career grade scheme and hybrid working offer for lawyers",
                due=45,
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
            action("Move to a cloud-hosted case management system", due=180, cost=75000),
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
                due=45,
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
                due=30,
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
                due=60,
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
                due=30,
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
            action("Agree a fallback supplier and test it at the next by-election", due=28),
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
                due=60,
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
                due=45,
                status="in_progress",
            ),
            action("Notify DCMS of the proposed changes", due=-3),
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
                due=30,
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
            action("Train two more deputy registrars", due=60, status="in_progress"),
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
            action("Develop a joint funding bid with the ICB for social prescribing", due=120),
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
                due=90,
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
            action("Run an induction programme for new members after the elections", due=55),
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
                due=-18,
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# The directorates
# ---------------------------------------------------------------------------------------------

DIRECTORATES_2: tuple[DirectorateSeed, ...] = (
    DirectorateSeed(
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
    ),
    DirectorateSeed(
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
    ),
    DirectorateSeed(
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
    ),
)


# ---------------------------------------------------------------------------------------------
# The corporate risk register (reviewed by SLT every quarter)
# ---------------------------------------------------------------------------------------------

CORPORATE_RISKS: tuple[RiskSeed, ...] = (
    RiskSeed(
        title="Financial sustainability and the MTFS gap",
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
                due=75,
                status="in_progress",
            ),
            action(
                (
                    "Respond to the Fair Funding Review and press, with the LGA and regional "
                    "councils, for multi-year settlements that reflect deprivation and temporary "
                    "accommodation costs."
                ),
                due=-14,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="SEND high needs deficit",
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
                due=240,
                status="in_progress",
                cost=4800000,
            ),
            action(
                (
                    "Model the general fund impact of the statutory override ending and build it "
                    "into the MTFS and the reserves strategy."
                ),
                due=60,
            ),
            action(
                (
                    "Review home-to-school transport eligibility and independent travel training "
                    "for post-16 learners with SEND."
                ),
                due=-25,
                status="in_progress",
            ),
        ),
    ),
    RiskSeed(
        title="Cyber attack",
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
                due=60,
                status="in_progress",
                cost=185000,
            ),
            action(
                (
                    "Complete cyber assurance questionnaires for the 40 suppliers that host or "
                    "process critical council data."
                ),
                due=45,
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
                due=45,
                status="in_progress",
                cost=60000,
            ),
            action("Review the lowest pay points against the real living wage.", due=120),
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
                due=150,
                status="in_progress",
                cost=45000,
            ),
            action(
                (
                    "Deliver the Brook Valley natural flood management scheme with the Environment "
                    "Agency."
                ),
                due=400,
                status="in_progress",
                cost=1600000,
            ),
        ),
    ),
    RiskSeed(
        title="Adult social care demand and market sustainability",
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
                due=-10,
                status="in_progress",
            ),
            action(
                "Build 150 more extra care homes to reduce admissions to residential care.",
                due=500,
                status="in_progress",
                cost=3500000,
            ),
        ),
    ),
    RiskSeed(
        title="Housing and temporary accommodation",
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
                due=300,
                status="in_progress",
                cost=14000000,
            ),
            action(
                "End the placement of families in bed and breakfast for longer than six weeks.",
                due=-20,
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
                due=90,
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
                due=-15,
                status="in_progress",
                cost=90000,
            ),
            action("Refresh the information asset register and retention schedules.", due=120),
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
                due=200,
                status="in_progress",
            ),
            action(
                "Recruit permanent team managers to reduce turnover among agency managers.",
                due=90,
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
                due=180,
                status="in_progress",
                cost=1200000,
            ),
            action(
                "Complete intrusive fire safety surveys of every high-rise block.",
                due=20,
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
                due=45,
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
                due=60,
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
                due=40,
                status="in_progress",
            ),
            action(
                (
                    "Refresh the capital strategy alongside the MTFS, with a cap on new "
                    "borrowing-funded schemes."
                ),
                due=120,
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
                due=100,
                status="in_progress",
                cost=75000,
            ),
            action(
                (
                    "Review all allowances paid mainly in male-dominated roles, such as waste and "
                    "highways bonus schemes."
                ),
                due=30,
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
                due=90,
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
                due=90,
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
                due=45,
                status="in_progress",
            ),
            action(
                (
                    "Agree extended support for the legacy finance and payroll systems as a "
                    "contingency if go-live slips."
                ),
                due=30,
                status="in_progress",
                cost=150000,
            ),
        ),
    ),
)

"""The roles of the policy, held as auth groups (docs/domain.md#roles)."""

INSURANCE_MANAGER = "Insurance Manager"
SLT = "Strategic Leadership Team"
S151_OFFICER = "Section 151 Officer"
MONITORING_OFFICER = "Monitoring Officer"
INTERNAL_AUDIT = "Internal Audit"
COMMITTEE = "Audit and Procurement Committee"
CABINET_MEMBER = "Cabinet member"
DIRECTORS = "Directors"
HEADS_OF_SERVICE = "Heads of Service"
RISK_OWNERS = "Risk owners"

ALL = (
    INSURANCE_MANAGER,
    SLT,
    S151_OFFICER,
    MONITORING_OFFICER,
    INTERNAL_AUDIT,
    COMMITTEE,
    CABINET_MEMBER,
    DIRECTORS,
    HEADS_OF_SERVICE,
    RISK_OWNERS,
)

# Roles that see every register of their organisation (docs/domain.md#who-may-see-what).
SEE_EVERY_REGISTER = (INSURANCE_MANAGER, SLT, S151_OFFICER, MONITORING_OFFICER, INTERNAL_AUDIT)

# Roles that read and never change anything, whatever else they are
# (docs/domain.md#who-may-change-what).
READ_ONLY = (INTERNAL_AUDIT, COMMITTEE, CABINET_MEMBER)

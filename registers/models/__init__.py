"""The organisation tree, its registers, their risks and the risks' controls and actions.

Likelihood and impact are stored; scores and bands are derived (``scoring.matrix`` in Python,
``RiskQuerySet.with_scores`` and ``with_bands`` in SQL, the bands by ``scoring.expressions``),
so no stored number can disagree with its parts. One number is stored for an index to sort on,
a risk's residual order, and every write keeps it in step (``residual_order``).

One module per part of the model, every public name re-exported here, so the rest of the
product imports ``from registers.models import ...`` whatever module a model lives in:

- ``organisation``: the organisation tree and the profiles placing people in it;
- ``register``: registers and their tiers;
- ``scores``: the score properties, the 1..5 checks, ``ScoreSnapshot`` for copied scores;
- ``category``: each organisation's categories of risk;
- ``risk``: risks, and the SQL form of "overdue";
- ``residual_order``: the residual column's sort key each risk stores, and what keeps it true;
- ``action``: a risk's controls and actions, and the SQL form of "overdue" for them;
- ``assurance``: the assurance the Three Lines give over controls;
- ``records``: reviews, reported risks and moves on and off registers;
- ``snapshots``: the quarterly snapshots of approved registers;
- ``uploads``: spreadsheets held for import;
- ``portfolio``: Cabinet members' portfolios of registers;
- ``versioned``: the optimistic locking of the records people edit;
- ``appetite``: the appetite levels and each organisation's versioned appetite statements.
"""

from registers.models.action import (
    ACTIVE_ACTION_STATUSES,
    Action,
    ActionKind,
    ActionStatus,
    ControlType,
    Effectiveness,
    TreatType,
    action_overdue_q,
)
from registers.models.appetite import (
    AppetiteLevel,
    AppetiteLine,
    AppetiteStatement,
    StatementStatus,
)
from registers.models.assurance import Assurance, AssuranceLine
from registers.models.category import RiskCategory
from registers.models.organisation import Directorate, Organisation, Profile, Service
from registers.models.oversight import OversightVerdict, S151Review
from registers.models.portfolio import Portfolio
from registers.models.records import (
    MovementKind,
    ReportStatus,
    RiskMovement,
    RiskReport,
    RiskReview,
)
from registers.models.register import TIER_ORDER, Kind, Register, Tier
from registers.models.risk import (
    FinancialLink,
    Horizon,
    PolicyCategory,
    Response,
    Risk,
    RiskQuerySet,
    RiskStatus,
    exposure_range_text,
    review_overdue_q,
)
from registers.models.scores import (
    SCORE_PAIRS,
    SNAPSHOT_SCORE_FIELDS,
    ScoredMixin,
    ScoreSnapshot,
)
from registers.models.snapshots import Arrival, RegisterSnapshot, RiskSnapshot
from registers.models.uploads import ImportUpload
from registers.models.versioned import Versioned

__all__ = [
    "ACTIVE_ACTION_STATUSES",
    "SCORE_PAIRS",
    "SNAPSHOT_SCORE_FIELDS",
    "TIER_ORDER",
    "Action",
    "ActionKind",
    "ActionStatus",
    "AppetiteLevel",
    "AppetiteLine",
    "AppetiteStatement",
    "Arrival",
    "Assurance",
    "AssuranceLine",
    "ControlType",
    "Directorate",
    "Effectiveness",
    "FinancialLink",
    "Horizon",
    "ImportUpload",
    "Kind",
    "MovementKind",
    "Organisation",
    "OversightVerdict",
    "PolicyCategory",
    "Portfolio",
    "Profile",
    "Register",
    "RegisterSnapshot",
    "ReportStatus",
    "Response",
    "Risk",
    "RiskCategory",
    "RiskMovement",
    "RiskQuerySet",
    "RiskReport",
    "RiskReview",
    "RiskSnapshot",
    "RiskStatus",
    "S151Review",
    "ScoreSnapshot",
    "ScoredMixin",
    "Service",
    "StatementStatus",
    "Tier",
    "TreatType",
    "Versioned",
    "action_overdue_q",
    "exposure_range_text",
    "review_overdue_q",
]

"""The questions the policy asks at each tier's review (Part 6; docs/domain.md#review-questions)."""

from registers.models import Tier

CORPORATE = (
    "Is the risk still relevant?",
    "Have circumstances surrounding the risk changed?",
    "What progress has been made in managing the risk?",
    "Given the progress made, do the risk scores need revising?",
    "Are any further controls needed? If so, what should these be?",
    "Have any new risks arisen?",
)
DIRECTORATE = (
    "Has the risk changed?",
    "Are the risk mitigations acting as expected?",
    "Are the risk scores for likelihood and impact still correct?",
    "Have new risks arisen that need to be added?",
    "Can the risk come off the directorate risk register?",
    "Should the risk be escalated to the Strategic Leadership Team?",
)
SERVICE = (
    "Has the risk changed?",
    "Are the risk mitigations acting as expected?",
    "Are the risk scores for likelihood and impact still correct?",
    "Have new risks arisen that need to be added?",
    "Can the risk come off the service risk register?",
    "Should the risk be escalated to the directorate risk register?",
)

BY_TIER = {
    Tier.CORPORATE: CORPORATE,
    Tier.DIRECTORATE: DIRECTORATE,
    Tier.SERVICE: SERVICE,
    Tier.PROJECT: SERVICE,  # project registers are reviewed and escalate like service registers
}


def questions_for(tier: str) -> tuple[str, ...]:
    return BY_TIER[Tier(tier)]

"""Escalation: the policy's factor checklists, proposals and decisions
(docs/domain.md#escalation)."""

"""Escalation: the policy's factor checklists, proposals and decisions (issue 4)."""

"""Reminders: the daily digest of what is due, overdue or waiting on each person, chased by the
organisation's ladder (docs/domain.md#reminders).

An app of its own, between ``escalation`` and ``reports``, because it reads both the registers
(reviews, actions, targets, unowned and unscored risks) and escalation's proposals, and writes
escalation's in-app notifications: inside ``escalation`` it would grow that app past its one
subject (moving risks between tiers), and below it could not see the proposals.
"""

"""Optimistic locking, on every record people edit from a form."""

from __future__ import annotations

from django.db import models


class Versioned(models.Model):
    """A record two people may edit at once. ``version`` counts its changes: every save through
    the services adds one (``registers.versions.save_next_version``), and an edit started from
    an older version is refused (``registers.versions.lock_at_version`` raises ``StaleEdit``),
    so nobody overwrites a colleague's change without seeing it
    (docs/domain.md#risks). The history keeps each version, which is how the refusal can say
    what changed since."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

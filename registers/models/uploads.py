"""Spreadsheets uploaded for import, held until the import is confirmed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from registers.models.register import Register


class ImportUpload(models.Model):
    """A spreadsheet uploaded for import, held between the upload and the confirmation (the
    mapping and preview pages read it again); deleted once the import is applied."""

    register = models.ForeignKey(Register, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    # The mapping chosen in the mapping step (heading row, columns, value maps, owner
    # choices), kept with the upload and offered as a file (registers.imports.mapfile).
    mapping = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} for {self.register}"

"""The reports' pages: the index and the SLT pack (``packs``), the committee report
(``committee``), the directorate collation (``collation``) and their PDF downloads."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404

from registers.models import Organisation
from reports.permissions import reader_organisation


def organisation_or_404(user: AbstractBaseUser) -> Organisation:
    """The organisation whose reports ``user`` reads (``reader_organisation``), once they may
    read the report at all: 404 when there is none, as there is no report of theirs to show."""
    organisation = reader_organisation(user)
    if organisation is None:
        raise Http404("Your account belongs to no organisation, so it has no reports to read.")
    return organisation

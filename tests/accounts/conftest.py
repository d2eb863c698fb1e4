"""The real OpenID provider run locally (tests/accounts/oidc_provider.py) and this
application pointed at it, with the group mappings the tests sign in through."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from accounts.models import ProviderGroupMapping
from registers import roles
from tests.accounts import oidc_provider

BASE = "http://testserver"


@pytest.fixture(scope="module")
def provider():
    local = oidc_provider.start(BASE)
    yield local
    oidc_provider.stop(local)


@pytest.fixture
def configured(provider, settings, org):
    provider.configure(settings)
    insurance, _ = Group.objects.get_or_create(name=roles.INSURANCE_MANAGER)
    heads, _ = Group.objects.get_or_create(name=roles.HEADS_OF_SERVICE)
    ProviderGroupMapping.objects.create(
        group="grp-insurance", role=insurance, organisation=org.organisation
    )
    ProviderGroupMapping.objects.create(
        group="grp-adult-care-heads",
        role=heads,
        organisation=org.organisation,
        directorate=org.directorate,
        service=org.service,
    )
    ProviderGroupMapping.objects.create(group="grp-staff", organisation=org.organisation)
    return provider

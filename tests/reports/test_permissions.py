"""Whose organisation a reader of the reports reads: one rule for the SLT pack, the committee
report and the directorate collation (reports.permissions.reader_organisation)."""

import pytest
from django.urls import reverse

from reports.permissions import reader_organisation
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "reports:slt-pack",
    "reports:slt-pack-pdf",
    "reports:committee-report",
    "reports:committee-report-pdf",
    "reports:collation",
    "reports:collation-pdf",
    "reports:collation-xlsx",
]


def test_a_reader_reads_their_profiles_organisation(org):
    assert reader_organisation(org.people["chief"]) == org.organisation


def test_an_administrator_without_a_profile_reads_the_only_organisation(org):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)

    assert reader_organisation(admin) == org.organisation
    OrganisationFactory(name="Elsewhere Council", slug="elsewhere")
    assert reader_organisation(admin) is None


@pytest.mark.parametrize("name", PAGES)
def test_an_administrator_of_several_organisations_needs_a_profile(client, org, name):
    OrganisationFactory(name="Elsewhere Council", slug="elsewhere")
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))

    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_a_reader_of_no_organisation_has_no_reports(client, org, name):
    client.force_login(UserFactory(username="lost", roles=["Strategic Leadership Team"]))

    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_who_may_not_read_is_refused_before_the_organisation_is_asked(client, org, name):
    client.force_login(UserFactory(username="nobody"))

    assert client.get(reverse(name)).status_code == 403


def test_the_index_lists_nothing_for_a_reader_of_no_organisation(client, org):
    client.force_login(UserFactory(username="lost", roles=["Strategic Leadership Team"]))

    response = client.get(reverse("reports:index"))

    assert response.status_code == 200
    assert response.context["packs"] == []

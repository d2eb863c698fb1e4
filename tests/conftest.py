import os
import shutil
from dataclasses import dataclass

import factory.random
import pytest

from registers.models import Tier
from scoring.matrix import Seniority
from tests.factories import (
    DirectorateFactory,
    OrganisationFactory,
    ProfileFactory,
    RegisterFactory,
    ServiceFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test can leave ids (and so cache
    keys) that the next test's different rows reuse."""
    from django.core.cache import cache

    cache.clear()


# The same names and values from the factories on every run, so a failure can be repeated.
factory.random.reseed_random("riskreg")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"


def person(organisation, username, seniority=Seniority.OFFICER, *, roles=(), **place):
    user = UserFactory(username=username, roles=list(roles))
    ProfileFactory(user=user, organisation=organisation, seniority=seniority, **place)
    return user


# Who may change a risk owned by "officer" on the Adult Care service register (owned by
# "head"), as registers/permissions.py decides; every other person of the `org` fixture may not.
MAY_CHANGE_SERVICE_RISK = ["officer", "head", "insurance"]
MAY_NOT_CHANGE_SERVICE_RISK = [
    "audit",
    "committee",
    "s151",
    "monitoring",
    "other_officer",
    "other_director",
    "director",
    "chief",
]


@dataclass
class Org:
    """A small organisation: two directorates, each with a service; registers at every tier."""

    organisation: object
    directorate: object
    other_directorate: object
    service: object
    other_service: object
    corporate: object
    directorate_register: object
    other_directorate_register: object
    service_register: object
    project_register: object
    other_service_register: object
    people: dict


@pytest.fixture
def org(db) -> Org:
    organisation = OrganisationFactory(name="Testshire Council", slug="testshire")
    directorate = DirectorateFactory(organisation=organisation, name="People", slug="people")
    other = DirectorateFactory(organisation=organisation, name="Place", slug="place")
    service = ServiceFactory(directorate=directorate, name="Adult Care", slug="adult-care")
    other_service = ServiceFactory(directorate=other, name="Highways", slug="highways")
    people = {
        "chief": person(
            organisation, "chief", Seniority.EXECUTIVE, roles=["Strategic Leadership Team"]
        ),
        "insurance": person(organisation, "insurance", roles=["Insurance Manager"]),
        "audit": person(organisation, "audit", roles=["Internal Audit"]),
        "s151": person(organisation, "s151", Seniority.DIRECTOR, roles=["Section 151 Officer"]),
        "monitoring": person(
            organisation, "monitoring", Seniority.DIRECTOR, roles=["Monitoring Officer"]
        ),
        "committee": person(organisation, "committee", roles=["Audit and Procurement Committee"]),
        "director": person(organisation, "director", Seniority.DIRECTOR, directorate=directorate),
        "other_director": person(
            organisation, "other_director", Seniority.DIRECTOR, directorate=other
        ),
        "head": person(
            organisation,
            "head",
            Seniority.SERVICE_LEADERSHIP,
            directorate=directorate,
            service=service,
        ),
        "officer": person(organisation, "officer", directorate=directorate, service=service),
        "other_officer": person(
            organisation, "other_officer", directorate=other, service=other_service
        ),
    }
    corporate = RegisterFactory(
        organisation=organisation,
        tier=Tier.CORPORATE,
        name="Corporate",
        prefix="CRR",
        owner=people["chief"],
    )
    return Org(
        organisation=organisation,
        directorate=directorate,
        other_directorate=other,
        service=service,
        other_service=other_service,
        corporate=corporate,
        directorate_register=RegisterFactory(
            organisation=organisation,
            tier=Tier.DIRECTORATE,
            directorate=directorate,
            name="People directorate",
            prefix="DIR-PEOPLE",
            owner=people["director"],
        ),
        other_directorate_register=RegisterFactory(
            organisation=organisation,
            tier=Tier.DIRECTORATE,
            directorate=other,
            name="Place directorate",
            prefix="DIR-PLACE",
            owner=people["other_director"],
        ),
        service_register=RegisterFactory(
            organisation=organisation,
            tier=Tier.SERVICE,
            directorate=directorate,
            service=service,
            name="Adult Care service",
            prefix="AC",
            owner=people["head"],
        ),
        project_register=RegisterFactory(
            organisation=organisation,
            tier=Tier.PROJECT,
            directorate=directorate,
            service=service,
            name="Care home project",
            prefix="PRJ-CH",
            owner=people["head"],
        ),
        other_service_register=RegisterFactory(
            organisation=organisation,
            tier=Tier.SERVICE,
            directorate=other,
            service=other_service,
            name="Highways service",
            prefix="HW",
            owner=people["other_director"],
        ),
        people=people,
    )


# Browser tests: Playwright drives Debian's Chromium; never a downloaded browser.


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}; install Debian's chromium package."
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
        if "sweep" in getattr(item, "fixturenames", ()):
            # The access sweep's module fixture loads the demo council (some seconds): under
            # `-n`, one worker runs the whole sweep instead of each worker loading it again.
            item.add_marker(pytest.mark.xdist_group("access-sweep"))


def database_use(item) -> int:
    """0: no database; 1: rolled back after the test; 2: transactional (the tables flushed
    after it), as pytest-django decides when it orders the tests."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    if (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))) or (
        fixtures & {"transactional_db", "live_server", "django_db_reset_sequences"}
    ):
        return 2
    return 1 if marker or "db" in fixtures else 0


class NoDatabaseFirst:
    @pytest.hookimpl(trylast=True)  # after pytest-django's order
    def pytest_collection_modifyitems(self, items):
        """pytest-django runs the tests rolled back, then the transactional ones (whose flush
        removes what the migrations seeded), then those with no database. Those last need
        no database state and go first instead: among them is the longest test (the backup
        round trip, in child processes), which under `-n` would otherwise be left running on
        one worker at the end while the others idle."""
        items.sort(key=lambda item: database_use(item) != 0)


def pytest_configure(config):
    config.pluginmanager.register(NoDatabaseFirst(), "riskreg-no-database-first")
    # Playwright's sync API runs an event loop in the test thread; Django's ORM calls in the
    # same thread (fixtures) are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


_skipped_e2e: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and "tests/e2e/" in report.nodeid:
        _skipped_e2e.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """Under CI=true a skipped browser test is a failure: CI must prove the pages work."""
    if IN_CI and _skipped_e2e:
        print(f"\nCI=true but {len(_skipped_e2e)} browser test(s) were skipped: failing.")
        session.exitstatus = 1

import copy
import os
import shutil
from dataclasses import dataclass

import factory.random
import pytest
from django.db import connection, transaction
from django.utils import timezone

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
    """Each test starts with an empty cache, and with none of what a worker keeps in memory: a
    rolled-back test can leave ids (and so cache keys) that the next test's different rows
    reuse."""
    from django.core.cache import cache

    from registers.selectors.kept import forget_everything

    cache.clear()
    forget_everything()


# The same names and values from the factories on every run, so a failure can be repeated.
factory.random.reseed_random("riskreg")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"


def person(organisation, username, seniority=Seniority.OFFICER, *, roles=(), **place):
    names = dict(zip(("first_name", "last_name"), ORG_NAMES.get(username, ()), strict=False))
    user = UserFactory(username=username, roles=list(roles), **names)
    ProfileFactory(user=user, organisation=organisation, seniority=seniority, **place)
    return user


# The `org` fixture's people by name: fixed, so that no two share one (the factories' random
# names once gave two people the same, and a picker test found two of them).
ORG_NAMES = {
    "chief": ("Priya", "Rahman"),
    "insurance": ("Tom", "Okafor"),
    "audit": ("Lucy", "Brennan"),
    "s151": ("David", "Mensah"),
    "monitoring": ("Grace", "Whitfield"),
    "committee": ("Ruth", "Ellison"),
    "director": ("Neil", "Patterson"),
    "other_director": ("Fiona", "Lindsay"),
    "head": ("Deborah", "Jones"),
    "officer": ("Marcus", "Webb"),
    "other_officer": ("Yusuf", "Ali"),
}


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


def build_org() -> Org:
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


class SharedOrg:
    """The `org` built once per worker (per test process) instead of once per test: the rows
    are written in a transaction left open while the tests that use them run, each test in a
    savepoint inside it that is rolled back after it, and each test gets its own deep copy of
    the objects. This is Django's `TestCase.setUpTestData`: the same rows, the same objects.

    The transaction is opened for a test rolled back after it that asks for `org`, just
    before pytest-django opens the test's own; it is rolled back before any other test that
    uses the database runs, so no other test ever sees these rows. Transactional tests (whose
    rows other connections must see) and tests with a wider-scoped fixture of their own in
    the database (it would open inside this one) build their own `org`, as every test once did.
    """

    def __init__(self):
        self.atomic = None
        self.org = None
        self.built_on = None
        self.item = None

    def wanted_by(self, item) -> bool:
        fixtures = getattr(item, "_fixtureinfo", None)
        if database_use(item) != 1 or fixtures is None or "org" not in item.fixturenames:
            return False
        for definitions in fixtures.name2fixturedefs.values():
            definition = definitions[-1]
            if definition.argname == "org" and definition.func.__module__ != __name__:
                return False  # a module's own `org`
            if (
                definition.scope != "function"
                and "django_db_blocker" in definition.argnames
                and definition.func.__module__ != __name__
                and not definition.func.__module__.startswith("pytest_django.")
            ):
                return False  # a test module's own transaction, as the access sweep's
        return True

    def open(self, item):
        if self.atomic is not None and self.built_on != timezone.localdate():
            self.close()  # dates in the rows are from another day: build them again
        if self.atomic is None:
            if connection.in_atomic_block:
                return  # something else holds a transaction: build per test
            self.atomic = transaction.atomic()
            self.atomic._from_testcase = True  # as TestCase's own (durable blocks inside)
            self.atomic.__enter__()
            try:
                self.org = build_org()
            except BaseException as error:
                self.atomic.__exit__(type(error), error, error.__traceback__)
                self.atomic = None
                raise
            self.built_on = timezone.localdate()
        self.item = item

    def close(self):
        self.item = None
        if self.atomic is None:
            return
        if connection.atomic_blocks[-1:] != [self.atomic]:
            raise RuntimeError("another transaction is open inside the shared org's one")
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.atomic = self.org = self.built_on = None

    def copy_for(self, item) -> Org | None:
        return copy.deepcopy(self.org) if self.item is item and self.org else None


shared_org = SharedOrg()


def _db_blocker(config):
    from pytest_django.plugin import blocking_manager_key

    return config.stash[blocking_manager_key]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of a test that uses the database but not the shared org."""
    if shared_org.atomic is not None and database_use(item) and not shared_org.wanted_by(item):
        with _db_blocker(item.config).unblock():
            shared_org.close()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Just before pytest-django opens a test's transaction: the shared org's goes under it."""
    if fixturedef.argname == "_django_db_helper" and shared_org.wanted_by(request.node):
        with _db_blocker(request.config).unblock():
            shared_org.open(request.node)
    return (yield)


@pytest.fixture(scope="session")
def _shared_org_rolled_back(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        shared_org.close()


@pytest.fixture
def org(request, db, _shared_org_rolled_back) -> Org:
    return shared_org.copy_for(request.node) or build_org()


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

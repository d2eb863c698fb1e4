"""A request killed half-way through an import or an escalation leaves nothing half-written.

Each test runs the real request (Django's test client, in a child process, against this test
run's database), pauses it inside its transaction once some of its rows are written (a hook
wraps a function the operation calls between writes: it records what the child sees, signals
the parent and sleeps), kills the child with SIGKILL, and then reads the database from the
parent: it must be exactly as before the request. The child's own report proves the kill came
mid-write. The same request run again to the end then does all of its work, once.

On SQLite the database is a file (riskreg/test_settings.py) and a killed writer's uncommitted
pages are never read; on PostgreSQL the server rolls back a killed client's transaction.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from escalation.models import Notification, Proposal, ProposalStatus
from escalation.seed import ensure_checklists
from escalation.services import proposal_create
from registers.models import Action, ImportUpload, Register, Risk, RiskMovement
from scoring.seed import ensure_default_scheme
from tests.factories import RiskFactory
from tests.registers.test_import_views import GOOD_ROWS, confirm_url, mapping_data, start

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
TICKS = {2: "A statutory duty is at stake", 3: "Needs the directorate's budget"}
# How long the parent waits for the child to reach its pause (a Django start-up and one
# request); a child that never gets there fails the test with its output.
CHILD_START_LIMIT = 120

CHILD = r"""
import json, os, sys, time

job = json.loads(sys.argv[1])
os.environ["DJANGO_SETTINGS_MODULE"] = "riskreg.test_settings"
from django.conf import settings

# This test run's database, not the one the settings name.
settings.DATABASES["default"]["NAME"] = job["database"]
import django

django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()
from tests.test_half_writes import ledger

module_name, _, attribute = job["hook"].partition(":")
module = __import__(module_name, fromlist=[attribute])
original = getattr(module, attribute)
calls = []


def paused(*args, **kwargs):
    result = original(*args, **kwargs)
    calls.append(1)
    if job["pause"] and len(calls) == job["pause_after"]:
        seen = {"ledger": ledger(), "in_transaction": connection.in_atomic_block}
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                seen["backend_pid"] = cursor.fetchone()[0]
        with open(job["signal"] + ".tmp", "w") as out:
            json.dump(seen, out, default=str)
        os.replace(job["signal"] + ".tmp", job["signal"])
        time.sleep(3600)  # until killed
    return result


setattr(module, attribute, paused)
client = Client()
client.cookies[settings.SESSION_COOKIE_NAME] = job["session"]
response = client.post(job["url"], job["data"], secure=True)
print(json.dumps({"status": response.status_code, "calls": len(calls)}))
"""


def ledger() -> dict:
    """Everything an import or an escalation writes, as plain data: the rows (by reference, not
    by the ids PostgreSQL does not give back on a rollback), and the number of history rows of
    each tracked model."""
    return {
        "risks": sorted(
            Risk.objects.values_list(
                "reference", "title", "register_id", "version", "status", "owner_id"
            )
        ),
        "actions": sorted(Action.objects.values_list("risk__reference", "description", "status")),
        "movements": sorted(RiskMovement.objects.values_list("risk__reference", "kind")),
        "notifications": Notification.objects.count(),
        "proposals": sorted(
            Proposal.objects.values_list("pk", "status", "decided_by_id", "decision_reason")
        ),
        "uploads": sorted(ImportUpload.objects.values_list("pk", flat=True)),
        "history": {
            model.__name__: model.history.count() for model in (Risk, Action, Register, Proposal)
        },
    }


def as_json(data) -> dict:
    """``data`` as the child reports it (tuples become lists)."""
    return json.loads(json.dumps(data, default=str))


def session_of(client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def run_child(job: dict, *, pause: bool, tmp_path: Path) -> tuple[dict | None, str]:
    """Run the request in a child process. With ``pause``: wait for it to pause mid-write,
    SIGKILL it, and return what it saw then; without: let it finish and return its output."""
    signal_file = tmp_path / f"paused-{time.monotonic_ns()}.json"
    job = {
        **job,
        "database": str(connection.settings_dict["NAME"]),
        "signal": str(signal_file),
        "pause": pause,
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps(job)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if not pause:
        out, err = child.communicate(timeout=CHILD_START_LIMIT)
        assert child.returncode == 0, err[-3000:]
        return None, out
    deadline = time.monotonic() + CHILD_START_LIMIT
    while not signal_file.exists():
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            out, err = child.communicate()
            pytest.fail(f"the child never paused mid-write:\n{out}\n{err[-3000:]}")
        time.sleep(0.05)
    seen = json.loads(signal_file.read_text())
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    if "backend_pid" in seen:
        wait_for_backend_to_go(seen["backend_pid"])
    return seen, ""


def wait_for_backend_to_go(pid: int) -> None:
    """PostgreSQL notices the dead client and rolls back its transaction: wait until it has
    (its rows were never visible to us anyway; this frees its locks for the flush)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.05)
    pytest.fail(f"PostgreSQL backend {pid} of the killed child is still there")


@pytest.fixture
def org(transactional_db, request):
    """The ``org`` of tests/conftest.py, after putting back what the migrations seeded (a
    transactional test's flush removes it)."""
    ensure_default_scheme()
    ensure_checklists()
    return request.getfixturevalue("org")


def test_an_import_killed_half_way_leaves_nothing_written(client, org, tmp_path):
    # AC-101 is already on the register: the import updates it and adds its control; AC-102
    # is new. The child is paused after creating AC-102, so by then it has written both.
    existing = RiskFactory(register=org.service_register, reference="AC-101", title="Old title")
    upload, mapping_page = start(client, org)  # as "head", the register's owner
    response = client.post(
        reverse(
            "registers:register-import-mapping",
            kwargs={"pk": upload.register_id, "upload_pk": upload.pk},
        ),
        mapping_data(mapping_page),
    )
    assert response.status_code == 302
    before = ledger()
    job = {
        "session": session_of(client),
        "url": confirm_url(upload),
        "data": {},
        "hook": "registers.imports.apply:risk_create",
        "pause_after": 1,
    }

    seen, _ = run_child(job, pause=True, tmp_path=tmp_path)

    # Mid-write: inside the transaction, the child saw the update, the new risk, the control
    # and their history rows...
    assert seen["in_transaction"]
    child = seen["ledger"]
    assert {row[0] for row in child["risks"]} == {"AC-101", "AC-102"}
    assert [row[1] for row in child["risks"] if row[0] == "AC-101"] == [GOOD_ROWS[0][1]]
    assert child["actions"] == [["AC-101", "Weekly calls", "open"]]
    assert child["history"]["Risk"] == before["history"]["Risk"] + 2
    # ... and after the kill none of it is there: the upload waits to be confirmed again.
    assert ledger() == before
    existing.refresh_from_db()
    assert (existing.title, existing.version) == ("Old title", 1)
    assert ImportUpload.objects.filter(pk=upload.pk).exists()

    # Confirmed again, the import runs once, whole: no duplicate, one history row each.
    _, out = run_child(job, pause=False, tmp_path=tmp_path)
    assert json.loads(out.splitlines()[-1]) == {"status": 302, "calls": 1}
    # The same as the child had written, and the upload, applied, is gone.
    assert as_json(ledger()) == {**child, "uploads": []}
    assert child["uploads"] == [upload.pk]


def proposal_of(org) -> Proposal:
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        residual_likelihood=4,
        residual_impact=4,
    )
    return proposal_create(risk=risk, by=org.people["head"], ticks=TICKS)


def test_an_escalation_decision_killed_half_way_leaves_nothing_written(client, org, tmp_path):
    proposal = proposal_of(org)
    client.force_login(org.people["director"])
    before = ledger()
    job = {
        "session": session_of(client),
        "url": reverse("escalation:proposal-decide", kwargs={"pk": proposal.pk}),
        "data": {"decision": ProposalStatus.ACCEPTED, "reason": "Agreed at DLT"},
        # Called once the risk has moved and the proposal is decided: the last writes.
        "hook": "escalation.services:notify",
        "pause_after": 1,
    }

    seen, _ = run_child(job, pause=True, tmp_path=tmp_path)

    assert seen["in_transaction"]
    child = seen["ledger"]
    reference = proposal.risk.reference
    [moved] = [row for row in child["risks"] if row[0] == reference]
    assert moved[2] == org.directorate_register.pk
    assert child["movements"] == [[reference, "escalated"]]
    assert child["notifications"] > before["notifications"]
    assert child["proposals"] == [
        [proposal.pk, "accepted", org.people["director"].pk, "Agreed at DLT"]
    ]
    assert child["history"]["Risk"] == before["history"]["Risk"] + 1
    assert child["history"]["Proposal"] == before["history"]["Proposal"] + 1

    # After the kill: the proposal is open, the risk on its register, no move, no one told.
    assert ledger() == before
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN and proposal.decided_by is None
    assert Risk.objects.get(pk=proposal.risk_id).register == org.service_register

    # Decided again, it is decided once.
    _, out = run_child(job, pause=False, tmp_path=tmp_path)
    assert json.loads(out.splitlines()[-1]) == {"status": 302, "calls": 1}
    after = ledger()
    assert as_json(after) == child


def test_a_de_escalation_killed_half_way_leaves_nothing_written(client, org, tmp_path):
    risk = RiskFactory(register=org.directorate_register, owner=org.people["director"])
    client.force_login(org.people["director"])
    before = ledger()
    job = {
        "session": session_of(client),
        "url": reverse("escalation:risk-de-escalate", kwargs={"pk": risk.pk}),
        "data": {"to_register": org.service_register.pk, "reason": "Managed by the service"},
        "hook": "escalation.services:notify",
        "pause_after": 1,
    }

    seen, _ = run_child(job, pause=True, tmp_path=tmp_path)

    child = seen["ledger"]
    assert seen["in_transaction"]
    assert [row[2] for row in child["risks"] if row[0] == risk.reference] == [
        org.service_register.pk
    ]
    assert child["movements"] == [[risk.reference, "de_escalated"]]
    assert child["history"]["Risk"] == before["history"]["Risk"] + 1

    assert ledger() == before
    risk.refresh_from_db()
    assert (risk.register, risk.version) == (org.directorate_register, 1)

    _, out = run_child(job, pause=False, tmp_path=tmp_path)
    assert json.loads(out.splitlines()[-1]) == {"status": 302, "calls": 1}
    assert as_json(ledger()) == child

"""Two people at once: each in a thread with its own database connection, as two requests are.

On SQLite the test database is a file (riskreg/test_settings.py), so a second connection
queues on the first's write lock as in production; on PostgreSQL each thread is its own
session. Tests using these are transactional (the ``race_org`` fixture of conftest.py), since
what one thread writes must be committed for the other to meet it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, transaction

# How long anything in a race may take before the test fails rather than hangs.
LIMIT = 30


def _in_thread(name: str, work: Callable[[], object], outcomes: dict) -> threading.Thread:
    def run():
        try:
            outcomes[name] = work()
        except Exception as error:  # the test asserts on what each thread got
            outcomes[name] = error
        finally:
            connection.close()

    return threading.Thread(target=run, name=name)


def at_once(**works: Callable[[], object]) -> dict[str, object]:
    """Run each of ``works`` in its own thread, all released at the same moment; what each
    returned, or the exception it raised, by name."""
    barrier = threading.Barrier(len(works))
    outcomes: dict[str, object] = {}

    def released(work):
        def run():
            barrier.wait(timeout=LIMIT)
            return work()

        return run

    threads = [_in_thread(name, released(work), outcomes) for name, work in works.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=LIMIT * 2)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    return outcomes


def while_uncommitted(
    first: Callable[[], object],
    second: Callable[[], object],
    *,
    second_reads: threading.Event | None = None,
) -> dict:
    """``first`` writes in a transaction that stays open until ``second``, run meanwhile in
    another thread, is waiting for it (on PostgreSQL for a row ``first`` wrote, on SQLite for
    the write lock); then ``first`` commits. The interleaving in which the second cannot yet
    see what the first wrote, every time. ``second_reads``, when given, is set by the second
    once it has read what it must read before the first commits (a form's checks). Outcomes
    by "first" and "second"."""

    written, release = threading.Event(), threading.Event()
    outcomes: dict[str, object] = {}

    def hold():
        with transaction.atomic():
            result = first()
            written.set()
            assert release.wait(timeout=LIMIT), "the second never got to wait"
        return result

    holder = _in_thread("first", hold, outcomes)
    holder.start()
    assert written.wait(timeout=LIMIT), outcomes.get("first")
    waiter = _in_thread("second", second, outcomes)
    waiter.start()
    if second_reads is not None:
        assert second_reads.wait(timeout=LIMIT), outcomes.get("second")
    _until_waiting()
    release.set()
    for thread in (holder, waiter):
        thread.join(timeout=LIMIT * 2)
    assert not holder.is_alive() and not waiter.is_alive(), "a thread is stuck"
    return outcomes


def _until_waiting() -> None:
    """Until another session of this database waits on a lock (PostgreSQL), or for a moment
    (SQLite, whose second writer waits in its busy handler, which nothing can observe)."""
    if connection.vendor != "postgresql":
        time.sleep(0.5)
        return
    deadline = time.monotonic() + LIMIT
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    pytest.fail("the second session never waited for the first")

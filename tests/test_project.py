"""Project-wide checks: migrations committed, settings refuse an unsafe production start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def bare_environ() -> dict[str, str]:
    """This process's environment without riskreg's settings, as a new machine starts."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}


@pytest.mark.django_db
def test_migrations_are_committed():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def run_settings(**env):
    clean = bare_environ()
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import riskreg.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
    )


def test_secret_key_is_required_when_debug_is_off():
    result = run_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_settings_start_with_a_secret_key_and_default_to_sqlite():
    result = run_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_switches_to_postgresql():
    result = run_settings(DJANGO_SECRET_KEY="x" * 50, DATABASE_URL="postgres://u@127.0.0.1/db")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_london_time_and_british_formats(settings):
    assert settings.TIME_ZONE == "Europe/London"
    assert settings.LANGUAGE_CODE == "en-gb"
    assert settings.USE_TZ


def test_manage_py_works_for_a_developer_without_any_environment():
    clean = bare_environ()
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_wsgi_application_uses_the_strict_settings():
    assert "riskreg.settings" in (ROOT / "riskreg" / "wsgi.py").read_text()


def test_a_sqlite_database_url_keeps_wal_and_immediate_transactions():
    clean = bare_environ()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import riskreg.settings as s; o = s.DATABASES['default']['OPTIONS'];"
            "print(o['transaction_mode'], 'journal_mode=WAL' in o['init_command'])",
        ],
        cwd=ROOT,
        env=clean | {"DJANGO_SECRET_KEY": "x" * 50, "DATABASE_URL": "sqlite:////tmp/other.db"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["IMMEDIATE", "True"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/escalations/?directorate=%C2%B2",
        "/reports/committee/?year=0000/01",
        "/reports/committee/?year=9999/00",
        "/reports/committee/pdf/?year=0000/01",
        "/reports/slt/?quarter=0000/01+Q1",
    ],
)
def test_odd_query_strings_are_refused_or_ignored_never_a_server_error(client, org, url):
    client.force_login(org.people["insurance"])
    assert client.get(url).status_code in (200, 400, 404)


@pytest.mark.parametrize("script", ["run.py", "pages.py", "load.py", "reports.py"])
def test_each_benchmark_script_starts(script):
    """``make bench`` runs these by path, with ``bench/`` first on the import path: a module
    there named like an app (a ``bench/common.py`` once hid the ``common`` app) breaks them
    before they measure anything."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--help"],
        cwd=ROOT,
        env=bare_environ(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_the_wsgi_application_sets_what_it_loaded_aside_from_garbage_collection():
    """What the server loads before it forks its workers (Django, the apps) is frozen, so that
    no garbage collection in a worker walks it again."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import gc; before = gc.get_freeze_count(); import riskreg.wsgi; "
            "print(before, gc.get_freeze_count(), len(gc.get_objects(generation=2)))",
        ],
        cwd=ROOT,
        env={**bare_environ(), "DJANGO_SECRET_KEY": "a-test-only-key"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    before, frozen, left = (int(number) for number in result.stdout.split())
    assert before == 0
    assert frozen > 50_000
    assert left < 1_000

"""Backup and restore on SQLite with `dumpdata`/`loaddata`, exactly as README (Deployment)
says: the demo council is dumped, loaded into a new database, and every row is back."""

import json
import subprocess
import sys
from pathlib import Path

from tests.test_project import bare_environ

ROOT = Path(__file__).resolve().parent.parent

# The README's commands, word for word (less the file names).
DUMP = [
    "dumpdata",
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=axes",
    # XML keeps times to the microsecond; Django's JSON rounds them to the millisecond.
    "--format=xml",
]

# Every row of every model: how many, and a digest of every value (to the microsecond).
SNAPSHOT = """
import hashlib, json
from django.apps import apps
from django.core import serializers
out = {}
for model in apps.get_models():
    label = model._meta.label_lower
    if label.split(".")[0] in ("contenttypes", "sessions", "axes") or label == "auth.permission":
        continue
    rows = model._default_manager.order_by("pk")
    data = serializers.serialize("xml", rows, use_natural_foreign_keys=True)
    out[label] = [rows.count(), hashlib.sha256(data.encode()).hexdigest()]
print(json.dumps(out))
"""


def manage(database: Path, *args: str) -> str:
    clean = bare_environ()
    env = clean | {
        "DJANGO_SETTINGS_MODULE": "riskreg.settings",
        "DJANGO_SECRET_KEY": "backup-test-only-" + "k" * 40,
        "DATABASE_URL": f"sqlite:///{database}",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_dumpdata_and_loaddata_bring_back_every_row(tmp_path):
    live, restored, backup = (
        tmp_path / "live.sqlite3",
        tmp_path / "new.sqlite3",
        tmp_path / "backup.xml",
    )
    manage(live, "migrate", "--noinput", "--verbosity=0")
    manage(live, "load_demo")
    manage(live, *DUMP, f"--output={backup}")

    manage(restored, "migrate", "--noinput", "--verbosity=0")
    manage(restored, "loaddata", str(backup))

    before = json.loads(manage(live, "shell", "--no-imports", "-c", SNAPSHOT))
    after = json.loads(manage(restored, "shell", "--no-imports", "-c", SNAPSHOT))
    assert before["registers.risk"][0] > 100  # the demo council, not an empty database
    assert before["registers.historicalrisk"][0] > before["registers.risk"][0]
    assert after == before

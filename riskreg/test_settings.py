"""Settings for the test suite: the real settings, with a throwaway key and fast hashing."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-only-secret-key")

from riskreg.settings import *  # noqa: F403

# Hashing with the production hasher costs ~0.3 s a user; tests create hundreds of users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The test client and the live server speak plain HTTP on localhost.
SECURE_SSL_REDIRECT = False
# Static files from the app folders, as in development: tests never run collectstatic.
STATIC_ROOT = os.path.join(tempfile.gettempdir(), "riskreg-test-static")
os.makedirs(STATIC_ROOT, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: there a second writer is refused at
    # once ("database table is locked") instead of queueing as it does in production, so the
    # tests of two simultaneous decisions could not run. One file per test run.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"riskreg-test-{os.getpid()}.sqlite3")
    }
    # A throwaway database need not survive a power cut: no waiting for the disk.
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"]["OPTIONS"],  # noqa: F405
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
    }
RISKREG_API_RATE = "10000/minute"  # the access sweep asks thousands of questions a minute

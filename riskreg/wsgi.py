"""WSGI entry point for riskreg."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "riskreg.settings")

application = get_wsgi_application()


def freeze_what_is_loaded() -> None:
    """Keep the objects loaded so far out of every later garbage collection: Django, the apps
    and every view (the URLs imported here, as the first request would import them), some
    130,000 objects that live as long as the process. A full collection walks every object the
    process holds, and a page that builds thousands of objects (a filter of 2,000 owners, a
    long list) sets one off every few requests: at 100,000 risks about one request in eight
    on risks across registers took 50 to 80 ms more than the rest, walking them. gunicorn
    loads this module once (``preload_app``) and forks its workers from it, so every worker
    starts with them set aside; garbage made after this is collected as ever.
    """
    get_resolver().url_patterns  # noqa: B018 (imports every view, as the first request would)
    gc.collect()
    gc.freeze()


freeze_what_is_loaded()

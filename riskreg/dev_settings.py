"""Settings for local development: the real settings, with DEBUG on unless set otherwise.

``manage.py`` uses these by default so that a developer's commands just work; the WSGI entry
point (``riskreg.wsgi``) uses ``riskreg.settings``, which refuses to start without
``DJANGO_SECRET_KEY``. On a server, set ``DJANGO_SETTINGS_MODULE=riskreg.settings`` for
``manage.py`` too.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from riskreg.settings import *  # noqa: F403

"""Settings for riskreg, read from the environment.

SQLite in ``var/`` is the embedded default; ``DATABASE_URL=postgres://...`` switches to
PostgreSQL. ``DJANGO_DEBUG`` is off unless set, and with it off ``DJANGO_SECRET_KEY`` must be
set: a production server never starts on a key that is in the repository.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for local development only)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-with-debug-off"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "riskreg.apps.RiskregConfig",
    "common",
    "scoring",
    "registers",
    "escalation",
    "reminders",
    "reports",
    "web",
    "api",
    "accounts",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the app server, compressed and cached for ever by name.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with a second factor (accounts/).
    "django_otp.middleware.OTPMiddleware",
    # Someone who must use a second factor and has none sets it up before anything else.
    "accounts.middleware.SecondFactorEnrolmentMiddleware",
    # Every page needs a signed-in user unless its view says otherwise (the login page).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Signs out a session left idle (RISKREG_IDLE_MINUTES) and logs refused requests.
    "riskreg.security.IdleTimeoutMiddleware",
    # After it, so that an idle session ends rather than being renewed: re-checks at the
    # identity provider, every RISKREG_OIDC_RECHECK_SECONDS, that the person signed in through
    # it is still signed in there (accounts/provider.py).
    "accounts.provider.ProviderSessionRefresh",
    "riskreg.security.RefusalLogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Lets django-simple-history record who made each change made through a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "riskreg.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.notifications",
                "riskreg.security.session_timeout",
            ],
        },
    },
]

# Django's form renderer with inputs and selects written in Python, byte for byte as its
# templates write them: a select's every option was a template of its own.
FORM_RENDERER = "common.renderers.FastWidgets"

WSGI_APPLICATION = "riskreg.wsgi.application"

# SQLite: WAL lets readers carry on while one request writes; IMMEDIATE takes the write lock
# at BEGIN, so two writers queue on busy_timeout instead of failing half-way through.
SQLITE_DEFAULT = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": VAR_DIR / "riskreg.sqlite3",
    "OPTIONS": {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    },
}
if "DATABASE_URL" in env:
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    if DATABASES["default"]["ENGINE"] == SQLITE_DEFAULT["ENGINE"]:
        # Another SQLite file: the same WAL mode, IMMEDIATE transactions and busy timeout.
        DATABASES["default"]["OPTIONS"] = {
            **SQLITE_DEFAULT["OPTIONS"],
            **DATABASES["default"].get("OPTIONS", {}),
        }
    else:
        DATABASES["default"].setdefault(
            "CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60)
        )
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES = {"default": SQLITE_DEFAULT}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username and address is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "riskreg.auth.ProfileBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (collectstatic writes them) so browsers may cache each file for ever.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Change reasons carry the people's own words (why a risk was closed or de-escalated): text,
# not simple-history's default of 100 characters, which PostgreSQL would refuse.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="riskreg@localhost")
# SMTP, when the backend is SMTP: host, port, credentials and TLS from the environment.
EMAIL_HOST = env.str("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 10
# Where the app is served, for the links in emails (a request is not at hand when they go).
RISKREG_BASE_URL = env.str("RISKREG_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- Security (OWASP ASVS level 2 where it applies; `manage.py check --deploy` is clean) ---

# Behind a reverse proxy that terminates TLS, trust its X-Forwarded-Proto and X-Forwarded-For
# (and only then: a client could otherwise claim to be on HTTPS or at another address).
BEHIND_PROXY = env.bool("DJANGO_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading binds the council's whole domain to HTTPS in every browser, for months: the
# domain's owner decides that, not this application, so it is off and its warning silenced.
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions live in the database (Django's default), so any app server can serve any request.
# A session ends after RISKREG_IDLE_MINUTES without a request (riskreg.security), and after
# a working day whatever happens; closing the browser ends it too.
RISKREG_IDLE_MINUTES = env.int("RISKREG_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=10 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content Security Policy: scripts and style sheets only from our own static files, nothing
# inline but style attributes (the scoring scheme's band colours), no plugins, no <base>,
# never framed. The report previews and every page pass axe and the browser tests under it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Sign-in throttling (django-axes): after RISKREG_LOGIN_FAILURES failed attempts at one
# username from one address, that pair is refused for RISKREG_LOCKOUT_MINUTES; after
# RISKREG_ADDRESS_FAILURES failures at any usernames from one address (password spraying), the
# address is. The address limit is the higher, so one office behind a shared address is not
# locked out by a few people's typing (riskreg/security.py, AddressThrottle).
AXES_HANDLER = "riskreg.security.AddressThrottle"
AXES_FAILURE_LIMIT = env.int("RISKREG_LOGIN_FAILURES", default=5)
RISKREG_ADDRESS_FAILURES = env.int("RISKREG_ADDRESS_FAILURES", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("RISKREG_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_SENSITIVE_PARAMETERS = ["password"]
# The client's address: the proxy's X-Forwarded-For (its last hop) behind a proxy, else the
# socket's address.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if BEHIND_PROXY else ["REMOTE_ADDR"]
)
AXES_IPWARE_PROXY_COUNT = 1 if BEHIND_PROXY else None

# The second factor (accounts/): the name authenticator apps show for the account.
OTP_TOTP_ISSUER = env.str("RISKREG_TOTP_ISSUER", default="Risk registers")
# Wrong codes are limited by the sign-in lockout above, as wrong passwords are (one rule, one
# message); django-otp's own silent back-off would refuse a right code typed just after a
# wrong one without saying why.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# Signing in with the organisation's identity provider over OpenID Connect (accounts/provider.py,
# mozilla-django-oidc): off unless the issuer and the client are set. The endpoints come from the
# issuer's discovery document; the groups claim carries the groups that map to roles (admin,
# Provider group mappings); the email-verified claim says whether the email may link an account
# (Entra ID sends `xms_edov` when asked, not `email_verified`).
OIDC_ISSUER = env.str("RISKREG_OIDC_ISSUER", default="").rstrip("/")
OIDC_RP_CLIENT_ID = env.str("RISKREG_OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("RISKREG_OIDC_CLIENT_SECRET", default="")
OIDC_ENABLED = bool(OIDC_ISSUER and OIDC_RP_CLIENT_ID)
OIDC_RP_SCOPES = env.str("RISKREG_OIDC_SCOPES", default="openid email profile")
OIDC_GROUPS_CLAIM = env.str("RISKREG_OIDC_GROUPS_CLAIM", default="groups")
OIDC_EMAIL_VERIFIED_CLAIM = env.str("RISKREG_OIDC_EMAIL_VERIFIED_CLAIM", default="email_verified")
OIDC_RP_SIGN_ALGO = env.str("RISKREG_OIDC_SIGN_ALGO", default="RS256")
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-callback"
# How often a session begun at the provider is re-checked there (prompt=none), by the next page;
# at least a minute, so that coming back from a re-check is not itself re-checked.
OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = max(60, env.int("RISKREG_OIDC_RECHECK_SECONDS", default=900))
# Asked by scripts, not pages: a redirect to the provider would break them (the re-check waits
# for the next page). Other fetch() requests are told apart by their Sec-Fetch-Mode.
OIDC_EXEMPT_URLS = ["session-status", "session-keepalive", "registers:people-search"]
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("accounts.provider.ProviderBackend")
    # Signing out is a form; its redirect on to the provider's end-session page (same origin
    # as the issuer in Entra ID) must be a form action the policy allows.
    _issuer = urlsplit(OIDC_ISSUER)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_issuer.scheme}://{_issuer.netloc}"
    )

# The read-only API (api/): a personal access token (``Authorization: Bearer``) or the
# browser's session; JSON and CSV; RISKREG_API_RATE requests a person (e.g. "120/minute").
RISKREG_API_RATE = env.str("RISKREG_API_RATE", default="120/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.AccessTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "api.renderers.JSONRenderer",
        "api.renderers.CSVRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PersonRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.RegisterPagePagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "riskreg API",
    "DESCRIPTION": "Read-only: the registers, risks, actions, reviews and approved quarters a "
    "person may see, for Power BI, Excel and other tools.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Two "status" (and "kind") fields with different choices: named after their models, not
    # numbered.
    "ENUM_NAME_OVERRIDES": {
        "RiskStatusEnum": "registers.models.RiskStatus",
        "ActionStatusEnum": "registers.models.ActionStatus",
        "RegisterKindEnum": "registers.models.Kind",
    },
}

# PDF rendering runs in a child process with these caps (reports/pdf.py).
RISKREG_PDF_TIMEOUT_SECONDS = env.int("RISKREG_PDF_TIMEOUT_SECONDS", default=60)
RISKREG_PDF_MEMORY_MB = env.int("RISKREG_PDF_MEMORY_MB", default=1536)
# A register pack circulated before its meeting goes attached up to this size, else as a link
# (reports/circulation.py): most mail servers refuse messages much above 10 MB.
RISKREG_CIRCULATION_ATTACH_MAX_BYTES = env.int(
    "RISKREG_CIRCULATION_ATTACH_MAX_BYTES", default=5 * 1024 * 1024
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # WeasyPrint logs each rendering step and every refused fetch at INFO: keep its warnings.
    "loggers": {
        # Sign-ins, failures, lockouts and refused requests (riskreg/security.py, django-axes).
        "riskreg.security": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}

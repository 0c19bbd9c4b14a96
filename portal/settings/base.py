"""Settings for every environment, read from environment variables (see .env.example).

Secure unless told otherwise: DEBUG is off by default, and with DEBUG off the site refuses to
start without a SECRET_KEY.
"""

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A .env file fills in whatever the real environment leaves unset.
ENV_FILE = Path(env.str("ENV_FILE", default=str(BASE_DIR / ".env")))
if ENV_FILE.is_file():
    environ.Env.read_env(ENV_FILE, overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Set the SECRET_KEY environment variable "
            "to a long random string (see .env.example), or set DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The site's address: every absolute link (emails, the open data, shared shortlists) is built
# from it, never from the request's Host header. Required when DEBUG is off (portal.checks).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

INSTALLED_APPS = [
    "portal.admin_apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "csp",
    "django_ratelimit",
    "simple_history",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "directory",
    "directory.personal_assistants",
    "directory.short_notice",
    "eligibility",
    "portal",
]
# The demo council, benchmarks and factories: for developers only, never on a live site.
if DEBUG:
    INSTALLED_APPS.append("portal.nonprod")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.error_responses.MethodNotAllowedPageMiddleware",
    "portal.error_responses.AnonymousWriteLimitMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.staff_sessions.StaffIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Open data: anyone may read the Open Referral API from a browser on any site.
CORS_URLS_REGEX = r"^/api/openreferral/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

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
                "portal.context_processors.site",
            ],
        },
    },
]

# The embedded default needs no server; production sets a postgres:// DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Keep connections between requests: opening one to PostgreSQL costs more than most pages.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parallel workers take longer to start than a page's queries take to run
    # (docs/performance.md has the figures).
    workers = env.int("PG_PARALLEL_WORKERS", default=0)
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c max_parallel_workers_per_gather={workers}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The embedded default keeps the cache in each process; production shares one (redis://...),
# so rate limits hold across workers (portal.checks warns otherwise).
# Work that outlasts a request (large imports, alert emails) is a task: stored in the database and
# run by `manage.py db_worker` (beside the server in `make run`; its own process in production).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://short-breaks")}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
RATELIMIT_IP_META_KEY = "portal.client_ip.client_ip"
PROBLEM_REPORT_RATE = env.str("PROBLEM_REPORT_RATE", default="5/h")
# Requests for place alerts (each sends a confirmation email) and messages to personal assistants.
PLACE_ALERT_RATE = env.str("PLACE_ALERT_RATE", default="10/h")
PA_CONTACT_RATE = env.str("PA_CONTACT_RATE", default="5/h")
# Forms anyone not signed in may send from one address (shortlist, checker, reports).
ANONYMOUS_WRITE_RATE = env.str("ANONYMOUS_WRITE_RATE", default="60/m")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "portal.staticfiles.HashedModuleStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_GDS_FRONTEND_VERSION = "5.8.0"

# Email: console in development, any backend through EMAIL_URL (e.g. smtp+tls://user:pw@host:587).
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL",
    default="consolemail://" if DEBUG else "smtp://localhost:25",
)
EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL_CONFIG.get("EMAIL_HOST", "")
EMAIL_PORT = EMAIL_CONFIG.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = EMAIL_CONFIG.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = EMAIL_CONFIG.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = EMAIL_CONFIG.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = EMAIL_CONFIG.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="short-breaks@example.gov.uk")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: headers on every response; cookies and HSTS hardened whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# How many proxies in front of the site append the client's address to X-Forwarded-For (the
# address rate limits and sign-in lockouts count by; portal.client_ip): 1 for nginx alone
# (deploy/), 2 for a load balancer in front of nginx; 0 trusts no header, only the peer.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=1 if BEHIND_TLS_PROXY else 0)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

# The map beside the directory's results (docs/directory.md): map tiles from this server, a URL
# template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png. Unset (the default): no map.
MAP_TILES_URL = env.str("MAP_TILES_URL", default="")
# Credit for the tiles, shown on the map as a link: OpenStreetMap's by default.
MAP_TILES_ATTRIBUTION = env.str("MAP_TILES_ATTRIBUTION", default="© OpenStreetMap contributors")
MAP_TILES_ATTRIBUTION_URL = env.str(
    "MAP_TILES_ATTRIBUTION_URL", default="https://www.openstreetmap.org/copyright"
)


def tiles_origin(tiles_url: str) -> str | None:
    """The origin a map's tiles come from, as a CSP source, or None without a tile server: a
    subdomain placeholder ({s}.tile.example.org) allows every subdomain (*.tile.example.org)."""
    if not tiles_url:
        return None
    parts = urlsplit(tiles_url)
    host = parts.netloc.rpartition("@")[2]
    if host.startswith("{s}."):
        host = "*" + host.removeprefix("{s}")
    if parts.scheme not in ("https", "http") or not host or "{" in host:
        raise ImproperlyConfigured(
            f"MAP_TILES_URL must be an http(s) address such as "
            f"https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png, not {tiles_url!r}."
        )
    return f"{parts.scheme}://{host}"


def with_map_tiles(policy: dict, tiles_url: str) -> dict:
    """The policy, allowing images from the map's tile server too when there is one."""
    origin = tiles_origin(tiles_url)
    if origin is None:
        return policy
    directives = policy["DIRECTIVES"]
    return {**policy, "DIRECTIVES": {**directives, "img-src": [*directives["img-src"], origin]}}


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}
CONTENT_SECURITY_POLICY = with_map_tiles(CONTENT_SECURITY_POLICY, MAP_TILES_URL)

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# The service name and the council's name before its configuration is saved in the admin.
SERVICE_NAME = "Short breaks"
DEFAULT_COUNCIL_NAME = env.str("COUNCIL_NAME", default="Your council")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes logs every sign-in at INFO; lockouts are WARNING and still reported.
    "loggers": {"axes": {"level": "WARNING"}},
}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Sessions hold a family's shortlist and checker answers, never an account: keep them short.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=7 * 24 * 3600)
CSRF_COOKIE_AGE = None

# Imports in the back office (django-import-export): all-or-nothing, in a transaction.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_ACTION_EXPORT_UI = False

# Staff sign-in (portal.sign_in_limits). django-axes locks a username at one address out after
# AXES_FAILURE_LIMIT failed attempts, and an address out, whatever usernames it tries, after
# AXES_ADDRESS_FAILURE_LIMIT, each for AXES_COOLOFF_MINUTES from the failure that locked it:
# attempts during a lockout do not extend it. A good sign-in clears only its own account's count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=20)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "portal.sign_in_limits.StaffSignInHandler"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "portal.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.sign_in_limits.locked_out"
AXES_VERBOSE = False
# Staff are signed out after this many minutes without a request (the public are not).
STAFF_IDLE_MINUTES = env.int("STAFF_IDLE_MINUTES", default=30)
# Two-factor authentication (TOTP, django-otp): anyone on staff may set it up; with this on
# (the default whenever DEBUG is off), commissioners must. Staff with an authenticator set up
# always give a code at sign-in.
TWO_FACTOR_FOR_COMMISSIONERS = env.bool("TWO_FACTOR_FOR_COMMISSIONERS", default=not DEBUG)
OTP_TOTP_ISSUER = "Short breaks back office"

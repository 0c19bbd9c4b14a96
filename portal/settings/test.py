"""Settings for the test suite: the base settings with DEBUG off, as in production."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-real-site")

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests need no collectstatic: files come straight from the finders.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Absolute links are built from SITE_URL; the test client's host keeps them readable.
SITE_URL = "http://testserver"
# Production requires commissioners to use two-factor authentication (the default with DEBUG
# off); tests that are about it turn it on, the rest sign commissioners in without an app.
TWO_FACTOR_FOR_COMMISSIONERS = False
# The tests and benchmarks run with DEBUG off, as in production, but use the demo council's
# commands and factories.
INSTALLED_APPS = [*INSTALLED_APPS, "portal.nonprod"]
# Tasks run at once, inside the request or command that enqueues them, so that a test sees
# their effects (an email sent, an import done) without a worker. tests/directory/
# test_import_jobs.py runs the real database backend and worker once too.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

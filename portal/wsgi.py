"""WSGI entry point for gunicorn: `gunicorn portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.base")

application = get_wsgi_application()

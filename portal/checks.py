"""System checks of our own, run by `manage.py check --deploy`."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Rate limits count in the cache, so production workers must share one."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            checks.Warning(
                "The cache is not shared between processes, so rate limits (such as on "
                "'report a problem') count separately in each worker.",
                hint="Set CACHE_URL to a shared cache, for example redis://127.0.0.1:6379/0.",
                id="portal.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """Absolute links (emails, the open data, shared shortlists) are built from SITE_URL, never
    from the request's Host header, which a client chooses; a live site must say what it is."""
    parts = urlsplit(settings.SITE_URL)
    if settings.DEBUG or (parts.scheme in ("http", "https") and parts.netloc):
        return []
    return [
        checks.Error(
            "SITE_URL is not set to the site's address, so links in emails and the open data "
            "cannot be made.",
            hint="Set SITE_URL to the address families use, for example "
            "https://shortbreaks.example.gov.uk.",
            id="portal.E001",
        )
    ]

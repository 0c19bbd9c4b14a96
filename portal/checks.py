"""System checks of our own, run by `manage.py check --deploy`."""

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

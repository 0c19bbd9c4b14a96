from django.apps import AppConfig


class NonprodConfig(AppConfig):
    """Demo data, benchmarks and factories: never installed in production (portal.settings)."""

    name = "portal.nonprod"
    label = "nonprod"
    verbose_name = "Demo and benchmarks"

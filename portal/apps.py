from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Statement and reports"

    def ready(self):
        from django.db.models.signals import post_migrate
        from simple_history.signals import pre_create_historical_record

        from . import checks  # noqa: F401 (registers the checks)
        from .services import keep_sections

        post_migrate.connect(_sync_roles, sender=self)
        pre_create_historical_record.connect(keep_sections, dispatch_uid="portal-sections")


def _sync_roles(**kwargs):
    """After every migrate, the roles' groups have exactly the permissions of directory.roles, so
    a model added later gets its place in the matrix without a migration of its own."""
    from django.contrib.auth.models import Group, Permission

    from directory.roles import sync_roles

    sync_roles(Group, Permission)

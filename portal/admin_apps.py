from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """The back office: Django's admin on the portal's own site (portal.admin_site)."""

    default_site = "portal.admin_site.PortalAdminSite"

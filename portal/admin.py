"""The back office's site is portal.admin_site.PortalAdminSite (see PortalAdminConfig)."""

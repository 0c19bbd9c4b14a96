from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from directory.openreferral.api import api as openreferral_api

from . import health, staff_sessions, views

site_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("statement/", views.statement_current, name="statement"),
    path("statement/versions/", views.statement_archive, name="statement-archive"),
    path("statement/<int:number>/", views.statement_version, name="statement-version"),
    path("statement/preview/<int:pk>/", views.statement_preview, name="statement-preview"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="portal/accessibility.html"),
        name="accessibility",
    ),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("cookies/", views.CookiesView.as_view(), name="cookies"),
    path("contact/", TemplateView.as_view(template_name="portal/contact.html"), name="contact"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="portal/robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("staff/keep-alive/", staff_sessions.keep_alive, name="staff-keep-alive"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("directory/", include("directory.urls")),
    path("places/", include("directory.short_notice.urls")),
    path("check/", include("eligibility.urls")),
    path("personal-assistants/", include("directory.personal_assistants.urls")),
    path("api/openreferral/", openreferral_api.urls),
    path("health", health.health, name="health"),
    path("", include((site_patterns, "portal"))),
]

handler500 = "portal.views.server_error"

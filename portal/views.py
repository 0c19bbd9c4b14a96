"""Site-wide pages: the home page, the footer's pages and the error pages."""

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.generic import TemplateView

from directory.models import Council

from .presenters import describe_duration


class HomeView(TemplateView):
    template_name = "portal/home.html"


class SessionLifetimeMixin:
    """Pages that say how long a visitor's session lasts, read from the settings."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            session_lifetime=describe_duration(settings.SESSION_COOKIE_AGE), **kwargs
        )


class CookiesView(SessionLifetimeMixin, TemplateView):
    template_name = "portal/cookies.html"


class PrivacyView(SessionLifetimeMixin, TemplateView):
    template_name = "portal/privacy.html"


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: usually an old tab or blocked cookies."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """The 500 page, rendered without the request's context processors, which may be what failed."""
    try:
        council = Council.objects.current()
    except DatabaseError:
        council = Council()
    html = render_to_string("500.html", {"service_name": settings.SERVICE_NAME, "council": council})
    return HttpResponseServerError(html)

"""Site-wide pages: the home page, the Short Breaks Statement, the footer's pages and the
error pages."""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from directory.council import council_for
from directory.models import Council

from .generated_sections import generated_sections
from .models import Statement
from .presenters import describe_duration, statement_sections


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


# ---------------------------------------------------------------------------- the Statement

LARGEST_ID = 2**31 - 1  # a larger number in an address would overflow the database's integer


def _number_or_404(number: int) -> int:
    if number > LARGEST_ID:
        raise Http404("No version has that number.")
    return number


def _statement_page(request, statement: Statement, generated: dict, **flags):
    return render(
        request,
        "portal/statement/statement.html",
        {
            "statement": statement,
            "sections": statement_sections(statement.sections.all(), generated),
            "generated": generated,
            **flags,
        },
    )


@require_safe
def statement_current(request):
    """The published Statement, its generated sections made from today's data."""
    statement = Statement.objects.current()
    if statement is None:
        return render(request, "portal/statement/none.html")
    today = timezone.localdate()
    generated = generated_sections(council=council_for(request), today=today)
    return _statement_page(request, statement, generated, is_current=True)


@require_safe
def statement_version(request, number: int):
    """A version at its lasting address: a replaced one as it was published; the current one
    is the Statement itself."""
    statement = get_object_or_404(
        Statement.objects.public().prefetch_related("sections"), number=_number_or_404(number)
    )
    if statement.status == Statement.Status.PUBLISHED:
        return redirect("portal:statement")
    return _statement_page(request, statement, statement.generated or {}, is_archived=True)


@require_safe
def statement_archive(request):
    """Every version published, newest first."""
    return render(
        request, "portal/statement/archive.html", {"versions": Statement.objects.archive()}
    )


@require_safe
@never_cache
@staff_member_required
def statement_preview(request, pk: int):
    """Any version, drafts included, as families would see it if it were published today: for
    the back office only."""
    if not request.user.has_perm("portal.view_statement"):
        raise PermissionDenied
    statement = get_object_or_404(
        Statement.objects.prefetch_related("sections"), pk=_number_or_404(pk)
    )
    generated = generated_sections(council=council_for(request), today=timezone.localdate())
    response = _statement_page(request, statement, generated, is_preview=True)
    response["X-Robots-Tag"] = "noindex"
    return response


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

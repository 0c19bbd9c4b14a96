"""The Reports pages of the back office, for commissioners: each report's tables for a period,
and any table as CSV (?download=<table>)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from directory.models import Council

from .demand import demand_tables
from .forms import PeriodForm
from .freshness import freshness_tables
from .personal_assistants import personal_assistant_tables
from .places_now import places_now_tables
from .supply import supply_tables


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    summary: str
    uses_period: bool


REPORTS = {
    report.slug: report
    for report in (
        Report(
            "supply",
            "Supply",
            "Published services in each area by need, age group, kind of break and tier, with "
            "the gaps marked.",
            uses_period=False,
        ),
        Report(
            "demand",
            "Demand",
            "Completed eligibility checks by month, area, age group, need and outcome, and "
            "demand against supply in each area.",
            uses_period=True,
        ),
        Report(
            "personal-assistants",
            "Personal assistants",
            "Personal assistants families can find by area, need and age group, families' "
            "messages to them by month, area and need, and where they meet the directory's gaps.",
            uses_period=True,
        ),
        Report(
            "freshness",
            "Freshness",
            "How current the listings are, overdue listings by provider, proposed changes "
            "waiting and problem reports.",
            uses_period=True,
        ),
        Report(
            "places-now",
            "Places now",
            "Short-notice places offered, taken and unused by month, service, kind of break "
            "and area: where capacity is wasted.",
            uses_period=True,
        ),
    )
}


def _allowed(request) -> None:
    if not request.user.has_perm("portal.view_report"):
        raise PermissionDenied


def reports_index(admin_site, request):
    _allowed(request)
    context = {
        **admin_site.each_context(request),
        "title": "Reports",
        "reports": REPORTS.values(),
    }
    return TemplateResponse(request, "admin/portal/reports/index.html", context)


def report_page(admin_site, request, slug: str):
    """A report's tables for the period chosen (its charts beside them), or one as CSV."""
    _allowed(request)
    report = REPORTS.get(slug)
    if report is None:
        raise Http404("There is no such report.")
    today = timezone.localdate()
    council = Council.objects.current()
    form = PeriodForm(request.GET or None, today=today)
    first, last = form.period()
    places_only = request.GET.get("places") == "yes"
    if slug == "supply":
        tables = supply_tables(places_only=places_only, threshold=council.supply_threshold)
    elif slug == "demand":
        tables = demand_tables(first=first, last=last)
    elif slug == "places-now":
        tables = places_now_tables(first=first, last=last)
    elif slug == "personal-assistants":
        tables = personal_assistant_tables(
            today=today,
            first=first,
            last=last,
            threshold=council.supply_threshold,
            dbs_valid_years=council.pa_dbs_valid_years,
        )
    else:
        tables = freshness_tables(
            today=today, months=council.review_every_months, first=first, last=last
        )
    wanted = request.GET.get("download")
    if wanted is not None:
        table = next((t for t in tables if t.slug == wanted), None)
        if table is None:
            raise Http404("There is no such table in this report.")
        response = HttpResponse(table.csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{table.slug}-{first:%Y-%m}-to-{last:%Y-%m}.csv"'
        )
        return response
    query = request.GET.copy()
    query.pop("download", None)
    context = {
        **admin_site.each_context(request),
        "title": f"Reports: {report.title}",
        "report": report,
        "reports": REPORTS.values(),
        "form": form,
        "first": first,
        "last": last,
        "places_only": places_only,
        "tables": tables,
        "query": query.urlencode(),
        "threshold": council.supply_threshold,
    }
    return TemplateResponse(request, "admin/portal/reports/report.html", context)

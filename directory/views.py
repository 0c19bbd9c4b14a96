"""The directory's public pages: search, a service, a provider, the shortlist, report a problem."""

from functools import cache as once

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import data_version, page_cache, search_page
from .council import council_for
from .csv_export import csv_lines
from .filters import (
    MAX_KEYWORDS,
    SEARCH_PARAMETERS,
    ServiceFilter,
    returnable_search,
    search_query,
)
from .forms import ProblemReportForm, postcode_in_words
from .models import Provider, Service, Status
from .post_limits import too_many_posts
from .presenters import (
    OTHER_SERVICES_SHOWN,
    RESULTS_PARAMETER,
    ServicePage,
    label_with_counts,
    page_links,
    selected_filters,
    service_cards,
)
from .querysets import FilterOptions
from .results import PageOutOfRange, ids_in_order, results_page
from .return_paths import same_site_path
from .services import problem_report_create
from .short_notice.holes import services_places
from .shortlist import Shortlist, parse_ids

PAGE_SIZE = 20


def _page_number(raw) -> int | None:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return None
    return number if number >= 1 else None


def _with_page(request, number: int):
    query = request.GET.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = str(number)
    return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)


def _search(request, council=None) -> ServiceFilter:
    """The search the query string asks for, over the published services."""
    council = council or council_for(request)
    return ServiceFilter(
        request.GET,
        queryset=Service.objects.published(),
        options=FilterOptions.load(),
        council_name=council.name,
        radius_miles=council.search_radius_miles,
    )


def _postcode_from_keywords(request):
    """A full postcode typed in the search box, with the postcode box empty, is moved to the
    postcode box: the same search again, at an address that says what it searched."""
    words = request.GET.get("q", "")
    if request.GET.get("postcode", "").strip() or len(words) > MAX_KEYWORDS:
        return None
    found = postcode_in_words(words)
    if found is None:
        return None
    postcode, rest = found
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("q")
    query["postcode"] = postcode.text
    if rest:
        query["q"] = rest
    return redirect(f"{request.path}?{query.urlencode()}")


@require_safe
def search(request):
    """Find short breaks: keywords, filters, distance from a postcode, sorted and paginated."""
    if moved := _postcode_from_keywords(request):
        return moved
    raw_page = request.GET.get("page")
    number = _page_number(raw_page) if raw_page is not None else 1
    if number is None:
        return _with_page(request, 1)
    # The version before the data: a page is never kept under a version newer than its data.
    council, version = council_for(request), data_version.current()
    today = timezone.localdate()
    key = page_cache.search_page_key(
        request.get_full_path(), version=version, today=today, council=council
    )
    entry = page_cache.get(key)
    if entry is None:
        filterset = _search(request, council)
        try:
            results = results_page(filterset, number=number, size=PAGE_SIZE)
        except PageOutOfRange as out_of_range:
            return _with_page(request, out_of_range.nearest)
        context = _results_context(request, filterset, results, number, today)
        entry = search_page.with_holes(context, council=council)
        page_cache.put(key, entry)
    html = search_page.filled(
        entry,
        request,
        here=request.get_full_path(),
        shortlist=Shortlist(request.session).ids,
        version=version,
    )
    return HttpResponse(html)


def _results_context(request, filterset, results, number, today) -> dict:
    """What the results page shows of a search, for every visitor (directory.search_page)."""
    form = filterset.form
    query = [(key, value) for key, values in request.GET.lists() for value in values]
    tags = selected_filters(request.path, query, form)
    label_with_counts(form, results.option_counts)
    return {
        "form": form,
        "results": results,
        "cards": service_cards(results.services, today, search=search_query(query)),
        "pagination": page_links(request.path, query, number, results.num_pages),
        "selected_filters": tags,
        "sort": filterset.chosen_sort,
        "sorts": filterset.sorts,
        "asked_sort": filterset.asked_sort,
        # The sort form keeps the search but its order and page (a new order starts at 1).
        "sort_keeps": [
            (k, v) for k, v in query if k in SEARCH_PARAMETERS and k not in ("sort", "page")
        ],
        "download_query": _search_query(request),
        "suggestion_url": _with_keywords(request, results.suggestion),
    }


def _with_keywords(request, words: str | None) -> str:
    """The same search with other keywords ("did you mean"), from its first page; '' for none."""
    if not words:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    query["q"] = words
    return f"{request.path}?{query.urlencode()}"


def _search_query(request) -> str:
    """The search's query string without its page number."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_safe
def download(request):
    """The published directory as CSV: all of it, or, with a search's query string, its results
    (every page, in the search's order). A search with errors goes back to show them."""
    filterset = _search(request)
    if not filterset.is_valid():
        return redirect(f"{reverse('directory:search')}?{_search_query(request)}")
    _, ids = ids_in_order(filterset.search, filterset.options)
    lines = csv_lines(ids, filterset.options, settings.SITE_URL)
    response = StreamingHttpResponse(lines, content_type="text/csv")
    name = "short-breaks-search.csv" if request.GET else "short-breaks.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _published_service_or_gone(request, pk, services=None):
    """The published service, from `services` (by default with its provider, in one query);
    or, for one taken out of the directory, the page that says so (410); or not found."""
    if services is None:
        services = Service.objects.select_related("provider")
    service = get_object_or_404(services, pk=pk)
    if service.status == Status.ARCHIVED:
        return service, render(
            request, "directory/service_gone.html", {"service": service}, status=410
        )
    if service.status != Status.PUBLISHED:
        raise Http404("This service is not published")
    return service, None


@require_safe
def service_detail(request, pk):
    """Everything a family needs to know about one service. The page comes from the cache when
    it can, its holes filled for this visitor (directory.page_cache); the service's status is
    read and checked on every request, so a page taken down is never served from it."""
    version = data_version.current()  # before the service is read: see directory.page_cache
    council, status = page_cache.council_and_status(pk)
    today = timezone.localdate()
    key = page_cache.service_page_key(pk, version=version, today=today, council=council)
    page = page_cache.get(key)
    # Not in the cache, or not published: read the service whole, to render its page or say
    # that it is gone.
    if page is None or status != Status.PUBLISHED:
        services = Service.objects.with_page_data()
        service, gone = _published_service_or_gone(request, pk, services)
        if gone:
            return gone
        page = _service_page_with_holes(service, today=today, council=council)
        page_cache.put(key, page)
    return HttpResponse(page.fill(_visitor_fragments(request, pk, version=version)))


def _results_url(request) -> str:
    """Where "Back to results" goes: the search the family came from, if the link carried one
    (RESULTS_PARAMETER); else ''. Only ever a search of this directory."""
    query = returnable_search(request.GET.get(RESULTS_PARAMETER))
    if query is None:
        return ""
    return same_site_path(f"{reverse('directory:search')}?{query}") or ""


def _service_page_context(service, today) -> dict:
    """What a service's page shows, for a service loaded `with_page_data`. The provider's other
    services: the first few by name, read in that order from an index on (provider, status,
    name, id), however many there are."""
    other_services = (
        Service.objects.published()
        .filter(provider_id=service.provider_id)
        .exclude(pk=service.pk)
        .order_by("name", "id")
        .only("id", "name")[: OTHER_SERVICES_SHOWN + 1]
    )
    return {"service": service, "page": ServicePage(service, today, list(other_services))}


def _service_page_with_holes(service, *, today, council) -> page_cache.PageWithHoles:
    """A service's page with a hole for each of _visitor_fragments, for every visitor: rendered
    without a request, so nothing of anyone's can be in it. What the site's context processor
    gives every page but the navigation is given here."""
    markers = page_cache.hole_markers(["navigation", "way_back", "messages", "shortlist", "places"])
    context = _service_page_context(service, today) | {"own": markers}
    return page_cache.render_cut("directory/service.html", context, markers, council=council)


def _visitor_fragments(request, service_id, *, version: str, preview=False) -> dict[str, str]:
    """What of a service's page is this visitor's own: the navigation (with their shortlist),
    the way back to their results, messages, and the shortlist button (none on a preview).
    Most visitors have no way back and no messages: those need no rendering."""
    results_url = "" if preview else _results_url(request)
    fragments = {
        "navigation": page_cache.visitor_navigation(request),
        "way_back": _way_back(results_url, request) if results_url else _breadcrumbs(),
        "messages": page_cache.visitor_messages(request),
        "shortlist": "",
        # Places change without a write to the service: never part of a cached page.
        "places": services_places([service_id], version=version)[str(service_id)],
    }
    if not preview:
        on_shortlist = service_id in Shortlist(request.session)
        fragments["shortlist"] = render_to_string(
            "directory/includes/shortlist_button.html",
            {"service_id": service_id, "on_shortlist": on_shortlist},
            request,
        )
    return fragments


def _way_back(results_url: str, request=None) -> str:
    """The link back to the visitor's results; the breadcrumbs when there are none."""
    context = {"results_url": results_url}
    return render_to_string("directory/includes/breadcrumbs.html", context, request)


@once
def _breadcrumbs() -> str:
    """The breadcrumbs, the same for every page that has no way back to results."""
    return _way_back("")


def _service_page(request, service, *, preview=False):
    """A service's page rendered afresh: the back office's preview (and what a page from the
    cache must be the same as)."""
    context = _service_page_context(service, timezone.localdate()) | {
        "own": _visitor_fragments(
            request, service.pk, version=data_version.current(), preview=preview
        ),
        "preview": preview,
    }
    return render(request, "directory/service.html", context)


@require_safe
@never_cache
@staff_member_required
def service_preview(request, pk):
    """A listing, drafts included, as families would see it once published: for the back
    office only, and for a provider user only its own organisation's listings. Never cached."""
    if not request.user.has_perm("directory.view_service"):
        raise PermissionDenied
    services = Service.objects.with_page_data().visible_to(request.user)
    response = _service_page(request, get_object_or_404(services, pk=pk), preview=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def provider_detail(request, pk):
    """An organisation and its published services."""
    provider = get_object_or_404(Provider.objects.all(), pk=pk)
    services = Service.objects.published().filter(provider=provider).listings()
    return render(
        request,
        "directory/provider.html",
        {"provider": provider, "cards": service_cards(services, timezone.localdate())},
    )


# ---------------------------------------------------------------------------- shortlist


def _back_to(request, default: str):
    """Back to the page the form was on, if the form says a path of this site; else default."""
    return HttpResponseRedirect(same_site_path(request.POST.get("next")) or default)


@require_safe
def shortlist(request):
    """The family's shortlist, or a shared list from a link (?services=id,id)."""
    shared = request.GET.get("services")
    ids = parse_ids(shared.split(",")) if shared is not None else Shortlist(request.session).ids
    found = {s.pk: s for s in Service.objects.with_ids(ids).listings() if s.is_published}
    cards = service_cards([found[i] for i in ids if i in found], timezone.localdate())
    share_ids = ",".join(str(card.service.pk) for card in cards)
    return render(
        request,
        "directory/shortlist.html",
        {
            "cards": cards,
            "is_shared": shared is not None,
            "missing": len(ids) - len(cards),
            "share_url": f"{settings.SITE_URL}{reverse('directory:shortlist')}?services={share_ids}"
            if cards
            else "",
            "share_ids": share_ids,
        },
    )


def _service_id(request):
    ids = parse_ids([request.POST.get("service", "")])
    if not ids or not Service.objects.published().filter(pk=ids[0]).exists():
        raise Http404("No such service")
    return ids[0]


@require_POST
def shortlist_add(request):
    service_id = _service_id(request)
    if Shortlist(request.session).add(service_id):
        messages.success(request, "Added to your shortlist.")
    else:
        messages.error(request, "Your shortlist is full. Remove a service before you add another.")
    return _back_to(request, reverse("directory:service", args=[service_id]))


@require_POST
def shortlist_remove(request):
    ids = parse_ids([request.POST.get("service", "")])
    if ids and Shortlist(request.session).remove(ids[0]):
        messages.success(request, "Removed from your shortlist.")
    return _back_to(request, reverse("directory:shortlist"))


@require_POST
def shortlist_save(request):
    """Keep a shared list as this family's own shortlist."""
    ids = parse_ids(request.POST.get("services", "").split(","))
    published = set(Service.objects.published().filter(pk__in=ids).values_list("pk", flat=True))
    kept = [i for i in ids if i in published]
    if kept:  # nothing to keep, nothing written: no session for a visitor who had none
        Shortlist(request.session).extend(kept)
        messages.success(request, "These services are now on your shortlist.")
    return redirect("directory:shortlist")


# ---------------------------------------------------------------------------- report a problem


@require_http_methods(["GET", "HEAD", "POST"])
def report_problem(request, pk):
    """'Report a problem with this page', kept for the council's editors."""
    service, gone = _published_service_or_gone(request, pk)
    if gone:
        return gone
    form = ProblemReportForm(request.POST if request.method == "POST" else None)
    limited = too_many_posts(
        request,
        form,
        group="report-problem",
        rate=settings.PROBLEM_REPORT_RATE,
        message="You have sent a lot of reports in a short time. Wait an hour, then try again, "
        "or contact us by phone or email.",
    )
    if not limited and request.method == "POST" and form.is_valid():
        problem_report_create(service=service, **form.cleaned_data)
        return redirect("directory:report-sent", pk=service.pk)
    return render(
        request,
        "directory/report_problem.html",
        {"service": service, "form": form},
        status=429 if limited else 200,
    )


@require_safe
def report_sent(request, pk):
    service, gone = _published_service_or_gone(request, pk)
    return gone or render(request, "directory/report_sent.html", {"service": service})

"""The families' pages: places available soon, and asking for, confirming, renewing and
stopping email alerts. Thin: each parses its input, calls a queryset or a service, renders."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from ..council import council_for
from ..data_version import as_text
from ..filters import search_query
from ..models import Service
from ..post_limits import too_many_posts
from ..presenters import label_with_counts, page_links, selected_filters
from ..querysets import FilterOptions
from .emails import confirmation_message
from .filters import PlaceFilter
from .forms import AlertForm, valid_search
from .links import alert_id_from
from .models import Alert
from .open_places import open_at
from .places_page import places_found
from .presenters import place_cards
from .querysets import SOON_DAYS
from .services import alert_confirm, alert_delete, alert_renew, alert_request

PAGE_SIZE = 20


def _page_number(raw: str) -> int | None:
    try:
        number = int(raw)
    except ValueError:
        return None
    return number if number >= 1 else None


@require_safe
def places(request):
    """Places available soon: the next 14 days' open places, soonest first, filtered like the
    directory, with the count beside each option. Never cached: places expire by the minute."""
    number = _page_number(request.GET.get("page", "1"))
    if number is None:
        return redirect("short_notice:places")
    council = council_for(request)
    filterset = PlaceFilter(
        request.GET,
        queryset=Service.objects.published(),
        options=FilterOptions.load(),
        council_name=council.name,
        radius_miles=council.search_radius_miles,
    )
    open_places = open_at(timezone.now(), as_text(filterset.options.index_version))
    found = places_found(
        open_places, filterset.search, filterset.options, number=number, size=PAGE_SIZE
    )
    if found is None:
        return redirect(f"{request.path}?{_without_page(request)}")
    form = filterset.form
    query = [(key, value) for key, values in request.GET.lists() for value in values]
    label_with_counts(form, found.option_counts)
    search = search_query((k, v) for k, v in query if k in form.fields)
    return render(
        request,
        "short_notice/places.html",
        {
            "form": form,
            "found": found,
            "cards": place_cards(found.places, found.distances),
            "selected_filters": selected_filters(request.path, query, form),
            "pagination": page_links(request.path, query, number, found.num_pages),
            "days": SOON_DAYS,
            "search": search,
        },
    )


def _without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# ---------------------------------------------------------------------------- alerts


@require_http_methods(["GET", "HEAD", "POST"])
def alert_new(request):
    """Ask for email alerts about a directory search (?search=<its query string>)."""
    council = council_for(request)
    if request.method != "POST":
        search = valid_search(request.GET.get("search", ""), council=council)
        form = AlertForm(initial={"search": search or ""}, council=council)
        return _alert_form(request, form, search, status=200 if search is not None else 400)
    form = AlertForm(request.POST, council=council)
    if too_many_posts(
        request,
        form,
        group="place-alerts",
        rate=settings.PLACE_ALERT_RATE,
        message="You have asked for a lot of alerts in a short time. Wait an hour, then try again",
    ):
        return _alert_form(request, form, _posted_search(request, council), status=429)
    if not form.is_valid():
        return _alert_form(request, form, _posted_search(request, council))
    alert = alert_request(**form.cleaned_data)
    confirmation_message(alert, council=council).send()
    return redirect("short_notice:requested")


def _alert_form(request, form, search: str | None, status=200):
    """The form, for a search (None: one not valid)."""
    return render(
        request,
        "short_notice/alert_new.html",
        {"form": form, "search": search, "search_invalid": search is None},
        status=status,
    )


def _posted_search(request, council) -> str:
    # An invalid search posted is the form's error; the page still offers the form.
    return valid_search(request.POST.get("search", ""), council=council) or ""


@require_safe
def alert_requested(request):
    return render(request, "short_notice/alert_requested.html")


def _alert_from(token: str, purpose: str) -> Alert | None:
    alert_id = alert_id_from(token, purpose)
    return None if alert_id is None else Alert.objects.filter(pk=alert_id).first()


def _link_not_valid(request):
    return render(request, "short_notice/link_not_valid.html", status=404)


ACTIONS = {
    "confirm": (
        "Confirm your email alerts",
        "We will email you about new places and services that fit your search.",
        "Confirm and start my alerts",
    ),
    "renew": (
        "Keep your email alerts",
        "Your alerts will carry on for another 12 months from today.",
        "Keep my alerts",
    ),
    "unsubscribe": (
        "Stop your email alerts",
        "We will send you no more alerts and delete your email address and search.",
        "Stop my alerts",
    ),
}


def _alert_action(request, token: str, purpose: str, act):
    """A signed link's page: the link (GET) asks, its button (POST) acts, so that a mail
    scanner that follows links changes nothing."""
    alert = _alert_from(token, purpose)
    if alert is None:
        return _link_not_valid(request)
    heading, text, button = ACTIONS[purpose]
    if request.method == "POST":
        act(alert)
        return render(request, "short_notice/alert_done.html", {"purpose": purpose})
    return render(
        request,
        "short_notice/alert_action.html",
        {"heading": heading, "text": text, "button": button, "purpose": purpose},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def alert_confirm_view(request, token):
    return _alert_action(request, token, "confirm", lambda alert: alert_confirm(alert=alert))


@require_http_methods(["GET", "HEAD", "POST"])
def alert_renew_view(request, token):
    return _alert_action(request, token, "renew", lambda alert: alert_renew(alert=alert))


# A mail client's one-click unsubscribe (RFC 8058) posts with no CSRF token; the signed token
# in the address is what allows it.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def alert_unsubscribe_view(request, token):
    return _alert_action(request, token, "unsubscribe", lambda alert: alert_delete(alert=alert))

"""The emails of an alert: the confirmation link, and the alert itself with its one-click
unsubscribe (the List-Unsubscribe and List-Unsubscribe-Post headers, RFC 8058)."""

import datetime as dt
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from ..models import Council
from ..presenters import describe_date
from .filters import PLACE_FILTERS
from .links import token_for
from .querysets import LAPSE_DAYS

MOST_SHOWN = 10  # places in full in one email; the rest are counted, with a link to them


def link(name: str, alert_id, purpose: str) -> str:
    """The absolute address of an alert's signed link (built from SITE_URL, never a request)."""
    path = reverse(f"short_notice:{name}", args=[token_for(alert_id, purpose)])
    return f"{settings.SITE_URL}{path}"


def search_url(search: str) -> str:
    return f"{settings.SITE_URL}{reverse('directory:search')}{'?' + search if search else ''}"


def confirmation_message(alert, *, council: Council) -> EmailMessage:
    """The email with the link that confirms an alert."""
    context = {
        "confirm_url": link("confirm", alert.pk, "confirm"),
        "search_url": search_url(alert.search),
        "frequency": alert.get_frequency_display().lower(),
        "council": council,
        "service_name": settings.SERVICE_NAME,
    }
    return EmailMessage(
        subject=f"Confirm your short breaks alerts – {settings.SERVICE_NAME}",
        body=render_to_string("short_notice/emails/confirm.txt", context),
        to=[alert.email],
    )


def places_url(search: str) -> str:
    """The places page with the parts of a directory search it asks (filters.PLACE_FILTERS)."""
    pairs = [(k, v) for k, v in parse_qsl(search) if k in PLACE_FILTERS]
    query = f"?{urlencode(pairs)}" if pairs else ""
    return f"{settings.SITE_URL}{reverse('short_notice:places')}{query}"


def alert_message(alert, places, services, *, council: Council, more_places: int = 0):
    """An alert's email: the soonest new places (each as its lines, presenters.email_lines;
    at most MOST_SHOWN), how many more there are, and the new services."""
    unsubscribe = link("unsubscribe", alert.pk, "unsubscribe")
    lapses_on = (alert.renewed_at + dt.timedelta(days=LAPSE_DAYS)).date()
    context = {
        "places": places,
        "more_places": more_places,
        "services": [(s.name, f"{settings.SITE_URL}{s.get_absolute_url()}") for s in services],
        "search_url": search_url(alert.search),
        "places_url": places_url(alert.search),
        "renew_url": link("renew", alert.pk, "renew"),
        "unsubscribe_url": unsubscribe,
        "lapses_on": describe_date(lapses_on),
        "council": council,
        "service_name": settings.SERVICE_NAME,
    }
    new_places = len(places) + more_places
    what = " and ".join(
        part
        for part in (
            f"{new_places} new place{'s' if new_places != 1 else ''}" if new_places else "",
            f"{len(services)} new service{'s' if len(services) != 1 else ''}" if services else "",
        )
        if part
    )
    return EmailMessage(
        subject=f"{what} that fit your search – {settings.SERVICE_NAME}",
        body=render_to_string("short_notice/emails/alert.txt", context),
        to=[alert.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )

"""The open places of services on the directory's cached pages (a service's page, the cards
of a page of results). Places change and expire without any write to a service, so they are
never in a cached page: each is a hole (directory.page_cache), filled here on every request
in one query, so that a place shows at once and goes the moment it is taken, withdrawn or
over."""

from django.template.loader import render_to_string
from django.utils import timezone

from .models import ShortNoticePlace
from .open_places import services_offering
from .presenters import place_cards
from .shown import shown_places

TEMPLATE = "short_notice/includes/service_places.html"


def services_places(service_ids) -> dict[str, str]:
    """Each service's open places as HTML ('' for none), keyed by the service's id as text:
    one query when none of them offers places (open_places.services_offering), two or three
    when any does (shown.shown_places)."""
    now = timezone.now()
    ids = [str(pk) for pk in service_ids]
    by_service: dict[str, list] = {pk: [] for pk in ids}
    offering = services_offering(now) if ids else frozenset()
    asked = [pk for pk in ids if pk in offering]
    if asked:
        places = shown_places(
            ShortNoticePlace.objects.open_at(now)
            .of_services(asked)
            .order_by("starts_on", "start_time", "pk")
        )
        for place in places:
            by_service[str(place.service_id)].append(place)
    return {
        pk: render_to_string(TEMPLATE, {"cards": place_cards(found)}) if found else ""
        for pk, found in by_service.items()
    }

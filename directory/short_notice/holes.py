"""The open places of services on the directory's cached pages (a service's page, the cards
of a page of results). Places change and expire without any write to a service, so they are
never in a cached page: each is a hole (directory.page_cache), filled on every request from
the places each process keeps (open_places: one query when nothing has changed), so that a
place shows at once and goes the moment it is taken, withdrawn or over."""

import functools

from django.template.loader import render_to_string
from django.utils import timezone

from . import open_places
from .presenters import place_cards
from .shown import ShownPlace

TEMPLATE = "short_notice/includes/service_places.html"


def services_places(service_ids, *, version: str) -> dict[str, str]:
    """Each service's open places as HTML ('' for none), keyed by the service's id as text;
    `version`: the directory's data version the page was read under (data_version)."""
    found = open_places.open_at(timezone.now(), version).of_services(service_ids)
    return {pk: _html(places) if places else "" for pk, places in found.items()}


@functools.lru_cache(maxsize=1024)
def _html(places: tuple[ShownPlace, ...]) -> str:
    """A service's places as HTML: the same places always read the same."""
    return render_to_string(TEMPLATE, {"cards": place_cards(places)})

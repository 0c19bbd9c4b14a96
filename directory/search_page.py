"""The results page, kept whole for each search until anything it shows changes
(directory.page_cache), with holes for what is each visitor's own: the navigation (with their
shortlist), messages, and each card's shortlist button with their CSRF token; and each card's
short-notice places, which change without a write to services (directory.short_notice.holes).

Most searches are asked again before the data changes (the same links are shared, followed
back from a service's page, reloaded): such a request costs the filter options' query, a
cache read and the rendering of its holes, not a search and a page of about 80 options and 20
cards (docs/performance.md).
"""

from dataclasses import dataclass

from django.middleware.csrf import get_token

from . import page_cache
from .short_notice.holes import services_places
from .shortlist_buttons import card_shortlist

SEARCH_TEMPLATE = "directory/search.html"


@dataclass(frozen=True)
class _CardButton:
    """What a card's shortlist button needs of its service."""

    pk: str
    name: str


@dataclass(frozen=True)
class CachedResults:
    page: page_cache.PageWithHoles
    cards: tuple[_CardButton, ...]  # the page's services, in order, for their buttons


def with_holes(context: dict, *, council) -> CachedResults:
    """The results page for every visitor: rendered without a request (so nothing of anyone's
    can be in it), with a hole for the navigation, the messages and each card's button."""
    cards = context["cards"]
    names = ["navigation", "messages"]
    for card in cards:
        names += [f"card-{card.service.pk}", f"places-{card.service.pk}"]
    markers = page_cache.hole_markers(names)
    for card in cards:
        card.shortlist_hole = markers[f"card-{card.service.pk}"]
        card.places_hole = markers[f"places-{card.service.pk}"]
    full = context | {"messages_hole": markers["messages"]}
    page = page_cache.render_cut(SEARCH_TEMPLATE, full, markers, council=council)
    return CachedResults(
        page, tuple(_CardButton(str(card.service.pk), card.service.name) for card in cards)
    )


def filled(entry: CachedResults, request, *, here: str, shortlist, version: str) -> str:
    """The page with this visitor's navigation, messages, buttons (`shortlist`: the ids on
    their shortlist) and places (`version`: the data version the page was read under)."""
    listed = {str(pk) for pk in shortlist}
    token = get_token(request)
    fragments = {
        "navigation": page_cache.visitor_navigation(request),
        "messages": page_cache.visitor_messages(request),
    }
    # Short-notice places change without a write to services: filled afresh.
    places = services_places([card.pk for card in entry.cards], version=version)
    for card in entry.cards:
        fragments[f"places-{card.pk}"] = places[card.pk]
        fragments[f"card-{card.pk}"] = card_shortlist(
            card.pk,
            card.name,
            on_shortlist=card.pk in listed,
            removable=False,
            next_url=here,
            csrf_token=token,
        )
    return entry.page.fill(fragments)

"""The map beside a page of results: a marker for each venue of each service on the page.

Only an enhancement of the list, which says the same in words: services with no venue (sitters,
personal assistants) have no marker. The positions come with the cards (each service's
`.listing.places`), so the map costs the page no query.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Marker:
    name: str
    url: str  # the service's page
    town: str
    position: tuple[float, float]  # latitude, longitude


def markers_for(cards) -> list[Marker]:
    """A marker for each placed venue of each card's service, in the list's order; a service's
    venues at the same position share one marker."""
    markers = []
    for card in cards:
        service = card.service
        seen = set()
        for town, latitude, longitude in service.listing.places:
            if latitude is None or longitude is None or (latitude, longitude) in seen:
                continue
            seen.add((latitude, longitude))
            markers.append(Marker(service.name, card.url, town, (latitude, longitude)))
    return markers

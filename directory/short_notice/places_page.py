"""The places page's answer to a search: the open places of the next 14 days whose services
the directory's search finds and which suit the search themselves (directory.short_notice.
matching), soonest first, with each filter option's count as the directory gives them."""

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from .. import searches
from ..searches import Search
from .matching import matcher
from .open_places import OpenPlaces

# The groups whose options the page counts, and how an option changes the search.
_ADD_OPTION = {
    "need": lambda search, term: dataclasses.replace(search, needs=search.needs | 1 << term.bit),
    "kind": lambda search, term: dataclasses.replace(search, kinds=search.kinds | 1 << term.bit),
    "locality": lambda search, term: dataclasses.replace(
        search, localities=search.localities | 1 << term.bit
    ),
    "age_band": lambda search, term: dataclasses.replace(
        search, age_band=(term.min_age, term.max_age)
    ),
}
_TERMS = {"need": "needs", "kind": "kinds", "locality": "localities", "age_band": "age_bands"}


@dataclass(frozen=True)
class PlacesFound:
    places: list  # the page's (shown.ShownPlace), in order, soonest first
    distances: list  # miles to each place's service's nearest venue within reach, or None
    total: int
    number: int
    num_pages: int
    option_counts: dict[str, dict[str, int]]


def places_found(open_places: OpenPlaces, search: Search, options, *, number: int, size: int):
    """The `number`th page of `size` of the next SOON_DAYS days' open places that fit the
    search, soonest first; None for a page past the last."""
    facts = open_places.soon()
    with matcher(options) as match:
        positions = match.positions(facts.service_ids)

        found = match.find(search)
        fits = match.fitting_places(search, found.members, positions, facts)
        # Counting an option needs no new search by distance: its services are the search's
        # within reach, so each count's search leaves the reach out and keeps its set.
        within = found.groups.get("reach", -1)

        def count(asked: Search) -> int:
            members = match.find(dataclasses.replace(asked, reach=None)).members & within
            return int(match.fitting_places(asked, members, positions, facts).sum())

        counts = {
            group: {term.code: count(add(search, term)) for term in getattr(options, _TERMS[group])}
            for group, add in _ADD_OPTION.items()
        }
    kept = np.flatnonzero(fits)
    total = len(kept)
    num_pages = max(1, math.ceil(total / size))
    if number > num_pages:
        return None
    page = kept[(number - 1) * size : number * size]
    places = open_places.shown([facts.ids[i] for i in page])
    distances = [
        searches.miles(found, int(positions[i])) if positions[i] >= 0 else None for i in page
    ]
    return PlacesFound(places, distances, total, number, num_pages, counts)

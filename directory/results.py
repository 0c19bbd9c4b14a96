"""A page of directory results: found, counted, ordered and sliced in a fixed number of queries.

The search index (directory.search_index) holds every published service's search columns as
bit sets: the filters on those columns, the counts beside every option and the order by name
or last check come from it, without a query. What the index does not hold comes from the
database as lists of ids, one query each, and is intersected with it:
- keywords: the services matching every word, with a relevance score when sorting by it;
- venue accessibility: the services with a venue that has every feature chosen;
- a postcode: the venue links within reach, with their distances, for the filter and the order.
Then only the page's services are loaded.
"""

import math
from dataclasses import dataclass

from . import full_text, search_index
from .distance import Point, miles_between
from .filters import DAYS, ONLY, ServiceFilter
from .models import Service, ServiceLocation, Tier
from .search_index import SearchIndex, positions_of, raw_rows
from .timings import TimeOfWeek


class PageOutOfRange(Exception):
    """The page asked for does not exist; `nearest` does."""

    def __init__(self, nearest: int):
        super().__init__(nearest)
        self.nearest = nearest


@dataclass(frozen=True)
class ResultsPage:
    services: list[Service]  # each with `.listing` and `.distance` in miles, or None
    total: int
    number: int
    num_pages: int
    option_counts: dict[str, dict[str, int]]  # filter name -> option code -> results with it


@dataclass(frozen=True)
class Found:
    """The services a search keeps (a set of index positions), with what orders them."""

    members: int
    scores: dict | None = None  # service id -> keyword score, lower first (with keywords)
    distances: dict | None = None  # position -> nearest venue's distance squared (a postcode)


# With at most this many services left before the keywords, only they are searched.
SEARCH_AMONG_AT_MOST = 500


def find(filterset: ServiceFilter, index: SearchIndex) -> Found:
    """The services the search keeps: the index's filters, then the database's id lists."""
    members = filterset.kept_in(index)
    scores = distances = None
    if codes := filterset.form.cleaned_data.get("access"):
        # A service has each feature that one of its venues has: only with two or more
        # features must the database say whether one venue has them all.
        options = filterset.options
        for code in codes:
            members &= index.any_of("features", options.mask("features", [code]))
        if len(codes) > 1:
            links = ServiceLocation.objects.at_venues_with_all_features(codes)
            members &= index.of_keys(key for (key,) in raw_rows(links.values_list("service_id")))
    if (reach := filterset.reach) is not None:
        distances = index.links.nearest(reach.origin, reach.miles)
        within = index.of_positions(distances)
        if reach.locality_mask:
            at_home = index.option("no_venue") & index.any_of("localities", reach.locality_mask)
            within |= at_home
        members &= within
    if filterset.keywords and members:
        ranked = filterset.chosen_sort == "relevance"
        among = None
        if members.bit_count() <= SEARCH_AMONG_AT_MOST:
            among = [index.keys[position] for position in positions_of(members)]
        scored = full_text.scored_ids(filterset.keywords, ranked=ranked, among=among)
        if scored is not None:
            scores = dict(scored)
            members &= index.of_keys(scores)
    return Found(members, scores, distances)


def in_order(found: Found, index: SearchIndex, sort: str, start: int, end: int) -> list[int]:
    """The positions of the `start`:`end` slice of the services found, in the order chosen.
    Ties, and services with no venue in a search by distance, go by name."""
    keys = index.keys
    if sort == "checked":
        kept = set(positions_of(found.members))
        ordered = [position for position in index.by_checked if position in kept]
    elif sort == "relevance" and found.scores is not None:
        scores = found.scores
        ordered = sorted(positions_of(found.members), key=lambda p: (scores[keys[p]], p))
    elif sort == "distance" and found.distances is not None:
        distances, beyond = found.distances, math.inf
        ordered = sorted(positions_of(found.members), key=lambda p: (distances.get(p, beyond), p))
    else:
        ordered = positions_of(found.members, limit=end)
    return ordered[start:end]


def _nearest_venue(service: Service, origin: Point | None, miles: float | None):
    if origin is None:
        return None
    distances = [
        miles_between(origin, Point(latitude, longitude))
        for _, latitude, longitude in service.listing.places
        if latitude is not None
    ]
    in_range = [distance for distance in distances if distance <= miles]
    return min(in_range, default=None)


def _counts_by_filter(options, counts: dict) -> dict[str, dict[str, int]]:
    by_filter = {
        filter_name: {term.code: counts.get(f"{list_name}_{term.bit}", 0) for term in terms}
        for filter_name, list_name, terms in (
            ("need", "needs", options.needs),
            ("kind", "kinds", options.kinds),
            ("locality", "localities", options.localities),
            ("access", "features", options.features),
        )
    }
    by_filter["age_band"] = {
        band.code: counts[f"band_{i}"] for i, band in enumerate(options.age_bands)
    }
    by_filter["tier"] = {tier: counts.get(f"tier_{tier}", 0) for tier in Tier.values}
    by_filter["only"] = {code: counts[code] for code, _ in ONLY}
    by_filter["day"] = {code: counts[f"day_{i}"] for i, (code, _) in enumerate(DAYS)}
    by_filter["time"] = {time: counts[f"time_{time}"] for time in TimeOfWeek.values}
    return by_filter


def results_page(filterset: ServiceFilter, *, number: int, size: int) -> ResultsPage:
    """The `number`th page of `size` results, with the count for every filter option.

    Raises PageOutOfRange for a page past the last."""
    filterset.form.is_valid()  # the filters apply what is valid; the form shows the rest
    options = filterset.options
    index = search_index.current(options.index_token)
    found = find(filterset, index)
    total = found.members.bit_count()
    num_pages = max(1, math.ceil(total / size))
    if number > num_pages:
        raise PageOutOfRange(num_pages)
    start, end = (number - 1) * size, number * size
    page = in_order(found, index, filterset.chosen_sort, start, end)
    page_ids = [Service._meta.pk.to_python(index.keys[position]) for position in page]
    loaded = {s.pk: s for s in Service.objects.filter(pk__in=page_ids).listings()}
    services = [loaded[i] for i in page_ids if i in loaded]
    reach = filterset.reach
    for service in services:
        service.distance = _nearest_venue(service, reach and reach.origin, reach and reach.miles)
    counts = index.counts(found.members, options.age_bands)
    return ResultsPage(services, total, number, num_pages, _counts_by_filter(options, counts))

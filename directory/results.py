"""A page of directory results: counted, ordered and sliced in a fixed number of queries.

The database chooses the page's ids in order for every sort, so no more than a page of
services ever reaches Python:
- name, last checked and (on PostgreSQL) relevance: ORDER BY with LIMIT;
- distance: each service's nearest venue (a GROUP BY over the venue links in range), then the
  services that come to families at home, by name;
- relevance on SQLite: FTS5's own ranking, joined to the filtered services.
"""

import math
from dataclasses import dataclass

from . import full_text
from .distance import Point, miles_between
from .filters import DAYS, ONLY, ServiceFilter
from .models import Service, ServiceLocation, Tier
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


def _page_by_distance(filterset: ServiceFilter, queryset, start, end, total, no_venue):
    """Ids of the page: services by their nearest venue in range, then those with no venue."""
    at_venues = total - no_venue
    ids = []
    if start < at_venues:
        in_range = ServiceLocation.objects.near(filterset.origin, filterset.miles)
        ordered = in_range.nearest_first(filterset.before_distance)
        ids += [row["service_id"] for row in ordered[start : min(end, at_venues)]]
    if end > at_venues:
        home = queryset.filter(has_venue=False).order_by("name", "pk").values_list("pk", flat=True)
        ids += list(home[max(start - at_venues, 0) : end - at_venues])
    return ids


def _page_ids(filterset: ServiceFilter, queryset, start: int, end: int, counts: dict):
    """The page's ids in order, where plain ORDER BY cannot give them; None where it can."""
    if filterset.chosen_sort == "distance":
        return _page_by_distance(
            filterset, queryset, start, end, counts["total"], counts["no_venue"]
        )
    if filterset.chosen_sort == "relevance" and filterset.fts_match is not None:
        # The ranked page joins the match itself, to the services before it: one match.
        return [
            Service._meta.pk.to_python(service_id)
            for service_id in full_text.ranked_page(
                filterset.before_keywords.names(), filterset.fts_match, start, end
            )
        ]
    return None


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
        filter_name: {term.code: counts[f"{list_name}_{term.bit}"] for term in terms}
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
    by_filter["tier"] = {tier: counts[f"tier_{tier}"] for tier in Tier.values}
    by_filter["only"] = {code: counts[code] for code, _ in ONLY}
    by_filter["day"] = {code: counts[f"day_{i}"] for i, (code, _) in enumerate(DAYS)}
    by_filter["time"] = {time: counts[f"time_{time}"] for time in TimeOfWeek.values}
    return by_filter


def results_page(filterset: ServiceFilter, *, number: int, size: int) -> ResultsPage:
    """The `number`th page of `size` results, with the count for every filter option.

    Raises PageOutOfRange for a page past the last."""
    queryset = filterset.qs
    options = filterset.options
    counts = queryset.option_counts(age_bands=options.age_bands, terms=options.masked_lists)
    total = counts["total"]
    num_pages = max(1, math.ceil(total / size))
    if number > num_pages:
        raise PageOutOfRange(num_pages)
    start, end = (number - 1) * size, number * size
    page_ids = _page_ids(filterset, queryset, start, end, counts) if total else []
    if not total:
        services = []
    elif page_ids is not None:
        found = {s.pk: s for s in Service.objects.filter(pk__in=page_ids).listings()}
        services = [found[i] for i in page_ids if i in found]
    else:
        services = queryset[start:end].listings()
    for service in services:
        service.distance = _nearest_venue(service, filterset.origin, filterset.miles)
    return ResultsPage(services, total, number, num_pages, _counts_by_filter(options, counts))

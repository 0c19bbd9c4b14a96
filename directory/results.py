"""A page of directory results: counted, ordered and sliced in a fixed number of queries."""

import math
from dataclasses import dataclass

from django.db import connections

from . import full_text
from .filters import DAYS, ONLY, ServiceFilter
from .models import Service, Tier
from .timings import TimeOfWeek


class PageOutOfRange(Exception):
    """The page asked for does not exist; `nearest` does."""

    def __init__(self, nearest: int):
        super().__init__(nearest)
        self.nearest = nearest


@dataclass(frozen=True)
class ResultsPage:
    services: list[Service]  # each with `.distance` in miles, or None
    total: int
    number: int
    num_pages: int
    option_counts: dict[str, dict[str, int]]  # filter name -> option code -> results with it


def _raw_rows(values_queryset) -> list[tuple]:
    """The rows of a values_list queryset as the database driver gives them, skipping Django's
    per-row conversions: thousands of rows are read only to be put in order."""
    sql, params = values_queryset.query.sql_with_params()
    with connections[values_queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _db_id(value, alias):
    """A UUID as the database stores it (a hex string on SQLite, a UUID on PostgreSQL)."""
    return Service._meta.pk.get_db_prep_value(value, connections[alias])


def ordered_by_distance(queryset, near_venues: dict) -> list:
    """The services' ids in the database's form, nearest venue first (ties by name), then the
    services that come to you."""
    near = {_db_id(venue_id, queryset.db): miles for venue_id, miles in near_venues.items()}
    best, names = {}, {}
    for service_id, name, venue_id in _raw_rows(queryset.names_and_venues()):
        names[service_id] = name
        distance = near.get(venue_id)
        if distance is not None and distance < best.get(service_id, math.inf):
            best[service_id] = distance
    return sorted(names, key=lambda i: (i not in best, best.get(i, 0), names[i], str(i)))


def ordered_by_relevance(queryset, match: str) -> list:
    """The services' ids in the database's form, most relevant first (ties by name), ranked by
    SQLite's full-text index."""
    rows = full_text.ranked(queryset.names(), match)
    return [row[0] for row in sorted(rows, key=lambda row: (-row[2], row[1], str(row[0])))]


def _ordered_ids(filterset: ServiceFilter, queryset) -> list | None:
    """All the results' ids in order, where Python must order them; None where SQL can."""
    if filterset.chosen_sort == "distance":
        return ordered_by_distance(queryset, filterset.near_venues)
    if filterset.chosen_sort == "relevance" and filterset.fts_match is not None:
        return ordered_by_relevance(queryset, filterset.fts_match)
    return None


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
    near = filterset.near_venues
    ordered = _ordered_ids(filterset, queryset) if total else []
    if not total:
        services = []
    elif ordered is not None:
        page_ids = [Service._meta.pk.to_python(i) for i in ordered[start:end]]
        found = {s.pk: s for s in Service.objects.filter(pk__in=page_ids).with_listing_data()}
        services = [found[i] for i in page_ids]
    else:
        services = list(queryset.with_listing_data()[start:end])
    for service in services:
        service.distance = min(
            (near[venue.pk] for venue in service.venues.all() if venue.pk in near), default=None
        )
    return ResultsPage(services, total, number, num_pages, _counts_by_filter(options, counts))

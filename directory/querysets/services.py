from collections import defaultdict
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, F, Prefetch, Q, Value
from django.db.models.lookups import GreaterThan

from .. import full_text
from ..distance import MILES_PER_DEGREE, Point, box_around
from ..search import fallback_terms, fts_match
from ..timings import DAY_COLUMNS, TIME_COLUMNS
from .provider_scope import ProviderScopedQuerySet

MASKED_LISTS = {
    "needs": "needs_mask",
    "kinds": "kinds_mask",
    "localities": "localities_mask",
    "features": "features_mask",
}
# What a card in a list of results shows of the service itself and its provider.
LISTING_COLUMNS = (
    "name",
    "summary",
    "provider__name",
    "tier",
    "availability",
    "min_age",
    "max_age",
    "is_free",
    "cost_amount",
    "cost_unit",
    "last_checked_on",
)
# Every column a directory search filters and counts by (the covering index holds them all).
SEARCH_COLUMNS = (
    "tier",
    "min_age",
    "max_age",
    "is_free",
    "accepts_direct_payments",
    "availability",
    "has_venue",
    *DAY_COLUMNS,
    *TIME_COLUMNS.values(),
    *MASKED_LISTS.values(),
)


def has_any_bit(field: str, mask: int):
    """A condition: the mask column shares at least one bit with `mask`."""
    return GreaterThan(F(field).bitand(mask), 0)


def review_conditions(cycle) -> dict[str, Q]:
    """Where a listing stands in the review cycle (a directory.reviews.Cycle), as conditions."""
    return {
        "current": Q(last_checked_on__gte=cycle.due_soon_before),
        "due_soon": Q(
            last_checked_on__gte=cycle.overdue_before, last_checked_on__lt=cycle.due_soon_before
        ),
        "overdue": Q(last_checked_on__isnull=True) | Q(last_checked_on__lt=cycle.overdue_before),
    }


@dataclass(frozen=True)
class ListingDetails:
    """What a card shows of a service's lists: its kinds of break, in display order, and its
    venues as (town, latitude, longitude)."""

    kinds: tuple[str, ...] = ()
    places: tuple[tuple[str, float | None, float | None], ...] = ()

    @classmethod
    def of(cls, service):
        """From a service whose kinds and venues are already loaded (its own page)."""
        return cls(
            tuple(kind.name for kind in service.kinds.all()),
            tuple((venue.town, venue.latitude, venue.longitude) for venue in service.venues.all()),
        )


def with_listing_details(services: list) -> list:
    """The services, each given `.listing` (ListingDetails), in two queries of plain values:
    loading the kinds and venues as related objects cost more than the rest of a page."""
    from ..models import Service, ServiceLocation

    ids = [service.pk for service in services]
    kinds, places = defaultdict(list), defaultdict(list)
    if ids:
        kind_rows = (
            Service.kinds.through.objects.filter(service_id__in=ids)
            .order_by("breakkind__position", "breakkind__name")
            .values_list("service_id", "breakkind__name")
        )
        for service_id, name in kind_rows:
            kinds[service_id].append(name)
        place_rows = ServiceLocation.objects.filter(service_id__in=ids).values_list(
            "service_id", "venue__town", "latitude", "longitude"
        )
        for service_id, *place in place_rows.order_by():
            places[service_id].append(tuple(place))
    for service in services:
        service.listing = ListingDetails(tuple(kinds[service.pk]), tuple(places[service.pk]))
    return services


def _any_of(conditions):
    combined = Q()
    for condition in conditions:
        combined |= condition
    return combined


class ServiceQuerySet(ProviderScopedQuerySet):
    # ------------------------------------------------------------------ filters

    def published(self):
        """Services families can see."""
        return self.filter(status="published")

    def in_localities(self, mask: int):
        """Services that serve any of the localities in the mask."""
        return self.filter(has_any_bit("localities_mask", mask))

    def for_age(self, age: int):
        """Services a child of this age (in whole years) can use."""
        return self.filter(min_age__lte=age, max_age__gte=age)

    def for_ages(self, youngest: int, oldest: int):
        """Services open to at least one age in the range, such as an age band."""
        return self.filter(min_age__lte=oldest, max_age__gte=youngest)

    def with_any_need(self, mask: int):
        """Services that support any of the needs in the mask."""
        return self.filter(has_any_bit("needs_mask", mask))

    def with_any_kind(self, mask: int):
        """Services of any of the kinds of break in the mask."""
        return self.filter(has_any_bit("kinds_mask", mask))

    def in_tiers(self, tiers):
        """Services in any of the tiers."""
        return self.filter(tier__in=tiers)

    def free(self):
        """Services that cost nothing."""
        return self.filter(is_free=True)

    def accepting_direct_payments(self):
        """Services a family can pay for with a direct payment."""
        return self.filter(accepts_direct_payments=True)

    def with_places(self):
        """Services whose provider last said they have places."""
        return self.filter(availability="places")

    def on_any_day(self, weekdays):
        """Services with a session on any of the weekdays (0 is Monday)."""
        return self.filter(_any_of(Q(**{DAY_COLUMNS[day]: True}) for day in weekdays))

    def at_any_time(self, times):
        """Services that run at any of the times of week (after school, evenings, ...)."""
        return self.filter(_any_of(Q(**{TIME_COLUMNS[time]: True}) for time in times))

    def at_venue_with_all_features(self, codes):
        """Services with a venue that offers every one of the accessibility features."""
        from ..models import ServiceLocation

        links = ServiceLocation.objects.at_venues_with_all_features(codes)
        return self.filter(pk__in=links.values("service_id"))

    def within_reach(self, point: Point, miles: float, *, locality_mask: int = 0):
        """Services with a venue within `miles` of the point, plus services with no venue that
        come to families in the locality of the mask."""
        from ..models import ServiceLocation

        at_venue = Q(pk__in=ServiceLocation.objects.near(point, miles).values("service_id"))
        if not locality_mask:
            return self.filter(at_venue)
        comes_to_you = Q(has_venue=False) & Q(has_any_bit("localities_mask", locality_mask))
        return self.filter(at_venue | comes_to_you)

    def matching(self, text: str):
        """Services matching every word of the search. On PostgreSQL annotated with a relevance
        `rank`; on SQLite, rank them with `full_text.ranks` (see directory.full_text)."""
        kind = full_text.engine(self.db)
        if kind == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            query = SearchQuery(text, config="english", search_type="websearch")
            return self.filter(search_vector=query).annotate(
                rank=SearchRank(F("search_vector"), query)
            )
        if kind == "fts5":
            match = fts_match(text)
            return self if match is None else self.fts_matching(match)
        queryset = self
        for term in fallback_terms(text):
            queryset = queryset.filter(
                Q(name__icontains=term)
                | Q(summary__icontains=term)
                | Q(search_document__icontains=term)
            )
        return queryset

    def fts_matching(self, match: str):
        """SQLite FTS5: services matching the FTS5 query (see directory.search.fts_match)."""
        return self.filter(pk__in=full_text.matching_ids(match))

    # ------------------------------------------------------------------ review cycle

    def review_overdue(self, cycle):
        """Listings never checked, or not checked within the cycle (a directory.reviews.Cycle)."""
        return self.filter(review_conditions(cycle)["overdue"])

    def review_due_soon(self, cycle):
        """Listings not yet overdue that will be within 30 days."""
        return self.filter(review_conditions(cycle)["due_soon"])

    def review_current(self, cycle):
        """Listings checked recently enough not to fall due within 30 days."""
        return self.filter(review_conditions(cycle)["current"])

    def review_counts(self, cycle) -> dict[str, int]:
        """In one query, how many listings there are ('total') and how many are 'current',
        'due_soon' and 'overdue' in the cycle."""
        return self.aggregate(
            total=Count("pk"),
            **{name: Count("pk", filter=q) for name, q in review_conditions(cycle).items()},
        )

    # ------------------------------------------------------------------ loading

    def listings(self) -> list:
        """The services as a list of results shows them, in three queries: the columns a card
        shows with its provider, then each service's `.listing` (see with_listing_details)."""
        return with_listing_details(list(self.select_related("provider").only(*LISTING_COLUMNS)))

    def with_page_data(self):
        """Everything a service's own page shows."""
        from ..models import Venue

        return self.select_related("provider", "last_checked_by").prefetch_related(
            "needs",
            "kinds",
            "localities",
            "sessions",
            Prefetch(
                "venues",
                queryset=Venue.objects.prefetch_related("accessibility_features"),
            ),
        )

    # ------------------------------------------------------------------ counts

    def counts_by(self, *fields):
        """How many services have each combination of the fields' values, in one grouped
        query: rows of the fields and 'count' (a list's field gives one row per term)."""
        return self.order_by().values(*fields).annotate(count=Count("pk", distinct=True))

    def counts_where(self, conditions: dict[str, tuple[str, list]]) -> dict[str, int]:
        """In one query, how many of these services meet each condition: a mapping of name to
        (SQL over the search columns, parameters). The SQL must be built from constants and
        ints only, every other value passed as a parameter."""
        inner_sql, inner_params = self.order_by().values(*SEARCH_COLUMNS).query.sql_with_params()
        select, params = [], []
        for condition, condition_params in conditions.values():
            select.append(f"COUNT(*) FILTER (WHERE {condition})")
            params += condition_params
        sql = f"SELECT {', '.join(select)} FROM ({inner_sql}) AS results"  # noqa: S608
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, [*params, *inner_params])
            row = cursor.fetchone()
        return dict(zip(conditions, row, strict=True))


class ServiceLocationQuerySet(ProviderScopedQuerySet):
    users_lookup = "service__provider__users"

    def near(self, point: Point, miles: float):
        """Services' venues within `miles` of the point, annotated with `distance_sq`, the
        distance squared in square miles (a flat-earth figure: see directory.distance)."""
        box = box_around(point, miles)
        dy = (F("latitude") - Value(point.latitude)) * Value(MILES_PER_DEGREE)
        dx = (F("longitude") - Value(point.longitude)) * Value(
            MILES_PER_DEGREE * point.longitude_scale
        )
        return (
            self.filter(
                latitude__range=(box.min_latitude, box.max_latitude),
                longitude__range=(box.min_longitude, box.max_longitude),
            )
            .alias(distance_sq=dx * dx + dy * dy)
            .filter(distance_sq__lte=miles * miles)
        )

    def at_venues_with_all_features(self, codes):
        """Services' links to venues that offer every one of the accessibility features."""
        from ..models import Venue

        return self.filter(venue__in=Venue.objects.with_all_features(codes).values("pk"))

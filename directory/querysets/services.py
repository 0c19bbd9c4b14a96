from collections import defaultdict
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, Prefetch, Q

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
    "status",
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


class ServiceQuerySet(ProviderScopedQuerySet):
    # ------------------------------------------------------------------ filters

    def published(self):
        """Services families can see."""
        return self.filter(status="published")

    def with_ids(self, ids):
        """The services with these ids, in no order: the caller keeps the published ones and
        puts them in its order. Not filtered by status or ordered in SQL: SQLite then reads
        every published service through an index on status, not a few by id."""
        return self.filter(pk__in=ids).order_by()

    def accepting_direct_payments(self):
        """Services a family can pay for with a direct payment."""
        return self.filter(accepts_direct_payments=True)

    def with_places(self):
        """Services whose provider last said they have places."""
        return self.filter(availability="places")

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

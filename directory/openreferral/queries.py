"""Reading for the API: the published services and services-at-venues a request's parameters
choose, combined with AND, in a stable order for paging."""

from django.db.models import F, Prefetch, QuerySet

from ..distance import Point
from ..models import Locality, Postcode, Service, ServiceLocation, Session
from ..postcodes import parse_postcode
from ..querysets.services import has_any_bit
from .params import DAYS, ServiceAtLocationParams, ServiceParams
from .taxonomies import (
    BY_ID,
    FEATURES,
    KINDS,
    LOCALITIES,
    NEEDS,
    TIERS,
    Taxonomy,
    Term,
)

METRES_PER_MILE = 1609.344
# The service's own mask of each list (a venue feature counts where any of its venues has it).
MASK_COLUMNS = {
    NEEDS: "needs_mask",
    KINDS: "kinds_mask",
    LOCALITIES: "localities_mask",
    FEATURES: "features_mask",
}


def _with_term(services: QuerySet, term: Term) -> QuerySet:
    taxonomy = term.taxonomy
    if taxonomy in MASK_COLUMNS:
        return services.filter(has_any_bit(MASK_COLUMNS[taxonomy], term.mask))
    if taxonomy is TIERS:
        return services.in_tiers([term.code])
    return services.for_ages(*term.ages)


def _with_taxonomy(services: QuerySet, taxonomy: Taxonomy) -> QuerySet:
    """Services with any term of the taxonomy. Every service has a tier and ages."""
    if taxonomy in MASK_COLUMNS:
        return services.exclude(**{MASK_COLUMNS[taxonomy]: 0})
    return services


def _with_sessions(services: QuerySet, params: ServiceParams) -> QuerySet:
    """A day alone is a column of the service; with times, one session must meet them all."""
    starts_from, ends_by = params.starts_from, params.ends_by
    if starts_from is None and ends_by is None:
        if params.day is None:
            return services
        return services.on_any_day([DAYS.index(params.day)])
    sessions = Session.objects.all()
    if params.day is not None:
        sessions = sessions.filter(weekday=DAYS.index(params.day))
    if starts_from is not None:
        sessions = sessions.filter(start_time__gte=starts_from)
    if ends_by is not None:
        # An overnight session ends the next morning, so it never ends "by" an evening time.
        sessions = sessions.filter(end_time__lte=ends_by, end_time__gt=F("start_time"))
    return services.filter(pk__in=sessions.values("service_id"))


def matching_services(params: ServiceParams, terms_by_id: dict) -> QuerySet | None:
    """Published services meeting every parameter, or None where a parameter names nothing
    (an unknown term or taxonomy): nothing can match it."""
    services = Service.objects.published()
    if params.taxonomy_term_id is not None:
        term = terms_by_id.get(params.taxonomy_term_id)
        if term is None:
            return None
        services = _with_term(services, term)
    if params.taxonomy_id is not None:
        taxonomy = BY_ID.get(params.taxonomy_id)
        if taxonomy is None:
            return None
        services = _with_taxonomy(services, taxonomy)
    if params.minimum_age is not None:
        services = services.filter(min_age__gte=params.minimum_age)
    if params.maximum_age is not None:
        services = services.filter(max_age__lte=params.maximum_age)
    services = _with_sessions(services, params)
    if params.search and params.search.strip():
        services = services.matching(params.search.strip())
    return services


def service_page(services: QuerySet, start: int, end: int) -> list:
    """A page of services as a list shows them, in name order."""
    return list(
        services.select_related("provider")
        .defer("search_document", "search_vector", "how_to_access", "timing_notes")
        .order_by("name", "pk")[start:end]
    )


def service_in_full(pk) -> Service | None:
    """A published service with everything its full record shows."""
    return (
        Service.objects.published()
        .select_related("provider")
        .defer("search_document", "search_vector")
        .prefetch_related(
            "needs",
            "kinds",
            "localities",
            "sessions",
            Prefetch("locations", queryset=_locations().order_by("venue__name", "pk")),
        )
        .filter(pk=pk)
        .first()
    )


def _locations() -> QuerySet:
    return ServiceLocation.objects.select_related("venue").prefetch_related(
        "venue__accessibility_features"
    )


def matching_locations(params: ServiceAtLocationParams, terms_by_id: dict) -> QuerySet | None:
    """Published services at their venues, meeting every parameter; None if nothing can."""
    services = matching_services(params, terms_by_id)
    if services is None:
        return None
    near = None
    if params.postcode and params.postcode.strip():
        parsed = parse_postcode(params.postcode)
        found = Postcode.objects.locate(parsed) if parsed else None
        if found is None:
            return None
        latitude, longitude, locality_id = found
        if params.proximity is not None:
            near = (Point(latitude, longitude), params.proximity / METRES_PER_MILE)
        else:
            bit = Locality.objects.filter(pk=locality_id).values_list("bit", flat=True).first()
            if bit is None:
                return None
            services = services.in_localities(1 << bit)
    locations = ServiceLocation.objects.filter(service__in=services.order_by().values("pk"))
    return locations.near(*near) if near else locations


def location_page(locations: QuerySet, start: int, end: int) -> list:
    """A page of services at venues, in the order of the (service, venue) unique index: stable
    for paging, and no sort of every link to find a page."""
    return list(
        locations.select_related("service__provider", "venue")
        .prefetch_related("venue__accessibility_features")
        .defer(
            "service__search_document",
            "service__search_vector",
            "service__how_to_access",
            "service__timing_notes",
        )
        .order_by("service_id", "venue_id")[start:end]
    )


def location_in_full(pk) -> ServiceLocation | None:
    return (
        _locations()
        .filter(service__status="published", pk=pk)
        .select_related("service__provider")
        .first()
    )

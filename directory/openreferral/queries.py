"""Reading for the API: the published services and services-at-venues a request's parameters
choose, combined with AND. The parameters become a directory search (directory.searches), so
the API finds exactly what the directory's own pages find for the same question; only the
page's rows are read from the database."""

from dataclasses import replace

from django.db.models import Prefetch, QuerySet

from ..distance import Point
from ..models import Locality, Postcode, Service, ServiceLocation
from ..postcodes import parse_postcode
from ..searches import Reach, Search, SessionTimes
from .params import DAYS, ServiceAtLocationParams, ServiceParams
from .taxonomies import (
    BY_ID,
    FEATURES,
    KINDS,
    LOCALITIES,
    NEEDS,
    TIERS,
    Term,
)

METRES_PER_MILE = 1609.344
# Each list's field of a Search, and the index's name for the list.
SEARCH_FIELDS = {NEEDS: "needs", KINDS: "kinds", LOCALITIES: "localities", FEATURES: "access"}
LIST_NAMES = {NEEDS: "needs", KINDS: "kinds", LOCALITIES: "localities", FEATURES: "features"}


def _with_term(search: Search, term: Term) -> Search:
    """A venue feature counts where any one venue has it: a venue with all of one feature."""
    taxonomy = term.taxonomy
    if taxonomy in SEARCH_FIELDS:
        return replace(search, **{SEARCH_FIELDS[taxonomy]: term.mask})
    if taxonomy is TIERS:
        return replace(search, tiers=(term.code,))
    return replace(search, age_band=term.ages)


def _minutes(time) -> int | None:
    return None if time is None else time.hour * 60 + time.minute


def _with_sessions(search: Search, params: ServiceParams) -> Search:
    """A day alone is the directory's day filter; with times, one session must meet them all."""
    day = DAYS.index(params.day) if params.day is not None else None
    if params.starts_from is None and params.ends_by is None:
        return search if day is None else replace(search, days=(day,))
    times = SessionTimes(day, _minutes(params.starts_from), _minutes(params.ends_by))
    return replace(search, session_times=times)


def matching_services(params: ServiceParams, terms_by_id: dict) -> Search | None:
    """The search for published services meeting every parameter, in name order, or None
    where a parameter names nothing (an unknown term or taxonomy): nothing can match it."""
    search = Search(keywords=params.search.strip() if params.search else "")
    if params.taxonomy_term_id is not None:
        term = terms_by_id.get(params.taxonomy_term_id)
        if term is None:
            return None
        search = _with_term(search, term)
    if params.taxonomy_id is not None:
        taxonomy = BY_ID.get(params.taxonomy_id)
        if taxonomy is None:
            return None
        if taxonomy in LIST_NAMES:  # every service has a tier and ages
            search = replace(search, with_any_term_of=(LIST_NAMES[taxonomy],))
    if params.minimum_age is not None or params.maximum_age is not None:
        search = replace(search, ages_within=(params.minimum_age, params.maximum_age))
    return _with_sessions(search, params)


def service_page(ids: list) -> list:
    """The services as a list shows them, in the order of the ids."""
    rows = (
        Service.objects.with_ids(ids)
        .select_related("provider")
        .defer("search_document", "how_to_access", "timing_notes")
    )
    by_id = {service.pk: service for service in rows if service.is_published}
    return [by_id[pk] for pk in ids if pk in by_id]


def service_in_full(pk) -> Service | None:
    """A published service with everything its full record shows."""
    return (
        Service.objects.published()
        .select_related("provider")
        .defer("search_document")
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


def matching_locations(params: ServiceAtLocationParams, terms_by_id: dict) -> Search | None:
    """The search for published services at their venues meeting every parameter; None if
    nothing can. A postcode alone means services that serve its area; with a proximity, the
    venues within that distance of it."""
    search = matching_services(params, terms_by_id)
    if search is None or not (params.postcode and params.postcode.strip()):
        return search
    parsed = parse_postcode(params.postcode)
    found = Postcode.objects.locate(parsed) if parsed else None
    if found is None:
        return None
    latitude, longitude, locality_id = found
    if params.proximity is not None:
        miles = params.proximity / METRES_PER_MILE
        return replace(search, reach=Reach(Point(latitude, longitude), miles))
    bit = Locality.objects.filter(pk=locality_id).values_list("bit", flat=True).first()
    if bit is None:
        return None
    return replace(search, serving=1 << bit)


def location_page(ids: list) -> list:
    """The services at venues, in the order of the ids."""
    rows = (
        # Not filtered by status in SQL: see ServiceQuerySet.with_ids.
        ServiceLocation.objects.filter(pk__in=ids)
        .select_related("service__provider", "venue")
        .prefetch_related("venue__accessibility_features")
        .defer(
            "service__search_document",
            "service__how_to_access",
            "service__timing_notes",
        )
    )
    by_id = {link.pk: link for link in rows if link.service.is_published}
    return [by_id[pk] for pk in ids if pk in by_id]


def location_in_full(pk) -> ServiceLocation | None:
    return (
        _locations()
        .filter(service__status="published", pk=pk)
        .select_related("service__provider")
        .first()
    )

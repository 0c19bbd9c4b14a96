"""The directory as a spreadsheet: one row per published service, in the columns of COLUMNS.

The column list is documented in docs/openreferral.md; change both together. Every cell goes
through spreadsheet_cells.safe_cell: text that a spreadsheet would run as a formula is written
with a leading apostrophe, so opening the file never runs anything."""

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .models import Service, ServiceLocation, Session
from .presenters import contact_for, describe_cost, session_rows
from .querysets import FilterOptions
from .spreadsheet_cells import safe_cell

CHUNK = 1000


@dataclass(frozen=True)
class ServiceWithLists:
    """A service with what its row needs from other tables, read a chunk at a time."""

    service: Service
    needs: str
    kinds: str
    localities: str
    sessions: str
    venues: str
    site_url: str


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[ServiceWithLists], object]


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


COLUMNS = (
    Column("id", lambda row: row.service.pk),
    Column("name", lambda row: row.service.name),
    Column("provider", lambda row: row.service.provider.name),
    Column("summary", lambda row: row.service.summary),
    Column("tier", lambda row: row.service.get_tier_display()),
    Column("how to get a place", lambda row: row.service.get_access_route_display()),
    Column("how to get a place: details", lambda row: row.service.how_to_access),
    Column("youngest age", lambda row: row.service.min_age),
    Column("oldest age", lambda row: row.service.max_age),
    Column("needs", lambda row: row.needs),
    Column("kinds of break", lambda row: row.kinds),
    Column("localities served", lambda row: row.localities),
    Column("sessions", lambda row: row.sessions),
    Column("timing notes", lambda row: row.service.timing_notes),
    Column("cost", lambda row: describe_cost(row.service)),
    Column("cost notes", lambda row: row.service.cost_description),
    Column("direct payments accepted", lambda row: _yes_no(row.service.accepts_direct_payments)),
    Column("places", lambda row: row.service.get_availability_display()),
    Column("venues", lambda row: row.venues),
    Column("contact name", lambda row: contact_for(row.service).name),
    Column("contact phone", lambda row: contact_for(row.service).phone),
    Column("contact email", lambda row: contact_for(row.service).email),
    Column("website", lambda row: contact_for(row.service).website),
    Column("last checked", lambda row: _iso(row.service.last_checked_on)),
    Column("page", lambda row: f"{row.site_url}/directory/services/{row.service.pk}/"),
)
HEADERS = [column.header for column in COLUMNS]


def _iso(day) -> str:
    return day.isoformat() if day else ""


def _names(terms, mask: int) -> str:
    """The names of a list's terms whose bits are in the mask, in the list's order."""
    return "; ".join(term.name for term in terms if mask & (1 << term.bit))


def _sessions_by_service(ids) -> dict:
    found = defaultdict(list)
    sessions = Session.objects.filter(service_id__in=ids).only(
        "service_id", "weekday", "start_time", "end_time", "period"
    )
    for session in sessions:
        found[session.service_id].append(session)
    return {
        service_id: "; ".join(f"{r.day} {r.times} ({r.weeks.lower()})" for r in session_rows(rows))
        for service_id, rows in found.items()
    }


def _venues_by_service(ids) -> dict:
    found = defaultdict(list)
    rows = (
        ServiceLocation.objects.filter(service_id__in=ids)
        .order_by("venue__name")
        .values_list(
            "service_id",
            "venue__name",
            "venue__address_line_1",
            "venue__address_line_2",
            "venue__town",
            "venue__postcode",
        )
    )
    for service_id, *parts in rows:
        found[service_id].append(", ".join(part for part in parts if part))
    return {service_id: "; ".join(venues) for service_id, venues in found.items()}


def _chunks(items: Iterable) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def services_with_lists(
    service_ids: Iterable, options: FilterOptions, site_url: str
) -> Iterator[ServiceWithLists]:
    """Each published service of the ids, in their order (a search's, from
    directory.searches), with its lists, sessions and venues: the lists from the service's
    masks, the rest in three queries per chunk of services."""
    for ids in _chunks(service_ids):
        loaded = (
            Service.objects.with_ids(ids)
            .select_related("provider")
            .defer("description", "search_document", "provider__description")
        )
        by_id = {service.pk: service for service in loaded if service.is_published}
        chunk = [by_id[pk] for pk in ids if pk in by_id]
        found = [service.pk for service in chunk]
        sessions, venues = _sessions_by_service(found), _venues_by_service(found)
        for service in chunk:
            yield ServiceWithLists(
                service,
                needs=_names(options.needs, service.needs_mask),
                kinds=_names(options.kinds, service.kinds_mask),
                localities=_names(options.localities, service.localities_mask),
                sessions=sessions.get(service.pk, ""),
                venues=venues.get(service.pk, ""),
                site_url=site_url,
            )


def service_rows(rows: Iterable[ServiceWithLists]) -> Iterator[list]:
    for row in rows:
        yield [safe_cell(column.value(row)) for column in COLUMNS]


class _Echo:
    """A file that hands back what is written, for streaming a CSV line by line."""

    def write(self, value):
        return value


def csv_lines(service_ids: Iterable, options: FilterOptions, site_url: str) -> Iterator[str]:
    """The file, a line at a time: a byte-order mark (so Excel reads UTF-8), headers, rows."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADERS)
    for row in service_rows(services_with_lists(service_ids, options, site_url)):
        yield writer.writerow(row)

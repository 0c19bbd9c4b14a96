"""The directory's search index: every published service's search columns, held in each
process as bit sets, so that a search is filtered, counted and put in order without a pass
over the services in the database.

Position p in every bit set is the p-th published service in the database's own order by
name (then id). A set of services is one int with bit p set for each; intersecting two sets
is `&`, counting one is `int.bit_count()`. Counting every filter option is then an `&` and a
count per option, where in SQL it was a pass over every matching service (docs/performance.md).

The index is built from one query and kept per database alias. Triggers on the services and
venue links tables change a token on every write (SearchIndexVersion, migration 0014); each
search reads the token (with the filter options: FilterOptions.index_token) and rebuilds the
index if it was built at another one. The token is read before the services, so an index is never
labelled newer than what it holds.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from django.db import connections

from .ages import MAX_AGE
from .distance import MILES_PER_DEGREE, Point, box_around
from .models import Service
from .querysets.services import MASKED_LISTS
from .timings import DAY_COLUMNS, TIME_COLUMNS, TimeOfWeek

# The columns the index is built from, after the service's id, in this order.
_FLAGS = {
    "free": "is_free",
    "direct_payments": "accepts_direct_payments",
    "no_venue": "has_venue",  # inverted below
    **{f"day_{i}": column for i, column in enumerate(DAY_COLUMNS)},
    **{f"time_{time}": TIME_COLUMNS[time] for time in TimeOfWeek.values},
}
_COLUMNS = (
    "pk",
    "tier",
    "availability",
    "min_age",
    "max_age",
    "last_checked_on",
    *_FLAGS.values(),
    *MASKED_LISTS.values(),
)
# Then each of the service's venue links (a row per link; NULLs for a service with none).
_LINK_COLUMNS = ("locations__latitude", "locations__longitude")
_ZERO_ONE = bytes.maketrans(b"\x00\x01", b"01")


def bits_of(flags) -> int:
    """The set of positions whose flag is true, from one flag (True, False, 1 or 0) per
    position in order."""
    ones = bytes(flags)[::-1].translate(_ZERO_ONE)
    return int(ones, 2) if ones else 0


def positions_of(members: int, limit: int | None = None) -> list[int]:
    """The positions in a set, lowest first; only the first `limit` of them if given."""
    digits = bin(members)[:1:-1]  # lowest bit first
    found, at = [], digits.find("1")
    while at != -1 and (limit is None or len(found) < limit):
        found.append(at)
        at = digits.find("1", at + 1)
    return found


@dataclass(frozen=True)
class Links:
    """Every venue link with a position, in order of latitude: three lists side by side."""

    latitudes: list[float]
    longitudes: list[float]
    positions: list[int]  # the service's

    @classmethod
    def of(cls, links: list[tuple[float, float, int]]) -> "Links":
        links = sorted(links)
        latitudes, longitudes, positions = zip(*links, strict=True) if links else ((), (), ())
        return cls(list(latitudes), list(longitudes), list(positions))

    def nearest(self, point: Point, miles: float) -> dict[int, float]:
        """Each service with a venue within `miles` of the point, with its nearest venue's
        distance squared: the same box and flat-earth figure as ServiceLocationQuerySet.near."""
        box = box_around(point, miles)
        latitudes, longitudes, positions = self.latitudes, self.longitudes, self.positions
        scale_y = MILES_PER_DEGREE
        scale_x = MILES_PER_DEGREE * point.longitude_scale
        limit = miles * miles
        nearest = {}
        for i in range(
            bisect_left(latitudes, box.min_latitude), bisect_right(latitudes, box.max_latitude)
        ):
            longitude = longitudes[i]
            if not box.min_longitude <= longitude <= box.max_longitude:
                continue
            dy = (latitudes[i] - point.latitude) * scale_y
            dx = (longitude - point.longitude) * scale_x
            distance_sq = dx * dx + dy * dy
            if distance_sq <= limit:
                position = positions[i]
                if distance_sq < nearest.get(position, limit + 1):
                    nearest[position] = distance_sq
        return nearest


@dataclass(frozen=True)
class SearchIndex:
    token: str | None
    keys: tuple  # each position's service id, as the database returns it
    position_of: dict  # service id, as the database returns it -> position
    everything: int
    has: dict[str, int]  # option -> the services with it ('tier_<tier>', 'needs_<bit>', ...)
    ages: tuple[int, ...]  # age in years -> the services open to it
    by_checked: tuple[int, ...]  # positions, most recently checked first, never checked last
    links: Links

    @classmethod
    def build(cls, rows: list[tuple], token: str | None = None) -> "SearchIndex":
        """From rows of _COLUMNS and _LINK_COLUMNS in order by name (then id), a row per link."""
        services, links = [], []
        width = len(_COLUMNS)
        for row in rows:
            if not services or services[-1][0] != row[0]:
                services.append(row[:width])
            latitude, longitude = row[width:]
            if latitude is not None and longitude is not None:
                links.append((latitude, longitude, len(services) - 1))
        return cls._of(services, Links.of(links), token)

    @classmethod
    def _of(cls, rows: list[tuple], links: Links, token: str | None) -> "SearchIndex":
        columns = dict(zip(_COLUMNS, zip(*rows, strict=True), strict=True)) if rows else {}
        keys = columns.get("pk", ())
        has = {}
        for tier in {*columns.get("tier", ())}:
            has[f"tier_{tier}"] = bits_of([value == tier for value in columns["tier"]])
        has["places"] = bits_of([value == "places" for value in columns.get("availability", ())])
        for option, column in _FLAGS.items():
            has[option] = bits_of(columns.get(column, ()))
        everything = (1 << len(keys)) - 1
        has["no_venue"] ^= everything
        for list_name, column in MASKED_LISTS.items():
            masks = columns.get(column, ())
            present = 0
            for mask in masks:
                present |= mask
            for bit in range(present.bit_length()):
                if present >> bit & 1:
                    has[f"{list_name}_{bit}"] = bits_of([mask >> bit & 1 for mask in masks])
        ranges = list(zip(columns.get("min_age", ()), columns.get("max_age", ()), strict=True))
        ages = tuple(
            bits_of([low <= age <= high for low, high in ranges]) for age in range(MAX_AGE + 1)
        )
        checked = columns.get("last_checked_on", ())
        ever = [p for p in range(len(keys)) if checked[p] is not None]
        by_checked = sorted(ever, key=lambda p: checked[p], reverse=True)  # stable: by name
        by_checked += [p for p in range(len(keys)) if checked[p] is None]
        return cls(
            token,
            tuple(keys),
            {key: position for position, key in enumerate(keys)},
            everything,
            has,
            ages,
            tuple(by_checked),
            links,
        )

    # ------------------------------------------------------------------ sets of services

    def option(self, name: str) -> int:
        """The services with an option; none for an option no service has."""
        return self.has.get(name, 0)

    def any_of(self, list_name: str, mask: int) -> int:
        """The services with any of the list's terms in the mask."""
        members = 0
        for bit in range(mask.bit_length()):
            if mask >> bit & 1:
                members |= self.option(f"{list_name}_{bit}")
        return members

    def for_ages(self, youngest: int, oldest: int) -> int:
        """The services open to at least one age in the range."""
        members = 0
        for age in range(max(youngest, 0), min(oldest, MAX_AGE) + 1):
            members |= self.ages[age]
        return members

    def of_keys(self, keys) -> int:
        """The published services among these ids (as the database returns them)."""
        position_of = self.position_of
        return self.of_positions(position_of[key] for key in keys if key in position_of)

    def of_positions(self, positions) -> int:
        """The set of these positions."""
        flags = bytearray(len(self.keys))
        for position in positions:
            flags[position] = 1
        return bits_of(flags)

    def counts(self, members: int, age_bands=()) -> dict[str, int]:
        """How many of the members have each option, and 'total' and 'band_<i>'."""
        counts = {name: (members & option).bit_count() for name, option in self.has.items()}
        counts["total"] = members.bit_count()
        for i, band in enumerate(age_bands):
            counts[f"band_{i}"] = (members & self.for_ages(band.min_age, band.max_age)).bit_count()
        return counts


# ---------------------------------------------------------------------------- per process

_BUILT: dict[str, SearchIndex] = {}
_COMPILED: dict[str, tuple[str, tuple]] = {}


def current(token: str | None, alias: str = "default") -> SearchIndex:
    """The index as of the token (FilterOptions.index_token): the one kept, or a new one.
    Without a token (no write since the database was made) it is built and not kept."""
    kept = _BUILT.get(alias)
    if token is not None and kept is not None and kept.token == token:
        return kept
    if alias not in _COMPILED:
        published = Service.objects.using(alias).published().order_by("name", "pk")
        rows = published.values_list(*_COLUMNS, *_LINK_COLUMNS)
        _COMPILED[alias] = rows.query.sql_with_params()
    index = SearchIndex.build(fetch_all(*_COMPILED[alias], alias), token)
    if token is not None:
        _BUILT[alias] = index
    return index


def raw_rows(queryset) -> list[tuple]:
    """A queryset's rows as the database returns them: ids as stored, without Django's
    conversions (making a UUID of each of 10,000 ids costs more than the query)."""
    sql, params = queryset.query.sql_with_params()
    return fetch_all(sql, params, queryset.db)


def fetch_all(sql: str, params, alias: str) -> list[tuple]:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()

"""The directory's search index: every published service's search columns, words, venues and
sessions, held in each process, so that a search is filtered, counted and put in order
without a pass over the services in the database (ADR 0011).

Each service has a position; a set of services is one int with bit p set for each member, so
that intersecting two sets is `&` and counting one is `int.bit_count()`. Positions are given
in the order services arrive and never reused: when a service changes, its old position stops
being live and the service is added again at the next one. Orders (by name, by last check)
are kept as sorted lists of positions, updated in place.

The index is kept up to date without rebuilding it: database triggers (migration 0017) log
the id of every service whose row or venue links change, under a sequence number and a random
token (SearchIndexChange), and count the version in SearchIndexVersion. Each search reads the
version with the filter options; an index at another version reads the services changed since
its own (one query each for their columns, venue links and sessions) and applies them. Only a
history it cannot follow (a rolled-back write it saw, a log pruned past it, a truncated table)
makes it build again from scratch, as a new process does before its first request
(`warm`, called by gunicorn's post_worker_init).
"""

import datetime as dt
import threading
import uuid
from array import array
from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from django.db import connections

from . import data_version
from .ages import MAX_AGE
from .distance import MILES_PER_DEGREE, Point, box_around
from .keyword_index import KeywordIndex
from .querysets.services import MASKED_LISTS
from .timings import DAY_COLUMNS, TIME_COLUMNS, TimeOfWeek

# What the index holds of each service, in this order.
_FLAGS = {
    "free": "is_free",
    "direct_payments": "accepts_direct_payments",
    **{f"day_{i}": column for i, column in enumerate(DAY_COLUMNS)},
    **{f"time_{time}": TIME_COLUMNS[time] for time in TimeOfWeek.values},
}
_SERVICE_COLUMNS = (
    "id",
    "name",
    "summary",
    "search_document",
    "tier",
    "availability",
    "min_age",
    "max_age",
    "last_checked_on",
    "has_venue",
    *_FLAGS.values(),
    *MASKED_LISTS.values(),
)
_PUBLISHED = "status = 'published'"
_FEATURE_BITS = (
    "SELECT vf.venue_id, f.bit FROM directory_venue_accessibility_features AS vf "
    "JOIN directory_accessibilityfeature AS f ON f.id = vf.accessibilityfeature_id"
)
# How much of the change log a process may be behind and still catch up.
LOG_KEPT = 100_000
_FETCH = 2000  # rows read at a time


def bits_of(flags) -> int:
    """The set of positions whose flag is true, from one flag (True/False, 1/0) per position."""
    flags = np.asarray(flags, dtype=bool)
    if not flags.size:
        return 0
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def flags_of(members: int, size: int) -> np.ndarray:
    """A set as one bool per position (the inverse of bits_of)."""
    raw = np.frombuffer(members.to_bytes((size + 7) // 8 or 1, "little"), dtype=np.uint8)
    return np.unpackbits(raw, bitorder="little", count=size).astype(bool)


def positions_of(members: int, size: int) -> np.ndarray:
    """The positions in a set, lowest first."""
    return np.flatnonzero(flags_of(members, size))


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _minutes(value) -> int:
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    hours, minutes = str(value).split(":")[:2]
    return int(hours) * 60 + int(minutes)


@dataclass
class _Growing:
    """A column of numbers that grows as services are added, readable as a numpy array."""

    typecode: str
    values: array = field(init=False)

    def __post_init__(self):
        self.values = array(self.typecode)

    def view(self) -> np.ndarray:
        return np.frombuffer(self.values, dtype=self.values.typecode)


def _id_bytes(key) -> bytes:
    """A UUID as 16 bytes, from the database's own form (a UUID, or 32 hex digits on SQLite)."""
    return key.bytes if isinstance(key, uuid.UUID) else bytes.fromhex(str(key).replace("-", ""))


class Ids:
    """UUIDs held as 16 bytes each, in the order added: a tenth of the memory of the objects."""

    def __init__(self):
        self._bytes = bytearray()

    def append(self, key) -> None:
        self._bytes += _id_bytes(key)

    def __len__(self) -> int:
        return len(self._bytes) // 16

    def __getitem__(self, index: int) -> uuid.UUID:
        start = int(index) * 16
        return uuid.UUID(bytes=bytes(self._bytes[start : start + 16]))

    def find(self, key) -> np.ndarray:
        """The indexes holding the id."""
        if not self._bytes:
            return np.zeros(0, dtype=np.int64)
        held = np.frombuffer(self._bytes, dtype="V16")
        return np.flatnonzero(held == np.void(_id_bytes(key)))


@dataclass
class Links:
    """Every venue link of a live or dead position, in the order added."""

    latitudes: _Growing = field(default_factory=lambda: _Growing("d"))
    longitudes: _Growing = field(default_factory=lambda: _Growing("d"))
    positions: _Growing = field(default_factory=lambda: _Growing("i"))
    features: _Growing = field(default_factory=lambda: _Growing("q"))  # the venue's feature bits
    keys: Ids = field(default_factory=Ids)  # each link's id

    def add(self, position, key, latitude, longitude, features):
        has_place = latitude is not None and longitude is not None
        self.latitudes.values.append(latitude if has_place else np.nan)
        self.longitudes.values.append(longitude if has_place else np.nan)
        self.positions.values.append(position)
        self.features.values.append(features)
        self.keys.append(key)

    def near(self, point: Point, miles: float) -> tuple[np.ndarray, np.ndarray]:
        """The links within `miles` of the point, as (indexes, distance squared in square
        miles): a flat-earth figure (directory.distance), within a box first."""
        box = box_around(point, miles)
        latitudes, longitudes = self.latitudes.view(), self.longitudes.view()
        inside = np.flatnonzero(
            (latitudes >= box.min_latitude)
            & (latitudes <= box.max_latitude)
            & (longitudes >= box.min_longitude)
            & (longitudes <= box.max_longitude)
        )
        dy = (latitudes[inside] - point.latitude) * MILES_PER_DEGREE
        dx = (longitudes[inside] - point.longitude) * (MILES_PER_DEGREE * point.longitude_scale)
        distance_sq = dx * dx + dy * dy
        within = distance_sq <= miles * miles
        return inside[within], distance_sq[within]


@dataclass
class Sessions:
    """Every session of a live or dead position: weekday, start and end in minutes."""

    positions: _Growing = field(default_factory=lambda: _Growing("i"))
    weekdays: _Growing = field(default_factory=lambda: _Growing("b"))
    starts: _Growing = field(default_factory=lambda: _Growing("h"))
    ends: _Growing = field(default_factory=lambda: _Growing("h"))

    def add(self, position, weekday, start, end):
        self.positions.values.append(position)
        self.weekdays.values.append(weekday)
        self.starts.values.append(_minutes(start))
        self.ends.values.append(_minutes(end))


class SortedPositions:
    """Positions kept in order of a key, for putting results in that order."""

    def __init__(self):
        self._keys: list = []
        self._positions = array("i")

    def add(self, key, position: int) -> None:
        at = bisect_left(self._keys, key)
        self._keys.insert(at, key)
        self._positions.insert(at, position)

    def remove(self, position: int) -> None:
        for at in np.flatnonzero(self.view() == position)[::-1]:
            del self._keys[at]
            del self._positions[at]

    def view(self) -> np.ndarray:
        return np.frombuffer(self._positions, dtype=np.int32)


class SearchIndex:
    """The published services as sets, orders, venue links, sessions and words."""

    def __init__(self, seq: int = 0, token: str = ""):
        self.seq, self.token = seq, token
        self.size = 0  # positions given, live or not
        self.live = 0
        self.keys = Ids()  # each position's service id
        self.has: dict[str, int] = {}  # option -> services ('tier_<tier>', 'needs_<bit>', ...)
        self.ages = [0] * (MAX_AGE + 1)
        self.min_ages = _Growing("h")
        self.max_ages = _Growing("h")
        self.by_name = SortedPositions()
        self.checked = _Growing("i")  # each position's last check, as a day number; 0 never
        self._name_ranks: np.ndarray | None = None
        self.links = Links()
        self.sessions = Sessions()
        self.words = KeywordIndex()
        self.towns: dict[str, int] = {}  # town, case-folded -> services with a venue there
        self.town_names: dict[str, str] = {}  # case-folded -> as the council spells it
        self._feature_sets: dict[int, int] | None = None

    @property
    def version(self) -> tuple[int, str]:
        return (self.seq, self.token)

    # ------------------------------------------------------------------ sets of services

    def option(self, name: str) -> int:
        """The live services with an option; none for an option no service has."""
        return self.has.get(name, 0) & self.live

    def any_of(self, list_name: str, mask: int) -> int:
        """The services with any of the list's terms in the mask."""
        members = 0
        for bit in range(mask.bit_length()):
            if mask >> bit & 1:
                members |= self.has.get(f"{list_name}_{bit}", 0)
        return members & self.live

    def all_of(self, list_name: str, mask: int) -> int:
        """The services with every one of the list's terms in the mask."""
        members = self.live
        for bit in range(mask.bit_length()):
            if mask >> bit & 1:
                members &= self.has.get(f"{list_name}_{bit}", 0)
        return members

    def for_ages(self, youngest: int, oldest: int) -> int:
        """The services open to at least one age in the range."""
        members = 0
        for age in range(max(youngest, 0), min(oldest, MAX_AGE) + 1):
            members |= self.ages[age]
        return members & self.live

    def ages_within(self, youngest: float | None, oldest: float | None) -> int:
        """The services whose youngest age is at least `youngest` and oldest at most `oldest`."""
        keep = np.ones(self.size, dtype=bool)
        if youngest is not None:
            keep &= self.min_ages.view() >= youngest
        if oldest is not None:
            keep &= self.max_ages.view() <= oldest
        return bits_of(keep) & self.live

    def of_positions(self, positions) -> int:
        flags = np.zeros(self.size, dtype=bool)
        flags[np.asarray(positions, dtype=np.int64)] = True
        return bits_of(flags)

    def at_venue_with_all(self, mask: int) -> int:
        """The services with one venue that has every accessibility feature in the mask."""
        if self._feature_sets is None:
            sets: dict[int, int] = {}
            features, positions = self.links.features.view(), self.links.positions.view()
            for venue_mask in np.unique(features):
                chosen = positions[features == venue_mask]
                sets[int(venue_mask)] = self.of_positions(chosen)
            self._feature_sets = sets
        members = 0
        for venue_mask, services in self._feature_sets.items():
            if venue_mask & mask == mask:
                members |= services
        return members & self.live

    def in_town(self, town: str) -> int:
        return self.towns.get(town.casefold(), 0) & self.live

    def in_session_times(self, weekday: int | None, starts_from, ends_by) -> int:
        """The services with one session on the weekday (any, if None) that starts at or after
        `starts_from` and ends by `ends_by` (minutes; None for no limit). An overnight session
        ends the next morning, so it never ends "by" an evening time."""
        sessions = self.sessions
        starts, ends = sessions.starts.view(), sessions.ends.view()
        keep = np.ones(len(starts), dtype=bool)
        if weekday is not None:
            keep &= sessions.weekdays.view() == weekday
        if starts_from is not None:
            keep &= starts >= starts_from
        if ends_by is not None:
            keep &= (ends <= ends_by) & (ends > starts)
        return self.of_positions(sessions.positions.view()[keep]) & self.live

    # ------------------------------------------------------------------ orders

    def name_ranks(self) -> np.ndarray:
        """Each position's place in the order by name (dead positions last)."""
        if self._name_ranks is None or len(self._name_ranks) != self.size:
            ordered = self.by_name.view()
            ranks = np.full(self.size, self.size, dtype=np.int64)
            ranks[ordered] = np.arange(len(ordered))
            self._name_ranks = ranks
        return self._name_ranks

    def in_order(self, members: int, order: str) -> np.ndarray:
        """The members' positions by name ('name') or most recently checked first, never
        checked last, then by name ('checked')."""
        if order == "checked":
            positions = positions_of(members, self.size)
            latest_first = -self.checked.view()[positions]
            return positions[np.lexsort((self.name_ranks()[positions], latest_first))]
        ordered = self.by_name.view()
        return ordered[flags_of(members, self.size)[ordered]]

    def live_positions(self, key) -> list[int]:
        """The live positions of a service id (one, or none)."""
        return [int(p) for p in self.keys.find(key) if self.live >> int(p) & 1]

    # ------------------------------------------------------------------ changing

    def add(self, service: tuple, links: list[tuple], sessions: list[tuple]) -> None:
        """Add a service (a row of _SERVICE_COLUMNS), its venue links (id, latitude,
        longitude, town, feature bits) and sessions (weekday, start, end)."""
        columns = dict(zip(_SERVICE_COLUMNS, service, strict=True))
        key, position = columns["id"], self.size
        self.size += 1
        self.keys.append(key)
        bit = 1 << position
        self.live |= bit
        options = [f"tier_{columns['tier']}"]
        if columns["availability"] == "places":
            options.append("places")
        if not columns["has_venue"]:
            options.append("no_venue")
        options += [option for option, column in _FLAGS.items() if columns[column]]
        for list_name, column in MASKED_LISTS.items():
            mask = columns[column]
            options += [f"{list_name}_{b}" for b in range(mask.bit_length()) if mask >> b & 1]
        for option in options:
            self.has[option] = self.has.get(option, 0) | bit
        low, high = columns["min_age"], columns["max_age"]
        for age in range(max(low, 0), min(high, MAX_AGE) + 1):
            self.ages[age] |= bit
        self.min_ages.values.append(low)
        self.max_ages.values.append(high)
        name = columns["name"]
        self.by_name.add(f"{name.casefold()}\x00{name}\x00{_id_bytes(key).hex()}", position)
        checked = columns["last_checked_on"]
        self.checked.values.append(_as_date(checked).toordinal() if checked is not None else 0)
        self._name_ranks = None
        for link_key, latitude, longitude, town, features in links:
            self.links.add(position, link_key, latitude, longitude, features)
            if town:
                folded = town.casefold()
                self.towns[folded] = self.towns.get(folded, 0) | bit
                self.town_names.setdefault(folded, town.strip())
        for weekday, start, end in sessions:
            self.sessions.add(position, weekday, start, end)
        self.words.add(
            position, name=name, summary=columns["summary"], document=columns["search_document"]
        )
        self._feature_sets = None

    def remove(self, key) -> None:
        """A service is no longer published, or is about to be added again."""
        for position in self.live_positions(key):
            self.live &= ~(1 << position)
            self.by_name.remove(position)
            self._name_ranks = None

    def memory_bytes(self) -> int:
        """About how much memory the index holds (for the benchmarks)."""
        sets = sum(members.__sizeof__() for members in (*self.has.values(), *self.ages))
        sets += sum(members.__sizeof__() for members in self.towns.values())
        arrays = sum(
            column.values.itemsize * len(column.values)
            for column in (
                self.min_ages,
                self.max_ages,
                self.checked,
                self.links.latitudes,
                self.links.longitudes,
                self.links.positions,
                self.links.features,
                self.sessions.positions,
                self.sessions.weekdays,
                self.sessions.starts,
                self.sessions.ends,
            )
        )
        keys = 16 * (len(self.keys) + len(self.links.keys))
        orders = sum(key.__sizeof__() + 8 for key in self.by_name._keys)
        return sets + arrays + keys + orders + self.words.memory_bytes()


# ---------------------------------------------------------------------------- reading the data


def _fetch(alias: str, sql: str, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(_FETCH):
            yield from rows


def _services_sql(where: str) -> str:
    columns = ", ".join(_SERVICE_COLUMNS)
    return f"SELECT {columns} FROM directory_service WHERE {_PUBLISHED} AND {where}"  # noqa: S608


def _load(index: SearchIndex, alias: str, where: str, params) -> None:
    """Add the published services chosen by `where` (SQL over directory_service from constants,
    with parameters), with their venue links and sessions: three queries."""
    chosen = f"SELECT id FROM directory_service WHERE {where}"  # noqa: S608
    links: dict = {}
    link_sql = (
        "SELECT l.service_id, l.id, l.latitude, l.longitude, v.town, "  # noqa: S608
        "f.bits FROM directory_servicelocation AS l "
        "JOIN directory_venue AS v ON v.id = l.venue_id "
        f"LEFT JOIN (SELECT venue_id, SUM(CAST(1 AS BIGINT) << bit) AS bits FROM ({_FEATURE_BITS}) "
        "AS vb GROUP BY venue_id) AS f ON f.venue_id = l.venue_id "
        f"WHERE l.service_id IN ({chosen}) ORDER BY l.service_id, l.venue_id"
    )
    for service_id, *link, bits in _fetch(alias, link_sql, params):
        links.setdefault(service_id, []).append((*link, int(bits or 0)))
    sessions: dict = {}
    session_sql = (
        "SELECT service_id, weekday, start_time, end_time FROM directory_session "  # noqa: S608
        f"WHERE service_id IN ({chosen})"
    )
    for service_id, *session in _fetch(alias, session_sql, params):
        sessions.setdefault(service_id, []).append(tuple(session))
    for row in _fetch(alias, _services_sql(where), params):
        index.add(row, links.get(row[0], []), sessions.get(row[0], []))


def build(alias: str = "default") -> SearchIndex:
    """A new index of every published service, at the version the database is at."""
    seq, token = read_version(alias)
    index = SearchIndex(seq, token)
    _load(index, alias, "1 = 1", ())
    # Worked out now, not by each search process's first search: gunicorn's workers share
    # what the master built (deploy/gunicorn.conf.py).
    index.words.settle()
    index.name_ranks()
    return index


# What the triggers' version row says now (the index's version is read with it).
read_version = data_version.read


_CHANGES = (
    "SELECT v.seq, v.token, "
    "(SELECT COUNT(*) FROM directory_searchindexchange WHERE seq = %s AND token = %s), "
    "(SELECT COUNT(*) FROM directory_searchindexchange WHERE seq > %s AND kind = 2) "
    "FROM directory_searchindexversion AS v"
)
_LOG = "directory_searchindexchange"
_SINCE = "seq > %s AND seq <= %s AND kind = 0"
CHANGED_SINCE = f"id IN (SELECT service_id FROM {_LOG} WHERE {_SINCE})"  # noqa: S608


def catch_up(index: SearchIndex, alias: str = "default") -> SearchIndex:
    """The index with every change since its version applied, or a new one where the change
    log cannot say what changed (see the module's docstring)."""
    with connections[alias].cursor() as cursor:
        cursor.execute(_CHANGES, [index.seq, index.token, index.seq])
        row = cursor.fetchone()
    if row is None:
        return index
    seq, token, seen, resets = int(row[0]), row[1], row[2], row[3]
    if (seq, token) == index.version:
        return index
    if not seen or resets or seq < index.seq:
        return build(alias)
    logged = f"SELECT DISTINCT service_id FROM {_LOG} WHERE {_SINCE}"  # noqa: S608
    for (key,) in list(_fetch(alias, logged, [index.seq, seq])):
        index.remove(key)
    _load(index, alias, CHANGED_SINCE, [index.seq, seq])
    index.seq, index.token = seq, token
    return index


# ---------------------------------------------------------------------------- per process

_KEPT: dict[str, SearchIndex] = {}
_LOCK = threading.RLock()


@contextmanager
def reading(version: tuple[int, str] | None, alias: str = "default"):
    """The index at `version` (read with the filter options), to read while the block runs:
    the one kept, brought up to date if it is behind."""
    with _LOCK:
        index = _KEPT.get(alias)
        if index is None:
            index = _KEPT[alias] = build(alias)
        elif version is None or index.version != tuple(version):
            index = _KEPT[alias] = catch_up(index, alias)
        yield index


def warm(alias: str = "default") -> SearchIndex:
    """Build this process's index before it serves a request (gunicorn's post_worker_init)."""
    with reading(None, alias) as index:
        return index


def forget(alias: str = "default") -> None:
    """Drop this process's index (tests that change the database behind the triggers' back)."""
    with _LOCK:
        _KEPT.pop(alias, None)

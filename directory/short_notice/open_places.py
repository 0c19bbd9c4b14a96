"""The places open now, kept in each process between requests: their facts, for the places
page's search, and what their cards show, for that page and the directory's cached pages.
Reading a thousand places' facts was a third of the places page, and asking the database for
a page of results' places cost more than the rest of the page. They are read again when the
places or the directory move (the directory's data version; the count, newest change and
largest id of the places still offered from today, one query) or the day turns; between, a
request only drops the places whose offer has ended since. A place that is taken or withdrawn
leaves that count; one posted or changed is the newest change."""

import datetime as dt
import functools
import threading
from dataclasses import dataclass

from django.db import connections
from django.db.models import CharField, Count, Max
from django.db.models.functions import Cast
from django.utils import timezone

from .matching import PlaceFacts
from .models import ShortNoticePlace
from .shown import ShownPlace, shown_places

_LOCK = threading.Lock()
_KEPT: dict = {}  # "open": (key, _Read)


@dataclass(frozen=True)
class _Read:
    """What one reading of the open places gives."""

    soon: PlaceFacts  # those that start within SOON_DAYS days, soonest first
    shown: dict  # each place's id to its ShownPlace
    by_service: dict[str, tuple[ShownPlace, ...]]  # each service's id as text to its places


@dataclass(frozen=True)
class OpenPlaces:
    """The places open at `now`, from a reading kept since the last change."""

    now: dt.datetime
    read: _Read

    def soon(self) -> PlaceFacts:
        """The facts of those that start within SOON_DAYS days, soonest first."""
        return self.read.soon.offered_after(self.now)

    def shown(self, ids) -> list[ShownPlace]:
        """The places with these ids (each open, as a fact of `soon` is), in that order."""
        return [self.read.shown[pk] for pk in ids]

    def of_services(self, service_ids) -> dict[str, tuple[ShownPlace, ...]]:
        """Each service's open places, soonest first, by its id as text."""
        return {
            str(pk): tuple(
                place
                for place in self.read.by_service.get(str(pk), ())
                if place.offered_until > self.now
            )
            for pk in service_ids
        }


def open_at(now: dt.datetime, version: str) -> OpenPlaces:
    """The places open at `now`, read under the directory's data `version` (as text,
    data_version: names change with it); one query when nothing has changed."""
    today = timezone.localdate(now)
    key = (version, today, _marker(today))
    read = _kept("open", key, lambda: _read(now))
    if not version:  # no version to keep them under
        _forget("open")
    return OpenPlaces(now, read)


def _read(now: dt.datetime) -> _Read:
    """Every place open at `now`, in four queries whatever their count: the facts of those of
    the next SOON_DAYS days, and every one's card."""
    soon = PlaceFacts.of(ShortNoticePlace.objects.soon(now))
    places = ShortNoticePlace.objects.open_at(now).order_by("starts_on", "start_time", "pk")
    shown = {place.pk: place for place in shown_places(places)}
    by_service: dict[str, list[ShownPlace]] = {}
    for place in shown.values():
        by_service.setdefault(str(place.service_id), []).append(place)
    return _Read(soon, shown, {pk: tuple(found) for pk, found in by_service.items()})


def _marker(today: dt.date) -> tuple:
    """What changes whenever a place that may be open from today is posted, changed, taken,
    withdrawn or deleted: their count, newest change and largest id, in one query."""
    connection = connections[ShortNoticePlace.objects.db]
    sql, params = _marker_sql(connection.alias)
    day = connection.ops.adapt_datefield_value(today)
    with connection.cursor() as cursor:
        cursor.execute(sql, [day if value == _ANY_DAY_VALUE else value for value in params])
        return cursor.fetchone() or (0, None, None)


# The ORM took longer to write the marker's query than the database takes to answer it, and
# the query is asked on every places page and every cached directory page: the ORM writes it
# once, for a day that is then replaced by today.
_ANY_DAY = dt.date(2000, 1, 1)
_ANY_DAY_VALUE = object()


@functools.cache
def _marker_sql(alias: str) -> tuple[str, list]:
    connection = connections[alias]
    # Over the places that may be open today, not every place ever posted: taken, withdrawn
    # and past places are kept for the report, and would make this a scan of years of them.
    offered = ShortNoticePlace.objects.using(alias).offered_from(_ANY_DAY).order_by()
    marker = offered.values("status").annotate(
        count=Count("pk"),
        changed=Max("changed_at"),
        # PostgreSQL has no max() of a uuid: the largest id as text.
        largest=Max(Cast("pk", output_field=CharField())),
    )
    sql, params = marker.values_list("count", "changed", "largest").query.sql_with_params()
    day = connection.ops.adapt_datefield_value(_ANY_DAY)
    if list(params).count(day) != 1:
        raise ValueError(f"Expected the day once among the marker's parameters: {params!r}")
    return sql, [_ANY_DAY_VALUE if value == day else value for value in params]


def _kept(name: str, key, read):
    """What this process keeps under the name, read again (`read()`) when its key changes."""
    with _LOCK:
        kept = _KEPT.get(name)
    if kept is None or kept[0] != key:
        kept = (key, read())
        with _LOCK:
            _KEPT[name] = kept
    return kept[1]


def _forget(name: str) -> None:
    with _LOCK:
        _KEPT.pop(name, None)


def forget() -> None:
    """Drop this process's facts (tests that change places behind the marker's back)."""
    with _LOCK:
        _KEPT.clear()

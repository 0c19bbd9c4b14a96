"""The facts of the places open in the next SOON_DAYS days, kept in each process between
requests: reading a thousand places' facts was a third of the places page. They are read again
when the places or the directory move (the search index's version; the count, newest change
and largest id of the places still offered from today, one query) or the day turns; between,
a request only drops the places whose offer has ended since. A place that is taken or
withdrawn leaves that count; one posted or changed is the newest change. Every service's open
places, as their cards show them, are kept the same way for the directory's cached pages."""

import datetime as dt
import functools
import threading

from django.db import connections
from django.db.models import CharField, Count, Max
from django.db.models.functions import Cast
from django.utils import timezone

from .matching import PlaceFacts
from .models import ShortNoticePlace
from .shown import ShownPlace, shown_places

_LOCK = threading.Lock()
_KEPT: dict = {}  # "soon": (key, facts); "services": (key, each service's places)


def open_soon(now: dt.datetime, index_version) -> PlaceFacts:
    """The facts of the places open at `now` that start within SOON_DAYS days, soonest first."""
    today = timezone.localdate(now)
    key = (tuple(index_version) if index_version else None, today, _marker(today))
    kept = _kept("soon", key, lambda: PlaceFacts.of(ShortNoticePlace.objects.soon(now)))
    if index_version is None:  # no version to keep them under
        _forget("soon")
    return kept.offered_after(now)


def services_places(
    service_ids, now: dt.datetime, version: str
) -> dict[str, tuple[ShownPlace, ...]]:
    """The places open at `now` of each of these services (its id as text; soonest first),
    kept under the directory's data version (`version`: names change with it), today and the
    places' marker. The directory's cached pages ask on every request, and asking the database
    for a page's places cost more than the rest of the page."""
    today = timezone.localdate(now)
    kept = _kept("services", (version, today, _marker(today)), lambda: _by_service(now))
    asked = {str(pk): kept.get(str(pk), ()) for pk in service_ids}
    return {
        pk: tuple(place for place in places if place.offered_until > now) if places else ()
        for pk, places in asked.items()
    }


def _by_service(now: dt.datetime) -> dict[str, tuple[ShownPlace, ...]]:
    """Every service's places open at `now`, soonest first: two queries, whatever the count."""
    by_service: dict[str, list[ShownPlace]] = {}
    places = ShortNoticePlace.objects.open_at(now).order_by("starts_on", "start_time", "pk")
    for place in shown_places(places):
        by_service.setdefault(str(place.service_id), []).append(place)
    return {pk: tuple(found) for pk, found in by_service.items()}


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

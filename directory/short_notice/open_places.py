"""The facts of the places open in the next SOON_DAYS days, kept in each process between
requests: reading a thousand places' facts was a third of the places page. They are read again
when the places or the directory move (the search index's version; the count, newest change
and largest id of the places still offered from today, one query) or the day turns; between,
a request only drops the places whose offer has ended since. A place that is taken or
withdrawn leaves that count; one posted or changed is the newest change."""

import datetime as dt
import threading

from django.db.models import CharField, Count, Max
from django.db.models.functions import Cast
from django.utils import timezone

from .matching import PlaceFacts
from .models import ShortNoticePlace

_LOCK = threading.Lock()
_KEPT: dict = {}  # "soon": (key, facts)


def open_soon(now: dt.datetime, index_version) -> PlaceFacts:
    """The facts of the places open at `now` that start within SOON_DAYS days, soonest first."""
    today = timezone.localdate(now)
    # Over the places that may be open today, not every place ever posted: taken, withdrawn
    # and past places are kept for the report, and would make this a scan of years of them.
    marker = ShortNoticePlace.objects.offered_from(today).aggregate(
        # PostgreSQL has no max() of a uuid: the largest id as text.
        count=Count("pk"),
        changed=Max("changed_at"),
        largest=Max(Cast("pk", output_field=CharField())),
    )
    key = (
        tuple(index_version) if index_version else None,
        today,
        marker["count"],
        marker["changed"],
        marker["largest"],
    )
    with _LOCK:
        kept = _KEPT.get("soon")
    if kept is None or kept[0] != key or index_version is None:
        kept = (key, PlaceFacts.of(ShortNoticePlace.objects.soon(now)))
        with _LOCK:
            _KEPT["soon"] = kept
    return kept[1].offered_after(now)


def forget() -> None:
    """Drop this process's facts (tests that change places behind the marker's back)."""
    with _LOCK:
        _KEPT.clear()

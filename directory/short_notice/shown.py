"""What the families' pages and the alerts' emails show of places (presenters.PlaceCard), read
as plain values in two queries: the places with their service's, provider's and kind's
names, then their needs' names. Twenty places loaded as model instances with their service
(some seventy columns), provider, kind and needs were a third of the places page at 10,000
services; as values they are a tenth of that."""

import datetime as dt
from dataclasses import dataclass

from .models import ShortNoticePlace


@dataclass(frozen=True)
class ShownPlace:
    pk: object
    service_id: object
    service_name: str
    provider_name: str
    kind_name: str
    need_names: tuple[str, ...]  # the place's own needs (none: it names none)
    starts_on: dt.date
    ends_on: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    places: int
    min_age: int  # the place's own, or its service's when it names none
    max_age: int
    claim_by: str
    claim_phone: str
    claim_email: str
    notes: str
    offered_until: dt.datetime


_COLUMNS = (
    "pk",
    "service_id",
    "service__name",
    "service__provider__name",
    "kind__name",
    "starts_on",
    "ends_on",
    "start_time",
    "end_time",
    "places",
    "min_age",
    "service__min_age",
    "max_age",
    "service__max_age",
    "claim_by",
    "claim_phone",
    "claim_email",
    "notes",
    "offered_until",
)


def shown_places(places) -> list[ShownPlace]:
    """The places of a queryset, in its order, as their cards read them; their own needs'
    names in a second query."""
    rows = list(places.values_list(*_COLUMNS))
    needs: dict = {}
    if rows:
        named = (
            ShortNoticePlace.needs.through.objects.filter(
                shortnoticeplace_id__in=[row[0] for row in rows]
            )
            .order_by("need__position", "need__name")
            .values_list("shortnoticeplace_id", "need__name")
        )
        for place_id, name in named:
            needs[place_id] = (*needs.get(place_id, ()), name)
    return [_shown(row, tuple(needs.get(row[0], ()))) for row in rows]


def _shown(row, need_names) -> ShownPlace:
    (pk, service_id, service_name, provider_name, kind_name, starts_on, ends_on, start_time,
     end_time, places, min_age, service_min_age, max_age, service_max_age, claim_by,
     claim_phone, claim_email, notes, offered_until) = row  # fmt: skip
    return ShownPlace(
        pk,
        service_id,
        service_name,
        provider_name,
        kind_name,
        need_names,
        starts_on,
        ends_on,
        start_time,
        end_time,
        places,
        service_min_age if min_age is None else min_age,
        service_max_age if max_age is None else max_age,
        claim_by,
        claim_phone,
        claim_email,
        notes,
        offered_until,
    )

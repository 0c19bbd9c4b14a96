"""How a short-notice place reads on the families' pages and in an alert's email."""

import copy
import datetime as dt
import functools

from django.urls import reverse
from django.utils import timezone

from ..presenters import describe_ages, describe_date, describe_distance
from .models import ClaimBy
from .shown import ShownPlace

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe_time(moment: dt.time) -> str:
    """GOV.UK style: '10am', '4:30pm', 'midday', 'midnight'."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def describe_day(day: dt.date) -> str:
    """'Saturday 5 December 2026'."""
    return f"{WEEKDAYS[day.weekday()]} {describe_date(day)}"


def describe_when(place) -> str:
    """'Saturday 5 December 2026, 10am to 4pm', or for a stay 'From Friday 4 December 2026
    to Sunday 6 December 2026'."""
    if place.ends_on and place.ends_on != place.starts_on:
        when = f"From {describe_day(place.starts_on)} to {describe_day(place.ends_on)}"
    else:
        when = describe_day(place.starts_on)
    if place.start_time and place.end_time:
        return f"{when}, {describe_time(place.start_time)} to {describe_time(place.end_time)}"
    if place.start_time:
        return f"{when}, from {describe_time(place.start_time)}"
    return when


def describe_until(moment: dt.datetime) -> str:
    """'Offered until 5pm on Friday 4 December 2026'."""
    local = timezone.localtime(moment)
    return f"{describe_time(local.time())} on {describe_day(local.date())}"


class PlaceCard:
    """One place as families see it, every line worked out once."""

    def __init__(self, place: ShownPlace, *, distance: float | None = None):
        self.service_name = place.service_name
        self.service_url = reverse("directory:service", args=[place.service_id])
        self.provider = place.provider_name
        self.when = describe_when(place)
        self.places = f"{place.places} place{'' if place.places == 1 else 's'}"
        self.ages = describe_ages(place.min_age, place.max_age)
        self.kind = place.kind_name
        self.needs = ", ".join(place.need_names)
        self.claim = ClaimBy(place.claim_by).label
        self.phone = place.claim_phone
        self.email = place.claim_email
        self.notes = place.notes
        self.until = describe_until(place.offered_until)
        self.distance = describe_distance(distance)


def place_cards(places, distances=None) -> list[PlaceCard]:
    """Cards for places (shown.ShownPlace), with each one's distance if known."""
    if not distances:
        return [_card(place) for place in places]
    cards = []
    for place, miles in zip(places, distances, strict=True):
        card = copy.copy(_card(place))
        card.distance = describe_distance(miles)
        cards.append(card)
    return cards


@functools.lru_cache(maxsize=4096)
def _card(place: ShownPlace) -> PlaceCard:
    """A place's card with no distance: the same place always reads the same (never changed:
    copied to add a distance)."""
    return PlaceCard(place)


def email_lines(place) -> list[str]:
    """A place in an alert's email, as plain text."""
    card = PlaceCard(place)
    claim = " or ".join(filter(None, (card.phone, card.email)))
    return [
        f"{card.service_name} ({card.provider})",
        f"{card.when}: {card.places}, {card.ages.lower()}, {card.kind.lower()}",
        f"{card.claim}: {claim}. Offered until {card.until}.",
    ]

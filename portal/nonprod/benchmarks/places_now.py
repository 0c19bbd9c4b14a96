"""What the Places now benchmark adds to a directory at scale: new short-notice places on
random published services, and confirmed alerts with searches like families' (an age, a need,
a kind of break, an area or a postcode, in random combinations)."""

import datetime as dt
import random

from django.utils import timezone

from directory.models import AgeBand, BreakKind, Locality, Need, Service
from directory.short_notice.models import Alert, ShortNoticePlace

POSTCODES = ("DT1 1XJ", "DT4 7TQ", "BH19 1AB")


def add_places(count: int, *, seed: int = 2) -> int:
    """`count` open places in the next 14 days, on random published services, each of one of
    its service's kinds."""
    rng = random.Random(seed)  # noqa: S311 (made-up data, not secrets)
    today, now = timezone.localdate(), timezone.now()

    def place(service_id, kind_id):
        starts_on = today + dt.timedelta(days=rng.randrange(1, 15))
        return ShortNoticePlace(
            service_id=service_id,
            kind_id=kind_id,
            starts_on=starts_on,
            offered_until=now + dt.timedelta(days=(starts_on - today).days - 1, hours=20),
        )

    return _add(count, rng, place)


def add_history(count: int, *, seed: int = 4) -> int:
    """`count` places of the past year, as the report keeps them: taken, withdrawn, or left
    open until they started."""
    rng = random.Random(seed)  # noqa: S311 (made-up data, not secrets)
    today, now = timezone.localdate(), timezone.now()

    def place(service_id, kind_id):
        days_ago = rng.randrange(1, 366)
        return ShortNoticePlace(
            service_id=service_id,
            kind_id=kind_id,
            starts_on=today - dt.timedelta(days=days_ago),
            offered_until=now - dt.timedelta(days=days_ago, hours=4),
            status=rng.choice(("taken", "taken", "withdrawn", "open")),
        )

    return _add(count, rng, place)


def _add(count: int, rng: random.Random, place) -> int:
    """`count` places made by `place(service id, kind id)` on random published services, each
    of one of its service's kinds, with times, places and how to claim filled in."""
    kinds = {}
    through = Service.kinds.through.objects.filter(service__status="published")
    for service_id, kind_id in through.values_list("service_id", "breakkind_id"):
        kinds.setdefault(service_id, []).append(kind_id)
    services = sorted(kinds)
    places = []
    for _ in range(count):
        service_id = rng.choice(services)
        made = place(service_id, rng.choice(kinds[service_id]))
        made.start_time = dt.time(rng.choice((9, 10, 13, 16)))
        made.end_time = dt.time(rng.choice((15, 17, 20)))
        made.places = rng.randrange(1, 4)
        made.claim_by = "first_to_call"
        made.claim_phone = "01632 960 000"
        places.append(made)
    ShortNoticePlace.objects.bulk_create(places, batch_size=1000)
    return count


def random_search(rng: random.Random, lists: dict) -> str:
    """A query string of a family's search: two to four of its questions."""
    questions = [
        lambda: [("age", str(rng.randrange(0, 19)))],
        lambda: [("need", rng.choice(lists["needs"]))],
        lambda: [("kind", rng.choice(lists["kinds"]))],
        lambda: [("locality", rng.choice(lists["localities"]))],
        lambda: [("age_band", rng.choice(lists["age_bands"]))],
        lambda: [("postcode", rng.choice(POSTCODES)), ("distance", rng.choice(("5", "10")))],
    ]
    pairs = []
    for ask in rng.sample(questions, rng.randrange(2, 5)):
        pairs += ask()
    return "&".join(f"{name}={value.replace(' ', '+')}" for name, value in sorted(pairs))


def add_alerts(count: int, *, seed: int = 3) -> int:
    """`count` confirmed alerts, immediate and daily, confirmed a moment ago."""
    rng = random.Random(seed)  # noqa: S311 (made-up data, not secrets)
    lists = {
        "needs": list(Need.objects.values_list("code", flat=True)),
        "kinds": list(BreakKind.objects.values_list("code", flat=True)),
        "localities": list(Locality.objects.values_list("code", flat=True)),
        "age_bands": list(AgeBand.objects.values_list("code", flat=True)),
    }
    confirmed = timezone.now()
    Alert.objects.bulk_create(
        (
            Alert(
                email=f"family{number}@example.com",
                search=random_search(rng, lists),
                frequency=rng.choice(("immediate", "daily")),
                confirmed_at=confirmed,
                renewed_at=confirmed,
                last_sent_at=confirmed - dt.timedelta(days=1),  # the daily ones are due too
            )
            for number in range(count)
        ),
        batch_size=1000,
    )
    return count

"""Which places families see: open, not started, offer not over, on a live service, in the
next 14 days, soonest first. Expired places drop out by query, with no job to run."""

import datetime as dt

import time_machine
from django.utils import timezone

from directory.short_notice.models import ShortNoticePlace
from tests.factories import ShortNoticePlaceFactory


def soon():
    return list(ShortNoticePlace.objects.soon(timezone.now()))


def test_places_show_soonest_first_within_14_days(world):
    today = timezone.localdate()
    later = ShortNoticePlaceFactory(
        service=world.services.swimming,
        starts_on=today + dt.timedelta(days=14),
        offered_until=timezone.now() + dt.timedelta(days=13),
    )
    first = ShortNoticePlaceFactory(service=world.services.saturday_club, starts_on=today)
    ShortNoticePlaceFactory(
        service=world.services.swimming,
        starts_on=today + dt.timedelta(days=15),
        offered_until=timezone.now() + dt.timedelta(days=14),
    )

    assert soon() == [first, later]


def test_a_place_disappears_when_its_offer_ends_or_it_starts(world):
    place = ShortNoticePlaceFactory(
        service=world.services.saturday_club,
        offered_until=timezone.now() + dt.timedelta(days=3),
        starts_on=timezone.localdate() + dt.timedelta(days=5),
    )
    assert soon() == [place]

    with time_machine.travel(timezone.now() + dt.timedelta(days=3, minutes=1)):
        assert soon() == []

    place.offered_until = timezone.now() + dt.timedelta(days=10)
    place.save()
    with time_machine.travel(timezone.now() + dt.timedelta(days=6)):
        assert soon() == []  # started yesterday


def test_places_offered_from_a_day_leave_out_taken_withdrawn_and_earlier_ones(world):
    # What the places page's cache watches (open_places): every place that may be open that
    # day, not the years of closed ones the report keeps.
    today = timezone.localdate()
    offered = ShortNoticePlaceFactory(service=world.services.saturday_club, starts_on=today)
    for status in ("taken", "withdrawn"):
        ShortNoticePlaceFactory(service=world.services.swimming, starts_on=today, status=status)
    ShortNoticePlaceFactory(service=world.services.swimming, starts_on=today - dt.timedelta(1))

    assert list(ShortNoticePlace.objects.offered_from(today)) == [offered]


def test_a_place_on_a_service_taken_off_the_directory_is_not_shown(world, place):
    place.service.status = "archived"
    place.service.save()

    assert soon() == []


def test_a_provider_user_sees_only_its_organisations_places(world, own_service, people):
    own = ShortNoticePlaceFactory(service=own_service)
    ShortNoticePlaceFactory(service=world.services.swimming)

    assert list(ShortNoticePlace.objects.visible_to(people["provider"])) == [own]
    assert ShortNoticePlace.objects.visible_to(people["editor"]).count() == 2

"""The places' facts each process keeps between requests: read again when a place is posted,
changed, taken or deleted, when the directory changes or the day turns; an ended offer drops
out without a write."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from directory.data_version import read as read_version
from directory.short_notice import open_places
from directory.short_notice.holes import services_places
from directory.short_notice.services import place_mark_taken, place_save, place_withdraw
from tests.factories import ShortNoticePlaceFactory


@pytest.fixture(autouse=True)
def fresh():
    open_places.forget()
    yield
    open_places.forget()


def _ids(now=None):
    return open_places.open_soon(now or timezone.now(), read_version()).ids


def test_kept_facts_cost_one_query_and_a_new_place_shows_at_once(
    world, place, django_assert_num_queries
):
    assert _ids() == [place.pk]
    with django_assert_num_queries(2):  # the version, the places' marker
        assert _ids() == [place.pk]

    later = ShortNoticePlaceFactory(
        service=world.services.saturday_club,
        kind=world.kinds.saturday,
        starts_on=place.starts_on + dt.timedelta(days=1),
    )

    assert _ids() == [place.pk, later.pk]


def test_a_place_taken_or_deleted_leaves_at_once(world, place, people):
    other = ShortNoticePlaceFactory(service=world.services.saturday_club, kind=world.kinds.saturday)
    assert set(_ids()) == {place.pk, other.pk}

    place_mark_taken(place=place, by=people["editor"])
    assert _ids() == [other.pk]

    other.delete()
    assert _ids() == []


def test_a_change_to_a_place_is_read_again(world, place, people):
    facts = open_places.open_soon(timezone.now(), read_version())
    assert int(facts.needs[0]) == world.services.saturday_club.needs_mask

    place_save(place=place, needs=[world.needs.autism], by=people["editor"])

    facts = open_places.open_soon(timezone.now(), read_version())
    assert int(facts.needs[0]) == 1 << world.needs.autism.bit


def test_an_ended_offer_drops_out_with_no_write(place):
    assert _ids() == [place.pk]

    assert _ids(place.offered_until + dt.timedelta(seconds=1)) == []


def test_the_next_day_reads_the_places_again(place):
    assert _ids() == [place.pk]

    # The day the place starts: no longer "from tomorrow", still open until it starts.
    with time_machine.travel(place.offered_until - dt.timedelta(minutes=1), tick=False):
        assert _ids() == [place.pk]
    with time_machine.travel(
        timezone.make_aware(
            dt.datetime.combine(place.starts_on + dt.timedelta(days=1), dt.time(9))
        ),
        tick=False,
    ):
        assert _ids() == []


def test_a_change_to_the_directory_is_read_again(world, place):
    assert _ids() == [place.pk]

    service = world.services.saturday_club
    service.status = "draft"
    service.save()

    assert _ids() == []


def test_a_place_withdrawn_as_another_is_posted_is_read_again(world, place, people):
    assert _ids() == [place.pk]

    place_withdraw(place=place, by=people["editor"])
    newer = ShortNoticePlaceFactory(service=world.services.saturday_club, kind=world.kinds.saturday)

    assert _ids() == [newer.pk]


def test_the_services_offering_places_follow_posting_and_taking(world, place, people):
    saturday_club = str(world.services.saturday_club.pk)
    assert open_places.services_offering(timezone.now()) == {saturday_club}

    swim = ShortNoticePlaceFactory(service=world.services.swimming)
    assert open_places.services_offering(timezone.now()) == {
        saturday_club,
        str(world.services.swimming.pk),
    }

    place_mark_taken(place=place, by=people["editor"])
    place_withdraw(place=swim, by=people["editor"])
    assert open_places.services_offering(timezone.now()) == set()


def test_a_page_of_services_with_no_places_asks_for_none(world, place, django_assert_num_queries):
    others = [world.services.swimming.pk, world.services.overnight.pk]
    open_places.services_offering(timezone.now())

    with django_assert_num_queries(1):  # the marker: none of them offers a place
        assert services_places(others) == {str(pk): "" for pk in others}
    with django_assert_num_queries(3):  # the marker, the place, its needs
        html = services_places([world.services.saturday_club.pk])
    assert "Places available at short notice" in html[str(world.services.saturday_club.pk)]

"""The places' facts each process keeps between requests: read again when a place is posted,
changed, taken or deleted, when the directory changes or the day turns; an ended offer drops
out without a write."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from directory import data_version
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
    return open_places.open_at(now or timezone.now(), data_version.current()).soon().ids


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
    facts = open_places.open_at(timezone.now(), data_version.current()).soon()
    assert int(facts.needs[0]) == world.services.saturday_club.needs_mask

    place_save(place=place, needs=[world.needs.autism], by=people["editor"])

    now = open_places.open_at(timezone.now(), data_version.current())
    assert int(now.soon().needs[0]) == 1 << world.needs.autism.bit
    assert now.shown([place.pk])[0].need_names == (world.needs.autism.name,)


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


def _offered(*services):
    found = open_places.open_at(timezone.now(), data_version.current()).of_services(
        [service.pk for service in services]
    )
    return {pk: [place.pk for place in places] for pk, places in found.items()}


def test_each_services_places_follow_posting_taking_and_ending(world, place, people):
    saturday_club, swimming = world.services.saturday_club, world.services.swimming
    assert _offered(saturday_club, swimming) == {
        str(saturday_club.pk): [place.pk],
        str(swimming.pk): [],
    }

    swim = ShortNoticePlaceFactory(service=swimming)
    assert _offered(saturday_club, swimming) == {
        str(saturday_club.pk): [place.pk],
        str(swimming.pk): [swim.pk],
    }

    place_mark_taken(place=place, by=people["editor"])
    assert _offered(saturday_club, swimming)[str(saturday_club.pk)] == []
    with time_machine.travel(swim.offered_until + dt.timedelta(seconds=1), tick=False):
        assert _offered(swimming) == {str(swimming.pk): []}  # no write: the offer ended
    place_withdraw(place=swim, by=people["editor"])
    assert _offered(saturday_club, swimming) == {
        str(saturday_club.pk): [],
        str(swimming.pk): [],
    }


def test_a_renamed_service_is_read_again(world, place):
    saturday_club = world.services.saturday_club
    assert _offered(saturday_club)[str(saturday_club.pk)] == [place.pk]

    saturday_club.name = "Saturday adventures"
    saturday_club.save()

    now = open_places.open_at(timezone.now(), data_version.current())
    found = now.of_services([saturday_club.pk])
    assert [shown.service_name for shown in found[str(saturday_club.pk)]] == ["Saturday adventures"]


def test_kept_places_cost_one_query_per_page(world, place, django_assert_num_queries):
    others = [world.services.swimming.pk, world.services.overnight.pk]
    version = data_version.current()
    # The marker; read once: the next days' places' facts and their needs, every open place
    # and their needs.
    with django_assert_num_queries(5):
        assert services_places(others, version=version) == {str(pk): "" for pk in others}

    with django_assert_num_queries(1):  # the marker
        html = services_places([world.services.saturday_club.pk, *others], version=version)
    assert "Places available at short notice" in html[str(world.services.saturday_club.pk)]
    assert [html[str(pk)] for pk in others] == ["", ""]

"""Posting, taking and withdrawing places: who may, and what bad input gets."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from directory.short_notice.models import PlaceStatus, ShortNoticePlace
from directory.short_notice.services import place_mark_taken, place_save, place_withdraw
from tests.factories import ShortNoticePlaceFactory

TOMORROW = dt.timedelta(days=1)


def new_place(service, kind, **fields):
    values = {
        "starts_on": timezone.localdate() + TOMORROW,
        "start_time": dt.time(10),
        "end_time": dt.time(16),
        "places": 2,
        "claim_by": "phone",
        "claim_phone": "01305 221000",
        "offered_until": timezone.now() + dt.timedelta(hours=12),
    }
    return ShortNoticePlace(service=service, kind=kind, **(values | fields))


def test_a_provider_user_posts_a_place_on_its_own_service(world, own_service, people):
    place = place_save(
        place=new_place(own_service, world.kinds.saturday),
        needs=[world.needs.autism],
        by=people["provider"],
    )

    place.refresh_from_db()
    assert place.status == PlaceStatus.OPEN
    assert place.posted_by == people["provider"]
    assert list(place.needs.all()) == [world.needs.autism]
    assert ShortNoticePlace.objects.open_at(timezone.now()).get() == place


def test_a_provider_user_cannot_post_on_another_organisations_service(world, own_service, people):
    other = world.services.swimming

    with pytest.raises(PermissionDenied):
        place_save(place=new_place(other, world.kinds.swimming), needs=[], by=people["provider"])

    assert not ShortNoticePlace.objects.exists()


def test_an_editor_posts_on_any_live_service_but_not_a_draft(world, people):
    place_save(
        place=new_place(world.services.swimming, world.kinds.swimming),
        needs=[],
        by=people["editor"],
    )
    with pytest.raises(PermissionDenied):
        place_save(
            place=new_place(world.services.draft, world.kinds.swimming),
            needs=[],
            by=people["editor"],
        )

    assert ShortNoticePlace.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        pytest.param(
            {"starts_on": dt.date(2020, 1, 1)}, "starts_on", "today or in the future", id="past"
        ),
        pytest.param({"places": 0}, "places", "", id="no-places"),
        pytest.param(
            {"offered_until": timezone.now() - dt.timedelta(minutes=1)},
            "offered_until",
            "end in the future",
            id="offer-already-over",
        ),
        pytest.param(
            {"ends_on": timezone.localdate()}, "ends_on", "same as or after", id="ends-before"
        ),
        pytest.param(
            {"starts_on": timezone.localdate() + dt.timedelta(days=200)},
            "starts_on",
            "90 days",
            id="too-far-ahead",
        ),
        pytest.param({"min_age": 3}, "min_age", "within the service's", id="younger-than-service"),
        pytest.param({"max_age": 17}, "min_age", "within the service's", id="older-than-service"),
        pytest.param({"claim_phone": ""}, "claim_phone", "phone number", id="no-phone-to-call"),
        pytest.param(
            {"claim_by": "email"}, "claim_email", "email address", id="no-email-to-write-to"
        ),
    ],
)
def test_a_bad_place_gets_a_clear_error_and_writes_nothing(
    world, own_service, people, fields, field, message
):
    with pytest.raises(ValidationError) as error:
        place_save(
            place=new_place(own_service, world.kinds.saturday, **fields),
            needs=[],
            by=people["provider"],
        )

    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert not ShortNoticePlace.objects.exists()


def test_a_place_names_only_the_services_kinds_and_needs(world, own_service, people):
    with pytest.raises(ValidationError) as error:
        place_save(
            place=new_place(own_service, world.kinds.overnight),
            needs=[world.needs.physical],
            by=people["provider"],
        )

    assert set(error.value.message_dict) == {"kind", "needs"}
    assert not ShortNoticePlace.objects.exists()


def test_taken_and_withdrawn_places_leave_the_families_pages_at_once(world, own_service, people):
    taken = ShortNoticePlaceFactory(service=own_service)
    withdrawn = ShortNoticePlaceFactory(service=own_service)

    assert place_mark_taken(place=taken, by=people["provider"])
    assert place_withdraw(place=withdrawn, by=people["editor"])

    assert taken.status == PlaceStatus.TAKEN and taken.closed_by == people["provider"]
    assert withdrawn.status == PlaceStatus.WITHDRAWN and withdrawn.closed_by == people["editor"]
    assert not ShortNoticePlace.objects.open_at(timezone.now()).exists()
    assert not place_withdraw(place=taken, by=people["editor"])  # already closed: as it was
    taken.refresh_from_db()
    assert taken.status == PlaceStatus.TAKEN


def test_a_provider_user_cannot_close_another_organisations_place(world, own_service, people):
    other = ShortNoticePlaceFactory(service=world.services.swimming)

    with pytest.raises(PermissionDenied):
        place_withdraw(place=other, by=people["provider"])

    other.refresh_from_db()
    assert other.status == PlaceStatus.OPEN

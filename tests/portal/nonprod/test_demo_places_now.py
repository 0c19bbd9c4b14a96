"""The demo council's short-notice places: a few open in the coming days, some past ones for
the report, the same after seeding again."""

import pytest
from django.utils import timezone

from directory.short_notice.models import ShortNoticePlace
from portal.nonprod.demo.directory import seed_directory
from portal.nonprod.demo.geography import seed_geography
from portal.nonprod.demo.places_now import PLACES, seed_places_now


@pytest.mark.django_db
def test_the_demo_has_places_soon_and_past_ones_and_seeds_again(client, council):
    services = seed_directory(seed_geography())

    seed_places_now(services)
    seed_places_now(services)

    assert ShortNoticePlace.objects.count() == len(PLACES)
    assert ShortNoticePlace.objects.soon(timezone.now()).count() == 5
    assert "5 places in the next 14 days" in client.get("/places/").content.decode()

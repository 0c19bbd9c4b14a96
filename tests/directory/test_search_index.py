"""The search index (directory.search_index): the published services as bit sets, orders,
venue links and sessions, kept per process and brought up to date from the change log that
migration 0017's triggers write, built again only when that log cannot be followed."""

import math

import pytest
from django.db import connection, transaction

from directory import search_index, services
from directory.distance import Point, miles_between
from directory.models import (
    Provider,
    SearchIndexChange,
    SearchIndexVersion,
    Service,
    ServiceLocation,
)
from directory.querysets import FilterOptions
from directory.search_index import SearchIndex, bits_of, flags_of, positions_of
from tests.directory.conftest import MILE, ORIGIN
from tests.factories import ServiceFactory, VenueFactory

PUBLISHED = ["Harbour House", "Home Sitters", "Rainbow Saturday Club", "Splash Swimming"]


def pk_of(key):
    return Service._meta.pk.to_python(key)


def names_of(index: SearchIndex, members: int) -> list[str]:
    """The names of the services in a set, by name."""
    positions = index.in_order(members, "name")
    ids = [pk_of(index.keys[position]) for position in positions]
    by_id = dict(Service.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [by_id[pk] for pk in ids]


def no_rebuild(monkeypatch):
    def build(alias="default"):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(search_index, "build", build)


# ---------------------------------------------------------------------------- bit sets


@pytest.mark.parametrize(
    ("flags", "members"),
    [
        pytest.param([], 0, id="empty"),
        pytest.param([False, False, False], 0, id="none_set"),
        pytest.param([True, False, 1, 0, 0, True], 0b100101, id="bools_and_ints"),
        pytest.param([False] * 8 + [True], 1 << 8, id="past_the_first_byte"),
        pytest.param([True] * 70, (1 << 70) - 1, id="past_64_bits"),
    ],
)
def test_bit_sets_round_trip_flags_and_positions(flags, members):
    size = len(flags)

    assert bits_of(flags) == members
    assert flags_of(members, size).tolist() == [bool(flag) for flag in flags]
    assert positions_of(members, size).tolist() == [p for p, flag in enumerate(flags) if flag]


def test_a_set_is_read_as_long_as_the_size_asked():
    assert flags_of(0b101, 5).tolist() == [True, False, True, False, False]
    assert positions_of(0b101, 0).tolist() == []


# ---------------------------------------------------------------------------- what it holds


def test_it_holds_the_published_services_only(world):
    index = search_index.build()

    assert index.size == 4
    assert names_of(index, index.live) == PUBLISHED
    assert index.version == SearchIndex(*search_index.read_version()).version


@pytest.mark.parametrize(
    ("youngest", "oldest", "expected"),
    [
        (4, 4, ["Home Sitters", "Splash Swimming"]),
        (5, 5, ["Home Sitters", "Rainbow Saturday Club", "Splash Swimming"]),
        (11, 11, PUBLISHED),
        (18, 18, ["Home Sitters", "Splash Swimming"]),
        (19, 19, ["Home Sitters"]),
        (17, 18, ["Harbour House", "Home Sitters", "Splash Swimming"]),
        (-3, 2, ["Home Sitters"]),
        (19, 400, ["Home Sitters"]),
    ],
)
def test_ages_include_both_ends_of_a_services_range(world, youngest, oldest, expected):
    index = search_index.build()

    assert names_of(index, index.for_ages(youngest, oldest)) == expected


def test_list_terms_combine_with_any_of_or_all_of(world):
    index = search_index.build()
    autism, physical = world.needs.autism.mask, world.needs.physical.mask

    assert names_of(index, index.any_of("needs", autism)) == [
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
    ]
    assert names_of(index, index.any_of("needs", autism | physical)) == PUBLISHED
    assert names_of(index, index.all_of("needs", autism | physical)) == ["Harbour House"]
    assert names_of(index, index.any_of("localities", world.localities.away.mask)) == [
        "Harbour House"
    ]
    assert index.any_of("needs", 1 << 40) == 0  # a term no service has


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("day_5", ["Rainbow Saturday Club"]),
        ("day_4", ["Harbour House", "Home Sitters"]),
        ("time_weekends", ["Rainbow Saturday Club"]),
        ("time_overnight", ["Harbour House"]),
        ("time_evenings", ["Harbour House", "Home Sitters"]),
        ("tier_targeted", ["Home Sitters", "Rainbow Saturday Club"]),
        ("free", ["Splash Swimming"]),
        ("direct_payments", ["Splash Swimming"]),
        ("places", ["Home Sitters", "Rainbow Saturday Club"]),
        ("no_venue", ["Home Sitters"]),
        ("no-such-option", []),
    ],
)
def test_each_option_holds_the_services_with_it(world, option, expected):
    index = search_index.build()

    assert names_of(index, index.option(option)) == expected


def test_venue_accessibility_needs_one_venue_with_every_feature(world):
    hoist, toilet = world.features.hoist, world.features.toilet
    # A hoist at one venue and a Changing Places toilet at another: never both at one.
    ServiceFactory(
        name="Two Halls Club",
        venues=[world.venues.middle, VenueFactory(features=[toilet])],
    )
    index = search_index.build()

    assert names_of(index, index.at_venue_with_all(hoist.mask)) == [
        "Rainbow Saturday Club",
        "Splash Swimming",
        "Two Halls Club",
    ]
    assert names_of(index, index.at_venue_with_all(toilet.mask)) == [
        "Rainbow Saturday Club",
        "Two Halls Club",
    ]
    assert names_of(index, index.at_venue_with_all(hoist.mask | toilet.mask)) == [
        "Rainbow Saturday Club"
    ]


def at(hours, minutes=0):
    return hours * 60 + minutes


@pytest.mark.parametrize(
    ("weekday", "starts_from", "ends_by", "expected"),
    [
        pytest.param(None, None, None, PUBLISHED, id="any_session"),
        pytest.param(4, None, None, ["Harbour House", "Home Sitters"], id="on_a_day"),
        pytest.param(None, at(17), None, ["Home Sitters", "Splash Swimming"], id="starting_from"),
        pytest.param(
            None,
            None,
            at(18, 30),
            ["Rainbow Saturday Club", "Splash Swimming"],
            id="ending_by_inclusive",
        ),
        pytest.param(4, at(16), at(22), ["Home Sitters"], id="overnight_never_ends_by_evening"),
        pytest.param(4, at(16), None, ["Harbour House", "Home Sitters"], id="overnight_starts"),
        pytest.param(5, at(10), at(14), ["Rainbow Saturday Club"], id="exactly_the_session"),
        pytest.param(5, at(10, 1), None, [], id="one_minute_late"),
        pytest.param(2, at(9), at(14), [], id="ending_too_late"),
    ],
)
def test_session_times_need_one_session_meeting_every_limit(
    world, weekday, starts_from, ends_by, expected
):
    index = search_index.build()

    assert names_of(index, index.in_session_times(weekday, starts_from, ends_by)) == expected


def test_links_near_a_point_are_those_the_flat_earth_distance_puts_within_reach(world):
    origin = Point(*ORIGIN)
    scale = math.cos(math.radians(ORIGIN[0]))
    # North, east and diagonally, each just inside or outside 1, 5 and 20 miles: the
    # diagonals just outside are inside the box the search looks in first.
    offsets = [
        (miles * dy / math.hypot(dy, dx), miles * dx / math.hypot(dy, dx))
        for miles in (0.9, 1.1, 4.9, 5.1, 19.5, 20.5)
        for dy, dx in ((1, 0), (0, 1), (1, 1), (-1, -1))
    ]
    venues = [
        VenueFactory(latitude=ORIGIN[0] + north * MILE, longitude=ORIGIN[1] + east * MILE / scale)
        for north, east in offsets
    ]
    ServiceFactory(name="Everywhere Club", venues=venues)
    index = search_index.build()
    links = index.links
    latitudes, longitudes = links.latitudes.view(), links.longitudes.view()

    for miles in (1, 5, 20):
        near, distance_sq = links.near(origin, miles)

        expected = [
            i
            for i in range(len(links.keys))
            if miles_between(origin, Point(latitudes[i], longitudes[i])) <= miles
        ]
        assert sorted(near.tolist()) == expected, miles
        for i, squared in zip(near, distance_sq, strict=True):
            distance = miles_between(origin, Point(latitudes[i], longitudes[i]))
            assert math.sqrt(squared) == pytest.approx(distance)
    near, _ = links.near(origin, 1)
    within_a_mile = {world.venues.near.pk} | {
        venue.pk for venue, offset in zip(venues, offsets, strict=True) if math.hypot(*offset) < 1
    }
    link_ids = [pk_of(links.keys[i]) for i in near]
    venue_of = dict(ServiceLocation.objects.values_list("pk", "venue_id"))
    assert sorted(venue_of[pk] for pk in link_ids) == sorted(within_a_mile)


# ---------------------------------------------------------------------------- orders


def test_most_recently_checked_first_never_checked_last_then_by_name(world):
    Service.objects.filter(pk=world.services.overnight.pk).update(last_checked_on=None)
    Service.objects.filter(pk=world.services.swimming.pk).update(last_checked_on="2026-11-01")
    Service.objects.filter(pk=world.services.saturday_club.pk).update(last_checked_on="2026-10-01")
    Service.objects.filter(pk=world.services.sitter.pk).update(last_checked_on="2026-10-01")
    index = search_index.build()

    checked = [pk_of(index.keys[p]) for p in index.in_order(index.live, "checked")]

    by_id = dict(Service.objects.values_list("pk", "name"))
    assert [by_id[pk] for pk in checked] == [
        "Splash Swimming",
        "Home Sitters",  # the same day as the club: by name
        "Rainbow Saturday Club",
        "Harbour House",
    ]


def test_a_removed_service_leaves_the_live_set_and_the_orders(world):
    index = search_index.build()

    index.remove(world.services.sitter.pk)
    index.remove(world.services.draft.pk)  # never in it: nothing happens

    assert index.size == 4  # positions are never reused
    assert names_of(index, index.live) == [
        "Harbour House",
        "Rainbow Saturday Club",
        "Splash Swimming",
    ]
    assert names_of(index, index.option("no_venue")) == []
    assert len(index.in_order((1 << index.size) - 1, "name")) == 3


# ---------------------------------------------------------------------------- kept up to date


def test_a_kept_index_at_the_current_version_costs_no_query(world, django_assert_num_queries):
    version = FilterOptions.load().index_version
    with search_index.reading(version) as first:
        pass

    with django_assert_num_queries(0), search_index.reading(version) as again:
        assert again is first


def test_a_change_is_applied_at_a_new_position_without_building_again(world, monkeypatch):
    index = search_index.build()
    old_position = index.in_order(index.option("free"), "name")[0]
    no_rebuild(monkeypatch)

    Service.objects.filter(pk=world.services.swimming.pk).update(name="Aardvark Pool")
    caught_up = search_index.catch_up(index)

    assert caught_up is index
    assert index.version == search_index.read_version()
    assert index.size == 5 and not index.live >> int(old_position) & 1
    assert names_of(index, index.live) == [
        "Aardvark Pool",  # first by name now
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
    ]
    assert names_of(index, index.option("free")) == ["Aardvark Pool"]
    assert [pk_of(index.keys[p]) for p in index.in_order(index.live, "name")][0] == (
        world.services.swimming.pk
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda world: ServiceFactory(name="Aardvark Club"),
            ["Aardvark Club", *PUBLISHED],
            id="a_new_service",
        ),
        pytest.param(
            lambda world: Service.objects.filter(pk=world.services.swimming.pk).update(
                status="draft"
            ),
            ["Harbour House", "Home Sitters", "Rainbow Saturday Club"],
            id="unpublished",
        ),
        pytest.param(
            lambda world: Service.objects.filter(pk=world.services.draft.pk).update(
                status="published"
            ),
            [*PUBLISHED[:3], "Splash Swimming", "Unfinished Club"],
            id="published",
        ),
        pytest.param(
            lambda world: world.services.swimming.delete(),
            ["Harbour House", "Home Sitters", "Rainbow Saturday Club"],
            id="deleted",
        ),
    ],
)
def test_every_change_to_the_services_is_caught_up(world, monkeypatch, change, expected):
    index = search_index.build()
    no_rebuild(monkeypatch)

    change(world)

    assert search_index.catch_up(index) is index
    assert names_of(index, index.live) == expected
    assert index.version == search_index.read_version()


def test_a_venue_that_moves_takes_its_services_with_it(world, monkeypatch):
    index = search_index.build()
    no_rebuild(monkeypatch)
    venue = world.venues.far
    venue.latitude, venue.longitude = ORIGIN

    services.venue_save(venue=venue)
    search_index.catch_up(index)

    near, _ = index.links.near(Point(*ORIGIN), 1)
    positions = index.links.positions.view()[near]
    assert names_of(index, index.of_positions(positions) & index.live) == [
        "Harbour House",
        "Rainbow Saturday Club",
    ]


def test_a_change_to_other_published_data_moves_the_version_and_no_service(world, monkeypatch):
    index = search_index.build()
    no_rebuild(monkeypatch)
    provider = world.services.swimming.provider

    Provider.objects.filter(pk=provider.pk).update(phone="01632 960999")

    assert search_index.catch_up(index) is index
    assert index.version == search_index.read_version()
    assert index.size == 4


def rolled_back(index, world):
    """The index saw a write that was then rolled back."""
    try:
        with transaction.atomic():
            Service.objects.filter(pk=world.services.swimming.pk).update(status="draft")
            search_index.catch_up(index)
            assert "Splash Swimming" not in names_of(index, index.live)
            raise RuntimeError("roll back")
    except RuntimeError:
        pass


def pruned(index, world):
    """The log no longer reaches back to the index's version."""
    Service.objects.filter(pk=world.services.swimming.pk).update(status="draft")
    SearchIndexChange.objects.filter(seq__lte=index.seq).delete()


def reset(index, world):
    """A table was emptied (PostgreSQL's TRUNCATE triggers log a reset)."""
    Service.objects.filter(pk=world.services.swimming.pk).update(status="draft")
    version = SearchIndexVersion.objects.get()
    SearchIndexChange.objects.create(
        seq=version.seq, token=version.token, kind=SearchIndexChange.Kind.RESET
    )


def ahead(index, world):
    """The index is at a version later than the database's."""
    index.seq += 5


@pytest.mark.parametrize("history", [rolled_back, pruned, reset, ahead])
def test_an_index_that_cannot_follow_the_log_is_built_again(world, history):
    index = search_index.build()

    history(index, world)
    caught_up = search_index.catch_up(index)

    assert caught_up is not index
    assert caught_up.version == search_index.read_version()
    assert names_of(caught_up, caught_up.live) == [
        name for name in PUBLISHED if Service.objects.filter(name=name, status="published").exists()
    ]


def test_an_emptied_table_makes_the_index_build_again(world):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's TRUNCATE triggers; SQLite has no TRUNCATE")
    index = search_index.build()

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's own inserts, checked
        cursor.execute("TRUNCATE directory_servicelocation")
    caught_up = search_index.catch_up(index)

    assert caught_up is not index
    assert caught_up.version == search_index.read_version()
    assert names_of(caught_up, caught_up.live) == PUBLISHED
    assert len(caught_up.links.keys) == 0  # no venue link was logged, but none is left


def test_forget_drops_the_processs_index(world):
    version = FilterOptions.load().index_version
    with search_index.reading(version) as first:
        pass

    search_index.forget()

    with search_index.reading(version) as again:
        assert again is not first
        assert names_of(again, again.live) == PUBLISHED


def test_a_new_database_has_a_version_before_its_first_write(db):
    version = SearchIndexVersion.objects.get()

    assert version.token
    assert FilterOptions.load().index_version == (version.seq, version.token)

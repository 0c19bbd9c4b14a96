"""Reading the directory: each queryset method against the hand-made world."""

import pytest

from directory import full_text, services
from directory.distance import Point
from directory.models import Postcode, ProposedChange, Provider, Service, ServiceLocation, Venue
from directory.postcodes import parse_postcode
from directory.querysets import FilterOptions
from directory.querysets.services import ListingDetails, with_listing_details
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER
from tests.directory.conftest import ORIGIN
from tests.factories import (
    ProposedChangeFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
    VenueFactory,
)


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def test_published_leaves_out_drafts_and_archived_services(world):
    assert names(Service.objects.published()) == [
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
        "Splash Swimming",
    ]


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (4, ["Home Sitters", "Splash Swimming"]),
        (5, ["Home Sitters", "Rainbow Saturday Club", "Splash Swimming"]),
        (11, ["Harbour House", "Home Sitters", "Rainbow Saturday Club", "Splash Swimming"]),
        (18, ["Home Sitters", "Splash Swimming"]),
        (19, ["Home Sitters"]),
    ],
)
def test_for_age_includes_both_ends_of_a_services_range(world, age, expected):
    assert names(Service.objects.published().for_age(age)) == expected


def test_for_ages_finds_services_open_to_any_age_in_a_band(world):
    assert names(Service.objects.published().for_ages(17, 18)) == [
        "Harbour House",
        "Home Sitters",
        "Splash Swimming",
    ]


def test_masked_filters_match_any_of_the_terms(world):
    published = Service.objects.published()
    autism, physical = world.needs.autism, world.needs.physical

    assert names(published.with_any_need(autism.mask)) == [
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
    ]
    assert names(published.with_any_need(autism.mask | physical.mask)) == names(published)
    assert names(published.with_any_kind(world.kinds.saturday.mask)) == ["Rainbow Saturday Club"]
    assert names(published.in_localities(world.localities.away.mask)) == ["Harbour House"]


def test_simple_filters(world):
    published = Service.objects.published()

    assert names(published.in_tiers(["specialist", "universal"])) == [
        "Harbour House",
        "Splash Swimming",
    ]
    assert names(published.free()) == ["Splash Swimming"]
    assert names(published.accepting_direct_payments()) == ["Splash Swimming"]
    assert names(published.with_places()) == ["Home Sitters", "Rainbow Saturday Club"]


def test_days_and_times_come_from_the_sessions(world):
    published = Service.objects.published()

    assert names(published.on_any_day([5])) == ["Rainbow Saturday Club"]
    assert names(published.on_any_day([2, 4])) == [
        "Harbour House",
        "Home Sitters",
        "Splash Swimming",
    ]
    assert names(published.at_any_time(["weekends"])) == ["Rainbow Saturday Club"]
    assert names(published.at_any_time(["overnight"])) == ["Harbour House"]
    assert names(published.at_any_time(["evenings"])) == ["Harbour House", "Home Sitters"]


def test_venue_accessibility_needs_one_venue_with_every_feature(world):
    published = Service.objects.published()

    assert names(published.at_venue_with_all_features(["hoist"])) == [
        "Rainbow Saturday Club",
        "Splash Swimming",
    ]
    assert names(published.at_venue_with_all_features(["hoist", "changing-places"])) == [
        "Rainbow Saturday Club",
    ]


def test_near_finds_the_venue_links_within_the_distance(world):
    near = ServiceLocation.objects.near(Point(*ORIGIN), 5)

    assert set(near.values_list("venue_id", flat=True)) == {
        world.venues.near.pk,
        world.venues.middle.pk,
    }
    one_mile = ServiceLocation.objects.near(Point(*ORIGIN), 1)
    assert list(one_mile.values_list("venue_id", flat=True)) == [world.venues.near.pk]


def test_within_reach_adds_services_that_come_to_families_in_their_locality(world):
    origin = Point(*ORIGIN)
    published = Service.objects.published()

    assert names(published.within_reach(origin, 5)) == ["Rainbow Saturday Club", "Splash Swimming"]
    assert names(published.within_reach(origin, 1)) == ["Rainbow Saturday Club"]
    assert names(published.within_reach(origin, 5, locality_mask=world.localities.home.mask)) == [
        "Home Sitters",
        "Rainbow Saturday Club",
        "Splash Swimming",
    ]
    assert names(published.within_reach(origin, 5, locality_mask=world.localities.away.mask)) == [
        "Rainbow Saturday Club",
        "Splash Swimming",
    ]


def test_a_venue_that_moves_takes_its_services_with_it(world):
    venue = world.venues.far
    venue.latitude, venue.longitude = ORIGIN

    services.venue_save(venue=venue)

    assert names(Service.objects.published().within_reach(Point(*ORIGIN), 1)) == [
        "Harbour House",
        "Rainbow Saturday Club",
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("saturday", ["Rainbow Saturday Club"]),
        # A kind of break's name is searched too: the sitters are filed under sport.
        ("swim", ["Home Sitters", "Splash Swimming"]),
        ("lessons swimming", ["Splash Swimming"]),
        ("autism games", ["Rainbow Saturday Club"]),
        ("nurses", ["Harbour House"]),
        ("nothing matches this", []),
    ],
)
def test_matching_finds_services_with_every_word_stemmed(world, words, expected):
    assert names(Service.objects.published().matching(words)) == expected


def test_the_database_uses_its_own_full_text_search(db):
    engine = full_text.engine()

    assert engine in ("postgresql", "fts5")


def test_filter_options_load_every_list_in_order_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        options = FilterOptions.load()

    assert [band.code for band in options.age_bands] == ["0-4", "5-11", "12-16", "17-18", "19-25"]
    assert {"home", "away"} <= {term.code for term in options.localities}
    assert options.mask("needs", ["ASD"]) == world.needs.autism.mask
    assert options.mask("needs", ["no-such-need"]) == 0


def test_locate_prefers_the_full_postcode_then_the_district(world):
    Postcode.objects.filter(postcode="DT1 1XJ").update(latitude=50.9)

    assert Postcode.objects.locate(parse_postcode("DT1 1XJ"))[0] == 50.9
    assert Postcode.objects.locate(parse_postcode("DT1 9ZZ"))[0] == pytest.approx(ORIGIN[0])
    assert Postcode.objects.locate(parse_postcode("DT1"))[2] == world.localities.home.pk
    assert Postcode.objects.locate(parse_postcode("ZZ9 9ZZ")) is None


def test_listing_data_loads_a_page_in_a_fixed_number_of_queries(world, django_assert_num_queries):
    batch = ServiceFactory.create_batch(
        20, venues=[world.venues.near], kinds=[world.kinds.swimming]
    )
    published = Service.objects.published().filter(pk__in=[s.pk for s in batch])

    with django_assert_num_queries(3):
        services = published.listings()
        shown = [
            (s.provider.name, s.name, s.summary, s.tier, s.cost_unit, s.listing) for s in services
        ]

    assert len(shown) == 20
    assert {listing for *_, listing in shown} == {
        ListingDetails(
            kinds=(world.kinds.swimming.name,),
            places=(
                (world.venues.near.town, world.venues.near.latitude, world.venues.near.longitude),
            ),
        )
    }


def test_listing_details_give_kinds_in_display_order_and_nothing_for_no_services(
    world, django_assert_num_queries
):
    service = ServiceFactory(venues=[], kinds=[world.kinds.swimming, world.kinds.saturday])

    with django_assert_num_queries(0):
        assert with_listing_details([]) == []
    [listed] = with_listing_details([service])

    in_order = sorted(
        [world.kinds.swimming, world.kinds.saturday], key=lambda k: (k.position, k.name)
    )
    assert listed.listing.kinds == tuple(kind.name for kind in in_order)
    assert listed.listing.places == ()


# ---------------------------------------------------------------------- what a user may see

SCOPED_MODELS = [Provider, Venue, Service, ServiceLocation, ProposedChange]


@pytest.fixture
def two_providers(db):
    """Two providers, each with a venue, a service there and a change waiting to it."""
    for name in ("Ours", "Theirs"):
        provider = ProviderFactory(name=name)
        venue = VenueFactory(name=f"{name} Hall", provider=provider)
        service = ServiceFactory(name=f"{name} Club", provider=provider, venues=[venue])
        ProposedChangeFactory(service=service)
    return Provider.objects.get(name="Ours"), Provider.objects.get(name="Theirs")


def providers_seen(model, user) -> set[str]:
    """The names of the providers whose records of the model the user sees."""
    path = {
        Provider: "name",
        Venue: "provider__name",
        Service: "provider__name",
        ServiceLocation: "service__provider__name",
        ProposedChange: "service__provider__name",
    }[model]
    return set(model.objects.visible_to(user).values_list(path, flat=True))


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda model: model.__name__)
def test_a_provider_user_sees_only_its_own_providers_records(two_providers, model):
    ours, _ = two_providers
    user = UserFactory(roles=[PROVIDER])
    ours.users.add(user)

    assert providers_seen(model, user) == {"Ours"}


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda model: model.__name__)
def test_a_provider_user_linked_to_no_provider_sees_nothing(two_providers, model):
    assert providers_seen(model, UserFactory(roles=[PROVIDER])) == set()


@pytest.mark.parametrize(
    "who",
    [
        {"roles": [DIRECTORY_EDITOR]},
        {"roles": [COMMISSIONER]},
        {"roles": [PROVIDER, DIRECTORY_EDITOR]},
        {"is_superuser": True},
    ],
    ids=["editor", "commissioner", "provider and editor", "superuser"],
)
@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda model: model.__name__)
def test_the_councils_people_see_every_providers_records(two_providers, model, who):
    ours, _ = two_providers
    user = UserFactory(**who)
    ours.users.add(user)

    assert providers_seen(model, user) == {"Ours", "Theirs"}


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda model: model.__name__)
def test_no_one_signed_out_or_deactivated_sees_anything(two_providers, model):
    from django.contrib.auth.models import AnonymousUser

    inactive = UserFactory(is_superuser=True, is_active=False)

    assert providers_seen(model, AnonymousUser()) == set()
    assert providers_seen(model, inactive) == set()


def test_visible_to_chains_with_other_filters(two_providers):
    ours, theirs = two_providers
    user = UserFactory(roles=[PROVIDER])
    ours.users.add(user)
    ServiceFactory(name="Our Draft", provider=ours, status="draft")

    assert names(Service.objects.visible_to(user)) == ["Our Draft", "Ours Club"]
    assert names(Service.objects.published().visible_to(user)) == ["Ours Club"]
    assert names(Service.objects.visible_to(user).filter(provider=theirs)) == []

"""Reading the directory: each queryset method against the hand-made world."""

import datetime as dt
import uuid

import pytest

from directory.models import (
    Postcode,
    ProposedChange,
    Provider,
    SearchIndexVersion,
    Service,
    ServiceLocation,
    SynonymGroup,
    Venue,
)
from directory.postcodes import parse_postcode
from directory.querysets import FilterOptions
from directory.querysets.services import ListingDetails, with_listing_details
from directory.reviews import Cycle
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


def test_simple_filters(world):
    published = Service.objects.published()

    assert names(published.accepting_direct_payments()) == ["Splash Swimming"]
    assert names(published.with_places()) == ["Home Sitters", "Rainbow Saturday Club"]


def test_with_ids_finds_the_services_among_the_ids_whatever_their_status(world):
    chosen = [world.services.swimming.pk, world.services.draft.pk, uuid.uuid4()]

    assert names(Service.objects.with_ids(chosen)) == ["Splash Swimming", "Unfinished Club"]
    assert names(Service.objects.with_ids([])) == []


def test_filter_options_load_every_list_in_order_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        options = FilterOptions.load()

    assert [band.code for band in options.age_bands] == ["0-4", "5-11", "12-16", "17-18", "19-25"]
    assert {"home", "away"} <= {term.code for term in options.localities}
    assert options.mask("needs", ["ASD"]) == world.needs.autism.mask
    assert options.mask("needs", ["no-such-need"]) == 0
    version = SearchIndexVersion.objects.get()
    assert options.index_version == (version.seq, version.token)
    assert options.synonyms == tuple(sorted(SynonymGroup.objects.values_list("words", flat=True)))


def test_filter_options_carry_the_version_each_write_gives(world):
    before = FilterOptions.load().index_version

    Service.objects.filter(pk=world.services.swimming.pk).update(name="Splash Pool")

    after = FilterOptions.load().index_version
    assert after[0] > before[0] and after[1] != before[1]


# ---------------------------------------------------------------------- the review cycle

CYCLE = Cycle(today=dt.date(2026, 11, 22), months=12)  # overdue before 22 November 2025


@pytest.fixture
def checked(world):
    """The published services, each at a different place in the review cycle."""
    for service, day in [
        (world.services.swimming, None),  # never checked: overdue
        (world.services.saturday_club, dt.date(2025, 11, 21)),  # the day before: overdue
        (world.services.overnight, dt.date(2025, 11, 22)),  # the first day not overdue
        (world.services.sitter, dt.date(2025, 12, 22)),  # 30 days on: current
    ]:
        Service.objects.filter(pk=service.pk).update(last_checked_on=day)
    return Service.objects.published()


def test_each_listing_is_overdue_due_soon_or_current(checked):
    assert names(checked.review_overdue(CYCLE)) == ["Rainbow Saturday Club", "Splash Swimming"]
    assert names(checked.review_due_soon(CYCLE)) == ["Harbour House"]
    assert names(checked.review_current(CYCLE)) == ["Home Sitters"]


def test_review_counts_are_one_query(checked, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = checked.review_counts(CYCLE)

    assert counts == {"total": 4, "current": 1, "due_soon": 1, "overdue": 2}


# ---------------------------------------------------------------------- counts for the reports


def test_counts_where_counts_each_condition_in_one_query(world, django_assert_num_queries):
    conditions = {
        "free": ("is_free = %s", [True]),
        "18_and_over": ("max_age >= %s", [18]),
        "no_tier": ("tier = %s", ["no-such-tier"]),
    }

    with django_assert_num_queries(1):
        counts = Service.objects.published().counts_where(conditions)
    targeted = Service.objects.published().filter(tier="targeted").counts_where(conditions)

    assert counts == {"free": 1, "18_and_over": 2, "no_tier": 0}
    assert targeted == {"free": 0, "18_and_over": 1, "no_tier": 0}


def test_counts_by_counts_each_value(world):
    counts = {row["tier"]: row["count"] for row in Service.objects.published().counts_by("tier")}

    assert counts == {"targeted": 2, "universal": 1, "specialist": 1}


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

"""A results page from the search index keeps, counts and orders what the database would."""

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory import search_index
from directory.filters import ServiceFilter
from directory.models import Service
from directory.querysets import FilterOptions
from directory.results import results_page
from tests.factories import ServiceFactory

SEARCH_VALUES = {
    "q": ["club", "saturday club", "swim", "nurses", "!!!", "nothing matches"],
    "postcode": ["DT1 1XJ", "DT1"],
    "distance": ["1", "5", "20"],
    "age": ["0", "5", "9", "18", "25"],
    "age_band": ["0-4", "5-11", "19-25"],
    "need": ["ASD", "PD"],
    "kind": ["saturday-club", "sport", "overnight-residential"],
    "day": ["friday", "saturday", "wednesday"],
    "time": ["weekends", "evenings", "overnight", "after_school"],
    "locality": ["home", "away"],
    "tier": ["universal", "targeted", "specialist"],
    "only": ["free", "direct_payments", "places"],
    "access": ["hoist", "changing-places"],
    "sort": ["name", "checked", "distance", "relevance"],
}
SEARCHES = st.dictionaries(
    st.sampled_from(list(SEARCH_VALUES)),
    st.integers(0, 5),
    max_size=5,
).map(
    lambda chosen: [
        (name, SEARCH_VALUES[name][i % len(SEARCH_VALUES[name])])
        for name, count in chosen.items()
        for i in range(1 + count % 2)
    ]
)


def search_for(pairs) -> ServiceFilter:
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    return ServiceFilter(
        query,
        queryset=Service.objects.published(),
        options=FilterOptions.load(),
        council_name="Test",
    )


def every_page(pairs) -> tuple[list[str], dict]:
    names, number = [], 1
    while True:
        page = results_page(search_for(pairs), number=number, size=2)
        names += [service.name for service in page.services]
        if number >= page.num_pages:
            return names, page
        number += 1


@pytest.fixture
def bigger_world(world):
    ServiceFactory(
        name="Beach Club",
        venues=[world.venues.middle, world.venues.near],
        needs=[world.needs.physical],
        kinds=[world.kinds.saturday],
        localities=[world.localities.away],
        min_age=10,
        max_age=19,
        sessions=[(5, "09:00", "12:00", "term_time")],
    )
    ServiceFactory(
        name="Chess Club",
        venues=[],
        localities=[world.localities.home, world.localities.away],
        tier="universal",
        last_checked_on=None,
    )
    return world


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pairs=SEARCHES)
def test_the_index_keeps_the_services_the_database_keeps(bigger_world, pairs):
    filterset = search_for(pairs)
    expected = sorted(filterset.qs.values_list("name", flat=True))

    names, page = every_page(pairs)

    assert sorted(names) == expected
    assert page.total == len(expected)
    if filterset.chosen_sort in ("name", "checked"):  # orders the database gives too
        assert names == list(search_for(pairs).qs.values_list("name", flat=True))


def test_counts_beside_options_are_the_databases_counts(bigger_world):
    pairs = [("age", "9")]
    expected = search_for(pairs).qs

    counts = results_page(search_for(pairs), number=1, size=20).option_counts

    assert counts["need"]["ASD"] == expected.with_any_need(bigger_world.needs.autism.mask).count()
    assert counts["tier"]["targeted"] == expected.in_tiers(["targeted"]).count()
    assert counts["day"]["saturday"] == expected.on_any_day([5]).count()
    assert counts["only"]["places"] == expected.with_places().count()
    assert counts["age_band"]["19-25"] == expected.for_ages(19, 25).count()


def test_a_search_by_distance_puts_the_nearest_venue_first_then_services_at_home(bigger_world):
    names, page = every_page([("postcode", "DT1 1XJ"), ("distance", "5")])

    # The beach club's nearest venue is the near hall, as the Saturday club's: a tie, by name.
    # Then services with no venue that come to families in the postcode's locality, by name.
    assert names == [
        "Beach Club",
        "Rainbow Saturday Club",
        "Splash Swimming",
        "Chess Club",
        "Home Sitters",
    ]
    assert page.total == 5


def test_distances_shown_are_each_services_nearest_venue(bigger_world):
    page = results_page(search_for([("postcode", "DT1 1XJ"), ("distance", "5")]), number=1, size=20)

    distances = {service.name: service.distance for service in page.services}
    assert distances["Beach Club"] == pytest.approx(0.5, abs=0.05)
    assert distances["Splash Swimming"] == pytest.approx(4.0, abs=0.05)
    assert distances["Chess Club"] is None


def test_a_page_reads_the_index_and_loads_only_its_services(
    bigger_world, django_assert_num_queries
):
    search_index.current(FilterOptions.load().index_token)  # kept from an earlier search
    filterset = search_for([("need", "ASD")])
    filterset.form.is_valid()

    with django_assert_num_queries(3):  # the page's services, their kinds, their venues
        page = results_page(filterset, number=1, size=20)

    assert [service.name for service in page.services] == [
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
    ]


def test_keywords_after_filters_that_leave_nothing_find_nothing(bigger_world):
    page = results_page(
        search_for([("age", "25"), ("tier", "specialist"), ("q", "club")]), number=1, size=20
    )

    assert page.total == 0 and page.services == []

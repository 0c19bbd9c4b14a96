"""A page of results (directory.results): what each group of a search keeps, the numbers beside
the options, the order by distance, and a page loaded in a fixed number of queries. That the
page, the CSV and the API agree, and that every number is what choosing the option gives, is
checked on random searches in test_searches.py."""

import pytest
from django.http import QueryDict

from directory import search_index
from directory.filters import ServiceFilter
from directory.querysets import FilterOptions
from directory.results import results_page

# The values tests/directory/test_searches.py draws its random searches from.
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


def search_for(pairs) -> ServiceFilter:
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    return ServiceFilter(query, options=FilterOptions.load(), council_name="Test")


def every_page(pairs) -> tuple[list[str], dict]:
    names, number = [], 1
    while True:
        page = results_page(search_for(pairs), number=number, size=2)
        names += [service.name for service in page.services]
        if number >= page.num_pages:
            return names, page
        number += 1


EVERYONE = [
    "Beach Club",
    "Chess Club",
    "Harbour House",
    "Home Sitters",
    "Rainbow Saturday Club",
    "Splash Swimming",
]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        pytest.param([], EVERYONE, id="published_only"),
        pytest.param(
            [("need", "PD")], ["Beach Club", "Harbour House", "Splash Swimming"], id="a_need"
        ),
        pytest.param([("need", "ASD"), ("need", "PD")], ["Harbour House"], id="needs_all_of"),
        pytest.param(
            [("kind", "saturday-club"), ("kind", "sport")],
            ["Beach Club", "Home Sitters", "Rainbow Saturday Club", "Splash Swimming"],
            id="kinds_any_of",
        ),
        pytest.param(
            [("age", "5")],
            ["Chess Club", "Home Sitters", "Rainbow Saturday Club", "Splash Swimming"],
            id="an_age_is_within_both_ends_of_a_range_youngest",
        ),
        pytest.param(
            [("age", "19")], ["Beach Club", "Home Sitters"], id="an_age_at_a_ranges_oldest"
        ),
        pytest.param(
            [("age_band", "17-18")],
            ["Beach Club", "Chess Club", "Harbour House", "Home Sitters", "Splash Swimming"],
            id="an_age_group_keeps_services_open_to_any_age_in_it",
        ),
        pytest.param(
            [("day", "saturday"), ("day", "wednesday")],
            ["Beach Club", "Rainbow Saturday Club", "Splash Swimming"],
            id="days_any_of",
        ),
        pytest.param(
            [("time", "evenings")], ["Harbour House", "Home Sitters"], id="a_time_of_week"
        ),
        pytest.param(
            [("time", "weekends"), ("time", "overnight")],
            ["Beach Club", "Harbour House", "Rainbow Saturday Club"],
            id="times_any_of",
        ),
        pytest.param(
            [("locality", "away")],
            ["Beach Club", "Chess Club", "Harbour House"],
            id="an_area",
        ),
        pytest.param([("locality", "away"), ("locality", "home")], EVERYONE, id="areas_any_of"),
        pytest.param(
            [("tier", "specialist"), ("tier", "universal")],
            ["Chess Club", "Harbour House", "Splash Swimming"],
            id="tiers_any_of",
        ),
        pytest.param(
            [("only", "free"), ("only", "direct_payments")],
            ["Splash Swimming"],
            id="show_only_all_of",
        ),
        pytest.param([("only", "free"), ("only", "places")], [], id="show_only_all_of_or_none"),
        pytest.param(
            [("only", "places")],
            ["Beach Club", "Chess Club", "Home Sitters", "Rainbow Saturday Club"],
            id="places_now",
        ),
        pytest.param(
            [("access", "hoist")],
            ["Beach Club", "Rainbow Saturday Club", "Splash Swimming"],
            id="a_venue_feature",
        ),
        pytest.param(
            [("access", "hoist"), ("access", "changing-places")],
            ["Beach Club", "Rainbow Saturday Club"],
            id="one_venue_with_all_the_features",
        ),
        pytest.param(
            [("need", "ASD"), ("kind", "sport")], ["Home Sitters"], id="groups_combine_with_and"
        ),
        pytest.param(
            [("postcode", "DT1 1XJ"), ("distance", "1"), ("sort", "name")],
            ["Beach Club", "Chess Club", "Home Sitters", "Rainbow Saturday Club"],
            id="within_reach_or_coming_to_families_in_the_postcodes_area",
        ),
        pytest.param(
            [("postcode", "DT1 1XJ"), ("distance", "20"), ("sort", "name")],
            EVERYONE,
            id="a_farther_reach",
        ),
    ],
)
def test_each_group_of_a_search_keeps_what_its_rule_says(bigger_world, pairs, expected):
    names, page = every_page(pairs)

    assert names == expected
    assert page.total == len(expected)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("saturday", ["Rainbow Saturday Club"]),
        # A kind of break's name is searched too: the sitters are filed under sport and swimming.
        ("swim", ["Home Sitters", "Splash Swimming"]),
        ("lessons swimming", ["Splash Swimming"]),
        ("autism games", ["Rainbow Saturday Club"]),
        ("nurses", ["Harbour House"]),
        ("nothing matches this", []),
    ],
)
def test_words_find_services_with_every_word_stemmed(world, words, expected):
    names, _ = every_page([("q", words), ("sort", "name")])

    assert names == expected


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        pytest.param(
            [("age", "9")],
            {
                # "all of": the results that also have it
                ("need", "ASD"): 3,
                ("only", "places"): 3,
                # "any of", none chosen: the results with it
                ("tier", "targeted"): 2,
                ("day", "saturday"): 1,
                # the age group, a radio: the other groups' results in the band
                ("age_band", "19-25"): 1,
            },
            id="nothing_chosen_in_the_group",
        ),
        pytest.param(
            [("age", "9"), ("tier", "targeted")],
            {
                ("tier", "targeted"): 2,  # chosen: the results themselves
                ("tier", "universal"): 4,  # added to the choice: targeted or universal
                ("tier", "specialist"): 3,
                ("need", "ASD"): 2,
                ("need", "PD"): 0,
            },
            id="an_any_of_group_with_a_choice",
        ),
    ],
)
def test_the_number_beside_an_option_is_the_results_of_choosing_it(bigger_world, pairs, expected):
    counts = results_page(search_for(pairs), number=1, size=20).option_counts

    for (group, code), number in expected.items():
        assert counts[group][code] == number, (group, code)
        chosen = pairs if (group, code) in pairs else [*pairs, (group, code)]
        assert results_page(search_for(chosen), number=1, size=20).total == number, (group, code)


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
    with search_index.reading(FilterOptions.load().index_version):
        pass  # kept from an earlier search
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

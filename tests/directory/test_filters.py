"""The directory search's own rules: its default order and radius, the address a service page
leads back to, and a postcode typed among the search words."""

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse

from directory.filters import ServiceFilter, returnable_search, search_query
from directory.forms import postcode_in_words
from directory.models import Council, Service
from directory.querysets import FilterOptions

SEARCH = "/directory/"


def search_for(query: str, radius: int = 10) -> ServiceFilter:
    filterset = ServiceFilter(
        QueryDict(query),
        queryset=Service.objects.published(),
        options=FilterOptions.load(),
        council_name="Test",
        radius_miles=radius,
    )
    filterset.form.is_valid()
    return filterset


@pytest.mark.parametrize(
    ("query", "order"),
    [
        ("", "name"),
        ("postcode=DT1+1XJ", "distance"),
        ("q=club", "relevance"),
        ("q=club&postcode=DT1+1XJ", "relevance"),
        ("postcode=DT1+1XJ&sort=name", "name"),
        ("q=club&sort=checked", "checked"),
        ("sort=distance", "name"),  # no postcode to measure from
        ("sort=relevance&postcode=DT1+1XJ", "distance"),  # no words to be relevant to
        ("postcode=DT1+1XJ&sort=", "distance"),
        ("postcode=nonsense", "name"),
    ],
)
def test_the_best_match_unless_the_family_chose_an_order_that_applies(world, query, order):
    assert search_for(query).chosen_sort == order


def test_only_the_orders_that_apply_are_offered(world):
    assert [value for value, _ in search_for("").sorts] == ["name", "checked"]
    assert [value for value, _ in search_for("postcode=DT1&q=club").sorts] == [
        "distance",
        "relevance",
        "name",
        "checked",
    ]


@pytest.mark.parametrize(
    ("query", "radius", "miles"),
    [("postcode=DT1+1XJ", 10, 10), ("postcode=DT1+1XJ", 7, 7), ("postcode=DT1&distance=3", 7, 3)],
)
def test_a_postcode_reaches_the_councils_radius_unless_another_is_chosen(
    world, query, radius, miles
):
    assert search_for(query, radius).reach.miles == miles


def test_an_officer_sets_the_search_radius_in_the_council_configuration(admin_client, world):
    council = Council.objects.current()
    url = reverse("admin:directory_council_change", args=[council.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}

    response = admin_client.post(url, {**data, "search_radius_miles": "20"})

    assert response.status_code == 302, response.context["adminform"].form.errors
    html = admin_client.get(SEARCH, {"postcode": "DT1 1XJ"}).content.decode()
    assert "Harbour House" in html  # 15 miles away
    assert '<option value="20" selected>20 miles</option>' in html


@pytest.mark.parametrize("radius", ["0", "21"])
def test_the_search_radius_is_from_1_to_20_miles(db, radius):
    council = Council.objects.current()
    council.search_radius_miles = int(radius)

    with pytest.raises(ValidationError, match="search_radius_miles"):
        council.full_clean()


# ---------------------------------------------------------------------------- the way back


@pytest.mark.parametrize(
    ("carried", "kept"),
    [
        ("postcode=DT1+1XJ&sort=name&page=2", "postcode=DT1+1XJ&sort=name&page=2"),
        ("q=a%2Fb&need=ASD&need=PD", "q=a%2Fb&need=ASD&need=PD"),
        ("q=&age=", "q=&age="),
        ("age=9;next=x", "age=9%3Bnext%3Dx"),  # one value, written afresh
        (None, None),
        ("", None),
        ("//evil.example/", None),
        ("https://evil.example/", None),
        ("/admin/", None),
        ("next=/admin/", None),
        ("search=age%3D9", None),
        ("age", None),
        ("age=9&", None),
        ("age=9" + "&need=ASD" * 200, None),
    ],
)
def test_only_a_search_of_the_directory_is_carried_back(carried, kept):
    assert returnable_search(carried) == kept


def test_a_search_query_keeps_only_the_searchs_own_parameters():
    pairs = [("age", "9"), ("utm_source", "x"), ("need", "ASD"), ("search", "a"), ("page", "2")]

    assert search_query(pairs) == "age=9&need=ASD&page=2"


# ---------------------------------------------------------------------------- a postcode in words


@pytest.mark.parametrize(
    ("words", "postcode", "rest"),
    [
        ("DT1 1XJ", "DT1 1XJ", ""),
        ("swimming dt11xj", "DT1 1XJ", "swimming"),
        ("club, DT1-1XJ, saturday", "DT1 1XJ", "club saturday"),
        ("sw1a 1aa drama", "SW1A 1AA", "drama"),
    ],
)
def test_a_full_postcode_among_the_words_is_found(words, postcode, rest):
    found, remaining = postcode_in_words(words)

    assert (found.text, remaining) == (postcode, rest)


@pytest.mark.parametrize("words", ["", "DT1 club", "saturday club", "1XJ", "DT1 1X"])
def test_words_without_a_full_postcode_are_left_alone(words):
    assert postcode_in_words(words) is None

"""Every rule of a search is written once (directory.searches): the results page, the CSV of a
search and the Open Referral API find the same services, and the number beside each option is
the number a family gets by choosing it."""

import csv
import io

import pytest
from django.http import QueryDict
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory import search_index
from directory.filters import ServiceFilter
from directory.models import Service
from directory.openreferral.taxonomies import all_terms
from directory.querysets import FilterOptions
from directory.results import results_page
from directory.roles import DIRECTORY_EDITOR
from tests.factories import ServiceFactory, UserFactory, VenueFactory

from .test_results import SEARCH_VALUES

SEARCHES = st.dictionaries(st.sampled_from(list(SEARCH_VALUES)), st.integers(0, 5), max_size=5).map(
    lambda chosen: [
        (name, SEARCH_VALUES[name][i % len(SEARCH_VALUES[name])])
        for name, count in chosen.items()
        for i in range(1 + count % 2)
        if not (name == "age_band" and i)  # one age group at a time: it is a radio
    ]
)
# What the open data can ask too: words, one list entry, a day.
TERM_FILTERS = ("need", "kind", "locality", "access", "tier", "age_band")
API_SEARCHES = st.fixed_dictionaries(
    {
        "q": st.sampled_from(["", "club", "swim", "saturday club", "respite", "nothing matches"]),
        "term": st.one_of(
            st.none(),
            st.sampled_from(
                [(name, value) for name in TERM_FILTERS for value in SEARCH_VALUES[name]]
            ),
        ),
        "day": st.sampled_from(["", "friday", "saturday", "wednesday"]),
    }
)
API_DAYS = {"friday": "FR", "saturday": "SA", "wednesday": "WE"}
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def search_for(pairs) -> ServiceFilter:
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    return ServiceFilter(query, options=FilterOptions.load(), council_name="Test")


def page_names(pairs) -> list[str]:
    names, number = [], 1
    while True:
        page = results_page(search_for(pairs), number=number, size=3)
        names += [service.name for service in page.services]
        if number >= page.num_pages:
            return names
        number += 1


def csv_names(client, pairs) -> list[str]:
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    response = client.get(f"{reverse('directory:download')}?{query.urlencode()}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row["name"] for row in csv.DictReader(io.StringIO(text))]


def api_names(client, params) -> list[str]:
    names, page = [], 1
    while True:
        body = client.get("/api/openreferral/services", {**params, "page": page, "per_page": 2})
        assert body.status_code == 200, body.content
        data = body.json()
        names += [item["name"] for item in data["contents"]]
        if data["last_page"] or not data["contents"]:
            return names
        page += 1


def _term_id(filter_name: str, code: str):
    taxonomy = {
        "need": "needs",
        "kind": "kinds",
        "locality": "localities",
        "access": "features",
        "tier": "tiers",
        "age_band": "age_bands",
    }[filter_name]
    return next(
        term.id
        for term in all_terms(FilterOptions.load())
        if term.taxonomy.key == taxonomy and term.code == code
    )


@EXAMPLES
@given(pairs=SEARCHES)
def test_the_page_and_the_csv_of_a_search_find_the_same_services_in_its_order(
    bigger_world, client, pairs
):
    assert csv_names(client, pairs) == page_names(pairs)


@EXAMPLES
@given(asked=API_SEARCHES)
def test_the_page_the_csv_and_the_api_find_the_same_services(bigger_world, client, asked):
    pairs, params = [("sort", "name")], {}
    if asked["q"]:
        pairs.append(("q", asked["q"]))
        params["search"] = asked["q"]
    if asked["term"]:
        pairs.append(asked["term"])
        params["taxonomy_term_id"] = str(_term_id(*asked["term"]))
    if asked["day"]:
        pairs.append(("day", asked["day"]))
        params["day"] = API_DAYS[asked["day"]]

    on_the_page = page_names(pairs)

    assert csv_names(client, pairs) == on_the_page
    assert api_names(client, params) == on_the_page


@EXAMPLES
@given(pairs=SEARCHES)
def test_the_number_beside_each_option_is_what_choosing_it_gives(bigger_world, pairs):
    counts = results_page(search_for(pairs), number=1, size=20).option_counts
    chosen = {(name, value) for name, value in pairs}

    for filter_name, options in counts.items():
        for code, count in options.items():
            if (filter_name, code) in chosen:
                then = pairs
            elif filter_name == "age_band":  # a radio: choosing one replaces another
                then = [p for p in pairs if p[0] != "age_band"] + [(filter_name, code)]
            else:
                then = [*pairs, (filter_name, code)]
            total = results_page(search_for(then), number=1, size=20).total
            assert count == total, (filter_name, code, pairs)


def test_needs_combine_with_all_of_and_kinds_with_any_of(bigger_world):
    autism_only = page_names([("need", "ASD")])
    both = page_names([("need", "ASD"), ("need", "PD")])
    kinds = page_names([("kind", "saturday-club"), ("kind", "sport")])

    assert set(both) < set(autism_only)  # a second need narrows
    assert set(kinds) >= set(page_names([("kind", "sport")]))  # a second kind widens
    for name in both:
        service = Service.objects.get(name=name)
        assert {"ASD", "PD"} <= set(service.needs.values_list("code", flat=True))


def test_the_legends_say_how_each_group_combines(bigger_world):
    form = search_for([]).form

    assert "all of" in form["need"].label
    assert "all of" in form["only"].label
    assert "all of" in form["access"].label
    for name in ("kind", "day", "time", "locality", "tier"):
        assert "any of" in form[name].label.lower()


# ---------------------------------------------------------------------------- places


def test_a_place_name_finds_services_in_that_place_not_every_area_named_like_it(world):
    # The world's "Home Valley" area; a venue town "Valley" would be a different place.
    in_town = ServiceFactory(name="Valley Swim", venues=[VenueFactory(town="Valley")])

    page = results_page(search_for([("q", "Valley")]), number=1, size=20)

    assert [service.name for service in page.services] == [in_town.name]
    assert page.place == "Valley"


def test_a_town_and_words_together(world):
    page = results_page(search_for([("q", "swimming dorchester")]), number=1, size=20)

    assert page.place == "Dorchester"
    for service in page.services:
        towns = {town for town, *_ in service.listing.places}
        assert "Dorchester" in towns


def test_an_area_named_in_full_finds_the_services_that_serve_it(world):
    page = results_page(search_for([("q", "Far Coast")]), number=1, size=20)

    assert page.place == "Far Coast"
    expected = Service.objects.published().filter(localities__code="away").count()
    assert page.total == expected


# ---------------------------------------------------------------------------- the index's upkeep


def test_a_change_to_a_service_is_applied_without_building_the_index_again(
    world, client, monkeypatch
):
    options = FilterOptions.load()
    with search_index.reading(options.index_version) as index:
        before = index.size

    def no_rebuild(alias="default"):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(search_index, "build", no_rebuild)
    service = world.services.saturday_club
    Service.objects.filter(pk=service.pk).update(name="Renamed Club")
    new = ServiceFactory(name="Brand New Club")

    names = page_names([("q", "club"), ("sort", "name")])

    assert "Renamed Club" in names and "Brand New Club" in names
    assert "Rainbow Saturday Club" not in names
    with search_index.reading(FilterOptions.load().index_version) as index:
        assert index.size > before
        assert index.live_positions(new.pk)


def test_an_unpublished_service_leaves_the_results_at_once(world):
    page_names([])  # the index is kept
    Service.objects.filter(pk=world.services.saturday_club.pk).update(status="draft")

    assert "Rainbow Saturday Club" not in page_names([])


def test_a_rolled_back_history_builds_the_index_again(world):
    options = FilterOptions.load()
    with search_index.reading(options.index_version) as index:
        index.seq, index.token = index.seq + 10, "not in the log"

    assert "Rainbow Saturday Club" in page_names([])
    with search_index.reading(FilterOptions.load().index_version) as index:
        assert index.token != "not in the log"


@pytest.mark.django_db
def test_an_empty_directory_searches_without_error(client):
    response = client.get(reverse("directory:search"), {"q": "anything", "postcode": "DT1"})

    assert response.status_code == 200


# ---------------------------------------------------------------------------- families' words


def test_words_the_council_adds_in_the_admin_find_each_other_on_the_results_page(world, client):
    ServiceFactory(name="Air Club", summary="Inflatables every Sunday afternoon.")
    search = reverse("directory:search")
    assert "Air Club" not in client.get(search, {"q": "zorbing"}).content.decode()

    officer = UserFactory(roles=[DIRECTORY_EDITOR])
    client.force_login(officer)
    added = client.post(
        reverse("admin:directory_synonymgroup_add"), {"words": "zorbing, inflatables"}
    )
    assert added.status_code == 302
    client.logout()

    assert "Air Club" in client.get(search, {"q": "zorbing"}).content.decode()


def test_a_misspelt_word_finds_the_word_meant_and_the_page_says_so(world, client):
    page = client.get(reverse("directory:search"), {"q": "swiming"}).content.decode()

    assert "Splash Swimming" in page
    assert "Showing results for “swimming” instead of “swiming”." in page


def test_a_search_that_finds_nothing_offers_did_you_mean(world, client):
    page = results_page(search_for([("q", "satrdy")]), number=1, size=20)
    response = client.get(reverse("directory:search"), {"q": "satrdy", "age": "7"})

    assert page.total == 0 and page.suggestion
    assert "Did you mean" in response.content.decode()
    suggestion = client.get(
        reverse("directory:search"), {"q": page.suggestion, "age": "7"}
    ).content.decode()
    assert "Rainbow Saturday Club" in suggestion

"""The Open Referral UK API: shapes against the profile's own schemas, filters, paging, errors,
caching headers and query counts, on the small known directory of tests/directory/conftest.py."""

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from directory.models import AccessibilityFeature, AgeBand, BreakKind, Locality, Need
from directory.openreferral.taxonomies import AGE_BANDS, FEATURES, NEEDS, TIERS, stable_id

API = "/api/openreferral"
PROFILE = Path(__file__).parent / "profile"
PAGE_SCHEMA = json.loads((PROFILE / "openapi30.json").read_text())["components"]["schemas"]["Page"]
PUBLISHED = {"Rainbow Saturday Club", "Splash Swimming", "Harbour House", "Home Sitters"}

pytestmark = pytest.mark.django_db


def profile_errors(instance, name):
    path = PROFILE / "compiled" / f"{name}.json"
    if not path.exists():
        path = PROFILE / f"{name}.json"
    validator = Draft202012Validator(json.loads(path.read_text()), format_checker=FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def get(client, path, **params):
    return client.get(f"{API}{path}", params)


def names(body):
    return {item["name"] for item in body["contents"]}


def assert_page_of(body, item_schema):
    assert not list(Draft202012Validator(PAGE_SCHEMA).iter_errors(body))
    for item in body["contents"]:
        assert profile_errors(item, item_schema) == []


# ------------------------------------------------------------------ shapes


def test_the_root_names_the_profile_and_the_openapi_document(client):
    response = get(client, "/")

    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "HSDS-UK-3.0"
    assert body["openapi_url"] == "http://testserver/api/openreferral/openapi.json"
    assert client.get(body["openapi_url"]).json()["info"]["version"] == "3.0"


def test_services_are_a_page_of_the_profiles_service_list_and_only_published(client, world):
    response = get(client, "/services")

    assert response.status_code == 200
    body = response.json()
    assert_page_of(body, "service_list")
    assert names(body) == PUBLISHED
    assert body["total_items"] == 4
    assert [item["name"] for item in body["contents"]] == sorted(PUBLISHED)


def test_a_service_in_full_matches_the_profile_and_maps_every_part(client, world):
    club = world.services.saturday_club

    body = get(client, f"/services/{club.pk}").json()

    assert profile_errors(body, "service") == []
    assert body["id"] == str(club.pk)
    assert body["organization"]["id"] == str(club.provider_id)
    assert body["url"] == f"http://testserver/directory/services/{club.pk}/"
    assert body["minimum_age"] == 5 and body["maximum_age"] == 11
    assert body["fees"] == "£12 per session."
    assert body["cost_options"] == [
        {
            "id": str(stable_id("cost", club.pk)),
            "service_id": str(club.pk),
            "amount": 12.0,
            "amount_description": "per session",
        }
    ]
    [schedule] = body["schedules"]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "WEEKLY",
        "SA",
        "10:00",
        "14:00",
    )
    assert [area["name"] for area in body["service_areas"]] == ["Home Valley"]
    [at] = body["service_at_locations"]
    assert at["location"]["name"] == "Near Hall"
    assert at["location"]["addresses"][0]["city"] == "Dorchester"
    assert {a["description"] for a in at["location"]["accessibility"]} == {
        "Hoist",
        "Changing Places toilet",
    }
    terms = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["name"]) for a in body["attributes"]
    }
    assert terms == {
        (TIERS.name, "Targeted (no assessment needed)"),
        (NEEDS.name, "Autism"),
        ("Kinds of short break", world.kinds.saturday.name),
        ("Localities", "Home Valley"),
        (AGE_BANDS.name, AgeBand.objects.get(min_age=5, max_age=11).name),
    }


def test_the_same_record_keeps_the_same_ids(client, world):
    club = world.services.saturday_club

    first = get(client, f"/services/{club.pk}").json()
    again = get(client, f"/services/{club.pk}").json()

    assert first == again


def test_an_overnight_session_and_a_waiting_list_are_told_as_they_are(client, world):
    harbour = get(client, f"/services/{world.services.overnight.pk}").json()
    swimming = get(client, f"/services/{world.services.swimming.pk}").json()

    assert harbour["schedules"][0]["description"].startswith("Fridays, 16:00 to 10:00 (overnight)")
    assert harbour["alert"].startswith("Full")
    assert swimming["alert"].startswith("Waiting list")
    assert swimming["fees"] == "Free. You can pay with a direct payment."
    assert swimming["cost_options"][0]["amount"] == 0


@pytest.mark.parametrize(
    ("availability_on", "alert"),
    [(None, "Full."), (dt.date(2026, 9, 26), "Full (the provider told us on 26 September 2026).")],
)
def test_a_full_service_says_so_with_the_day_the_provider_told_us_if_known(
    client, world, availability_on, alert
):
    harbour = world.services.overnight
    harbour.availability_on = availability_on
    harbour.save()

    assert get(client, f"/services/{harbour.pk}").json()["alert"] == alert
    assert get(client, "/services", search="harbour").json()["contents"][0]["alert"] == alert


@pytest.mark.parametrize("which", ["draft", "archived"])
def test_an_unpublished_service_is_not_found(client, world, which):
    response = get(client, f"/services/{getattr(world.services, which).pk}")

    assert response.status_code == 404
    assert response.json()["status"] == 404


@pytest.mark.parametrize("tampered", ["not-a-uuid", "1", "00000000-0000-4000-8000-000000000000"])
def test_a_tampered_or_unknown_id_is_a_404_with_a_reason(client, world, tampered):
    for path in ("services", "service_at_locations", "taxonomies", "taxonomy_terms"):
        response = get(client, f"/{path}/{tampered}")
        assert response.status_code == 404
        assert response.json()["message"]


def test_taxonomies_and_their_terms_match_the_profile(client, world):
    taxonomies = get(client, "/taxonomies").json()
    terms = get(client, "/taxonomy_terms", per_page=100).json()

    assert_page_of(taxonomies, "taxonomy")
    assert_page_of(terms, "taxonomy_term")
    assert taxonomies["total_items"] == 6
    lists = (Need, BreakKind, AgeBand, Locality, AccessibilityFeature)
    assert terms["total_items"] == 3 + sum(model.objects.count() for model in lists)
    autism = next(t for t in terms["contents"] if t["name"] == "Autism")
    one = get(client, f"/taxonomy_terms/{autism['id']}").json()
    assert one == autism and one["taxonomy_id"] == str(NEEDS.id)
    assert get(client, f"/taxonomies/{NEEDS.id}").json()["name"] == NEEDS.name


def test_terms_can_be_listed_for_one_taxonomy(client, world):
    body = get(client, "/taxonomy_terms", taxonomy_id=str(FEATURES.id)).json()

    assert names(body) == set(AccessibilityFeature.objects.values_list("name", flat=True))


def test_services_at_locations_match_the_profile(client, world):
    body = get(client, "/service_at_locations").json()

    assert_page_of(body, "service_at_location_list")
    assert {(i["service"]["name"], i["location"]["name"]) for i in body["contents"]} == {
        ("Rainbow Saturday Club", "Near Hall"),
        ("Splash Swimming", "Middle Hall"),
        ("Harbour House", "Far Hall"),
    }
    one = get(client, f"/service_at_locations/{body['contents'][0]['id']}").json()
    assert profile_errors(one, "service_at_location") == []


# ------------------------------------------------------------------ filters


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"search": "swimming"}, {"Splash Swimming", "Home Sitters"}),  # a kind's name
        ({"minimum_age": 5}, {"Rainbow Saturday Club", "Harbour House"}),
        ({"maximum_age": 11}, {"Rainbow Saturday Club"}),
        (
            {"minimum_age": 3, "maximum_age": 18},
            {"Rainbow Saturday Club", "Splash Swimming", "Harbour House"},
        ),
        ({"day": "SA"}, {"Rainbow Saturday Club"}),
        ({"day": "FR"}, {"Harbour House", "Home Sitters"}),
        ({"start_time": "17:00"}, {"Splash Swimming", "Home Sitters"}),
        ({"end_time": "15:00"}, {"Rainbow Saturday Club"}),  # overnight ends the next day
        ({"day": "FR", "start_time": "17:00", "end_time": "23:00"}, {"Home Sitters"}),
        ({"day": "MO"}, set()),
    ],
)
def test_services_filter_and_parameters_combine_with_and(client, world, params, expected):
    body = get(client, "/services", **params).json()

    assert names(body) == expected
    assert body["total_items"] == len(expected)


def test_services_filter_by_a_term_of_any_taxonomy(client, world):
    cases = {
        world.needs.physical.pk: {"Splash Swimming", "Harbour House"},
        world.localities.away.pk: {"Harbour House"},
        world.kinds.swimming.pk: {"Splash Swimming", "Home Sitters"},
        world.features.toilet.pk: {"Rainbow Saturday Club"},
        stable_id("tier", "specialist"): {"Harbour House"},
    }
    for term_id, expected in cases.items():
        assert names(get(client, "/services", taxonomy_term_id=str(term_id)).json()) == expected


def test_services_filter_by_an_age_band_term(client, world):
    terms = get(client, "/taxonomy_terms", taxonomy_id=str(AGE_BANDS.id)).json()["contents"]
    adults = next(t for t in terms if t["term"] == "19-25")

    assert names(get(client, "/services", taxonomy_term_id=adults["id"]).json()) == {"Home Sitters"}


def test_services_filter_by_a_taxonomy(client, world):
    with_features = get(client, "/services", taxonomy_id=str(FEATURES.id)).json()
    with_tiers = get(client, "/services", taxonomy_id=str(TIERS.id)).json()

    assert names(with_features) == {"Rainbow Saturday Club", "Splash Swimming"}
    assert names(with_tiers) == PUBLISHED


def test_an_unknown_term_or_taxonomy_matches_nothing(client, world):
    unknown = "00000000-0000-4000-8000-000000000000"

    for params in ({"taxonomy_term_id": unknown}, {"taxonomy_id": unknown}):
        body = get(client, "/services", **params).json()
        assert body["total_items"] == 0 and body["empty"] is True


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"postcode": "DT1 1XJ", "proximity": 1609}, {"Near Hall"}),
        ({"postcode": "dt11xj", "proximity": 8000}, {"Near Hall", "Middle Hall"}),
        ({"postcode": "DT1 1XJ"}, {"Near Hall", "Middle Hall"}),  # served in Home Valley
        ({"postcode": "DT1"}, {"Near Hall", "Middle Hall"}),
        ({"postcode": "ZZ9 9ZZ"}, set()),  # a postcode we do not know
        ({"postcode": "DT1 1XJ", "proximity": 8000, "day": "SA"}, {"Near Hall"}),
        ({"proximity": 100}, {"Near Hall", "Middle Hall", "Far Hall"}),  # ignored alone
    ],
)
def test_services_at_locations_filter_by_postcode_and_proximity(client, world, params, expected):
    body = get(client, "/service_at_locations", **params).json()

    assert {item["location"]["name"] for item in body["contents"]} == expected


# ------------------------------------------------------------------ paging


def test_pages_do_not_repeat_and_say_where_they_are(client, world):
    first = get(client, "/services", per_page=3).json()
    second = get(client, "/services", per_page=3, page=2).json()
    beyond = get(client, "/services", per_page=3, page=9).json()

    assert (first["total_pages"], first["first_page"], first["last_page"]) == (2, True, False)
    assert (second["page_number"], second["last_page"], len(second["contents"])) == (2, True, 1)
    assert names(first).isdisjoint(names(second))
    assert names(first) | names(second) == PUBLISHED
    assert beyond["empty"] is True and beyond["contents"] == []
    assert first["total_pages"] == math.ceil(first["total_items"] / first["size"])


def test_per_page_is_capped(client, world):
    body = get(client, "/services", per_page=100_000).json()

    assert body["size"] == 100


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": 0},
        {"page": 10**30},
        {"per_page": -1},
        {"minimum_age": "old"},
        {"minimum_age": "nan"},
        {"maximum_age": -1},
        {"day": "XX"},
        {"taxonomy_term_id": "not-a-uuid"},
        {"taxonomy_id": "1"},
        {"start_time": "25:99"},
        {"end_time": "9am"},
        {"search": "a\x00b"},
        {"search": "x" * 201},
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, world, params):
    response = get(client, "/services", **params)

    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert [error["parameter"] for error in body["errors"]] == list(params)


@pytest.mark.parametrize("postcode", ["!!!", "DT1 1XJ 1", "12345"])
def test_a_malformed_postcode_gets_a_400(client, world, postcode):
    response = get(client, "/service_at_locations", postcode=postcode)

    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "postcode"


# ------------------------------------------------------------------ HTTP


def test_answers_allow_any_origin_and_can_be_cached(client, world):
    response = get(client, "/services")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert get(client, "/services", page="x")["Access-Control-Allow-Origin"] == "*"


def test_an_unchanged_answer_is_not_sent_again(client, world):
    etag = get(client, "/services")["ETag"]

    again = client.get(f"{API}/services", headers={"If-None-Match": etag})
    changed = client.get(f"{API}/services", {"per_page": 2}, headers={"If-None-Match": etag})

    assert again.status_code == 304 and again.content == b""
    assert changed.status_code == 200


def test_the_etag_changes_when_a_service_does(client, world):
    before = get(client, "/services")["ETag"]
    world.services.sitter.name = "Home Sitters Plus"
    world.services.sitter.save()

    assert get(client, "/services")["ETag"] != before


# ------------------------------------------------------------------ queries


def test_a_page_of_services_costs_the_same_queries_for_1_or_4_services(
    client, world, django_assert_num_queries
):
    get(client, "/services")  # this process's search index, built before the first request
    # the lists with the index's version, the council, the page; the index counts and orders
    with django_assert_num_queries(3):
        get(client, "/services", per_page=1)
    with django_assert_num_queries(3):
        get(client, "/services", per_page=50)


def test_a_service_in_full_costs_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, django_assert_max_num_queries
):
    # the service and provider, its needs, kinds, localities, sessions, venues and their
    # features; the lists; the council. With no venue there are no features to read.
    with django_assert_num_queries(9):
        get(client, f"/services/{world.services.saturday_club.pk}")
    with django_assert_max_num_queries(9):
        get(client, f"/services/{world.services.sitter.pk}")


def test_a_page_of_services_at_locations_costs_a_fixed_number_of_queries(
    client, world, django_assert_num_queries
):
    get(client, "/service_at_locations")  # this process's search index, built
    # the lists with the index's version, the council, the page's links, their venues' features
    with django_assert_num_queries(4):
        get(client, "/service_at_locations", per_page=1)
    with django_assert_num_queries(4):
        get(client, "/service_at_locations", per_page=50)


def test_a_browser_on_another_site_may_ask_first(client, world):
    response = client.options(
        f"{API}/services",
        headers={
            "Origin": "https://localoffer.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


def test_a_browser_on_another_site_can_read_the_validators(client, world):
    response = client.get(f"{API}/services", headers={"Origin": "https://localoffer.example"})

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Expose-Headers"] == "ETag, Last-Modified"

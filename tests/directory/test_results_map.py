"""The map beside the results: its markers, the policy that lets its tiles in, and no map at all
without a tile server."""

import json
import re
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from directory.results_map import Marker, markers_for
from portal.settings.base import tiles_origin, with_map_tiles
from tests.factories import ServiceFactory, VenueFactory
from tests.portal.test_security import run_manage

SEARCH = "/directory/"
TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
MAP_DATA = re.compile(r'<script id="results-map-data" type="application/json">(.*?)</script>', re.S)


def card(name, *places):
    service = SimpleNamespace(name=name, listing=SimpleNamespace(places=places))
    return SimpleNamespace(service=service, url=f"/directory/services/{name.lower()}/")


# ---------------------------------------------------------------------------- markers


def test_each_placed_venue_of_each_result_is_a_marker_in_the_lists_order():
    cards = [
        card("Club", ("Dorchester", 50.7, -2.4)),
        card("Sitters"),
        card("Swim", ("Weymouth", 50.6, -2.5), ("Bridport", 50.7, -2.8)),
    ]

    assert markers_for(cards) == [
        Marker("Club", "/directory/services/club/", "Dorchester", (50.7, -2.4)),
        Marker("Swim", "/directory/services/swim/", "Weymouth", (50.6, -2.5)),
        Marker("Swim", "/directory/services/swim/", "Bridport", (50.7, -2.8)),
    ]


def test_a_venue_without_a_position_has_no_marker_and_two_at_one_place_share_one():
    cards = [card("Club", ("Dorchester", None, None), ("Dorchester", 50.7, -2.4), ("", 50.7, -2.4))]

    assert markers_for(cards) == [
        Marker("Club", "/directory/services/club/", "Dorchester", (50.7, -2.4))
    ]


def map_data(response):
    found = MAP_DATA.findall(response.content.decode())
    return json.loads(found[0]) if found else None


def test_the_results_page_sends_its_results_positions_for_the_map(client, world, council, settings):
    settings.MAP_TILES_URL = TILES

    data = map_data(client.get(SEARCH))

    assert data["tiles"] == {
        "url": TILES,
        "attribution": '<a href="https://www.openstreetmap.org/copyright">'
        "© OpenStreetMap contributors</a>",
    }
    assert set(data["icons"]) == {"icon", "icon_2x", "shadow"}
    venues = world.venues
    assert [(m["name"], m["town"], m["position"]) for m in data["markers"]] == [
        ("Harbour House", "Swanage", [venues.far.latitude, venues.far.longitude]),
        ("Rainbow Saturday Club", "Dorchester", [venues.near.latitude, venues.near.longitude]),
        ("Splash Swimming", "Charminster", [venues.middle.latitude, venues.middle.longitude]),
    ]
    assert data["markers"][0]["url"].startswith(world.services.overnight.get_absolute_url())


def test_names_are_escaped_in_the_maps_data(client, world, council, settings):
    settings.MAP_TILES_URL = TILES
    settings.MAP_TILES_ATTRIBUTION = "<b>Tiles</b> & co"
    settings.MAP_TILES_ATTRIBUTION_URL = ""  # a credit without a link
    name = 'A </script><script>alert("x")</script> & club'
    ServiceFactory(name=name, venues=[VenueFactory(town="<i>Town</i>")])

    response = client.get(SEARCH)

    html = response.content.decode()
    assert "<script>alert" not in html and "<i>Town" not in html
    data = map_data(response)
    assert name in [marker["name"] for marker in data["markers"]]
    assert data["tiles"]["attribution"] == "&lt;b&gt;Tiles&lt;/b&gt; &amp; co"


def test_the_map_costs_the_results_page_no_query(client, world, council, settings):
    client.get(SEARCH)  # the search index and the council's lists, loaded once and kept
    cache.clear()  # each page rendered afresh, not read from the cache of pages
    with CaptureQueriesContext(connection) as without_map:
        client.get(SEARCH)
    settings.MAP_TILES_URL = TILES
    cache.clear()
    with CaptureQueriesContext(connection) as with_map:
        response = client.get(SEARCH)

    assert map_data(response) is not None
    assert len(with_map) == len(without_map)


def test_without_a_tile_server_or_a_placed_result_there_is_no_map(settings):
    include = Template("{% load results_map %}{% results_map cards %}")
    placed = [card("Club", ("Dorchester", 50.7, -2.4))]

    settings.MAP_TILES_URL = ""
    assert include.render(Context({"cards": placed})).strip() == ""
    settings.MAP_TILES_URL = TILES
    assert include.render(Context({"cards": [card("Sitters")]})).strip() == ""
    assert 'data-module="app-results-map" hidden' in include.render(Context({"cards": placed}))


def test_the_results_page_has_no_map_without_a_tile_server(client, world, council, settings):
    settings.MAP_TILES_URL = ""

    html = client.get(SEARCH).content.decode()

    assert "results-map" not in html
    assert "leaflet" not in html


# ---------------------------------------------------------------------------- the policy


@pytest.mark.parametrize(
    ("tiles", "origin"),
    [
        ("", None),
        (TILES, "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8123/{z}/{x}/{y}.png?key=secret", "http://127.0.0.1:8123"),
        ("https://key:secret@tiles.example.org/{z}/{x}/{y}", "https://tiles.example.org"),
    ],
)
def test_the_tile_servers_origin(tiles, origin):
    assert tiles_origin(tiles) == origin


@pytest.mark.parametrize(
    "tiles",
    ["tile.openstreetmap.org/{z}/{x}/{y}.png", "javascript:alert(1)", "https://a.{s}.org/{z}"],
)
def test_a_tile_server_that_is_not_a_web_address_stops_the_site(tiles):
    with pytest.raises(ImproperlyConfigured, match="MAP_TILES_URL"):
        tiles_origin(tiles)


def test_the_policy_allows_the_tile_server_only_when_there_is_one(settings):
    policy = settings.CONTENT_SECURITY_POLICY

    assert with_map_tiles(policy, "") is policy
    with_tiles = with_map_tiles(policy, TILES)["DIRECTIVES"]
    assert with_tiles["img-src"] == [
        *policy["DIRECTIVES"]["img-src"],
        "https://tile.openstreetmap.org",
    ]
    assert {k: v for k, v in with_tiles.items() if k != "img-src"} == {
        k: v for k, v in policy["DIRECTIVES"].items() if k != "img-src"
    }


@pytest.mark.parametrize(
    ("tiles", "img_src"),
    [("", "img-src 'self' data:"), (TILES, "img-src 'self' data: https://tile.openstreetmap.org")],
)
def test_a_server_sends_the_tile_servers_origin_only_when_it_is_set(tiles, img_src):
    environment = {"SECRET_KEY": "x" * 50, "MAP_TILES_URL": tiles}
    script = "from csp.utils import build_policy; print(build_policy())"

    result = run_manage("shell", "--no-imports", "-c", script, **environment)

    assert result.returncode == 0, result.stderr
    directives = [part.strip() for part in result.stdout.splitlines()[-1].split(";")]
    assert img_src in directives

"""A parent sees the results on a map, with the keyboard, wide and narrow; without a tile server
or without JavaScript the page is the list alone. The tiles come from a stub on this machine:
nothing here reaches the internet."""

import re
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from portal.settings.base import with_map_tiles
from tests.browser.steps import assert_accessible, given, tab_to, then, when
from tests.factories import ServiceFactory, VenueFactory

pytestmark = pytest.mark.browser

TILE = re.compile(r"/\d+/\d+/\d+\.png")
SERVICE_ID = re.compile(r"/directory/services/([0-9a-f-]{36})/")


def png(size=256, grey=0xDD):
    """A square grey PNG: the stub's every tile."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = b"".join(b"\x00" + bytes([grey]) * size for _ in range(size))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def tile_server():
    """A tile server on 127.0.0.1 that answers any /{z}/{x}/{y}.png with the same tile and
    counts what it is asked for; stopped after the test."""
    image, hits = png(), []

    class Tiles(BaseHTTPRequestHandler):
        timeout = 5

        def do_GET(self):
            if not TILE.fullmatch(self.path):
                self.send_error(404)
                return
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(image)))
            self.end_headers()
            self.wfile.write(image)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield SimpleNamespace(url=f"http://{host}:{port}/{{z}}/{{x}}/{{y}}.png", hits=hits)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def map_site(demo_site, tile_server, settings):
    """The demo site with the stub as its tile server, and the policy a server started with
    MAP_TILES_URL set sends (django-csp reads the setting for every response)."""
    settings.MAP_TILES_URL = tile_server.url
    settings.CONTENT_SECURITY_POLICY = with_map_tiles(
        settings.CONTENT_SECURITY_POLICY, tile_server.url
    )
    return demo_site


@pytest.fixture
def offline(page, live_server, tile_server):
    """Every request the page makes off this machine's two servers is refused and recorded."""
    ours = {urlsplit(live_server.url).netloc, urlsplit(tile_server.url).netloc}
    elsewhere = []

    def only_ours(route):
        if urlsplit(route.request.url).netloc in ours:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_ours)
    return elsewhere


def img_src(response):
    """Where the page's Content Security Policy lets images come from."""
    directives = response.headers["content-security-policy"].split(";")
    return dict(d.strip().split(" ", 1) for d in directives)["img-src"]


def placed_venues_of(service_ids):
    """How many markers the results should have: their services' distinct venue positions."""
    from directory.models import ServiceLocation

    rows = ServiceLocation.objects.filter(service_id__in=service_ids, latitude__isnull=False)
    return len(set(rows.values_list("service_id", "latitude", "longitude")))


def result_ids(page):
    links = page.locator(".app-result h2 a")
    return [
        SERVICE_ID.search(href).group(1) for href in links.evaluate_all("ls => ls.map(l => l.href)")
    ]


def markers_shown(region):
    """The markers on the map, counting each group as the markers it stands for."""
    singles = region.locator(".leaflet-marker-icon:not(.app-results-map__group)").count()
    groups = region.locator(".app-results-map__group [data-count]")
    return singles + sum(
        int(count) for count in groups.evaluate_all("gs => gs.map(g => g.dataset.count)")
    )


def press_enter_until_a_popup_opens(page):
    """Enter on the focused marker; on a group, which zooms in and focuses a marker in it, again,
    until a popup's link has the focus. Returns the marker that opened the popup."""
    for _ in range(10):
        opener = page.evaluate_handle("document.activeElement")
        page.keyboard.press("Enter")
        page.wait_for_function("(before) => document.activeElement !== before", arg=opener)
        if page.evaluate("document.activeElement.matches('.leaflet-popup a')"):
            return opener
    raise AssertionError("Enter never opened a marker's popup")


def test_a_parent_sees_the_results_on_a_map_and_opens_one_with_the_keyboard(
    page, map_site, tile_server, offline, viewport
):
    blocked = []
    page.on(
        "console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None
    )

    with given("a short break first in the list, at a place miles from the others"):
        ServiceFactory(
            name="Aardvark Adventure Club",
            venues=[VenueFactory(town="Frome", latitude=51.2279, longitude=-2.3215)],
        )
    with given(f"a parent on the results at {viewport['width']}px, using only the keyboard"):
        response = page.goto(map_site + "/directory/")
        assert img_src(response) == f"'self' data: {tile_server.url.split('/{z}')[0]}"

    with then("after the list, a map marks each place where a result meets"):
        region = page.get_by_role("region", name="Map of the results")
        expect(region).to_be_visible()
        ids = result_ids(page)
        assert len(ids) == 20
        expected = placed_venues_of(ids)
        assert expected > 0
        expect(region.locator(".leaflet-marker-icon").first).to_be_visible()
        assert markers_shown(region) == expected
        assert page.evaluate(
            "() => document.querySelector('.app-result:last-child').compareDocumentPosition("
            "document.querySelector('.app-results-map')) & Node.DOCUMENT_POSITION_FOLLOWING"
        )
        expect(
            page.get_by_text("A marker for each place where a short break listed above")
        ).to_be_visible()

    with then("its tiles come from the council's tile server, and it fits the screen"):
        tiles = region.locator(".leaflet-tile-loaded")
        expect(tiles.first).to_be_visible()
        assert len(set(tile_server.hits)) >= tiles.count() > 0
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert_accessible(page)

    with when("they tab to the first result's marker and press Enter"):
        marker = region.get_by_role("button", name="Aardvark Adventure Club, Frome")
        tab_to(page, marker)
        page.keyboard.press("Enter")
    with then("its popup opens with the focus on a link to the service"):
        link = page.locator(".leaflet-popup a.govuk-link")
        expect(link).to_be_focused()
        expect(link).to_have_text("Aardvark Adventure Club")
        assert_accessible(page)

    with when("they press Escape"):
        page.keyboard.press("Escape")
    with then("the popup closes and the focus is back on the marker"):
        expect(region.locator(".leaflet-popup")).to_have_count(0)
        expect(marker).to_be_focused()

    with when("they tab to a group of results and press Enter, until it opens"):
        tab_to(page, region.locator(".app-results-map__group").first)
        opener = press_enter_until_a_popup_opens(page)
    with then("a popup lists the short breaks there, the focus on the first"):
        links = page.locator(".leaflet-popup a.govuk-link")
        assert links.count() > 1
        expect(links.first).to_be_focused()
        name = links.first.inner_text()
    with when("they close it with Escape, open it with Space and follow the first link"):
        page.keyboard.press("Escape")
        assert page.evaluate("(marker) => document.activeElement === marker", opener)
        page.keyboard.press("Space")
        expect(links.first).to_be_focused()
        page.keyboard.press("Enter")
    with then("the service's page opens"):
        expect(page.get_by_role("heading", level=1)).to_have_text(name)

    assert offline == []
    assert blocked == []


def test_without_a_tile_server_the_page_is_the_list_alone(
    page, demo_site, tile_server, offline, settings
):
    settings.MAP_TILES_URL = ""
    with when("a parent opens the results on a site with no tile server set"):
        response = page.goto(demo_site + "/directory/")
        page.wait_for_load_state("load")
    with then("there is no map, no Leaflet, no tile server in the policy, and the list is whole"):
        expect(page.locator(".app-result")).to_have_count(20)
        expect(page.locator(".app-results-map")).to_have_count(0)
        expect(page.locator("#results-map-data, [src*=leaflet], [href*=leaflet]")).to_have_count(0)
        assert img_src(response) == "'self' data:"
        assert tile_server.hits == []
    assert offline == []


def test_without_javascript_there_is_no_map_and_the_list_is_whole(browser, map_site, tile_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    with given("a parent whose browser runs no JavaScript, on a site with a tile server"):
        page.goto(map_site + "/directory/")
    with then("the list is whole, and no map or empty box shows"):
        expect(page.locator(".app-result")).to_have_count(20)
        expect(page.locator(".app-results-map")).to_be_hidden()
        expect(page.get_by_role("region", name="Map of the results")).to_be_hidden()
        expect(page.locator(".leaflet-container")).to_have_count(0)
        assert tile_server.hits == []
    context.close()

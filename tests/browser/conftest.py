"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# to set up data are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 320, "height": 640}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM}: run `make chromium` to install it"
        if os.environ.get("BROWSER_TESTS_REQUIRED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "locale": "en-GB"}


@pytest.fixture
def site(live_server, transactional_db):
    """The live site's address, with the council configured as an officer would."""
    from tests.factories import CouncilFactory

    CouncilFactory()
    return live_server.url


@pytest.fixture(params=[DESKTOP, MOBILE], ids=["1280px", "320px"])
def viewport(request, page):
    """Run the test at desktop width and at the narrowest width WCAG asks for."""
    page.set_viewport_size(request.param)
    return request.param


@pytest.fixture
def demo_site(site):
    """The live site with the demo council's directory loaded."""
    from portal.nonprod.demo.directory import seed_directory
    from portal.nonprod.demo.geography import seed_geography

    seed_directory(seed_geography())
    return site

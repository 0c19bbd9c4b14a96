"""The home page and the footer's pages, in a real browser, at 1280px and 320px."""

import pytest
from playwright.sync_api import expect

from tests.browser.steps import assert_accessible, given, then, when

pytestmark = pytest.mark.browser

PAGES = ["/", "/accessibility/", "/privacy/", "/cookies/", "/contact/"]


@pytest.mark.parametrize("path", PAGES)
def test_site_pages_have_no_accessibility_violations(page, site, viewport, path):
    with given(f"a visitor opens {path} at {viewport['width']}px"):
        response = page.goto(site + path)
        assert response.status == 200

    with then("the page is styled and nothing overflows sideways"):
        expect(page.locator(".govuk-header")).to_have_css("background-color", "rgb(11, 12, 12)")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    with then("axe finds no violations"):
        assert_accessible(page)


def test_a_keyboard_user_skips_to_the_main_content(page, site):
    with given("a keyboard user on the home page"):
        page.goto(site + "/")

    with when("they press Tab once"):
        page.keyboard.press("Tab")

    with then("the skip link is focused and visible"):
        skip = page.locator(".govuk-skip-link")
        expect(skip).to_be_focused()
        expect(skip).to_be_visible()

    with when("they press Enter"):
        page.keyboard.press("Enter")

    with then("the main content has focus"):
        expect(page.locator("main#main-content")).to_be_focused()
        assert page.url.endswith("#main-content")


def test_the_page_loads_no_resource_that_fails_and_breaks_no_csp_rule(page, site):
    failures, violations = [], []
    page.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )

    with when("a visitor opens the home page"):
        page.goto(site + "/")
        page.wait_for_load_state("networkidle")

    with then("every asset loaded and the JavaScript ran"):
        assert failures == []
        assert violations == []
        expect(page.locator("body")).to_have_class(
            "govuk-template__body js-enabled govuk-frontend-supported"
        )


def test_the_accessibility_check_fails_on_a_page_with_a_violation(page, site):
    with given("a page with an image that has no text alternative"):
        page.goto(site + "/")
        page.evaluate("document.querySelector('main').append(document.createElement('img'))")

    with then("the accessibility assertion fails and names the rule"):
        with pytest.raises(AssertionError, match="image-alt"):
            assert_accessible(page)


def test_the_accessibility_check_fails_on_content_outside_the_landmarks(page, site):
    with given("a page with a paragraph between the main content and the footer"):
        page.goto(site + "/")
        page.evaluate(
            "document.querySelector('footer').before("
            "Object.assign(document.createElement('p'), {textContent: 'Outside every landmark'}))"
        )

    with then("the accessibility assertion fails and names the rule"):
        with pytest.raises(AssertionError, match="region"):
            assert_accessible(page)


def test_the_phase_banner_is_inside_the_banner_landmark(page, site):
    with when("a visitor opens the home page"):
        page.goto(site + "/")

    with then("the council's header and the phase banner are both in the page's banner"):
        banner = page.get_by_role("banner")
        expect(banner).to_have_count(1)
        expect(banner.locator(".govuk-header")).to_be_visible()
        expect(banner.locator(".govuk-phase-banner")).to_contain_text("Beta")

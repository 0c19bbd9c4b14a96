"""The Short Breaks Statement in a real browser: a commissioner drafts, previews and publishes a
new version; families read it, and the version it replaced stays in the archive."""

import pytest
from playwright.sync_api import expect

from tests.browser.steps import assert_accessible, given, tab_to, then, when
from tests.browser.test_back_office import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def statement_site(demo_site):
    """The demo council with its criteria and its two versions of the Statement."""
    from django.contrib.auth.models import Group, Permission

    from directory.roles import COMMISSIONER, sync_roles
    from portal.nonprod.demo.eligibility import seed_ruleset
    from portal.nonprod.demo.statement import seed_statement
    from tests.factories import UserFactory

    sync_roles(Group, Permission)  # the groups, after an earlier test's database flush
    commissioner = UserFactory(username="cora", roles=[COMMISSIONER])
    seed_ruleset()
    seed_statement(by=commissioner)
    return demo_site


def test_a_commissioner_drafts_previews_and_publishes_a_new_version(page, statement_site):
    site = statement_site

    with given("a commissioner warned on the front page that the review is due"):
        sign_in(page, site, "cora")
        expect(page.locator("#statement-review")).to_contain_text("due for review")

    with when("they start a new draft from the published version and retitle it"):
        page.get_by_role("link", name="Open the Short Breaks Statement").click()
        page.get_by_role("link", name="Start a new draft from this version").click()
        page.get_by_role("button", name="Start the new draft").click()
        expect(page.locator(".messagelist")).to_contain_text("Version 3 is a new draft")
        page.get_by_label("Title:").fill("Short Breaks Services Statement 2027")
        page.get_by_role("button", name="Save and continue editing").click()

    with then("the preview shows the draft as families will see it"):
        page.get_by_role("link", name="View on site").click()
        expect(page.locator("#preview-title")).to_have_text("Preview")
        expect(page.locator("h1")).to_have_text("Short Breaks Services Statement 2027")
        expect(page.locator("#the-range-of-short-breaks")).to_be_visible()
        assert_accessible(page)

    with when("they go back and publish it"):
        page.go_back()
        page.get_by_role("link", name="Publish this version").click()
        page.get_by_role("button", name="Publish version 3").click()
        expect(page.locator(".messagelist")).to_contain_text("Version 3 is published")

    with then("families see the new version, and the archive keeps the one it replaced"):
        page.goto(f"{site}/statement/")
        expect(page.locator("h1")).to_have_text("Short Breaks Services Statement 2027")
        page.get_by_role("link", name="All versions of the statement").last.click()
        expect(page.locator("#versions tbody tr")).to_have_count(3)
        page.get_by_role("link", name="Version 2").click()
        expect(page.locator(".govuk-warning-text")).to_contain_text("This version was replaced")
        expect(page.locator("h1")).to_have_text("Short Breaks Services Statement")
        assert_accessible(page)


@pytest.mark.parametrize("path", ["/statement/", "/statement/1/", "/statement/versions/"])
def test_the_statement_pages_have_no_accessibility_violations(page, statement_site, viewport, path):
    with given(f"a parent opens {path} at {viewport['width']}px"):
        page.goto(f"{statement_site}{path}")

    with then("axe finds nothing, and nothing but the tables' own regions scrolls sideways"):
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_a_keyboard_user_jumps_from_the_contents_to_a_section(page, statement_site):
    with given("a parent on the Statement using only the keyboard"):
        page.goto(f"{statement_site}/statement/")

    with when("they tab to 'Who can use them' in the contents and press Enter"):
        link = page.locator(".app-contents-list").get_by_role("link", name="Who can use them")
        tab_to(page, link)
        page.keyboard.press("Enter")

    with then("the page moves to that section"):
        expect(page).to_have_url(f"{statement_site}/statement/#who-can-use-them")
        expect(page.locator("#who-can-use-them")).to_be_in_viewport()

"""Officers' work is never lost, in a real browser: two editors save one listing at once and
the second chooses on the conflict page; the timeout warning before the idle sign-out offers
to stay signed in."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.steps import assert_accessible, given, then, when
from tests.browser.test_back_office import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def editors(site):
    from django.contrib.auth.models import Group, Permission

    from directory.roles import DIRECTORY_EDITOR, sync_roles
    from tests.factories import UserFactory

    sync_roles(Group, Permission)  # the groups, after an earlier test's database flush
    return [
        UserFactory(
            username=name, first_name=name.capitalize(), password=PASSWORD, roles=[DIRECTORY_EDITOR]
        )
        for name in ("eddie", "bo")
    ]


@pytest.fixture
def listing(editors):
    from tests.factories import BreakKindFactory, LocalityFactory, NeedFactory, ServiceFactory

    return ServiceFactory(
        name="Splash club",
        status="published",
        timing_notes="Not on bank holidays",
        needs=[NeedFactory(code="ASD", name="Autism")],
        kinds=[BreakKindFactory(code="sport", name="Sport")],
        localities=[LocalityFactory(code="home", name="Home")],
    )


def test_the_second_of_two_editors_chooses_on_the_conflict_page(browser, page, site, listing):
    change = f"{site}/admin/directory/service/{listing.pk}/change/"
    other = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

    with given("two editors with the same listing open"):
        sign_in(page, site, "eddie")
        page.goto(change)
        sign_in(other, site, "bo")
        other.goto(change)

    with when("Bo changes the timing notes and saves first"):
        other.get_by_label("Timing notes:").fill("Closed in August")
        other.get_by_role("button", name="Save", exact=True).click()
        expect(other.locator(".messagelist")).to_contain_text("was changed successfully")

    with when("Eddie renames the listing and saves over the older version"):
        page.get_by_label("Name:", exact=True).fill("Splash Club Plus")
        page.get_by_role("button", name="Save", exact=True).click()

    with then("Eddie sees both versions and that nothing of theirs is saved yet"):
        expect(page.locator("h1")).to_contain_text("was changed while you were editing it")
        expect(page.locator("#conflict-summary")).to_contain_text("Bo saved")
        expect(page.locator("#conflict-differences")).to_contain_text("Closed in August")
        expect(page.locator("#conflict-differences")).to_contain_text("Splash Club Plus")
        assert_accessible(page)

    with when("Eddie edits their version again and saves it"):
        page.get_by_role("button", name="Edit my version again").click()
        expect(page.get_by_label("Name:", exact=True)).to_have_value("Splash Club Plus")
        page.get_by_label("Timing notes:").fill("Closed in August")
        page.get_by_role("button", name="Save", exact=True).click()

    with then("both changes are saved"):
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
        listing.refresh_from_db()
        assert (listing.name, listing.timing_notes) == ("Splash Club Plus", "Closed in August")
    other.context.close()


def test_the_timeout_warning_offers_to_stay_signed_in(page, site, listing):
    warn_after = settings.STAFF_IDLE_MINUTES * 60 - 60 - 120

    with given("an editor with a listing open, the browser's clock under the test's control"):
        page.clock.install()
        sign_in(page, site, "eddie")
        page.goto(f"{site}/admin/directory/service/{listing.pk}/change/")
        page.get_by_label("Name:", exact=True).fill("Typed but not saved")

    with when("they leave it until two minutes before the sign-out"):
        page.clock.fast_forward(warn_after * 1000 + 1000)

    with then("a warning says so, its button has the focus, and the page is accessible"):
        dialog = page.get_by_role("dialog", name="You’re about to be signed out")
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text("we will sign you out in 2 minutes")
        expect(page.get_by_role("button", name="Stay signed in")).to_be_focused()
        assert_accessible(page)

    with when("they choose to stay signed in"):
        page.keyboard.press("Enter")

    with then("the warning closes and what they typed is still there"):
        expect(dialog).to_be_hidden()
        expect(page.get_by_label("Name:", exact=True)).to_have_value("Typed but not saved")

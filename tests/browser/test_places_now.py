"""Places now in a real browser: a provider posts a short-notice place in the back office; a
family finds it on the places page and on the service's page; a family asks for email alerts
from a search and confirms them by the link in the email."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.steps import assert_accessible, given, then, when

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


@pytest.fixture
def club(site):
    from django.contrib.auth.models import Group, Permission

    from directory.roles import PROVIDER, sync_roles
    from tests.factories import (
        BreakKindFactory,
        LocalityFactory,
        NeedFactory,
        ServiceFactory,
        UserFactory,
    )

    sync_roles(Group, Permission)  # the groups, after an earlier test's database flush
    provider_user = UserFactory(username="sam", roles=[PROVIDER])
    service = ServiceFactory(
        name="Splash club",
        min_age=5,
        max_age=11,
        kinds=[BreakKindFactory(code="sport-x", name="Sport (test)")],
        localities=[LocalityFactory(code="home-x", name="Home (test)")],
        needs=[NeedFactory(code="asd-x", name="Autism (test)")],
    )
    service.provider.users.add(provider_user)
    ServiceFactory(name="Someone else's club")
    return service


def sign_in(page, site, username):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("Short breaks back office")


def test_a_provider_posts_a_place_and_a_family_finds_it(page, site, club):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    with given("a provider user signed in to the back office"):
        sign_in(page, site, "sam")

    with when("they post a short-notice place on their club for tomorrow"):
        page.goto(f"{site}/admin/short_notice/shortnoticeplace/add/")
        service = page.locator("#id_service")
        options = service.locator("option").all_inner_texts()
        assert "Someone else's club" not in " ".join(options)
        service.select_option(label="Splash club")
        page.locator("#id_kind").select_option(label="Sport (test)")
        page.locator("#id_starts_on").fill(tomorrow.isoformat())
        page.locator("#id_start_time").fill("10:00")
        page.locator("#id_end_time").fill("16:00")
        page.locator("#id_places").fill("2")
        page.locator("#id_claim_phone").fill("01305 221000")
        page.locator("#id_offered_until_0").fill(tomorrow.isoformat())
        page.locator("#id_offered_until_1").fill("08:00")
        page.get_by_role("button", name="Save", exact=True).click()

    with then("it is saved"):
        expect(page.locator(".messagelist")).to_contain_text("was added successfully")
        page.get_by_role("button", name="Log out").click()

    with when("a family looks for places for a 9-year-old"):
        page.goto(f"{site}/places/")
        page.get_by_label("Child's age").fill("9")
        page.get_by_role("button", name="Apply filters").click()

    with then("they find it, with how to claim it"):
        expect(page.locator(".app-results-count")).to_contain_text("1 place in the next 14 days")
        expect(page.locator(".app-place")).to_contain_text("Splash club")
        expect(page.locator(".app-place")).to_contain_text("2 places")
        expect(page.get_by_role("link", name="01305 221000")).to_be_visible()
        assert_accessible(page)

    with then("the club's own page shows the place too"):
        page.locator(".app-place").get_by_role("link", name="Splash club").click()
        expect(page.locator("h1")).to_have_text("Splash club")
        expect(page.locator(".app-service-places")).to_contain_text("2 places")
        assert_accessible(page)


def test_a_family_asks_for_alerts_from_a_search_and_confirms(page, site, club):
    from django.core import mail

    from directory.short_notice.models import Alert

    with given("a family that searched the directory for a 9-year-old"):
        page.goto(f"{site}/directory/?age=9")
        expect(page.locator(".app-results-count")).to_contain_text("2 short breaks")

    with when("they ask for emails about new places and services that fit it"):
        page.get_by_role("link", name=re.compile("Get emails about new places")).click()
        expect(page.locator("h1")).to_have_text("Get emails about new places and services")
        assert_accessible(page)
        page.get_by_role("button", name="Send me a link to confirm").click()

    with then("a form with mistakes tells them what to put right"):
        expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
        assert_accessible(page)

    with when("they give their address and choose daily emails"):
        page.get_by_label("Email address").fill("parent@example.com")
        page.get_by_label("Once a day at most").check()
        page.get_by_role("button", name="Send me a link to confirm").click()

    with then("they are asked to check their email, and nothing is confirmed yet"):
        expect(page.locator("h1")).to_have_text("Check your email")
        alert = Alert.objects.get()
        assert (alert.search, alert.confirmed_at) == ("age=9", None)

    with when("they open the link in the email and confirm"):
        [message] = mail.outbox
        link = re.search(r"http://\S+/places/alerts/confirm/\S+/", message.body).group(0)
        page.goto(site + link[link.index("/places/") :])
        assert_accessible(page)
        page.get_by_role("button", name="Confirm and start my alerts").click()

    with then("their alerts have started"):
        expect(page.locator("h1")).to_contain_text("Your alerts have started")
        assert_accessible(page)
        alert.refresh_from_db()
        assert alert.confirmed_at is not None

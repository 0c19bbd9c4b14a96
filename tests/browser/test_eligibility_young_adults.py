"""A young adult and a family from another council walk the checker (issue 21): the young
adult's result names the adults' route with the council's contacts and links only to short
breaks they can reach; the family from elsewhere is asked nothing more. axe on each page."""

import pytest
from playwright.sync_api import expect

from tests.browser.steps import given, then, when
from tests.browser.test_eligibility import (  # checker_site: the fixture, shared
    born,
    both_widths_accessible,
    checker_site,  # noqa: F401
    choose,
    continue_,
    enter_date,
    see_result,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def young_adult_site(checker_site):  # noqa: F811
    """The default criteria, a council with its adults' contacts, and services for 16 to 25s."""
    from directory import search_index
    from directory.models import Council, Locality
    from tests.factories import ServiceFactory

    Council.objects.update(
        adult_social_care_name="Adult Social Care",
        adult_social_care_phone="01632 960 300",
        transition_team_name="Preparing for Adulthood team",
        transition_team_email="pfa@testshire.example",
    )
    localities = list(Locality.objects.all())
    ServiceFactory(
        name="Club for everyone", tier="universal", min_age=0, max_age=25, localities=localities
    )
    ServiceFactory(
        name="Young adults' befriending",
        tier="targeted",
        min_age=16,
        max_age=25,
        localities=localities,
    )
    search_index.forget()
    return checker_site


def test_a_young_adult_is_told_the_adults_route(page, young_adult_site):
    with given("the parent of a 20-year-old on PIP who needs care at night"):
        page.goto(young_adult_site + "/check/postcode/")
        page.get_by_label("What is your postcode?").fill("DT1 1XJ")
        continue_(page)
        enter_date(page, born(20))
        choose(page, "Yes")
        continue_(page)  # no needs chosen
        choose(page, "Yes, the enhanced rate")
        choose(page, "One adult just for them")
        choose(page, "No")  # complex health
        choose(page, "Yes")  # night needs
        choose(page, "I am not sure")  # behaviour
        choose(page, "No")  # carer
        choose(page, "No")  # the team

    with then("the result names Adult Social Care and the transition team, with contacts"):
        see_result(page)
        expect(page.locator(".app-result-card", has_text="Targeted short breaks")).to_contain_text(
            "Over the age limit"
        )
        card = page.locator("[data-test=young-adults]")
        expect(card).to_contain_text("Care Act assessment")
        expect(card).to_contain_text("01632 960 300")
        expect(card).to_contain_text("pfa@testshire.example")
        expect(page.get_by_text("You told us about needs at night")).to_be_visible()
        both_widths_accessible(page)

    with when("they follow the link to short breaks that fit"):
        page.get_by_role("link", name="See short breaks that fit").click()

    with then("only what a 20-year-old can reach is listed"):
        expect(page.get_by_role("heading", level=1)).to_have_text("Find short breaks")
        expect(page.get_by_role("link", name="Club for everyone")).to_be_visible()
        expect(page.get_by_role("link", name="Young adults' befriending")).to_have_count(0)

    with when("they go back and change an answer from the result"):
        page.go_back()
        page.get_by_role("link", name="Change does your child need care during the night?").click()
        choose(page, "No")

    with then("they check their answers again, and the result follows"):
        see_result(page)
        expect(page.get_by_text("You told us about needs at night")).to_have_count(0)
        expect(page.get_by_text("you were not sure about behaviour", exact=False)).to_be_visible()


def test_a_family_from_another_council_is_asked_nothing_more(page, young_adult_site):
    with given("a parent who gives no postcode"):
        page.goto(young_adult_site + "/check/postcode/")
        page.get_by_role("button", name="I do not want to give my postcode").click()

    with when("they say they do not live in the area"):
        choose(page, "No")

    with then("they are sent to their own council at once"):
        expect(page.get_by_role("heading", level=1)).to_have_text("Contact your own council")
        expect(page.get_by_role("link", name="Find your local council")).to_have_attribute(
            "href", "https://www.gov.uk/find-local-council"
        )
        both_widths_accessible(page)

"""A family acts on a service right first time: how to get a place and whom to call come first
on a phone, every number and address can be tapped, the page reads in one typeface, and the
printed shortlist carries what a family needs away from the screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE
from tests.browser.steps import (
    assert_accessible,
    given,
    print_with_the_keyboard,
    tab_to,
    then,
    when,
)
from tests.browser.test_eligibility import (  # noqa: F401 (checker_site is a fixture)
    answer_the_rest_no,
    born,
    checker_site,
    choose,
    continue_,
    enter_date,
    see_result,
)

pytestmark = pytest.mark.browser

# Every element with text of its own, and its font: none may fall back to the browser's serif.
FONTS = """() => [...document.body.querySelectorAll("*")]
  .filter((el) => !el.closest("script, style, template"))
  .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  .map((el) => ({ tag: el.tagName, text: el.textContent.trim().slice(0, 40),
                  font: getComputedStyle(el).fontFamily }))"""

# Text that reads as a UK telephone number or an email address, outside any link.
UNLINKED = r"""() => {
  const pattern = /(?:\+44\s?|\b0)\d[\d ]{8,11}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest("a, script, style")) continue;
    found.push(...(node.textContent.match(pattern) || []));
  }
  return found;
}"""


def specialist_service():
    """A demo service with the most to say: a specialist one, with notes on how to get in."""
    from directory.models import Service

    return (
        Service.objects.published()
        .filter(tier="specialist")
        .exclude(how_to_access="")
        .order_by("name")
        .first()
    )


def assert_contacts_are_links(page):
    assert page.evaluate(UNLINKED) == []
    for link in page.locator('a[href^="tel:"]').all():
        assert re.fullmatch(r"tel:\+?\d{3,15}", link.get_attribute("href"))


def test_the_service_page_puts_getting_a_place_first_on_a_phone_in_one_typeface(
    page, demo_site, viewport
):
    service = specialist_service()

    with given(f"a parent opens a specialist service's page at {viewport['width']}px"):
        page.goto(demo_site + service.get_absolute_url())

    with then("how to get a place and the contacts come before the description on a phone"):
        getting = page.get_by_role("heading", level=2, name="How to get a place").bounding_box()
        contact = page.get_by_role("heading", level=2, name="Contact", exact=True).bounding_box()
        described = page.get_by_role("heading", level=2, name="What happens").bounding_box()
        if viewport == MOBILE:
            assert getting["y"] < contact["y"] < described["y"]
        else:  # beside the details, in the right-hand column
            assert getting["x"] > described["x"] + described["width"]
            assert getting["y"] < described["y"]

    with then("every text is in the GOV.UK font stack the site is built with"):
        body_font = page.locator("main .govuk-body").first.evaluate(
            "(el) => getComputedStyle(el).fontFamily"
        )
        assert "arial" in body_font.lower() or "GDS Transport" in body_font
        fonts = page.evaluate(FONTS)
        assert len(fonts) > 50
        assert [f for f in fonts if f["font"] != body_font] == []

    with then("needs are a list, and phone numbers and emails are links"):
        needs = page.locator(".govuk-summary-list__row", has_text="Needs it supports")
        expect(needs.locator("ul.govuk-list--bullet li").first).to_be_visible()
        assert_contacts_are_links(page)
        expect(page.locator('main a[href^="tel:"]').first).to_be_visible()
        expect(page.locator('main a[href^="mailto:"]').first).to_be_visible()

    with then("it is accessible and fits the screen"):
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_every_phone_number_and_email_on_the_site_is_a_link(page, demo_site):
    from directory.models import Provider

    provider = Provider.objects.order_by("name").first()
    service = specialist_service()
    pages = {
        "the home page": "/",
        "the contact page": "/contact/",
        "a service": service.get_absolute_url(),
        "a provider": provider.get_absolute_url(),
        "a shared shortlist": f"/directory/shortlist/?services={service.pk}",
        "the checker's start": "/check/",
    }
    for name, path in pages.items():
        with when(f"a visitor opens {name}"):
            page.goto(demo_site + path)
        with then(f"{name} has no phone number or email that is not a link"):
            assert_contacts_are_links(page)
    with then("the emergency number on the contact page can be called"):
        page.goto(demo_site + "/contact/")
        expect(page.locator('a[href="tel:999"]')).to_have_text("999")


def test_a_keyboard_user_prints_a_shortlist_that_says_how_to_act_on_each_service(
    page, demo_site, viewport
):
    from django.conf import settings

    service = specialist_service()

    with given(f"a parent at {viewport['width']}px, using only the keyboard, on a service"):
        page.goto(demo_site + service.get_absolute_url())

    with when("they add it to their shortlist and open the shortlist"):
        tab_to(page, page.get_by_role("button", name="Add to shortlist"))
        page.keyboard.press("Enter")
        expect(page.get_by_text("Added to your shortlist.")).to_be_visible()
        tab_to(page, page.get_by_role("link", name="your shortlist", exact=True))
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text("Your shortlist")

    with then("the screen shows the list, and nothing of the print-out"):
        expect(page.locator(".app-result")).to_have_count(1)
        expect(page.locator(".app-print-only")).to_be_hidden()
        assert_accessible(page)

    with when("they print it"):
        print_with_the_keyboard(page, "Print this list")

    with then("the paper carries phone, email, times, cost, how to get a place and the address"):
        printed = page.locator(".app-print-service")
        expect(printed).to_have_count(1)
        expect(printed).to_be_visible()
        expect(printed).to_contain_text(service.name)
        expect(printed).to_contain_text(f"{settings.SITE_URL}{service.get_absolute_url()}")
        expect(printed).to_contain_text("Telephone: 01632")
        expect(printed).to_contain_text("Email: ")
        expect(printed.get_by_role("heading", name="When")).to_be_visible()
        expect(printed).to_contain_text(re.compile(r"\d(am|pm)|Times are agreed|midday"))
        expect(printed.get_by_role("heading", name="Cost")).to_be_visible()
        expect(printed.get_by_role("heading", name="How to get a place")).to_be_visible()
        expect(printed).to_contain_text("This is a specialist service")
        expect(page.locator(".app-print-only")).to_contain_text(
            f"{settings.SITE_URL}/directory/shortlist/?services={service.pk}"
        )
        expect(page.get_by_role("button", name="Print this list")).to_be_hidden()
        expect(page.locator(".govuk-header")).to_be_hidden()


def no_script_page(browser):
    return browser.new_context(java_script_enabled=False).new_page()


def test_without_javascript_the_shortlist_shows_no_print_button(browser, demo_site):
    from directory.models import Service

    service = Service.objects.published().order_by("name").first()
    page = no_script_page(browser)

    with given("a parent whose browser runs no JavaScript opens a shortlist"):
        page.goto(demo_site + f"/directory/shortlist/?services={service.pk}")
        expect(page.locator(".app-result")).to_have_count(1)

    with then("there is no 'Print this list' button that would do nothing"):
        button = page.get_by_role("button", name="Print this list", include_hidden=True)
        expect(button).to_have_count(1)
        expect(button).to_be_hidden()
    page.context.close()


def test_without_javascript_the_checkers_result_shows_no_print_button(
    browser,
    checker_site,  # noqa: F811 (the fixture, imported)
):
    page = no_script_page(browser)

    with given("a parent whose browser runs no JavaScript checks what they might get"):
        page.goto(checker_site + "/check/postcode/")
        page.get_by_label("What is your postcode?").fill("DT1 1XJ")
        continue_(page)
        enter_date(page, born(10))
        choose(page, "Yes")
        continue_(page)
        choose(page, "Yes, the middle rate")
        answer_the_rest_no(page)
        see_result(page)

    with then("there is no 'Print this page' button that would do nothing"):
        button = page.get_by_role("button", name="Print this page", include_hidden=True)
        expect(button).to_have_count(1)
        expect(button).to_be_hidden()
    page.context.close()

"""A parent finds short breaks: the real journey, with the keyboard alone, wide and narrow."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE
from tests.browser.steps import assert_accessible, given, tab_to, then, when

pytestmark = pytest.mark.browser


def open_filter_group(page, summary):
    details = page.locator("details.app-filter-group", has_text=summary)
    if details.get_attribute("open") is None:
        tab_to(page, details.locator("summary"))
        page.keyboard.press("Enter")


def test_a_parent_finds_a_saturday_club_and_prints_a_shortlist_with_the_keyboard(
    page, demo_site, viewport
):
    with given(f"a parent on the home page at {viewport['width']}px, using only the keyboard"):
        page.goto(demo_site + "/")

    with when("they follow 'Find short breaks'"):
        tab_to(page, page.get_by_role("link", name="Find short breaks").first)
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text("Find short breaks")

    with when("they open the filters, which a narrow screen folds behind a button"):
        toggle = page.get_by_role("button", name=re.compile("^Show filters"))
        if viewport == MOBILE:
            expect(toggle).to_be_visible()  # waits for the page's script to add it
            tab_to(page, toggle)
            page.keyboard.press("Enter")
            expect(page.get_by_role("button", name=re.compile("^Hide filters"))).to_be_visible()
        else:
            page.wait_for_load_state("load")
            expect(toggle).to_be_hidden()

    with when("they ask for Saturday clubs for a 9-year-old with autism within 5 miles of DT1 1XJ"):
        tab_to(page, page.get_by_label("Postcode"))
        page.keyboard.type("DT1 1XJ")
        tab_to(page, page.get_by_label("Within"))
        page.keyboard.type("5")
        tab_to(page, page.get_by_label("Child's age"))
        page.keyboard.type("9")
        open_filter_group(page, "Needs")
        tab_to(page, page.get_by_role("checkbox", name=re.compile(r"^Autism")))
        page.keyboard.press("Space")
        open_filter_group(page, "Kind of break")
        tab_to(page, page.get_by_role("checkbox", name=re.compile(r"^Saturday and weekend club")))
        page.keyboard.press("Space")
        tab_to(page, page.get_by_role("button", name="Apply filters"))
        page.keyboard.press("Enter")

    with then("they see Saturday clubs near them, nearest first, each with its distance"):
        expect(page.locator(".app-results-count")).to_contain_text("short break")
        first = page.locator(".app-result").first
        expect(first).to_contain_text("miles away")
        expect(first).to_contain_text("Saturday and weekend club")
        expect(page.locator(".app-filter-tag", has_text="DT1 1XJ, within 5 miles")).to_be_attached()
        if viewport["width"] < 641:
            expect(page.get_by_role("button", name="Show filters (4 selected)")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert_accessible(page)

    with when("they open the first result"):
        link = first.get_by_role("link")
        name = link.inner_text()
        tab_to(page, link)
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        assert_accessible(page)

    with when("they add it to their shortlist"):
        tab_to(page, page.get_by_role("button", name="Add to shortlist"))
        page.keyboard.press("Enter")
        expect(page.get_by_text("Added to your shortlist.")).to_be_visible()

    with when("they go to their shortlist"):
        page.goto(demo_site + "/directory/shortlist/")
        expect(page.locator(".app-result")).to_have_count(1)
        expect(page.locator(".app-result")).to_contain_text(name)
        assert_accessible(page)

    with then("they can print it, and the printed page leaves out the menus and buttons"):
        page.evaluate("window.print = () => { window.printed = true; }")
        tab_to(page, page.get_by_role("button", name="Print this list"))
        page.keyboard.press("Enter")
        assert page.evaluate("window.printed") is True
        page.emulate_media(media="print")
        expect(page.locator(".govuk-header")).to_be_hidden()
        expect(page.locator(".govuk-service-navigation")).to_be_hidden()
        expect(page.get_by_role("button", name=re.compile("Remove"))).to_be_hidden()
        expect(page.locator(".app-result")).to_be_visible()


def test_the_directory_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    with given("a parent whose browser runs no JavaScript"):
        page.goto(demo_site + "/directory/")

    with when("they filter by age and apply"):
        page.get_by_label("Child's age").fill("15")
        page.get_by_role("button", name="Apply filters").click()

    with then("the results are filtered and a service opens"):
        expect(page.locator(".app-filter-tag", has_text="15")).to_be_visible()
        page.locator(".app-result a").first.click()
        expect(page.get_by_role("heading", level=2, name="Who it is for")).to_be_visible()
    context.close()


def test_every_directory_page_has_no_accessibility_violations(page, demo_site, viewport):
    from directory.models import Provider, Service

    service = Service.objects.published().order_by("name").first()
    archived = Service.objects.filter(status="archived").first()
    provider = Provider.objects.order_by("name").first()
    pages = {
        "results": "/directory/?age=9",
        "no results": "/directory/?q=zzzzzz+nothing",
        "an error": "/directory/?postcode=nonsense&age=old&need=XYZ",
        "a service": service.get_absolute_url(),
        "a service no longer listed": archived.get_absolute_url(),
        "a provider": provider.get_absolute_url(),
        "an empty shortlist": "/directory/shortlist/",
        "a shared shortlist": f"/directory/shortlist/?services={service.pk}",
        "report a problem": f"/directory/services/{service.pk}/report/",
    }
    for name, path in pages.items():
        with when(f"a visitor opens {name} at {viewport['width']}px"):
            page.goto(demo_site + path)
        with then(f"{name} has no accessibility violations and fits the screen"):
            assert_accessible(page)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    with when("a visitor sends a report with nothing filled in"):
        page.goto(demo_site + f"/directory/services/{service.pk}/report/")
        page.get_by_role("button", name="Send report").click()
    with then("the error page is accessible and the summary links to the question"):
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        assert page.title().startswith("Error: ")
        assert_accessible(page)

    with when("they send a proper report"):
        page.get_by_label("Contact details are wrong").check()
        page.get_by_label("Tell us what is wrong").fill("The phone number has changed.")
        page.get_by_role("button", name="Send report").click()
    with then("the confirmation is accessible"):
        expect(page.get_by_role("heading", name="Thank you for telling us")).to_be_visible()
        assert_accessible(page)

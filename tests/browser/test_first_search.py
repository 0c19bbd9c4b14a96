"""A tired parent's first search, on a phone and a desktop, with the keyboard alone: from the
home page's start button to results nearest first, a shortlist and back to the same results."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.http import QueryDict
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE
from tests.browser.steps import assert_accessible, given, tab_to, then, when

pytestmark = pytest.mark.browser

RADIUS = 5  # not the default 10: the search must follow the council's configuration
DISTANCE = re.compile(r"\((Less than )?([\d.]+) miles? away\)")


def press(page, locator, key="Enter"):
    tab_to(page, locator)
    page.keyboard.press(key)


def start_finding_short_breaks(page, site, viewport):
    page.goto(site + "/")
    press(page, page.locator("main").get_by_role("link", name="Find short breaks"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Find short breaks")
    show_filters(page, viewport)


def show_filters(page, viewport):
    """On a phone the page's script folds the filters behind a button; open them."""
    if viewport == MOBILE:
        toggle = page.get_by_role("button", name=re.compile("^Show filters"))
        expect(toggle).to_be_visible()
        press(page, toggle)


def open_the_shortlist(page):
    """Follow "Your shortlist" in the service navigation, which a phone folds behind "Menu"
    when JavaScript runs."""
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():
        press(page, menu)
    press(page, page.get_by_role("link", name=re.compile(r"^Your shortlist")))


def search_for(page, label, text):
    press(page, page.get_by_label(label, exact=True), "Control+A")
    page.keyboard.type(text)
    press(page, page.get_by_role("button", name="Apply filters"))
    expect(page.locator(".app-results-count")).to_contain_text("short break")


def result_names(page) -> list[str]:
    return page.locator(".app-result h2").all_inner_texts()


def query_of(url: str) -> dict:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def fits_the_screen(page, viewport):
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def assert_accessible_without_javascript(browser, page, viewport):
    """axe needs JavaScript (and hangs without it): check the page the JavaScript-free browser
    is on, with its cookies, where the site's own scripts are blocked instead."""
    checker = browser.new_context(viewport=viewport, locale="en-GB")
    checker.route(re.compile(r"\.js(\?.*)?$"), lambda route: route.abort())
    checker.add_cookies(page.context.cookies())
    same = checker.new_page()
    same.goto(page.url)
    assert "js-enabled" not in (same.locator("body").get_attribute("class") or "")
    assert_accessible(same)
    checker.close()


def test_a_postcode_alone_gives_the_nearest_first_within_the_councils_radius(
    page, demo_site, viewport
):
    from directory.models import Council

    with given(
        f"a council that searches {RADIUS} miles around a postcode, and a parent on "
        f"the home page at {viewport['width']}px with only a keyboard"
    ):
        Council.objects.update(search_radius_miles=RADIUS)

    with when("they press the start button and search from their postcode, nothing else"):
        start_finding_short_breaks(page, demo_site, viewport)
        search_for(page, "Postcode", "DT1 1XJ")

    with then("the nearest come first, none further than the council's radius"):
        assert "sort" not in query_of(page.url)
        cards = " ".join(page.locator(".app-result").all_inner_texts())
        distances = [0.0 if less else float(miles) for less, miles in DISTANCE.findall(cards)]
        assert len(distances) >= 2
        assert distances == sorted(distances)
        assert max(distances) <= RADIUS
        expect(
            page.locator(".app-filter-tag", has_text=f"DT1 1XJ, within {RADIUS} miles")
        ).to_be_attached()
        expect(page.get_by_label("Sort by")).to_have_value("distance")
        expect(page.get_by_label("Within")).to_have_value(str(RADIUS))
        fits_the_screen(page, viewport)
        assert_accessible(page)


def test_keywords_alone_give_the_best_matches_first(page, demo_site, viewport):
    from directory.filters import ServiceFilter
    from directory.models import Service
    from directory.querysets import FilterOptions
    from directory.results import results_page

    words = "swimming"
    best_first = results_page(
        ServiceFilter(
            QueryDict(f"q={words}"),
            queryset=Service.objects.published(),
            options=FilterOptions.load(),
            council_name="",
        ),
        number=1,
        size=20,
    )
    expected = [service.name for service in best_first.services]

    with given(f"a parent on the home page at {viewport['width']}px with only a keyboard"):
        assert expected != sorted(expected)  # a search where the order tells

    with when(f"they search for '{words}'"):
        start_finding_short_breaks(page, demo_site, viewport)
        search_for(page, "Search", words)

    with then("the best matches come first, not A to Z"):
        assert "sort" not in query_of(page.url)
        assert result_names(page) == expected
        expect(page.get_by_label("Sort by")).to_have_value("relevance")
        fits_the_screen(page, viewport)
        assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_a_family_adds_a_result_to_the_shortlist_and_stays_on_the_results(
    browser, page, demo_site, viewport, javascript
):
    if not javascript:
        context = browser.new_context(java_script_enabled=False, viewport=viewport, locale="en-GB")
        page = context.new_page()

    with given(
        f"a parent with results for their postcode at {viewport['width']}px, "
        f"{'with' if javascript else 'without'} JavaScript, using only a keyboard"
    ):
        page.goto(demo_site + "/directory/?postcode=DT1+1XJ&page=2")
        expect(page.locator(".app-result").first).to_be_visible()

    with when("they add the first result on the page to their shortlist"):
        name, searched = result_names(page)[0], page.url
        press(page, page.get_by_role("button", name=f"Add {name} to shortlist"))

    with then("they are back on the same page of the same results, told it is on the list"):
        expect(page.get_by_text("Added to your shortlist.")).to_be_visible()
        assert page.url.split("#")[0] == searched
        card = page.locator(".app-result", has_text=name)
        expect(card).to_contain_text("On your shortlist")
        expect(card.get_by_role("button", name=f"Remove {name} from shortlist")).to_be_visible()
        expect(page.locator(".govuk-service-navigation")).to_contain_text("Your shortlist (1)")

    with when("they open their shortlist"):
        open_the_shortlist(page)

    with then("it holds that service, and both pages are accessible"):
        expect(page.locator(".app-result")).to_have_count(1)
        expect(page.locator(".app-result")).to_contain_text(name)
        page.go_back()
        expect(page.locator(".app-result", has_text=name)).to_contain_text("On your shortlist")
        fits_the_screen(page, viewport)
        if javascript:
            assert_accessible(page)
        else:
            assert_accessible_without_javascript(browser, page, viewport)
            page.context.close()


def test_back_to_results_restores_the_search_its_page_and_its_order(page, demo_site, viewport):
    with given(
        f"a parent at {viewport['width']}px with only a keyboard, who searched from their postcode"
    ):
        start_finding_short_breaks(page, demo_site, viewport)
        search_for(page, "Postcode", "DT1 1XJ")

    with when("they sort the results A to Z and go to the next page"):
        press(page, page.get_by_label("Sort by"), "n")  # typing picks "Name (A to Z)"
        press(page, page.get_by_role("button", name="Sort", exact=True))
        expect(page.get_by_label("Sort by")).to_have_value("name")
        press(page, page.locator(".govuk-pagination__next a"))
        expect(page.locator(".govuk-pagination__link[aria-current=page]")).to_have_text("2")
        results_page, names = page.url, result_names(page)

    with when("they open a result"):
        link = page.locator(".app-result h2 a").nth(2)
        press(page, link)
        expect(page.get_by_role("heading", level=1)).to_have_text(names[2])

    with when("they go back to the results with the link at the top of the page"):
        press(page, page.get_by_role("link", name="Back to results"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Find short breaks")

    with then("they see the same page of the same search, in the same order"):
        assert query_of(page.url) == query_of(results_page)
        assert (
            query_of(page.url).items()
            >= {"postcode": "DT1 1XJ", "sort": "name", "page": "2"}.items()
        )
        assert result_names(page) == names
        expect(page.get_by_label("Sort by")).to_have_value("name")
        fits_the_screen(page, viewport)
        assert_accessible(page)

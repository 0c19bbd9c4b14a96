import datetime as dt
from decimal import Decimal

import pytest

from directory.presenters import (
    describe_ages,
    describe_cost,
    describe_date,
    describe_distance,
    describe_time,
    directions_url,
    is_review_overdue,
    page_links,
    support_offered,
)
from tests.factories import ServiceFactory, VenueFactory


@pytest.mark.parametrize(
    ("youngest", "oldest", "text"),
    [(5, 18, "Ages 5 to 18"), (7, 7, "Age 7"), (0, 25, "Ages 0 to 25")],
)
def test_describe_ages(youngest, oldest, text):
    assert describe_ages(youngest, oldest) == text


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"is_free": True, "cost_amount": None}, "Free"),
        ({"cost_amount": Decimal("10"), "cost_unit": "session"}, "£10 per session"),
        ({"cost_amount": Decimal("16.50"), "cost_unit": "hour"}, "£16.50 per hour"),
        ({"cost_amount": None, "cost_unit": ""}, "Ask the provider about cost"),
    ],
)
def test_describe_cost(fields, text):
    assert describe_cost(ServiceFactory.build(**fields)) == text


@pytest.mark.parametrize(
    ("miles", "text"),
    [
        (None, ""),
        (0.04, "Less than 0.1 miles away"),
        (1.0, "1.0 mile away"),
        (2.345, "2.3 miles away"),
        (12.6, "13 miles away"),
    ],
)
def test_describe_distance(miles, text):
    assert describe_distance(miles) == text


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (dt.time(10), "10am"),
        (dt.time(15, 30), "3:30pm"),
        (dt.time(12), "midday"),
        (dt.time(0), "midnight"),
    ],
)
def test_times_are_written_the_govuk_way(moment, text):
    assert describe_time(moment) == text


def test_dates_are_written_the_govuk_way():
    assert describe_date(dt.date(2026, 3, 3)) == "3 March 2026"
    assert describe_date(None) == ""


@pytest.mark.parametrize(
    ("checked", "overdue"),
    [
        (dt.date(2026, 11, 22), False),
        (dt.date(2025, 11, 22), False),
        (dt.date(2025, 11, 21), True),
        (None, True),
    ],
)
def test_a_listing_is_overdue_after_a_year_without_a_check(checked, overdue):
    assert is_review_overdue(checked, dt.date(2026, 11, 22)) is overdue


def test_support_offered_lists_what_is_ticked():
    service = ServiceFactory.build(ratio_two_to_one=True, gastrostomy_feeding=True)

    assert support_offered(service) == ["2 workers to 1 child (2:1)", "Gastrostomy feeding"]


def test_directions_go_to_the_venues_position_or_address():
    assert "destination=50.71520%2C-2.44060" in directions_url(
        VenueFactory.build(latitude=50.7152, longitude=-2.4406)
    )
    assert "destination=1+High+Street" in directions_url(
        VenueFactory.build(latitude=None, longitude=None)
    )


def test_page_links_show_first_last_and_neighbours_with_ellipses():
    pages = page_links("/directory/", [("need", "ASD"), ("page", "5")], 5, 9)

    assert [link.number for link in pages["links"]] == [1, None, 4, 5, 6, None, 9]
    assert pages["links"][0].url == "/directory/?need=ASD"
    assert pages["previous"] == "/directory/?need=ASD&page=4"
    assert pages["next"] == "/directory/?need=ASD&page=6"
    assert page_links("/d/", [], 1, 1)["next"] == ""
